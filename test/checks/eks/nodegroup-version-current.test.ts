import { eksNodegroupVersionCurrent } from '../../../lib/checks/eks/nodegroup-version-current';
import { unresolved } from '../../fixtures/model';
import { cluster, coverageDenying, judge, nodegroup, statusesOf } from '../../fixtures/eks';

const CHECK = eksNodegroupVersionCurrent;
const prod = cluster({ version: '1.34' });

describe('eks-nodegroup-version-current', () => {
  test('the node group runs the control plane’s version → PASS', () => {
    const ng = nodegroup({ of: prod, version: '1.34' });
    expect(judge(CHECK, [prod, ng])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: ng.id }]);
  });

  test('one minor version behind → FAIL', () => expect(statusesOf(judge(CHECK, [prod, nodegroup({ of: prod, version: '1.33' })]))).toEqual(['FAIL']));

  test('option maxMinorVersionsBehind: 1 tolerates an upgrade in progress', () => {
    expect(statusesOf(judge(CHECK, [prod, nodegroup({ of: prod, version: '1.33' })], { checkOptions: { maxMinorVersionsBehind: 1 } }))).toEqual(['PASS']);
  });

  test('a template node group without a version follows the cluster → PASS', () => {
    const { version: _none, ...unversioned } = nodegroup({ of: prod });
    void _none;
    expect(statusesOf(judge(CHECK, [prod, unversioned]))).toEqual(['PASS']);
  });

  test('the cluster version is a template value → UNKNOWN', () => {
    const templated = cluster({ version: unresolved('<Version>') });
    expect(statusesOf(judge(CHECK, [templated, nodegroup({ of: templated, version: '1.33' })]))).toEqual(['UNKNOWN']);
  });

  test('clusters could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup({ of: prod, version: '1.33' })], { coverage: coverageDenying('eks.cluster') }))).toEqual(['UNKNOWN']);
  });
});
