/** Kysely table types owned by src/db: the operations counters the triggers of migrations/0080 keep. */

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

export interface OpsTables {
  metric_counters: MetricCountersTable;
}
