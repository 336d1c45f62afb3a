import { must, notApplicable, unknown, type CheckContext, type Verdict } from '../../../engine/check';
import type { EksCluster, KmsKey } from '../../../model';

const KMS_ARN = /^arn:[a-z-]+:kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/;

/** What the cluster's secrets key turned out to be: the key, a key that no longer exists, or a verdict for everything else. */
export type SecretsKey = { readonly key: KmsKey } | { readonly deleted: string } | { readonly verdict: Verdict };

/**
 * The KMS key that envelope-encrypts the cluster's secrets, linked through the inventory's
 * `kms.key`s. EKS accepts a key ARN or an alias ARN. A key of another account cannot be judged
 * here (UNKNOWN); a key absent from a fully collected region of this account was deleted.
 */
export function secretsKeyOf(cluster: EksCluster, ctx: CheckContext): SecretsKey {
  const name = must(cluster.name);
  if (cluster.secretsKeyArn === undefined) return { verdict: notApplicable(`Cluster ${name} does not envelope-encrypt its secrets (see eks-secrets-encrypted).`) };
  const reference = must(cluster.secretsKeyArn);
  const arn = KMS_ARN.exec(reference);
  if (arn && arn[2] !== ctx.accountId) return { verdict: unknown(`The secrets key ${reference} belongs to account ${arn[2]}, which this inventory does not cover.`) };
  const region = arn?.[1] ?? ctx.region;
  const key = arn?.[3] === 'alias' ? keyWithAlias(`alias/${arn[4]}`, region, ctx) : ctx.inventory.find('kms.key', reference, region);
  if (key) return { key };
  // A template may name a key it does not declare: that is not evidence the key is gone.
  if (ctx.inventory.inventory.source.type === 'template') return { verdict: unknown(`The secrets key ${reference} is not declared in the template.`) };
  return { deleted: reference };
}

function keyWithAlias(alias: string, region: string, ctx: CheckContext): KmsKey | undefined {
  return ctx.inventory.inRegion('kms.key', region).find((k) => k.aliases.some((a) => typeof a === 'string' && a === alias));
}

export function keyLabel(key: KmsKey): string {
  return typeof key.arn === 'string' ? key.arn : key.id;
}
