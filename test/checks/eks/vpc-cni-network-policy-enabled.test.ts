import { eksVpcCniNetworkPolicyEnabled } from '../../../lib/checks/eks/vpc-cni-network-policy-enabled';
import { unresolved } from '../../fixtures/model';
import { addon, cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksVpcCniNetworkPolicyEnabled;
const prod = cluster();
const cni = (configurationValues?: unknown) => addon(prod, 'vpc-cni', configurationValues === undefined ? {} : { configurationValues: configurationValues as string });

describe('eks-vpc-cni-network-policy-enabled', () => {
  test('enableNetworkPolicy "true" in JSON → PASS', () => {
    expect(judge(CHECK, [prod, cni('{"enableNetworkPolicy":"true","env":{"ENABLE_PREFIX_DELEGATION":"true"}}')])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('the same in YAML → PASS', () => expect(statusesOf(judge(CHECK, [prod, cni('enableNetworkPolicy: "true"\nenv:\n  WARM_IP_TARGET: "5"\n')]))).toEqual(['PASS']));

  test('trap: no configuration at all — NetworkPolicies are accepted but not enforced → FAIL', () => expect(statusesOf(judge(CHECK, [prod, cni()]))).toEqual(['FAIL']));

  test.each(['{"enableNetworkPolicy":"false"}', 'enableNetworkPolicy: false', '{"env":{"ENABLE_NETWORK_POLICY":"true"}}'])('%s → FAIL', (values) => {
    expect(statusesOf(judge(CHECK, [prod, cni(values)]))).toEqual(['FAIL']);
  });

  test('no vpc-cni add-on (self-managed or another CNI) → UNKNOWN, not FAIL', () => expect(statusesOf(judge(CHECK, [prod, addon(prod, 'coredns')]))).toEqual(['UNKNOWN']));

  test('configuration values that do not parse → UNKNOWN', () => expect(statusesOf(judge(CHECK, [prod, cni('{"enableNetworkPolicy": ')]))).toEqual(['UNKNOWN']));

  test('configuration values a template computes → UNKNOWN', () => expect(statusesOf(judge(CHECK, [prod, cni(unresolved('<CniConfig>'))]))).toEqual(['UNKNOWN']));

  test('add-ons could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod], { coverage: coverageDenying('eks.addon') }))).toEqual(['UNKNOWN']);
  });
});
