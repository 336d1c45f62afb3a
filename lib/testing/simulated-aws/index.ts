export { SimulatedAws, type CallContext, type Fault, type FaultType, type Handler, type SimService, type SimulatedAwsOptions } from './simulated-aws';
export type { ByRegion, SimServices, SimWorld } from './world';
export * from './errors';
export { page } from './paging';
export { stsService } from './services/sts';
export { ec2RegionsOperations, ec2RegionsService } from './services/ec2-regions';
export { eksService, type EksRegionWorld } from './services/eks';
export { iamService, exampleIamWorld, type IamWorld, type SimCredentialReport } from './services/iam';
export { accessAnalyzerService, exampleAccessAnalyzerWorld, type AccessAnalyzerRegionWorld } from './services/access-analyzer';
