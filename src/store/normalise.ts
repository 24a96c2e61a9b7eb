/**
 * Value normalisation for observations, and the bridge from the parser's `Contact` to observations.
 * Pure functions; every input is capped before any regex runs (hostile input, bounded work).
 */
import type { Contact } from '../../parsers/types.ts';
import type { ObservationField, ObservationInput, SourceKind } from './types.ts';

/** Values longer than this are cut: no signature field is legitimately longer (addresses ~200). */
export const MAX_VALUE = 300;

const collapse = (s: string) =>
  s
    .slice(0, MAX_VALUE * 2)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_VALUE);

/** The value as written, tidied for display (whitespace collapsed, capped). */
export function tidyRaw(raw: string): string {
  return collapse(raw);
}

/** The grouping key for a value: case and spacing ignored, URLs without scheme/www/trailing slash. */
export function normaliseValue(field: ObservationField, value: string): string {
  const v = collapse(value);
  if (field.startsWith('phone.')) {
    if (/^\+[1-9]\d{6,14}$/.test(v)) return v;
    const ext = /(?:ext\.?|x|#)\s*(\d{1,6})\s*$/i.exec(v);
    const digits = v.replace(/(?:ext\.?|x|#)\s*\d{1,6}\s*$/i, '').replace(/\D/g, '');
    return ext ? `${digits}x${ext[1]}` : digits;
  }
  if (field === 'email') return v.toLowerCase();
  if (field === 'website' || field === 'social') {
    return v
      .toLowerCase()
      .replace(/^[a-z]{3,6}:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '');
  }
  return v.toLowerCase().replace(/[.,;:]+$/, '');
}

/** Observations for one contact as the parser (or an address book) states it. */
export function contactToObservations(
  email: string,
  contact: Contact,
  source: SourceKind,
  observedAt: string,
): ObservationInput[] {
  const key = email.trim().toLowerCase();
  const out: ObservationInput[] = [];
  const add = (field: ObservationField, raw: string | null | undefined, value?: string | null) => {
    if (!raw || !raw.trim()) return;
    const norm = normaliseValue(field, value ?? raw);
    if (!norm) return;
    out.push({ email: key, field, value: norm, raw: tidyRaw(raw), source, observedAt });
  };
  add('name', contact.name);
  add('title', contact.title);
  add('department', contact.department);
  add('company', contact.company);
  add('address', contact.address);
  for (const p of contact.phones) add(`phone.${p.type}`, p.raw, p.e164 ?? p.raw);
  for (const e of contact.emails) if (e.trim().toLowerCase() !== key) add('email', e);
  for (const w of contact.websites) add('website', w);
  for (const s of contact.social) add('social', s);
  return out;
}
