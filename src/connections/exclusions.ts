/**
 * A member's exclusions from sharing (issue 11, contributor control), kept per member in
 * `member_exclusions` (migrations/0140): a person (address), a whole domain with its subdomains (the
 * member's own clients), or a folder or label of one of the member's connections. The harvest loads them
 * per connection (`exclusionRules`) and src/pipeline/exclude.ts applies them to every page before the store
 * sees it, real harvests and dry runs alike; removing a rule takes effect on the next harvest.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { foldEmailCase, getContributorByEmail } from './repository.ts';

export type ExclusionKind = 'address' | 'domain' | 'folder';

/** A rule as the CLI (`sigmine exclusions ... --json`) and the member page show it. */
export interface Exclusion {
  id: string;
  kind: ExclusionKind;
  /** The address, the domain, or the folder/label name. */
  value: string;
  /** The connection of a folder rule; null for address and domain rules (every connection). */
  connectionId: string | null;
  createdAt: string;
}

export interface ExclusionInput {
  kind: ExclusionKind;
  value: string;
  connectionId?: string | null;
}

/**
 * Why a folder rule on a connection of this kind can match nothing, or null when its messages carry
 * folders (IMAP folders, Gmail labels by name or id, mailbox subfolders). Outlook sources read the Inbox
 * only (connectors/outlook/index.ts); calendars and address books have no folders.
 */
export function folderRuleLimit(kind: string): string | null {
  if (kind === 'gmail' || kind === 'imap' || kind === 'mailbox') return null;
  if (kind === 'outlook')
    return 'Outlook sources are read from the Inbox only, so a folder rule on one matches nothing: exclude people or domains instead.';
  return 'Calendars and address books have no folders, so a folder rule on one matches nothing: exclude people or domains instead.';
}

/** A domain: labels of letters, digits and hyphens (IDN letters too), at least two of them, 253 characters at most. */
const DOMAIN = /^[\p{L}\p{N}-]{1,63}(\.[\p{L}\p{N}-]{1,63})+$/u;
const ADDRESS = /^[^\s@]{1,64}@[^\s@]{1,253}$/;
const MAX_FOLDER = 200;

async function memberId(db: Kysely<DB>, email: string): Promise<string> {
  const m = await getContributorByEmail(db, email);
  if (!m) throw new AppError('not-found', `no member ${foldEmailCase(email)}`);
  return m.id;
}

/** The rule as stored: checked and folded (addresses and domains lower-case; "@acme.com" means acme.com). */
async function checked(db: Kysely<DB>, contributorId: string, r: ExclusionInput) {
  const raw = r.value.trim();
  if (r.kind === 'address') {
    const v = foldEmailCase(raw);
    if (!ADDRESS.test(v)) throw new AppError('bad-input', `not an e-mail address: ${raw.slice(0, 80)}`);
    return { kind: r.kind, value: v, connection_id: '' };
  }
  if (r.kind === 'domain') {
    const v = raw.toLowerCase().replace(/^(\*\.|@)/, '');
    if (v.length > 253 || !DOMAIN.test(v))
      throw new AppError('bad-input', `not a domain: ${raw.slice(0, 80)}`);
    return { kind: r.kind, value: v, connection_id: '' };
  }
  if (r.kind !== 'folder') throw new AppError('bad-input', `unknown exclusion kind ${String(r.kind)}`);
  if (!raw || raw.length > MAX_FOLDER)
    throw new AppError('bad-input', `a folder or label name has 1 to ${MAX_FOLDER} characters`);
  const conn = await db
    .selectFrom('connections')
    .select('id')
    .where('id', '=', r.connectionId ?? '')
    .where('contributor_id', '=', contributorId)
    .executeTakeFirst();
  if (!conn) throw new AppError('not-found', `no connection ${r.connectionId ?? ''} of this member`);
  return { kind: r.kind, value: raw, connection_id: conn.id };
}

type Row = { id: string; kind: ExclusionKind; value: string; connection_id: string; created_at: string };
const shown = (r: Row): Exclusion => ({
  id: r.id,
  kind: r.kind,
  value: r.value,
  connectionId: r.connection_id || null,
  createdAt: r.created_at,
});

/** Adds a rule (adding it again changes nothing and returns the rule as it was). */
export async function addExclusion(
  db: Kysely<DB>,
  memberEmail: string,
  input: ExclusionInput,
): Promise<Exclusion> {
  const contributorId = await memberId(db, memberEmail);
  const rule = await checked(db, contributorId, input);
  const row = {
    id: randomUUID(),
    contributor_id: contributorId,
    ...rule,
    created_at: new Date().toISOString(),
  };
  await db
    .insertInto('member_exclusions')
    .values(row)
    .onConflict((oc) => oc.columns(['contributor_id', 'kind', 'connection_id', 'value']).doNothing())
    .execute();
  const stored = await db
    .selectFrom('member_exclusions')
    .select(['id', 'kind', 'value', 'connection_id', 'created_at'])
    .where('contributor_id', '=', contributorId)
    .where('kind', '=', rule.kind)
    .where('connection_id', '=', rule.connection_id)
    .where('value', '=', rule.value)
    .executeTakeFirstOrThrow();
  return shown(stored);
}

/** The member's rules: addresses, then domains, then folders, each by value. */
export async function listExclusions(db: Kysely<DB>, memberEmail: string): Promise<Exclusion[]> {
  const contributorId = await memberId(db, memberEmail);
  const rows = await db
    .selectFrom('member_exclusions')
    .select(['id', 'kind', 'value', 'connection_id', 'created_at'])
    .where('contributor_id', '=', contributorId)
    .orderBy('kind')
    .orderBy('connection_id')
    .orderBy('value')
    .execute();
  return rows.map(shown);
}

/** Removes a rule, by its id or by what it says; `not-found` when the member has no such rule. */
export async function removeExclusion(
  db: Kysely<DB>,
  memberEmail: string,
  which: ExclusionInput | { id: string },
): Promise<Exclusion> {
  const contributorId = await memberId(db, memberEmail);
  let q = db
    .selectFrom('member_exclusions')
    .select(['id', 'kind', 'value', 'connection_id', 'created_at'])
    .where('contributor_id', '=', contributorId);
  if ('id' in which) q = q.where('id', '=', which.id);
  else {
    const rule = await checked(db, contributorId, which);
    q = q
      .where('kind', '=', rule.kind)
      .where('connection_id', '=', rule.connection_id)
      .where('value', '=', rule.value);
  }
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('not-found', 'no such exclusion for this member');
  await db.deleteFrom('member_exclusions').where('id', '=', row.id).execute();
  return shown(row);
}

/** The rules a harvest of this connection applies (the member's addresses and domains, its folders). */
export async function exclusionRules(
  db: Kysely<DB>,
  contributorId: string,
  connectionId: string,
): Promise<{ addresses: Set<string>; domains: Set<string>; folders: Set<string> }> {
  const rows = await db
    .selectFrom('member_exclusions')
    .select(['kind', 'value', 'connection_id'])
    .where('contributor_id', '=', contributorId)
    .where('connection_id', 'in', ['', connectionId])
    .execute();
  const pick = (k: ExclusionKind) => new Set(rows.filter((r) => r.kind === k).map((r) => r.value));
  return { addresses: pick('address'), domains: pick('domain'), folders: pick('folder') };
}

/**
 * Erasure and objection (src/privacy/erase.ts): an address rule names the person, and the suppression list
 * now keeps them out of every member's sharing, so members' rules for that address are deleted with the rest
 * of what is held about them. Returns how many rules went.
 */
export async function forgetExcludedAddress(db: Kysely<DB>, email: string): Promise<number> {
  const r = await db
    .deleteFrom('member_exclusions')
    .where('kind', '=', 'address')
    .where('value', '=', foldEmailCase(email))
    .executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}
