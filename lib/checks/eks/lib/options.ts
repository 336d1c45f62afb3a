import type { CheckContext } from '../../../engine/check';
import { InputError } from '../../../errors';
import { wildcardMatches } from '../../../policy';
import { withoutScheme } from './oidc';

/** A check option that must be a list of strings (patterns with `*` and `?`). A wrong value is the user's input error, reported as ERROR. */
export function patternsOption(ctx: CheckContext, name: string): string[] {
  const value = ctx.options[name];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new InputError('CHECK_OPTION_INVALID', `option ${name} must be a list of strings, got ${JSON.stringify(value)}`);
  }
  return value as string[];
}

/** Issuers (without scheme) of clusters in accounts this inventory does not cover, per option `externalIssuers`. */
export function isExternalIssuer(issuer: string, ctx: CheckContext): boolean {
  const normalized = withoutScheme(issuer);
  return patternsOption(ctx, 'externalIssuers').some((pattern) => wildcardMatches(withoutScheme(pattern), normalized));
}
