/**
 * The member directory: what credits buy. Members search LISTED contacts for free (name, title, company and
 * which fields are on file, never the contributor) and spend credits to reveal a contact's e-mail and phones
 * (`reveal` in src/credits/policy.ts). Pending, restricted, objected and erased people never appear: only
 * `listed` profiles are read, and erasure deletes the profile.
 *
 * A reveal is one `spend` ledger entry keyed by member and contact (`spend:<member>:reveal:<profile>`), so
 * the same member revealing the same contact again pays nothing, and the balance never goes below 0
 * (`insufficient-credits`). The entry is the record of who received which contact (for GDPR Art. 19).
 */
import { AppError } from '../errors.ts';
import { sql, type Kysely } from 'kysely';
import type { Phone } from '../../parsers/types.ts';
import type { DB } from '../db/schema.ts';
import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from '../credits/policy.ts';
import { spendCredits } from './ledger.ts';

/** A search hit: enough to choose, not enough to contact. */
export interface DirectoryHit {
  id: string;
  name: string | null;
  title: string | null;
  company: string | null;
  domain: string;
  /** Which details a reveal would give or the profile holds: `email`, `phones`, `address`, `websites`, `social`. */
  onFile: string[];
  /** This member revealed the contact before: revealing it again is free. */
  revealed: boolean;
}

export interface Revealed {
  id: string;
  name: string | null;
  title: string | null;
  company: string | null;
  email: string;
  phones: Phone[];
  /** Credits spent by this reveal (0 when this member had revealed the contact before). */
  spent: number;
  balance: number;
}

const MAX_QUERY = 100;
const MAX_HITS = 50;

/**
 * The member a search or reveal is for, as src/connections looked them up (`directoryMember`): the store does
 * not read contributors itself. An opted-out member is refused here too (free access ended).
 */
export interface DirectoryMember {
  id: string;
  status: string;
}

function mustBeActive(m: DirectoryMember): void {
  if (m.status === 'opted-out')
    throw new AppError('opted-out', 'this member opted out: the directory is closed to them');
}

/** Listed contacts whose name, title, company or domain contains `query` (case-insensitive), at most 50. */
export async function searchDirectory(
  db: Kysely<DB>,
  member: DirectoryMember,
  query: string,
): Promise<DirectoryHit[]> {
  mustBeActive(member);
  const q = query.trim().toLowerCase().slice(0, MAX_QUERY);
  if (q.length < 2) throw new AppError('bad-input', 'search for at least 2 characters');
  // LIKE wildcards in the query are matched literally.
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = (col: string) =>
    sql<boolean>`lower(coalesce(${sql.ref(col)}, '')) like ${pattern} escape '\\'`;
  const rows = await db
    .selectFrom('profiles')
    .select([
      'id',
      'name',
      'title',
      'company',
      'domain',
      'address',
      'phones_json',
      'websites_json',
      'social_json',
    ])
    .where('status', '=', 'listed')
    .where((eb) => eb.or([like('name'), like('title'), like('company'), like('domain')]))
    .orderBy('name')
    .orderBy('id')
    .limit(MAX_HITS)
    .execute();
  const revealed = await revealedAmong(
    db,
    member.id,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    title: r.title,
    company: r.company,
    domain: r.domain,
    revealed: revealed.has(r.id),
    onFile: [
      'email',
      ...(r.phones_json !== '[]' ? ['phones'] : []),
      ...(r.address ? ['address'] : []),
      ...(r.websites_json !== '[]' ? ['websites'] : []),
      ...(r.social_json !== '[]' ? ['social'] : []),
    ],
  }));
}

/**
 * Reveals a listed contact's e-mail and phones to a member for `policy.reveal` credits, once; again for
 * free. Throws `not-found` for an id that is not a listed contact and `insufficient-credits` when the
 * balance is short (nothing is spent then).
 */
export async function revealContact(
  db: Kysely<DB>,
  member: DirectoryMember,
  profileId: string,
  now: Date = new Date(),
  policy: Readonly<CreditPolicy> = DEFAULT_CREDIT_POLICY,
): Promise<Revealed> {
  mustBeActive(member);
  return db.transaction().execute(async (trx) => {
    const p = await trx
      .selectFrom('profiles')
      .select(['id', 'email', 'name', 'title', 'company', 'phones_json'])
      .where('id', '=', profileId)
      .where('status', '=', 'listed')
      .executeTakeFirst();
    if (!p) throw new AppError('not-found', 'no listed contact with that id');
    const s = await spendCredits(trx, member.id, policy.reveal, `reveal:${p.id}`, now);
    if (!s.ok) {
      throw new AppError(s.code, `revealing costs ${policy.reveal} credits; the balance is ${s.balance}`);
    }
    return {
      id: p.id,
      name: p.name,
      title: p.title,
      company: p.company,
      email: p.email,
      phones: JSON.parse(p.phones_json) as Phone[],
      spent: s.replayed ? 0 : policy.reveal,
      balance: s.balance,
    };
  });
}

/** Which of these contacts the member revealed before (their reveal records, the `spend` entries' keys). */
async function revealedAmong(db: Kysely<DB>, memberId: string, profileIds: string[]): Promise<Set<string>> {
  if (profileIds.length === 0) return new Set();
  const key = (id: string) => `spend:${memberId}:reveal:${id}`;
  const rows = await db
    .selectFrom('ledger_entries')
    .select('idempotency_key')
    .where('idempotency_key', 'in', profileIds.map(key))
    .execute();
  const keys = new Set(rows.map((r) => r.idempotency_key));
  return new Set(profileIds.filter((id) => keys.has(key(id))));
}

/**
 * How many members revealed this contact (the recipients of its e-mail and phones, GDPR Art. 15(1)(c)); the
 * members themselves are not named to the person.
 */
export async function revealCount(db: Kysely<DB>, profileId: string): Promise<number> {
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'spend')
    .where('idempotency_key', 'like', `spend:%:reveal:${profileId}`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The members who revealed this contact (contributor ids, oldest reveal first): whom a rectification or an
 * erasure must be communicated to (GDPR Art. 19). Read from the reveal records (the `spend` entries), which
 * keep their key after the profile is erased.
 */
export async function revealersOf(db: Kysely<DB>, profileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['contributor_id', 'idempotency_key'])
    .where('kind', '=', 'spend')
    .where('idempotency_key', 'like', `spend:%:reveal:${profileId}`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // The LIKE's `_` and `%` only widen it; the exact key is checked here.
  return [
    ...new Set(
      rows
        .filter((r) => r.idempotency_key === `spend:${r.contributor_id}:reveal:${profileId}`)
        .map((r) => r.contributor_id),
    ),
  ];
}
