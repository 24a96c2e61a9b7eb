/**
 * Rectification (Art. 16): the person's value for a field is PINNED (reason `data-subject asserted`); the
 * store's merge lets a pin beat any later harvested value (src/store/merge.ts). The profile column is
 * updated at once so the correction shows without waiting for the next harvest.
 * Fields are the `Contact` names: name, title, department, company, address (one value; empty = none) and
 * phones, emails, websites, social (a list).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Phone } from '../../parsers/types.ts';
import { locatePerson } from './locate.ts';
import { resolveOptions, type PrivacyOptions } from './options.ts';
import { completeRequest, openRequest } from './requests.ts';

export const SINGLE_PIN_FIELDS = ['name', 'title', 'department', 'company', 'address'] as const;
export const LIST_PIN_FIELDS = ['phones', 'emails', 'websites', 'social'] as const;
export type CorrectableField = (typeof SINGLE_PIN_FIELDS)[number] | (typeof LIST_PIN_FIELDS)[number];

export const PIN_REASON = 'data-subject asserted';
/** Longest value a person may assert (same order as the store's value cap). */
const MAX_VALUE = 300;

export interface CorrectionOutcome {
  requestId: string;
  profiles: number;
  field: CorrectableField;
}

export function isCorrectableField(f: string): f is CorrectableField {
  return (SINGLE_PIN_FIELDS as readonly string[]).includes(f) || (LIST_PIN_FIELDS as readonly string[]).includes(f);
}

/** `value`: a string for single fields, a list (or comma-separated string) for list fields. */
export async function correctField(
  db: Kysely<DB>,
  email: string,
  field: string,
  value: string | string[] | null,
  opts: PrivacyOptions & { now?: Date; channel?: string } = {},
): Promise<CorrectionOutcome> {
  if (!isCorrectableField(field)) {
    throw Object.assign(new Error(`field must be one of ${[...SINGLE_PIN_FIELDS, ...LIST_PIN_FIELDS].join(', ')}`), { code: 'bad-input' });
  }
  const o = resolveOptions(opts);
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const isList = (LIST_PIN_FIELDS as readonly string[]).includes(field);
  const pinned: string | string[] | null = isList
    ? (Array.isArray(value) ? value : (value ?? '').split(',')).map((s) => s.trim().slice(0, MAX_VALUE)).filter(Boolean)
    : Array.isArray(value)
      ? (value[0] ?? null)
      : value === null || value.trim() === ''
        ? null
        : value.trim().slice(0, MAX_VALUE);
  return db.transaction().execute(async (trx) => {
    const p = await locatePerson(trx, email, o.policy, o.secretKey);
    const req = await openRequest(trx, { kind: 'correct', requestHash: p.requestHash, codes: p.codes, channel: opts.channel ?? 'cli', now, policy: o.policy });
    let count = 0;
    for (const id of p.profileIds) {
      const exists = await trx.selectFrom('profiles').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) continue;
      await trx.deleteFrom('profile_pins').where('profile_id', '=', id).where('field', '=', field).execute();
      await trx
        .insertInto('profile_pins')
        .values({ profile_id: id, field, value_json: JSON.stringify(pinned), reason: PIN_REASON, pinned_at: at })
        .execute();
      await trx.updateTable('profiles').set({ ...columnFor(field, pinned), updated_at: at }).where('id', '=', id).execute();
      count++;
    }
    await completeRequest(trx, req.id, { profiles: count, field }, now);
    return { requestId: req.id, profiles: count, field };
  });
}

function columnFor(field: CorrectableField, v: string | string[] | null): Record<string, string | null> {
  switch (field) {
    case 'phones':
      return { phones_json: JSON.stringify(((v as string[]) ?? []).map(toPhone)) };
    case 'emails':
      return { emails_json: JSON.stringify(((v as string[]) ?? []).map((e) => e.toLowerCase())) };
    case 'websites':
      return { websites_json: JSON.stringify(v ?? []) };
    case 'social':
      return { social_json: JSON.stringify(v ?? []) };
    default:
      return { [field]: (v as string | null) ?? null };
  }
}

function toPhone(raw: string): Phone {
  const p = parsePhoneNumberFromString(raw);
  return { type: 'work', e164: p?.isValid() ? p.number : null, raw };
}
