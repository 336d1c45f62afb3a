export { SimulatedAws, type CallContext, type Fault, type FaultType, type Handler, type Latency, type RateLimit, type SimService, type SimulatedAwsOptions } from './simulated-aws';
export type { ByRegion, SimServices, SimWorld } from './world';
export * from './errors';
export { page } from './paging';
export { stsService } from './services/sts';
export { ec2RegionsOperations, ec2RegionsService } from './services/ec2-regions';
export { eksService, exampleEksWorld, type EksRegionWorld } from './services/eks';
export { iamService, exampleIamWorld, type IamWorld, type SimCredentialReport } from './services/iam';
export { accessAnalyzerService, exampleAccessAnalyzerWorld, type AccessAnalyzerRegionWorld } from './services/access-analyzer';
export { ec2Service, exampleEc2World, type Ec2RegionWorld, type Ec2LaunchTemplateWorld, type Ec2PrefixListWorld } from './services/ec2';
export { kmsService, exampleKmsWorld, type KmsRegionWorld, type KmsKeyWorld } from './services/kms';
export {
  cloudtrailService,
  exampleCloudTrailWorld,
  exampleTrailBuckets,
  EXAMPLE_MANAGEMENT_ACCOUNT,
  type CloudTrailWorld,
  type CloudTrailWorldTrail,
} from './services/cloudtrail';
export { s3Service, exampleS3World, type S3World, type S3WorldBucket } from './services/s3';
export { guarddutyService, exampleGuardDutyWorld, type GuardDutyRegionWorld, type GuardDutyWorldDetector, type GuardDutyWorldFinding } from './services/guardduty';
export { ALL_SIM_SERVICES, EXAMPLE_ACCOUNT_ID, exampleAccountWorld, simulateExampleAccount } from './example-account';
export { COMMERCIAL_REGIONS, LARGE_ACCOUNT_ID, LARGE_ACCOUNT_PRESETS, largeAccountWorld, spread, type LargeAccountParameters } from './large-account';
