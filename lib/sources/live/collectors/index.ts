import type { Collector } from '../collector';
import { accessAnalyzerCollector } from './access-analyzer';
import { cloudtrailCollector, trailBucketCollector } from './cloudtrail';
import { ec2Collector } from './ec2';
import { eksCollector } from './eks';
import { guarddutyCollector } from './guardduty';
import { iamCollector } from './iam';
import { kmsCollector } from './kms';

/** Every collector, explicit (no discovery), in the order they are reported. */
export const ALL_COLLECTORS: readonly Collector[] = [
  iamCollector,
  accessAnalyzerCollector,
  ec2Collector,
  kmsCollector,
  cloudtrailCollector,
  trailBucketCollector,
  guarddutyCollector,
  eksCollector,
];
