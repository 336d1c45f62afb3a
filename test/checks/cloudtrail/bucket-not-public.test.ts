import { cloudtrailBucketNotPublic } from '../../../lib/checks/cloudtrail/bucket-not-public';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory, PolicyStatement, S3Bucket } from '../../../lib/model';
import { deniedCoverage, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';
import { NOW, bucketOf, fakeOrganizationTrail, fakeTrail } from '../../fixtures/trail';

const CHECK = 'cloudtrail-bucket-not-public';
const trail = fakeTrail();

function judge(inventory: Inventory) {
  return runChecks(inventory, [cloudtrailBucketNotPublic], { now: NOW }).findings.map((f) => ({ checkId: f.checkId, status: f.status, resource: f.resource.id }));
}

const statusWith = (bucket: Partial<S3Bucket>) => judge(inventoryOf([trail, bucketOf(trail, bucket)])).map((f) => f.status);
const NO_BLOCK = { publicAccessBlock: null };

/** A bucket as a template declares it: no GetBucketPolicyStatus verdict, only the policy. */
const templateBucketWith = (...statements: PolicyStatement[]): Partial<S3Bucket> => ({
  ...NO_BLOCK,
  policyIsPublic: undefined,
  policy: { Version: '2012-10-17', Statement: statements },
});
const readByAnyone = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Effect: 'Allow',
  Principal: '*',
  Action: ['s3:GetObject'],
  Resource: [`arn:aws:s3:::${String(trail.s3BucketName)}/*`],
  ...extra,
});

describe(CHECK, () => {
  test('a private bucket → PASS, reported on the trail', () => {
    expect(judge(inventoryOf([trail, bucketOf(trail)]))).toEqual([{ checkId: CHECK, status: 'PASS', resource: trail.id }]);
  });

  test('a policy S3 reports as public, with no Block Public Access → FAIL', () => {
    expect(statusWith({ ...NO_BLOCK, policyIsPublic: true })).toEqual(['FAIL']);
  });

  test('RestrictPublicBuckets neutralises a public policy → PASS', () => {
    const block = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: true };
    expect(statusWith({ publicAccessBlock: block, policyIsPublic: true })).toEqual(['PASS']);
  });

  test('a public ACL → FAIL, unless IgnorePublicAcls', () => {
    expect(statusWith({ ...NO_BLOCK, aclGrantsPublicAccess: true })).toEqual(['FAIL']);
    const ignore = { blockPublicAcls: false, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false };
    expect(statusWith({ publicAccessBlock: ignore, aclGrantsPublicAccess: true })).toEqual(['PASS']);
  });

  describe('policies without S3\'s own verdict (templates)', () => {
    test.each([
      ['Allow * without condition', readByAnyone(), 'FAIL'],
      ['Allow {AWS: *}', readByAnyone({ Principal: { AWS: ['*'] } }), 'FAIL'],
      ['Allow * with only aws:SecureTransport', readByAnyone({ Condition: { Bool: { 'aws:SecureTransport': ['true'] } } }), 'FAIL'],
      ['Allow * pinned to a VPC', readByAnyone({ Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-0a1b2c3d'] } } }), 'PASS'],
      ['Allow * pinned to the organization', readByAnyone({ Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } } }), 'PASS'],
      ['Allow * with a wildcard account in aws:PrincipalArn', readByAnyone({ Condition: { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/reader'] } } }), 'FAIL'],
      ['Allow * unless from a VPC (negated operator)', readByAnyone({ Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-0a1b2c3d'] } } }), 'FAIL'],
      ['Allow * from 0.0.0.0/0', readByAnyone({ Condition: { IpAddress: { 'aws:SourceIp': ['0.0.0.0/0'] } } }), 'FAIL'],
      ['Allow with NotPrincipal', { ...readByAnyone(), Principal: undefined, NotPrincipal: { AWS: ['arn:aws:iam::111122223333:root'] } }, 'FAIL'],
      ['Deny *', readByAnyone({ Effect: 'Deny' }), 'PASS'],
      ['Allow to the CloudTrail service', readByAnyone({ Principal: { Service: ['cloudtrail.amazonaws.com'] } }), 'PASS'],
    ] as const)('%s → %s', (_name, statement, expected) => {
      expect(statusWith(templateBucketWith(statement as PolicyStatement))).toEqual([expected]);
    });

    test('a principal computed by the template → UNKNOWN', () => {
      expect(statusWith(templateBucketWith(readByAnyone({ Principal: unresolved('<ReaderPrincipal>') })))).toEqual(['UNKNOWN']);
    });
  });

  test('the organization trail\'s bucket lives in another account → UNKNOWN with the reason, never PASS', () => {
    const org = fakeOrganizationTrail();
    const { findings } = runChecks(inventoryOf([org], { alsoCollected: ['s3.bucket', 'cloudtrail.trail'] }), [cloudtrailBucketNotPublic], { now: NOW });
    const onTrail = findings.filter((f) => f.resource.id === org.id);
    expect(onTrail.map((f) => f.status)).toEqual(['UNKNOWN']);
    expect(onTrail[0]?.message).toContain(String(org.s3BucketName));
  });

  test('buckets were not collected → UNKNOWN', () => {
    const inventory = inventoryOf([trail, bucketOf(trail, { ...NO_BLOCK, policyIsPublic: true })], {
      coverage: [okCoverage('cloudtrail.trail'), deniedCoverage('s3.bucket', 'global', 'ListBuckets')],
    });
    expect(judge(inventory).filter((f) => f.resource === trail.id).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('a template trail and bucket whose generated name is the same unresolved expression are matched', () => {
    const templateTrail = fakeTrail({ s3BucketName: unresolved('<LogsBucket>') });
    const templateBucket = bucketOf(trail, { name: unresolved('<LogsBucket>'), ...templateBucketWith(readByAnyone()) });
    expect(judge(inventoryOf([templateTrail, templateBucket])).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('unresolved values: the bucket name, RestrictPublicBuckets, an uncollected ACL → UNKNOWN', () => {
    expect(judge(inventoryOf([fakeTrail({ s3BucketName: unresolved('<LogBucket>') })], { alsoCollected: ['s3.bucket'] })).map((f) => f.status)).toEqual([
      'UNKNOWN',
    ]);
    const block = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: unresolved('<RestrictParam>') };
    expect(statusWith({ publicAccessBlock: block, policyIsPublic: true })).toEqual(['UNKNOWN']);
    expect(statusWith({ ...NO_BLOCK, aclGrantsPublicAccess: undefined })).toEqual(['UNKNOWN']);
  });
});
