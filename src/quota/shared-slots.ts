/**
 * Why this file exists: providers cap concurrent work per mailbox, not per process. Microsoft Graph allows 4
 * requests in flight per app per mailbox (429 "MailboxConcurrency" past that); IMAP servers cap sessions per
 * user (Gmail 15 per account, shared with the owner's own mail apps; Dovecot 10 per user and address by
 * default). The in-process caps (connectors/slots.ts) hold within one process; with several `sigmine worker`
 * processes on PostgreSQL, a request or session also takes one of its key's slots here, so N workers together
 * stay within the provider's limit.
 *
 * The slots of a key are rows (`concurrency_slots`, owned here), created once. Taking one is ONE atomic UPDATE
 * of the first free row (free: no holder, or its expiry passed on the database clock), with `FOR UPDATE SKIP
 * LOCKED` so that two takers never get the same row; giving it back is one UPDATE guarded by the holder id.
 * A held slot is renewed every third of its time to live, so a process that dies (SIGKILL, lost machine)
 * frees its slots within SLOT_TTL_MS while a live one keeps them for as long as it works. A taker that finds
 * none free waits a little (20 ms doubling to 250 ms, jittered) and tries again.
 * Keys name mailboxes (`graph:mailbox:ann@acme.example`): a row keeps only a SHA-256 of its key, so the table
 * holds no address that could outlive the connection's opt-out or erasure in readable form.
 * SQLite: one process, the in-process caps are exact, no shared slots.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SlotGate } from '../../connectors/types.ts';
import { isPostgres } from '../store/sql-util.ts';
import { sleep } from '../../connectors/google/limiter.ts';
import type { DB } from '../db/schema.ts';

/** A slot unrenewed this long is free again: a dead process's slots come back within 30 s. */
export const SLOT_TTL_MS = 30_000;
/** Longest pause between two tries of a taker that found every slot held. */
const MAX_POLL_MS = 250;

const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

export interface SharedSlotsOptions {
  /** Time to live of a slot between renewals (tests shorten it to see a dead holder's slot come back). */
  ttlMs?: number;
}

/** The shared slots of this database, or null where one process is all there is (SQLite). */
export function sharedSlots(db: Kysely<DB>, opts: SharedSlotsOptions = {}): SlotGate | null {
  if (!isPostgres(db)) return null;
  const ttl = opts.ttlMs ?? SLOT_TTL_MS;
  const created = new Map<string, number>();

  async function ensureRows(key: string, limit: number): Promise<void> {
    if ((created.get(key) ?? 0) >= limit) return;
    await db
      .insertInto('concurrency_slots')
      .values(Array.from({ length: limit }, (_, slot) => ({ key, slot, holder: null, expires_ms: 0 })))
      .onConflict((oc) => oc.columns(['key', 'slot']).doNothing())
      .execute();
    created.set(key, limit);
  }

  async function take(key: string, limit: number, holder: string): Promise<number | null> {
    const r = await sql<{ slot: number }>`
      update concurrency_slots set holder = ${holder}, expires_ms = ${NOW_MS} + ${ttl}
      where key = ${key} and slot = (
        select slot from concurrency_slots
        where key = ${key} and slot < ${limit} and (holder is null or expires_ms < ${NOW_MS})
        order by slot limit 1
        for update skip locked)
      returning slot`.execute(db);
    return r.rows[0] ? Number(r.rows[0].slot) : null;
  }

  return {
    async acquire(name: string, limit: number, signal?: AbortSignal): Promise<() => Promise<void>> {
      const key = `sha256:${createHash('sha256').update(name).digest('hex')}`;
      await ensureRows(key, limit);
      const holder = randomUUID();
      let slot: number | null = null;
      for (let attempt = 0; slot === null; attempt++) {
        slot = await take(key, limit, holder);
        if (slot === null) {
          const pause = Math.min(MAX_POLL_MS, 20 * 2 ** attempt);
          await sleep(Math.ceil(pause / 2 + Math.random() * (pause / 2)), signal);
        }
      }
      const held = slot;
      const mine = () =>
        db
          .updateTable('concurrency_slots')
          .where('key', '=', key)
          .where('slot', '=', held)
          .where('holder', '=', holder);
      const renew = setInterval(
        () => {
          // The database is away: the slot may expire, the work it guards fails on its own.
          mine()
            .set({ expires_ms: sql<number>`${NOW_MS} + ${ttl}` })
            .execute()
            .catch(() => {});
        },
        Math.max(100, Math.floor(ttl / 3)),
      );
      renew.unref();
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        clearInterval(renew);
        await mine().set({ holder: null, expires_ms: 0 }).execute();
      };
    },
  };
}
