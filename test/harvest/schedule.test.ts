/** `sigmine schedule` on SQLite: harvests in-process on its cron, skips opted-out contributors, stops gracefully. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { SAMPLE_MBOX } from '../helpers/sample-mailbox.ts';
import { cleanEnv, startCli } from '../helpers/cli.ts';
import pg from 'pg';
import { postgresServerAvailable, withScratchDatabase } from '../helpers/databases.ts';

/** A schedule harvests, so it needs the database's key like any harvest. */
const KEY = 'd4'.repeat(32);
const dir = mkdtempSync(join(tmpdir(), 'sigmine-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sigmine schedule on SQLite', () => {
  it('harvests on its cron in one process, never touches an opted-out contributor, and stops on SIGTERM', async () => {
    const url = join(dir, 's.db');
    const d = await openDatabase(url);
    const { connection: active } = await upsertConnection(
      d.db,
      {
        contributorEmail: 'active@member.example',
        kind: 'mailbox',
        account: 'a',
        config: { path: SAMPLE_MBOX },
      },
      null,
    );
    const { connection: gone } = await upsertConnection(
      d.db,
      {
        contributorEmail: 'gone@member.example',
        kind: 'mailbox',
        account: 'b',
        config: { path: SAMPLE_MBOX },
      },
      null,
    );
    await d.db
      .updateTable('contributors')
      .set({ status: 'opted-out' })
      .where('email', '=', 'gone@member.example')
      .execute();
    await d.close();

    // every 2 seconds, no jitter
    const { child, done } = startCli(['schedule', '--cron', '*/2 * * * * *', '--jitter', '0'], {
      env: cleanEnv({ SIGMINE_DATABASE: url, SIGMINE_SECRET_KEY: KEY }),
    });
    // Log lines may arrive split across chunks (a loaded machine): count over everything read so far.
    let seen = '';
    let stopped = false;
    child.stderr!.on('data', (b: Buffer) => {
      seen += b.toString();
      const runs = (seen.match(/"event":"schedule\.run"/g) ?? []).length;
      if (runs >= 2 && !stopped) {
        stopped = true; // one SIGTERM: a second one would end the process the hard way
        child.kill('SIGTERM');
      }
    });
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('"event":"schedule.stopped"');

    const after = await openDatabase(url);
    try {
      const conns = await after.db.selectFrom('connections').select(['id', 'last_harvest_at']).execute();
      expect(conns.find((c) => c.id === active.id)!.last_harvest_at).not.toBeNull();
      expect(conns.find((c) => c.id === gone.id)!.last_harvest_at).toBeNull();
      const runsStored = await after.db
        .selectFrom('harvest_runs')
        .select(['trigger', 'finished_at'])
        .execute();
      expect(runsStored.length).toBeGreaterThanOrEqual(2);
      expect(runsStored.every((x) => x.trigger === 'schedule' && x.finished_at !== null)).toBe(true);
      expect((await after.db.selectFrom('profiles').select('email').execute()).length).toBeGreaterThan(20);
    } finally {
      await after.close();
    }
  }, 90_000);
});

describe.skipIf(!(await postgresServerAvailable('sigmine schedule on PostgreSQL')))(
  'sigmine schedule on PostgreSQL',
  () => {
    it('queues one job per harvestable connection for the workers instead of harvesting', async () => {
      await withScratchDatabase('sigmine_sched', async (url) => {
        const d = await openDatabase(url);
        const ids: string[] = [];
        for (const who of ['a@member.example', 'b@member.example', 'gone@member.example']) {
          const { connection } = await upsertConnection(
            d.db,
            { contributorEmail: who, kind: 'mailbox', account: who, config: { path: SAMPLE_MBOX } },
            null,
          );
          ids.push(connection.id);
        }
        await d.db
          .updateTable('contributors')
          .set({ status: 'opted-out' })
          .where('email', '=', 'gone@member.example')
          .execute();

        const { child, done } = startCli(['schedule', '--cron', '0 0 1 1 *', '--jitter', '0', '--now'], {
          env: cleanEnv({ SIGMINE_DATABASE: url, SIGMINE_SECRET_KEY: KEY }),
        });
        let stopped = false;
        let seen = '';
        child.stderr!.on('data', (b: Buffer) => {
          seen += b.toString();
          if (!stopped && seen.includes('"event":"schedule.enqueued"')) {
            stopped = true;
            child.kill('SIGTERM');
          }
        });
        const r = await done;
        expect(r.code).toBe(0);
        expect(r.stderr).toContain('"queued":2');
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const jobs = await c.query<{ singleton_key: string }>(
          `SELECT singleton_key FROM pgboss.job WHERE name = 'harvest'`,
        );
        await c.end();
        expect(jobs.rows.map((j) => j.singleton_key).sort()).toEqual(ids.slice(0, 2).sort());
        // nothing harvested in the scheduling process
        expect(await d.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
        await d.close();
      });
    }, 90_000);
  },
);
