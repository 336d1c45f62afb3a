import type { PolicyDocument } from '../../model';
import { DRIVER_PERMISSIONS } from './collect';
import { requiredPermissions, type Collector } from './collector';
import { ALL_COLLECTORS } from './collectors';

/** Every IAM action a live audit of these collectors needs, driver calls included, sorted. */
export function auditPermissions(collectors: readonly Collector[] = ALL_COLLECTORS): string[] {
  return [...new Set([...DRIVER_PERMISSIONS, ...requiredPermissions(collectors)])].sort();
}

/**
 * A ready identity policy for the audit role: read-only by construction, since it is generated from
 * what the collectors declare (a conformance test proves the declarations cover every call).
 */
export function auditPolicyDocument(collectors: readonly Collector[] = ALL_COLLECTORS): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'HardeksReadOnlyAudit', Effect: 'Allow', Action: auditPermissions(collectors), Resource: ['*'] }],
  };
}
