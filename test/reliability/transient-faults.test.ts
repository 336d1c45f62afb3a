import { exampleAccountWorld, LARGE_ACCOUNT_PRESETS, largeAccountWorld, type Fault, type SimWorld } from '../../lib/testing/simulated-aws';
import { audit, collectWith, REGIONS } from './support';

/** What AWS and the network throw at a long audit: throttling, 5xx, dropped sockets, timed-out requests. */
const TRANSIENT: readonly Fault[] = [
  { operation: '*', type: 'throttle', rate: 0.2 },
  { operation: '*', type: 'server-error', rate: 0.05 },
  { operation: '*', type: 'connection-reset', rate: 0.03 },
  { operation: '*', type: 'timeout', rate: 0.03 },
];

const worlds: [string, () => SimWorld][] = [
  ['the example account', () => exampleAccountWorld()],
  ['a generated account', () => ({ ...largeAccountWorld(LARGE_ACCOUNT_PRESETS.small), regions: [...REGIONS.map((name) => ({ name })), { name: 'af-south-1', optIn: 'not-opted-in' as const }] })],
];

describe.each(worlds)('transient faults on every call of %s', (_name, world) => {
  test.each([1, 2, 3])('seed %i: the audit completes, every fault is retried, and the findings equal the clean run', async (seed) => {
    const clean = await collectWith(world());
    // Ten attempts: a call fails for good only if ten in a row fail (about 1 in 10^5 at these rates).
    const faulty = await collectWith(world(), TRANSIENT, { seed, attempts: 10 });

    expect(faulty.inventory.coverage.filter((c) => c.status !== 'ok')).toEqual(clean.inventory.coverage.filter((c) => c.status !== 'ok'));
    expect(faulty.sim.totalCalls).toBeGreaterThan(clean.sim.totalCalls);
    expect(faulty.inventory.source.collection!.retries).toBeGreaterThan(0);
    expect(faulty.inventory.resources).toEqual(clean.inventory.resources);
    expect(audit(faulty.inventory).findings).toEqual(audit(clean.inventory).findings);
  });
});
