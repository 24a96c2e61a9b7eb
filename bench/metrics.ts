/**
 * `npm run bench:metrics`: what monitoring costs the web app. At 200,000 profiles (and a notice per pending
 * one), on SQLite (a temp file) and PostgreSQL (its own schema; SIGMINE_BENCH_PG_URL or the local test
 * server; skipped when unreachable), the web app runs in its own process (`sigmine serve`'s app and
 * database) and this one measures over HTTP with keep-alive connections:
 *   - `/metrics` with 20 concurrent clients: requests/s and latency percentiles (targets >= 1,000 req/s,
 *     p99 < 50 ms);
 *   - `/healthz` from one client alone, while one client polls `/metrics` without pause (target: unchanged),
 *     and among the 20 `/metrics` clients (it waits its turn in a saturated server);
 *   - for comparison, one COUNT ... GROUP BY status over the profiles, what every scrape used to run.
 * The rows are written directly (as the store keeps them; the database's counters follow by themselves).
 * Options: `--profiles N`, `--clients N`, `--seconds N`, `--only sqlite|postgres`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { serve } from '@hono/node-server';
import { onEachDialect, BENCH_PG_URL } from './each-dialect.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/database.ts';
import { insertRows } from '../src/db/insert-rows.ts';
import { loadConfig } from '../src/config.ts';
import { createApp } from '../src/web/app.ts';
import { createMailQueue } from '../src/web/mail-queue.ts';
import { silentLogger } from '../src/log.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const PROFILES = Number(arg('profiles', '200000'));
const CLIENTS = Number(arg('clients', '20'));
const SECONDS = Number(arg('seconds', '8'));
const ONLY = arg('only', '');
const TOKEN = 'bench-metrics-token-0123456789abcdef';
const NOW = '2026-11-01T00:00:00.000Z';
const STATUSES = ['listed', 'listed', 'listed', 'pending', 'pending', 'restricted'] as const;

/** The server side: `--serve URL [--schema S]` opens the database and serves the web app on a free port. */
async function serveOnly(url: string, schema: string): Promise<void> {
  const database = await openDatabase(url, { ...(schema ? { pgSchema: schema } : {}), poolSize: 10 });
  const config = loadConfig({
    SIGMINE_DATABASE: url,
    SIGMINE_PUBLIC_URL: 'http://127.0.0.1',
    SIGMINE_SECRET_KEY: 'b'.repeat(64),
  });
  const app = createApp({
    database,
    config,
    transport: { name: 'none', send: async () => ({ providerMessageId: 'none' }) },
    web: { metricsToken: TOKEN, trustProxyHops: 0 },
    logger: silentLogger,
    mailQueue: createMailQueue(silentLogger),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  server.once('listening', () => process.send!({ port: (server.address() as { port: number }).port }));
  // The server's CPU time, asked before and after a phase: its cost per request whatever the machine's load.
  process.on('message', () => {
    const u = process.cpuUsage();
    process.send!({ cpu: (u.user + u.system) / 1000 });
  });
  process.once('disconnect', () => server.close(() => void database.close().then(() => process.exit(0))));
}

async function fill(d: Database): Promise<void> {
  const BATCH = 5_000;
  for (let i = 0; i < PROFILES; i += BATCH) {
    await d.db.transaction().execute(async (trx) => {
      const rows = [];
      const notices = [];
      for (let j = i; j < Math.min(PROFILES, i + BATCH); j++) {
        const status = STATUSES[j % STATUSES.length]!;
        rows.push({
          id: `p${String(j).padStart(7, '0')}`,
          email: `person${j}@company${j % 5000}.example`,
          domain: `company${j % 5000}.example`,
          status,
          name: `Person ${j}`,
          title: 'Engineer',
          company: `Company ${j % 5000}`,
          first_seen: NOW,
          last_seen: NOW,
          listed_at: status === 'listed' ? NOW : null,
          created_at: NOW,
          updated_at: NOW,
        });
        if (status === 'pending')
          notices.push({
            id: `n${j}`,
            profile_id: `p${String(j).padStart(7, '0')}`,
            recipient: `person${j}@company${j % 5000}.example`,
            recipient_hash: `h${j}`,
            template_id: 'pre-add',
            content_hash: 'c',
            language: 'en',
            codes_json: '[]',
            status: j % 4 === 0 ? 'sent' : 'queued',
            queued_at: NOW,
          });
      }
      await insertRows(trx, 'profiles', rows);
      await insertRows(trx, 'notices', notices);
    });
  }
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

function get(agent: Agent, port: number, path: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const req = request(
      { agent, port, host: '127.0.0.1', path, headers: { authorization: `Bearer ${TOKEN}` } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? done(performance.now() - t0)
            : fail(new Error(`${path}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** `clients` loops requesting `path` until `stop()`; latencies in ms. */
function load(port: number, path: string, clients: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const times: number[] = [];
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) times.push(await get(agent, port, path));
  });
  return {
    times,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      agent.destroy();
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const summary = (t: number[], secs: number) => {
  const s = [...t].sort((a, b) => a - b);
  return `${Math.round(t.length / secs).toLocaleString('en')} req/s, p50 ${pct(s, 50).toFixed(1)} ms, p99 ${pct(s, 99).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms`;
};

async function run(dialect: string, d: Database, url: string, schema: string): Promise<void> {
  const t0 = performance.now();
  await fill(d);
  const filled = (performance.now() - t0) / 1000;
  // What a scrape used to run (the profiles' part of it), timed here once warm.
  const counts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c0 = performance.now();
    await d.db
      .selectFrom('profiles')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .groupBy('status')
      .execute();
    counts.push(performance.now() - c0);
  }
  counts.sort((a, b) => a - b);
  const child: ChildProcess = fork(
    fileURLToPath(new URL('../bin/run-ts.js', import.meta.url)),
    [fileURLToPath(import.meta.url), '--serve', url, '--schema', schema],
    { stdio: 'inherit' },
  );
  try {
    const port = await new Promise<number>((done, fail) => {
      child.once('message', (m) => done((m as { port: number }).port));
      child.once('exit', (code) => fail(new Error(`server exited ${code}`)));
    });
    const metrics = await new Promise<string>((done) => {
      request(
        { port, host: '127.0.0.1', path: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => done(body));
        },
      ).end();
    });
    const serverCpu = () =>
      new Promise<number>((done) => {
        child.once('message', (m) => done((m as { cpu: number }).cpu));
        child.send('cpu');
      });
    const healthAlone = load(port, '/healthz', 1);
    await sleep(SECONDS * 500);
    await healthAlone.stop();
    // One monitoring scraper polling without pause (Prometheus asks every 15 s): the other requests' view.
    const poller = load(port, '/metrics', 1);
    const healthPolled = load(port, '/healthz', 1);
    await sleep(SECONDS * 500);
    await healthPolled.stop();
    await poller.stop();
    const scrape = load(port, '/metrics', CLIENTS);
    await sleep(500); // connections up
    scrape.times.length = 0;
    const cpu0 = await serverCpu();
    const health = load(port, '/healthz', 1);
    await sleep(SECONDS * 1000);
    await health.stop();
    const cpuMs = (await serverCpu()) - cpu0;
    const served = scrape.times.length + health.times.length;
    await scrape.stop();
    console.log(
      `${dialect.padEnd(9)} ${PROFILES.toLocaleString('en')} profiles (written in ${filled.toFixed(1)} s); ${metrics.match(/^sigmine_profiles\{.*$/gm)!.join(', ')}`,
    );
    console.log(
      `${''.padEnd(9)} one COUNT ... GROUP BY status over profiles (what each scrape ran before): median ${counts[2]!.toFixed(1)} ms`,
    );
    console.log(
      `${''.padEnd(9)} /metrics, ${CLIENTS} concurrent clients, ${SECONDS} s:      ${summary(scrape.times, SECONDS + 0.5)}`,
    );
    console.log(
      `${''.padEnd(9)} server CPU per request meanwhile: ${(cpuMs / served).toFixed(2)} ms ` +
        `(${Math.round(served / (cpuMs / 1000)).toLocaleString('en')} requests per CPU-second; the load average above says how shared the cores are)`,
    );
    console.log(
      `${''.padEnd(9)} /healthz alone, one client:                 ${summary(healthAlone.times, SECONDS / 2)}`,
    );
    console.log(
      `${''.padEnd(9)} /healthz while one client polls /metrics:   ${summary(healthPolled.times, SECONDS / 2)}`,
    );
    console.log(
      `${''.padEnd(9)} /healthz among the ${CLIENTS} /metrics clients:   ${summary(health.times, SECONDS)}`,
    );
  } finally {
    child.disconnect();
    await new Promise((r) => child.once('exit', r));
  }
}

const serveUrl = arg('serve', '');
if (serveUrl) {
  await serveOnly(serveUrl, arg('schema', ''));
} else {
  console.log(
    `bench:metrics on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), load average ${loadavg()[0]!.toFixed(1)}, Node ${process.version}`,
  );
  await onEachDialect('metrics', ONLY, async (dialect, d) => {
    if (dialect === 'sqlite') {
      const file = (
        await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(d.db)
      ).rows[0]!.file;
      await run(dialect, d, file, '');
    } else {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(d.db)).rows[0]!.s;
      await run(dialect, d, BENCH_PG_URL, schema);
    }
  });
}
