import { defineResourceCheck, fail, pass, type Verdict } from '../../engine/check';
import { undecided } from './lib/decide';
import { describeEntry, worldIngressDecision } from './lib/nacl';
import { aclLabel, perFamily } from './lib/nacl-verdicts';
import { portsOption } from './lib/options';
import { WHOLE_INTERNET, opensPort } from './lib/rules';

export const ec2NaclNoWorldAdminPorts = defineResourceCheck({
  id: 'ec2-nacl-no-world-admin-ports',
  kind: 'ec2.network-acl',
  title: 'Network ACLs do not let the internet in to remote administration ports',
  severity: 'medium',
  description:
    'For each remote administration port (option `adminPorts`, default [22, 3389]) the inbound entries of the network ACL, ' +
    'evaluated as AWS does in ascending rule number with the first match deciding, do not allow TCP traffic from 0.0.0.0/0 ' +
    'or ::/0. A lower-numbered deny for the port or for all traffic shadows a later allow; a UDP entry never opens a TCP ' +
    'port; egress entries are not looked at. One finding per port, keyed `Port::N`. Unlike Security Hub EC2.21, default ' +
    'network ACLs are judged too, as CIS requires.',
  risk:
    'The network ACL is the subnet-wide backstop behind security groups: when it admits the internet to SSH or RDP, one ' +
    'permissive security group is all it takes to expose every host in the subnet.',
  remediation:
    'Add a lower-numbered inbound deny for TCP 22 and 3389 from 0.0.0.0/0 and ::/0 (or narrow the allow entries to known ' +
    'networks), keeping the ephemeral-port allows that return traffic needs.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21',
    'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
  ],
  frameworks: { securityHub: ['EC2.21'], cisAws: { '3.0': ['5.1'], '4.0': ['5.2'] } },
  defaultOptions: { adminPorts: [22, 3389] },

  evaluate(acl, ctx) {
    return portsOption(ctx, 'adminPorts').map((port): Verdict => {
      const key = `Port::${port}`;
      const outcomes = perFamily((family) => worldIngressDecision(acl, family, (t) => opensPort(t, 'tcp', port)));
      const open = outcomes.decided.filter(({ value }) => value.allowed);
      if (open.length > 0) {
        const through = open.map(({ family, value }) => `${WHOLE_INTERNET[family]} by ${describeEntry(value.entry!)}`);
        return fail(`${aclLabel(acl)} lets the internet in to TCP port ${port}: ${through.join('; ')}.`, { key, evidence: { port, allowedBy: through } });
      }
      if (outcomes.undecided.length > 0) return undecided(`Whether ${aclLabel(acl)} lets the internet in to TCP port ${port}`, outcomes.undecided, key);
      const stoppedBy = outcomes.decided.map(({ family, value }) => `${WHOLE_INTERNET[family]}: ${value.entry ? describeEntry(value.entry) : 'no matching entry'}`);
      return pass(`${aclLabel(acl)} keeps the internet out of TCP port ${port}.`, { key, evidence: { port, decidedBy: stoppedBy } });
    });
  },
});
