/**
 * Shapes of the store API (src/store/ingest.ts and friends). The harvest (src/pipeline, src/harvest) builds
 * `ObservationInput`s (see `contactToObservations` in src/store/normalise.ts) and hands them over one page
 * at a time with `ingestPage`.
 */

/** Where a value was seen. Shown to people as the provenance category; the contributor never is. */
export const SOURCE_KINDS = ['signature', 'header', 'calendar', 'address-book'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Single-valued fields: one winner each. */
export const SINGLE_FIELDS = ['name', 'title', 'department', 'company', 'address'] as const;
/** Multi-valued fields: phones carry their type in the field name (`phone.mobile`). */
export const LIST_FIELDS = [
  'phone.work',
  'phone.mobile',
  'phone.fax',
  'phone.other',
  'email',
  'website',
  'social',
] as const;

/**
 * Evidence that is not a profile field: `job.ended` is an automatic "no longer with the company" reply from
 * the person's business mailbox (value: that mailbox's domain). The merge shows no value for it; the job
 * history dates the end of the job from it (src/store/job-history.ts).
 */
export const EVIDENCE_FIELDS = ['job.ended'] as const;

export type SingleField = (typeof SINGLE_FIELDS)[number];
export type ListField = (typeof LIST_FIELDS)[number];
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];
export type ObservationField = SingleField | ListField | EvidenceField;

export const ALL_FIELDS: readonly ObservationField[] = [...SINGLE_FIELDS, ...LIST_FIELDS, ...EVIDENCE_FIELDS];

/**
 * Fields that make someone a business contact: a name and addresses alone do not (a sender seen only in
 * headers, a calendar attendee with a name). A person becomes a contact, and gets a notice, only when some
 * source gave at least one of these; until then nothing about them is stored.
 */
export const BUSINESS_FIELDS: ReadonlySet<string> = new Set<ObservationField>([
  'title',
  'department',
  'company',
  'address',
  'phone.work',
  'phone.mobile',
  'phone.fax',
  'phone.other',
  'website',
  'social',
]);

/** One field value seen once about one contact. */
export interface ObservationInput {
  /** The contact's normalised (lower-case) business email: the profile key. */
  email: string;
  field: ObservationField;
  /** Normalised value (grouping key; E.164 for phones when valid). Re-normalised defensively by the store. */
  value: string;
  /** The value as written (display). */
  raw: string;
  source: SourceKind;
  /** The message's (or event's) date, ISO-8601. */
  observedAt: string;
}

export interface IngestContext {
  connectionId: string;
  contributorId: string;
  /** Wall-clock time of the ingest, ISO-8601 (stored as last-update times; observations keep observedAt). */
  now: string;
  /** `Config.secretKey` for Message-ID hashes; null or left out = the per-database dev secret (never the environment). */
  secretKey?: string | null;
}

export interface PageItem {
  /**
   * The message's Message-ID header (or another stable provider id, e.g. a calendar event id) as a plain
   * string: the store keeps only its keyed hash per connection. null = not replay-protected (observations
   * are still merged idempotently, since they are aggregated per contact/field/value/connection).
   */
  messageKey: string | null;
  observations: ObservationInput[];
}

export interface PageIngestOutcome {
  messagesNew: number;
  messagesReplayed: number;
  contactsNew: number;
  contactsUpdated: number;
  observationsStored: number;
  /**
   * People on the suppression list kept out of this page, once each: as a new contact, or as an address
   * listed in someone else's signature (nothing of it stored; no PII logged).
   */
  suppressedBlocked: number;
  /** Observations ignored because their profile is restricted (frozen). */
  restrictedSkipped: number;
  creditsAwarded: number;
  noticesQueued: number;
}

export type ProfileStatus = 'pending' | 'listed' | 'restricted';
