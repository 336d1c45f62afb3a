import { Indeterminate, fail, must } from '../../../../lib/engine/check';
import { attempt, mentions, referenceIds, settle, undecided } from '../../../../lib/checks/ec2/lib/decide';
import { unresolved } from '../../../fixtures/model';

describe('decision helpers', () => {
  test('attempt keeps an Indeterminate as a reason and lets other errors through', () => {
    expect(attempt(() => 42)).toEqual({ ok: true, value: 42 });
    expect(attempt(() => must(unresolved('<X>')))).toEqual({ ok: false, reason: expect.stringContaining('<X>') });
    expect(() => attempt(() => { throw new Error('bug'); })).toThrow('bug');
  });

  test('settle turns an Indeterminate into UNKNOWN for that key only', () => {
    expect(settle('Port::22', () => fail('open', { key: 'Port::22' }))).toMatchObject({ status: 'FAIL', key: 'Port::22' });
    expect(settle('Port::22', () => { throw new Indeterminate('no data'); })).toMatchObject({ status: 'UNKNOWN', key: 'Port::22' });
  });

  test('undecided is an UNKNOWN verdict for the key', () => {
    expect(undecided('Whether x', ['a', 'a', 'b'], 'K::v')).toMatchObject({ status: 'UNKNOWN', key: 'K::v' });
    expect(undecided('Whether x', ['a'])).not.toHaveProperty('key');
  });

  test('mentions: yes on a resolved match, maybe when only an unresolved entry could match, no otherwise', () => {
    const ids = new Set(['sg-1']);
    expect(mentions(['sg-2', unresolved('<Sg>'), 'sg-1'], ids)).toBe('yes');
    expect(mentions(['sg-2', unresolved('<Sg>')], ids)).toBe('maybe');
    expect(mentions(['sg-2'], ids)).toBe('no');
    expect(mentions([], ids)).toBe('no');
  });

  test('referenceIds holds the inventory id, and the AWS id once it is known', () => {
    expect([...referenceIds('arn:sg', 'sg-1')]).toEqual(['arn:sg', 'sg-1']);
    expect([...referenceIds('cfn:App/Sg', unresolved('<Sg.GroupId>'))]).toEqual(['cfn:App/Sg']);
  });
});
