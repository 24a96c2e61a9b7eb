/**
 * The page transaction's retry policy (src/harvest/page-retry.ts `retryPage`): a deadlock and a lost
 * connection are both retried and logged, anything else fails at once, and the waits back off with jitter.
 */
import { describe, expect, it } from 'vitest';
import { retryPage } from '../../src/harvest/page-retry.ts';
import { backoffMs } from '../../src/harvest/backoff.ts';

const failing = (errors: unknown[]) => {
  let calls = 0;
  return {
    fn: async () => {
      const e = errors[calls++];
      if (e) throw e;
      return 'stored';
    },
    calls: () => calls,
  };
};

describe('retrying a page transaction', () => {
  it('retries a deadlock and a connection the server ended, and says so each time', async () => {
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const p = failing([deadlock, terminated, new Error('Connection terminated unexpectedly')]);
    const retries: Array<{ cause: string; code: string | null }> = [];
    expect(await retryPage(p.fn, (r) => retries.push({ cause: r.cause, code: r.code }))).toBe('stored');
    expect(p.calls()).toBe(4);
    expect(retries).toEqual([
      { cause: 'conflict', code: '40P01' },
      { cause: 'connection', code: '57P01' },
      { cause: 'connection', code: null },
    ]);
  }, 20_000);

  it('does not retry an error that running the page again cannot fix', async () => {
    const p = failing([Object.assign(new Error('null value in column'), { code: '23502' })]);
    await expect(retryPage(p.fn)).rejects.toThrow('null value');
    expect(p.calls()).toBe(1);
  });

  it('backs off exponentially up to a cap, never below half the delay', () => {
    expect([1, 2, 3, 4, 10].map((a) => backoffMs(a, 250, 8000, () => 0))).toEqual([
      125, 250, 500, 1000, 4000,
    ]);
    expect([1, 2, 3, 4, 10].map((a) => backoffMs(a, 250, 8000, () => 1))).toEqual([
      250, 500, 1000, 2000, 8000,
    ]);
  });
});
