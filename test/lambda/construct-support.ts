import type { Template } from 'aws-cdk-lib/assertions';
import type { Finding } from '../../lib/engine/types';
import { HardeksError } from '../../lib/errors';

export interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, unknown>;
}

/** Statements of the customer managed policies attached to the audit functions' roles. */
export function auditRoleStatements(template: Template, policyPattern = /FunctionPolicy|TargetPolicy/): Statement[] {
  const policies = template.findResources('AWS::IAM::ManagedPolicy') as Record<string, { Properties: { PolicyDocument: { Statement: Statement[] } } }>;
  return Object.entries(policies)
    .filter(([logicalId]) => policyPattern.test(logicalId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}

/**
 * Read-only by name: List, Describe, Get, and iam:GenerateCredentialReport (the Service
 * Authorization Reference classes it as Read: it only prepares the credential report to read).
 */
export function isReadOnly(action: string): boolean {
  return /^[\w-]+:(List|Describe|Get)/.test(action) || action === 'iam:GenerateCredentialReport';
}

/** Whether a template value names a resource (itself, one of its objects or streams). */
export function refersTo(value: unknown, resource: string): boolean {
  const text = JSON.stringify(value);
  const inner = resource.replace(/^"|"$/g, '');
  return text === resource || text.includes(inner);
}

export const brief = (f: Finding) => ({ checkId: f.checkId, status: f.status, key: f.key, resource: f.resource.id });

/** The stable code of the error a construct throws. */
export function errorCodeOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (error instanceof HardeksError) return error.code;
    throw error;
  }
  throw new Error('expected a HardeksError');
}
