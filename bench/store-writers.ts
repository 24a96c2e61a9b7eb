/**
 * `npm run bench:store -- --writers N` (PostgreSQL): N writer processes at once, as N `sigmine worker`s
 * would be, each with its own database connection, its own member and mailbox and its own new contacts
 * (PEOPLE / N each, disjoint), one transaction per page. Prints the total observations per second over the
 * wall time from the common start to the last writer's end, and the CPU per observation of all writers and
 * their PostgreSQL backends (/proc). Each child is this file run with `--child I --schema S`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.ts';
import { BENCH_PG_URL } from './each-dialect.ts';
import { synthetic } from './store-items.ts';
import { ingestPage } from '../src/store/ingest.ts';
import { privacyGate } from '../src/privacy/gate.ts';
import { loadPolicy } from '../src/jurisdiction/policy.ts';
import { cpuNow, watchBackends } from './cpu-meter.ts';

interface WriterResult {
  observations: number;
  secs: number;
  cpuSelf: number;
  cpuBackends: number;
}

/** One writer: its member and mailbox, then (on "go" from the parent) its pages. */
async function child(i: number, schema: string, people: number, total: number, page: number) {
  watchBackends();
  const gate = privacyGate({ policy: loadPolicy({}) });
  const d = await openDatabase(BENCH_PG_URL, { pgSchema: schema, poolSize: 1 });
  const now = new Date().toISOString();
  await d.db
    .insertInto('contributors')
    .values({ id: `bench-u${i}`, email: `bench${i}@members.example.org`, created_at: now })
    .execute();
  await d.db
    .insertInto('connections')
    .values({
      id: `bench-k${i}`,
      contributor_id: `bench-u${i}`,
      kind: 'mailbox',
      account: `bench${i}`,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const items = synthetic(people, i * people, total);
  const ctx = { connectionId: `bench-k${i}`, contributorId: `bench-u${i}`, now, secretKey: null };
  console.log('ready');
  const go = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => go.once('line', () => resolve()));
  // Nothing more comes from the parent: stdin left open would keep this process alive.
  go.close();
  process.stdin.destroy();
  const c0 = cpuNow();
  const t0 = performance.now();
  let observations = 0;
  for (let k = 0; k < items.length; k += page) {
    const out = await d.db
      .transaction()
      .execute((trx) => ingestPage(trx, ctx, items.slice(k, k + page), gate));
    observations += out.observationsStored;
  }
  const secs = (performance.now() - t0) / 1000;
  const c1 = cpuNow();
  const result: WriterResult = {
    observations,
    secs,
    cpuSelf: c1.self - c0.self,
    cpuBackends: c1.backends - c0.backends,
  };
  console.log(JSON.stringify(result));
  await d.close();
}

/** Starts `writers` children on the schema of `d`, lets them go together, and prints the totals. */
export async function runWriters(d: Database, writers: number, people: number, page: number): Promise<void> {
  const { rows } = await sql<{ search_path: string }>`show search_path`.execute(d.db);
  const schema = rows[0]!.search_path.split(',')[0]!.trim().replace(/"/g, '');
  const per = Math.floor(people / writers);
  const self = fileURLToPath(import.meta.url);
  const procs = Array.from({ length: writers }, (_, i) =>
    spawn(
      process.execPath,
      [
        'bin/run-ts.js',
        self,
        '--child',
        String(i),
        '--schema',
        schema,
        '--people',
        String(per),
        '--total',
        String(people),
        '--page',
        String(page),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const lines = procs.map((p) => createInterface({ input: p.stdout! })[Symbol.asyncIterator]());
  const next = async (k: number) => {
    const r = await lines[k]!.next();
    if (r.done) throw new Error(`writer ${k} ended early`);
    return r.value;
  };
  for (let k = 0; k < writers; k++) if ((await next(k)) !== 'ready') throw new Error(`writer ${k} not ready`);
  const t0 = performance.now();
  for (const p of procs) p.stdin!.end('go\n');
  const results = await Promise.all(
    procs.map(async (_, k) => {
      const r = JSON.parse(await next(k)) as WriterResult;
      return { ...r, end: performance.now() };
    }),
  );
  await Promise.all(
    procs.map((p) => new Promise((resolve) => (p.exitCode !== null ? resolve(0) : p.once('exit', resolve)))),
  );
  const wall = (Math.max(...results.map((r) => r.end)) - t0) / 1000;
  const obs = results.reduce((n, r) => n + r.observations, 0);
  const cpu = results.reduce((n, r) => n + r.cpuSelf + r.cpuBackends, 0);
  const backends = results.reduce((n, r) => n + r.cpuBackends, 0);
  console.log(
    `postgres  ${writers} writers x ${per} new contacts, each its own connection and mailbox: ${obs} observations in ${wall.toFixed(2)} s, ` +
      `${Math.round(obs / wall).toLocaleString('en')} obs/s wall in total, ` +
      `${Math.round(obs / cpu).toLocaleString('en')} obs per CPU-second of the writers and their backends, ${Math.round((100 * backends) / cpu)}% of it PostgreSQL`,
  );
  for (const [k, r] of results.entries())
    console.log(
      `          writer ${k}: ${Math.round(r.observations / r.secs).toLocaleString('en')} obs/s over its own ${r.secs.toFixed(2)} s`,
    );
}

const argOf = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
if (argOf('child') !== undefined)
  await child(
    Number(argOf('child')),
    argOf('schema')!,
    Number(argOf('people')),
    Number(argOf('total')),
    Number(argOf('page')),
  );
