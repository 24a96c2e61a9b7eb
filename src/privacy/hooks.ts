/**
 * Hooks the directory store (src/store) calls inside its page transaction, through the `PrivacyGate` it
 * declares (src/store/privacy-gate.ts; implemented by src/privacy/gate.ts over these functions).
 *
 *   // before storing anything about a person (observations, profile):
 *   if (await isSuppressed(trx, email, { now })) skip;           // also logs the blocked re-add (count, date)
 *   // before applying harvest updates to an existing profile:
 *   if (await isRestricted(trx, profileId)) skip;                 // restriction freezes the profile
 *   // when a profile is created for a new contact:
 *   const { status } = await onNewContact(trx, { profileId, email, evidence, now });
 *   // status 'listed': list it now (award credits); 'pending': leave it out of the directory.
 *   // `sigmine notices promote` later calls your listContact(trx, profileId, now) once its notice was sent
 *   // and the objection window passed without objection.
 *   // when a known profile's phones or address change:
 *   const { unlist } = await onNewEvidence(trx, { profileId, evidence, now }); // unlist: the store un-lists it
 *
 * All hooks take the transaction (`Kysely<DB>` or a `Transaction<DB>`), never open their own.
 * They store no plain email except the notice recipient (needed to send it; cleared on erasure).
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { orderedId } from '../store/ids.ts';
import {
  decideJurisdiction,
  type JurisdictionDecision,
  type JurisdictionEvidence,
} from '../jurisdiction/decide.ts';
import {
  lastNoticeSentAt,
  noticeIdsOfProfiles,
  queueNotices,
  retargetQueuedNotices,
  type QueueNotice,
} from '../notices/outbox.ts';
import { iso, type PrivacyOptions } from './options.ts';
import { subjectAddress, subjectHash, subjectHashers } from './subject.ts';
import { chunks, IN_LIST } from '../store/sql-util.ts';
import type { GateState } from './tables.ts';
import { insertRows } from '../db/insert-rows.ts';

import type { NewContact, NewContactOutcome } from '../store/privacy-gate.ts';

export type { JurisdictionEvidence } from '../jurisdiction/decide.ts';
export type { NewContact, NewContactOutcome } from '../store/privacy-gate.ts';

/**
 * Which of `emails` are on the suppression list: one keyed-hash pass and one query per chunk. With `record`,
 * each hit also counts the blocked re-add on its suppression row (count and date only, no PII).
 */
export async function suppressedAmong(
  trx: Kysely<DB>,
  emails: readonly string[],
  opts: Pick<PrivacyOptions, 'secretKey'> & { now?: Date | string; record?: boolean } = {},
): Promise<Set<string>> {
  const hits = new Set<string>();
  if (emails.length === 0) return hits;
  const { subject } = await subjectHashers(trx, opts.secretKey);
  const byHash = new Map(emails.map((e) => [subject(subjectAddress(e)), e]));
  for (const part of chunks([...byHash.keys()], IN_LIST)) {
    const rows = await trx
      .selectFrom('suppressions')
      .select('subject_hash')
      .where('subject_hash', 'in', part)
      .execute();
    for (const r of rows) hits.add(byHash.get(r.subject_hash)!);
  }
  // Hits are rare (someone erased writing again): one update each.
  if (opts.record !== false) for (const e of hits) await isSuppressed(trx, e, { ...opts, record: true });
  return hits;
}

/**
 * Is this person on the suppression list (erased or objected)? When yes, records the blocked re-add on
 * the suppression row (count and date only, no PII). Call before storing anything about the person and
 * again before listing.
 */
export async function isSuppressed(
  trx: Kysely<DB>,
  email: string,
  opts: Pick<PrivacyOptions, 'secretKey'> & { now?: Date | string; record?: boolean } = {},
): Promise<boolean> {
  const hash = await subjectHash(trx, email, opts.secretKey);
  const row = await trx
    .selectFrom('suppressions')
    .select('subject_hash')
    .where('subject_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return false;
  if (opts.record !== false) {
    await trx
      .updateTable('suppressions')
      .set((eb) => ({ blocked_count: eb('blocked_count', '+', 1), last_blocked_at: iso(opts.now) }))
      .where('subject_hash', '=', hash)
      .execute();
  }
  return true;
}

/**
 * When this person was put on the suppression list (erased or objected), or null when they are not on it.
 * Read only: nothing is recorded (the web revokes links and sessions issued before it).
 */
export async function suppressedAt(
  db: Kysely<DB>,
  email: string,
  secretKey: string | null | undefined,
): Promise<string | null> {
  const row = await db
    .selectFrom('suppressions')
    .select('created_at')
    .where('subject_hash', '=', await subjectHash(db, email, secretKey))
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** Is this profile restricted (kept, hidden from the directory, frozen against harvest updates)? */
export async function isRestricted(trx: Kysely<DB>, profileId: string): Promise<boolean> {
  const g = await trx
    .selectFrom('privacy_gates')
    .select('state')
    .where('profile_id', '=', String(profileId))
    .executeTakeFirst();
  return g?.state === 'restricted';
}

/** The publication gate of a profile, or null when the privacy module never saw it. */
export async function gateState(trx: Kysely<DB>, profileId: string): Promise<GateState | null> {
  const g = await trx
    .selectFrom('privacy_gates')
    .select('state')
    .where('profile_id', '=', String(profileId))
    .executeTakeFirst();
  return g?.state ?? null;
}

/**
 * A new contact appeared: decides its jurisdiction (most protective result wins, unknown is held),
 * stores the decision with its evidence and rule version, opens its publication gate and queues its
 * notice. Idempotent: a replayed page returns the stored gate and queues nothing new.
 * For a page of contacts call `onNewContacts` (same rules, a few queries per page instead of per contact).
 */
export async function onNewContact(
  trx: Kysely<DB>,
  c: NewContact,
  opts: PrivacyOptions,
): Promise<NewContactOutcome> {
  return (await onNewContacts(trx, [c], opts))[0]!;
}

/**
 * `onNewContact` for many contacts at once (the store calls it once per page): one gate lookup, one
 * notice lookup per IN-list chunk, and multi-row inserts of decisions, gates and notices. Returns one
 * outcome per input, in order; a profile given twice is decided once.
 */
export async function onNewContacts(
  trx: Kysely<DB>,
  contacts: readonly NewContact[],
  o: PrivacyOptions,
): Promise<NewContactOutcome[]> {
  if (contacts.length === 0) return [];
  const ids = [...new Set(contacts.map((c) => String(c.profileId)))];
  const { existing, outcomes } = await storedOutcomes(trx, ids);
  const { subject } = await subjectHashers(trx, o.secretKey);
  const plan = planNewContacts(contacts, existing, subject, o.policy);
  await insertRows(trx, 'jurisdiction_decisions', plan.decisions);
  await insertRows(trx, 'privacy_gates', plan.gates);
  const noticeIds = await queueNotices(trx, plan.notices);
  const noticeOf = new Map(plan.notices.map((n, i) => [n.profileId, noticeIds[i]!]));
  for (const f of plan.fresh) {
    outcomes.set(f.id, { status: f.status, codes: f.codes, noticeId: f.notify ? noticeOf.get(f.id)! : null });
  }
  return contacts.map((c) => {
    const r = outcomes.get(String(c.profileId))!;
    return { ...r, codes: [...r.codes] };
  });
}

type StoredGate = { state: string; codes_json: string };

/** The stored gates of these profiles, and the outcome a replay returns for each (its notice, if any). */
async function storedOutcomes(trx: Kysely<DB>, ids: string[]) {
  const existing = new Map<string, StoredGate>();
  for (const part of chunks(ids, IN_LIST)) {
    const rows = await trx
      .selectFrom('privacy_gates')
      .select(['profile_id', 'state', 'codes_json'])
      .where('profile_id', 'in', part)
      .execute();
    for (const r of rows) existing.set(r.profile_id, r);
  }
  const outcomes = new Map<string, NewContactOutcome>();
  const stored = (g: StoredGate, noticeId: string | null): NewContactOutcome => ({
    status: g.state === 'listed' ? 'listed' : 'pending',
    codes: JSON.parse(g.codes_json) as string[],
    noticeId,
  });
  const known = ids.filter((id) => existing.has(id));
  for (const [profileId, noticeId] of await noticeIdsOfProfiles(trx, known)) {
    if (!outcomes.has(profileId)) outcomes.set(profileId, stored(existing.get(profileId)!, noticeId));
  }
  for (const id of known) if (!outcomes.has(id)) outcomes.set(id, stored(existing.get(id)!, null));
  return { existing, outcomes };
}

/**
 * The rows to write for the contacts without a gate (each profile once): its jurisdiction decision, its
 * gate (listed at once unless the decision holds it), and its notice when the decision says to send one.
 */
function planNewContacts(
  contacts: readonly NewContact[],
  existing: Map<string, StoredGate>,
  subject: (address: string) => string,
  policy: PrivacyOptions['policy'],
) {
  const decisions: Insertable<DB['jurisdiction_decisions']>[] = [];
  const gates: Insertable<DB['privacy_gates']>[] = [];
  const notices: QueueNotice[] = [];
  const fresh: Array<{ id: string; status: 'pending' | 'listed'; codes: string[]; notify: boolean }> = [];
  for (const c of contacts) {
    const profileId = String(c.profileId);
    if (existing.has(profileId)) continue;
    const now = iso(c.now);
    const hash = subject(subjectAddress(c.email));
    const decision = decideJurisdiction(c.evidence, policy);
    decisions.push(decisionRow(profileId, decision, now));
    const status = decision.hold ? 'pending' : 'listed';
    gates.push(gateRow(profileId, hash, decision, status, now));
    if (decision.notify) {
      notices.push({
        profileId,
        recipient: c.email.trim().slice(0, 320),
        recipientHash: hash,
        language: decision.language,
        codes: decision.codes,
        now,
      });
    }
    existing.set(profileId, { state: status, codes_json: '' });
    fresh.push({ id: profileId, status, codes: decision.codes, notify: decision.notify });
  }
  return { decisions, gates, notices, fresh };
}

function gateRow(
  profileId: string,
  hash: string,
  decision: JurisdictionDecision,
  status: 'pending' | 'listed',
  now: string,
): Insertable<DB['privacy_gates']> {
  return {
    profile_id: profileId,
    subject_hash: hash,
    state: status,
    hold: decision.hold ? 1 : 0,
    codes_json: JSON.stringify(decision.codes),
    rule_version: decision.ruleVersion,
    window_ends_at: null,
    created_at: now,
    listed_at: status === 'listed' ? now : null,
    restricted_at: null,
    restricted_from: null,
  };
}

function decisionRow(
  profileId: string,
  d: JurisdictionDecision,
  now: string,
): Insertable<DB['jurisdiction_decisions']> {
  return {
    id: orderedId(),
    profile_id: profileId,
    codes_json: JSON.stringify(d.codes),
    decided_by: d.decidedBy,
    evidence_json: JSON.stringify(d.evidence),
    rule_version: d.ruleVersion,
    hold: d.hold ? 1 : 0,
    decided_at: now,
  };
}

async function recordDecision(
  trx: Kysely<DB>,
  profileId: string,
  d: JurisdictionDecision,
  now: string,
): Promise<void> {
  await trx
    .insertInto('jurisdiction_decisions')
    .values(decisionRow(profileId, d, now))
    .execute();
}

/**
 * New evidence about a known contact (a later signature with a phone or address). Re-decides and keeps the
 * decision; codes only accumulate (the most protective result wins), so a held contact never becomes
 * un-held by it. A LISTED contact that turns out to be in a held jurisdiction goes back to `pending`
 * (`newlyHeld`): it returns to the directory once its notice was sent and the objection window passed
 * (counted from the notice's sending when it was already sent). A still-queued notice switches to the
 * language of the new jurisdiction.
 */
export async function onNewEvidence(
  trx: Kysely<DB>,
  c: { profileId: string; evidence: JurisdictionEvidence; now?: Date | string },
  o: PrivacyOptions,
): Promise<{ codes: string[]; newlyHeld: boolean; unlist: boolean }> {
  const profileId = String(c.profileId);
  const now = iso(c.now);
  const gate = await trx
    .selectFrom('privacy_gates')
    .selectAll()
    .where('profile_id', '=', profileId)
    .executeTakeFirst();
  if (!gate) return { codes: [], newlyHeld: false, unlist: false };
  const d = decideJurisdiction(c.evidence, o.policy);
  const before = JSON.parse(gate.codes_json) as string[];
  const codes = [
    ...new Set([...before.filter((x) => x !== 'unknown'), ...d.codes.filter((x) => x !== 'unknown')]),
  ];
  if (codes.length === 0) codes.push('unknown');
  const same = codes.length === before.length && codes.every((x) => before.includes(x));
  if (same) return { codes, newlyHeld: false, unlist: false };
  await recordDecision(trx, profileId, { ...d, codes }, now);
  const hold = gate.hold === 1 || d.hold;
  const newlyHeld = d.hold && gate.hold === 0;
  let windowEnds = gate.window_ends_at;
  if (newlyHeld) {
    const sentAt = await lastNoticeSentAt(trx, profileId);
    windowEnds = sentAt
      ? new Date(Date.parse(sentAt) + o.policy.objectionWindowDays * 86_400_000).toISOString()
      : null;
    await retargetQueuedNotices(trx, profileId, d.language, codes);
  }
  const state = newlyHeld && gate.state === 'listed' ? 'pending' : gate.state;
  await trx
    .updateTable('privacy_gates')
    .set({
      codes_json: JSON.stringify(codes),
      hold: hold ? 1 : 0,
      rule_version: d.ruleVersion,
      state,
      window_ends_at: windowEnds,
    })
    .where('profile_id', '=', profileId)
    .execute();
  // A listed contact held now leaves the directory: the store, owner of the profile row, un-lists it.
  return { codes, newlyHeld, unlist: state === 'pending' && gate.state === 'listed' };
}
