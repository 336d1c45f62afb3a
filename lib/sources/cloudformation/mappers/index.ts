import type { ResourceKind } from '../../../model';
import { EC2_MAPPERS } from './ec2';
import { EKS_MAPPERS } from './eks';
import { IAM_MAPPERS } from './iam';
import { LOGGING_MAPPERS } from './logging';
import type { Mapper } from './mapper';

/**
 * Every mapper, in the order they run within a phase: a mapper may read what an earlier one built
 * (an instance reads its launch template's metadata options).
 */
export const MAPPERS: readonly Mapper[] = [...IAM_MAPPERS, ...EC2_MAPPERS, ...LOGGING_MAPPERS, ...EKS_MAPPERS];

/** The CloudFormation types the template source understands. */
export const MAPPED_TYPES: ReadonlySet<string> = new Set(MAPPERS.map((m) => m.cfnType));

/**
 * The kinds a template can declare. For each, a template inventory is complete (coverage `ok`): a
 * template holds every resource it creates, so "none declared" is a fact about the stack. Network
 * interfaces are the one kind AWS mostly creates on the stack's behalf: their coverage is `ok` only
 * while the source can see every place the template uses its security groups (see `group-uses.ts`).
 */
export const TEMPLATE_KINDS: readonly ResourceKind[] = [
  'iam.user',
  'iam.group',
  'iam.role',
  'iam.policy',
  'iam.oidc-provider',
  'accessanalyzer.analyzer',
  'ec2.vpc',
  'ec2.subnet',
  'ec2.security-group',
  'ec2.network-interface',
  'ec2.network-acl',
  'ec2.flow-log',
  'ec2.instance',
  'ec2.launch-template',
  'ec2.volume',
  'ec2.prefix-list',
  'kms.key',
  'cloudtrail.trail',
  's3.bucket',
  'guardduty.detector',
  'eks.cluster',
  'eks.nodegroup',
  'eks.addon',
  'eks.access-entry',
  'eks.pod-identity-association',
  'eks.identity-provider-config',
];
