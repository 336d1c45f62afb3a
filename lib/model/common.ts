import { z } from 'zod';

/** IAM and other account-wide data carries this region. */
export const GLOBAL_REGION = 'global';

/** Where a resource came from: an AWS API (live or snapshot) or a CloudFormation template. */
export const originSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('aws'),
    arn: z.string(),
    accountId: z.string(),
    /** An AWS region, or `global` for IAM. */
    region: z.string(),
  }),
  z.strictObject({
    kind: z.literal('cfn'),
    stack: z.string(),
    logicalId: z.string(),
    constructPath: z.string().optional(),
    /** Template file and line, when the source knows them (SARIF locations). */
    file: z.string().optional(),
    line: z.number().int().optional(),
  }),
]);
export type Origin = z.infer<typeof originSchema>;

/** Resource tags, key → value. */
export const tagsSchema = z.record(z.string(), z.string());

/** ISO 8601 timestamps: SDK `Date`s are converted by the sources so an inventory stays JSON-safe. */
export const isoDate = z.iso.datetime({ offset: true });

/** Why collecting something failed. Codes are stable: reports and suppressions rely on them. */
/**
 * ACCESS_DENIED, THROTTLED (after retries), REGION_DISABLED (not enabled or unreachable),
 * NOT_SUBSCRIBED, TIMED_OUT (the collection's time budget ran out first) and UNEXPECTED.
 */
export const issueCodeSchema = z.enum(['ACCESS_DENIED', 'THROTTLED', 'REGION_DISABLED', 'NOT_SUBSCRIBED', 'TIMED_OUT', 'UNEXPECTED']);
export type IssueCode = z.infer<typeof issueCodeSchema>;

export const collectionIssueSchema = z.strictObject({
  code: issueCodeSchema,
  service: z.string().optional(),
  operation: z.string().optional(),
  message: z.string(),
});
export type CollectionIssue = z.infer<typeof collectionIssueSchema>;

/**
 * Fields every resource kind has. `id` is the ARN (live) or `cfn:<Stack>/<LogicalId>` (template);
 * references between resources are ids. `incomplete` marks a resource whose own describe call
 * failed: the engine reports every check of it as UNKNOWN.
 */
export const resourceBase = {
  id: z.string().min(1),
  origin: originSchema,
  tags: tagsSchema.optional(),
  incomplete: collectionIssueSchema.optional(),
};
