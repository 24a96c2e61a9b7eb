/**
 * What the pure pipeline hands to the store (`ingestPage` in src/store): observations grouped per message,
 * and counters for the harvest summary. No body text, no subject, no raw signature block.
 */
import type { DiscardReason } from '../../parsers/types.ts';
import type { PageItem } from '../store/types.ts';

export type { ObservationInput, PageItem } from '../store/types.ts';

/** Why a message or entry contributed nothing: a discard reason, or nothing usable in it. */
export type SkipReason = DiscardReason | 'no-fields';

export interface Decision {
  item: PageItem;
  /** Null when it contributes observations. */
  skipped: SkipReason | null;
  /** True when a signature block was found. */
  signature: boolean;
}

export interface PipelineCounts {
  /** Messages scanned (mail). */
  messages: number;
  /** Calendar / address-book entries scanned. */
  entries: number;
  /** Discards by reason (free-email, bulk, role-account, no-sender, unreadable). */
  discarded: Partial<Record<DiscardReason, number>>;
  withSignature: number;
  observations: number;
}

export function emptyCounts(): PipelineCounts {
  return { messages: 0, entries: 0, discarded: {}, withSignature: 0, observations: 0 };
}

/** Adds `b` into `a` (summaries over pages and connections). */
export function addCounts(a: PipelineCounts, b: PipelineCounts): PipelineCounts {
  a.messages += b.messages;
  a.entries += b.entries;
  a.withSignature += b.withSignature;
  a.observations += b.observations;
  for (const [k, v] of Object.entries(b.discarded) as Array<[DiscardReason, number]>) {
    a.discarded[k] = (a.discarded[k] ?? 0) + v;
  }
  return a;
}
