import { defineRegionCheck, fail, must, pass, unknown } from '../../engine/check';

export const ec2Imdsv2DefaultRequired = defineRegionCheck({
  id: 'ec2-imdsv2-default-required',
  kind: 'ec2.region-settings',
  title: 'New instances require IMDSv2 by default in every region',
  severity: 'medium',
  description:
    'The account-level instance metadata default of the region sets HttpTokens to `required`, so instances launched ' +
    'without their own setting (a bare RunInstances call, a template that sets nothing) get IMDSv2 only. `no-preference` ' +
    'leaves it to each AMI and fails; a default that turns the metadata endpoint off passes. Judged per region; a region ' +
    'whose IMDS defaults could not be read is UNKNOWN. Security Hub EC2.8 and CIS 5.6 (v4.0 5.7) judge running instances ' +
    '(ec2-instance-imdsv2-required), not the launch default, so this check maps to Well-Architected SEC06-BP02 (provision compute ' +
    'from hardened images): the default is the hardened metadata setting every new instance starts from.',
  risk:
    'Without the default, every launch path that forgets the option (consoles, old scripts, third-party tooling) creates ' +
    'instances whose role credentials can be stolen over IMDSv1.',
  remediation: 'aws ec2 modify-instance-metadata-defaults --region <region> --http-tokens required (per region, or through an organization declarative policy).',
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html',
    'https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_compute_hardened_images.html',
  ],
  frameworks: { wellArchitected: ['SEC06-BP02'] },
  parts: ['imdsDefaults'],

  evaluate(settings, ctx) {
    const [current] = settings;
    if (!current) return unknown(`No EC2 settings were recorded for ${ctx.region}, although the region was collected.`);
    const defaults = current.imdsDefaults;
    if (defaults.httpEndpoint !== undefined && must(defaults.httpEndpoint) === 'disabled') {
      return pass(`New instances in ${ctx.region} get no instance metadata service unless launched otherwise.`, { evidence: { httpEndpoint: 'disabled' } });
    }
    const tokens = defaults.httpTokens;
    if (tokens === 'required') return pass(`New instances in ${ctx.region} require IMDSv2 unless launched otherwise.`);
    return fail(`The ${ctx.region} default for instance metadata tokens is ${tokens}: launches that do not say otherwise accept IMDSv1.`, {
      evidence: { httpTokens: tokens },
    });
  },
});
