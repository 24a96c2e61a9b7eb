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
import { normaliseValue, tidyRaw } from './normalise.ts';
import {
  ALL_FIELDS,
  BUSINESS_FIELDS,
  SOURCE_KINDS,
  type IngestContext,
  type ObservationInput,
  type PageIngestOutcome,
  type PageItem,
} from './types.ts';
import { chunks, IN_LIST, isPostgres, maxIso, minIso, ROWS_PER_INSERT } from './sql-util.ts';
import { applyMerge, loadMergeInputs, mergedRecord } from './recompute.ts';
import { candidatesOf, rawWins, type Candidate, type ObservationRow } from './merge.ts';
import { addPageValues } from './values.ts';
import { awardFieldConfirmed, listCreatedContacts } from './ledger.ts';
import { syncCompanies } from './companies.ts';
import { unlistProfile } from './profile-admin.ts';
import { orderedId } from './ids.ts';
import { addressesIn, EMAIL_SHAPE } from './addresses-in.ts';
import { insertRows, onConflict } from '../db/insert-rows.ts';

const SOURCES = new Set<string>(SOURCE_KINDS);
const FIELDS = new Set<string>(ALL_FIELDS);

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

interface Agg {
  email: string;
  field: string;
  value: string;
  raw: string;
  source: string;
  first: string;
  last: string;
}

/** A day of clock skew allowed for Date headers. */
const FUTURE_SLACK_MS = 86_400_000;
/** Dates before this are broken headers (the epoch, two-digit years), not evidence. */
const EARLIEST = Date.UTC(1980, 0, 1);

/**
 * Validates and normalises one observation; null when unusable (never throws on hostile input).
 * A Date header in the future is clamped to the ingest time: otherwise a forged date would make its
 * values "the newest" and win every later merge.
 */
function clean(o: ObservationInput, nowMs: number): Agg | null {
  if (!o || typeof o.email !== 'string' || typeof o.value !== 'string') return null;
  const email = o.email.trim().toLowerCase();
  if (email.length > 320 || !EMAIL_SHAPE.test(email)) return null;
  if (!FIELDS.has(o.field) || !SOURCES.has(o.source)) return null;
  let t = typeof o.observedAt === 'string' ? Date.parse(o.observedAt) : NaN;
  if (!Number.isFinite(t) || t < EARLIEST) return null;
  if (t > nowMs + FUTURE_SLACK_MS) t = nowMs;
  const value = normaliseValue(o.field, o.value);
  if (!value) return null;
  const at = new Date(t).toISOString();
  return {
    email,
    field: o.field,
    value,
    raw: tidyRaw(o.raw || o.value) || value,
    source: o.source,
    first: at,
    last: at,
  };
}

/** An aggregated page observation as the merge reads it back from the observations table. */
function observationRow(a: Agg, contributorId: string): ObservationRow {
  return {
    field: a.field,
    value_norm: a.value,
    raw: a.raw,
    source: a.source,
    contributor_id: contributorId,
    first_observed: a.first,
    last_observed: a.last,
  };
}

export async function ingestPage(
  trx: Kysely<DB>,
  ctx: IngestContext,
  items: PageItem[],
  gate: PrivacyGate,
  opts: IngestOptions = {},
): Promise<PageIngestOutcome> {
  const out = emptyOutcome();
  const policy = opts.policy ?? DEFAULT_CREDIT_POLICY;
  const now = new Date(ctx.now).toISOString();
  const call = { now, ...(ctx.secretKey !== undefined ? { secretKey: ctx.secretKey } : {}) };
  const nowMs = Date.parse(now);

  // 1. Replays.
  const accepted = await dropReplays(trx, ctx, items, now, out);

  // Aggregate the page's observations per (email, field, value, source).
  const aggs = new Map<string, Agg>();
  for (const item of accepted) {
    for (const o of item.observations ?? []) {
      const a = clean(o, nowMs);
      if (!a) continue;
      const k = `${a.email}\u0000${a.field}\u0000${a.value}\u0000${a.source}`;
      const prev = aggs.get(k);
      if (!prev) aggs.set(k, a);
      else {
        prev.first = minIso(prev.first, a.first);
        if (rawWins(a.last, a.raw, prev.last, prev.raw)) {
          prev.last = a.last;
          prev.raw = a.raw;
        }
      }
    }
  }
  if (aggs.size === 0) return out;
  const byEmail = new Map<string, Agg[]>();
  for (const a of aggs.values()) {
    const list = byEmail.get(a.email);
    if (list) list.push(a);
    else byEmail.set(a.email, [a]);
  }

  // 2. Profiles: existing ones, suppression check for unknown ones, creation.
  const emails = [...byEmail.keys()].sort();
  const profiles = await loadProfiles(trx, emails);
  const created = new Set<string>();
  const toCreate: Array<{ email: string; aggs: Agg[] }> = [];
  // Candidate values of the profiles this page creates: exactly the page's observations.
  const createdCandidates = new Map<string, Map<string, Candidate[]>>();
  // Someone we do not know yet becomes a contact only with a business field on this page (a name from a
  // From header alone leaves nothing behind: no profile, no notice).
  for (const e of emails) {
    if (!profiles.has(e) && !byEmail.get(e)!.some((a) => BUSINESS_FIELDS.has(a.field))) byEmail.delete(e);
  }
  const unknown = emails.filter((e) => !profiles.has(e) && byEmail.has(e));
  // Addresses the page's values hold (a colleague's "Assistant: jane@acme.com", a second e-mail line): an
  // erased person must not come back as someone else's value either. Checked with the senders in one call.
  const listed = new Map<Agg, string[]>();
  for (const as of byEmail.values()) {
    for (const a of as) {
      const held = addressesIn(a.field, a.value);
      if (held.length) listed.set(a, held);
    }
  }
  const asked = new Set(unknown);
  for (const held of listed.values()) for (const e of held) asked.add(e);
  // The gate also records each blocked re-add (count and date, no PII).
  const suppressed = await gate.suppressedAmong(trx, [...asked].sort(), { ...call, record: true });
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
  for (const email of unknown) {
    if (suppressed.has(email)) {
      blocked.add(email);
      byEmail.delete(email);
      continue;
    }
    if (byEmail.has(email)) toCreate.push({ email, aggs: byEmail.get(email)! });
  }
  // One per suppressed person kept out of this page, whether as a sender or as a listed value.
  out.suppressedBlocked += blocked.size;
  if (toCreate.length) {
    for (const part of chunks(toCreate, ROWS_PER_INSERT)) {
      // Inserted already merged from the page's observations (what applyMerge below would write).
      const rows = part.map(({ email, aggs: as }) => {
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
          created_at: now,
          updated_at: now,
        };
        const byField = candidatesOf(as.map((a) => observationRow(a, ctx.contributorId)));
        createdCandidates.set(email, byField);
        return mergedRecord(empty, byField).next;
      });
      // Another transaction may create the same contact concurrently: it wins, we merge into it.
      const inserted = (await insertRows(trx, 'profiles', rows, {
        conflict: onConflict(['email']),
        returning: ['email'],
      })) as Array<{ email: string }>;
      const mine = new Map(rows.map((r) => [r.email, r]));
      // The rows just inserted are known as written: no re-read.
      for (const r of inserted) {
        created.add(r.email);
        profiles.set(r.email, mine.get(r.email)!);
      }
    }
    const lost = toCreate.map((c) => c.email).filter((e) => !created.has(e));
    if (lost.length) for (const [e, p] of await loadProfiles(trx, lost)) profiles.set(e, p);
  }

  // Restricted profiles are frozen against harvest updates.
  for (const email of [...byEmail.keys()]) {
    const p = profiles.get(email);
    if (!p) {
      byEmail.delete(email);
      continue;
    }
    if (!created.has(email) && p.status === 'restricted') {
      out.restrictedSkipped += byEmail.get(email)!.length;
      byEmail.delete(email);
    }
  }
  if (byEmail.size === 0) return out;

  // 3. Observations upsert.
  const obsRows = [];
  for (const [email, as] of byEmail) {
    const p = profiles.get(email)!;
    for (const a of as) {
      obsRows.push({
        profile_id: p.id,
        field: a.field,
        value_norm: a.value,
        raw: a.raw,
        source: a.source,
        connection_id: ctx.connectionId,
        contributor_id: ctx.contributorId,
        first_observed: a.first,
        last_observed: a.last,
        stored_at: now,
      });
    }
  }
  await insertRows(trx, 'observations', obsRows, {
    conflict: OBSERVATION_UPSERT[isPostgres(trx) ? 'postgres' : 'sqlite'],
  });
  out.observationsStored += obsRows.length;

  // Candidate values in step with the observations: the page's observations folded into the stored
  // aggregates (a created profile has none: its values are the page's).
  const touched = [...byEmail.keys()].map((e) => profiles.get(e)!);
  const known = touched.filter((p) => !created.has(p.email));
  const createdById = new Map([...created].map((e) => [profiles.get(e)!.id, createdCandidates.get(e)!]));
  await addPageValues(
    trx,
    ctx.contributorId,
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

  // Recompute winners for the touched profiles. A profile created in this transaction has no pins and
  // the candidates just computed: only the known ones are read back.
  const inputs = await loadMergeInputs(
    trx,
    known.map((p) => p.id),
  );
  for (const [id, byField] of createdById) inputs.candidates.set(id, byField);
  const changes = await applyMerge(trx, touched, inputs, now);

  // 4. New contacts: privacy decision and notice; listed at once when no wait is needed.
  const suppliedByUs = new Set(obsRows.map((r) => `${r.profile_id}\u0000${r.field}\u0000${r.value_norm}`));
  const listNow: string[] = [];
  const fresh = changes.filter((ch) => created.has(ch.profile.email));
  const decisions = await gate.onNewContacts(
    trx,
    fresh.map((ch) => ({ profileId: ch.profile.id, email: ch.profile.email, evidence: ch.evidence, now })),
    call,
  );
  decisions.forEach((decision, i) => {
    out.contactsNew += 1;
    if (decision.noticeId) out.noticesQueued += 1;
    if (decision.status === 'listed') listNow.push(fresh[i]!.profile.id);
  });
  for (const ch of changes) {
    if (created.has(ch.profile.email)) continue;
    if (ch.fieldsChanged) out.contactsUpdated += 1;
    if (ch.evidenceChanged) {
      const { unlist } = await gate.onNewEvidence(
        trx,
        { profileId: ch.profile.id, evidence: ch.evidence },
        call,
      );
      if (unlist) await unlistProfile(trx, ch.profile.id, now);
    }
    // 5. field-confirmed: a new winning value on a listed profile, supplied by this contributor.
    if (ch.profile.status === 'listed') {
      for (const nv of ch.newValues) {
        if (!suppliedByUs.has(`${ch.profile.id}\u0000${nv.field}\u0000${nv.value}`)) continue;
        out.creditsAwarded += await awardFieldConfirmed(
          trx,
          ctx.contributorId,
          ch.profile.id,
          nv.field,
          nv.value,
          now,
          policy,
        );
      }
    }
  }

  // New contacts needing no wait: listed now, credited to this contributor (the only one who can have
  // supplied a profile created in this transaction; suppression was checked above in this transaction).
  out.creditsAwarded += await listCreatedContacts(trx, listNow, ctx.contributorId, now, policy);

  // 6. Companies: profiles that appeared or changed what a company is made of (name, address, websites)
  // move their domain's tallies (src/store/companies.ts); the rest of the domain is not read.
  const dirty = changes
    .filter((ch) => ch.companyFieldsChanged || created.has(ch.profile.email))
    .map((ch) => ch.profile.id);
  if (dirty.length) await syncCompanies(trx, dirty, now);
  return out;
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
  const seen = new Set<string>();
  for (const part of chunks([...new Set(hashes.values())], IN_LIST)) {
    const rows = await trx
      .selectFrom('processed_messages')
      .select('message_hash')
      .where('connection_id', '=', ctx.connectionId)
      .where('message_hash', 'in', part)
      .execute();
    for (const r of rows) seen.add(r.message_hash);
  }
  const accepted: PageItem[] = [];
  const fresh: string[] = [];
  for (const i of items) {
    const h = hashes.get(i);
    if (h === undefined) {
      accepted.push(i);
      out.messagesNew += 1;
    } else if (seen.has(h)) out.messagesReplayed += 1;
    else {
      seen.add(h);
      fresh.push(h);
      accepted.push(i);
      out.messagesNew += 1;
    }
  }
  await insertRows(
    trx,
    'processed_messages',
    fresh.map((h) => ({ connection_id: ctx.connectionId, message_hash: h, processed_at: now })),
    { conflict: onConflict(['connection_id', 'message_hash']) },
  );
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
