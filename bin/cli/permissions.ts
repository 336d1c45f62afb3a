import { ALL_COLLECTORS } from '../../lib/sources/live/collectors';
import { selectCollectors } from '../../lib/sources/live/collect';
import { auditPermissions, auditPolicyDocument } from '../../lib/sources/live/permissions';
import { collectorServicesFor } from '../../lib/sources/live/plan';
import { EXIT } from './exit-codes';
import type { Io } from './program';

export interface PermissionsFlags {
  readonly format: 'text' | 'json';
  readonly services?: string[];
}

export function runPermissions(flags: PermissionsFlags, io: Io): number {
  const collectors = selectCollectors(ALL_COLLECTORS, collectorServicesFor(flags.services));
  io.stdout.write(flags.format === 'json' ? `${JSON.stringify(auditPolicyDocument(collectors), null, 2)}\n` : `${auditPermissions(collectors).join('\n')}\n`);
  return EXIT.OK;
}
