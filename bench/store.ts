/**
 * `npm run bench:store`: observations ingested per second through `ingestPage` (the harvest's real path:
 * replay check, suppression check, upserts, merge, privacy hooks, listing credits, companies), one writer,
 * one transaction per page. Synthetic batch: 100,000 observations over 20,000 people (5 fields each, one
 * message per person, 200 messages per page), on SQLite (a temp file) and on PostgreSQL (its own schema;
 * SIGMINE_BENCH_PG_URL or the local test server; skipped when unreachable). Targets (issue 12): new contacts
 * >= 25,000 obs/s on SQLite and >= 15,000 on PostgreSQL with one writer, >= 30,000 with three.
 * Options: `--people N`, `--page N`, `--only sqlite|postgres`, `--profile` (PostgreSQL: the new-contact pages'
 * round trips per page by statement, and the time this process waited on each), `--writers N` (PostgreSQL:
 * N writer processes at once, each its own connection, mailbox and new contacts; bench/store-writers.ts).
 */
import { cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Database } from '../src/db/database.ts';
import { onEachDialect } from './each-dialect.ts';
import { synthetic } from './store-items.ts';
import { runWriters } from './store-writers.ts';
import { ingestPage } from '../src/store/ingest.ts';
import type { PageItem } from '../src/store/types.ts';
import { privacyGate } from '../src/privacy/gate.ts';
import { loadPolicy } from '../src/jurisdiction/policy.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: loadPolicy({}) });

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const PEOPLE = Number(arg('people', '20000'));
const PAGE = Number(arg('page', '200'));
const ONLY = arg('only', '');
const PROFILE = process.argv.includes('--profile');
const WRITERS = Number(arg('writers', '1'));

/**
 * Round trips to PostgreSQL while `on`, by statement (its first words, tables named), with the time waited
 * for each answer: where a page's wall time goes when the server is another process.
 */
const trips = new Map<string, { n: number; ms: number }>();
let tracing = false;
/** The PostgreSQL backends this process talks to (their CPU time is read from /proc when local). */
const backends = new Set<number>();
{
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: { processID?: number | null }, ...a: unknown[]) {
    const res = query.apply(this, a);
    if (this.processID) backends.add(this.processID);
    const text = typeof a[0] === 'string' ? a[0] : ((a[0] as { text?: string })?.text ?? '?');
    if (!tracing || !(res instanceof Promise)) return res;
    const key = text
      .replace(/\$\d+/g, '?')
      .replace(/\((\?, )*\?\)(, \((\?, )*\?\))*/g, '(...)')
      .replace(/\s+/g, ' ')
      .slice(0, 90);
    const t0 = performance.now();
    const done = () => {
      const e = trips.get(key) ?? { n: 0, ms: 0 };
      e.n += 1;
      e.ms += performance.now() - t0;
      trips.set(key, e);
    };
    res.then(done, done);
    return res;
  } as typeof pg.Client.prototype.query;
}
async function run(label: string, d: Database, items: PageItem[]): Promise<void> {
  const now = new Date().toISOString();
  await d.db
    .insertInto('contributors')
    .values({ id: 'bench-u', email: 'bench@members.example.org', created_at: now })
    .execute();
  await d.db
    .insertInto('connections')
    .values({
      id: 'bench-k',
      contributor_id: 'bench-u',
      kind: 'mailbox',
      account: 'bench',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const total = items.reduce((n, i) => n + i.observations.length, 0);
  const ctx = { connectionId: 'bench-k', contributorId: 'bench-u', now, secretKey: null };
  // This process, plus the PostgreSQL backends serving it when they run on this machine (/proc: utime and
  // stime in clock ticks, 100 per second on Linux): the CPU a page costs wherever it is spent.
  let backendCpuSeen = false;
  let backendCpu = 0;
  const cpu = () => {
    const u = process.cpuUsage();
    let b = 0;
    for (const pid of backends) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        b += (Number(f[11]) + Number(f[12])) / 100;
        backendCpuSeen = true;
      } catch {
        // not local, or ended
      }
    }
    backendCpu = b;
    return (u.user + u.system) / 1e6 + b;
  };
  /** The backends' share of the CPU since `cpu()` returned `from` (with their own value then). */
  const spans: Array<{ total: number; backend: number }> = [];
  const mark = () => {
    const total = cpu();
    spans.push({ total, backend: backendCpu });
    return total;
  };
  const share = (i: number) => {
    const [a, b] = [spans[i]!, spans[i + 1]!];
    return backendCpuSeen
      ? `, ${Math.round((100 * (b.backend - a.backend)) / (b.total - a.total))}% of it PostgreSQL`
      : '';
  };
  const c0 = mark();
  const t0 = performance.now();
  let stored = 0;
  let credits = 0;
  tracing = PROFILE;
  for (let i = 0; i < items.length; i += PAGE) {
    const out = await d.db
      .transaction()
      .execute((trx) => ingestPage(trx, ctx, items.slice(i, i + PAGE), gate));
    stored += out.observationsStored;
    credits += out.creditsAwarded;
  }
  const secs = (performance.now() - t0) / 1000;
  const newCpu = mark() - c0;
  tracing = false;
  if (PROFILE && trips.size) {
    const pages = Math.ceil(items.length / PAGE);
    const all = [...trips.values()].reduce((a, e) => ({ n: a.n + e.n, ms: a.ms + e.ms }), { n: 0, ms: 0 });
    console.log(
      `${label.padEnd(9)} new-contact pages: ${(all.n / pages).toFixed(1)} round trips per page, ` +
        `${(all.ms / pages).toFixed(1)} ms waited of ${((secs * 1000) / pages).toFixed(1)} ms per page`,
    );
    for (const [k, e] of [...trips].sort((a, b) => b[1].ms - a[1].ms))
      console.log(
        `${''.padEnd(9)} ${(e.n / pages).toFixed(1).padStart(6)} x ${(e.ms / pages).toFixed(2).padStart(7)} ms  ${k}`,
      );
    trips.clear();
  }
  const c1 = mark();
  const t1 = performance.now();
  for (let i = 0; i < items.length; i += PAGE)
    await d.db.transaction().execute((trx) => ingestPage(trx, ctx, items.slice(i, i + PAGE), gate));
  const replaySecs = (performance.now() - t1) / 1000;
  const replayCpu = mark() - c1;
  // A second member's mailbox sees the same people in other messages: the merge path, no new contacts.
  await d.db
    .insertInto('connections')
    .values({
      id: 'bench-k2',
      contributor_id: 'bench-u',
      kind: 'imap',
      account: 'bench2',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const ctx2 = { ...ctx, connectionId: 'bench-k2' };
  const again = items.map((i) => ({ ...i, messageKey: `${i.messageKey}-2` }));
  const c2 = mark();
  const t2 = performance.now();
  for (let i = 0; i < again.length; i += PAGE)
    await d.db.transaction().execute((trx) => ingestPage(trx, ctx2, again.slice(i, i + PAGE), gate));
  const knownSecs = (performance.now() - t2) / 1000;
  const knownCpu = mark() - c2;
  // On a shared machine wall time includes waiting for a core; obs per CPU-second of this process (which
  // includes the SQLite engine, in process) and of its PostgreSQL backends is the load-independent figure.
  const who = backendCpuSeen ? 'this process and its PostgreSQL backends' : 'this process';
  const rate = (s: number, c: number) =>
    `${Math.round(total / s).toLocaleString('en')} obs/s wall, ${Math.round(total / c).toLocaleString('en')} obs per CPU-second of ${who}`;
  console.log(
    `${label.padEnd(9)} ${total} observations over ${PEOPLE} people (${stored} stored, ${credits} credits)`,
  );
  console.log(
    `${''.padEnd(9)} new contacts (incl. privacy hooks, per page):  ${secs.toFixed(2)} s, ${rate(secs, newCpu)}${share(0)}`,
  );
  console.log(
    `${''.padEnd(9)} known contacts, second mailbox (merge path):   ${knownSecs.toFixed(2)} s, ${rate(knownSecs, knownCpu)}${share(4)}`,
  );
  console.log(
    `${''.padEnd(9)} replay of already processed pages:             ${replaySecs.toFixed(2)} s, ${rate(replaySecs, replayCpu)}${share(2)}`,
  );
}

console.log(
  `bench:store on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), load average ${loadavg()[0]!.toFixed(1)}, ` +
    `Node ${process.version}, ${PAGE} messages per page, ${WRITERS > 1 ? `${WRITERS} writers` : 'one writer'}`,
);
if (WRITERS > 1) {
  // Several writers share one database: PostgreSQL only (SQLite has one write lock for the whole file).
  await onEachDialect('bench', 'postgres', (_dialect, d) => runWriters(d, WRITERS, PEOPLE, PAGE));
} else {
  const items = synthetic(PEOPLE);
  await onEachDialect('bench', ONLY, (dialect, d) => run(dialect, d, items));
}
