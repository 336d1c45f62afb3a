import { fail, pass, unknown, type Verdict } from '../../../engine/check';
import { isUnresolved, type PolicyStatement } from '../../../model';
import { anyOf, entriesOf, evaluateAccess, NO, not, parseOperator, UNKNOWN, type PolicySource, type Tri } from '../../../policy';
import { describeRefs } from './verdicts';

export const KMS_DECRYPT_ACTIONS = ['kms:Decrypt', 'kms:ReEncryptFrom'] as const;

const KEY_SCOPING_CONDITION = /^(kms:viaservice|kms:encryptioncontext|kms:encryptioncontextkeys|kms:calleraccount|kms:requestalias|kms:resourcealiases|aws:resourcetag\/)/i;

/** A grant scoped by a key-selecting condition (ViaService, encryption context, resource tags) does not reach every key. */
export function grantReachesAllKeys(statement: PolicyStatement): Tri {
  if (statement.Condition === undefined) return 'yes';
  if (isUnresolved(statement.Condition)) return UNKNOWN;
  const scoping = entriesOf(statement.Condition).map((entry): Tri => {
    const op = parseOperator(entry.operator);
    if (!KEY_SCOPING_CONDITION.test(entry.key) || op.ifExists || /not/i.test(op.base)) return NO;
    return entry.values.some(isUnresolved) ? UNKNOWN : 'yes';
  });
  return not(anyOf(scoping));
}

/** One verdict per decryption action (key `Action::<action>`): do these policies allow it on every key? */
export function kmsDecryptVerdicts(subject: string, policies: readonly PolicySource[], partition: string): Verdict[] {
  return KMS_DECRYPT_ACTIONS.map((action) => {
    const key = `Action::${action}`;
    if (policies.length === 0) return pass(`${subject} has no such policy.`, { key });
    const answers = policies.map((source) => ({ source, answer: evaluateAccess([source], { action, resource: `arn:${partition}:kms:*:*:key/*`, grantStands: grantReachesAllKeys }) }));
    const allowing = answers.filter((a) => a.answer.allowed === 'yes');
    if (allowing.length > 0) {
      const refs = allowing.flatMap((a) => a.answer.grantedBy);
      return fail(`${subject} allows ${action} on all KMS keys (${describeRefs(refs)}).`, { key, evidence: { grantedBy: refs } });
    }
    if (answers.some((a) => a.answer.allowed === 'unknown')) return unknown(`Whether ${subject} allows ${action} on all KMS keys depends on unresolved values.`, key);
    return pass(`${subject} does not allow ${action} on all KMS keys.`, { key });
  });
}
