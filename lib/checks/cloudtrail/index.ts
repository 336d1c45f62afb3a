import type { Check } from '../../engine/check';
import { cloudtrailBucketAccessLoggingEnabled } from './bucket-access-logging-enabled';
import { cloudtrailBucketNotPublic } from './bucket-not-public';
import { cloudtrailCloudwatchLogsDeliveryRecent } from './cloudwatch-logs-delivery-recent';
import { cloudtrailEnabledInRegion } from './enabled-in-region';
import { cloudtrailEncryptedWithKms } from './encrypted-with-kms';
import { cloudtrailInsightsEnabled } from './insights-enabled';
import { cloudtrailLogFileValidationEnabled } from './log-file-validation-enabled';
import { cloudtrailMultiRegionTrailLogging } from './multi-region-trail-logging';
import { cloudtrailS3ObjectReadsLogged } from './s3-object-reads-logged';
import { cloudtrailS3ObjectWritesLogged } from './s3-object-writes-logged';

/** cloudtrail checks in report order: coverage first, then the protection of each trail's logs, then what trails add to detection. */
export const CLOUDTRAIL_CHECKS: readonly Check[] = [
  cloudtrailMultiRegionTrailLogging,
  cloudtrailEnabledInRegion,
  cloudtrailLogFileValidationEnabled,
  cloudtrailEncryptedWithKms,
  cloudtrailCloudwatchLogsDeliveryRecent,
  cloudtrailBucketNotPublic,
  cloudtrailBucketAccessLoggingEnabled,
  cloudtrailS3ObjectWritesLogged,
  cloudtrailS3ObjectReadsLogged,
  cloudtrailInsightsEnabled,
];
