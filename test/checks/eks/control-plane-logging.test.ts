import { eksControlPlaneLogging } from '../../../lib/checks/eks/control-plane-logging';
import { runChecks } from '../../../lib/engine/run';
import { deniedCoverage, fakeEksCluster, inventoryOf, unresolved } from '../../fixtures/model';

const byKey = (findings: readonly { key?: string; status: string }[]) => Object.fromEntries(findings.map((f) => [f.key, f.status]));

describe('eks-control-plane-logging', () => {
  test('all five types on → five PASS findings, one per LogType key', () => {
    const { findings } = runChecks(inventoryOf([fakeEksCluster()]), [eksControlPlaneLogging]);
    expect(byKey(findings)).toEqual({
      'LogType::api': 'PASS',
      'LogType::audit': 'PASS',
      'LogType::authenticator': 'PASS',
      'LogType::controllerManager': 'PASS',
      'LogType::scheduler': 'PASS',
    });
  });

  test('each missing type is its own FAIL', () => {
    const { findings } = runChecks(inventoryOf([fakeEksCluster({ enabledLogTypes: ['api', 'authenticator'] })]), [eksControlPlaneLogging]);
    expect(byKey(findings)).toEqual({
      'LogType::api': 'PASS',
      'LogType::audit': 'FAIL',
      'LogType::authenticator': 'PASS',
      'LogType::controllerManager': 'FAIL',
      'LogType::scheduler': 'FAIL',
    });
  });

  test('no logging at all fails every type', () => {
    const { findings } = runChecks(inventoryOf([fakeEksCluster({ enabledLogTypes: [] })]), [eksControlPlaneLogging]);
    expect(findings.map((f) => f.status)).toEqual(['FAIL', 'FAIL', 'FAIL', 'FAIL', 'FAIL']);
  });

  test('requiredLogTypes narrows what must be on', () => {
    const { findings } = runChecks(inventoryOf([fakeEksCluster({ enabledLogTypes: ['audit'] })]), [eksControlPlaneLogging], {
      checkOptions: { 'eks-control-plane-logging': { requiredLogTypes: ['audit'] } },
    });
    expect(byKey(findings)).toEqual({ 'LogType::audit': 'PASS' });
  });

  test('an unresolved log type list entry → UNKNOWN', () => {
    const { findings } = runChecks(inventoryOf([fakeEksCluster({ enabledLogTypes: ['api', unresolved('<LogTypesParam>')] })]), [
      eksControlPlaneLogging,
    ]);
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('clusters could not be listed → UNKNOWN, never PASS', () => {
    const { findings } = runChecks(inventoryOf([fakeEksCluster()], { coverage: [deniedCoverage('eks.cluster')] }), [eksControlPlaneLogging]);
    expect(findings.map((f) => [f.resource.kind, f.status])).toEqual([
      ['account', 'UNKNOWN'],
      ['eks.cluster', 'UNKNOWN'],
    ]);
  });
});
