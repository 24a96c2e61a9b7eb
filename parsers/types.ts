/**
 * Shared shapes of the pure parsing core. The JSON that `sigmine extract --json` prints is built from
 * these and is a contract read by operations scripts and outside checks: extend, never rename.
 */

/** Why a message contributes nothing. `unreadable`: it could not be parsed within budget. */
export type DiscardReason = 'free-email' | 'bulk' | 'role-account' | 'no-sender' | 'unreadable';

export type PhoneType = 'work' | 'mobile' | 'fax' | 'other';

export interface Phone {
  type: PhoneType;
  /** E.164 when libphonenumber-js could validate it, else null. */
  e164: string | null;
  /** The number as written, without its label (extensions kept). */
  raw: string;
}

/** Business contact fields as the signature states them. Missing fields are null or []. */
export interface Contact {
  name: string | null;
  title: string | null;
  department: string | null;
  company: string | null;
  phones: Phone[];
  emails: string[];
  websites: string[];
  social: string[];
  address: string | null;
}

export interface Address {
  name: string | null;
  email: string | null;
}

/**
 * What a connector hands over for one message: selected headers and a bounded tail of the newest,
 * unquoted text part. Never a whole body.
 */
export interface MinimalMessage {
  /** Provider-local id (Gmail id, Graph id, IMAP UID, file path + index): for logs and cursors only. */
  sourceId: string;
  /** Lower-cased header name -> decoded value (RFC 2047 already decoded). Only the selected headers. */
  headers: Record<string, string>;
  /** The newest part's text, quoted history removed, cut to its last few KiB. */
  tail: string;
  /** Date of the message (Date header, else provider's receive time); ISO-8601, or null. */
  date: string | null;
  /**
   * Text of the block the sender's client marked as signature (Gmail `gmail_signature`, Outlook
   * `Signature`, Thunderbird `moz-signature`, else what follows an RFC 3676 `-- ` line), or null.
   * A hint for `findSignature`; absent when the connector could not see the markers.
   */
  signatureHint?: string | null;
  /**
   * The folders or labels the message is filed under, as the provider names them (IMAP mailbox path, Gmail
   * label ids, a local mailbox's subfolder or mbox file name); absent when the connector does not know. A
   * member may exclude a folder or label of a connection from sharing (src/pipeline/exclude.ts).
   */
  folders?: string[];
}

/** One line of `sigmine extract --json`. */
export interface ExtractResult {
  file?: string;
  messageId: string | null;
  from: Address;
  discarded: DiscardReason | null;
  signature: { lines: string[] } | null;
  contact: Contact | null;
  /** Human-readable reason when `discarded` is `unreadable` (budget exceeded, malformed input...). */
  reason?: string;
  /**
   * Present (true) only on an automatic reply that says the sender no longer works there ("no longer
   * with the company"): evidence that the job in their signature has ended.
   */
  jobEnded?: true;
}

export function emptyContact(): Contact {
  return {
    name: null,
    title: null,
    department: null,
    company: null,
    phones: [],
    emails: [],
    websites: [],
    social: [],
    address: null,
  };
}
