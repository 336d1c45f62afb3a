import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_CHECKS } from '../../lib/checks';
import { runChecks } from '../../lib/engine/run';
import { SEVERITIES } from '../../lib/engine/types';
import { GLOBAL_KINDS, GLOBAL_REGION, RESOURCE_KINDS, inventorySchema } from '../../lib/model';
import { REGION, inventoryOf, okCoverage } from '../fixtures/model';
import { allUnresolvedResource, hasResolvableField } from '../fixtures/unresolved';

const ROOT = join(__dirname, '..', '..');
const fileOf = (id: string) => {
  const dash = id.indexOf('-');
  return { service: id.slice(0, dash), rest: id.slice(dash + 1) };
};

describe('check registry', () => {
  test('ids are unique', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(ALL_CHECKS.map((c) => [c.id, c] as const))('%s: id ↔ file, metadata and test file', (id, check) => {
    expect(id).toMatch(/^[a-z0-9]+-[a-z0-9]+(-[a-z0-9]+)*$/);
    const { service, rest } = fileOf(id);
    expect(check.service).toBe(service);
    const file = join(ROOT, 'lib', 'checks', service, `${rest}.ts`);
    expect(existsSync(file)).toBe(true);
    // The module at that path exports this very check object.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(Object.values(require(file) as Record<string, unknown>)).toContain(check);
    expect(existsSync(join(ROOT, 'test', 'checks', service, `${rest}.test.ts`))).toBe(true);

    expect(Object.isFrozen(check)).toBe(true);
    expect(SEVERITIES).toContain(check.severity);
    expect(RESOURCE_KINDS).toContain(check.kind);
    for (const field of ['title', 'description', 'risk', 'remediation'] as const) expect(check[field].trim().length).toBeGreaterThan(10);
    expect(check.title.length).toBeLessThanOrEqual(150);
    expect(check.title).not.toMatch(/^ensure\b/i);
    expect(check.references.length).toBeGreaterThan(0);
    for (const ref of check.references) expect(ref).toMatch(/^https:\/\//);
    const { securityHub, cisAws, cisEks, wellArchitected } = check.frameworks;
    const controlIds = [...securityHub, ...Object.values(cisAws).flat(), ...Object.values(cisEks).flat(), ...wellArchitected];
    expect(controlIds.length).toBeGreaterThan(0);
    for (const id of securityHub) expect(id).toMatch(/^[A-Za-z0-9]+\.\d+$/);
    for (const id of wellArchitected) expect(id).toMatch(/^SEC\d{2}-BP\d{2}$/);
  });

  test('every check file under lib/checks/<service>/ is registered', () => {
    const registered = new Set(ALL_CHECKS.map((c) => `${c.service}/${fileOf(c.id).rest}.ts`));
    const dir = join(ROOT, 'lib', 'checks');
    const files = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(dir, d.name)).map((f) => relative(dir, join(dir, d.name, f)).split('\\').join('/')))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('/index.ts'));
    expect(files.filter((f) => !registered.has(f))).toEqual([]);
  });

  describe('on an inventory whose values are all unresolved', () => {
    test('the generated fixtures are valid inventories', () => {
      const inventory = inventoryOf(RESOURCE_KINDS.map(allUnresolvedResource));
      expect(inventorySchema.safeParse(inventory).success).toBe(true);
    });

    const templateCapable = ALL_CHECKS.filter((c) => hasResolvableField(c.kind));
    test.each(templateCapable.map((c) => [c.id, c] as const))('%s reports only UNKNOWN or NOT_APPLICABLE', (_id, check) => {
      const inventory = inventoryOf([allUnresolvedResource(check.kind)], { alsoCollected: [...RESOURCE_KINDS] });
      const { findings } = runChecks(inventory, [check]);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(['UNKNOWN', 'NOT_APPLICABLE']).toContain(f.status);
    });

    // Kinds only live APIs produce (iam.account, iam.server-certificate, …) have no field that can be
    // Unresolved; the way their data goes missing is a failed collection, so that is what is proven.
    const liveOnly = ALL_CHECKS.filter((c) => !hasResolvableField(c.kind));
    test.each(liveOnly.map((c) => [c.id, c] as const))('%s (live-only kind) reports only UNKNOWN when its data was not collected', (_id, check) => {
      const resource = allUnresolvedResource(check.kind);
      const region = GLOBAL_KINDS.has(check.kind) ? GLOBAL_REGION : REGION;
      const inventory = inventoryOf([resource], {
        coverage: [
          ...RESOURCE_KINDS.filter((k) => k !== check.kind).map((k) => okCoverage(k)),
          { kind: check.kind, region, status: 'error', issue: { code: 'ACCESS_DENIED', message: 'denied' } },
        ],
      });
      const { findings } = runChecks(inventory, [check]);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(f.status).toBe('UNKNOWN');
    });
  });
});
