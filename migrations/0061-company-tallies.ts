/**
 * Companies become running tallies (src/store/companies.ts `syncCompanies`): a page that adds a profile to a
 * domain moves that domain's counts instead of re-reading every profile of the domain.
 *
 * - `company_members`: what each visible (pending or listed) profile contributes to its company. No
 *   foreign key to profiles on purpose: an erasure deletes the profile first and the store then reads this
 *   row to take its contribution back out of the tallies.
 * - `company_tallies`: per domain, how many visible profiles give each name, website and address, and the
 *   counts `#visible` and `#listed` (value ''); the index in (domain, kind, n desc, value) order makes each
 *   majority one probe. Values compare in code-point order (`COLLATE "C"` on PostgreSQL).
 * Both filled here from the profiles, domain by domain, and every company row rewritten from them (ties now
 * go to the value first in code-point order).
 *
 * Frozen: no application code is imported; the contribution and majority rules are copies of the store's
 * as of this migration.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

const DOMAINS_PER_BATCH = 200;
const ROWS_PER_INSERT = 200;

interface Member {
  profile_id: string;
  domain: string;
  listed: number;
  company: string | null;
  address: string | null;
  websites_json: string;
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const k = (c: number) => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
    return k(x) - k(y);
  }
  return a.length - b.length;
}

function memberOf(p: {
  id: string;
  domain: string;
  status: string;
  company: string | null;
  address: string | null;
  websites_json: string;
}): Member | null {
  if (p.status === 'restricted') return null;
  const sites = (JSON.parse(p.websites_json) as string[]).filter((w) => w.toLowerCase().includes(p.domain));
  return {
    profile_id: p.id,
    domain: p.domain,
    listed: p.status === 'listed' ? 1 : 0,
    company: p.company || null,
    address: p.address || null,
    websites_json: JSON.stringify(sites),
  };
}

function entries(m: Member): Array<[string, string]> {
  const out: Array<[string, string]> = [['#visible', '']];
  if (m.listed) out.push(['#listed', '']);
  if (m.company) out.push(['name', m.company]);
  if (m.address) out.push(['address', m.address]);
  for (const w of JSON.parse(m.websites_json) as string[]) if (w) out.push(['website', w]);
  return out;
}

/** The most frequent value; ties to the value first in code-point order. */
function top(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts)
    if (c > n || (c === n && best !== null && compareCodePoints(v, best) < 0)) [best, n] = [v, c];
  return best;
}

function atomically(db: Kysely<any>, fn: (db: Kysely<any>) => Promise<void>): Promise<void> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? db.transaction().execute(fn) : fn(db);
}

async function insertAll(db: Kysely<any>, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (db) => {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema
      .createTable('company_members')
      .addColumn('profile_id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('domain', 'varchar(253)', (c) => c.notNull())
      .addColumn('listed', 'integer', (c) => c.notNull())
      .addColumn('company', 'text')
      .addColumn('address', 'text')
      .addColumn('websites_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('company_members_domain_idx')
      .on('company_members')
      .column('domain')
      .execute();
    await db.schema
      .createTable('company_tallies')
      .addColumn('domain', 'varchar(253)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('value', 'text', (c) => (sqlite ? c.notNull() : c.notNull().modifyFront(sql`collate "C"`)))
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('company_tallies_pk', ['domain', 'kind', 'value'])
      .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
      .execute();
    await sql`create index company_tallies_top_idx on company_tallies (domain, kind, n desc, value)`.execute(
      db,
    );
    await fill(db);
  });
}

async function fill(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  let after: string | null = null;
  for (;;) {
    let q = db.selectFrom('profiles').select('domain').distinct().orderBy('domain').limit(DOMAINS_PER_BATCH);
    if (after !== null) q = q.where('domain', '>', after);
    const domains = (await q.execute()).map((r) => r.domain as string);
    if (domains.length === 0) break;
    after = domains[domains.length - 1]!;
    const profiles = await db
      .selectFrom('profiles')
      .select(['id', 'domain', 'status', 'company', 'address', 'websites_json'])
      .where('domain', 'in', domains)
      .execute();
    const members = profiles.map(memberOf).filter((m): m is Member => m !== null);
    const tallies = new Map<string, { domain: string; kind: string; value: string; n: number }>();
    for (const m of members)
      for (const [kind, value] of entries(m)) {
        const k = `${m.domain}\u0000${kind}\u0000${value}`;
        const t = tallies.get(k);
        if (t) t.n += 1;
        else tallies.set(k, { domain: m.domain, kind, value, n: 1 });
      }
    await insertAll(db, 'company_members', members);
    await insertAll(db, 'company_tallies', [...tallies.values()]);
    // Company rows from the tallies.
    const byDomain = new Map<string, Map<string, Map<string, number>>>();
    for (const t of tallies.values()) {
      let kinds = byDomain.get(t.domain);
      if (!kinds) byDomain.set(t.domain, (kinds = new Map()));
      let counts = kinds.get(t.kind);
      if (!counts) kinds.set(t.kind, (counts = new Map()));
      counts.set(t.value, t.n);
    }
    await db.deleteFrom('companies').where('domain', 'in', domains).execute();
    const rows = [...byDomain].map(([domain, kinds]) => ({
      domain,
      name: top(kinds.get('name') ?? new Map()),
      website: top(kinds.get('website') ?? new Map()),
      address: top(kinds.get('address') ?? new Map()),
      contacts_count: kinds.get('#listed')?.get('') ?? 0,
      updated_at: now,
    }));
    await insertAll(db, 'companies', rows);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('company_tallies').execute();
  await db.schema.dropTable('company_members').execute();
}
