/**
 * The credits ledger: append-only entries, balance = SUM(amount), never a mutable column. Every entry has a
 * unique idempotency key, so replays, re-harvests and concurrent contributors never double-credit.
 * Amounts and rules come from src/credits/policy.ts only.
 *
 * Functions for other modules (all take the caller's transaction):
 *   listContact(trx, gate, profileId, now)      privacy (window passed, restriction lifted)
 *   awardConnectionBonus(trx, connectionId, now) when a connection is made
 *   forfeitContributor(trx, contributorId, now)  on opt-out
 *   spendCredits(trx, contributorId, amount, key, now)
 *   balanceOf(db, contributorId), ledgerEntries(db, { contributorId })
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { orderedId } from './ids.ts';
import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from '../credits/policy.ts';
import type { PrivacyGate } from './privacy-gate.ts';
import type { LedgerKind } from './tables.ts';
import { syncCompanies } from './companies.ts';
import { chunks, IN_LIST, isPostgres } from './sql-util.ts';
import { insertRows, onConflict } from '../db/insert-rows.ts';

const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** Appends one entry unless its idempotency key exists; returns the amount actually added (0 on replay). */
export async function appendEntry(
  trx: Kysely<DB>,
  e: {
    contributorId: string;
    kind: LedgerKind;
    amount: number;
    key: string;
    connectionId?: string | null;
    profileId?: string | null;
    now: string;
  },
): Promise<number> {
  if (!Number.isInteger(e.amount) || e.amount === 0) return 0;
  const rows = await trx
    .insertInto('ledger_entries')
    .values({
      id: orderedId(),
      contributor_id: e.contributorId,
      kind: e.kind,
      amount: e.amount,
      idempotency_key: e.key,
      connection_id: e.connectionId ?? null,
      profile_id: e.profileId ?? null,
      created_at: e.now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .execute();
  return rows.length ? e.amount : 0;
}

async function optedOut(trx: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom('contributors')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'opted-out')
    .execute();
  return new Set(rows.map((r) => r.id));
}

export interface ListOutcome {
  /** True when this call moved the profile from pending to listed. */
  listed: boolean;
  creditsAwarded: number;
}

/**
 * Lists a pending contact and credits `contact-listed` to each distinct contributor who supplied it (before
 * listing; later suppliers of an already listed contact are duplicates and earn nothing for it). Idempotent:
 * listing again changes nothing. Refuses restricted or suppressed (erased) contacts: the suppression list is
 * asked through `gate` (src/store/privacy-gate.ts), without counting a blocked re-add.
 */
export async function listContact(
  trx: Kysely<DB>,
  gate: Pick<PrivacyGate, 'suppressedAmong'>,
  profileId: string,
  now: Date | string = new Date(),
  policy: Readonly<CreditPolicy> = DEFAULT_CREDIT_POLICY,
): Promise<ListOutcome> {
  return listContactInTrx(trx, gate, String(profileId), new Date(now).toISOString(), policy);
}

export async function listContactInTrx(
  trx: Kysely<DB>,
  gate: Pick<PrivacyGate, 'suppressedAmong'>,
  profileId: string,
  now: string,
  policy: Readonly<CreditPolicy>,
): Promise<ListOutcome> {
  const p = await trx
    .selectFrom('profiles')
    .select(['id', 'email', 'domain', 'status', 'listed_at'])
    .where('id', '=', profileId)
    .executeTakeFirst();
  if (!p || p.status !== 'pending') return { listed: false, creditsAwarded: 0 };
  if ((await gate.suppressedAmong(trx, [p.email], { now, record: false })).size > 0)
    return { listed: false, creditsAwarded: 0 };
  // Conditional update: of two concurrent listings only one sees a row change.
  const res = await trx
    .updateTable('profiles')
    .set({ status: 'listed', listed_at: p.listed_at ?? now, updated_at: now })
    .where('id', '=', profileId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return { listed: false, creditsAwarded: 0 };
  await syncCompanies(trx, [profileId], now);
  // Listed again after a lifted restriction: credit was earned at the first listing, never twice, and
  // whoever supplied it while it was listed supplied a duplicate.
  const earlier = await trx
    .selectFrom('ledger_entries')
    .select('id')
    .where('profile_id', '=', profileId)
    .where('kind', '=', 'contact-listed')
    .executeTakeFirst();
  if (earlier || p.listed_at !== null) return { listed: true, creditsAwarded: 0 };
  const contributors = (
    await trx
      .selectFrom('observations')
      .select('contributor_id')
      .distinct()
      .where('profile_id', '=', profileId)
      .execute()
  )
    .map((r) => r.contributor_id)
    .sort();
  const out = policy.creditOptedOut ? new Set<string>() : await optedOut(trx, contributors);
  let credits = 0;
  for (const c of contributors) {
    if (out.has(c)) continue;
    credits += await appendEntry(trx, {
      contributorId: c,
      kind: 'contact-listed',
      amount: policy.contactListed,
      key: `contact-listed:${profileId}:${c}`,
      profileId,
      now,
    });
  }
  return { listed: true, creditsAwarded: credits };
}

/**
 * Batch listing for `ingestPage`: profiles created in the caller's transaction whose privacy decision needs
 * no wait. Only `contributorId` can have supplied them. Returns the credits awarded.
 */
export async function listCreatedContacts(
  trx: Kysely<DB>,
  profileIds: string[],
  contributorId: string,
  now: string,
  policy: Readonly<CreditPolicy>,
): Promise<number> {
  if (profileIds.length === 0) return 0;
  let listed: string[] = [];
  for (const part of chunks(profileIds, IN_LIST)) {
    if (isPostgres(trx)) {
      // One round trip: PostgreSQL finds the rows by id and returns those it listed.
      const rows = await trx
        .updateTable('profiles')
        .set({ status: 'listed', listed_at: now, updated_at: now })
        .where('id', 'in', part)
        .where('status', '=', 'pending')
        .returning('id')
        .execute();
      listed = listed.concat(rows.map((r) => r.id));
      continue;
    }
    // Status is checked on rows found by id: with `status = 'pending'` in the WHERE, SQLite picks the status
    // index (every pending profile) over the primary key, a scan that grew with the directory.
    const pending = (
      await trx.selectFrom('profiles').select(['id', 'status']).where('id', 'in', part).execute()
    )
      .filter((r) => r.status === 'pending')
      .map((r) => r.id);
    if (pending.length === 0) continue;
    await trx
      .updateTable('profiles')
      .set({ status: 'listed', listed_at: now, updated_at: now })
      .where('id', 'in', pending)
      .execute();
    listed = listed.concat(pending);
  }
  if (listed.length === 0 || policy.contactListed === 0) return 0;
  if (!policy.creditOptedOut && (await optedOut(trx, [contributorId])).size) return 0;
  let credits = 0;
  const rows = await insertRows(
    trx,
    'ledger_entries',
    listed.map((profileId) => ({
      id: orderedId(),
      contributor_id: contributorId,
      kind: 'contact-listed' as const,
      amount: policy.contactListed,
      idempotency_key: `contact-listed:${profileId}:${contributorId}`,
      connection_id: null,
      profile_id: profileId,
      created_at: now,
    })),
    { conflict: onConflict(['idempotency_key']), returning: ['id'] },
  );
  credits += rows.length * policy.contactListed;
  return credits;
}

/** `field-confirmed` for a new winning value on a listed contact; once per (contact, field, value). */
export async function awardFieldConfirmed(
  trx: Kysely<DB>,
  contributorId: string,
  profileId: string,
  field: string,
  value: string,
  now: string,
  policy: Readonly<CreditPolicy> = DEFAULT_CREDIT_POLICY,
): Promise<number> {
  if (!policy.fieldConfirmedFields.includes(field)) return 0;
  if (!policy.creditOptedOut && (await optedOut(trx, [contributorId])).size) return 0;
  return appendEntry(trx, {
    contributorId,
    kind: 'field-confirmed',
    amount: policy.fieldConfirmed,
    key: `field-confirmed:${profileId}:${field}:${digest(value)}`,
    profileId,
    now,
  });
}

/**
 * The connection bonus, once per source: keyed by contributor + kind + account, so disconnecting and
 * reconnecting the same mailbox earns nothing more. Returns the amount awarded (0 if already given).
 */
export async function awardConnectionBonus(
  trx: Kysely<DB>,
  connectionId: string,
  now: Date | string = new Date(),
  policy: Readonly<CreditPolicy> = DEFAULT_CREDIT_POLICY,
): Promise<number> {
  const c = await trx
    .selectFrom('connections')
    .select(['id', 'contributor_id', 'kind', 'account'])
    .where('id', '=', connectionId)
    .executeTakeFirst();
  if (!c) return 0;
  if (!policy.creditOptedOut && (await optedOut(trx, [c.contributor_id])).size) return 0;
  return appendEntry(trx, {
    contributorId: c.contributor_id,
    kind: 'connection-bonus',
    amount: policy.connectionBonus,
    key: `connection-bonus:${c.contributor_id}:${c.kind}:${digest(c.account.trim().toLowerCase())}`,
    connectionId,
    now: new Date(now).toISOString(),
  });
}

/** On opt-out: one `opt-out-forfeit` entry of minus the positive balance. Returns the amount forfeited (>= 0). */
export async function forfeitContributor(
  trx: Kysely<DB>,
  contributorId: string,
  now: Date | string = new Date(),
  policy: Readonly<CreditPolicy> = DEFAULT_CREDIT_POLICY,
): Promise<number> {
  if (!policy.forfeitOnOptOut) return 0;
  const at = new Date(now).toISOString();
  const balance = await balanceOf(trx, contributorId);
  if (balance <= 0) return 0;
  const n = await appendEntry(trx, {
    contributorId,
    kind: 'opt-out-forfeit',
    amount: -balance,
    key: `opt-out-forfeit:${contributorId}:${at}`,
    now: at,
  });
  return -n;
}

export type SpendOutcome =
  | { ok: true; replayed: boolean; balance: number }
  | { ok: false; code: 'insufficient-credits' | 'bad-amount'; balance: number };

/** Spends credits once per idempotency key; never takes the balance below zero. */
export async function spendCredits(
  trx: Kysely<DB>,
  contributorId: string,
  amount: number,
  idempotencyKey: string,
  now: Date | string = new Date(),
): Promise<SpendOutcome> {
  const key = `spend:${contributorId}:${idempotencyKey}`;
  const balance = await balanceOf(trx, contributorId);
  if (!Number.isInteger(amount) || amount <= 0) return { ok: false, code: 'bad-amount', balance };
  const prior = await trx
    .selectFrom('ledger_entries')
    .select('id')
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (prior) return { ok: true, replayed: true, balance };
  if (balance < amount) return { ok: false, code: 'insufficient-credits', balance };
  const n = await appendEntry(trx, {
    contributorId,
    kind: 'spend',
    amount: -amount,
    key,
    now: new Date(now).toISOString(),
  });
  return { ok: true, replayed: n === 0, balance: balance + n };
}

export async function balanceOf(db: Kysely<DB>, contributorId: string): Promise<number> {
  const r = await db
    .selectFrom('ledger_entries')
    .select(sql<number | string | null>`SUM(amount)`.as('total'))
    .where('contributor_id', '=', contributorId)
    .executeTakeFirst();
  return Number(r?.total ?? 0);
}

export interface LedgerEntryView {
  kind: LedgerKind;
  amount: number;
  createdAt: string;
  contributor: string;
}

/** Entries (oldest first) with the contributor's email; filtered by contributor when given. */
export async function ledgerEntries(
  db: Kysely<DB>,
  opts: { contributorId?: string } = {},
): Promise<LedgerEntryView[]> {
  let q = db
    .selectFrom('ledger_entries as l')
    .leftJoin('contributors as c', 'c.id', 'l.contributor_id')
    .select(['l.kind', 'l.amount', 'l.created_at', 'l.contributor_id', 'c.email']);
  if (opts.contributorId) q = q.where('l.contributor_id', '=', opts.contributorId);
  const rows = await q.orderBy('l.created_at').orderBy('l.id').execute();
  return rows.map((r) => ({
    kind: r.kind,
    amount: Number(r.amount),
    createdAt: r.created_at,
    contributor: r.email ?? r.contributor_id,
  }));
}
