/**
 * Kysely table types owned by src/privacy and src/jurisdiction (migrations/0020-privacy.ts); the notice log's
 * own table is src/notices/tables.ts, re-exported here for the modules that read it.
 * Times are ISO-8601 text. No table here holds a plain email address except `notices.recipient`, which is
 * cleared (set to null) when the person is erased or objects.
 */
import type { Generated } from 'kysely';
import type { NoticesTable } from '../notices/tables.ts';

export type { NoticeStatus, NoticesTable } from '../notices/tables.ts';

/** Gate state per profile: `pending` (held until notice + objection window), `listed`, `restricted`. */
export type GateState = 'pending' | 'listed' | 'restricted';

export interface PrivacyGatesTable {
  profile_id: string;
  /** HMAC-SHA256 (server secret) of the normalised email: never the email itself. */
  subject_hash: string;
  state: GateState;
  /** 1 when the jurisdiction requires notice + objection window before listing. */
  hold: number;
  /** JSON array of jurisdiction codes (`DE`, `CA-QC`, `unknown`...). */
  codes_json: string;
  rule_version: string;
  /** Time the objection window ends (set once the notice was sent), or null. */
  window_ends_at: string | null;
  created_at: string;
  listed_at: string | null;
  restricted_at: string | null;
  /** State before restriction, restored when the restriction is lifted. */
  restricted_from: GateState | null;
}

export interface JurisdictionDecisionsTable {
  id: string;
  profile_id: string;
  codes_json: string;
  /** Signal that decided the most protective result (`phone`, `email-tld`, `address`, `default`). */
  decided_by: string;
  /** JSON array of { signal, code, detail }: derived signals only (country codes, area codes), no PII. */
  evidence_json: string;
  rule_version: string;
  hold: number;
  decided_at: string;
}

export type SuppressionReason =
  'erasure' | 'objection' | 'restriction' | 'drop_request' | 'contributor_request';

export interface SuppressionsTable {
  subject_hash: string;
  scope: Generated<string>;
  reason: SuppressionReason;
  request_id: string | null;
  created_at: string;
  /** Blocked re-adds since suppression: count and last date only, no PII. */
  blocked_count: Generated<number>;
  last_blocked_at: string | null;
}

export type PrivacyRequestKind = 'erase' | 'restrict' | 'unrestrict' | 'object' | 'export' | 'correct';

export interface PrivacyRequestsTable {
  id: string;
  kind: PrivacyRequestKind;
  subject_hash: string;
  /** Legal regime whose deadline applies (`gdpr`, `lgpd`, `ccpa`, ...). */
  regime: string;
  received_at: string;
  due_at: string;
  status: 'open' | 'completed' | 'refused';
  completed_at: string | null;
  channel: string;
  /** JSON summary of what was done (row counts per table, fields touched); never values or emails. */
  outcome_json: string | null;
}

export interface PrivacyTables {
  privacy_gates: PrivacyGatesTable;
  jurisdiction_decisions: JurisdictionDecisionsTable;
  suppressions: SuppressionsTable;
  privacy_requests: PrivacyRequestsTable;
}
