import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import type { NaclEntry, NetworkAcl } from '../../model';
import { undecided } from './lib/decide';
import { describeEntry, worldIngressEntries } from './lib/nacl';
import { aclLabel, perFamily } from './lib/nacl-verdicts';
import { WHOLE_INTERNET, type IpFamily } from './lib/rules';

interface AllTrafficOutcome {
  /** The entry that decides for all traffic from the whole internet; absent = the implicit final deny. */
  readonly decidedBy?: NaclEntry;
  readonly allowed: boolean;
  /** Lower-numbered world denies for some protocol or ports: holes in an otherwise open ACL. */
  readonly exceptions: readonly string[];
}

/** Walks the world entries in order until one covers every protocol; partial denies before it are exceptions. */
function allTrafficFromInternet(acl: NetworkAcl, family: IpFamily): AllTrafficOutcome {
  const exceptions: string[] = [];
  for (const { entry, traffic } of worldIngressEntries(acl, family)) {
    const action = must(entry.action);
    if (traffic.protocol === 'all') return { decidedBy: entry, allowed: action === 'allow', exceptions };
    if (action === 'deny') exceptions.push(describeEntry(entry));
  }
  return { allowed: false, exceptions };
}

export const ec2NaclNoWorldAllTraffic = defineResourceCheck({
  id: 'ec2-nacl-no-world-all-traffic',
  kind: 'ec2.network-acl',
  title: 'Network ACLs do not let all traffic in from the internet',
  severity: 'high',
  description:
    'Walking the inbound entries in ascending rule number, as AWS does, the first entry for 0.0.0.0/0 (or ::/0) that covers ' +
    'every protocol is not an allow. A lower-numbered deny-all shadows a later allow-all; lower-numbered denies for single ' +
    'ports or protocols are reported as exceptions but do not make the ACL restrictive. IPv4 and IPv6 are judged apart. ' +
    'The ports 22 and 3389 an allow-all entry opens are reported under EC2.21 and CIS 5.1 (v4.0 5.2) by ec2-nacl-no-world-admin-ports; ' +
    'this check maps to Well-Architected SEC05-BP02 (control traffic flow within your network layers).',
  risk:
    'A network ACL that admits everything from the internet does no filtering at all: the subnet relies on every security ' +
    'group attached in it being right.',
  remediation:
    'Replace the allow-all inbound entry with entries for the ports the subnet serves and the ephemeral ports return traffic ' +
    'needs (32768-65535 for Linux hosts; a wider range must sit behind lower-numbered denies for 22 and 3389), or put a ' +
    'lower-numbered deny in front of it.',
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
    'https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_layered.html',
  ],
  frameworks: { wellArchitected: ['SEC05-BP02'] },

  evaluate(acl) {
    const outcomes = perFamily((family) => allTrafficFromInternet(acl, family));
    const open = outcomes.decided.filter(({ value }) => value.allowed);
    if (open.length > 0) {
      const through = open.map(({ family, value }) => `${WHOLE_INTERNET[family]} by ${describeEntry(value.decidedBy!)}`);
      const exceptions = open.flatMap(({ value }) => value.exceptions);
      const except = exceptions.length > 0 ? ` (except what ${exceptions.join(', ')} deny)` : '';
      return fail(`${aclLabel(acl)} lets all traffic in from the internet${except}: ${through.join('; ')}.`, { evidence: { allowedBy: through, exceptions } });
    }
    if (outcomes.undecided.length > 0) return undecided(`Whether ${aclLabel(acl)} lets all traffic in from the internet`, outcomes.undecided);
    return pass(`${aclLabel(acl)} does not let all traffic in from the internet.`);
  },
});
