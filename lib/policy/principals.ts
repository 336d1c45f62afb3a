import { isUnresolved, type PolicyStatement } from '../model';

/**
 * Who a resource or trust policy statement names. `any` is `"*"` or `{"AWS": "*"}` (and the
 * complement a `NotPrincipal` leaves open); AWS principals carry the account they belong to.
 */
export type PrincipalRef =
  | { readonly type: 'any'; readonly value: string; readonly viaNotPrincipal?: boolean }
  | { readonly type: 'aws'; readonly value: string; readonly accountId: string; readonly entity: AwsEntity }
  /** A unique id (`AROA…`) IAM shows once the named principal was deleted: it matches no one. */
  | { readonly type: 'deleted'; readonly value: string }
  | { readonly type: 'service'; readonly value: string }
  | { readonly type: 'federated'; readonly value: string }
  | { readonly type: 'canonical'; readonly value: string }
  | { readonly type: 'unresolved'; readonly value: string };

export type AwsEntity = 'root' | 'role' | 'user' | 'assumed-role' | 'federated-user' | 'other';

const ACCOUNT_ID = /^\d{12}$/;
const IAM_ARN = /^arn:[a-z-]+:(iam|sts)::(\d{12}):(.*)$/;
const UNIQUE_ID = /^A[A-Z0-9]{15,}$/;

/** Classifies one value of a `Principal.AWS` list. */
export function classifyAwsPrincipal(value: string): PrincipalRef {
  if (value === '*') return { type: 'any', value };
  if (ACCOUNT_ID.test(value)) return { type: 'aws', value, accountId: value, entity: 'root' };
  const arn = IAM_ARN.exec(value);
  if (arn) return { type: 'aws', value, accountId: arn[2]!, entity: entityOf(arn[1]!, arn[3]!) };
  if (UNIQUE_ID.test(value)) return { type: 'deleted', value };
  return { type: 'unresolved', value };
}

function entityOf(service: string, rest: string): AwsEntity {
  if (rest === 'root') return 'root';
  if (service === 'sts') return rest.startsWith('assumed-role/') ? 'assumed-role' : rest.startsWith('federated-user/') ? 'federated-user' : 'other';
  if (rest.startsWith('role/')) return 'role';
  if (rest.startsWith('user/')) return 'user';
  return 'other';
}

/**
 * Every principal a statement applies to. A `NotPrincipal` statement applies to everyone except the
 * listed principals, so it is reported as `any`.
 */
export function principalsOf(statement: PolicyStatement): PrincipalRef[] {
  if (statement.NotPrincipal !== undefined) return [{ type: 'any', value: '*', viaNotPrincipal: true }];
  const principal = statement.Principal;
  if (principal === undefined) return [];
  if (principal === '*') return [{ type: 'any', value: '*' }];
  if (isUnresolved(principal)) return [{ type: 'unresolved', value: principal.unresolved }];
  const refs: PrincipalRef[] = [];
  for (const [type, values] of Object.entries(principal)) {
    for (const value of values) {
      if (isUnresolved(value)) refs.push({ type: 'unresolved', value: value.unresolved });
      else if (type === 'AWS') refs.push(classifyAwsPrincipal(value));
      else if (type === 'Service') refs.push({ type: 'service', value: value.toLowerCase() });
      else if (type === 'Federated') refs.push({ type: 'federated', value });
      else if (type === 'CanonicalUser') refs.push({ type: 'canonical', value });
      else refs.push({ type: 'unresolved', value: `${type}:${value}` });
    }
  }
  return refs;
}

/** The account a principal belongs to, when it names one. */
export function accountOf(ref: PrincipalRef): string | undefined {
  return ref.type === 'aws' ? ref.accountId : undefined;
}
