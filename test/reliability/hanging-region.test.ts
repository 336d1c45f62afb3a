import { exampleAccountWorld } from '../../lib/testing/simulated-aws';
import { audit, briefly, collectWith, findingKey } from './support';

describe('a region that never answers', () => {
  test('is bounded by the task timeout: recorded TIMED_OUT, and the other region and IAM are judged as in the clean run', async () => {
    const clean = audit((await collectWith(exampleAccountWorld())).inventory);
    const started = Date.now();
    const { inventory } = await collectWith(exampleAccountWorld(), [{ operation: '*', region: 'eu-west-1', type: 'hang' }], { taskTimeoutMs: 400 });
    const elapsed = Date.now() - started;

    // Every task of the hung region runs at once, so the whole audit takes about one timeout, not one per task.
    expect(elapsed).toBeLessThan(5_000);
    const hung = inventory.coverage.filter((c) => c.region === 'eu-west-1');
    expect(hung.length).toBeGreaterThan(10);
    expect(hung.every((c) => c.status === 'error' && c.issue?.code === 'TIMED_OUT')).toBe(true);
    expect(inventory.coverage.filter((c) => c.region === 'us-east-1' || c.kind.startsWith('iam.')).every((c) => c.status === 'ok')).toBe(true);

    const report = audit(inventory);
    const judgedElsewhere = (region: string) => (f: { resource: { region: string } }) => f.resource.region === region;
    // CloudTrail judges a region by trails homed anywhere (a multi-region trail of the hung region covers it too): UNKNOWN there is right.
    const ownData = (f: { service: string }) => f.service !== 'cloudtrail';
    expect(report.findings.filter(judgedElsewhere('us-east-1')).filter(ownData).map(briefly)).toEqual(clean.findings.filter(judgedElsewhere('us-east-1')).filter(ownData).map(briefly));
    const cleanStatus = new Map(clean.findings.map((f) => [findingKey(f), f.status]));
    expect(report.findings.filter(judgedElsewhere('us-east-1')).filter((f) => f.status !== 'UNKNOWN' && f.status !== cleanStatus.get(findingKey(f))).map(briefly)).toEqual([]);
    expect(report.findings.filter((f) => f.service === 'iam' && f.resource.region === 'global').map(briefly)).toEqual(
      clean.findings.filter((f) => f.service === 'iam' && f.resource.region === 'global').map(briefly),
    );
    // Nothing in the hung region is judged: no PASS and no FAIL.
    expect(report.findings.filter((f) => f.resource.region === 'eu-west-1' && (f.status === 'PASS' || f.status === 'FAIL')).map(briefly)).toEqual([]);
  });
});
