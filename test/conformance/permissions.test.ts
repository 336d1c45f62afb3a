import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { DRIVER_PERMISSIONS, collectInventory } from '../../lib/sources/live/collect';
import type { Collector, CollectorTask } from '../../lib/sources/live/collector';
import { ALL_COLLECTORS } from '../../lib/sources/live/collectors';
import { S3_ACTION_OF_OPERATION } from '../../lib/sources/live/collectors/cloudtrail';
import { auditPermissions } from '../../lib/sources/live/permissions';
import { simulateExampleAccount } from '../../lib/testing/simulated-aws';

/** Where the IAM action prefix differs from the SDK service name the calls are counted under. */
const IAM_PREFIX: Readonly<Record<string, string>> = { accessanalyzer: 'access-analyzer' };

/** `s3:GetPublicAccessBlock` (as called) → `s3:GetBucketPublicAccessBlock` (as IAM authorizes it). */
function asIamAction(call: string): string {
  const [service, operation] = call.split(':') as [string, string];
  if (service === 's3' && S3_ACTION_OF_OPERATION[operation]) return S3_ACTION_OF_OPERATION[operation];
  return `${IAM_PREFIX[service] ?? service}:${operation}`;
}

const alone = (collector: Collector, task: CollectorTask): Collector => ({ ...collector, tasks: [task] });

describe('collector permissions', () => {
  test.each(ALL_COLLECTORS.flatMap((c) => c.tasks.map((t) => [`${c.service} ${t.kind}`, c, t] as const)))(
    '%s calls only actions it declares',
    async (_name, collector, task) => {
      const sim = simulateExampleAccount({ pageSize: 2 });
      const inventory = await collectInventory({
        ...sim.clientOptions(),
        collectors: [alone(collector, task)],
        homeRegion: 'us-east-1',
        regions: ['eu-west-1', 'us-east-1'],
        retryStrategy: new ConfiguredRetryStrategy(2, () => 1),
      });
      const called = Object.keys(sim.calls).map(asIamAction);
      const allowed = new Set([...task.permissions, ...DRIVER_PERMISSIONS]);
      expect(called.filter((a) => !allowed.has(a))).toEqual([]);
      // The example account must reach the task, or this proves nothing.
      expect(inventory.coverage.some((c) => c.kind === task.kind && c.status === 'ok')).toBe(true);
      expect(called.some((a) => task.permissions.includes(a))).toBe(true);
    },
  );

  test('the generated audit policy is read-only and covers every declared action', () => {
    const actions = auditPermissions();
    for (const action of actions) expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get|GenerateCredentialReport)/);
    for (const c of ALL_COLLECTORS) for (const t of c.tasks) for (const p of t.permissions) expect(actions).toContain(p);
  });
});
