import { ALL_CHECKS } from '../../lib/checks';
import { selectChecks } from '../../lib/checks/select';
import { catalogEntries, formatCatalogText } from '../../lib/report/catalog';
import { EXIT } from './exit-codes';
import type { Io } from './program';

export interface ChecksFlags {
  readonly format: 'text' | 'json';
  readonly services?: string[];
}

export function runChecksCommand(flags: ChecksFlags, io: Io): number {
  const checks = selectChecks(ALL_CHECKS, { services: flags.services });
  io.stdout.write(flags.format === 'json' ? `${JSON.stringify(catalogEntries(checks), null, 2)}\n` : formatCatalogText(checks));
  return EXIT.OK;
}
