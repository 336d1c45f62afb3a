import fc from 'fast-check';
import { ALL_CHECKS } from '../../lib/checks';
import { InventoryView } from '../../lib/engine/inventory-view';
import type { Finding } from '../../lib/engine/types';
import { InputError } from '../../lib/errors';
import { GLOBAL_KINDS, type Inventory, type Resource } from '../../lib/model';
import { exampleAccountWorld, type Fault, type SimWorld } from '../../lib/testing/simulated-aws';
import { audit, briefly, collectWith, findingKey, REGIONS } from './support';

const CHECKS = new Map(ALL_CHECKS.map((c) => [c.id, c]));
const SERVICES = ['iam', 'ec2', 'kms', 'cloudtrail', 's3', 'guardduty', 'eks', 'accessanalyzer'];
const RUNS = 200;

/** Services whose protocol is XML (query, EC2, REST-XML): the SDK reads a 200 answer with an HTML body as an empty one. */
const XML_SERVICES = new Set(['ec2', 'iam', 's3', 'sts']);
const answersJson = (operation: string) => !XML_SERVICES.has(operation.split(':')[0]!);

/** A permanent fault plan: faults on the simulated AWS, and regions the account turned off. */
interface FaultPlan {
  readonly faults: Fault[];
  readonly disabledRegions: string[];
}

function planArbitrary(operations: readonly string[]): fc.Arbitrary<FaultPlan> {
  const region = fc.constantFrom(...REGIONS);
  const fault: fc.Arbitrary<Fault> = fc.oneof(
    fc.constantFrom(...SERVICES).map((service) => ({ operation: `${service}:*`, type: 'access-denied' as const })),
    region.map((r) => ({ operation: '*', region: r, type: 'access-denied' as const })),
    fc.record({ operation: fc.constantFrom(...operations), type: fc.constantFrom('access-denied' as const, 'server-error' as const, 'bad-gateway' as const) }),
    fc.record({ operation: fc.constantFrom(...operations), region, type: fc.constant('access-denied' as const) }),
    // Malformed 200 bodies only where the SDK notices them (JSON protocols); see the known gap below.
    fc.record({ operation: fc.constantFrom(...operations.filter(answersJson)), region: fc.option(region, { nil: undefined }), type: fc.constant('malformed' as const) }).map(({ region: r, ...f }) => (r ? { ...f, region: r } : f)),
  );
  return fc.record({ faults: fc.array(fault, { minLength: 1, maxLength: 4 }), disabledRegions: fc.subarray([...REGIONS], { maxLength: 1 }) });
}

function withDisabled(world: SimWorld, regions: readonly string[]): SimWorld {
  return { ...world, regions: world.regions.map((r) => (regions.includes(r.name) ? { ...r, optIn: 'not-opted-in' as const } : r)) };
}

/**
 * The regions whose data a finding rests on: its own, all of them for an account-wide judgement of
 * a regional kind, `global` for IAM and S3.
 */
function regionsBehind(finding: Finding, inventory: Inventory): string[] {
  const check = CHECKS.get(finding.checkId)!;
  if (GLOBAL_KINDS.has(check.kind)) return ['global'];
  if (check.scope === 'account') return [...(inventory.source.regions ?? [])];
  return [finding.resource.region];
}

const withoutOrigin = (resource: Resource | undefined) => (resource ? { ...resource, origin: undefined } : undefined);

const byId = (inventory: Inventory) => new Map(Object.values(inventory.resources).flatMap((list) => (list ?? []) as Resource[]).map((r) => [r.id, r]));

/**
 * Why a PASS under faults would be unearned, or undefined when it is earned: the same PASS in the
 * clean run, every coverage it rests on `ok`, and the resource judged collected whole and unchanged.
 */
function unearned(finding: Finding, faulty: Inventory, cleanPasses: ReadonlySet<string>, cleanResources: ReadonlyMap<string, Resource>): string | undefined {
  if (!cleanPasses.has(findingKey(finding))) return 'not a PASS in the clean run';
  const check = CHECKS.get(finding.checkId)!;
  const view = new InventoryView(faulty);
  for (const region of regionsBehind(finding, faulty)) {
    const state = view.coverage(check.kind, region, check.parts);
    if (state.state !== 'ok') return `coverage of ${check.kind} in ${region} is ${state.state}`;
  }
  if (finding.resource.kind === 'account') return undefined;
  const resource = byId(faulty).get(finding.resource.id);
  if (!resource) return 'the resource judged was not collected';
  if (resource.incomplete) return 'the resource judged is incomplete';
  // Where a resource is recorded may move (an organization trail seen from the first audited region that answered).
  const same = JSON.stringify(withoutOrigin(resource)) === JSON.stringify(withoutOrigin(cleanResources.get(resource.id)));
  // What it says may differ only where the collection announced a failure in that region: a part of
  // its kind the check does not read (its coverage above was ok), or a kind it is completed from
  // (launch templates from instances), which the engine makes UNKNOWN for any check that reads it.
  const region = resource.origin.kind === 'aws' ? resource.origin.region : '*';
  if (!same && !faulty.coverage.some((c) => c.status === 'error' && (c.region === region || c.region === 'global'))) {
    return 'the resource judged differs from the clean one, and no failure was announced';
  }
  return undefined;
}

describe('permanent faults (denials per service, region and operation; disabled regions; malformed bodies)', () => {
  let cleanPasses: Set<string>;
  let cleanResources: Map<string, Resource>;
  let operations: string[];

  beforeAll(async () => {
    const clean = await collectWith(exampleAccountWorld(), [], { pageSize: 20 });
    cleanPasses = new Set(audit(clean.inventory).findings.filter((f) => f.status === 'PASS').map(findingKey));
    cleanResources = byId(clean.inventory);
    operations = Object.keys(clean.sim.calls).filter((op) => op !== 'sts:GetCallerIdentity').sort();
  });

  test(`no check reports PASS on data it did not get (${RUNS} random fault plans)`, async () => {
    const seed = Number(process.env.HARDEKS_FAULT_SEED ?? Date.now() % 2 ** 31);
    const property = fc.asyncProperty(planArbitrary(operations), async (plan) => {
      let inventory: Inventory;
      try {
        ({ inventory } = await collectWith(withDisabled(exampleAccountWorld(), plan.disabledRegions), plan.faults, { pageSize: 20, attempts: 2 }));
      } catch (error) {
        // A collection that cannot even start (no region left to audit) is refused with an input error, and judges nothing.
        if (error instanceof InputError) return;
        throw error;
      }
      const bad = audit(inventory)
        .findings.filter((f) => f.status === 'PASS')
        .flatMap((f) => {
          const why = unearned(f, inventory, cleanPasses, cleanResources);
          return why ? [{ ...briefly(f), why }] : [];
        });
      expect(bad).toEqual([]);
    });
    const result = await fc.check(property, { numRuns: RUNS, seed });
    if (result.failed) {
      const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      throw new Error(`a fault plan broke the invariant (seed ${seed}; rerun with HARDEKS_FAULT_SEED=${seed}):\n${fc.defaultReportMessage(result)}\n${cause}`);
    }
  }, 120_000);

  test('every fault kind of the plans leaves a trace in coverage or on a resource, never silence', async () => {
    const { inventory } = await collectWith(exampleAccountWorld(), [{ operation: 'kms:GetKeyPolicy', type: 'malformed' }, { operation: 'eks:*', region: 'eu-west-1', type: 'access-denied' }], { pageSize: 20, attempts: 2 });
    const keys = inventory.resources['kms.key'] ?? [];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.incomplete?.operation === 'GetKeyPolicy')).toBe(true);
    expect(inventory.coverage).toContainEqual(expect.objectContaining({ kind: 'eks.cluster', region: 'eu-west-1', status: 'error', issue: expect.objectContaining({ code: 'ACCESS_DENIED' }) }));
  });

  // Known gap, reported to the lead: a proxy or gateway that answers 200 with an HTML page makes the
  // SDK's XML deserializers return an empty output, so EC2, IAM and S3 listings come back empty with
  // coverage `ok` (no security groups, hence nothing open to the world: a PASS on data never received).
  // The fix belongs in the collection (reject a 200 whose content-type is not the protocol's); when it
  // lands this test starts failing: turn it into a plain `test`.
  test('a 200 answer with an HTML body from an XML-protocol API is recorded as a failure, not as an empty listing', async () => {
    const { inventory } = await collectWith(exampleAccountWorld(), [{ operation: 'ec2:DescribeSecurityGroups', type: 'malformed' }], { pageSize: 20, attempts: 2 });
    expect(inventory.coverage).toContainEqual(expect.objectContaining({ kind: 'ec2.security-group', region: 'eu-west-1', status: 'error' }));
  });
});
