/**
 * The store's PostgreSQL pool outlives connections the server ends: a session terminated while a
 * transaction holds it (the case that used to crash a worker with an unhandled 'error' event) fails only
 * that transaction, is reported once, and the next query works on a new connection.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { dbErrorClass } from '../../src/db/db-errors.ts';
import { postgresServerAvailable, withScratchDatabase } from '../helpers/databases.ts';

describe.skipIf(!(await postgresServerAvailable('PostgreSQL reconnection')))(
  'the store on PostgreSQL when the server ends its sessions',
  () => {
    it('survives a session terminated in the middle of a transaction, reports it once and reconnects', async () => {
      await withScratchDatabase('sigmine_reconnect', async (url, admin) => {
        const lost: Error[] = [];
        let restored = 0;
        const d = await openDatabase(url, {
          onConnectionLost: (e) => lost.push(e),
          onConnectionRestored: () => restored++,
        });
        try {
          const name = url.slice(url.lastIndexOf('/') + 1);
          const failed = await d.db
            .transaction()
            .execute(async (trx) => {
              await sql`select 1`.execute(trx);
              // Every session of the database ends (as in a restart) while this one sits between two queries.
              await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
                name,
              ]);
              await new Promise((r) => setTimeout(r, 300));
              await sql`select 2`.execute(trx);
            })
            .then(
              () => null,
              (e: unknown) => e,
            );
          expect(dbErrorClass(failed)).toBe('connection');
          expect(lost).toHaveLength(1);
          const { rows } = await sql<{ n: number }>`select 41 + 1 as n`.execute(d.db);
          expect(rows[0]!.n).toBe(42);
          expect(restored).toBe(1);
        } finally {
          await d.close();
        }
      });
    }, 30_000);
  },
);
