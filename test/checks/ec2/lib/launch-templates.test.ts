import { versionsInUse } from '../../../../lib/checks/ec2/lib/launch-templates';
import { EC2_KINDS, contextOver, fakeEksNodegroup, fakeInstance, fakeLaunchTemplate, ltVersion } from '../../../fixtures/ec2';
import { inventoryOf, unresolved } from '../../../fixtures/model';

const usesOf = (template: ReturnType<typeof fakeLaunchTemplate>, ...others: Parameters<typeof inventoryOf>[0]) =>
  versionsInUse(template, contextOver(inventoryOf([template, ...others], { alsoCollected: EC2_KINDS })));

describe('launch template versions in use', () => {
  const template = fakeLaunchTemplate({ defaultVersion: 2, latestVersion: 4, versions: [1, 2, 3, 4].map((n) => ltVersion(n)) });

  test('default and latest are always in use; versions nothing launches from are not', () => {
    expect(usesOf(template)).toEqual({
      uses: [expect.objectContaining({ versionNumber: 2, usedAs: ['default'] }), expect.objectContaining({ versionNumber: 4, usedAs: ['latest'] })],
      gaps: [],
    });
  });

  test('instances and node groups add the versions they launch from, $Default and $Latest resolved', () => {
    const uses = usesOf(
      template,
      fakeInstance({ instanceId: 'i-1', launchTemplate: { launchTemplateId: 'lt-0nodes', version: '1' } }),
      fakeInstance({ instanceId: 'i-2', launchTemplate: { launchTemplateId: 'lt-0nodes', version: '$Latest' } }),
      fakeInstance({ instanceId: 'i-3', state: 'terminated', launchTemplate: { launchTemplateId: 'lt-0nodes', version: '3' } }),
      fakeEksNodegroup({ launchTemplate: { id: 'lt-0nodes', version: '$Default' } }),
    ).uses;
    expect(uses.map((u) => [u.versionNumber, u.usedAs])).toEqual([
      [1, ['instance i-1']],
      [2, ['default', 'node group workers']],
      [4, ['latest', 'instance i-2']],
    ]);
  });

  test('another template\'s users do not count', () => {
    const other = fakeInstance({ launchTemplate: { launchTemplateId: 'lt-0other', version: '3' } });
    expect(usesOf(template, other).uses.map((u) => u.versionNumber)).toEqual([2, 4]);
  });

  test('a reference to an unknown version or by unresolved id is a gap', () => {
    const result = usesOf(template, fakeInstance({ launchTemplate: { launchTemplateId: unresolved('<Lt>'), version: '1' } }), fakeEksNodegroup({ launchTemplate: { id: 'lt-0nodes', version: unresolved('<V>') } }));
    expect(result.gaps).toHaveLength(2);
  });

  test('a template with no default or latest (CloudFormation) is judged on every declared version', () => {
    const declared = fakeLaunchTemplate({ defaultVersion: undefined, latestVersion: undefined, versions: [ltVersion(1)] });
    expect(usesOf(declared).uses.map((u) => [u.versionNumber, u.usedAs])).toEqual([[1, ['declared']]]);
  });

  test('a version in use that was not recorded has no version data', () => {
    const uses = usesOf(template, fakeInstance({ launchTemplate: { launchTemplateId: 'lt-0nodes', version: '9' } })).uses;
    expect(uses.find((u) => u.versionNumber === 9)).toEqual({ versionNumber: 9, usedAs: ['instance i-0app'] });
  });
});
