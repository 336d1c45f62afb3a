import { createHash } from 'node:crypto';
import { unresolved } from '../../model/resolvable';
import { Concat, ResourceReference, concat, evaluateCfnJson, isKnown, type Value } from './intrinsics';

/** What attribute resolution needs to know about one resource of the template. */
export interface ReferenceTarget {
  readonly logicalId: string;
  readonly type: string;
  /** `cfn:<Stack>/<LogicalId>` */
  readonly id: string;
  /** One property, evaluated (lazily, so references between resources resolve in any order). */
  property(path: readonly (string | number)[]): Value;
  readonly partition: Value;
  readonly region: Value;
  readonly accountId: Value;
  readonly urlSuffix: Value;
}

/** The property that names the resource: `Ref` returns it when the template gives it literally. */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::EKS::Cluster': 'Name',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::CloudTrail::Trail': 'TrailName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::KMS::Alias': 'AliasName',
  'AWS::SNS::Topic': 'TopicName',
};

interface ArnShape {
  readonly service: string;
  readonly regional: boolean;
  readonly withAccount: boolean;
  /** The resource part after `<account>:`. */
  resource(t: ReferenceTarget): Value;
  /** Which of Ref and the attributes return the ARN. */
  readonly via: readonly string[];
}

const pathAndName = (prefix: string, nameProperty: string) => (t: ReferenceTarget) =>
  concat([prefix, t.property(['Path']) ?? '/', namePart(t, nameProperty)].map((v) => (v === null ? '/' : v)));

const ARN_SHAPES: Readonly<Record<string, ArnShape>> = {
  'AWS::IAM::Role': { service: 'iam', regional: false, withAccount: true, resource: pathAndName('role', 'RoleName'), via: ['Arn'] },
  'AWS::IAM::User': { service: 'iam', regional: false, withAccount: true, resource: pathAndName('user', 'UserName'), via: ['Arn'] },
  'AWS::IAM::Group': { service: 'iam', regional: false, withAccount: true, resource: pathAndName('group', 'GroupName'), via: ['Arn'] },
  'AWS::IAM::InstanceProfile': {
    service: 'iam',
    regional: false,
    withAccount: true,
    resource: pathAndName('instance-profile', 'InstanceProfileName'),
    via: ['Arn'],
  },
  'AWS::IAM::ManagedPolicy': {
    service: 'iam',
    regional: false,
    withAccount: true,
    resource: pathAndName('policy', 'ManagedPolicyName'),
    via: ['Ref', 'PolicyArn'],
  },
  'AWS::IAM::OIDCProvider': { service: 'iam', regional: false, withAccount: true, resource: (t) => oidcResource(t), via: ['Ref', 'Arn'] },
  'Custom::AWSCDKOpenIdConnectProvider': { service: 'iam', regional: false, withAccount: true, resource: (t) => oidcResource(t), via: ['Ref'] },
  'AWS::EKS::Cluster': { service: 'eks', regional: true, withAccount: true, resource: (t) => concat(['cluster/', namePart(t, 'Name')]), via: ['Arn'] },
  'AWS::S3::Bucket': { service: 's3', regional: false, withAccount: false, resource: (t) => namePart(t, 'BucketName'), via: ['Arn'] },
  'AWS::CloudTrail::Trail': {
    service: 'cloudtrail',
    regional: true,
    withAccount: true,
    resource: (t) => concat(['trail/', namePart(t, 'TrailName')]),
    via: ['Arn'],
  },
};

/** Attributes that are the resource's own identifier: they resolve to its id. */
const ID_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'AWS::EC2::VPC': ['VpcId'],
  'AWS::EC2::Subnet': ['SubnetId'],
  'AWS::EC2::SecurityGroup': ['GroupId'],
  'AWS::EC2::LaunchTemplate': ['LaunchTemplateId'],
  'AWS::EC2::Instance': ['InstanceId'],
  'AWS::EC2::Volume': ['VolumeId'],
  'AWS::EC2::PrefixList': ['PrefixListId'],
  'AWS::KMS::Key': ['KeyId'],
  'AWS::IAM::Role': ['RoleId'],
  'AWS::IAM::ManagedPolicy': ['PolicyId'],
  'AWS::EKS::Nodegroup': ['NodegroupName'],
  'AWS::EKS::AccessEntry': ['AccessEntryArn'],
  'AWS::EKS::PodIdentityAssociation': ['AssociationArn', 'AssociationId'],
};

/** Attributes whose value is one of the resource's own properties. */
const PROPERTY_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, readonly (string | number)[]>>>> = {
  'AWS::EC2::VPC': { CidrBlock: ['CidrBlock'] },
  'AWS::EC2::Subnet': { VpcId: ['VpcId'], AvailabilityZone: ['AvailabilityZone'], CidrBlock: ['CidrBlock'] },
  'AWS::EC2::SecurityGroup': { VpcId: ['VpcId'] },
  'AWS::EKS::Cluster': { EncryptionConfigKeyArn: ['EncryptionConfig', 0, 'Provider', 'KeyArn'] },
};

/**
 * A template describes one version of a launch template: it is version 1 of the inventory, and the
 * version-number attributes resolve to it so instances and node groups find it.
 */
const TEMPLATE_VERSION = '1';

/** `Ref` of a resource of the template. */
export function referenceOf(t: ReferenceTarget): Value {
  const shape = ARN_SHAPES[t.type];
  if (shape?.via.includes('Ref')) return arnReference(t, shape);
  const nameProperty = NAME_PROPERTY[t.type];
  const name = nameProperty ? t.property([nameProperty]) : null;
  return new ResourceReference(typeof name === 'string' ? name : t.id);
}

/** `Fn::GetAtt` of a resource of the template: a known value, the resource's id, or Unresolved. */
export function attributeOf(t: ReferenceTarget, attribute: string): Value {
  const shape = ARN_SHAPES[t.type];
  if (shape?.via.includes(attribute)) return arnReference(t, shape);
  if (t.type === 'Custom::AWSCDKCfnJson' && attribute === 'Value') return evaluateCfnJson(t.property(['Value']), `<${t.logicalId}.Value>`);
  const path = PROPERTY_ATTRIBUTES[t.type]?.[attribute];
  if (path) {
    const value = t.property(path);
    return value === null ? unresolved(`<${t.logicalId}.${attribute}>`) : value;
  }
  if (t.type === 'AWS::EC2::LaunchTemplate' && (attribute === 'LatestVersionNumber' || attribute === 'DefaultVersionNumber')) return TEMPLATE_VERSION;
  if (CLUSTER_TYPES.has(t.type) && ISSUER_ATTRIBUTES.has(attribute)) return templateIssuer(t, attribute);
  // `Arn` always names the resource itself; so do the identifier attributes of the kinds we model.
  if (attribute === 'Arn' || attribute === 'Id' || ID_ATTRIBUTES[t.type]?.includes(attribute)) return new ResourceReference(t.id);
  // Everything else (an endpoint, an issuer URL, an AWS-created security group) is only known after deployment.
  return unresolved(`<${t.logicalId}.${attribute}>`);
}

const CLUSTER_TYPES: ReadonlySet<string> = new Set(['AWS::EKS::Cluster', 'Custom::AWSCDK-EKS-Cluster']);

/** A cluster's issuer: `OpenIdConnectIssuerUrl` with the scheme, `OpenIdConnectIssuer` (classic aws-eks) without it. */
const ISSUER_ATTRIBUTES: ReadonlySet<string> = new Set(['OpenIdConnectIssuerUrl', 'OpenIdConnectIssuer']);

/**
 * EKS gives a cluster its OIDC issuer at creation, so a template cannot know it. Every reference to
 * it within the template resolves to one placeholder instead: shaped like the issuers EKS gives
 * (`oidc.eks.<region>.<URL suffix>/id/<id>`, so checks read it as an EKS issuer of that region), with
 * an id no real issuer has (the cluster's logical id, `cfn`, and a hash of the stack and logical id,
 * unique across the stacks of one audit). The cluster, the IAM OIDC provider whose URL is this
 * attribute and the IRSA conditions keyed on that provider then name one issuer, as they do once
 * deployed. The region is part of the issuer: while it is not known, the attribute stays Unresolved.
 */
function templateIssuer(t: ReferenceTarget, attribute: string): Value {
  if (typeof t.region !== 'string' || typeof t.urlSuffix !== 'string') return unresolved(`<${t.logicalId}.${attribute}>`);
  const host = `oidc.eks.${t.region}.${t.urlSuffix}/id/${t.logicalId}cfn${createHash('sha256').update(t.id).digest('hex').slice(0, 8)}`;
  return attribute === 'OpenIdConnectIssuerUrl' ? `https://${host}` : host;
}

/** The known ARN when every part is known (a literal name, given account and partition), else the id; parts kept for Fn::Split. */
function arnReference(t: ReferenceTarget, shape: ArnShape): ResourceReference {
  const arn = concat([
    'arn:',
    t.partition,
    `:${shape.service}:`,
    shape.regional ? t.region : '',
    ':',
    shape.withAccount ? t.accountId : '',
    ':',
    shape.resource(t),
  ]);
  if (typeof arn === 'string') return new ResourceReference(arn, new Concat([arn]));
  return new ResourceReference(t.id, arn instanceof Concat ? arn : undefined);
}

function namePart(t: ReferenceTarget, nameProperty: string): Value {
  const name = t.property([nameProperty]);
  return name === null || !isKnown(name) ? unresolved(`<${t.logicalId}>`) : name;
}

/**
 * An OIDC provider's ARN ends in its issuer without the scheme. While the ARN is not wholly known (an
 * issuer only known after deployment, or the account or partition not given), its issuer part is
 * the provider's id instead: `Ref` of the provider is that id then, so an IRSA condition key built
 * from the ARN (`<id>:sub`) and the `Federated` principal (`<id>`) name the same issuer, as
 * `…:oidc-provider/<issuer>` and `<issuer>:sub` do in a live account.
 */
function oidcResource(t: ReferenceTarget): Value {
  const issuer = withoutScheme(t.property(['Url']), t.logicalId);
  const arnKnown = typeof issuer === 'string' && typeof t.partition === 'string' && typeof t.accountId === 'string';
  return concat(['oidc-provider/', arnKnown ? issuer : t.id]);
}

/** The issuer URL without `https://`, as IAM stores it; an unknown one stays as it is. */
export function withoutScheme(url: Value, logicalId: string): Value {
  if (typeof url === 'string') return url.replace(/^https:\/\//, '');
  if (url instanceof Concat) {
    const [first, ...rest] = url.parts;
    if (typeof first === 'string') return concat([first.replace(/^https:\/\//, ''), ...rest]);
    return url;
  }
  return url === null ? unresolved(`<${logicalId}.Url>`) : url;
}
