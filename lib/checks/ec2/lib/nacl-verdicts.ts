import { describeResolvable, type NetworkAcl } from '../../../model';
import { attempt } from './decide';
import { IP_FAMILIES, type IpFamily } from './rules';

/** `acl-0abc (default)`: for messages. */
export function aclLabel(acl: NetworkAcl): string {
  return `${describeResolvable(acl.networkAclId)}${acl.isDefault ? ' (default)' : ''}`;
}

export interface FamilyOutcomes<T> {
  readonly decided: readonly { readonly family: IpFamily; readonly value: T }[];
  readonly undecided: readonly string[];
}

/** Judges IPv4 and IPv6 apart: one family's unresolved entries must not hide the other family's definite answer. */
export function perFamily<T>(judge: (family: IpFamily) => T): FamilyOutcomes<T> {
  const outcomes = IP_FAMILIES.map((family) => ({ family, outcome: attempt(() => judge(family)) }));
  return {
    decided: outcomes.flatMap(({ family, outcome }) => (outcome.ok ? [{ family, value: outcome.value }] : [])),
    undecided: outcomes.flatMap(({ outcome }) => (outcome.ok ? [] : [outcome.reason])),
  };
}
