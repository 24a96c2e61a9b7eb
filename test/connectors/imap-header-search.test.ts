/**
 * Why this suite exists: the per-page header search (connectors/imap/header-search.ts) must stop costing time on a
 * server that answers it slowly, without losing the answer it already gave, and must never be used once refused.
 * Dovecot answers in milliseconds, so the slow server is a fake client with a fake clock.
 */
import { describe, expect, it } from 'vitest';
import { SLOW_SEARCH_MS, freshHeaderSearch, signalUids } from '../../connectors/imap/header-search.ts';
import type { ImapClient } from '../../connectors/imap/index.ts';

const run = <T>(fn: () => Promise<T>) => fn();

/** A server whose every search answers `answer` and takes `ms` on the fake clock. */
function server(answer: number[] | false, ms: number) {
  let clock = 0;
  let searches = 0;
  const client = {
    search: async () => {
      searches++;
      clock += ms;
      return answer;
    },
  } as unknown as ImapClient;
  return { client, now: () => clock, searches: () => searches };
}

describe('IMAP header search pacing', () => {
  it('keeps the answer of a slow search but searches no later page', async () => {
    const s = server([2, 3], SLOW_SEARCH_MS);
    const state = freshHeaderSearch();
    expect(await signalUids(run, s.client, [1, 2, 3], state, s.now)).toEqual(new Set([2, 3]));
    expect(await signalUids(run, s.client, [4, 5], state, s.now)).toBeNull();
    expect(s.searches()).toBe(1);
  });

  it('searches every page of a server that answers in time', async () => {
    const s = server([2], SLOW_SEARCH_MS - 1);
    const state = freshHeaderSearch();
    await signalUids(run, s.client, [1, 2], state, s.now);
    expect(await signalUids(run, s.client, [3, 4], state, s.now)).toEqual(new Set());
    expect(s.searches()).toBe(2);
  });

  it('stops searching for the run once the server refuses a search', async () => {
    const s = server(false, 1);
    const state = freshHeaderSearch();
    expect(await signalUids(run, s.client, [1, 2], state, s.now)).toBeNull();
    expect(await signalUids(run, s.client, [3, 4], state, s.now)).toBeNull();
    expect(s.searches()).toBe(1);
  });
});
