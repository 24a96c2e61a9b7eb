/**
 * The pure decision step of the harvest: which parts of an extraction become observations.
 * `decide(extractResult, message, now)` for mail, `decideStructured(entry, classify, now)` for calendar
 * attendees and address-book entries. No I/O: the harvest loop hands the items to the store's `ingestPage`
 * in one transaction per page.
 *
 * Rules (precision over recall: a wrong value is worse than none):
 * - a discarded sender (free-email, bulk, role account, no sender, unreadable) contributes nothing;
 * - the From display name becomes a `header` observation when it looks like a person's name;
 * - signature fields become `signature` observations (mapping shared with the store:
 *   `contactToObservations`), only when a signature block was found;
 * - structured entries are classified by address like mail senders, then their stated fields are kept.
 * The idempotency key is the Message-ID, else the provider's id (`source:<sourceId>`), so a replayed page is
 * recognised even for mail without a Message-ID.
 */
import {
  emptyContact,
  type DiscardReason,
  type ExtractResult,
  type MinimalMessage,
} from '../../parsers/types.ts';
import type { StructuredContact } from '../../connectors/types.ts';
import { contactToObservations, normaliseValue, tidyRaw } from '../store/normalise.ts';
import type { Decision, ObservationInput, PipelineCounts } from './types.ts';

/**
 * A display name that names a person: has letters, is not an address or a URL, is not the local part.
 * Input is capped at 200 characters before any pattern runs.
 */
export function looksLikePersonName(name: string | null, email: string): boolean {
  if (!name) return false;
  const n = name
    .slice(0, 200)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["']|["']$/g, '');
  if (n.length < 2 || n.length > 80) return false;
  if (n.includes('@') || /https?:|www\./i.test(n)) return false;
  if (!/\p{L}/u.test(n)) return false;
  const lower = n.toLowerCase();
  return lower !== email && lower !== email.split('@')[0];
}

const dateOr = (d: string | null, now: string) =>
  d && !Number.isNaN(Date.parse(d)) ? new Date(d).toISOString() : now;

/**
 * The idempotency key of a message from its headers alone: the Message-ID as extraction reads it, else
 * `source:<sourceId>`. The same key `decide` gives, so a connector can ask whether a message was processed
 * before it downloads the body.
 */
export function messageKeyOf(m: Pick<MinimalMessage, 'sourceId' | 'headers'>): string {
  const id = (m.headers['message-id'] ?? '').trim();
  return id === '' ? `source:${m.sourceId}` : id.slice(0, 998);
}

/** What one parsed message contributes. `m` gives the date and the fallback idempotency key. */
export function decide(
  r: ExtractResult,
  m: Pick<MinimalMessage, 'sourceId' | 'date'>,
  now: string,
): Decision {
  const messageKey = r.messageId ?? `source:${m.sourceId}`;
  const email = r.from.email?.trim().toLowerCase() || null;
  const signature = r.signature !== null;
  if (r.discarded || !email) {
    return { item: { messageKey, observations: [] }, skipped: r.discarded ?? 'no-sender', signature: false };
  }
  const observedAt = dateOr(m.date, now);
  const observations: ObservationInput[] = [];
  if (looksLikePersonName(r.from.name, email)) {
    const raw = tidyRaw(r.from.name!.replace(/^["']|["']$/g, ''));
    observations.push({
      email,
      field: 'name',
      value: normaliseValue('name', raw),
      raw,
      source: 'header',
      observedAt,
    });
  }
  if (r.contact && signature)
    observations.push(...contactToObservations(email, r.contact, 'signature', observedAt));
  if (r.jobEnded) observations.push(jobEndedObservation(email, observedAt));
  return { item: { messageKey, observations }, skipped: observations.length ? null : 'no-fields', signature };
}

/**
 * An automatic reply from the person's own business mailbox saying they have left: evidence, dated by the
 * reply, that the job at that mailbox's domain ended. Its category is `signature` (it is read from the same
 * newest text the signature comes from); it never makes anyone a contact on its own (not a business field).
 */
function jobEndedObservation(email: string, observedAt: string): ObservationInput {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return { email, field: 'job.ended', value: domain, raw: domain, source: 'signature', observedAt };
}

/**
 * What one calendar attendee or address-book entry contributes. `classify` is the parser's
 * `classifyAddress` (free-email and role addresses are discarded here too).
 */
export function decideStructured(
  c: StructuredContact,
  classify: (email: string) => DiscardReason | null,
  now: string,
): Decision {
  const messageKey = `${c.source}:${c.sourceId}`;
  const email = c.email.trim().toLowerCase();
  const reason: DiscardReason | null = /^[^\s@]+@[^\s@]+$/.test(email.slice(0, 320))
    ? classify(email)
    : 'no-sender';
  if (reason) return { item: { messageKey, observations: [] }, skipped: reason, signature: false };
  const contact = { ...emptyContact(), ...c.fields };
  const observations = contactToObservations(email, contact, c.source, dateOr(c.date, now));
  return {
    item: { messageKey, observations },
    skipped: observations.length ? null : 'no-fields',
    signature: false,
  };
}

/** Adds one decision to the counters. */
export function count(counts: PipelineCounts, d: Decision, kind: 'message' | 'entry'): void {
  if (kind === 'message') counts.messages++;
  else counts.entries++;
  if (d.skipped && d.skipped !== 'no-fields')
    counts.discarded[d.skipped] = (counts.discarded[d.skipped] ?? 0) + 1;
  if (d.signature) counts.withSignature++;
  counts.observations += d.item.observations.length;
}
