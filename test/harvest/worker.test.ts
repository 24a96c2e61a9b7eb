/**
 * Harvest workers on PostgreSQL with pg-boss, in process: singleton jobs per connection, opt-out drops,
 * dead workers, a stuck connection that delays nobody, and what becomes of a job after each kind of run.
 * The multi-process faults (database restarts, kill -9, SIGTERM) are in test/harvest/worker-faults.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, postgresServerAvailable, PG_URL, type TestDatabase } from '../helpers/databases.ts';
import { fakeFactory, sampleMessages } from '../helpers/sample-mailbox.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, noProgress } from '../../src/log.ts';
import {
  enqueueHarvests,
  HARVEST_QUEUE,
  jobDisposition,
  openQueue,
  type HarvestJob,
  type HarvestQueue,
  type JobOutcome,
} from '../../src/harvest/queue.ts';
import { startWorkers, type HarvestWorker } from '../../src/harvest/worker-loop.ts';
import { takeJob } from '../../src/harvest/job-sql.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';

const messages = sampleMessages();
const config = loadConfig({ SIGMINE_DATABASE: PG_URL });

async function until(check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!(await postgresServerAvailable('harvest workers on PostgreSQL')))(
  'harvest workers on PostgreSQL',
  () => {
    let t: TestDatabase;
    let bossSchema: string;
    const queues: HarvestQueue[] = [];
    const workers: HarvestWorker[] = [];
    let factory: ReturnType<typeof fakeFactory>;
    const envFor = (holder: string): HarvestEnv => ({
      db: t.db,
      config,
      logger: silentLogger,
      progress: noProgress,
      holder,
      factoryFor: async () => factory,
    });
    const open = async (extra: Parameters<typeof openQueue>[1] = {}) => {
      const q = await openQueue(`${PG_URL}`, { schema: bossSchema, logger: silentLogger, ...extra });
      queues.push(q);
      return q;
    };
    const work = (q: HarvestQueue, holder: string, opts: Parameters<typeof startWorkers>[2] = {}) => {
      const w = startWorkers(q, envFor(holder), { pollingIntervalSeconds: 0.3, ...opts });
      workers.push(w);
      return w;
    };
    const connect = async (who: string) =>
      (await upsertConnection(t.db, { contributorEmail: who, kind: 'fake', account: who }, null)).connection
        .id;

    beforeEach(async () => {
      t = await freshDatabase('postgres');
      bossSchema = `${t.pgSchema}_boss`;
      factory = fakeFactory(messages);
    });
    afterEach(async () => {
      for (const w of workers.splice(0)) await w.stop();
      for (const q of queues.splice(0)) await q.close().catch(() => {});
      await t.dispose();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${bossSchema}" CASCADE`);
      await c.end();
    });

    it('drops a queued job whose contributor opted out before it ran', async () => {
      const q = await open();
      const id = await connect('alice@member.example');
      expect(await enqueueHarvests(q, { db: t.db })).toEqual({ queued: 1, alreadyQueued: 0, running: 0 });
      await t.db.updateTable('contributors').set({ status: 'opted-out' }).execute();
      const seen: JobOutcome[] = [];
      work(q, 'w1', { onJob: (_j, o) => seen.push(o) });
      await until(() => seen.length === 1);
      expect(seen[0]).toEqual({ action: 'dropped', reason: 'opted-out' });
      expect(factory.created.get(id)).toBeUndefined();
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
    });

    it('queues a connection at most once while its job waits, and never queues opted-out contributors', async () => {
      const q = await open();
      await connect('alice@member.example');
      await connect('bob@member.example');
      await t.db
        .updateTable('contributors')
        .set({ status: 'opted-out' })
        .where('email', '=', 'bob@member.example')
        .execute();
      expect(await enqueueHarvests(q, { db: t.db })).toEqual({ queued: 1, alreadyQueued: 0, running: 0 });
      expect(await enqueueHarvests(q, { db: t.db })).toEqual({ queued: 0, alreadyQueued: 1, running: 0 });
    });

    it('skips a connection whose job is stuck running, and workers take the other connections’ jobs meanwhile', async () => {
      const q = await open();
      const stuck = await connect('stuck@member.example');
      await enqueueHarvests(q, { db: t.db });
      // A worker took the job and hangs (an expiry far away: nothing will release it during this test).
      expect((await takeJob<HarvestJob>(q.jobs, 600))?.data.connectionId).toBe(stuck);
      // An older enqueuer (before this rule) queued the stuck connection again, ahead of everyone else.
      expect(
        await q.boss.send(
          HARVEST_QUEUE,
          { connectionId: stuck, queuedAt: new Date().toISOString() },
          { singletonKey: stuck },
        ),
      ).not.toBeNull();
      const others = [await connect('a@member.example'), await connect('b@member.example')];
      expect(await enqueueHarvests(q, { db: t.db })).toEqual({ queued: 2, alreadyQueued: 0, running: 1 });
      const seen: string[] = [];
      work(q, 'w1', { onJob: (j) => seen.push(j.connectionId) });
      await until(() => seen.length === 2, 30_000);
      expect(seen.sort()).toEqual([...others].sort());
    }, 40_000);

    it('decides what becomes of a job from how its run ended', () => {
      const ran = (status: string, code: string | null): JobOutcome => ({ action: 'ran', status, code });
      expect(jobDisposition(ran('ok', null)).kind).toBe('complete');
      expect(jobDisposition({ action: 'dropped', reason: 'opted-out' }).kind).toBe('complete');
      expect(jobDisposition(ran('skipped', 'needs-reconnect')).kind).toBe('complete');
      expect(jobDisposition(ran('error', 'revoked')).kind).toBe('complete');
      // interrupted is not done
      expect(jobDisposition(ran('skipped', 'stopped')).kind).toBe('hand-back');
      expect(jobDisposition(ran('error', 'db-unavailable')).kind).toBe('retry');
      expect(jobDisposition(ran('error', 'ECONNRESET')).kind).toBe('retry');
      expect(jobDisposition(ran('error', 'unavailable')).kind).toBe('retry');
      expect(jobDisposition(ran('skipped', 'already-running')).kind).toBe('retry');
      expect(
        jobDisposition({
          action: 'failed',
          code: 'db-unavailable',
          message: 'Connection terminated unexpectedly',
        }).kind,
      ).toBe('retry');
    });

    it('releases a dead worker’s job after its expiration, and another worker runs it', async () => {
      // Queued with the old 15-minute expiry: the expiry the taker gives it is what counts.
      const q = await open({ expireInSeconds: 900, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 });
      const id = await connect('alice@member.example');
      await enqueueHarvests(q, { db: t.db });
      // A worker takes the job and dies without finishing it (no heartbeat after its 2-second expiry).
      const taken = await takeJob<HarvestJob>(q.jobs, 2);
      expect(taken?.data.connectionId).toBe(id);
      const seen: JobOutcome[] = [];
      const t0 = Date.now();
      const other = await open({ maintenanceIntervalSeconds: 1 });
      work(other, 'w2', { onJob: (_j, o) => seen.push(o) });
      await until(() => seen.length === 1, 45_000);
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(seen[0]).toEqual({ action: 'ran', status: 'ok', code: null });
      expect(factory.created.get(id)).toBe(1);
      const n = await t.db
        .selectFrom('processed_messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(messages.length);
    }, 60_000);

    it('two workers over several connections process every message exactly once', async () => {
      const ids = [];
      for (let i = 0; i < 6; i++) ids.push(await connect(`m${i}@member.example`));
      const a = await open();
      const b = await open();
      const seen: Array<[string, JobOutcome]> = [];
      await enqueueHarvests(a, { db: t.db });
      work(a, 'wa', { concurrency: 2, onJob: (j, o) => seen.push([j.connectionId, o]) });
      work(b, 'wb', { concurrency: 2, onJob: (j, o) => seen.push([j.connectionId, o]) });
      await until(() => seen.length === ids.length, 60_000);
      expect(new Set(seen.map(([id]) => id)).size).toBe(ids.length);
      // Six connections over the same people merge concurrently: every job must still end ok.
      expect(seen.map(([, o]) => o)).toEqual(ids.map(() => ({ action: 'ran', status: 'ok', code: null })));
      const processed = await t.db
        .selectFrom('processed_messages')
        .select(['connection_id', (eb) => eb.fn.countAll().as('n')])
        .groupBy('connection_id')
        .execute();
      expect(processed.map((r) => Number(r.n))).toEqual(ids.map(() => messages.length));
      const outcomes = await t.db.selectFrom('harvest_outcomes').selectAll().execute();
      expect(outcomes.map((o) => o.status)).toEqual(ids.map(() => 'ok'));
    }, 90_000);
  },
);
