import { covers, hasWildcard, intersects, wildcardMatches } from './wildcard';

/**
 * IAM action names are `service:Action`; IAM compares both parts case-insensitively, so
 * `IAM:passrole` and `iam:PassRole` are the same action, and `iam:*` matches both.
 */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatches(pattern, action, true);
}

/** Every action the `specific` pattern names is also named by `general` (`iam:*` covers `iam:Get*`). */
export function actionCovers(general: string, specific: string): boolean {
  return covers(general, everyActionAsServiceAction(specific), true);
}

/** Every action is `service:name`, so the set `*` names is the set `*:*` names: `*:*` covers `*`. */
function everyActionAsServiceAction(pattern: string): string {
  return /^\*+$/.test(pattern) ? '*:*' : pattern;
}

/** Some action is named by both patterns (`iam:*` and `*User` share `iam:CreateUser`). */
export function actionsIntersect(a: string, b: string): boolean {
  return intersects(a, b, true);
}

/** `s3` for `s3:GetObject`; undefined for `*` or a malformed action. */
export function serviceOf(action: string): string | undefined {
  const colon = action.indexOf(':');
  return colon > 0 ? action.slice(0, colon).toLowerCase() : undefined;
}

/** `*`, `*:*`, `**`: a pattern that names every action of every service. */
export function isAllActions(pattern: string): boolean {
  return actionCovers(pattern, '*');
}

/**
 * `s3:*` (or `S3:**`): every action of one service, named by a wildcard. A wildcard that names only
 * part of a service (`s3:Get*`, `s3:*Object`) is not one.
 */
export function serviceWideWildcard(pattern: string): string | undefined {
  const service = serviceOf(pattern);
  if (!service || hasWildcard(service)) return undefined;
  return actionCovers(pattern, `${service}:*`) ? service : undefined;
}
