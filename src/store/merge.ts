/**
 * Merge rules (pure): from a profile's observation rows and pins to the winning value per field and its
 * provenance. Rules, in order:
 *   1. A value pinned by the person (privacy-center correction) wins, whatever is harvested later.
 *   2. A value is SUPERSEDED when another value of the same field was first observed after this value was
 *      last observed: a newer signature with a new title/company replaces the old one (job change), in
 *      whatever order the mail is harvested (dates are the messages' dates, not harvest times).
 *   3. Among values not superseded: most distinct contributors (corroboration) first, then the most recently
 *      observed, then the earliest first-observed, then the value itself (deterministic).
 * List fields (phones, emails, websites, social) keep up to LIST_CAP values, ranked by rule 3.
 */
import type { Phone, PhoneType } from '../../parsers/types.ts';
import { LIST_FIELDS, SINGLE_FIELDS, type ObservationField, type SourceKind } from './types.ts';

export const LIST_CAP = 5;

/**
 * Pins are keyed by the `Contact` field name (parsers/types.ts): name, title, department, company, address,
 * phones, emails, websites, social. A pinned list replaces every harvested value of that list.
 */
export const PIN_FIELDS = [
  'name',
  'title',
  'department',
  'company',
  'address',
  'phones',
  'emails',
  'websites',
  'social',
] as const;
export type PinField = (typeof PIN_FIELDS)[number];

const LIST_PIN_KEY: Record<string, PinField> = {
  'phone.work': 'phones',
  'phone.mobile': 'phones',
  'phone.fax': 'phones',
  'phone.other': 'phones',
  email: 'emails',
  website: 'websites',
  social: 'social',
};

export interface ObservationRow {
  field: string;
  value_norm: string;
  raw: string;
  source: string;
  contributor_id: string;
  first_observed: string;
  last_observed: string;
}

/**
 * One candidate value of a field, aggregated over connections and sources. Contributors stay internal:
 * `corroboration` counts the distinct contributors; `contributorIds` is there only when the candidate was
 * built from observation rows (provenance then counts contributors across a list field's values exactly).
 */
export interface Candidate {
  field: string;
  value: string;
  raw: string;
  corroboration: number;
  contributorIds?: Set<string>;
  sources: Set<SourceKind>;
  first: string;
  last: string;
}

/** What people may see about where a value came from: categories and counts, never who. */
export interface FieldProvenance {
  sources: SourceKind[];
  corroboration: number;
  firstSeen: string | null;
  lastSeen: string | null;
  pinned: boolean;
}

export interface MergedFields {
  name: string | null;
  title: string | null;
  department: string | null;
  company: string | null;
  address: string | null;
  phones: Phone[];
  emails: string[];
  websites: string[];
  social: string[];
}

export interface MergeResult {
  fields: MergedFields;
  /** Winning candidate per single field (null when none or pinned). */
  winners: Partial<Record<ObservationField, Candidate>>;
  /** Chosen candidates per list field. */
  lists: Partial<Record<ObservationField, Candidate[]>>;
  provenance: Partial<Record<ObservationField, FieldProvenance>>;
  /** All candidates per field (for the job timeline). */
  byField: Map<string, Candidate[]>;
}

/**
 * Code-point order of two strings (what SQLite's BINARY and PostgreSQL's `COLLATE "C"` give for UTF-8 text):
 * JavaScript's `<` compares UTF-16 units, which puts U+10000 and above before U+E000-U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800-U+DFFF) stand for code points above U+FFFF: move them above U+E000-U+FFFF.
    const k = (c: number) => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
    return k(x) - k(y);
  }
  return a.length - b.length;
}

/**
 * Whether a sighting (last observed, raw form) replaces the raw form kept so far: the later sighting wins;
 * at the same instant the raw form first in code-point order does. A total order over the sightings, so the
 * raw form kept does not depend on the order rows are read or pages arrive: the running aggregate
 * (src/store/values.ts), the observation upsert (ingest.ts) and a merge of all rows agree.
 */
export function rawWins(last: string, raw: string, keptLast: string, keptRaw: string): boolean {
  return last > keptLast || (last === keptLast && compareCodePoints(raw, keptRaw) < 0);
}

/** Groups rows by field and value. */
export function candidatesOf(rows: ObservationRow[]): Map<string, Candidate[]> {
  const byKey = new Map<string, Candidate>();
  for (const r of rows) {
    const k = `${r.field}\u0000${r.value_norm}`;
    let c = byKey.get(k);
    if (!c) {
      c = {
        field: r.field,
        value: r.value_norm,
        raw: r.raw,
        corroboration: 0,
        contributorIds: new Set(),
        sources: new Set(),
        first: r.first_observed,
        last: r.last_observed,
      };
      byKey.set(k, c);
    } else {
      if (r.first_observed < c.first) c.first = r.first_observed;
      if (rawWins(r.last_observed, r.raw, c.last, c.raw)) {
        c.last = r.last_observed;
        c.raw = r.raw;
      }
    }
    c.contributorIds!.add(r.contributor_id);
    c.corroboration = c.contributorIds!.size;
    c.sources.add(r.source as SourceKind);
  }
  const byField = new Map<string, Candidate[]>();
  for (const c of byKey.values()) {
    const list = byField.get(c.field);
    if (list) list.push(c);
    else byField.set(c.field, [c]);
  }
  return byField;
}

function rank(a: Candidate, b: Candidate): number {
  return (
    b.corroboration - a.corroboration ||
    (a.last < b.last ? 1 : a.last > b.last ? -1 : 0) ||
    (a.first < b.first ? -1 : a.first > b.first ? 1 : 0) ||
    (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
  );
}

/** The winner of a single-valued field (rules 2 and 3). */
export function pickWinner(cands: Candidate[]): Candidate | null {
  if (cands.length === 0) return null;
  // One value: superseded only by itself, i.e. never unless its dates are inverted.
  if (cands.length === 1) return cands[0]!.last >= cands[0]!.first ? cands[0]! : null;
  const latestFirst = cands.reduce((m, c) => (c.first > m ? c.first : m), '');
  // Superseded: last seen before another value's first sighting (the latest-first value itself never is).
  return cands.filter((c) => c.last >= latestFirst).sort(rank)[0] ?? null;
}

const provenanceOf = (cs: Candidate[]): FieldProvenance => {
  if (cs.length === 1) {
    const c = cs[0]!;
    const corroboration = Math.max(c.corroboration, c.contributorIds?.size ?? 0);
    return {
      sources: [...c.sources].sort(),
      corroboration,
      firstSeen: c.first,
      lastSeen: c.last,
      pinned: false,
    };
  }
  const sources = new Set<SourceKind>();
  const contributors = new Set<string>();
  let counted = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const c of cs) {
    c.sources.forEach((s) => sources.add(s));
    c.contributorIds?.forEach((s) => contributors.add(s));
    counted = Math.max(counted, c.corroboration);
    if (first === null || c.first < first) first = c.first;
    if (last === null || c.last > last) last = c.last;
  }
  // Without ids (stored candidates) the best single value's count is a lower bound of the union.
  const corroboration = Math.max(counted, contributors.size);
  return { sources: [...sources].sort(), corroboration, firstSeen: first, lastSeen: last, pinned: false };
};

const pinnedProvenance: FieldProvenance = {
  sources: [],
  corroboration: 0,
  firstSeen: null,
  lastSeen: null,
  pinned: true,
};

/** No pins (read only: a merge never changes the pins it is given). */
const NO_PINS: Map<string, unknown> = new Map();

/** Merges rows and pins (field -> parsed JSON value: string | string[] | null) into the profile view. */
export function mergeProfile(rows: ObservationRow[], pins: Map<string, unknown> = NO_PINS): MergeResult {
  return mergeCandidates(candidatesOf(rows), pins);
}

/** The same merge from candidates already aggregated per field and value (the store's profile_values). */
export function mergeCandidates(
  byField: Map<string, Candidate[]>,
  pins: Map<string, unknown> = NO_PINS,
): MergeResult {
  const fields: MergedFields = {
    name: null,
    title: null,
    department: null,
    company: null,
    address: null,
    phones: [],
    emails: [],
    websites: [],
    social: [],
  };
  const winners: MergeResult['winners'] = {};
  const lists: MergeResult['lists'] = {};
  const provenance: MergeResult['provenance'] = {};
  for (const f of SINGLE_FIELDS) {
    if (pins.has(f)) {
      const v = pins.get(f);
      fields[f] = typeof v === 'string' ? v : null;
      provenance[f] = pinnedProvenance;
      continue;
    }
    const cands = byField.get(f);
    const w = cands ? pickWinner(cands) : null;
    if (w) {
      fields[f] = w.raw;
      winners[f] = w;
      provenance[f] = provenanceOf([w]);
    }
  }
  for (const f of LIST_FIELDS) {
    const cands = byField.get(f);
    if (!cands?.length || pins.has(LIST_PIN_KEY[f]!)) continue;
    const chosen = cands.length === 1 ? cands.slice() : [...cands].sort(rank).slice(0, LIST_CAP);
    lists[f] = chosen;
    provenance[f] = provenanceOf(chosen);
    if (f.startsWith('phone.')) {
      const type = f.slice('phone.'.length) as PhoneType;
      for (const c of chosen)
        fields.phones.push({ type, e164: c.value.startsWith('+') ? c.value : null, raw: c.raw });
    } else if (f === 'email') fields.emails = chosen.map((c) => c.raw.toLowerCase());
    else if (f === 'website') fields.websites = chosen.map((c) => c.raw);
    else fields.social = chosen.map((c) => c.raw);
  }
  // Pinned list fields: `phones` pins hold Phone-like objects or strings; others arrays of strings.
  for (const [k, v] of pins) {
    if (!Array.isArray(v)) continue;
    if (k === 'phones') {
      fields.phones = v.map((p) =>
        typeof p === 'string'
          ? { type: 'other' as PhoneType, e164: /^\+\d{7,15}$/.test(p) ? p : null, raw: p }
          : (p as Phone),
      );
      provenance['phone.other'] = pinnedProvenance;
    } else if (k === 'emails') fields.emails = v.map(String);
    else if (k === 'websites') fields.websites = v.map(String);
    else if (k === 'social') fields.social = v.map(String);
  }
  return { fields, winners, lists, provenance, byField };
}
