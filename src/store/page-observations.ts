/**
 * A page's observations, cleaned and aggregated per (email, field, value, source) before the store
 * touches a table: hostile or broken input is dropped here (never thrown), a forged future date is
 * clamped, and the page's repeats collapse into one row with the widest dates and the winning raw form.
 */
import { normaliseValue, tidyRaw } from './normalise.ts';
import { ALL_FIELDS, SOURCE_KINDS, type ObservationInput, type PageItem } from './types.ts';
import { minIso } from './sql-util.ts';
import { rawWins, type ObservationRow } from './merge.ts';
import { EMAIL_SHAPE } from './addresses-in.ts';

const SOURCES = new Set<string>(SOURCE_KINDS);
const FIELDS = new Set<string>(ALL_FIELDS);

/** One aggregated observation of the page. */
export interface Agg {
  email: string;
  field: string;
  value: string;
  raw: string;
  source: string;
  first: string;
  last: string;
}

/** A day of clock skew allowed for Date headers. */
const FUTURE_SLACK_MS = 86_400_000;
/** Dates before this are broken headers (the epoch, two-digit years), not evidence. */
const EARLIEST = Date.UTC(1980, 0, 1);

/**
 * Validates and normalises one observation; null when unusable (never throws on hostile input).
 * A Date header in the future is clamped to the ingest time: otherwise a forged date would make its
 * values "the newest" and win every later merge.
 */
function clean(o: ObservationInput, nowMs: number, seen: Seen): Agg | null {
  if (!o || typeof o.email !== 'string' || typeof o.value !== 'string') return null;
  // A message's observations share their email and date: each is checked once per run of equal inputs.
  if (o.email !== seen.emailIn) {
    const e = o.email.trim().toLowerCase();
    seen.emailIn = o.email;
    seen.email = e.length > 320 || !EMAIL_SHAPE.test(e) ? null : e;
  }
  const email = seen.email;
  if (email === null) return null;
  if (!FIELDS.has(o.field) || !SOURCES.has(o.source)) return null;
  if (typeof o.observedAt !== 'string') return null;
  if (o.observedAt !== seen.atIn) {
    const t = Date.parse(o.observedAt);
    seen.atIn = o.observedAt;
    seen.at =
      !Number.isFinite(t) || t < EARLIEST
        ? null
        : new Date(t > nowMs + FUTURE_SLACK_MS ? nowMs : t).toISOString();
  }
  const at = seen.at;
  if (at === null) return null;
  const value = normaliseValue(o.field, o.value);
  if (!value) return null;
  return {
    email,
    field: o.field,
    value,
    raw: tidyRaw(o.raw || o.value) || value,
    source: o.source,
    first: at,
    last: at,
  };
}

/** The last email and date `clean` checked, and what it made of them (null: unusable). */
interface Seen {
  emailIn: string | undefined;
  email: string | null;
  atIn: string | undefined;
  at: string | null;
}

/** An aggregated page observation as the merge reads it back from the observations table. */
export function observationRow(a: Agg, contributorId: string): ObservationRow {
  return {
    field: a.field,
    value_norm: a.value,
    raw: a.raw,
    source: a.source,
    contributor_id: contributorId,
    first_observed: a.first,
    last_observed: a.last,
  };
}

/** The page's usable observations aggregated per (email, field, value, source), grouped by email. */
export function aggregatePage(items: PageItem[], nowMs: number): Map<string, Agg[]> {
  const aggs = new Map<string, Agg>();
  const seen: Seen = { emailIn: undefined, email: null, atIn: undefined, at: null };
  for (const item of items) {
    for (const o of item.observations ?? []) {
      const a = clean(o, nowMs, seen);
      if (!a) continue;
      const k = `${a.email}\u0000${a.field}\u0000${a.value}\u0000${a.source}`;
      const prev = aggs.get(k);
      if (!prev) aggs.set(k, a);
      else {
        prev.first = minIso(prev.first, a.first);
        if (rawWins(a.last, a.raw, prev.last, prev.raw)) {
          prev.last = a.last;
          prev.raw = a.raw;
        }
      }
    }
  }
  const byEmail = new Map<string, Agg[]>();
  for (const a of aggs.values()) {
    const list = byEmail.get(a.email);
    if (list) list.push(a);
    else byEmail.set(a.email, [a]);
  }
  return byEmail;
}
