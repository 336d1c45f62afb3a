import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../lib/checks';
import { parseConfig } from '../../lib/config';
import { parseSuppressions } from '../../lib/engine/suppressions';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The first ```yaml block after a heading. */
function yamlAfter(heading: string): string {
  const at = README.indexOf(heading);
  expect(at).toBeGreaterThanOrEqual(0);
  const match = /```yaml\n([\s\S]*?)```/.exec(README.slice(at));
  expect(match).not.toBeNull();
  return match![1]!;
}

describe('README examples are real', () => {
  test('the check options example is a valid configuration for the current catalog', () => {
    const config = parseConfig(yamlAfter('### Check options'), 'README', ALL_CHECKS);
    expect(Object.keys(config.checkOptions).length).toBeGreaterThan(0);
  });

  test('the suppressions example is a valid suppressions file', () => {
    expect(parseSuppressions(yamlAfter('### Suppressions'), 'README').length).toBeGreaterThan(0);
  });

  test('every check id the README names exists', () => {
    const ids = new Set(ALL_CHECKS.map((c) => c.id));
    const named = [...README.matchAll(/`((?:iam|ec2|vpc|kms|cloudtrail|guardduty|eks)-[a-z0-9-]+)`/g)].map((m) => m[1]!);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
