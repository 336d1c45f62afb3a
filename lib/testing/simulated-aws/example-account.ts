import { SimulatedAws, type SimulatedAwsOptions } from './simulated-aws';
import { accessAnalyzerService, exampleAccessAnalyzerWorld } from './services/access-analyzer';
import { cloudtrailService, exampleCloudTrailWorld } from './services/cloudtrail';
import { ec2Service, exampleEc2World } from './services/ec2';
import { eksService, exampleEksWorld } from './services/eks';
import { exampleGuardDutyWorld, guarddutyService } from './services/guardduty';
import { exampleIamWorld, iamService } from './services/iam';
import { exampleKmsWorld, kmsService } from './services/kms';
import { exampleS3World, s3Service } from './services/s3';
import { stsService } from './services/sts';
import type { SimWorld } from './world';

export const EXAMPLE_ACCOUNT_ID = '210987654321';

/** Every simulated service (EC2's includes DescribeRegions). */
export const ALL_SIM_SERVICES = [
  stsService,
  ec2Service,
  iamService,
  accessAnalyzerService,
  kmsService,
  cloudtrailService,
  s3Service,
  guarddutyService,
  eksService,
] as const;

/** One account in eu-west-1 and us-east-1 (and a not-opted-in af-south-1) holding every service's example estate. */
export function exampleAccountWorld(accountId = EXAMPLE_ACCOUNT_ID): SimWorld {
  return {
    accountId,
    regions: [{ name: 'eu-west-1' }, { name: 'us-east-1' }, { name: 'af-south-1', optIn: 'not-opted-in' }],
    services: {
      iam: exampleIamWorld(accountId),
      accessanalyzer: exampleAccessAnalyzerWorld(accountId),
      ec2: exampleEc2World(accountId),
      kms: exampleKmsWorld(accountId),
      cloudtrail: exampleCloudTrailWorld(accountId),
      s3: exampleS3World(accountId),
      guardduty: exampleGuardDutyWorld(accountId),
      eks: exampleEksWorld(accountId),
    },
  };
}

/** A simulated AWS serving the example account. */
export function simulateExampleAccount(options: Partial<SimulatedAwsOptions> = {}): SimulatedAws {
  return new SimulatedAws(exampleAccountWorld(), { services: ALL_SIM_SERVICES, ...options });
}
