/**
 * `npm run bench:growth`: does a page cost more as the network grows? Issue 12 found three curves where it
 * did; this prints each as the median time of a small page at the smallest and the largest size, and their
 * ratio (target <= 1.5), on SQLite (a temp file) and PostgreSQL (its own schema; SIGMINE_BENCH_PG_URL or the
 * local test server; skipped when unreachable):
 *   - contributors: a one-message page from a new mailbox about a sender already seen by N mailboxes;
 *   - titles: a one-message page with a new title for a sender whose timeline already has N title changes;
 *   - domain: a one-message page adding a new sender at a company domain that already has N profiles.
 * The history is written directly (rows as the store keeps them, then the store's own full recompute), so
 * building 5,000 mailboxes takes seconds; the timed pages go through `ingestPage`, one transaction each.
 * Each size prints the median wall time of a page and the mean CPU time of its pages (this process and, when
 * local, its PostgreSQL backends): on a shared machine the wall time mostly measures the neighbours.
 * Options: `--contributors 1,1000,5000`, `--titles 1,2000`, `--domain 10,50000`, `--pages N` (timed pages per
 * size), `--only sqlite|postgres`, `--curves contributors,titles,domain`.
 */
import { cpus, loadavg } from 'node:os';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { onEachDialect } from './each-dialect.ts';
import type { DB } from '../src/db/schema.ts';
import { ingestPage } from '../src/store/ingest.ts';
import { insertRows } from '../src/db/insert-rows.ts';
import { refreshValues } from '../src/store/values.ts';
import { recomputeCompanies } from '../src/store/companies.ts';
import type { ObservationInput, PageItem } from '../src/store/types.ts';
import { privacyGate } from '../src/privacy/gate.ts';
import { loadPolicy } from '../src/jurisdiction/policy.ts';
import { cpuNow, watchBackends } from './cpu-meter.ts';
import { sql } from 'kysely';
import { isPostgres } from '../src/db/sql-batch.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: loadPolicy({}) });

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const sizes = (name: string, dflt: string) => arg(name, dflt).split(',').map(Number);
const CONTRIBUTORS = sizes('contributors', '1,1000,5000');
const TITLES = sizes('titles', '1,2000');
const DOMAIN = sizes('domain', '10,50000');
const PAGES = Number(arg('pages', '15'));
const ONLY = arg('only', '');
const CURVES = new Set(arg('curves', 'contributors,titles,domain').split(','));
const NOW = '2026-11-01T00:00:00.000Z';
const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString();

/** How the store rebuilds what it derives from rows written directly (its full, non-incremental path). */
async function rebuildValues(
  trx: Kysely<DB>,
  profileId: string,
  keys: Array<{ field: string; value: string }>,
) {
  await refreshValues(
    trx,
    keys.map((k) => ({ profileId, ...k })),
  );
}
async function rebuildCompany(trx: Kysely<DB>, domain: string) {
  await recomputeCompanies(trx, [domain], NOW);
}

async function member(
  db: Kysely<DB>,
  i: number | string,
): Promise<{ connectionId: string; contributorId: string }> {
  await db
    .insertInto('contributors')
    .values({ id: `u-${i}`, email: `m${i}@members.example.org`, created_at: NOW })
    .execute();
  await db
    .insertInto('connections')
    .values({
      id: `k-${i}`,
      contributor_id: `u-${i}`,
      kind: 'mailbox',
      account: `m${i}`,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  return { connectionId: `k-${i}`, contributorId: `u-${i}` };
}

function message(
  key: string,
  email: string,
  at: string,
  fields: Array<[ObservationInput['field'], string]>,
): PageItem {
  return {
    messageKey: key,
    observations: fields.map(([field, raw]) => ({
      email,
      field,
      value: raw.toLowerCase(),
      raw,
      source: 'signature' as const,
      observedAt: at,
    })),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A page's median wall time, and its mean CPU time (this process and its PostgreSQL backends), in ms. */
interface PageCost {
  ms: number;
  cpuMs: number;
}

async function timePages(
  db: Kysely<DB>,
  pages: Array<{ ctx: { connectionId: string; contributorId: string }; item: PageItem }>,
): Promise<PageCost> {
  // The history was written in one bulk transaction: on SQLite its WAL is copied back into the database
  // file now, not by the checkpoint of whichever timed page happens to cross the threshold (a harvest that
  // built the same history page by page would have paid for it along the way).
  if (!isPostgres(db)) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  const ms: number[] = [];
  const c0 = cpuNow();
  for (const { ctx, item } of pages) {
    const t0 = performance.now();
    await db
      .transaction()
      .execute((trx) => ingestPage(trx, { ...ctx, now: NOW, secretKey: null }, [item], gate));
    ms.push(performance.now() - t0);
  }
  const c1 = cpuNow();
  const cpuMs = ((c1.self - c0.self + c1.backends - c0.backends) * 1000) / pages.length;
  return { ms: median(ms), cpuMs };
}

const SENDER: Array<[ObservationInput['field'], string]> = [
  ['name', 'Dana Reyes'],
  ['title', 'Head of Procurement'],
  ['company', 'Globex Ltd'],
  ['phone.work', '+12125550142'],
];

/** A sender seen by n-1 other mailboxes, then pages from new mailboxes about the same sender. */
async function contributorsCurve(db: Kysely<DB>, n: number, tag: string): Promise<PageCost> {
  const email = `dana.reyes@globex-${tag}.com`;
  const first = await member(db, `${tag}-0`);
  await db
    .transaction()
    .execute((trx) =>
      ingestPage(
        trx,
        { ...first, now: NOW, secretKey: null },
        [message(`<${tag}-0@x>`, email, day(0), SENDER)],
        gate,
      ),
    );
  const p = await db.selectFrom('profiles').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const rows: Array<DB['observations']> = [];
  for (let i = 1; i < n; i++) {
    for (const [field, raw] of SENDER)
      rows.push({
        profile_id: p.id,
        field,
        value_norm: raw.toLowerCase(),
        raw,
        source: 'signature',
        connection_id: `k-${tag}-${i}`,
        contributor_id: `u-${tag}-${i}`,
        first_observed: day(i % 1000),
        last_observed: day(i % 1000),
        stored_at: NOW,
      });
  }
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'observations', rows);
    await rebuildValues(
      trx,
      p.id,
      SENDER.map(([field, raw]) => ({ field, value: raw.toLowerCase() })),
    );
  });
  const pages = [];
  for (let j = 0; j < PAGES; j++) {
    const ctx = await member(db, `${tag}-new-${j}`);
    pages.push({ ctx, item: message(`<${tag}-new-${j}@x>`, email, day(1000 + j), SENDER) });
  }
  return timePages(db, pages);
}

/** A sender whose title changed n times (one mailbox), then pages each bringing a newer title. */
async function titlesCurve(db: Kysely<DB>, n: number, tag: string): Promise<PageCost> {
  const email = `sam.hale@initech-${tag}.com`;
  const m = await member(db, tag);
  await db
    .transaction()
    .execute((trx) =>
      ingestPage(
        trx,
        { ...m, now: NOW, secretKey: null },
        [message(`<${tag}-0@x>`, email, day(0), [['title', 'Title 0']])],
        gate,
      ),
    );
  const p = await db.selectFrom('profiles').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const rows: Array<DB['observations']> = [];
  for (let i = 1; i <= n; i++)
    rows.push({
      profile_id: p.id,
      field: 'title',
      value_norm: `title ${i}`,
      raw: `Title ${i}`,
      source: 'signature',
      connection_id: m.connectionId,
      contributor_id: m.contributorId,
      first_observed: day(i),
      last_observed: day(i),
      stored_at: NOW,
    });
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'observations', rows);
    await rebuildValues(
      trx,
      p.id,
      rows.map((r) => ({ field: 'title', value: r.value_norm })),
    );
  });
  // One untimed page writes the job history of the n changes.
  await db
    .transaction()
    .execute((trx) =>
      ingestPage(
        trx,
        { ...m, now: NOW, secretKey: null },
        [message(`<${tag}-w@x>`, email, day(n + 1), [['title', `Title ${n + 1}`]])],
        gate,
      ),
    );
  const pages = [];
  for (let j = 0; j < PAGES; j++)
    pages.push({
      ctx: m,
      item: message(`<${tag}-new-${j}@x>`, email, day(n + 2 + j), [['title', `Title ${n + 2 + j}`]]),
    });
  return timePages(db, pages);
}

/** A company domain with n profiles, then pages each adding one new sender there. */
async function domainCurve(db: Kysely<DB>, n: number, tag: string): Promise<PageCost> {
  const domain = `bigcorp-${tag}.com`;
  const m = await member(db, tag);
  const profiles: Array<Insertable<DB['profiles']>> = [];
  for (let i = 0; i < n; i++)
    profiles.push({
      id: `p-${tag}-${String(i).padStart(6, '0')}`,
      email: `person${i}@${domain}`,
      domain,
      status: i % 2 ? 'listed' : 'pending',
      name: `Person ${i}`,
      title: null,
      department: null,
      company: i % 10 ? 'Bigcorp Inc' : 'Bigcorp',
      address: i % 3 ? '1 Main St, Springfield' : null,
      phones_json: '[]',
      emails_json: '[]',
      websites_json: JSON.stringify(i % 4 ? [`https://${domain}`] : []),
      social_json: '[]',
      first_seen: day(0),
      last_seen: day(0),
      listed_at: null,
      restricted_at: null,
      created_at: NOW,
      updated_at: NOW,
    });
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'profiles', profiles);
    await rebuildCompany(trx, domain);
  });
  const pages = [];
  for (let j = 0; j < PAGES; j++)
    pages.push({
      ctx: m,
      item: message(`<${tag}-new-${j}@x>`, `new${j}@${domain}`, day(10 + j), [
        ['name', `New ${j}`],
        ['company', 'Bigcorp Inc'],
        ['phone.work', '+12125550142'],
      ]),
    });
  return timePages(db, pages);
}

const CURVE_FNS = {
  contributors: { fn: contributorsCurve, sizes: CONTRIBUTORS, what: 'one sender seen by N mailboxes' },
  titles: { fn: titlesCurve, sizes: TITLES, what: 'one sender with N title changes' },
  domain: { fn: domainCurve, sizes: DOMAIN, what: 'one domain with N profiles' },
} as const;

async function run(label: string, d: Database): Promise<void> {
  // Untimed first pass at the smallest size: the first pages pay for JIT compilation and prepared
  // statements, which would inflate the smallest size's figure and flatter the ratio.
  for (const [name, c] of Object.entries(CURVE_FNS))
    if (CURVES.has(name)) await c.fn(d.db, c.sizes[0]!, `warm-${name}`);
  for (const [name, c] of Object.entries(CURVE_FNS)) {
    if (!CURVES.has(name)) continue;
    const figures: string[] = [];
    const at: PageCost[] = [];
    for (const n of c.sizes) {
      const cost = await c.fn(d.db, n, `${name}-${n}`);
      at.push(cost);
      figures.push(`N=${n.toLocaleString('en')}: ${cost.ms.toFixed(2)} ms (CPU ${cost.cpuMs.toFixed(2)} ms)`);
    }
    const ratio = (k: keyof PageCost) => (at[at.length - 1]![k] / at[0]![k]).toFixed(2);
    console.log(
      `${label.padEnd(9)} ${c.what.padEnd(32)} ${figures.join(', ')}  (largest/smallest ${ratio('ms')}, CPU ${ratio('cpuMs')})`,
    );
  }
}

console.log(
  `bench:growth on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), load average ${loadavg()[0]!.toFixed(1)}, ` +
    `Node ${process.version}; median wall time of ${PAGES} one-message pages per size, and their mean CPU time ` +
    `(this process and its PostgreSQL backends, read from /proc: the figure a loaded machine does not move)`,
);
watchBackends();
await onEachDialect('growth', ONLY, (dialect, d) => run(dialect, d));
