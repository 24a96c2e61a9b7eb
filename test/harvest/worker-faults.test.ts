/**
 * Issue 15, end to end: real `sigmine worker` processes on a real PostgreSQL (a scratch database each)
 * harvesting local mailboxes (6 generated mbox files, 2,408 messages) through the faults operations meet,
 * and in every case ending with the contacts, notices and ledger of one single-process harvest of the same
 * mail.
 *
 * How a PostgreSQL restart is simulated: the server is shared with other suites on this machine, so it is
 * not restarted. The workers reach it through a TCP proxy in this test instead; a "restart" closes the
 * proxy's listening socket (new connections are refused, as during a restart), has the server end every
 * session of the scratch database with `pg_terminate_backend` (the FATAL 57P01 "terminating connection
 * due to administrator command" a shutdown sends), drops what is left of the proxied sockets, and listens
 * again 3 seconds later. To the workers that is what a restart looks like on the wire.
 *
 * Short settings keep the file lean: `--expire 4`-`8` seconds instead of 60, polling every 0.3 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { noProgress, silentLogger } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { enqueueHarvests, openQueue, type HarvestJob } from '../../src/harvest/queue.ts';
import { finishJob, takeJob } from '../../src/harvest/job-sql.ts';
import { SAMPLE_MBOX } from '../helpers/sample-mailbox.ts';
import { cleanEnv, startCli, type CliRun } from '../helpers/cli.ts';
import { PG_URL, postgresServerAvailable, withScratchDatabase } from '../helpers/databases.ts';

/** Every process of one database uses its key (workers refuse to start without it). */
const KEY = 'e5'.repeat(32);

const MAILBOXES = 6;
/** Copies of the 43-message sample per mailbox: the first two (the ones interrupted) 7 pages of 100, the others 4. */
const COPIES = [14, 14, 7, 7, 7, 7];
const TOTAL = COPIES.reduce((a, n) => a + n * 43, 0);
const dir = mkdtempSync(join(tmpdir(), 'sigmine-faults-'));
const boxes: string[] = [];
const member = (i: number) => `member${i}@member.example`;

const PG_PORT = Number(new URL(PG_URL).port || 5432);
const PG_HOST = new URL(PG_URL).hostname;

/** The test's own sessions say who they are, so that "terminate every worker session" spares them. */
const TEST_APP = 'sigmine-faults-test';

type Snapshot = Awaited<ReturnType<typeof snapshot>>;
let reference: Snapshot;

async function seed(url: string): Promise<string[]> {
  const d = await openDatabase(url);
  try {
    const ids: string[] = [];
    for (let i = 0; i < MAILBOXES; i++) {
      const { connection } = await upsertConnection(
        d.db,
        { contributorEmail: member(i), kind: 'mailbox', account: `box${i}`, config: { path: boxes[i] } },
        null,
      );
      ids.push(connection.id);
    }
    return ids;
  } finally {
    await d.close();
  }
}

/** Contacts, notices and ledger as a user sees them (no ids, no harvest-time clocks). */
async function snapshot(url: string) {
  const d = await openDatabase(url, { migrate: false });
  try {
    const db = d.db;
    const contacts = await db
      .selectFrom('profiles')
      .select([
        'email',
        'status',
        'name',
        'title',
        'department',
        'company',
        'address',
        'phones_json',
        'emails_json',
        'websites_json',
        'social_json',
        'first_seen',
        'last_seen',
      ])
      .orderBy('email')
      .execute();
    const notices = (
      await db
        .selectFrom('notices')
        .select(['recipient', 'status', 'language', 'template_id', 'codes_json'])
        .execute()
    )
      .map((n) => JSON.stringify(n))
      .sort();
    const ledger = (
      await db
        .selectFrom('ledger_entries')
        .innerJoin('contributors', 'contributors.id', 'ledger_entries.contributor_id')
        .select(['contributors.email', 'kind', 'amount'])
        .execute()
    )
      .map((r) => `${r.email} ${r.kind} ${r.amount}`)
      .sort();
    const processed = Number(
      (
        await db
          .selectFrom('processed_messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    return { contacts, notices, ledger, processed };
  } finally {
    await d.close();
  }
}

/** A TCP proxy in front of PostgreSQL that can play a restart (see the file comment). */
class Proxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async listen(): Promise<void> {
    const server = createServer((client) => {
      const upstream = tcpConnect(PG_PORT, PG_HOST);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => {
          this.sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Stops accepting (connections are refused) and drops every proxied connection. */
  async refuse(): Promise<void> {
    const s = this.server;
    this.server = null;
    const closed = s ? new Promise((r) => s.close(r)) : Promise.resolve();
    for (const sock of this.sockets) sock.destroy();
    await closed;
  }

  url(dbUrl: string): string {
    const u = new URL(dbUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }
}

/** A `sigmine worker` process whose JSON log lines are kept as events. */
interface Worker {
  child: ChildProcess;
  done: Promise<CliRun>;
  events: Array<Record<string, any> & { at: number }>;
  exitedAt: number | null;
}

function startWorker(url: string, args: string[]): Worker {
  const { child, done } = startCli(['worker', '--poll', '0.3', ...args], {
    env: cleanEnv({ SIGMINE_DATABASE: url, SIGMINE_SECRET_KEY: KEY }),
  });
  const w: Worker = { child, done, events: [], exitedAt: null };
  let buf = '';
  child.stderr!.on('data', (b: Buffer) => {
    buf += b.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        w.events.push({ ...(JSON.parse(line) as Record<string, unknown>), at: Date.now() });
      } catch {
        // not a log line (a Node warning)
      }
    }
  });
  child.on('exit', () => (w.exitedAt = Date.now()));
  return w;
}

const has = (w: Worker, event: string, f: (e: Record<string, any>) => boolean = () => true) =>
  w.events.find((e) => e.event === event && f(e));

/** What a worker said last, for a failure message. */
const tail = (w: Worker) =>
  `exit ${w.child.exitCode ?? w.child.signalCode ?? 'none'}: ` +
  w.events
    .slice(-5)
    .map((e) => JSON.stringify(e))
    .join(' | ');

/** Waits for every worker's `worker.started`; fails at once, with what it said, if one exits instead. */
async function started(workers: Worker[]): Promise<void> {
  await until(
    'workers started',
    () => {
      const dead = workers.find((w) => !alive(w));
      if (dead) throw new Error(`a worker exited while starting (${tail(dead)})`);
      return workers.every((w) => has(w, 'worker.started'));
    },
    60_000,
  ).catch((e: Error) => {
    throw new Error(`${e.message}; ${workers.map(tail).join(' ;; ')}`);
  });
}

async function until<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms: number,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every connection harvested to the end, and no job waiting or running. */
async function allDone(c: pg.Client, ids: string[]): Promise<boolean> {
  const ok = await c.query<{ n: string }>(
    `SELECT count(DISTINCT connection_id) AS n FROM harvest_outcomes WHERE status = 'ok'`,
  );
  if (Number(ok.rows[0]!.n) < ids.length) return false;
  const open = await c.query<{ n: string }>(
    `SELECT count(*) AS n FROM pgboss.job WHERE name = 'harvest' AND state < 'completed'`,
  );
  return Number(open.rows[0]!.n) === 0;
}

const connectionOk = async (c: pg.Client, id: string) =>
  (await c.query(`SELECT 1 FROM harvest_outcomes WHERE connection_id = $1 AND status = 'ok'`, [id])).rows
    .length > 0;

async function enqueue(url: string, connectionId?: string): Promise<void> {
  const d = await openDatabase(url, { migrate: false });
  // A 1-second retry delay instead of 5: a killed worker's expired job is retried sooner.
  const q = await openQueue(url, { logger: silentLogger, retryDelaySeconds: 1 });
  try {
    await enqueueHarvests(q, { db: d.db }, connectionId ? { connectionId } : {});
  } finally {
    await q.close();
    await d.close();
  }
}

async function monitor(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, application_name: TEST_APP });
  c.on('error', () => {});
  await c.connect();
  return c;
}

const alive = (w: Worker) => w.child.exitCode === null && w.child.signalCode === null;

async function stopAll(workers: Worker[]): Promise<void> {
  for (const w of workers) if (alive(w)) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.done));
}

const pgOk = await postgresServerAvailable('worker faults (multi-process)');

beforeAll(async () => {
  const sample = readFileSync(SAMPLE_MBOX, 'utf8');
  for (let i = 0; i < MAILBOXES; i++) {
    // Each mailbox its own people (domains), companies and Message-IDs.
    const text = Array.from({ length: COPIES[i]! }, (_, c) =>
      sample.replaceAll('.example', `-m${i}c${c}.example`),
    ).join('');
    const path = join(dir, `box${i}.mbox`);
    writeFileSync(path, text);
    boxes.push(path);
  }
  if (!pgOk) return;
  // The reference: one process harvests every mailbox (no queue, no worker, nothing interrupted).
  await withScratchDatabase('sigmine_faults_ref', async (url) => {
    const ids = await seed(url);
    const d = await openDatabase(url, { migrate: false });
    try {
      const env = {
        db: d.db,
        config: loadConfig({ SIGMINE_DATABASE: url, SIGMINE_SECRET_KEY: KEY }),
        logger: silentLogger,
        progress: noProgress,
        holder: 'reference',
      };
      const { summary } = await runHarvest(env, ids, { concurrency: MAILBOXES });
      expect(summary.ok).toBe(MAILBOXES);
      expect(summary.counts.messagesScanned).toBe(TOTAL);
    } finally {
      await d.close();
    }
    reference = await snapshot(url);
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!pgOk)('sigmine workers through database faults', () => {
  it('keep running through a PostgreSQL restart and then the termination of every worker session, and finish every job', async () => {
    await withScratchDatabase('sigmine_faults_restart', async (url, admin) => {
      const ids = await seed(url);
      const name = new URL(url).pathname.slice(1);
      const proxy = new Proxy();
      await proxy.listen();
      const c = await monitor(url);
      const workers = [0, 1].map(() => startWorker(proxy.url(url), ['--concurrency', '2', '--expire', '8']));
      try {
        await started(workers);
        await enqueue(url);
        const pages = () =>
          workers.reduce((n, w) => n + w.events.filter((e) => e.event === 'harvest.page').length, 0);
        await until('two pages stored', () => pages() >= 2, 60_000);

        // (a) the restart
        await proxy.refuse();
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name <> $2`,
          [name, TEST_APP],
        );
        await new Promise((r) => setTimeout(r, 3000));
        await proxy.listen();
        const before = pages();
        await until('a page stored after the restart', () => pages() > before, 60_000);
        expect(workers.every(alive)).toBe(true);

        // (b) every worker session ended by the server, no refusal this time
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name <> $2 AND pid <> pg_backend_pid()`,
          [name, TEST_APP],
        );
        expect(rowCount).toBeGreaterThan(0);

        await until('every job done', () => allDone(c, ids), 90_000);
        expect(workers.every(alive)).toBe(true);
        // The outage was noticed and logged, once per source rather than per failed query.
        const lost = workers.flatMap((w) => w.events.filter((e) => e.event === 'db.connection-lost'));
        expect(lost.length).toBeGreaterThan(0);
        for (const w of workers) {
          const sources = w.events
            .filter((e) => e.event === 'db.connection-lost')
            .map((e) => e.source as string);
          expect(sources.length).toBeLessThanOrEqual(2 * new Set(sources).size); // at most once per source per outage
        }
        expect(await snapshot(url)).toEqual(reference);
      } finally {
        await stopAll(workers);
        await c.end();
        await proxy.refuse();
      }
    });
  }, 180_000);

  it('continue a SIGTERMed worker’s job at once, and a killed (-9) worker’s job within two minutes', async () => {
    await withScratchDatabase('sigmine_faults_kill', async (url) => {
      const ids = await seed(url);
      const c = await monitor(url);
      // Three single-slot workers, two jobs: two workers take one each, the third waits with a free slot.
      const workers = [0, 1, 2].map(() => startWorker(url, ['--concurrency', '1', '--expire', '4']));
      try {
        await started(workers);
        await enqueue(url, ids[0]);
        await enqueue(url, ids[1]);
        const holders = await until(
          'two workers in the middle of their jobs',
          () => {
            const busy = workers.filter((w) => has(w, 'harvest.page'));
            return busy.length === 2 ? busy : null;
          },
          60_000,
        );
        const [killed, stopped] = holders as [Worker, Worker];
        const idle = workers.find((w) => !holders.includes(w))!;
        const killedConn = has(killed, 'harvest.page')!.connection as string;
        const stoppedConn = has(stopped, 'harvest.page')!.connection as string;

        // Both signals are sent while both jobs surely run (a 7-page mailbox is done in seconds): first
        // kill -9 on one worker, then SIGTERM on the other.
        const t1 = Date.now();
        killed.child.kill('SIGKILL');

        // (d) SIGTERM: the worker exits 0 within 30 s, and its job moves on at once (the killed worker's
        // job is held until its lease expires, so the idle worker's free slot takes the handed-back one).
        const t0 = Date.now();
        stopped.child.kill('SIGTERM');
        const r = await stopped.done;
        expect(r.code).toBe(0);
        expect(stopped.exitedAt! - t0).toBeLessThan(30_000);
        expect(has(stopped, 'worker.job', (e) => e.connection === stoppedConn)?.next).toBe('hand-back');
        const resumed = await until(
          'the stopped job continued',
          () => has(idle, 'harvest.start', (e) => e.connection === stoppedConn),
          10_000,
        );
        expect(resumed.at - stopped.exitedAt!).toBeLessThan(5_000);

        // (c) kill -9: another worker finishes that mailbox within two minutes. The supervisor starts a new
        // worker meanwhile, and the other mailboxes are queued.
        await killed.done;
        const replacement = startWorker(url, ['--concurrency', '3', '--expire', '4']);
        workers.push(replacement);
        await enqueue(url);
        await until('the killed worker’s mailbox finished', () => connectionOk(c, killedConn), 120_000);
        expect(Date.now() - t1).toBeLessThan(120_000);
        expect(killed.events.some((e) => e.event === 'worker.job' && e.connection === killedConn)).toBe(
          false,
        );

        await until('every job done', () => allDone(c, ids), 90_000);
        expect(alive(idle)).toBe(true);
        expect(await snapshot(url)).toEqual(reference);
      } finally {
        await stopAll(workers);
        await c.end();
      }
    });
  }, 240_000);

  it('a schedule run while one connection’s job is stuck does not delay the other connections', async () => {
    await withScratchDatabase('sigmine_faults_stuck', async (url) => {
      const ids = await seed(url);
      const c = await monitor(url);
      // A holder that hangs with the job of the first connection: taken with a 10-minute expiry and never
      // renewed. (Not a SIGSTOPped worker: a process frozen while parsing a message wakes up past that
      // message's parse-time budget, parsers/budget.ts, and skips it, so its store would differ.)
      const q = await openQueue(url, { logger: silentLogger });
      const d = await openDatabase(url, { migrate: false });
      await enqueueHarvests(q, { db: d.db }, { connectionId: ids[0] });
      await d.close();
      const hung = await takeJob<HarvestJob>(q.jobs, 600);
      expect(hung?.data.connectionId).toBe(ids[0]);
      const w = startWorker(url, ['--concurrency', '2', '--expire', '4']);
      const workers = [w];
      try {
        await started(workers);

        const t0 = Date.now();
        const sched = startCli(['schedule', '--cron', '0 0 1 1 *', '--jitter', '0', '--now'], {
          env: cleanEnv({ SIGMINE_DATABASE: url, SIGMINE_SECRET_KEY: KEY }),
        });
        let enqueued = '';
        let seen = '';
        sched.child.stderr!.on('data', (b: Buffer) => {
          seen += b.toString();
          // Whole lines only: a log line may arrive split across chunks.
          const m = /.*"event":"schedule\.enqueued".*\n/.exec(seen);
          if (m && !enqueued) {
            enqueued = m[0];
            sched.child.kill('SIGTERM');
          }
        });
        const s = await sched.done;
        expect(s.code).toBe(0);
        expect(JSON.parse(enqueued)).toMatchObject({ queued: MAILBOXES - 1, running: 1 });
        expect(s.stderr).toContain('"event":"schedule.connection-busy"');

        for (const id of ids.slice(1))
          await until('the other connections harvested', () => connectionOk(c, id), 90_000);
        expect(Date.now() - t0).toBeLessThan(90_000);
        expect(await connectionOk(c, ids[0]!)).toBe(false); // still stuck meanwhile

        // The hung holder comes back and hands its job back: the worker harvests that mailbox too.
        expect(await finishJob(q.jobs, hung!, { kind: 'hand-back' }, null)).toBe(true);
        await until('every job done', () => allDone(c, ids), 60_000);
        expect(await snapshot(url)).toEqual(reference);
      } finally {
        await stopAll(workers);
        await q.close();
        await c.end();
      }
    });
  }, 240_000);
});
