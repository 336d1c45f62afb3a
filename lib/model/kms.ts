import { z } from 'zod';
import { isoDate, resourceBase } from './common';
import { policyDocumentSchema } from './policy-document';
import { resolvable } from './resolvable';

const rstring = resolvable(z.string());

export const kmsKeySchema = z.strictObject({
  kind: z.literal('kms.key'),
  ...resourceBase,
  keyId: rstring,
  arn: rstring,
  description: z.string().optional(),
  /** `CUSTOMER` or `AWS` (AWS managed keys cannot be configured by the account). */
  keyManager: resolvable(z.enum(['CUSTOMER', 'AWS'])),
  /** Enabled, Disabled, PendingDeletion, PendingImport, PendingReplicaDeletion, Unavailable, Creating, Updating. */
  keyState: rstring,
  /** SYMMETRIC_DEFAULT, RSA_2048, HMAC_256, … Rotation applies to symmetric encryption keys only. */
  keySpec: rstring,
  keyUsage: rstring,
  /** AWS_KMS, EXTERNAL, AWS_CLOUDHSM, EXTERNAL_KEY_STORE. */
  keyMaterialOrigin: z.string().optional(),
  multiRegion: resolvable(z.boolean()).optional(),
  /** Automatic rotation of the key material; absent where rotation does not apply (asymmetric, HMAC, imported). */
  rotationEnabled: resolvable(z.boolean()).optional(),
  rotationPeriodDays: resolvable(z.number().int()).optional(),
  deletionDate: isoDate.optional(),
  pendingWindowDays: resolvable(z.number().int()).optional(),
  /** The key policy named `default`. */
  policy: resolvable(policyDocumentSchema),
  aliases: z.array(rstring),
  createdAt: isoDate.optional(),
});

export interface KmsKey extends z.infer<typeof kmsKeySchema> {}
