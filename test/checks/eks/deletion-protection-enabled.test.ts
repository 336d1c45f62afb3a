import { eksDeletionProtectionEnabled } from '../../../lib/checks/eks/deletion-protection-enabled';
import { unresolved } from '../../fixtures/model';
import { cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksDeletionProtectionEnabled;

describe('eks-deletion-protection-enabled', () => {
  test('deletion protection on → PASS', () => {
    const prod = cluster();
    expect(judge(CHECK, [prod])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('off → FAIL', () => expect(statusesOf(judge(CHECK, [cluster({ deletionProtection: false })]))).toEqual(['FAIL']));

  test('not reported → UNKNOWN', () => {
    const { deletionProtection: _none, ...unreported } = cluster();
    void _none;
    expect(statusesOf(judge(CHECK, [unreported]))).toEqual(['UNKNOWN']);
  });

  test('a template condition decides it → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [cluster({ deletionProtection: unresolved('<IsProd>') })]))).toEqual(['UNKNOWN']);
  });

  test('clusters could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [cluster()], { coverage: coverageDenying('eks.cluster') })))).toEqual(new Set(['UNKNOWN']));
  });
});
