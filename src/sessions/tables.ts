/**
 * Kysely table types owned by src/sessions (migrations/0053-web-guards.ts): what the web app remembers of
 * its visitors across restarts and processes. Times are ISO-8601 text.
 */

export interface WebRateSlotsTable {
  /** `<kind>:<keyed hash>`: whose limit this is (an address, a client address), never the plain value. */
  bucket: string;
  /** 0 .. limit-1. */
  slot: number;
  /** When the slot was last taken; free again an hour later. */
  taken_at: string;
}

export interface WebLinkUsesTable {
  /** The `i` of an exchanged link token (random, 22 characters). */
  token_id: string;
  scope: 'privacy' | 'member';
  used_at: string;
  /** The token's own expiry: after it, the row is useless and deleted. */
  expires_at: string;
}

export interface WebSessionsTable {
  /** Keyed hash of the session cookie value. */
  id_hash: string;
  scope: 'privacy' | 'member';
  /** Keyed hash of the normalised address, to revoke every session of a person. */
  subject_hash: string;
  /** The address, AES-256-GCM under a key derived from the link key. */
  subject_enc: string;
  created_at: string;
  expires_at: string;
}

export interface SessionTables {
  web_rate_slots: WebRateSlotsTable;
  web_link_uses: WebLinkUsesTable;
  web_sessions: WebSessionsTable;
}
