/** Tables owned by src/notices beyond the pre-add notices outbox (which src/privacy/tables.ts declares). */

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
  recipient_notices: RecipientNoticesTable;
}
