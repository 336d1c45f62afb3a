import { defineResourceCheck, fail, must, pass } from '../../engine/check';

export const eksSecretsEncrypted = defineResourceCheck({
  id: 'eks-secrets-encrypted',
  kind: 'eks.cluster',
  title: 'EKS secrets are envelope-encrypted with a KMS key',
  severity: 'medium',
  description:
    'Kubernetes secrets of the cluster are envelope-encrypted with a KMS key (the cluster encryption config covers the ' +
    '`secrets` resource). Whether that key is enabled, customer managed and rotated is judged by its own checks.',
  risk:
    'Without envelope encryption, secrets in etcd are protected only by the storage encryption AWS applies; anyone who ' +
    'obtains an etcd backup or a volume snapshot reads them, and access to them cannot be controlled or audited through KMS.',
  remediation:
    'Associate a customer managed KMS key with the cluster for the `secrets` resource (aws eks associate-encryption-config). ' +
    'It cannot be removed once enabled. HardenedEksCluster creates a rotated key by default.',
  references: [
    'https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-3',
  ],
  frameworks: { securityHub: ['EKS.3'], cisEks: { '1.7': ['5.3.1'] } },

  evaluate(cluster) {
    // Sources record a key only when the encryption config covers `secrets`. A key a template could
    // not resolve is UNKNOWN: which key protects the secrets (and whether it is usable) is not established.
    if (cluster.secretsKeyArn === undefined) {
      return fail('Kubernetes secrets are not envelope-encrypted with a KMS key.');
    }
    const key = must(cluster.secretsKeyArn);
    return pass(`Kubernetes secrets are envelope-encrypted with ${key}.`, { evidence: { secretsKeyArn: key } });
  },
});
