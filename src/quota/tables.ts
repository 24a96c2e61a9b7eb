/**
 * Why this file exists: the Kysely types of the tables src/quota owns (migrations/0055-quota-buckets.ts,
 * migrations/0110-concurrency-slots.ts), merged into the database type in src/db/schema.ts like every
 * module's tables.
 */
export interface QuotaBucketsTable {
  key: string;
  tokens: number;
  updated_ms: number | string;
}

export interface ConcurrencySlotsTable {
  key: string;
  slot: number;
  holder: string | null;
  expires_ms: number | string;
}

export interface QuotaTables {
  quota_buckets: QuotaBucketsTable;
  concurrency_slots: ConcurrencySlotsTable;
}
