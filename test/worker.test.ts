/** Harvest workers on PostgreSQL with pg-boss: singleton jobs per connection, opt-out drops, dead workers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { freshDatabase, postgresServerAvailable, PG_URL, type TestDatabase } from './helpers/databases.ts';
import { fakeFactory, sampleMessages } from './helpers/sample-mailbox.ts';
import { upsertConnection } from '../src/connections/repository.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger, noProgress } from '../src/log.ts';
import { enqueueHarvests, HARVEST_QUEUE, openQueue, startWorkers, type HarvestJob, type JobOutcome } from '../src/harvest/queue.ts';
import type { HarvestEnv } from '../src/harvest/harvest-connection.ts';

const messages = sampleMessages();
const config = loadConfig({ SIGMINE_DATABASE: PG_URL });

async function until(check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!(await postgresServerAvailable('harvest workers on PostgreSQL')))('harvest workers on PostgreSQL', () => {
  let t: TestDatabase;
  let bossSchema: string;
  const bosses: PgBoss[] = [];
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
    const b = await openQueue(`${PG_URL}`, { schema: bossSchema, pollingIntervalSeconds: 0.5, ...extra });
    bosses.push(b);
    return b;
  };
  const connect = async (who: string) =>
    (await upsertConnection(t.db, { contributorEmail: who, kind: 'fake', account: who }, null)).connection.id;

  beforeEach(async () => {
    t = await freshDatabase('postgres');
    bossSchema = `${t.pgSchema}_boss`;
    factory = fakeFactory(messages);
  });
  afterEach(async () => {
    for (const b of bosses.splice(0)) await b.stop({ graceful: false, wait: true }).catch(() => {});
    await t.dispose();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${bossSchema}" CASCADE`);
    await c.end();
  });

  it('drops a queued job whose contributor opted out before it ran', async () => {
    const boss = await open();
    const id = await connect('alice@member.example');
    expect(await enqueueHarvests(boss, { db: t.db })).toEqual({ queued: 1, alreadyQueued: 0 });
    await t.db.updateTable('contributors').set({ status: 'opted-out' }).execute();
    const seen: JobOutcome[] = [];
    await startWorkers(boss, envFor('w1'), { pollingIntervalSeconds: 0.5, onJob: (_j, o) => seen.push(o) });
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual({ action: 'dropped', reason: 'opted-out' });
    expect(factory.created.get(id)).toBeUndefined();
    expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
  });

  it('queues a connection at most once while its job waits, and never queues opted-out contributors', async () => {
    const boss = await open();
    await connect('alice@member.example');
    await connect('bob@member.example');
    await t.db.updateTable('contributors').set({ status: 'opted-out' }).where('email', '=', 'bob@member.example').execute();
    expect(await enqueueHarvests(boss, { db: t.db })).toEqual({ queued: 1, alreadyQueued: 0 });
    expect(await enqueueHarvests(boss, { db: t.db })).toEqual({ queued: 0, alreadyQueued: 1 });
  });

  it('releases a dead worker’s job after its expiration, and another worker runs it', async () => {
    const boss = await open({ expireInSeconds: 2, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 });
    const id = await connect('alice@member.example');
    await enqueueHarvests(boss, { db: t.db });
    // A worker takes the job and dies without finishing it.
    const [taken] = await boss.fetch<HarvestJob>(HARVEST_QUEUE);
    expect(taken?.data.connectionId).toBe(id);
    const seen: JobOutcome[] = [];
    const other = await open({ maintenanceIntervalSeconds: 1 });
    await startWorkers(other, envFor('w2'), { pollingIntervalSeconds: 0.5, onJob: (_j, o) => seen.push(o) });
    await until(() => seen.length === 1, 45_000);
    expect(seen[0]).toEqual({ action: 'ran', status: 'ok', code: null });
    expect(factory.created.get(id)).toBe(1);
    const n = await t.db.selectFrom('processed_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(messages.length);
  }, 60_000);

  it('two workers over several connections process every message exactly once', async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await connect(`m${i}@member.example`));
    const a = await open();
    const b = await open();
    const seen: Array<[string, JobOutcome]> = [];
    await enqueueHarvests(a, { db: t.db });
    await startWorkers(a, envFor('wa'), { concurrency: 2, pollingIntervalSeconds: 0.5, onJob: (j, o) => seen.push([j.connectionId, o]) });
    await startWorkers(b, envFor('wb'), { concurrency: 2, pollingIntervalSeconds: 0.5, onJob: (j, o) => seen.push([j.connectionId, o]) });
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
});
