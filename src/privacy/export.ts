/**
 * Access / portability export (Art. 15, 20): everything held about a person as one JSON document: profile
 * fields, per-value provenance CATEGORY (signature, header, calendar, address-book) with first/last seen
 * and a corroboration count, pins, job history, jurisdiction decisions with evidence, notices, suppression
 * state and the person's request log. Never the contributor or connection: Art. 15(4) (rights of others),
 * privacy-law.md §2.1; the source is described by category only. Dates that come from members' mail are
 * shown by month where fewer than three members saw the value (`datePrecise`), so that a date cannot single
 * out a contributor either. src/privacy/vcard.ts formats the same document as a vCard.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { locatePerson } from './locate.ts';
import type { PrivacyOptions } from './options.ts';
import { completeRequest, openRequest } from './requests.ts';
import { revealCount } from '../store/member-directory.ts';
import { profileRecordForPerson } from '../store/profile-record.ts';
import { noticesTo } from '../notices/outbox.ts';

export const PROCESSING_STATEMENT = Object.freeze({
  purpose: 'professional contact directory',
  legalBasis: 'legitimate interests (GDPR Art. 6(1)(f))',
  source:
    'business email signatures and headers observed by members of our contributor network; which member is withheld (GDPR Art. 15(4))',
  recipients: 'directory users',
  retention: 'while the details stay current; deleted on request, with a keyed-hash suppression entry kept',
  rights: [
    'access',
    'rectification',
    'erasure',
    'restriction',
    'objection',
    'portability',
    'complaint to a supervisory authority',
  ],
});

const parse = <T>(s: string | null | undefined, d: T): T => (s ? (JSON.parse(s) as T) : d);

/**
 * Fewer members than this saw a value: its dates are shown by month (YYYY-MM), not by day. The day a value
 * was first or last seen is the day of some member's mail; with one or two members behind it, the person
 * could match that day against whom they wrote to and single out the contributor. Three members make the
 * day shared by several mailboxes; the month is what the person needs to judge how current a value is.
 */
export const DAY_PRECISION_MIN_MEMBERS = 3;

/** A date shown to the person: by day (as stored) with enough members behind it, else by month. */
export function datePrecise(d: string | null, members: number): string | null {
  if (d === null) return null;
  return members >= DAY_PRECISION_MIN_MEMBERS ? d : d.slice(0, 7);
}

/**
 * `record: false` reads the same document without logging a request: the privacy center's page view is
 * not a formal access request (only its download is), so the request log and its deadlines stay honest.
 */
export async function exportPerson(
  db: Kysely<DB>,
  email: string,
  opts: PrivacyOptions & { now?: Date; channel?: string; record?: boolean },
): Promise<Record<string, unknown>> {
  const now = opts.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const p = await locatePerson(trx, email, opts.policy, opts.secretKey);
    const record = opts.record !== false;
    const req = !record
      ? null
      : await openRequest(trx, {
          kind: 'export',
          requestHash: p.requestHash,
          codes: p.codes,
          channel: opts.channel ?? 'cli',
          now,
          policy: opts.policy,
        });
    const profiles = [];
    for (const id of p.profileIds) {
      const profile = await exportProfile(trx, id);
      if (profile) profiles.push(profile);
    }
    const subject = await subjectRecords(trx, p.subjectHash, p.requestHash);
    if (req) await completeRequest(trx, req.id, { profiles: profiles.length }, now);
    return {
      subject: p.email,
      exportedAt: now.toISOString(),
      processing: PROCESSING_STATEMENT,
      profiles,
      ...subject,
    };
  });
}

/** One profile's rows: the store's record of it, its publication gate and jurisdiction decisions. */
async function profileRows(trx: Kysely<DB>, id: string) {
  const record = await profileRecordForPerson(trx, id);
  if (!record) return null;
  const gate = await trx
    .selectFrom('privacy_gates')
    .selectAll()
    .where('profile_id', '=', id)
    .executeTakeFirst();
  const decisions = await trx
    .selectFrom('jurisdiction_decisions')
    .selectAll()
    .where('profile_id', '=', id)
    .orderBy('decided_at')
    .execute();
  return { ...record, gate, decisions };
}

/** One profile as the export shows it (null when it is gone): fields, provenance by category, history. */
async function exportProfile(trx: Kysely<DB>, id: string) {
  const rows = await profileRows(trx, id);
  if (!rows) return null;
  const { profile: pr, provenance, pins, jobs, gate, decisions, members } = rows;
  return {
    email: pr.email,
    status: pr.status,
    name: pr.name,
    title: pr.title,
    department: pr.department,
    company: pr.company,
    address: pr.address,
    phones: parse(pr.phones_json, []),
    emails: parse(pr.emails_json, []),
    websites: parse(pr.websites_json, []),
    social: parse(pr.social_json, []),
    // Dates that come from members' mail are by month when fewer than three members saw them.
    firstSeen: datePrecise(pr.first_seen, members),
    lastSeen: datePrecise(pr.last_seen, members),
    listedAt: pr.listed_at,
    restrictedAt: pr.restricted_at,
    // Recipients (Art. 15(1)(c)): members who revealed the e-mail and phones, counted, never named.
    revealedTo: { category: 'members of the directory', count: await revealCount(trx, id) },
    provenance: provenance.map((r) => ({
      field: r.field,
      value: r.raw,
      source: r.source,
      firstSeen: datePrecise(r.first_seen, Number(r.corroboration)),
      lastSeen: datePrecise(r.last_seen, Number(r.corroboration)),
      corroboration: Number(r.corroboration),
    })),
    pins: pins.map((x) => ({
      field: x.field,
      value: parse(x.value_json, null),
      reason: x.reason,
      pinnedAt: x.pinned_at,
    })),
    jobHistory: jobs.map((j) => ({
      from: { title: j.old_title, company: j.old_company },
      to: { title: j.new_title, company: j.new_company },
      changedAt: datePrecise(j.changed_at, members),
    })),
    publication: gate
      ? {
          state: gate.state,
          jurisdiction: parse(gate.codes_json, []),
          objectionWindowEndsAt: gate.window_ends_at,
          listedAt: gate.listed_at,
        }
      : null,
    jurisdictionDecisions: decisions.map((d) => ({
      codes: parse(d.codes_json, []),
      decidedBy: d.decided_by,
      evidence: parse(d.evidence_json, []),
      ruleVersion: d.rule_version,
      decidedAt: d.decided_at,
    })),
  };
}

/** What is held about the person beyond profiles: notices sent, suppression, and their request log. */
async function subjectRecords(trx: Kysely<DB>, subjectHash: string, requestHash: string) {
  const notices = await noticesTo(trx, subjectHash);
  const sup = await trx
    .selectFrom('suppressions')
    .select(['reason', 'created_at'])
    .where('subject_hash', '=', subjectHash)
    .executeTakeFirst();
  const requests = await trx
    .selectFrom('privacy_requests')
    .select(['kind', 'regime', 'received_at', 'due_at', 'status', 'completed_at'])
    .where('subject_hash', '=', requestHash)
    .orderBy('received_at')
    .execute();
  return {
    notices: notices.map((x) => ({
      templateId: x.template_id,
      contentHash: x.content_hash,
      language: x.language,
      status: x.status,
      queuedAt: x.queued_at,
      sentAt: x.sent_at,
      bouncedAt: x.bounced_at,
    })),
    suppressed: sup ? { reason: sup.reason, since: sup.created_at } : null,
    requests: requests.map((r) => ({
      kind: r.kind,
      regime: r.regime,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      status: r.status,
      completedAt: r.completed_at,
    })),
  };
}
