import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/** Customer managed keys are retained on stack deletion: data encrypted under them outlives the stack. */
const KEY_REMOVAL_POLICY = RemovalPolicy.RETAIN;

/**
 * A symmetric customer managed key with yearly automatic rotation. The key policy is CDK's default
 * (the account administers the key through IAM), so no principal outside the account is named.
 */
export function rotatingKey(scope: Construct, id: string, description: string): kms.Key {
  return new kms.Key(scope, id, {
    description,
    enableKeyRotation: true,
    rotationPeriod: Duration.days(365),
    removalPolicy: KEY_REMOVAL_POLICY,
  });
}

/**
 * A rotating key that CloudWatch Logs may use for the log groups of this account and region only:
 * the service principal is limited by the encryption context CloudWatch Logs always sends.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function logsKey(scope: Construct, id: string, description: string): kms.Key {
  const key = rotatingKey(scope, id, description);
  const stack = Stack.of(scope);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsOfThisAccount',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` },
      },
    }),
  );
  return key;
}
