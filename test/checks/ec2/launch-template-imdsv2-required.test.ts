import { ec2LaunchTemplateImdsv2Required } from '../../../lib/checks/ec2/launch-template-imdsv2-required';
import {
  EC2_KINDS,
  cfnOrigin,
  fakeEksNodegroup,
  fakeInstance,
  fakeLaunchTemplate,
  fakeRegionSettings,
  judge,
  ltVersion,
  statusByKey,
} from '../../fixtures/ec2';
import { deniedCoverage, okCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2LaunchTemplateImdsv2Required;
const v1 = { httpTokens: 'optional' as const, httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' as const };
const verdicts = (...resources: Parameters<typeof judge>[1]) => statusByKey(judge(check, resources, { alsoCollected: EC2_KINDS }));

describe('ec2-launch-template-imdsv2-required', () => {
  test('default and latest version require IMDSv2 → one PASS keyed Version::1', () => {
    const template = fakeLaunchTemplate();
    expect(judge(check, [template, fakeRegionSettings()], { alsoCollected: EC2_KINDS })).toEqual([
      expect.objectContaining({ checkId: 'ec2-launch-template-imdsv2-required', status: 'PASS', key: 'Version::1', resource: template.id }),
    ]);
  });

  test('a new latest version that allows IMDSv1 fails while the default passes', () => {
    const template = fakeLaunchTemplate({ defaultVersion: 1, latestVersion: 2, versions: [ltVersion(1), ltVersion(2, { metadataOptions: v1 })] });
    expect(verdicts(template)).toEqual({ 'Version::1': 'PASS', 'Version::2': 'FAIL' });
  });

  test('an old IMDSv1 version nothing uses is left alone', () => {
    const template = fakeLaunchTemplate({ defaultVersion: 2, latestVersion: 2, versions: [ltVersion(1, { metadataOptions: v1 }), ltVersion(2)] });
    expect(verdicts(template)).toEqual({ 'Version::2': 'PASS' });
  });

  test('an old IMDSv1 version an instance still runs from is judged', () => {
    const template = fakeLaunchTemplate({ defaultVersion: 2, latestVersion: 2, versions: [ltVersion(1, { metadataOptions: v1 }), ltVersion(2)] });
    const instance = fakeInstance({ launchTemplate: { launchTemplateId: 'lt-0nodes', version: '1' } });
    expect(verdicts(template, instance)).toEqual({ 'Version::1': 'FAIL', 'Version::2': 'PASS' });
  });

  test('an EKS node group pinned to an old version makes it in use', () => {
    const template = fakeLaunchTemplate({ defaultVersion: 3, latestVersion: 3, versions: [ltVersion(2, { metadataOptions: v1 }), ltVersion(3)] });
    expect(verdicts(template, fakeEksNodegroup({ launchTemplate: { id: 'lt-0nodes', version: '2' } }))).toEqual({ 'Version::2': 'FAIL', 'Version::3': 'PASS' });
  });

  test('a node group naming the template by name and $Default is matched', () => {
    const template = fakeLaunchTemplate({ defaultVersion: 1, latestVersion: 2, versions: [ltVersion(1, { metadataOptions: v1 }), ltVersion(2)] });
    expect(verdicts(template, fakeEksNodegroup({ launchTemplate: { name: 'nodes', version: '$Default' } }))).toEqual({ 'Version::1': 'FAIL', 'Version::2': 'PASS' });
  });

  describe('a version that sets no token requirement inherits the region default', () => {
    const silent = fakeLaunchTemplate({ versions: [ltVersion(1, { metadataOptions: undefined })] });
    test('region requires IMDSv2 → PASS', () => expect(verdicts(silent, fakeRegionSettings())).toEqual({ 'Version::1': 'PASS' }));
    test('region allows IMDSv1 → FAIL', () => expect(verdicts(silent, fakeRegionSettings({ imdsDefaults: { httpTokens: 'optional' } }))).toEqual({ 'Version::1': 'FAIL' }));
    test('region leaves it to the AMI → FAIL', () => expect(verdicts(silent, fakeRegionSettings({ imdsDefaults: { httpTokens: 'no-preference' } }))).toEqual({ 'Version::1': 'FAIL' }));
    test('region settings not collected → UNKNOWN', () => {
      const coverage = EC2_KINDS.map((kind) => (kind === 'ec2.region-settings' ? deniedCoverage(kind, REGION, 'GetInstanceMetadataDefaults') : okCoverage(kind)));
      expect(statusByKey(judge(check, [silent], { coverage }))).toEqual({ 'Version::1': 'UNKNOWN' });
    });
  });

  test('node groups not collected: the known versions are judged, and which others are in use is UNKNOWN', () => {
    const coverage = EC2_KINDS.map((kind) => (kind === 'eks.nodegroup' ? deniedCoverage(kind, REGION, 'ListNodegroups') : okCoverage(kind)));
    expect(statusByKey(judge(check, [fakeLaunchTemplate()], { coverage }))).toEqual({ 'Version::1': 'PASS', 'Version::in-use': 'UNKNOWN' });
  });

  test('a version in use that was not collected → UNKNOWN for that version', () => {
    const instance = fakeInstance({ launchTemplate: { launchTemplateId: 'lt-0nodes', version: '7' } });
    expect(verdicts(fakeLaunchTemplate(), instance)).toEqual({ 'Version::1': 'PASS', 'Version::7': 'UNKNOWN' });
  });

  test('a template version reference CDK leaves unresolved means the one version a template declares', () => {
    const template = fakeLaunchTemplate({
      id: 'cfn:Nodes/NodeTemplate',
      origin: cfnOrigin('NodeTemplate', 'Nodes'),
      launchTemplateId: unresolved('<NodeTemplate>'),
      defaultVersion: undefined,
      latestVersion: undefined,
      versions: [ltVersion(1, { metadataOptions: v1 })],
    });
    const nodegroup = fakeEksNodegroup({ launchTemplate: { id: 'cfn:Nodes/NodeTemplate', version: unresolved('<NodeTemplate.LatestVersionNumber>') } });
    expect(verdicts(template, nodegroup)).toEqual({ 'Version::1': 'FAIL' });
  });

  test('an unresolved token setting → UNKNOWN for that version', () => {
    const template = fakeLaunchTemplate({ versions: [ltVersion(1, { metadataOptions: { httpTokens: unresolved('<Tokens>') } })] });
    expect(verdicts(template)).toEqual({ 'Version::1': 'UNKNOWN' });
  });

  test('launch templates could not be listed → UNKNOWN', () => {
    const findings = judge(check, [fakeLaunchTemplate()], { coverage: [deniedCoverage('ec2.launch-template', REGION, 'DescribeLaunchTemplates')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
