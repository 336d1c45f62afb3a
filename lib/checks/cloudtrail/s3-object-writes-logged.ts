import { defineRegionCheck } from '../../engine/check';
import { s3ObjectEventsVerdict } from './lib/s3-object-events';

export const cloudtrailS3ObjectWritesLogged = defineRegionCheck({
  id: 'cloudtrail-s3-object-writes-logged',
  kind: 'cloudtrail.trail',
  title: 'CloudTrail records S3 object-level write events for every bucket',
  severity: 'low',
  description:
    'For each region, a logging trail that records the region captures S3 data events of type `AWS::S3::Object` for write ' +
    'operations on every bucket: a basic selector with `arn:aws:s3` (ReadWriteType All or WriteOnly), or an advanced selector ' +
    'with eventCategory Data and resources.type AWS::S3::Object that is not narrowed (readOnly may be `false`). Selectors that ' +
    'name buckets, prefixes or event names cover part of S3 and do not count. Multi-region and organization trails homed in ' +
    'other regions count. Security Hub S3.22 asks for one multi-region trail; a region whose own trail records these events passes here.',
  risk: 'Without object-level write events, nobody can tell who overwrote, deleted or uploaded objects: data tampering and ransomware leave no trace.',
  remediation:
    'Add an S3 data-event selector for all buckets to a multi-region trail (aws cloudtrail put-event-selectors --trail-name <trail> ' +
    '--advanced-event-selectors \'[{"Name":"S3 writes","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},' +
    '{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"readOnly","Equals":["false"]}]}]\'), keeping the management selector.',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-22',
  ],
  frameworks: { securityHub: ['S3.22'], cisAws: { '3.0': ['3.8'], '4.0': ['3.8'] } },

  evaluate(trails, ctx) {
    return s3ObjectEventsVerdict(trails, ctx, 'writes');
  },
});
