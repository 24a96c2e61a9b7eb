/**
 * `npm run bench:workers`: 3 `sigmine worker` processes over 30 local-mailbox connections on PostgreSQL
 * (a throw-away database on SIGMINE_BENCH_PG_URL's server, default the local test server). Jobs are queued
 * with pg-boss like `sigmine schedule` does; the bench waits for every connection's outcome and prints
 * duplicates (messages harvested more than once) and misses (messages never processed): both must be 0.
 * Options: `--workers N` (3), `--connections N` (30), `--kill-one` (kill -9 one worker mid-run: its jobs
 * expire about `--expire` after its last heartbeat, 30 s here, and are finished by the others).
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { upsertConnection } from '../src/connections/repository.ts';
import { enqueueHarvests, openQueue } from '../src/harvest/queue.ts';
import { SAMPLE_MBOX } from '../test/helpers/sample-mailbox.ts';

/** The bench database's key when SIGMINE_SECRET_KEY is not set. */
const BENCH_KEY = 'b3'.repeat(32);

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const WORKERS = Number(arg('workers', '3'));
const CONNECTIONS = Number(arg('connections', '30'));
const KILL_ONE = process.argv.includes('--kill-one');
const EXPIRE = 30;
const BASE =
  process.env.SIGMINE_BENCH_PG_URL ??
  process.env.SIGMINE_TEST_PG_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const DBNAME = `sigmine_bench_workers_${process.pid}`;
const url = BASE.replace(/\/[^/?]*(\?.*)?$/, `/${DBNAME}$1`.replace('$1', ''));

const admin = new pg.Client({ connectionString: BASE });
await admin.connect();
await admin.query(`CREATE DATABASE ${DBNAME}`);
const dir = mkdtempSync(join(tmpdir(), 'sigmine-bench-workers-'));
const children: ChildProcess[] = [];
let closeDb: (() => Promise<void>) | null = null;
try {
  const sample = readFileSync(SAMPLE_MBOX, 'utf8');
  const perBox = (sample.match(/^From /gm) ?? []).length;
  const d = await openDatabase(url);
  closeDb = d.close;
  const ids: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const path = join(dir, `box${i}.mbox`);
    writeFileSync(path, sample.replaceAll('.example', `-w${i}.example`));
    const { connection } = await upsertConnection(
      d.db,
      {
        contributorEmail: `member${i}@member.example`,
        kind: 'mailbox',
        account: `box${i}`,
        config: { path },
      },
      null,
    );
    ids.push(connection.id);
  }
  const expected = CONNECTIONS * perBox;
  const queue = await openQueue(url, { expireInSeconds: EXPIRE, retryDelaySeconds: 1 });
  console.log(
    `bench:workers  cores=${cpus().length} load=${loadavg()[0]!.toFixed(2)} workers=${WORKERS} connections=${CONNECTIONS} messages=${expected}`,
  );
  const t0 = performance.now();
  const q = await enqueueHarvests(queue, { db: d.db });
  // Queued twice on purpose: a schedule firing again while jobs wait must not add duplicates.
  const q2 = await enqueueHarvests(queue, { db: d.db });
  console.log(
    `queued ${q.queued} jobs; a second schedule tick queued ${q2.queued} more (${q2.alreadyQueued} already waiting)`,
  );
  await queue.close();

  const bin = join(import.meta.dirname, '..', 'bin', 'sigmine.js');
  const jobsBy = new Map<number, number>();
  for (let w = 0; w < WORKERS; w++) {
    const child = spawn(process.execPath, [bin, 'worker', '--concurrency', '2', '--expire', String(EXPIRE)], {
      // Workers refuse to run without the database's key (docs/security.md): a throw-away key of the bench's.
      env: {
        ...process.env,
        SIGMINE_DATABASE: url,
        SIGMINE_SECRET_KEY: process.env.SIGMINE_SECRET_KEY ?? BENCH_KEY,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (b: Buffer) => {
      const n = (b.toString().match(/"event":"worker\.job"/g) ?? []).length;
      jobsBy.set(w, (jobsBy.get(w) ?? 0) + n);
    });
    children.push(child);
  }
  let killed = false;
  const count = async () =>
    Number(
      (
        await d.db
          .selectFrom('harvest_outcomes')
          .select((eb) => eb.fn.count<number>('connection_id').distinct().as('n'))
          .where('status', '=', 'ok')
          .executeTakeFirstOrThrow()
      ).n,
    );
  for (;;) {
    const done = await count();
    if (KILL_ONE && !killed && done >= 3) {
      children[0]!.kill('SIGKILL');
      killed = true;
      console.log(`killed worker 0 with -9 after ${done} connections were done`);
    }
    if (done >= CONNECTIONS) break;
    if (performance.now() - t0 > 20 * 60_000) throw new Error('timed out after 20 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const secs = (performance.now() - t0) / 1000;
  const outcomes = await d.db
    .selectFrom('harvest_outcomes')
    .select(['connection_id', 'status', 'code', 'counts_json'])
    .execute();
  const scanned = outcomes.reduce(
    (a, o) => a + (JSON.parse(o.counts_json) as { messagesScanned: number }).messagesScanned,
    0,
  );
  const replayed = outcomes.reduce(
    (a, o) => a + (JSON.parse(o.counts_json) as { messagesReplayed: number }).messagesReplayed,
    0,
  );
  const processed = Number(
    (
      await d.db
        .selectFrom('processed_messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const perConnRuns = new Map<string, number>();
  for (const o of outcomes)
    if (o.status === 'ok') perConnRuns.set(o.connection_id, (perConnRuns.get(o.connection_id) ?? 0) + 1);
  console.log(
    `all ${CONNECTIONS} connections done in ${secs.toFixed(1)} s; jobs per worker: ${[...Array(WORKERS).keys()].map((w) => jobsBy.get(w) ?? 0).join(', ')}`,
  );
  console.log(
    `connections harvested more than once: ${[...perConnRuns.values()].filter((n) => n > 1).length}`,
  );
  console.log(
    `duplicates: ${Math.max(0, scanned - expected) + replayed} (messages scanned ${scanned} for ${expected}, replays ${replayed})`,
  );
  console.log(`misses: ${expected - processed} (messages processed ${processed} of ${expected})`);
} catch (e) {
  console.error('bench failed:', (e as Error).message);
  process.exitCode = 1;
} finally {
  await closeDb?.().catch(() => {});
  for (const c of children) if (c.exitCode === null && !c.killed) c.kill('SIGTERM');
  await Promise.all(
    children.map((c) =>
      c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null,
    ),
  );
  await admin.query(`DROP DATABASE IF EXISTS ${DBNAME} WITH (FORCE)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
}
