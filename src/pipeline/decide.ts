/**
 * The pure decision step of the harvest: which parts of an extraction become observations.
 * `decide(extractResult, message)` for mail, `decideStructured(contact, classify)` for calendar and
 * address-book entries. No I/O; the harvest loop hands the result to the store in one transaction per page.
 *
 * Rules (precision over recall: a wrong value is worse than none):
 * - a discarded sender (free-email, bulk, role account, no sender, unreadable) contributes nothing;
 * - the From display name becomes a `header` observation when it looks like a person's name;
 * - signature fields become `signature` observations; emails in the signature other than the sender's own
 *   are dropped (they would attach another person's address to this profile);
 * - structured entries are classified by address like mail senders, then their stated fields are kept.
 */
import type { Contact, DiscardReason, ExtractResult, MinimalMessage } from '../../parsers/types.ts';
import type { SourceKind, StructuredContact } from '../../connectors/types.ts';
import type { Decision, Observation, PipelineCounts } from './types.ts';

/** Longest field value kept; longer text is not a signature field (bounded work and storage). */
const MAX_VALUE = 300;

const clean = (s: string | null | undefined): string | null => {
  if (s == null) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length === 0 || t.length > MAX_VALUE ? null : t;
};

/**
 * A display name that names a person: letters, not an address, not a placeholder. Bounded input
 * (MAX_VALUE) keeps these simple patterns cheap.
 */
export function looksLikePersonName(name: string | null, email: string): boolean {
  const n = clean(name);
  if (!n || n.length < 2 || n.length > 80) return false;
  if (n.includes('@') || /https?:|www\./i.test(n)) return false;
  if (!/\p{L}/u.test(n)) return false;
  if (n.toLowerCase() === email.toLowerCase() || n.toLowerCase() === email.split('@')[0]?.toLowerCase()) return false;
  return true;
}

function fieldObservations(
  email: string,
  c: Partial<Contact>,
  source: SourceKind,
  observedAt: string | null,
): Observation[] {
  const out: Observation[] = [];
  const base = { email, source, observedAt };
  for (const field of ['name', 'title', 'department', 'company', 'address'] as const) {
    const v = clean(c[field] ?? null);
    if (v) out.push({ ...base, field, value: v, raw: v });
  }
  for (const p of c.phones ?? []) {
    const raw = clean(p.raw);
    if (!raw) continue;
    out.push({ ...base, field: 'phone', value: p.e164 ?? raw.replace(/[^\d+x]/gi, ''), raw, phoneType: p.type });
  }
  for (const e of c.emails ?? []) {
    const raw = clean(e);
    // Only the sender's own address: another address in the block belongs to someone else's profile.
    if (raw && raw.toLowerCase() === email) out.push({ ...base, field: 'email', value: email, raw });
  }
  for (const w of c.websites ?? []) {
    const raw = clean(w);
    if (raw) out.push({ ...base, field: 'website', value: raw.toLowerCase().replace(/\/+$/, ''), raw });
  }
  for (const s of c.social ?? []) {
    const raw = clean(s);
    if (raw) out.push({ ...base, field: 'social', value: raw.toLowerCase().replace(/\/+$/, ''), raw });
  }
  return out;
}

/** What one parsed message contributes. `m` supplies the date and the fallback idempotency key. */
export function decide(r: ExtractResult, m: Pick<MinimalMessage, 'sourceId' | 'date'>): Decision {
  const messageKey = r.messageId ?? `source:${m.sourceId}`;
  const email = r.from.email?.trim().toLowerCase() ?? null;
  if (r.discarded || !email) {
    return { item: { messageKey, observations: [] }, skipped: r.discarded ?? 'no-sender' };
  }
  const observations: Observation[] = [];
  if (looksLikePersonName(r.from.name, email)) {
    const v = clean(r.from.name)!;
    observations.push({ email, field: 'name', value: v, raw: v, source: 'header', observedAt: m.date });
  }
  if (r.contact && r.signature) observations.push(...fieldObservations(email, r.contact, 'signature', m.date));
  return {
    item: { messageKey, observations },
    skipped: observations.length === 0 ? 'no-fields' : null,
  };
}

/**
 * What one calendar attendee or address-book entry contributes. `classify` is the parser's
 * `classifyAddress` (free-email and role addresses are discarded here too).
 */
export function decideStructured(
  c: StructuredContact,
  classify: (email: string) => DiscardReason | null,
): Decision {
  const messageKey = `${c.source}:${c.sourceId}`;
  const email = c.email.trim().toLowerCase();
  const reason = email.includes('@') ? classify(email) : 'no-sender';
  if (reason) return { item: { messageKey, observations: [] }, skipped: reason };
  const observations = fieldObservations(email, { ...c.fields, emails: [] }, c.source, c.date);
  return { item: { messageKey, observations }, skipped: observations.length === 0 ? 'no-fields' : null };
}

/** Adds one decision to the run's counters. */
export function count(counts: PipelineCounts, d: Decision, kind: 'message' | 'structured', hadSignature: boolean): void {
  if (kind === 'message') counts.messages++;
  else counts.structured++;
  if (d.skipped && d.skipped !== 'no-fields' && d.skipped !== 'no-signature') {
    counts.discarded[d.skipped] = (counts.discarded[d.skipped] ?? 0) + 1;
  }
  if (hadSignature) counts.withSignature++;
  counts.observations += d.item.observations.length;
}
