import { eksEndpointPrivateAccessEnabled } from '../../../lib/checks/eks/endpoint-private-access-enabled';
import { unresolved } from '../../fixtures/model';
import { cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksEndpointPrivateAccessEnabled;

describe('eks-endpoint-private-access-enabled', () => {
  test('private access on → PASS for the cluster', () => {
    const prod = cluster();
    expect(judge(CHECK, [prod])).toEqual([{ checkId: 'eks-endpoint-private-access-enabled', status: 'PASS', resource: prod.id }]);
  });

  test('public only, nodes talk to the API over the internet → FAIL', () => {
    expect(statusesOf(judge(CHECK, [cluster({ endpoint: { publicAccess: true, privateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] } })]))).toEqual(['FAIL']);
  });

  test('trap: a public endpoint restricted to CIDRs is still not private access → FAIL', () => {
    expect(statusesOf(judge(CHECK, [cluster({ endpoint: { publicAccess: true, privateAccess: false, publicAccessCidrs: ['203.0.113.0/24'] } })]))).toEqual(['FAIL']);
  });

  test('private access given as a template parameter → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [cluster({ endpoint: { privateAccess: unresolved('<PrivateAccessParam>') } })]))).toEqual(['UNKNOWN']);
  });

  test('clusters could not be listed → UNKNOWN, never PASS', () => {
    expect(new Set(statusesOf(judge(CHECK, [cluster()], { coverage: coverageDenying('eks.cluster') })))).toEqual(new Set(['UNKNOWN']));
  });
});
