import { z } from 'zod';
import { InputError } from '../errors';
import { isUnresolved, resolvable, unresolvedSchema, type Resolvable, type Unresolved } from './resolvable';

/**
 * The canonical IAM policy document every source produces and every check reads.
 * Statement, Action, NotAction, Resource, NotResource and Principal values are always arrays;
 * Condition values are always arrays of strings. A value a template could not resolve is kept
 * as `Unresolved` in place, so the policy analyser can decide what it can and say UNKNOWN for the rest.
 */
const rstring = resolvable(z.string());
const rstrings = z.array(rstring);

/**
 * `*`, or principals by type: `{ AWS: [...], Service: [...], Federated: [...], CanonicalUser: [...] }`,
 * or Unresolved when a template computes the whole principal.
 */
export const principalSchema = z.union([z.literal('*'), z.record(z.string(), rstrings), unresolvedSchema]);
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
  /** Unresolved when a template computes the block (or one operator's entries) as a whole. */
  Condition: resolvable(conditionSchema).optional(),
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
  const unknown = Object.keys(raw).filter((k) => !DOCUMENT_FIELDS.has(k));
  if (unknown.length > 0) throw new PolicyDocumentError(`A policy document has unknown field ${unknown.map((k) => JSON.stringify(k)).join(', ')}.`);
  const doc: PolicyDocument = {
    ...optionalString(raw, 'Version', 'The policy Version'),
    ...optionalString(raw, 'Id', 'The policy Id'),
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

const DOCUMENT_FIELDS = new Set(['Version', 'Id', 'Statement']);
// IAM refuses any other statement field; so do we, so a typo such as `Actions` is never read as "no actions".
const STATEMENT_FIELDS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

function optionalString(raw: Record<string, unknown>, field: string, what: string): Record<string, string> {
  const value = raw[field];
  if (value === undefined) return {};
  if (typeof value !== 'string') throw new PolicyDocumentError(`${what} must be a string; found ${JSON.stringify(value)}.`);
  return { [field]: value };
}

function normalizeStatement(input: unknown, index: number): PolicyStatement {
  if (!isPlainObject(input)) throw new PolicyDocumentError(`Statement ${index} must be an object.`);
  const unknown = Object.keys(input).filter((k) => !STATEMENT_FIELDS.has(k));
  if (unknown.length > 0) throw new PolicyDocumentError(`Statement ${index} has unknown field ${unknown.map((k) => JSON.stringify(k)).join(', ')}.`);
  const effect = input.Effect;
  if (effect !== 'Allow' && effect !== 'Deny' && !isUnresolved(effect)) {
    throw new PolicyDocumentError(`Statement ${index} has Effect ${JSON.stringify(effect)}; expected Allow or Deny.`);
  }
  const statement: Record<string, unknown> = { ...optionalString(input, 'Sid', `Statement ${index} Sid`), Effect: effect };
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
  if (input === '*' || isUnresolved(input)) return input;
  if (!isPlainObject(input)) throw new PolicyDocumentError(`${where} must be "*" or an object of principal lists.`);
  const principal: Record<string, Resolvable<string>[]> = {};
  for (const [type, value] of Object.entries(input)) principal[type] = stringList(value, `${where} ${type}`);
  return principal;
}

function normalizeCondition(input: unknown, index: number): ConditionBlock | Unresolved {
  if (isUnresolved(input)) return input;
  if (!isPlainObject(input)) throw new PolicyDocumentError(`Statement ${index} Condition must be an object.`);
  const block: ConditionBlock = {};
  for (const [operator, keys] of Object.entries(input)) {
    // One operator's entries computed as a whole leave the whole block undecidable.
    if (isUnresolved(keys)) return keys;
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
