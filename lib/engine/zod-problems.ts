import type { z } from 'zod';

export interface Problem {
  /** JSONPath-style location: `$.resources["eks.cluster"][0].endpoint.publicAccess`. */
  readonly path: string;
  readonly message: string;
}

/** Flattens a zod error into one problem per location, with readable paths and messages. */
export function zodProblems(error: z.ZodError): Problem[] {
  return flatten(error.issues, []);
}

function flatten(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): Problem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    // A union whose value has the shape of one branch but fails inside it (a policy document with a bad
    // Effect, read as `resolvable(policyDocumentSchema)`): report that branch's problems where they are.
    const inner = issue.code === 'invalid_union' ? issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0)) : undefined;
    if (inner) return flatten(inner, path);
    return [{ path: jsonPath(path), message: describe(issue) }];
  });
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    '$' +
    path
      .map((segment) =>
        typeof segment === 'number'
          ? `[${segment}]`
          : /^[A-Za-z_$][\w$]*$/.test(String(segment))
            ? `.${String(segment)}`
            : `[${JSON.stringify(String(segment))}]`,
      )
      .join('')
  );
}

function describe(issue: z.core.$ZodIssue): string {
  // A Resolvable field fails as a union; say what the known-value branch expected.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const first = issue.errors[0]?.[0];
    if (first && first.path.length === 0) return `${first.message.replace(/^Invalid input: /, '')} (or an unresolved marker)`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}
