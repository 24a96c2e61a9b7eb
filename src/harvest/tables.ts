/** Kysely table types owned by src/harvest (migrations/0040-harvest.ts). Times are ISO-8601 text. */
import type { Generated } from 'kysely';

export interface HarvestRunsTable {
  id: string;
  trigger: 'cli' | 'schedule' | 'worker' | 'demo';
  dry_run: Generated<number>;
  started_at: string;
  finished_at: string | null;
  summary_json: string | null;
}

export interface HarvestOutcomesTable {
  run_id: string;
  connection_id: string;
  status: 'ok' | 'error' | 'skipped';
  code: string | null;
  started_at: string;
  finished_at: string;
  counts_json: Generated<string>;
}

export interface HarvestLeasesTable {
  connection_id: string;
  holder: string;
  acquired_at: string;
  expires_at: string;
}

export interface HarvestTables {
  harvest_runs: HarvestRunsTable;
  harvest_outcomes: HarvestOutcomesTable;
  harvest_leases: HarvestLeasesTable;
}
