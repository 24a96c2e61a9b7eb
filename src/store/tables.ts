/**
 * Kysely table types owned by src/store (migrations 0010-0019). Times are ISO-8601 text.
 * Minimal by construction: no message body, raw signature text, subject or plain Message-ID anywhere.
 */
export interface SettingsTable {
  key: string;
  value: string;
  created_at: string;
}

export interface StoreTables {
  settings: SettingsTable;
}
