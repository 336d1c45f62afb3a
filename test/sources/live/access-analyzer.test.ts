import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { ALL_CHECKS } from '../../../lib/checks';
import { runChecks } from '../../../lib/engine/run';
import { inventorySchema, type Inventory } from '../../../lib/model';
import { collectInventory } from '../../../lib/sources/live/collect';
import { accessAnalyzerCollector, toAccessAnalyzer } from '../../../lib/sources/live/collectors/access-analyzer';
import { exampleAccessAnalyzerWorld } from '../../../lib/testing/simulated-aws/services/access-analyzer';
import { COLLECTED_AT, IDENTITY_ACCOUNT, collectFrom, identityWorld, serviceCalls, simulateIdentity } from '../../fixtures/live-iam/sim';

const ACCOUNT = '123456789012';
const analyzerArn = (region: string, name: string, account = ACCOUNT) => `arn:aws:access-analyzer:${region}:${account}:analyzer/${name}`;

/** Findings of the checks that read analyzers, for one region. */
function analyzerFindings(inventory: Inventory, region: string) {
  const ids = new Set(ALL_CHECKS.filter((c) => c.kind === 'accessanalyzer.analyzer').map((c) => c.id));
  return runChecks(inventory, ALL_CHECKS, { now: COLLECTED_AT }).findings.filter((f) => ids.has(f.checkId) && f.resource.region === region);
}

describe('Access Analyzer collector: mapping recorded responses (aws-sdk-client-mock)', () => {
  const sts = mockClient(STSClient);
  const ec2 = mockClient(EC2Client);
  const analyzer = mockClient(AccessAnalyzerClient);

  beforeEach(() => {
    sts.reset();
    ec2.reset();
    analyzer.reset();
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/auditor` });
    ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' }] });
  });
  afterAll(() => {
    sts.restore();
    ec2.restore();
    analyzer.restore();
  });

  test('every analyzer type over two pages, one listing without a type filter; Dates and optional fields left out', async () => {
    analyzer
      .on(ListAnalyzersCommand)
      .resolvesOnce({
        analyzers: [
          {
            arn: analyzerArn('eu-west-1', 'ConsoleAnalyzer-5e1f'),
            name: 'ConsoleAnalyzer-5e1f',
            type: 'ACCOUNT',
            status: 'ACTIVE',
            createdAt: new Date('2023-05-05T10:00:00Z'),
            lastResourceAnalyzed: 'arn:aws:s3:::logs',
            lastResourceAnalyzedAt: new Date('2026-11-25T00:00:00Z'),
            tags: { owner: 'security' },
          },
        ],
        nextToken: 'page-2',
      })
      .resolvesOnce({
        analyzers: [
          {
            arn: analyzerArn('eu-west-1', 'UnusedAccess-ConsoleAnalyzer-77aa'),
            name: 'UnusedAccess-ConsoleAnalyzer-77aa',
            type: 'ACCOUNT_UNUSED_ACCESS',
            status: 'ACTIVE',
            createdAt: new Date('2024-01-01T00:00:00Z'),
            configuration: { unusedAccess: { unusedAccessAge: 90 } },
          },
          {
            arn: analyzerArn('eu-west-1', 'org'),
            name: 'org',
            type: 'ORGANIZATION',
            status: 'DISABLED',
            statusReason: { code: 'AWS_SERVICE_ACCESS_DISABLED' },
            createdAt: new Date('2022-01-01T00:00:00Z'),
          },
        ],
      });
    const inventory = await collectInventory({
      credentials: { accessKeyId: 'AKIAMOCK', secretAccessKey: 'mock' },
      collectors: [accessAnalyzerCollector],
      homeRegion: 'eu-west-1',
      now: () => COLLECTED_AT,
    });
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const inputs = analyzer.commandCalls(ListAnalyzersCommand).map((c) => c.args[0].input);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).not.toHaveProperty('type');
    expect(inputs[1]).toMatchObject({ nextToken: 'page-2' });

    const analyzers = inventory.resources['accessanalyzer.analyzer']!;
    expect(analyzers.map((a) => [a.name, a.type, a.status])).toEqual([
      ['ConsoleAnalyzer-5e1f', 'ACCOUNT', 'ACTIVE'],
      ['org', 'ORGANIZATION', 'DISABLED'],
      ['UnusedAccess-ConsoleAnalyzer-77aa', 'ACCOUNT_UNUSED_ACCESS', 'ACTIVE'],
    ]);
    expect(analyzers[0]).toEqual({
      kind: 'accessanalyzer.analyzer',
      id: analyzerArn('eu-west-1', 'ConsoleAnalyzer-5e1f'),
      origin: { kind: 'aws', arn: analyzerArn('eu-west-1', 'ConsoleAnalyzer-5e1f'), accountId: ACCOUNT, region: 'eu-west-1' },
      tags: { owner: 'security' },
      name: 'ConsoleAnalyzer-5e1f',
      arn: analyzerArn('eu-west-1', 'ConsoleAnalyzer-5e1f'),
      type: 'ACCOUNT',
      status: 'ACTIVE',
    });
    expect(analyzers[1]!.tags).toEqual({});
    expect(inventory.coverage).toEqual([{ kind: 'accessanalyzer.analyzer', region: 'eu-west-1', status: 'ok' }]);
  });

  test('toAccessAnalyzer keeps the region it was listed in', () => {
    const a = toAccessAnalyzer({ arn: analyzerArn('ap-south-1', 'x'), name: 'x', type: 'ORGANIZATION_UNUSED_ACCESS', status: 'CREATING', createdAt: new Date(0) }, { accountId: ACCOUNT, region: 'ap-south-1' });
    expect(a).toMatchObject({ origin: { region: 'ap-south-1' }, type: 'ORGANIZATION_UNUSED_ACCESS', status: 'CREATING' });
  });
});

describe('Access Analyzer collector through the simulated AWS', () => {
  const world = () => identityWorld({ accessanalyzer: exampleAccessAnalyzerWorld(IDENTITY_ACCOUNT) });

  test('collects each enabled region; a region whose only analyzer FAILED is a FAIL, one with an active ACCOUNT analyzer a PASS', async () => {
    const sim = simulateIdentity(world(), 1);
    const inventory = await collectFrom(sim, [accessAnalyzerCollector]);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    expect(inventory.resources['accessanalyzer.analyzer']!.map((a) => a.id)).toEqual([
      analyzerArn('eu-west-1', 'account-analyzer', IDENTITY_ACCOUNT),
      analyzerArn('eu-west-1', 'unused-access', IDENTITY_ACCOUNT),
      analyzerArn('us-east-1', 'org-analyzer', IDENTITY_ACCOUNT),
    ]);
    // Page size 1: two pages in eu-west-1 (one analyzer each) and one in us-east-1; none in the region not opted in to.
    expect(serviceCalls(sim, 'accessanalyzer')).toEqual({ 'accessanalyzer:ListAnalyzers': 3 });
    expect(inventory.coverage.map((c) => [c.region, c.status])).toEqual([
      ['eu-west-1', 'ok'],
      ['us-east-1', 'ok'],
    ]);
    expect(analyzerFindings(inventory, 'eu-west-1').map((f) => f.status)).toContain('PASS');
    // us-east-1 has only a FAILED organization analyzer.
    const east = analyzerFindings(inventory, 'us-east-1');
    expect(east.length).toBeGreaterThan(0);
    expect(east.every((f) => f.status === 'FAIL')).toBe(true);
  });

  test('AccessDenied on ListAnalyzers in one region: coverage error there and its findings UNKNOWN, never PASS', async () => {
    const sim = simulateIdentity(world()).inject({ operation: 'accessanalyzer:ListAnalyzers', region: 'eu-west-1', type: 'access-denied' });
    const inventory = await collectFrom(sim, [accessAnalyzerCollector]);
    expect(inventory.coverage).toContainEqual({
      kind: 'accessanalyzer.analyzer',
      region: 'eu-west-1',
      status: 'error',
      issue: expect.objectContaining({ code: 'ACCESS_DENIED', service: 'accessanalyzer', operation: 'ListAnalyzers' }),
    });
    const west = analyzerFindings(inventory, 'eu-west-1');
    expect(west.length).toBeGreaterThan(0);
    expect(west.every((f) => f.status === 'UNKNOWN')).toBe(true);
    expect(analyzerFindings(inventory, 'us-east-1').every((f) => f.status === 'FAIL')).toBe(true);
  });

  test('a region asked for but not enabled is REGION_DISABLED without a call', async () => {
    const sim = simulateIdentity(world());
    const inventory = await collectFrom(sim, [accessAnalyzerCollector], { regions: ['us-east-1', 'af-south-1'] });
    expect(sim.calls['accessanalyzer:ListAnalyzers']).toBe(1);
    expect(inventory.coverage).toContainEqual(expect.objectContaining({ kind: 'accessanalyzer.analyzer', region: 'af-south-1', status: 'error', issue: expect.objectContaining({ code: 'REGION_DISABLED' }) }));
    expect(analyzerFindings(inventory, 'af-south-1').every((f) => f.status === 'UNKNOWN')).toBe(true);
  });

  test('the task calls only what it declares (IAM spells the prefix access-analyzer)', async () => {
    const sim = simulateIdentity(world());
    await collectFrom(sim, [accessAnalyzerCollector]);
    const called = Object.keys(serviceCalls(sim, 'accessanalyzer')).map((op) => op.replace(/^accessanalyzer:/, 'access-analyzer:'));
    expect(called).toEqual(['access-analyzer:ListAnalyzers']);
    expect(called.every((op) => accessAnalyzerCollector.tasks[0]!.permissions.includes(op))).toBe(true);
  });
});
