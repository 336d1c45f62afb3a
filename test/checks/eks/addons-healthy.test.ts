import { eksAddonsHealthy } from '../../../lib/checks/eks/addons-healthy';
import { unresolved } from '../../fixtures/model';
import { addon, cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksAddonsHealthy;
const prod = cluster();

describe('eks-addons-healthy', () => {
  test('an ACTIVE add-on → PASS', () => {
    const a = addon(prod, 'vpc-cni');
    expect(judge(CHECK, [a])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: a.id }]);
  });

  test.each(['DEGRADED', 'CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED'])('%s → FAIL', (status) => {
    expect(statusesOf(judge(CHECK, [addon(prod, 'coredns', { status, health: [{ code: 'InsufficientNumberOfReplicas' }] })]))).toEqual(['FAIL']);
  });

  test('trap: ACTIVE but reporting health issues → FAIL', () => {
    expect(statusesOf(judge(CHECK, [addon(prod, 'aws-guardduty-agent', { health: [{ code: 'ConfigurationConflict', message: 'x' }] })]))).toEqual(['FAIL']);
  });

  test('a template add-on has no state → NOT_APPLICABLE', () => {
    const { status: _none, ...declared } = addon(prod, 'vpc-cni');
    void _none;
    expect(statusesOf(judge(CHECK, [declared]))).toEqual(['NOT_APPLICABLE']);
  });

  test('the add-on name is a template value → UNKNOWN', () => expect(statusesOf(judge(CHECK, [addon(prod, 'x', { name: unresolved('<Name>') })]))).toEqual(['UNKNOWN']));

  test('add-ons could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [addon(prod, 'coredns', { status: 'DEGRADED' })], { coverage: coverageDenying('eks.addon') })))).toEqual(new Set(['UNKNOWN']));
  });
});
