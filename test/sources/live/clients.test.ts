import { shared } from '../../../lib/sources/live/clients';

describe('shared credentials', () => {
  test('one lookup serves every client until shortly before expiry, then it is renewed once', async () => {
    let clock = Date.parse('2026-11-26T10:00:00Z');
    let calls = 0;
    const provider = jest.fn(async () => {
      calls += 1;
      return { accessKeyId: `ASIA${calls}`, secretAccessKey: 's', expiration: new Date(clock + 60 * 60 * 1000) };
    });
    const credentials = shared(provider, () => clock);
    const first = await Promise.all(Array.from({ length: 20 }, () => credentials()));
    expect(new Set(first.map((c) => c.accessKeyId))).toEqual(new Set(['ASIA1']));
    clock += 50 * 60 * 1000; // 10 minutes left: still fine
    expect((await credentials()).accessKeyId).toBe('ASIA1');
    clock += 6 * 60 * 1000; // 4 minutes left: inside the refresh margin
    const renewed = await Promise.all([credentials(), credentials(), credentials()]);
    expect(new Set(renewed.map((c) => c.accessKeyId))).toEqual(new Set(['ASIA2']));
    expect(provider).toHaveBeenCalledTimes(2);
  });

  test('a failed lookup is not cached: the next call tries again', async () => {
    let fail = true;
    const credentials = shared(async () => {
      if (fail) throw new Error('no credentials');
      return { accessKeyId: 'AKIA', secretAccessKey: 's' };
    });
    await expect(credentials()).rejects.toThrow('no credentials');
    fail = false;
    await expect(credentials()).resolves.toMatchObject({ accessKeyId: 'AKIA' });
  });
});
