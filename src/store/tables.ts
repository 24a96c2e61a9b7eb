/**
 * Kysely table types owned by src/store (migrations 0010-0019). Times are ISO-8601 text.
 * Minimal by construction: no message body, raw signature text, subject or plain Message-ID anywhere.
 */
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
  created_at: string;
}

export interface ProfilesTable {
  id: string;
  email: string;
  /** Registrable domain of the email (tldts), the company key. */
  domain: string;
  status: Generated<'pending' | 'listed' | 'restricted'>;
  name: string | null;
  title: string | null;
  department: string | null;
  company: string | null;
  address: string | null;
  /** JSON `Phone[]` (parsers/types.ts). */
  phones_json: Generated<string>;
  emails_json: Generated<string>;
  websites_json: Generated<string>;
  social_json: Generated<string>;
  first_seen: string;
  last_seen: string;
  listed_at: string | null;
  restricted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProfilePinsTable {
  profile_id: string;
  field: string;
  value_json: string;
  reason: string;
  pinned_at: string;
}

export interface ObservationsTable {
  profile_id: string;
  field: string;
  value_norm: string;
  raw: string;
  source: string;
  connection_id: string;
  contributor_id: string;
  first_observed: string;
  last_observed: string;
  stored_at: string;
}

export interface JobHistoryTable {
  id: string;
  profile_id: string;
  old_title: string | null;
  old_company: string | null;
  new_title: string | null;
  new_company: string | null;
  changed_at: string;
  recorded_at: string;
}

export interface CompaniesTable {
  domain: string;
  name: string | null;
  website: string | null;
  address: string | null;
  contacts_count: Generated<number>;
  updated_at: string;
}

/** What each visible profile contributes to its domain's company (src/store/companies.ts). */
export interface CompanyMembersTable {
  profile_id: string;
  domain: string;
  /** 1 when the profile is listed (counted in `contacts_count`). */
  listed: number;
  company: string | null;
  address: string | null;
  /** JSON string[]: the profile's websites on its own domain. */
  websites_json: string;
}

/** Per domain, how many visible profiles give each name / website / address, and the counts (src/store/companies.ts). */
export interface CompanyTalliesTable {
  domain: string;
  /** `name`, `website`, `address`, or the counts `#visible` and `#listed` (value ''). */
  kind: string;
  value: string;
  n: number;
}

export interface ProcessedMessagesTable {
  connection_id: string;
  message_hash: string;
  processed_at: string;
}

export type LedgerKind =
  'connection-bonus' | 'contact-listed' | 'field-confirmed' | 'opt-out-forfeit' | 'spend';

export interface LedgerEntriesTable {
  id: string;
  contributor_id: string;
  kind: LedgerKind;
  amount: number;
  idempotency_key: string;
  connection_id: string | null;
  profile_id: string | null;
  created_at: string;
}

/** Derived from observations (src/store/values.ts): one candidate value per profile, field and value. */
export interface ProfileValuesTable {
  profile_id: string;
  field: string;
  value_norm: string;
  raw: string;
  /** Source kinds, sorted, comma-separated. */
  sources: string;
  /** Distinct contributors (a count; who they are stays in observations). */
  contributors: number;
  first_observed: string;
  last_observed: string;
}

/**
 * Which contributors a candidate value was observed by (src/store/values.ts): one row per value and
 * contributor, so that a page can tell whether its contributor is new to a value without reading the
 * value's observations. Internal like `observations.contributor_id`: never selected by a directory query.
 */
export interface ProfileValueContributorsTable {
  profile_id: string;
  field: string;
  value_norm: string;
  contributor_id: string;
}

export interface StoreTables {
  settings: SettingsTable;
  profiles: ProfilesTable;
  profile_pins: ProfilePinsTable;
  observations: ObservationsTable;
  profile_values: ProfileValuesTable;
  profile_value_contributors: ProfileValueContributorsTable;
  job_history: JobHistoryTable;
  companies: CompaniesTable;
  company_members: CompanyMembersTable;
  company_tallies: CompanyTalliesTable;
  processed_messages: ProcessedMessagesTable;
  ledger_entries: LedgerEntriesTable;
}
