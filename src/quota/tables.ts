/**
 * Why this file exists: the Kysely type of the table src/quota owns (migrations/0055-quota-buckets.ts), merged
 * into the database type in src/db/schema.ts like every module's tables.
 */
export interface QuotaBucketsTable {
  key: string;
  tokens: number;
  updated_ms: number | string;
}

export interface QuotaTables {
  quota_buckets: QuotaBucketsTable;
}
