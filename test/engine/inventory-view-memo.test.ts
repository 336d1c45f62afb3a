import { Indeterminate } from '../../lib/engine/check';
import { InventoryView } from '../../lib/engine/inventory-view';
import { fakeSecurityGroup } from '../fixtures/ec2';
import { REGION, deniedCoverage, inventoryOf, okCoverage } from '../fixtures/model';

/**
 * The view answers each (kind, region) question once and keeps derived indexes per view: checks ask
 * the same questions once per resource. Remembering must never turn uncollected data into an answer.
 */

const reasonOf = (read: () => unknown): string | undefined => {
  try {
    read();
    return undefined;
  } catch (error) {
    if (error instanceof Indeterminate) return error.reason;
    throw error;
  }
};

describe('InventoryView remembers what it works out', () => {
  const web = fakeSecurityGroup({ groupId: 'sg-0web' });
  const db = fakeSecurityGroup({ groupId: 'sg-0db' });
  const elsewhere = fakeSecurityGroup({ groupId: 'sg-0far', region: 'us-east-1' });

  test('inRegion: one list per region, the same each time, frozen so no caller can reorder it for the others', () => {
    const view = new InventoryView(inventoryOf([web, db, elsewhere], { source: { regions: [REGION, 'us-east-1'] } }));
    const first = view.inRegion('ec2.security-group', REGION);
    expect(first.map((g) => g.id)).toEqual([web.id, db.id]);
    expect(view.inRegion('ec2.security-group', REGION)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(view.inRegion('ec2.security-group', 'us-east-1').map((g) => g.id)).toEqual([elsewhere.id]);
  });

  test('inRegion: a region not collected is Indeterminate every time it is asked, with the same reason', () => {
    const view = new InventoryView(inventoryOf([web], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')] }));
    const first = reasonOf(() => view.inRegion('ec2.security-group', REGION));
    expect(first).toContain('DescribeSecurityGroups');
    expect(reasonOf(() => view.inRegion('ec2.security-group', REGION))).toBe(first);
  });

  test('inRegion: a partly collected resource keeps the region Indeterminate', () => {
    const partial = { ...db, incomplete: { code: 'ACCESS_DENIED' as const, message: 'denied' } };
    const view = new InventoryView(inventoryOf([web, partial]));
    expect(reasonOf(() => view.inRegion('ec2.security-group', REGION))).toContain(db.id);
    expect(reasonOf(() => view.inRegion('ec2.security-group', REGION))).toContain(db.id);
  });

  test('coverage: the same answer for the same parts, a different one for other parts', () => {
    const failedPart = { ...deniedCoverage('iam.account', 'global', 'GenerateCredentialReport'), part: 'credentialReport' };
    const view = new InventoryView(inventoryOf([], { coverage: [okCoverage('iam.account', 'global'), failedPart] }));
    expect(view.coverage('iam.account', 'global', ['passwordPolicy'])).toEqual({ state: 'ok' });
    expect(view.coverage('iam.account', 'global', ['credentialReport']).state).toBe('error');
    expect(view.coverage('iam.account', 'global').state).toBe('error');
    expect(view.coverage('iam.account', 'global', ['passwordPolicy'])).toEqual({ state: 'ok' });
  });

  test('derived: computed once per view and key, and again for another view', () => {
    const inventory = inventoryOf([web, db], { alsoCollected: ['ec2.security-group'], source: { regions: [REGION, 'us-east-1'] } });
    let runs = 0;
    const countGroups = (view: InventoryView, region: string) => {
      runs += 1;
      return view.inRegion('ec2.security-group', region).length;
    };
    const view = new InventoryView(inventory);
    expect([view.derived(countGroups, REGION), view.derived(countGroups, REGION)]).toEqual([2, 2]);
    expect(runs).toBe(1);
    expect(view.derived(countGroups, 'us-east-1')).toBe(0);
    expect(runs).toBe(2);
    expect(new InventoryView(inventory).derived(countGroups, REGION)).toBe(2);
    expect(runs).toBe(3);
  });

  test('derived: an Indeterminate is remembered and thrown anew to every caller; other errors are not remembered', () => {
    const view = new InventoryView(inventoryOf([], { coverage: [deniedCoverage('ec2.security-group')] }));
    let runs = 0;
    const groups = (v: InventoryView, region: string) => {
      runs += 1;
      return v.inRegion('ec2.security-group', region);
    };
    const first = reasonOf(() => view.derived(groups, REGION));
    expect(first).toBeDefined();
    expect(reasonOf(() => view.derived(groups, REGION))).toBe(first);
    expect(runs).toBe(1);
    let broken = 0;
    const breaks = () => {
      broken += 1;
      throw new Error('bug');
    };
    expect(() => view.derived(breaks, REGION)).toThrow('bug');
    expect(() => view.derived(breaks, REGION)).toThrow('bug');
    expect(broken).toBe(2);
  });
});
