import { eksNodegroupImdsv2Required } from '../../../lib/checks/eks/nodegroup-imdsv2-required';
import type { LaunchTemplate } from '../../../lib/model';
import { unresolved } from '../../fixtures/model';
import { fakeLaunchTemplate, fakeRegionSettings, ltVersion } from '../../fixtures/ec2';
import { coverageDenying, judge, nodegroup, statusesOf } from '../../fixtures/eks';

const CHECK = eksNodegroupImdsv2Required;
const silent = ltVersion(1, { metadataOptions: undefined });
const template = (...versions: LaunchTemplate['versions']) => fakeLaunchTemplate({ versions, latestVersion: versions.length, defaultVersion: 1 });
const noPreference = fakeRegionSettings({ imdsDefaults: { httpTokens: 'no-preference' } });
/** The template EKS generates for a node group created without one. */
const generated = (tokens: 'required' | 'optional') =>
  fakeLaunchTemplate({ launchTemplateId: 'lt-0generated', name: 'eks-0a1b2c3d', tags: { 'eks:cluster-name': 'prod', 'eks:nodegroup-name': 'workers' }, versions: [ltVersion(1, { metadataOptions: { httpTokens: tokens, httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' } })] });
const { launchTemplate: _lt, ...withoutTemplate } = nodegroup();
void _lt;

describe('eks-nodegroup-imdsv2-required', () => {
  test('the launch template version requires IMDSv2 → PASS', () => {
    const ng = nodegroup();
    expect(judge(CHECK, [ng, fakeLaunchTemplate(), fakeRegionSettings()])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: ng.id }]);
  });

  test('the version allows IMDSv1 → FAIL', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), template(ltVersion(1, { metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' } })), fakeRegionSettings()]))).toEqual(['FAIL']);
  });

  test('trap: $Latest is judged, not the default version', () => {
    const versions = template(ltVersion(1), ltVersion(2, { metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' } }));
    expect(statusesOf(judge(CHECK, [nodegroup({ launchTemplate: { id: 'lt-0nodes', version: '$Latest' } }), versions, fakeRegionSettings()]))).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [nodegroup({ launchTemplate: { id: 'lt-0nodes', version: '$Default' } }), versions, fakeRegionSettings()]))).toEqual(['PASS']);
  });

  test('a version that sets nothing inherits a region default requiring IMDSv2 → PASS', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), template(silent), fakeRegionSettings()]))).toEqual(['PASS']);
  });

  test('nothing set anywhere: AL2023 gets the documented EKS default; AL2 is left to the AMI → FAIL', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), template(silent), noPreference]))).toEqual(['PASS']);
    expect(statusesOf(judge(CHECK, [nodegroup({ amiType: 'AL2_x86_64' }), template(silent), noPreference]))).toEqual(['FAIL']);
  });

  test('metadata service turned off → PASS', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), template(ltVersion(1, { metadataOptions: { httpEndpoint: 'disabled' } })), noPreference]))).toEqual(['PASS']);
  });

  test('no launch template: the one EKS generated is judged', () => {
    expect(statusesOf(judge(CHECK, [withoutTemplate, generated('optional'), fakeRegionSettings()]))).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [withoutTemplate, generated('required'), fakeRegionSettings()]))).toEqual(['PASS']);
  });

  test('no launch template and the generated one not collected: AL2023 → PASS (documented default), AL2 → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [withoutTemplate, fakeRegionSettings()]))).toEqual(['PASS']);
    expect(statusesOf(judge(CHECK, [{ ...withoutTemplate, amiType: 'AL2_x86_64' }, fakeRegionSettings()]))).toEqual(['UNKNOWN']);
  });

  test('HttpTokens is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), template(ltVersion(1, { metadataOptions: { httpTokens: unresolved('<Tokens>') } })), fakeRegionSettings()]))).toEqual(['UNKNOWN']);
  });

  test('the version the node group uses was not recorded → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup({ launchTemplate: { id: 'lt-0nodes', version: '7' } }), fakeLaunchTemplate(), fakeRegionSettings()]))).toEqual(['UNKNOWN']);
  });

  test('region defaults matter only where the version is silent', () => {
    const coverage = coverageDenying('ec2.region-settings');
    const explicit = template(ltVersion(1, { metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 } }));
    expect(statusesOf(judge(CHECK, [nodegroup(), explicit], { coverage }))).toEqual(['PASS']);
    expect(statusesOf(judge(CHECK, [nodegroup(), template(silent)], { coverage }))).toEqual(['UNKNOWN']);
  });

  test('launch templates could not be listed → UNKNOWN, never PASS', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), fakeRegionSettings()], { coverage: coverageDenying('ec2.launch-template') }))).toEqual(['UNKNOWN']);
  });
});
