import * as path from 'node:path';
import { ALL_CHECKS } from '../../lib/checks';
import { runChecks } from '../../lib/engine';
import { GLOBAL_KINDS, GLOBAL_REGION, RESOURCE_KINDS, isUnresolved, type Inventory, type ResourceKind, type ResourceKinds } from '../../lib/model';
import { readSnapshot } from '../../lib/sources/snapshot/snapshot';

const DEMO_FILE = path.join(__dirname, '..', '..', 'examples', 'demo-account.json');
const ACCOUNT = '123456789012';
const REGIONS = ['eu-west-1', 'us-east-1'];

const CLUSTER = {
  prod: `arn:aws:eks:eu-west-1:${ACCOUNT}:cluster/prod-platform`,
  legacy: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/legacy-apps`,
  staging: `arn:aws:eks:eu-west-1:${ACCOUNT}:cluster/data-staging`,
};

let inventory: Inventory;

beforeAll(async () => {
  inventory = await readSnapshot(DEMO_FILE);
});

function all<K extends ResourceKind>(kind: K): readonly ResourceKinds[K][] {
  return inventory.resources[kind] ?? [];
}

function ids(kind: ResourceKind): Set<string> {
  return new Set(all(kind).map((r) => r.id));
}

describe('examples/demo-account.json', () => {
  describe('shape', () => {
    it('is a valid schemaVersion 1 snapshot of one synthetic account in two regions', () => {
      expect(inventory.schemaVersion).toBe(1);
      expect(inventory.source).toMatchObject({
        type: 'synthetic',
        accountId: ACCOUNT,
        partition: 'aws',
        regions: REGIONS,
        collectedAt: '2026-11-20T09:00:00.000Z',
      });
    });

    it.each(RESOURCE_KINDS)('has at least one %s', (kind) => {
      expect(all(kind).length).toBeGreaterThan(0);
    });

    it('stays readable: between 60 and 130 resources', () => {
      const total = RESOURCE_KINDS.reduce((n, kind) => n + all(kind).length, 0);
      expect(total).toBeGreaterThanOrEqual(60);
      expect(total).toBeLessThanOrEqual(130);
    });

    it('places every resource in this account, global kinds in `global` and the rest in one of the two regions', () => {
      for (const kind of RESOURCE_KINDS) {
        for (const r of all(kind)) {
          expect(r.origin).toMatchObject({ kind: 'aws', accountId: ACCOUNT, arn: r.id });
          const region = r.origin.kind === 'aws' ? r.origin.region : undefined;
          if (GLOBAL_KINDS.has(kind)) expect(region).toBe(GLOBAL_REGION);
          else expect(REGIONS).toContain(region);
        }
      }
    });

    it('covers every kind in every region it is collected in, and only GuardDuty in us-east-1 failed', () => {
      const expected = RESOURCE_KINDS.flatMap((kind) => (GLOBAL_KINDS.has(kind) ? [`${kind}@global`] : REGIONS.map((r) => `${kind}@${r}`)));
      const covered = inventory.coverage.map((c) => `${c.kind}@${c.region}`);
      expect([...covered].sort()).toEqual([...expected].sort());

      const failed = inventory.coverage.filter((c) => c.status !== 'ok');
      expect(failed).toEqual([
        {
          kind: 'guardduty.detector',
          region: 'us-east-1',
          status: 'error',
          issue: expect.objectContaining({ code: 'ACCESS_DENIED', service: 'guardduty', operation: 'ListDetectors' }),
        },
      ]);
    });
  });

  describe('referential sanity', () => {
    it('every EKS child resource names an existing cluster', () => {
      const clusters = ids('eks.cluster');
      const children = [
        ...all('eks.nodegroup'),
        ...all('eks.addon'),
        ...all('eks.access-entry'),
        ...all('eks.pod-identity-association'),
        ...all('eks.identity-provider-config'),
      ];
      for (const child of children) expect(clusters).toContain(child.clusterId);
    });

    it('every secrets key of a cluster is a KMS key of the inventory', () => {
      const keys = ids('kms.key');
      const withKey = all('eks.cluster').filter((c) => c.secretsKeyArn !== undefined);
      expect(withKey.map((c) => c.id).sort()).toEqual([CLUSTER.staging, CLUSTER.prod]);
      for (const cluster of withKey) expect(keys).toContain(cluster.secretsKeyArn);
    });

    it('every subnet of a node group or cluster exists as ec2.subnet', () => {
      const subnets = new Set(all('ec2.subnet').map((s) => s.subnetId));
      for (const ng of all('eks.nodegroup')) for (const id of ng.subnetIds) expect(subnets).toContain(id);
      for (const cluster of all('eks.cluster')) for (const id of cluster.subnetIds) expect(subnets).toContain(id);
    });

    it('every IAM principal an EKS resource refers to exists', () => {
      const principals = new Set([...ids('iam.role'), ...ids('iam.user')]);
      for (const ng of all('eks.nodegroup')) expect(principals).toContain(ng.nodeRoleArn);
      for (const entry of all('eks.access-entry')) expect(principals).toContain(entry.principalArn);
      for (const assoc of all('eks.pod-identity-association')) expect(principals).toContain(assoc.roleArn);
      for (const addon of all('eks.addon')) if (addon.serviceAccountRoleArn !== undefined) expect(principals).toContain(addon.serviceAccountRoleArn);
      for (const cluster of all('eks.cluster')) expect(principals).toContain(cluster.roleArn);
    });

    it('every cluster OIDC issuer has an IAM OIDC provider, and federated trusts name existing providers', () => {
      const providerUrls = new Set(all('iam.oidc-provider').map((p) => p.url));
      for (const cluster of all('eks.cluster')) expect(providerUrls).toContain(String(cluster.oidcIssuer).replace(/^https:\/\//, ''));
      const providers = ids('iam.oidc-provider');
      for (const role of all('iam.role')) {
        const trust = role.trustPolicy;
        if (!('Statement' in trust)) continue;
        for (const s of trust.Statement) {
          if (s.Principal === undefined || s.Principal === '*' || isUnresolved(s.Principal)) continue;
          for (const federated of s.Principal.Federated ?? []) expect(providers).toContain(federated);
        }
      }
    });

    it('attached managed policies and group memberships exist', () => {
      const policies = ids('iam.policy');
      const groups = ids('iam.group');
      for (const p of [...all('iam.user'), ...all('iam.group'), ...all('iam.role')]) for (const arn of p.attachedPolicies) expect(policies).toContain(arn);
      for (const user of all('iam.user')) for (const arn of user.groups) expect(groups).toContain(arn);
    });

    it('EC2 references resolve: VPCs, security groups, volumes, launch templates', () => {
      const vpcs = new Set(all('ec2.vpc').map((v) => v.vpcId));
      const groups = new Set(all('ec2.security-group').map((g) => g.groupId));
      const volumes = new Set(all('ec2.volume').map((v) => v.volumeId));
      const templates = new Set(all('ec2.launch-template').map((t) => t.launchTemplateId));
      for (const s of all('ec2.subnet')) expect(vpcs).toContain(s.vpcId);
      for (const f of all('ec2.flow-log')) expect(vpcs).toContain(f.resourceId);
      for (const i of all('ec2.instance')) {
        for (const g of i.securityGroupIds) expect(groups).toContain(g);
        for (const v of i.volumeIds) expect(volumes).toContain(v);
        if (i.launchTemplate) expect(templates).toContain(i.launchTemplate.launchTemplateId);
      }
      for (const ng of all('eks.nodegroup')) if (ng.launchTemplate?.id !== undefined) expect(templates).toContain(ng.launchTemplate.id);
      for (const c of all('eks.cluster')) {
        expect(vpcs).toContain(c.vpcId);
        expect(groups).toContain(c.clusterSecurityGroupId);
        for (const g of c.securityGroupIds) expect(groups).toContain(g);
      }
    });

    it('the trail buckets of this account exist as s3.bucket', () => {
      const buckets = new Set(all('s3.bucket').map((b) => b.name));
      const own = all('cloudtrail.trail').filter((t) => t.ownerAccountId === ACCOUNT);
      expect(own.length).toBeGreaterThan(0);
      for (const trail of own) expect(buckets).toContain(trail.s3BucketName);
      expect(all('cloudtrail.trail').some((t) => t.isOrganizationTrail === true && t.ownerAccountId !== ACCOUNT)).toBe(true);
    });
  });

  describe('the first EKS checks', () => {
    const EKS_CHECKS = ['eks-endpoint-not-public', 'eks-secrets-encrypted', 'eks-control-plane-logging'];
    const log = (type: string) => `LogType::${type}`;

    it('judge the three clusters exactly as pinned', () => {
      const report = runChecks(inventory, ALL_CHECKS, { now: new Date('2026-11-26T00:00:00Z') });
      const actual = report.findings
        .filter((f) => EKS_CHECKS.includes(f.checkId))
        .map((f) => ({ checkId: f.checkId, resourceId: f.resource.id, key: f.key, status: f.status }));

      const row = (checkId: string, resourceId: string, status: string, key?: string) => ({ checkId, resourceId, key, status });
      const expected = [
        row('eks-endpoint-not-public', CLUSTER.prod, 'PASS'),
        row('eks-secrets-encrypted', CLUSTER.prod, 'PASS'),
        ...['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((t) => row('eks-control-plane-logging', CLUSTER.prod, 'PASS', log(t))),

        row('eks-endpoint-not-public', CLUSTER.legacy, 'FAIL'),
        row('eks-secrets-encrypted', CLUSTER.legacy, 'FAIL'),
        row('eks-control-plane-logging', CLUSTER.legacy, 'PASS', log('api')),
        ...['audit', 'authenticator', 'controllerManager', 'scheduler'].map((t) => row('eks-control-plane-logging', CLUSTER.legacy, 'FAIL', log(t))),

        row('eks-endpoint-not-public', CLUSTER.staging, 'PASS'),
        row('eks-secrets-encrypted', CLUSTER.staging, 'PASS'),
        ...['api', 'audit', 'authenticator'].map((t) => row('eks-control-plane-logging', CLUSTER.staging, 'PASS', log(t))),
        ...['controllerManager', 'scheduler'].map((t) => row('eks-control-plane-logging', CLUSTER.staging, 'FAIL', log(t))),
      ];

      const order = (a: { checkId: string; resourceId: string; key?: string }, b: typeof a) =>
        `${a.checkId} ${a.resourceId} ${a.key ?? ''}`.localeCompare(`${b.checkId} ${b.resourceId} ${b.key ?? ''}`);
      expect([...actual].sort(order)).toEqual([...expected].sort(order));
    });

    it('report findings on the clusters themselves, with their region and account', () => {
      const report = runChecks(inventory, ALL_CHECKS, { now: new Date('2026-11-26T00:00:00Z') });
      for (const f of report.findings.filter((x) => EKS_CHECKS.includes(x.checkId))) {
        expect(f.resource.kind).toBe('eks.cluster');
        expect(f.resource.accountId).toBe(ACCOUNT);
        expect(f.resource.region).toBe(f.resource.id === CLUSTER.legacy ? 'us-east-1' : 'eu-west-1');
      }
    });
  });
});
