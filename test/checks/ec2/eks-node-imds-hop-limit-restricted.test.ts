import { ec2EksNodeImdsHopLimitRestricted } from '../../../lib/checks/ec2/eks-node-imds-hop-limit-restricted';
import { EC2_KINDS, fakeEksNodegroup, fakeInstance, fakeLaunchTemplate, judge } from '../../fixtures/ec2';
import { deniedCoverage, okCoverage, REGION, unresolved } from '../../fixtures/model';
import type { MetadataOptions } from '../../../lib/model';

const check = ec2EksNodeImdsHopLimitRestricted;
const imds = (httpTokens: MetadataOptions['httpTokens'], hops: number, httpEndpoint: MetadataOptions['httpEndpoint'] = 'enabled'): MetadataOptions => ({
  httpTokens,
  httpPutResponseHopLimit: hops,
  httpEndpoint,
});
const node = (metadataOptions: MetadataOptions, tags: Record<string, string> = { 'eks:cluster-name': 'prod' }) => fakeInstance({ tags, metadataOptions });
const statusOf = (instance: ReturnType<typeof fakeInstance>, extra: Parameters<typeof judge>[1] = [], checkOptions?: Record<string, unknown>) =>
  judge(check, [instance, ...extra], { alsoCollected: EC2_KINDS, ...(checkOptions ? { checkOptions } : {}) })
    .filter((f) => f.resource === instance.id)
    .map((f) => f.status);

describe('ec2-eks-node-imds-hop-limit-restricted', () => {
  test('a tagged EKS node with hop limit 2 → FAIL on the instance', () => {
    const instance = node(imds('required', 2));
    expect(judge(check, [instance], { alsoCollected: EC2_KINDS })).toEqual([
      expect.objectContaining({ checkId: 'ec2-eks-node-imds-hop-limit-restricted', status: 'FAIL', resource: instance.id }),
    ]);
  });
  test('IMDSv2 required with hop limit 1 → PASS', () => expect(statusOf(node(imds('required', 1)))).toEqual(['PASS']));
  test('IMDSv1 accepted fails even with hop limit 1: IMDSv1 is not hop-limited', () => expect(statusOf(node(imds('optional', 1)))).toEqual(['FAIL']));
  test('metadata endpoint off → PASS', () => expect(statusOf(node(imds('optional', 2, 'disabled')))).toEqual(['PASS']));
  test('a kubernetes.io/cluster/<name> tag (Karpenter, eksctl) marks a node', () => {
    expect(statusOf(node(imds('required', 2), { 'kubernetes.io/cluster/prod': 'owned' }))).toEqual(['FAIL']);
  });
  test('an instance launched from a node group template is a node, tags or not', () => {
    const instance = fakeInstance({ tags: {}, metadataOptions: imds('required', 2), launchTemplate: { launchTemplateId: 'lt-0nodes', version: '1' } });
    expect(statusOf(instance, [fakeEksNodegroup({ launchTemplate: { id: 'lt-0nodes', version: '1' } })])).toEqual(['FAIL']);
  });
  test('a node group naming the template by name identifies the node too', () => {
    const instance = fakeInstance({ tags: {}, metadataOptions: imds('required', 2), launchTemplate: { launchTemplateId: 'lt-0nodes', version: '1' } });
    expect(statusOf(instance, [fakeLaunchTemplate(), fakeEksNodegroup({ launchTemplate: { name: 'nodes', version: '1' } })])).toEqual(['FAIL']);
  });
  test('an instance that is not a node → NOT_APPLICABLE', () => expect(statusOf(fakeInstance({ tags: { Name: 'bastion' }, metadataOptions: imds('required', 3) }))).toEqual(['NOT_APPLICABLE']));
  test('maxHopLimit 2 accepts hop limit 2 (pods that must read IMDS)', () => expect(statusOf(node(imds('required', 2)), [], { maxHopLimit: 2 })).toEqual(['PASS']));
  test('an untagged instance with a template, node groups not collected → UNKNOWN', () => {
    const instance = fakeInstance({ tags: {}, metadataOptions: imds('required', 2), launchTemplate: { launchTemplateId: 'lt-0nodes', version: '1' } });
    const coverage = EC2_KINDS.map((kind) => (kind === 'eks.nodegroup' ? deniedCoverage(kind, REGION, 'ListNodegroups') : okCoverage(kind)));
    expect(judge(check, [instance], { coverage }).filter((f) => f.resource === instance.id).map((f) => f.status)).toEqual(['UNKNOWN']);
  });
  test('an unresolved hop limit on a node → UNKNOWN', () => {
    expect(statusOf(node({ httpTokens: 'required', httpPutResponseHopLimit: unresolved('<HopLimit>'), httpEndpoint: 'enabled' }))).toEqual(['UNKNOWN']);
  });

  test('instances could not be listed → UNKNOWN', () => {
    const findings = judge(check, [node(imds('required', 2))], { coverage: [deniedCoverage('ec2.instance', REGION, 'DescribeInstances')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
