/**
 * The notices outbox: one row per pre-add notice, with template id and content hash, language, recipient,
 * queued/sent times, transport and provider message id, and status (queued, sent, bounced, failed).
 * A bounced or failed notice keeps its contact pending (src/privacy/gates.ts reads only `sent`).
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { orderedId } from '../store/ids.ts';
import type { NoticeStatus, NoticesTable } from './tables.ts';
import { templateHash, templateLanguage, TEMPLATE_ID } from './templates.ts';
import { chunks, IN_LIST } from '../store/sql-util.ts';
import { insertRows } from '../db/insert-rows.ts';

export interface QueueNotice {
  profileId: string;
  recipient: string;
  recipientHash: string;
  language: string;
  codes: string[];
  now: string;
}

/** Queues a notice unless one is already queued or sent for this profile (replays stay idempotent). */
export async function queueNotice(trx: Kysely<DB>, n: QueueNotice): Promise<string> {
  return (await queueNotices(trx, [n]))[0]!;
}

/**
 * `queueNotice` for a page of contacts: one lookup per IN-list chunk and multi-row inserts. Returns the
 * notice id per input, in order (the existing queued/sent one, or the new one; a profile listed twice
 * gets one notice).
 */
export async function queueNotices(trx: Kysely<DB>, ns: readonly QueueNotice[]): Promise<string[]> {
  const ids = new Map<string, string>();
  for (const part of chunks([...new Set(ns.map((n) => n.profileId))], IN_LIST)) {
    // Filtered on status here, not in SQL: with `status IN (...)` SQLite picks the status index (every
    // queued and sent notice) over the profile index, a scan that grew with the outbox.
    const rows = await trx
      .selectFrom('notices')
      .select(['id', 'profile_id', 'status'])
      .where('profile_id', 'in', part)
      .execute();
    for (const r of rows) {
      if (r.profile_id === null || ids.has(r.profile_id)) continue;
      if (r.status === 'queued' || r.status === 'sent') ids.set(r.profile_id, r.id);
    }
  }
  const rows: Insertable<DB['notices']>[] = [];
  for (const n of ns) {
    if (ids.has(n.profileId)) continue;
    const lang = templateLanguage(n.language);
    const id = orderedId();
    ids.set(n.profileId, id);
    rows.push({
      id,
      profile_id: n.profileId,
      recipient: n.recipient,
      recipient_hash: n.recipientHash,
      template_id: TEMPLATE_ID,
      content_hash: templateHash(lang),
      language: lang,
      codes_json: JSON.stringify(n.codes),
      status: 'queued',
      queued_at: n.now,
      sent_at: null,
      transport: null,
      provider_message_id: null,
      bounced_at: null,
      failure_code: null,
    });
  }
  await insertRows(trx, 'notices', rows);
  return ns.map((n) => ids.get(n.profileId)!);
}

/** A notice as `sigmine notices list --json` prints it. */
export interface NoticeView {
  id: string;
  status: NoticeStatus;
  recipient: string | null;
  templateId: string;
  contentHash: string;
  language: string;
  jurisdiction: string[];
  queuedAt: string;
  sentAt: string | null;
  transport: string | null;
  providerMessageId: string | null;
  bouncedAt: string | null;
  failureCode: string | null;
  attempts: number;
}

export function noticeView(r: NoticesTable & { attempts: number }): NoticeView {
  return {
    id: r.id,
    status: r.status,
    recipient: r.recipient,
    templateId: r.template_id,
    contentHash: r.content_hash,
    language: r.language,
    jurisdiction: JSON.parse(r.codes_json) as string[],
    queuedAt: r.queued_at,
    sentAt: r.sent_at,
    transport: r.transport,
    providerMessageId: r.provider_message_id,
    bouncedAt: r.bounced_at,
    failureCode: r.failure_code,
    attempts: r.attempts,
  };
}

/** Notices, newest first, optionally filtered by status. */
export async function listNotices(db: Kysely<DB>, status?: NoticeStatus[]): Promise<NoticeView[]> {
  let q = db.selectFrom('notices').selectAll().orderBy('queued_at', 'desc').orderBy('id');
  if (status && status.length) q = q.where('status', 'in', status);
  return (await q.execute()).map((r) => noticeView(r as NoticesTable & { attempts: number }));
}

/**
 * The language of the newest notice to the person with this keyed recipient hash, or null when we never
 * queued one: the privacy center speaks to a person in the language their notice was written in. The hash
 * survives an erasure (the notice log keeps it), so the "removed" page is in that language too.
 */
export async function noticeLanguageOf(db: Kysely<DB>, recipientHash: string): Promise<string | null> {
  const row = await db
    .selectFrom('notices')
    .select('language')
    .where('recipient_hash', '=', recipientHash)
    .orderBy('queued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.language ?? null;
}

/** Ids of the notices that went (or wait to go) to the person with this keyed recipient hash. */
export async function noticeIdsTo(trx: Kysely<DB>, recipientHash: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('notices')
    .select('id')
    .where('recipient_hash', '=', recipientHash)
    .execute();
  return rows.map((r) => r.id);
}

/** Notice id per profile among `profileIds` (any status; the first found per profile). */
export async function noticeIdsOfProfiles(
  trx: Kysely<DB>,
  profileIds: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(profileIds, IN_LIST)) {
    const rows = await trx
      .selectFrom('notices')
      .select(['id', 'profile_id'])
      .where('profile_id', 'in', part)
      .execute();
    for (const r of rows) if (r.profile_id !== null && !out.has(r.profile_id)) out.set(r.profile_id, r.id);
  }
  return out;
}

/** When the newest notice to this profile was sent (null when none was). */
export async function lastNoticeSentAt(trx: Kysely<DB>, profileId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('notices')
    .select('sent_at')
    .where('profile_id', '=', profileId)
    .where('status', '=', 'sent')
    .orderBy('sent_at', 'desc')
    .executeTakeFirst();
  return row?.sent_at ?? null;
}

/** A queued (not yet sent) notice to this profile is rewritten for a new language and jurisdiction codes. */
export async function retargetQueuedNotices(
  trx: Kysely<DB>,
  profileId: string,
  language: string,
  codes: string[],
): Promise<void> {
  const lang = templateLanguage(language);
  await trx
    .updateTable('notices')
    .set({ language: lang, content_hash: templateHash(lang), codes_json: JSON.stringify(codes) })
    .where('profile_id', '=', profileId)
    .where('status', '=', 'queued')
    .execute();
}

/** Erasure: the notice log keeps each notice's keyed hash and status, never the profile's address. */
export async function scrubNoticesOfProfile(trx: Kysely<DB>, profileId: string): Promise<number> {
  const r = await trx
    .updateTable('notices')
    .set({ recipient: null, profile_id: null })
    .where('profile_id', '=', profileId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}

/**
 * Erasure or objection by address: notices to this person lose the address, and one still queued will
 * never be sent (failed, `erased`). Returns how many notices lost an address.
 */
export async function scrubNoticesTo(trx: Kysely<DB>, recipientHash: string): Promise<number> {
  const r = await trx
    .updateTable('notices')
    .set({ recipient: null, profile_id: null })
    .where('recipient_hash', '=', recipientHash)
    .where('recipient', 'is not', null)
    .executeTakeFirst();
  await trx
    .updateTable('notices')
    .set({ status: 'failed', failure_code: 'erased' })
    .where('recipient_hash', '=', recipientHash)
    .where('status', '=', 'queued')
    .execute();
  return Number(r.numUpdatedRows ?? 0);
}

/** The notices to the person with this keyed hash, oldest first, as their access export lists them. */
export async function noticesTo(trx: Kysely<DB>, recipientHash: string) {
  return trx
    .selectFrom('notices')
    .select(['template_id', 'content_hash', 'language', 'status', 'queued_at', 'sent_at', 'bounced_at'])
    .where('recipient_hash', '=', recipientHash)
    .orderBy('queued_at')
    .execute();
}
