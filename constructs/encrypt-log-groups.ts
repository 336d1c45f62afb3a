import { AspectPriority, Aspects, Stack, type IAspect } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';

/**
 * Encrypts every log group under a scope that names no key of its own, including the ones CDK
 * creates for its provider functions (with `@aws-cdk/aws-lambda:useCdkManagedLogGroup`), with the
 * given key. Log groups of other stacks are left alone: a key cannot be referenced across stacks
 * without coupling them.
 */
class EncryptLogGroups implements IAspect {
  constructor(private readonly key: kms.IKey) {}

  visit(node: IConstruct): void {
    if (node instanceof logs.CfnLogGroup && node.kmsKeyId === undefined && Stack.of(node) === Stack.of(this.key)) {
      node.kmsKeyId = this.key.keyArn;
    }
  }
}

export function encryptLogGroups(scope: IConstruct, key: kms.IKey): void {
  Aspects.of(scope).add(new EncryptLogGroups(key), { priority: AspectPriority.MUTATING });
}
