import { eksUpgradePolicyStandard } from '../../../lib/checks/eks/upgrade-policy-standard';
import { unresolved } from '../../fixtures/model';
import { cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksUpgradePolicyStandard;

describe('eks-upgrade-policy-standard', () => {
  test('STANDARD → PASS', () => {
    const prod = cluster();
    expect(judge(CHECK, [prod])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('EXTENDED (the default) → FAIL', () => {
    expect(statusesOf(judge(CHECK, [cluster({ upgradeSupportType: 'EXTENDED' })]))).toEqual(['FAIL']);
  });

  test('not reported by the source → UNKNOWN, not the default guessed', () => {
    const { upgradeSupportType: _none, ...unreported } = cluster();
    void _none;
    expect(statusesOf(judge(CHECK, [unreported]))).toEqual(['UNKNOWN']);
  });

  test('a template parameter → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [cluster({ upgradeSupportType: unresolved('<SupportType>') })]))).toEqual(['UNKNOWN']);
  });

  test('clusters could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [cluster()], { coverage: coverageDenying('eks.cluster') })))).toEqual(new Set(['UNKNOWN']));
  });
});
