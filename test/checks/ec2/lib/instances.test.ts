import { Indeterminate } from '../../../../lib/engine/check';
import { eksNodeReason, isGone, regionSettings } from '../../../../lib/checks/ec2/lib/instances';
import { EC2_KINDS, contextOver, fakeEksNodegroup, fakeInstance, fakeRegionSettings } from '../../../fixtures/ec2';
import { REGION, deniedCoverage, inventoryOf, okCoverage } from '../../../fixtures/model';

describe('instances', () => {
  const collected = (...resources: Parameters<typeof inventoryOf>[0]) => contextOver(inventoryOf(resources, { alsoCollected: EC2_KINDS }));

  test.each([['eks:cluster-name'], ['eks:eks-cluster-name'], ['aws:eks:cluster-name'], ['kubernetes.io/cluster/prod']])('a %s tag marks an EKS node', (tag) => {
    expect(eksNodeReason(fakeInstance({ tags: { [tag]: 'prod' } }), collected())).toContain(tag);
  });

  test('a launch template a node group uses marks a node; other instances are not nodes', () => {
    const fromNodeTemplate = fakeInstance({ tags: {}, launchTemplate: { launchTemplateId: 'lt-0nodes', version: '1' } });
    expect(eksNodeReason(fromNodeTemplate, collected(fakeEksNodegroup()))).toContain('node group workers');
    expect(eksNodeReason(fakeInstance({ tags: {} }), collected())).toBeUndefined();
    expect(eksNodeReason(fromNodeTemplate, collected())).toBeUndefined();
  });

  test('node groups not collected leave an untagged instance with a template undecided', () => {
    const ctx = contextOver(inventoryOf([], { coverage: [okCoverage('ec2.instance'), deniedCoverage('eks.nodegroup', REGION, 'ListNodegroups')] }));
    expect(() => eksNodeReason(fakeInstance({ tags: {}, launchTemplate: { launchTemplateId: 'lt-0nodes', version: '1' } }), ctx)).toThrow(Indeterminate);
  });

  test('terminated and shutting-down instances are gone', () => {
    expect([isGone('terminated'), isGone('shutting-down'), isGone('stopped'), isGone(undefined)]).toEqual([true, true, false, false]);
  });

  test('region settings: the record, or Indeterminate when none was recorded', () => {
    const settings = fakeRegionSettings();
    expect(regionSettings(collected(settings))).toBe(settings);
    expect(() => regionSettings(collected())).toThrow(Indeterminate);
  });
});
