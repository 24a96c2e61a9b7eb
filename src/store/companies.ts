/**
 * Companies, keyed by registrable domain (tldts): name, website and address by majority over the domain's
 * visible (pending or listed) profiles (ties: the value first in code-point order); `contacts_count` counts
 * LISTED profiles only.
 *
 * Kept as running tallies, so that a page adding one profile to a domain of fifty thousand costs the page:
 *   - `company_members`: what each visible profile currently contributes (domain, listed or not, company,
 *     address, websites of its domain); the difference between this and the profile row is the change;
 *   - `company_tallies`: per domain, how many visible profiles give each name, website and address, and the
 *     counts `#visible` and `#listed` (value ''); the majority is the first row of an index in
 *     (domain, kind, n desc, value) order;
 *   - `companies`: the row read by the directory, rewritten when its majority or count changes.
 * `syncCompanies(profileIds)` is the incremental path (whoever changes a profile's status, company, address
 * or websites calls it, or erases it and calls it); `recomputeCompanies(domains)` the full one.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { compareCodePoints } from './merge.ts';
import { chunks, IN_LIST, isPostgres } from './sql-util.ts';
import { insertRows, onConflict, takeExcluded } from '../db/insert-rows.ts';

type Member = DB['company_members'];
interface ProfilePart {
  id: string;
  domain: string;
  status: string;
  company: string | null;
  address: string | null;
  websites_json: string;
}

/** The count kinds of the tallies (value ''); the majority kinds are name, website and address. */
const VISIBLE = '#visible';
const LISTED = '#listed';

/** What a profile contributes to its company; null when it contributes nothing (restricted or gone). */
export function memberOf(p: ProfilePart | undefined): Member | null {
  if (!p || p.status === 'restricted') return null;
  const d = p.domain;
  const sites = (JSON.parse(p.websites_json) as string[]).filter((w) => w.toLowerCase().includes(d));
  return {
    profile_id: p.id,
    domain: d,
    listed: p.status === 'listed' ? 1 : 0,
    company: p.company || null,
    address: p.address || null,
    websites_json: JSON.stringify(sites),
  };
}

/** The tally entries of one member: [kind, value] pairs, each counting one. */
function entries(m: Member): Array<[string, string]> {
  const out: Array<[string, string]> = [[VISIBLE, '']];
  if (Number(m.listed)) out.push([LISTED, '']);
  if (m.company) out.push(['name', m.company]);
  if (m.address) out.push(['address', m.address]);
  for (const w of JSON.parse(m.websites_json) as string[]) if (w) out.push(['website', w]);
  return out;
}

const sameMember = (a: Member | null, b: Member | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.domain === b.domain &&
    Number(a.listed) === Number(b.listed) &&
    a.company === b.company &&
    a.address === b.address &&
    a.websites_json === b.websites_json);

/** Each profile's row and what it contributed so far, in one read (either may be missing). */
async function profilesAndMembers(
  trx: Kysely<DB>,
  part: string[],
): Promise<{ profiles: Map<string, ProfilePart>; before: Map<string, Member> }> {
  const { rows } = await sql<{
    id: string;
    p_id: string | null;
    p_domain: string;
    status: string;
    p_company: string | null;
    p_address: string | null;
    p_websites_json: string;
    m_id: string | null;
    m_domain: string;
    listed: number;
    m_company: string | null;
    m_address: string | null;
    m_websites_json: string;
  }>`with k(id) as (values ${sql.join(part.map((id) => sql`(${id})`))})
    select k.id, p.id as p_id, p.domain as p_domain, p.status, p.company as p_company,
      p.address as p_address, p.websites_json as p_websites_json,
      m.profile_id as m_id, m.domain as m_domain, m.listed, m.company as m_company,
      m.address as m_address, m.websites_json as m_websites_json
    from k left join profiles p on p.id = k.id left join company_members m on m.profile_id = k.id`.execute(
    trx,
  );
  const profiles = new Map<string, ProfilePart>();
  const before = new Map<string, Member>();
  for (const r of rows) {
    if (r.p_id !== null)
      profiles.set(r.id, {
        id: r.id,
        domain: r.p_domain,
        status: r.status,
        company: r.p_company,
        address: r.p_address,
        websites_json: r.p_websites_json,
      });
    if (r.m_id !== null)
      before.set(r.id, {
        profile_id: r.id,
        domain: r.m_domain,
        listed: r.listed,
        company: r.m_company,
        address: r.m_address,
        websites_json: r.m_websites_json,
      });
  }
  return { profiles, before };
}

/**
 * The incremental path: brings the companies of these profiles in step with their current rows (a profile
 * erased or restricted leaves its company; one listed, corrected or harvested moves its tallies). Reads the
 * profiles and what they contributed so far, writes the differences, then the changed companies. Idempotent.
 */
export async function syncCompanies(trx: Kysely<DB>, profileIds: string[], now: string): Promise<void> {
  const ids = [...new Set(profileIds)].sort();
  const delta = new Map<string, { domain: string; kind: string; value: string; n: number }>();
  const add = (m: Member, sign: number) => {
    for (const [kind, value] of entries(m)) {
      const k = `${m.domain}\u0000${kind}\u0000${value}`;
      const d = delta.get(k);
      if (d) d.n += sign;
      else delta.set(k, { domain: m.domain, kind, value, n: sign });
    }
  };
  const upserts: Member[] = [];
  const gone: string[] = [];
  for (const part of chunks(ids, IN_LIST)) {
    const { profiles, before } = await profilesAndMembers(trx, part);
    for (const id of part) {
      const was = before.get(id) ?? null;
      const is = memberOf(profiles.get(id));
      if (sameMember(was, is)) continue;
      if (was) add(was, -1);
      if (is) {
        add(is, +1);
        upserts.push(is);
      } else gone.push(id);
    }
  }
  if (delta.size === 0 && upserts.length === 0 && gone.length === 0) return;
  await insertRows(trx, 'company_members', upserts, {
    conflict: onConflict(
      ['profile_id'],
      takeExcluded(['domain', 'listed', 'company', 'address', 'websites_json']),
    ),
  });
  for (const part of chunks(gone, IN_LIST))
    await trx.deleteFrom('company_members').where('profile_id', 'in', part).execute();
  // In one order everywhere: concurrent pages on PostgreSQL lock shared tally rows (a domain's counts) in
  // the same sequence instead of deadlocking. The order is that of the delta's keys (domain, kind, value).
  const changed = [...delta]
    .filter(([, d]) => d.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d);
  await applyTallies(trx, changed);
  await writeCompanies(trx, [...new Set([...delta.values()].map((d) => d.domain))], now);
}

async function applyTallies(
  trx: Kysely<DB>,
  deltas: Array<{ domain: string; kind: string; value: string; n: number }>,
) {
  await insertRows(trx, 'company_tallies', deltas, {
    conflict: onConflict(['domain', 'kind', 'value'], { n: 'company_tallies.n + excluded.n' }),
  });
  // A value nobody gives any more leaves the tally (and with it the majority).
  const emptied = deltas.filter((d) => d.n < 0);
  for (const part of chunks(emptied, 256)) {
    await trx
      .deleteFrom('company_tallies')
      .where('n', '<=', 0)
      .where(
        sql<boolean>`(domain, kind, value) in (values ${sql.join(part.map((d) => sql`(${d.domain}, ${d.kind}, ${d.value})`))})`,
      )
      .execute();
  }
}

/**
 * Writes the company rows of these domains from their tallies: five index probes per domain (three
 * majorities, two counts), whatever the number of profiles. A domain without visible profile has none.
 */
async function writeCompanies(trx: Kysely<DB>, domains: string[], now: string): Promise<void> {
  const pg = isPostgres(trx);
  const top = (kind: string) =>
    sql`(select t.value from company_tallies t where t.domain = v.d and t.kind = ${kind} order by t.n desc, t.value${sql.raw(pg ? ' collate "C"' : '')} limit 1)`;
  const count = (kind: string) =>
    sql`(select t.n from company_tallies t where t.domain = v.d and t.kind = ${kind} and t.value = '')`;
  for (const part of chunks(domains.sort(), 256)) {
    // The majorities and counts beside the stored row, in one round trip.
    const rows = (
      await sql<{
        d: string;
        name: string | null;
        website: string | null;
        address: string | null;
        listed: number | null;
        visible: number | null;
        c_domain: string | null;
        c_name: string | null;
        c_website: string | null;
        c_address: string | null;
        c_count: number | null;
      }>`
        with v(d) as (values ${sql.join(part.map((d) => sql`(${d})`))})
        select v.d, ${top('name')} as name, ${top('website')} as website, ${top('address')} as address,
          ${count(LISTED)} as listed, ${count(VISIBLE)} as visible, c.domain as c_domain, c.name as c_name,
          c.website as c_website, c.address as c_address, c.contacts_count as c_count
        from v left join companies c on c.domain = v.d`.execute(trx)
    ).rows;
    const current = new Map(
      rows
        .filter((r) => r.c_domain !== null)
        .map((r) => [
          r.d,
          { name: r.c_name, website: r.c_website, address: r.c_address, contacts_count: r.c_count },
        ]),
    );
    const writes: Insertable<DB['companies']>[] = [];
    const empty: string[] = [];
    for (const r of rows) {
      if (!Number(r.visible)) {
        if (current.has(r.d)) empty.push(r.d);
        continue;
      }
      const next = {
        domain: r.d,
        name: r.name ?? null,
        website: r.website ?? null,
        address: r.address ?? null,
        contacts_count: Number(r.listed ?? 0),
        updated_at: now,
      };
      const c = current.get(r.d);
      if (
        c &&
        c.name === next.name &&
        c.website === next.website &&
        c.address === next.address &&
        Number(c.contacts_count) === next.contacts_count
      )
        continue;
      writes.push(next);
    }
    await insertRows(trx, 'companies', writes, {
      conflict: onConflict(
        ['domain'],
        takeExcluded(['name', 'website', 'address', 'contacts_count', 'updated_at']),
      ),
    });
    if (empty.length) await trx.deleteFrom('companies').where('domain', 'in', empty).execute();
  }
}

/** The majority of non-empty values; ties go to the value first in code-point order. */
function majority(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts)
    if (c > n || (c === n && best !== null && compareCodePoints(v, best) < 0)) [best, n] = [v, c];
  return best;
}

/** A company row as its domain's profiles make it, from scratch (the definition the tallies keep). */
export function companyFromProfiles(domain: string, profiles: ProfilePart[]) {
  const members = profiles.map(memberOf).filter((m): m is Member => m !== null);
  if (members.length === 0) return null;
  return {
    domain,
    name: majority(members.map((m) => m.company)),
    website: majority(members.flatMap((m) => JSON.parse(m.websites_json) as string[])),
    address: majority(members.map((m) => m.address)),
    contacts_count: members.filter((m) => Number(m.listed)).length,
  };
}

/**
 * The full path (maintenance, and rows written outside the store): rebuilds the members, tallies and
 * company rows of these domains from their profiles. Reads every profile of each domain.
 */
export async function recomputeCompanies(trx: Kysely<DB>, domains: string[], now: string): Promise<void> {
  for (const part of chunks([...new Set(domains)].sort(), IN_LIST)) {
    await trx.deleteFrom('company_members').where('domain', 'in', part).execute();
    await trx.deleteFrom('company_tallies').where('domain', 'in', part).execute();
    const ps = await trx
      .selectFrom('profiles')
      .select(['id', 'domain', 'status', 'company', 'address', 'websites_json'])
      .where('domain', 'in', part)
      .execute();
    const members = ps.map(memberOf).filter((m): m is Member => m !== null);
    const tally = new Map<string, { domain: string; kind: string; value: string; n: number }>();
    for (const m of members)
      for (const [kind, value] of entries(m)) {
        const k = `${m.domain}\u0000${kind}\u0000${value}`;
        const t = tally.get(k);
        if (t) t.n += 1;
        else tally.set(k, { domain: m.domain, kind, value, n: 1 });
      }
    await insertRows(trx, 'company_members', members);
    await insertRows(trx, 'company_tallies', [...tally.values()]);
    await writeCompanies(trx, part, now);
  }
}
