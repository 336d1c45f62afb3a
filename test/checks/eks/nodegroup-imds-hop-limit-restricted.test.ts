import { eksNodegroupImdsHopLimitRestricted } from '../../../lib/checks/eks/nodegroup-imds-hop-limit-restricted';
import { unresolved } from '../../fixtures/model';
import { fakeLaunchTemplate, fakeRegionSettings, ltVersion } from '../../fixtures/ec2';
import { coverageDenying, judge, nodegroup, statusesOf } from '../../fixtures/eks';

const CHECK = eksNodegroupImdsHopLimitRestricted;
const withOptions = (metadataOptions: NonNullable<Parameters<typeof ltVersion>[1]>['metadataOptions']) => fakeLaunchTemplate({ versions: [ltVersion(1, { metadataOptions })] });

describe('eks-nodegroup-imds-hop-limit-restricted', () => {
  test('IMDSv2 with hop limit 1 → PASS', () => {
    const ng = nodegroup();
    expect(judge(CHECK, [ng, fakeLaunchTemplate(), fakeRegionSettings()])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: ng.id }]);
  });

  test('hop limit 2 lets pods fetch tokens → FAIL', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), withOptions({ httpTokens: 'required', httpPutResponseHopLimit: 2 }), fakeRegionSettings()]))).toEqual(['FAIL']);
  });

  test('option maxHopLimit: 2 where pods must read metadata → PASS', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), withOptions({ httpTokens: 'required', httpPutResponseHopLimit: 2 }), fakeRegionSettings()], { checkOptions: { maxHopLimit: 2 } }))).toEqual(['PASS']);
  });

  test('trap: the region default hop limit applies when the version sets none → FAIL', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), withOptions({ httpTokens: 'required' }), fakeRegionSettings({ imdsDefaults: { httpTokens: 'required', httpPutResponseHopLimit: 2 } })]))).toEqual(['FAIL']);
  });

  test('IMDSv1 still accepted: the hop limit protects nothing → NOT_APPLICABLE (eks-nodegroup-imdsv2-required fails it)', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), withOptions({ httpTokens: 'optional', httpPutResponseHopLimit: 1 }), fakeRegionSettings()]))).toEqual(['NOT_APPLICABLE']);
  });

  test('a hop limit left to a non-AL2023 AMI → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup({ amiType: 'BOTTLEROCKET_x86_64' }), withOptions({ httpTokens: 'required' }), fakeRegionSettings()]))).toEqual(['UNKNOWN']);
  });

  test('AL2023 without a setting anywhere gets the documented hop limit 1 → PASS', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), withOptions({ httpTokens: 'required' }), fakeRegionSettings()]))).toEqual(['PASS']);
  });

  test('no launch template and the generated one not collected: AL2023 → PASS, AL2 → UNKNOWN', () => {
    const { launchTemplate: _lt, ...withoutTemplate } = nodegroup();
    void _lt;
    expect(statusesOf(judge(CHECK, [withoutTemplate, fakeRegionSettings()]))).toEqual(['PASS']);
    expect(statusesOf(judge(CHECK, [{ ...withoutTemplate, amiType: 'AL2_x86_64' }, fakeRegionSettings()]))).toEqual(['UNKNOWN']);
  });

  test('the hop limit is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), withOptions({ httpTokens: 'required', httpPutResponseHopLimit: unresolved('<Hops>') }), fakeRegionSettings()]))).toEqual(['UNKNOWN']);
  });

  test('node groups could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [nodegroup(), fakeLaunchTemplate(), fakeRegionSettings()], { coverage: coverageDenying('eks.nodegroup') })))).toEqual(new Set(['UNKNOWN']));
  });
});
