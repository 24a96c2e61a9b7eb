/**
 * Kysely table type of the notice log, owned by src/notices (migrations/0020-privacy.ts, 0021). Times are
 * ISO-8601 text. `recipient` is the only plain email address, cleared (set to null) when the person is
 * erased or objects; the keyed `recipient_hash` stays as evidence.
 */
import type { Generated } from 'kysely';

export type NoticeStatus = 'queued' | 'sent' | 'bounced' | 'failed';

export interface NoticesTable {
  id: string;
  profile_id: string | null;
  /** Plain recipient address while needed for sending; null after erasure/objection. */
  recipient: string | null;
  recipient_hash: string;
  template_id: string;
  content_hash: string;
  language: string;
  /** JSON array of the jurisdiction codes that chose template and language. */
  codes_json: string;
  status: NoticeStatus;
  queued_at: string;
  sent_at: string | null;
  transport: string | null;
  provider_message_id: string | null;
  bounced_at: string | null;
  failure_code: string | null;
  attempts: Generated<number>;
  /** While a send run holds the notice: ISO time its claim expires (migrations/0021-notice-claims.ts). */
  claimed_until: string | null;
}

/** Art. 19 notifications to members who revealed a person (migrations/0090-recipient-notices.ts). */
export interface RecipientNoticesTable {
  id: string;
  contributor_id: string;
  kind: 'rectified' | 'erased';
  /** The person as the member knew them; null once the mail is sent. */
  contact_name: string | null;
  contact_email: string | null;
  /** JSON array of the corrected fields (rectified); `[]` when erased. */
  fields_json: string;
  status: 'queued' | 'sent' | 'bounced' | 'failed';
  queued_at: string;
  sent_at: string | null;
  attempts: number;
  claimed_until: string | null;
  transport: string | null;
  provider_message_id: string | null;
  failure_code: string | null;
}

export interface NoticeTables {
  notices: NoticesTable;
  recipient_notices: RecipientNoticesTable;
}
