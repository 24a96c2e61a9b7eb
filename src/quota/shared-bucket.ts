/**
 * Why this file exists: Gmail's quota is 250 units/s per user and 1,200,000 units/min per project, whatever
 * the number of processes calling. The in-process limiter (connectors/google/limiter.ts) paces one process;
 * with several `sigmine worker` processes on PostgreSQL, each call also reserves its units from a token
 * bucket per key shared through the database, so N workers together stay within the provider's limits.
 *
 * One row per bucket (`quota_buckets`, owned here). A reservation is ONE atomic UPDATE of the rows of its keys:
 * refill by the time elapsed on the database clock (never the callers' clocks, which may differ), take the
 * units even if that leaves the bucket negative, and return the balance. A negative balance is debt: the caller
 * waits it off (debt / rate) before calling the provider. So callers never retry, reservations are served in
 * the order the database serialises them, and the calls that pass in any window of T seconds cost at most
 * burst + rate x T units. SQLite: one process, the in-process limiter is exact, no shared bucket.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { QuotaGate, QuotaKey } from '../../connectors/types.ts';
import { isPostgres } from '../store/sql-util.ts';
import { sleep } from '../../connectors/google/limiter.ts';
import type { DB } from '../db/schema.ts';

const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)`;

/** A bucket's row key: `sha256:<hex>` of its name (`google:user:ADDRESS`...). */
export function rowKey(name: string): string {
  return `sha256:${createHash('sha256').update(name).digest('hex')}`;
}

/** The shared gate for this database, or null where one process is all there is (SQLite). */
export function sharedQuota(db: Kysely<DB>): QuotaGate | null {
  if (!isPostgres(db)) return null;
  const created = new Set<string>();
  return {
    async reserve(named: readonly QuotaKey[], units: number, signal?: AbortSignal): Promise<number> {
      // Rows are keyed by a digest of the name: the table never holds a member's address.
      const keys = named.map((k) => ({ ...k, key: rowKey(k.key) }));
      const fresh = keys.filter((k) => !created.has(k.key));
      for (const k of fresh) {
        await db
          .insertInto('quota_buckets')
          .values({ key: k.key, tokens: k.burst, updated_ms: sql<number>`${NOW_MS}::bigint` })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        created.add(k.key);
      }
      let waitMs = 0;
      // One statement for every key of the call: a rate and a burst per row.
      const rate = (col: 'rate' | 'burst') =>
        sql<number>`case ${sql.join(
          keys.map(
            (k) =>
              sql`when key = ${k.key} then ${col === 'rate' ? k.unitsPerSecond : k.burst}::double precision`,
          ),
          sql` `,
        )} end`;
      const rows = await db
        .updateTable('quota_buckets')
        .set({
          tokens: sql<number>`least(${rate('burst')}, tokens + (${NOW_MS} - updated_ms) / 1000.0 * ${rate('rate')}) - ${units}`,
          updated_ms: sql<number>`${NOW_MS}::bigint`,
        })
        .where(
          'key',
          'in',
          keys.map((k) => k.key),
        )
        .returning(['key', 'tokens'])
        .execute();
      for (const r of rows) {
        const k = keys.find((x) => x.key === r.key)!;
        const debt = -Number(r.tokens);
        if (debt > 0) waitMs = Math.max(waitMs, Math.ceil((debt / k.unitsPerSecond) * 1000));
      }
      if (waitMs > 0) await sleep(waitMs, signal);
      return waitMs;
    },
  };
}
