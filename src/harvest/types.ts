/** Outcomes of a harvest, as data: one result per connection, and a summary over them. */
import type { DiscardReason } from '../../parsers/types.ts';

export type ResultStatus = 'ok' | 'error' | 'skipped';

/** Why a connection was not harvested. */
export type SkipCode = 'opted-out' | 'needs-reconnect' | 'disabled' | 'already-running' | 'stopped';

export interface HarvestCounts {
  pages: number;
  messagesScanned: number;
  entriesScanned: number;
  discarded: Partial<Record<DiscardReason, number>>;
  withSignature: number;
  observations: number;
  /** Messages the store had already processed (a replayed page): they change nothing. */
  messagesReplayed: number;
  contactsNew: number;
  contactsUpdated: number;
  suppressedBlocked: number;
  noticesQueued: number;
  creditsAwarded: number;
  /** Messages or entries that the member's exclusions kept (wholly or in part) from being shared. */
  excluded: number;
  apiCalls: number;
  rateLimitWaits: number;
  /** Milliseconds spent parsing and deciding (pure pipeline), and in page transactions (store). */
  pipelineMs: number;
  storeMs: number;
}

export function emptyHarvestCounts(): HarvestCounts {
  return {
    pages: 0,
    messagesScanned: 0,
    entriesScanned: 0,
    discarded: {},
    withSignature: 0,
    observations: 0,
    messagesReplayed: 0,
    contactsNew: 0,
    contactsUpdated: 0,
    suppressedBlocked: 0,
    noticesQueued: 0,
    creditsAwarded: 0,
    excluded: 0,
    apiCalls: 0,
    rateLimitWaits: 0,
    pipelineMs: 0,
    storeMs: 0,
  };
}

export function addHarvestCounts(a: HarvestCounts, b: HarvestCounts): HarvestCounts {
  for (const k of Object.keys(a) as Array<keyof HarvestCounts>) {
    if (k === 'discarded') continue;
    (a[k] as number) += b[k] as number;
  }
  for (const [k, v] of Object.entries(b.discarded) as Array<[DiscardReason, number]>) {
    a.discarded[k] = (a.discarded[k] ?? 0) + v;
  }
  return a;
}

/** What a dry run found about one contact (never stored). */
export interface PreviewContact {
  email: string;
  name: string | null;
  title: string | null;
  company: string | null;
  phones: string[];
  websites: string[];
  /** Messages or entries that mention it. */
  seen: number;
}

export interface ConnectionResult {
  connectionId: string;
  kind: string;
  contributor: string;
  status: ResultStatus;
  /** Error code (ConnectorError code, or `internal`) or skip reason. */
  code: string | null;
  /** Human-readable detail for errors (never message content or secrets). */
  message?: string;
  counts: HarvestCounts;
  durationMs: number;
  /** Dry run only: what this connection would contribute. */
  preview?: PreviewContact[];
  /** Messages read but unusable, with the budget or rule that stopped each (the first 20; all are counted). */
  unreadable?: Array<{ source: string; reason: string }>;
}

export interface HarvestSummary {
  connections: number;
  ok: number;
  failed: number;
  skipped: number;
  dryRun: boolean;
  counts: HarvestCounts;
}
