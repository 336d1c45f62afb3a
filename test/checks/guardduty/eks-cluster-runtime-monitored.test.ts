import { guarddutyEksClusterRuntimeMonitored } from '../../../lib/checks/guardduty/eks-cluster-runtime-monitored';
import { runChecks } from '../../../lib/engine/run';
import type { Detector, EksCluster, Inventory, Resource } from '../../../lib/model';
import { REGION, deniedCoverage, fakeEksCluster, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';
import { fakeAddon, fakeDetector, feature, withFeatures } from '../../fixtures/guardduty';
import { asTemplateResource, templateInventory } from '../../fixtures/trail';

const CHECK = 'guardduty-eks-cluster-runtime-monitored';
const COLLECTED = ['eks.cluster', 'eks.addon', 'guardduty.detector'] as const;

const manualDetector = () => fakeDetector({ features: withFeatures(feature('RUNTIME_MONITORING', 'ENABLED', { EKS_ADDON_MANAGEMENT: 'DISABLED' })) });

function judge(inventory: Inventory) {
  return runChecks(inventory, [guarddutyEksClusterRuntimeMonitored]).findings.map((f) => ({ checkId: f.checkId, status: f.status, resource: f.resource.id }));
}
const statusOf = (...resources: Resource[]) => judge(inventoryOf(resources, { alsoCollected: [...COLLECTED] })).map((f) => f.status);
const tagged = (value: string): EksCluster => fakeEksCluster({ tags: { GuardDutyManaged: value } });

describe(CHECK, () => {
  test('GuardDuty manages the agent (EKS_ADDON_MANAGEMENT) → PASS on the cluster', () => {
    const cluster = fakeEksCluster();
    expect(judge(inventoryOf([cluster, fakeDetector()], { alsoCollected: [...COLLECTED] }))).toEqual([{ checkId: CHECK, status: 'PASS', resource: cluster.id }]);
  });

  test('managed agent, but the cluster is excluded with GuardDutyManaged=false → FAIL', () => {
    expect(statusOf(tagged('false'), fakeDetector())).toEqual(['FAIL']);
  });

  describe('agent managed by hand', () => {
    test('an ACTIVE aws-guardduty-agent add-on → PASS', () => {
      const cluster = fakeEksCluster();
      expect(statusOf(cluster, manualDetector(), fakeAddon(cluster, 'aws-guardduty-agent'))).toEqual(['PASS']);
    });

    test('no agent add-on → FAIL (account-level settings say nothing about this cluster)', () => {
      const cluster = fakeEksCluster();
      expect(statusOf(cluster, manualDetector(), fakeAddon(cluster, 'vpc-cni'))).toEqual(['FAIL']);
    });

    test('the agent add-on of another cluster does not count', () => {
      const cluster = fakeEksCluster();
      const other = fakeEksCluster({ name: 'other' });
      expect(judge(inventoryOf([cluster, other, manualDetector(), fakeAddon(other, 'aws-guardduty-agent')], { alsoCollected: [...COLLECTED] }))).toEqual([
        { checkId: CHECK, status: 'FAIL', resource: cluster.id },
        { checkId: CHECK, status: 'PASS', resource: other.id },
      ]);
    });

    test('an agent add-on that failed to install → FAIL', () => {
      const cluster = fakeEksCluster();
      expect(statusOf(cluster, manualDetector(), fakeAddon(cluster, 'aws-guardduty-agent', 'CREATE_FAILED'))).toEqual(['FAIL']);
    });

    test('the inclusion tag GuardDutyManaged=true lets GuardDuty manage this cluster → PASS', () => {
      expect(statusOf(tagged('true'), manualDetector())).toEqual(['PASS']);
    });

    test('add-ons were not collected → UNKNOWN', () => {
      const cluster = fakeEksCluster();
      const inventory = inventoryOf([cluster, manualDetector()], {
        coverage: [okCoverage('eks.cluster'), okCoverage('guardduty.detector'), deniedCoverage('eks.addon', REGION, 'ListAddons')],
      });
      expect(judge(inventory).filter((f) => f.resource === cluster.id).map((f) => f.status)).toEqual(['UNKNOWN']);
    });
  });

  test.each<[string, Detector[]]>([
    ['no detector in the region', []],
    ['a suspended detector', [fakeDetector({ status: 'DISABLED' })]],
    ['runtime monitoring off', [fakeDetector({ features: withFeatures(feature('RUNTIME_MONITORING', 'DISABLED')) })]],
  ])('%s → FAIL', (_name, detectors) => {
    expect(statusOf(fakeEksCluster(), ...detectors)).toEqual(['FAIL']);
  });

  test('legacy EKS_RUNTIME_MONITORING with agent management counts', () => {
    const legacy = fakeDetector({
      features: withFeatures(feature('RUNTIME_MONITORING', 'DISABLED'), feature('EKS_RUNTIME_MONITORING', 'ENABLED', { EKS_ADDON_MANAGEMENT: 'ENABLED' })),
    });
    expect(statusOf(fakeEksCluster(), legacy)).toEqual(['PASS']);
  });

  test('GuardDuty could not be listed in the region → UNKNOWN, never FAIL or PASS', () => {
    const cluster = fakeEksCluster();
    const inventory = inventoryOf([cluster], { coverage: [okCoverage('eks.cluster'), deniedCoverage('guardduty.detector', REGION, 'ListDetectors')] });
    expect(judge(inventory)).toEqual([{ checkId: CHECK, status: 'UNKNOWN', resource: cluster.id }]);
  });

  test('an unresolved cluster name → UNKNOWN', () => {
    expect(statusOf(fakeEksCluster({ name: unresolved('<ClusterName>') as unknown as string }), fakeDetector())).toEqual(['UNKNOWN']);
  });

  test('a template that declares a cluster but no detector → NOT_APPLICABLE', () => {
    const cluster = asTemplateResource(fakeEksCluster(), 'Cluster');
    expect(judge(templateInventory([cluster], [...COLLECTED])).map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
  });
});
