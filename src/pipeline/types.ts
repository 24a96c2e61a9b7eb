/**
 * What the pure pipeline hands to the store: observations (one field value seen once) grouped per message,
 * and counters for the harvest summary. No body text, no subject, no raw signature block.
 */
import type { DiscardReason, PhoneType } from '../../parsers/types.ts';
import type { SourceKind } from '../../connectors/types.ts';

export type ObservationField =
  | 'name'
  | 'title'
  | 'department'
  | 'company'
  | 'phone'
  | 'email'
  | 'website'
  | 'social'
  | 'address';

export interface Observation {
  /** The contact's normalised (lower-case) business email: the profile key. */
  email: string;
  field: ObservationField;
  /** Normalised value (E.164 for phones, lower-case for web and email addresses, trimmed text otherwise). */
  value: string;
  /** The value as written. */
  raw: string;
  source: SourceKind;
  /** ISO-8601 date of the message or structured entry, or null when unknown. */
  observedAt: string | null;
  /** Phones only: work, mobile, fax or other. */
  phoneType?: PhoneType;
}

/** One message (or structured entry) worth of work for the store's `ingestPage`. */
export interface PageItem {
  /** Idempotency key (the store keeps only a keyed hash of it): Message-ID, else `source:<sourceId>`. */
  messageKey: string | null;
  observations: Observation[];
}

/** Why a message or entry contributed nothing. */
export type SkipReason = DiscardReason | 'no-signature' | 'no-fields';

export interface Decision {
  item: PageItem;
  /** Null when it contributes observations. */
  skipped: SkipReason | null;
}

export interface PipelineCounts {
  messages: number;
  structured: number;
  /** Discards by reason (free-email, bulk, role-account, no-sender, unreadable). */
  discarded: Partial<Record<DiscardReason, number>>;
  withSignature: number;
  observations: number;
}

export function emptyCounts(): PipelineCounts {
  return { messages: 0, structured: 0, discarded: {}, withSignature: 0, observations: 0 };
}
