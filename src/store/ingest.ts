/**
 * `ingestPage`: the harvest's single entry into the directory store. Call it once per page, inside the
 * transaction that also saves the page's cursor (one transaction per page: a crash replays at most one page).
 *
 *   await db.transaction().execute(async (trx) => {
 *     const outcome = await ingestPage(trx, { connectionId, contributorId, now }, items, gate);
 *     await trx.updateTable('connections').set({ cursor_json }).where('id', '=', connectionId).execute();
 *   });
 *
 * Idempotent: a message already processed on this connection (same `messageKey`, remembered only as an
 * HMAC-SHA256 keyed hash) is skipped; observations are aggregated per contact/field/value/connection/source,
 * so even unkeyed replays add no rows and no credits. Per page:
 *   1. replayed messages dropped; new message keys recorded;
 *   2. unknown emails become contacts only with a business field (`BUSINESS_FIELDS`: a name from a header
 *      alone stores nothing), and are checked against the suppression list (`gate.suppressedAmong`)
 *      BEFORE anything is stored; in the same call, every address a value holds (a colleague's signature
 *      listing an erased person's address) is checked, and a suppressed one is dropped unstored;
 *      restricted profiles (status `restricted`, set by the privacy side's restriction through
 *      `restrictProfile`) are frozen: their observations are dropped;
 *   3. observations upserted (first/last observed widened), winners recomputed (src/store/merge.ts),
 *      job changes recorded in job_history;
 *   4. new profiles go through `gate.onNewContacts`, once per page (jurisdiction, notice); `listed` ones are
 *      listed at once (`listContact`, credits); changed phones/addresses go to `gate.onNewEvidence`;
 *   5. listed profiles whose field gained a new winning value credit `field-confirmed` to this contributor;
 *   6. companies of the touched profiles brought in step (running tallies per domain).
 * The contributor/connection is kept internally on observations and never leaves the store's queries.
 * Privacy is reached only through `gate` (src/store/privacy-gate.ts), which the caller passes in.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { getDomain } from 'tldts';
import type { DB } from '../db/schema.ts';
import type { PrivacyGate } from './privacy-gate.ts';
import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from '../credits/policy.ts';
import { HASH_PURPOSE, keyedHasher } from './keyed-hash.ts';
import { messageKeyHash } from './processed.ts';
import { BUSINESS_FIELDS, type IngestContext, type PageIngestOutcome, type PageItem } from './types.ts';
import { aggregatePage, observationRow, type Agg } from './page-observations.ts';
import { chunks, IN_LIST, isPostgres, maxIso, minIso, ROWS_PER_INSERT } from './sql-util.ts';
import { applyMerge, loadMergeInputs, mergedRecord } from './recompute.ts';
import { candidatesOf, type Candidate } from './merge.ts';
import { addPageValues } from './values.ts';
import { JOB_HISTORY_FIELDS } from './job-inputs.ts';
import { awardFieldConfirmed, listCreatedContacts } from './ledger.ts';
import { syncCompanies } from './companies.ts';
import { unlistProfile } from './profile-admin.ts';
import { orderedId } from './ids.ts';
import { addressesIn } from './addresses-in.ts';
import { insertRows, onConflict } from '../db/insert-rows.ts';

export interface IngestOptions {
  policy?: Readonly<CreditPolicy>;
}

/**
 * Widens a stored observation's dates; its raw form is the one last seen, at the same instant the first in
 * code-point order (merge.ts `rawWins`; `COLLATE "C"` on PostgreSQL, whose default collation is linguistic,
 * SQLite's BINARY already is), so the row agrees with the running aggregate in profile_values.
 */
const observationUpsert = (pg: boolean) => {
  const c = pg ? ' COLLATE "C"' : '';
  return onConflict(['profile_id', 'field', 'value_norm', 'connection_id', 'source'], {
    first_observed: `CASE WHEN excluded.first_observed < observations.first_observed THEN excluded.first_observed ELSE observations.first_observed END`,
    last_observed: `CASE WHEN excluded.last_observed > observations.last_observed THEN excluded.last_observed ELSE observations.last_observed END`,
    raw: `CASE WHEN excluded.last_observed > observations.last_observed OR (excluded.last_observed = observations.last_observed AND excluded.raw${c} < observations.raw${c}) THEN excluded.raw ELSE observations.raw END`,
    stored_at: `excluded.stored_at`,
  });
};
const OBSERVATION_UPSERT = { sqlite: observationUpsert(false), postgres: observationUpsert(true) };

export function emptyOutcome(): PageIngestOutcome {
  return {
    messagesNew: 0,
    messagesReplayed: 0,
    contactsNew: 0,
    contactsUpdated: 0,
    observationsStored: 0,
    suppressedBlocked: 0,
    restrictedSkipped: 0,
    creditsAwarded: 0,
    noticesQueued: 0,
  };
}

/** What the steps of one page's ingest share: the transaction, the caller's context, and the running state. */
interface PageRun {
  trx: Kysely<DB>;
  ctx: IngestContext;
  gate: PrivacyGate;
  policy: Readonly<CreditPolicy>;
  now: string;
  /** The options every gate call gets: the ingest time and the caller's key. */
  call: { now: string; secretKey?: string | null };
  out: PageIngestOutcome;
  /** The page's aggregated observations still to store, by email (steps drop what must not be stored). */
  byEmail: Map<string, Agg[]>;
  /** Stored profiles of the page's emails (created ones included once inserted). */
  profiles: Map<string, ProfileRow>;
  /** Emails whose profile this page created. */
  created: Set<string>;
  /** Candidate values of the profiles this page creates: exactly the page's observations. */
  createdCandidates: Map<string, Map<string, Candidate[]>>;
}

/** One row of the observations table as this page writes it. */
type ObservationInsert = {
  profile_id: string;
  field: string;
  value_norm: string;
  raw: string;
  source: string;
  connection_id: string;
  contributor_id: string;
  first_observed: string;
  last_observed: string;
  stored_at: string;
};

export async function ingestPage(
  trx: Kysely<DB>,
  ctx: IngestContext,
  items: PageItem[],
  gate: PrivacyGate,
  opts: IngestOptions = {},
): Promise<PageIngestOutcome> {
  const out = emptyOutcome();
  const now = new Date(ctx.now).toISOString();
  // 1. Replays.
  const accepted = await dropReplays(trx, ctx, items, now, out);
  const byEmail = aggregatePage(accepted, Date.parse(now));
  if (byEmail.size === 0) return out;
  if (isPostgres(trx)) await keyLookupsOnly(trx);
  const run: PageRun = {
    trx,
    ctx,
    gate,
    policy: opts.policy ?? DEFAULT_CREDIT_POLICY,
    now,
    call: { now, ...(ctx.secretKey !== undefined ? { secretKey: ctx.secretKey } : {}) },
    out,
    byEmail,
    profiles: new Map(),
    created: new Set(),
    createdCandidates: new Map(),
  };

  // 2. Profiles: existing ones, suppression check for unknown ones, creation.
  const emails = [...byEmail.keys()].sort();
  run.profiles = await loadProfiles(trx, emails);
  dropNameOnlyStrangers(run, emails);
  const unknown = emails.filter((e) => !run.profiles.has(e) && byEmail.has(e));
  const toCreate = await dropSuppressed(run, unknown);
  if (toCreate.length) await createProfiles(run, toCreate);
  dropRestricted(run);
  if (byEmail.size === 0) return out;

  // 3. Observations upsert, candidate values in step, winners recomputed.
  const obsRows = await storeObservations(run);
  const changes = await mergeTouched(run, obsRows);

  // 4-5. New contacts and changed evidence through the gate; credits.
  await reportChanges(run, changes, obsRows);

  // 6. Companies: profiles that appeared or changed what a company is made of (name, address, websites)
  // move their domain's tallies (src/store/companies.ts); the rest of the domain is not read.
  const dirty = changes
    .filter((ch) => ch.companyFieldsChanged || run.created.has(ch.profile.email))
    .map((ch) => ch.profile.id);
  if (dirty.length) await syncCompanies(trx, dirty, now);
  return out;
}

/**
 * Every read of a page goes by key (its emails, its profiles, their domains): a page's cost must not grow
 * with the directory. PostgreSQL's planner chose otherwise for tables that grew since their last ANALYZE
 * (a first harvest into a new database, before autovacuum's next pass): without column statistics,
 * `profile_id IN (200 ids)` is estimated to match every row, so loadProfiles, the gate and notice reads and
 * the company reads scanned profiles, notices, privacy_gates, company_members and companies whole on every
 * page (pages 40-49 of 10,000 new people: 11 ms of the page's ~80 ms of backend time, growing with the
 * tables). Seq scans are priced out for the rest of this transaction only (SET LOCAL ends at its commit or
 * rollback); a table without a usable index is still scanned, and no other query is affected.
 */
async function keyLookupsOnly(trx: Kysely<DB>): Promise<void> {
  await sql`set local enable_seqscan = off`.execute(trx);
}

/**
 * Someone we do not know yet becomes a contact only with a business field on this page (a name from a
 * From header alone leaves nothing behind: no profile, no notice).
 */
function dropNameOnlyStrangers(run: PageRun, emails: string[]): void {
  for (const e of emails) {
    if (!run.profiles.has(e) && !run.byEmail.get(e)!.some((a) => BUSINESS_FIELDS.has(a.field)))
      run.byEmail.delete(e);
  }
}

/**
 * Suppression, before anything is stored: unknown senders on the list are dropped, and so is every value
 * holding a suppressed address (a colleague's "Assistant: jane@acme.com", a second e-mail line): an erased
 * person must not come back as someone else's value either. Checked with the senders in one call; the gate
 * also records each blocked re-add (count and date, no PII). Returns the unknown senders left to create.
 */
async function dropSuppressed(
  run: PageRun,
  unknown: string[],
): Promise<Array<{ email: string; aggs: Agg[] }>> {
  const { byEmail, profiles } = run;
  const listed = new Map<Agg, string[]>();
  for (const as of byEmail.values()) {
    for (const a of as) {
      const held = addressesIn(a.field, a.value);
      if (held.length) listed.set(a, held);
    }
  }
  const asked = new Set(unknown);
  for (const held of listed.values()) for (const e of held) asked.add(e);
  const suppressed = await run.gate.suppressedAmong(run.trx, [...asked].sort(), {
    ...run.call,
    record: true,
  });
  const blocked = new Set<string>();
  if (suppressed.size) {
    for (const [email, as] of byEmail) {
      const kept = as.filter((a) => {
        const hits = (listed.get(a) ?? []).filter((e) => suppressed.has(e));
        for (const e of hits) blocked.add(e);
        return hits.length === 0;
      });
      if (kept.length === as.length) continue;
      // Nothing of the value is stored; a new sender left without a business field makes no contact.
      if (kept.length && (profiles.has(email) || kept.some((a) => BUSINESS_FIELDS.has(a.field))))
        byEmail.set(email, kept);
      else byEmail.delete(email);
    }
  }
  const toCreate: Array<{ email: string; aggs: Agg[] }> = [];
  for (const email of unknown) {
    if (suppressed.has(email)) {
      blocked.add(email);
      byEmail.delete(email);
      continue;
    }
    if (byEmail.has(email)) toCreate.push({ email, aggs: byEmail.get(email)! });
  }
  // One per suppressed person kept out of this page, whether as a sender or as a listed value.
  run.out.suppressedBlocked += blocked.size;
  return toCreate;
}

/** A new profile, already merged from the page's observations (what applyMerge would write). */
function newProfileRow(run: PageRun, email: string, as: Agg[]): ProfileRow {
  const empty: ProfileRow = {
    id: orderedId(),
    email,
    domain: registrableDomain(email),
    status: 'pending' as const,
    name: null,
    title: null,
    department: null,
    company: null,
    address: null,
    phones_json: '[]',
    emails_json: '[]',
    websites_json: '[]',
    social_json: '[]',
    first_seen: as.reduce((m, a) => minIso(m, a.first), as[0]!.first),
    last_seen: as.reduce((m, a) => maxIso(m, a.last), as[0]!.last),
    listed_at: null,
    restricted_at: null,
    created_at: run.now,
    updated_at: run.now,
  };
  const byField = candidatesOf(as.map((a) => observationRow(a, run.ctx.contributorId)));
  run.createdCandidates.set(email, byField);
  return mergedRecord(empty, byField).next;
}

/**
 * Inserts the page's new profiles. Another transaction may create the same contact concurrently: it wins,
 * and this page merges into its row (read back); the rows this page inserted are known as written.
 */
async function createProfiles(run: PageRun, toCreate: Array<{ email: string; aggs: Agg[] }>) {
  for (const part of chunks(toCreate, ROWS_PER_INSERT)) {
    const rows = part.map(({ email, aggs: as }) => newProfileRow(run, email, as));
    const inserted = (await insertRows(run.trx, 'profiles', rows, {
      conflict: onConflict(['email']),
      returning: ['email'],
    })) as Array<{ email: string }>;
    const mine = new Map(rows.map((r) => [r.email, r]));
    for (const r of inserted) {
      run.created.add(r.email);
      run.profiles.set(r.email, mine.get(r.email)!);
    }
  }
  const lost = toCreate.map((c) => c.email).filter((e) => !run.created.has(e));
  if (lost.length) for (const [e, p] of await loadProfiles(run.trx, lost)) run.profiles.set(e, p);
}

/** Restricted profiles are frozen against harvest updates; emails left without a profile drop out. */
function dropRestricted(run: PageRun): void {
  for (const email of [...run.byEmail.keys()]) {
    const p = run.profiles.get(email);
    if (!p) {
      run.byEmail.delete(email);
      continue;
    }
    if (!run.created.has(email) && p.status === 'restricted') {
      run.out.restrictedSkipped += run.byEmail.get(email)!.length;
      run.byEmail.delete(email);
    }
  }
}

/**
 * Upserts the page's observations (first/last observed widened); returns the rows written. A profile this
 * page created has none stored (its id is new in this transaction, and the page's rows are one per key):
 * its rows are plain inserts, which on PostgreSQL skip the speculative insertion of ON CONFLICT (about a
 * third of the cost of a row there).
 */
async function storeObservations(run: PageRun): Promise<ObservationInsert[]> {
  const obsRows: ObservationInsert[] = [];
  const fresh: ObservationInsert[] = [];
  const known: ObservationInsert[] = [];
  for (const [email, as] of run.byEmail) {
    const p = run.profiles.get(email)!;
    const to = run.created.has(email) ? fresh : known;
    for (const a of as) {
      const row: ObservationInsert = {
        profile_id: p.id,
        field: a.field,
        value_norm: a.value,
        raw: a.raw,
        source: a.source,
        connection_id: run.ctx.connectionId,
        contributor_id: run.ctx.contributorId,
        first_observed: a.first,
        last_observed: a.last,
        stored_at: run.now,
      };
      obsRows.push(row);
      to.push(row);
    }
  }
  await insertRows(run.trx, 'observations', fresh);
  await insertRows(run.trx, 'observations', known, {
    conflict: OBSERVATION_UPSERT[isPostgres(run.trx) ? 'postgres' : 'sqlite'],
  });
  run.out.observationsStored += obsRows.length;
  return obsRows;
}

/**
 * Candidate values in step with the observations (the page's observations folded into the stored
 * aggregates; a created profile has none: its values are the page's), then winners recomputed for the
 * touched profiles. A profile created in this transaction has no pins, no job history and the candidates
 * just computed: only the known ones are read back, their titles and companies by date (job-inputs.ts).
 */
async function mergeTouched(run: PageRun, obsRows: ObservationInsert[]) {
  const { trx, profiles, created } = run;
  const touched = [...run.byEmail.keys()].map((e) => profiles.get(e)!);
  const known = touched.filter((p) => !created.has(p.email));
  const createdById = new Map([...created].map((e) => [profiles.get(e)!.id, run.createdCandidates.get(e)!]));
  const written = await addPageValues(
    trx,
    run.ctx.contributorId,
    obsRows.map((r) => ({
      profileId: r.profile_id,
      field: r.field,
      value: r.value_norm,
      raw: r.raw,
      source: r.source,
      first: r.first_observed,
      last: r.last_observed,
    })),
    new Set(createdById.keys()),
  );
  // Known profiles whose titles, companies or end replies changed: their job history is redone from the
  // earliest first sighting among those values (src/store/job-inputs.ts); the others' stands.
  const changedJobFrom = new Map<string, string>();
  for (const w of written) {
    if (createdById.has(w.profile_id) || !JOB_HISTORY_FIELDS.has(w.field)) continue;
    const at = changedJobFrom.get(w.profile_id);
    if (at === undefined || w.first_observed < at) changedJobFrom.set(w.profile_id, w.first_observed);
  }
  const inputs = await loadMergeInputs(
    trx,
    known.map((p) => p.id),
    changedJobFrom,
  );
  for (const [id, byField] of createdById) {
    inputs.candidates.set(id, byField);
    inputs.jobs!.set(id, 'new');
  }
  return applyMerge(trx, touched, inputs, run.now);
}

type ProfileChange = Awaited<ReturnType<typeof applyMerge>>[number];

/**
 * New profiles go through `gate.onNewContacts` once per page (privacy decision and notice) and those
 * needing no wait are listed now, credited to this contributor (the only one who can have supplied a
 * profile created in this transaction; suppression was checked above in this transaction). Known
 * profiles' changed evidence goes to `gate.onNewEvidence`, and a new winning value on a listed profile
 * supplied by this contributor credits `field-confirmed`.
 */
async function reportChanges(run: PageRun, changes: ProfileChange[], obsRows: ObservationInsert[]) {
  const { trx, out, created, now } = run;
  const listNow: string[] = [];
  const fresh = changes.filter((ch) => created.has(ch.profile.email));
  const decisions = await run.gate.onNewContacts(
    trx,
    fresh.map((ch) => ({ profileId: ch.profile.id, email: ch.profile.email, evidence: ch.evidence, now })),
    run.call,
  );
  decisions.forEach((decision, i) => {
    out.contactsNew += 1;
    if (decision.noticeId) out.noticesQueued += 1;
    if (decision.status === 'listed') listNow.push(fresh[i]!.profile.id);
  });
  const suppliedByUs = new Set(obsRows.map((r) => `${r.profile_id}\u0000${r.field}\u0000${r.value_norm}`));
  for (const ch of changes) {
    if (created.has(ch.profile.email)) continue;
    if (ch.fieldsChanged) out.contactsUpdated += 1;
    if (ch.evidenceChanged) await reportEvidence(run, ch);
    if (ch.profile.status === 'listed') await creditConfirmedValues(run, ch, suppliedByUs);
  }
  out.creditsAwarded += await listCreatedContacts(trx, listNow, run.ctx.contributorId, now, run.policy);
}

/** A known profile's phones or addresses changed: the gate may ask for it to be unlisted. */
async function reportEvidence(run: PageRun, ch: ProfileChange): Promise<void> {
  const { unlist } = await run.gate.onNewEvidence(
    run.trx,
    { profileId: ch.profile.id, evidence: ch.evidence },
    run.call,
  );
  if (unlist) await unlistProfile(run.trx, ch.profile.id, run.now);
}

/** field-confirmed: a new winning value on a listed profile, supplied by this contributor. */
async function creditConfirmedValues(
  run: PageRun,
  ch: ProfileChange,
  suppliedByUs: Set<string>,
): Promise<void> {
  for (const nv of ch.newValues) {
    if (!suppliedByUs.has(`${ch.profile.id}\u0000${nv.field}\u0000${nv.value}`)) continue;
    run.out.creditsAwarded += await awardFieldConfirmed(
      run.trx,
      run.ctx.contributorId,
      ch.profile.id,
      nv.field,
      nv.value,
      run.now,
      run.policy,
    );
  }
}

async function dropReplays(
  trx: Kysely<DB>,
  ctx: IngestContext,
  items: PageItem[],
  now: string,
  out: PageIngestOutcome,
): Promise<PageItem[]> {
  const keyed = items.filter((i) => typeof i.messageKey === 'string' && i.messageKey.length > 0);
  if (keyed.length === 0) {
    out.messagesNew += items.length;
    return items;
  }
  const hash = await keyedHasher(trx, HASH_PURPOSE.messageId, ctx.secretKey ?? null);
  const hashes = new Map<PageItem, string>();
  for (const i of keyed) hashes.set(i, messageKeyHash(hash, i.messageKey!));
  // One statement records the page's keys and tells which were new: a key already there returns nothing.
  const inserted = await insertRows(
    trx,
    'processed_messages',
    [...new Set(hashes.values())].map((h) => ({
      connection_id: ctx.connectionId,
      message_hash: h,
      processed_at: now,
    })),
    { conflict: onConflict(['connection_id', 'message_hash']), returning: ['message_hash'] },
  );
  const fresh = new Set(inserted.map((r) => String(r.message_hash)));
  const accepted: PageItem[] = [];
  for (const i of items) {
    const h = hashes.get(i);
    if (h === undefined || fresh.delete(h)) {
      accepted.push(i);
      out.messagesNew += 1;
    } else out.messagesReplayed += 1;
  }
  return accepted;
}

export type ProfileRow = Awaited<ReturnType<typeof loadProfiles>> extends Map<string, infer P> ? P : never;

/** Profiles by email; on PostgreSQL the rows are locked (sorted order) so concurrent pages merge in turn. */
export async function loadProfiles(trx: Kysely<DB>, emails: string[]) {
  const out = new Map<string, Awaited<ReturnType<typeof selectProfiles>>[number]>();
  const pg = isPostgres(trx);
  for (const part of chunks(emails, IN_LIST)) {
    for (const r of await selectProfiles(trx, part, pg)) out.set(r.email, r);
  }
  return out;
}

function selectProfiles(trx: Kysely<DB>, emails: string[], lock: boolean) {
  let q = trx.selectFrom('profiles').selectAll().where('email', 'in', emails).orderBy('email');
  if (lock) q = q.forUpdate();
  return q.execute();
}

export function registrableDomain(email: string): string {
  const host = email.slice(email.lastIndexOf('@') + 1);
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}
