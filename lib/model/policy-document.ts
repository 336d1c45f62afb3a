import { z } from 'zod';
import { InputError } from '../errors';
import { isUnresolved, resolvable, type Resolvable } from './resolvable';

/**
 * The canonical IAM policy document every source produces and every check reads.
 * Statement, Action, NotAction, Resource, NotResource and Principal values are always arrays;
 * Condition values are always arrays of strings. A value a template could not resolve is kept
 * as `Unresolved` in place, so the policy analyser can decide what it can and say UNKNOWN for the rest.
 */
const rstring = resolvable(z.string());
const rstrings = z.array(rstring);

/** `*`, or principals by type: `{ AWS: [...], Service: [...], Federated: [...], CanonicalUser: [...] }`. */
export const principalSchema = z.union([z.literal('*'), z.record(z.string(), rstrings)]);
export type Principal = z.infer<typeof principalSchema>;

/** `{ StringEquals: { 'aws:SourceAccount': ['111122223333'] } }` */
export const conditionSchema = z.record(z.string(), z.record(z.string(), rstrings));
export type ConditionBlock = z.infer<typeof conditionSchema>;

export const policyStatementSchema = z.strictObject({
  Sid: z.string().optional(),
  Effect: resolvable(z.enum(['Allow', 'Deny'])),
  Principal: principalSchema.optional(),
  NotPrincipal: principalSchema.optional(),
  Action: rstrings.optional(),
  NotAction: rstrings.optional(),
  Resource: rstrings.optional(),
  NotResource: rstrings.optional(),
  Condition: conditionSchema.optional(),
});
export type PolicyStatement = z.infer<typeof policyStatementSchema>;

export const policyDocumentSchema = z.strictObject({
  Version: z.string().optional(),
  Id: z.string().optional(),
  Statement: z.array(policyStatementSchema),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

/** An inline policy embedded in a user, group or role. */
export const inlinePolicySchema = z.strictObject({
  name: resolvable(z.string()),
  document: resolvable(policyDocumentSchema),
});
export type InlinePolicy = z.infer<typeof inlinePolicySchema>;

export class PolicyDocumentError extends InputError {
  constructor(message: string) {
    super('POLICY_DOCUMENT_INVALID', message);
  }
}

/**
 * Parses a policy document as AWS or a template hands it over: a URL-encoded JSON string (IAM's
 * GetAccountAuthorizationDetails, GetRole, Get*Policy, GetPolicyVersion), a plain JSON string
 * (KMS, S3) or an object. Pure and total over valid input: normalizing an already canonical
 * document returns an equal one. Throws PolicyDocumentError for anything that is not a policy.
 */
export function parsePolicyDocument(input: unknown): PolicyDocument {
  const raw = typeof input === 'string' ? parseJsonText(input) : input;
  if (!isPlainObject(raw)) throw new PolicyDocumentError('A policy document must be a JSON object.');
  const statements = raw.Statement;
  if (statements === undefined) throw new PolicyDocumentError('A policy document needs a Statement.');
  const doc: PolicyDocument = {
    ...(typeof raw.Version === 'string' ? { Version: raw.Version } : {}),
    ...(typeof raw.Id === 'string' ? { Id: raw.Id } : {}),
    Statement: toArray(statements).map((s, i) => normalizeStatement(s, i)),
  };
  return doc;
}

function parseJsonText(text: string): unknown {
  const trimmed = text.trim();
  // IAM URL-encodes documents (RFC 3986); a JSON document always starts with '{' once decoded.
  const decoded = trimmed.startsWith('%7B') || trimmed.startsWith('%7b') ? safeDecode(trimmed) : trimmed;
  try {
    return JSON.parse(decoded);
  } catch (error) {
    throw new PolicyDocumentError(`A policy document is not valid JSON: ${(error as Error).message}`);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new PolicyDocumentError('A policy document is not valid URL-encoded text.');
  }
}

function normalizeStatement(input: unknown, index: number): PolicyStatement {
  if (!isPlainObject(input)) throw new PolicyDocumentError(`Statement ${index} must be an object.`);
  const effect = input.Effect;
  if (effect !== 'Allow' && effect !== 'Deny' && !isUnresolved(effect)) {
    throw new PolicyDocumentError(`Statement ${index} has Effect ${JSON.stringify(effect)}; expected Allow or Deny.`);
  }
  const statement: Record<string, unknown> = { Effect: effect };
  if (typeof input.Sid === 'string') statement.Sid = input.Sid;
  for (const field of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
    if (input[field] !== undefined) statement[field] = stringList(input[field], `Statement ${index} ${field}`);
  }
  for (const field of ['Principal', 'NotPrincipal'] as const) {
    if (input[field] !== undefined) statement[field] = normalizePrincipal(input[field], `Statement ${index} ${field}`);
  }
  if (input.Condition !== undefined) statement.Condition = normalizeCondition(input.Condition, index);
  return statement as PolicyStatement;
}

function normalizePrincipal(input: unknown, where: string): Principal {
  if (input === '*') return '*';
  if (!isPlainObject(input)) throw new PolicyDocumentError(`${where} must be "*" or an object of principal lists.`);
  const principal: Record<string, Resolvable<string>[]> = {};
  for (const [type, value] of Object.entries(input)) principal[type] = stringList(value, `${where} ${type}`);
  return principal;
}

function normalizeCondition(input: unknown, index: number): ConditionBlock {
  if (!isPlainObject(input)) throw new PolicyDocumentError(`Statement ${index} Condition must be an object.`);
  const block: ConditionBlock = {};
  for (const [operator, keys] of Object.entries(input)) {
    if (!isPlainObject(keys)) throw new PolicyDocumentError(`Statement ${index} Condition ${operator} must be an object.`);
    const entries: Record<string, Resolvable<string>[]> = {};
    // Condition values may be booleans or numbers in JSON (`"aws:MultiFactorAuthPresent": true`); IAM compares them as strings.
    for (const [key, value] of Object.entries(keys)) entries[key] = stringList(value, `Statement ${index} Condition ${operator} ${key}`, true);
    block[operator] = entries;
  }
  return block;
}

function stringList(value: unknown, where: string, coerceScalars = false): Resolvable<string>[] {
  return toArray(value).map((item) => {
    if (typeof item === 'string' || isUnresolved(item)) return item;
    if (coerceScalars && (typeof item === 'boolean' || typeof item === 'number')) return String(item);
    throw new PolicyDocumentError(`${where} must hold strings; found ${JSON.stringify(item)}.`);
  });
}

function toArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
