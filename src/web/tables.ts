/** Kysely table types owned by src/web (migrations/0053-web-guards.ts, 0080-metric-counters.ts). Times are ISO-8601 text. */

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

export interface WebTables {
  web_rate_slots: WebRateSlotsTable;
  web_link_uses: WebLinkUsesTable;
  web_sessions: WebSessionsTable;
  metric_counters: MetricCountersTable;
}

/**
 * Counts `/metrics` serves, kept by database triggers (migrations/0080-metric-counters.ts): a metric's
 * value per label is the sum of `n` over its shards.
 */
export interface MetricCountersTable {
  /** e.g. `profiles`, `connections_last_error` (the gauge's name without `sigmine_`). */
  metric: string;
  /** The state counted (`listed`...), '' for a metric without labels. */
  label: string;
  /** 0 on SQLite; the writing session's `pg_backend_pid() % 16` on PostgreSQL. */
  shard: number;
  n: number;
}
