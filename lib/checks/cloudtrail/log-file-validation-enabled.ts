import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import { trailLabel } from './lib/trails';

export const cloudtrailLogFileValidationEnabled = defineResourceCheck({
  id: 'cloudtrail-log-file-validation-enabled',
  kind: 'cloudtrail.trail',
  title: 'CloudTrail log file integrity validation is enabled',
  severity: 'low',
  description:
    'Each trail writes signed digest files, so a log file that was changed or deleted after delivery can be detected. ' +
    'Organization trails seen from a member account are judged too: their owner (the management account) has to fix them.',
  risk: 'Without digests, an intruder who can write to the log bucket can alter or delete the record of what they did, undetected.',
  remediation: 'aws cloudtrail update-trail --name <trail> --enable-log-file-validation',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-4',
  ],
  frameworks: { securityHub: ['CloudTrail.4'], cisAws: { '3.0': ['3.2'], '4.0': ['3.2'] } },

  evaluate(trail) {
    return must(trail.logFileValidationEnabled)
      ? pass(`Trail ${trailLabel(trail)} writes signed digest files.`)
      : fail(`Trail ${trailLabel(trail)} does not validate its log files.`, { evidence: { logFileValidationEnabled: false } });
  },
});
