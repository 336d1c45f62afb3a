import { defineResourceCheck, fail, must, pass, type CheckContext, type Verdict } from '../../engine/check';
import type { LaunchTemplateVersion } from '../../model';
import { regionSettings } from './lib/instances';
import { judgeVersionsInUse } from './lib/launch-templates';

/**
 * What a launch from this version gets. The version's own setting wins; if it sets none, the
 * region's account default applies, and only when that says no-preference does the AMI decide.
 */
function judgeVersion(version: LaunchTemplateVersion, usedAs: string, ctx: CheckContext): Verdict {
  const label = `Version ${version.versionNumber} (${usedAs})`;
  const options = version.metadataOptions;
  if (options?.httpEndpoint !== undefined && must(options.httpEndpoint) === 'disabled') return pass(`${label} turns the instance metadata service off.`);
  if (options?.httpTokens !== undefined) {
    return must(options.httpTokens) === 'required'
      ? pass(`${label} requires IMDSv2.`)
      : fail(`${label} allows IMDSv1 (HttpTokens optional).`, { evidence: { httpTokens: 'optional' } });
  }
  const defaults = regionSettings(ctx).imdsDefaults;
  if (options?.httpEndpoint === undefined && defaults.httpEndpoint !== undefined && must(defaults.httpEndpoint) === 'disabled') {
    return pass(`${label} sets no endpoint and inherits the region default, which turns the metadata service off.`);
  }
  const regionDefault = defaults.httpTokens;
  if (regionDefault === 'required') return pass(`${label} sets no token requirement and inherits the region default, which requires IMDSv2.`);
  const why = regionDefault === 'optional' ? 'the region default allows IMDSv1' : 'the region has no default, so the AMI decides';
  return fail(`${label} does not require IMDSv2 and ${why}.`, { evidence: { httpTokens: 'not set', regionDefault } });
}

export const ec2LaunchTemplateImdsv2Required = defineResourceCheck({
  id: 'ec2-launch-template-imdsv2-required',
  kind: 'ec2.launch-template',
  title: 'Launch template versions in use require IMDSv2',
  severity: 'medium',
  description:
    'Each version of the launch template that is in use (the default, the latest, and every version an instance or EKS node ' +
    'group in the region launches from) requires IMDSv2 or turns the metadata service off. A version that sets nothing ' +
    'passes only when the region default (ec2.region-settings) requires IMDSv2, as launches then inherit it. One finding per ' +
    'version, keyed `Version::N`; uses that could not be established are UNKNOWN under `Version::in-use`. Security Hub rates ' +
    'EC2.170 low; hardeks rates it medium because EKS node groups are built from these templates.',
  risk:
    'Every instance launched from the template (every node an EKS node group or autoscaling group starts) accepts IMDSv1, ' +
    'so SSRF and pod-to-node credential theft work again on each replacement node, whatever was fixed on the running ones.',
  remediation:
    'Create a new version with MetadataOptions HttpTokens=required (and HttpPutResponseHopLimit=1 for EKS nodes), make it the ' +
    'default, and roll the node groups or autoscaling groups onto it.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-170',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html',
  ],
  frameworks: { securityHub: ['EC2.170'] },

  evaluate(template, ctx) {
    return judgeVersionsInUse(template, ctx, (version, usedAs) => judgeVersion(version, usedAs, ctx));
  },
});
