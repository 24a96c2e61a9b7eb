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
