/**
 * The notices outbox: one row per pre-add notice, with template id and content hash, language, recipient,
 * queued/sent times, transport and provider message id, and status (queued, sent, bounced, failed).
 * A bounced or failed notice keeps its contact pending (src/privacy/gates.ts reads only `sent`).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { NoticeStatus, NoticesTable } from '../privacy/tables.ts';
import { templateHash, templateLanguage, TEMPLATE_ID } from './templates.ts';

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
  const existing = await trx
    .selectFrom('notices')
    .select('id')
    .where('profile_id', '=', n.profileId)
    .where('status', 'in', ['queued', 'sent'])
    .executeTakeFirst();
  if (existing) return existing.id;
  const lang = templateLanguage(n.language);
  const id = randomUUID();
  await trx
    .insertInto('notices')
    .values({
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
    })
    .execute();
  return id;
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
