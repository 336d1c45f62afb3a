import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { describeResolvable } from '../../model';
import { isGone } from './lib/instances';

export const ec2InstanceImdsv2Required = defineResourceCheck({
  id: 'ec2-instance-imdsv2-required',
  kind: 'ec2.instance',
  title: 'EC2 instances require IMDSv2',
  severity: 'high',
  description:
    'The instance metadata service of the instance accepts only session-token (IMDSv2) requests (`HttpTokens: required`), ' +
    'or is turned off. Terminated instances are NOT_APPLICABLE; stopped ones are judged, as they keep their settings.',
  risk:
    'IMDSv1 answers plain GET requests, so a server-side request forgery, an open proxy or a misconfigured firewall on the ' +
    'instance hands out its role credentials; on an EKS node that is the node role, reachable from every pod.',
  remediation:
    'aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required (after checking that the software ' +
    'on it uses a current SDK), and require IMDSv2 in launch templates and as the region default.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  ],
  frameworks: { securityHub: ['EC2.8'], cisAws: { '3.0': ['5.6'], '4.0': ['5.7'] } },

  evaluate(instance) {
    const name = describeResolvable(instance.instanceId);
    if (isGone(instance.state)) return notApplicable(`${name} is ${instance.state}.`);
    const options = instance.metadataOptions;
    if (must(options.httpEndpoint) === 'disabled') return pass(`${name} has the instance metadata service turned off.`);
    if (must(options.httpTokens) === 'required') return pass(`${name} requires IMDSv2.`, { evidence: { httpTokens: 'required' } });
    return fail(`${name} accepts IMDSv1 requests (HttpTokens optional).`, { evidence: { httpTokens: 'optional', httpEndpoint: 'enabled' } });
  },
});
