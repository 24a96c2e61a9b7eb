/**
 * Rectification (Art. 16): the person's value for a field is PINNED (reason `data-subject asserted`); the
 * store's merge lets a pin beat any later harvested value (src/store/merge.ts), and the profile is
 * recomputed at once so the correction shows without waiting for the next harvest.
 * Fields are the `Contact` names: name, title, department, company, address (one value; empty = none) and
 * phones, emails, websites, social (a list).
 */
import { AppError } from '../errors.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { addressesIn } from '../store/addresses-in.ts';
import { pinField } from '../store/profile-admin.ts';
import { suppressedAmong } from './hooks.ts';
import { locatePerson } from './locate.ts';
import type { PrivacyOptions } from './options.ts';
import { completeRequest, openRequest } from './requests.ts';
import { queueRecipientNotices } from '../notices/recipient-notices.ts';

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
  return (
    (SINGLE_PIN_FIELDS as readonly string[]).includes(f) || (LIST_PIN_FIELDS as readonly string[]).includes(f)
  );
}

/** `value`: a string for single fields, a list (or comma-separated string) for list fields. */
export async function correctField(
  db: Kysely<DB>,
  email: string,
  field: string,
  value: string | string[] | null,
  opts: PrivacyOptions & { now?: Date; channel?: string },
): Promise<CorrectionOutcome> {
  if (!isCorrectableField(field)) {
    throw new AppError(
      'bad-input',
      `field must be one of ${[...SINGLE_PIN_FIELDS, ...LIST_PIN_FIELDS].join(', ')}`,
    );
  }
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const isList = (LIST_PIN_FIELDS as readonly string[]).includes(field);
  const pinned: string | string[] | null = isList
    ? (Array.isArray(value) ? value : (value ?? '').split(','))
        .map((s) => s.trim().slice(0, MAX_VALUE))
        .filter(Boolean)
        .map((s) => (field === 'phones' ? toE164(s) : field === 'emails' ? s.toLowerCase() : s))
    : Array.isArray(value)
      ? (value[0] ?? null)
      : value === null || value.trim() === ''
        ? null
        : value.trim().slice(0, MAX_VALUE);
  if (Array.isArray(pinned)) for (const v of pinned) checkListValue(field, v);
  return db.transaction().execute(async (trx) => {
    const p = await locatePerson(trx, email, opts.policy, opts.secretKey);
    // A pin must not re-add someone who erased or objected (their address in an e-mail list, a "mailto:"
    // website...). The message says only that the address cannot be added: naming the reason would tell
    // the asker that this person erased.
    const held = await suppressedAmong(trx, addressesInPin(field, pinned), {
      secretKey: opts.secretKey,
      now,
      record: true,
    });
    if (held.size > 0) {
      throw new AppError('bad-input', `this address cannot be added: ${[...held].sort().join(', ')}`);
    }
    const req = await openRequest(trx, {
      kind: 'correct',
      requestHash: p.requestHash,
      codes: p.codes,
      channel: opts.channel ?? 'cli',
      now,
      policy: opts.policy,
    });
    let count = 0;
    for (const id of p.profileIds) {
      // The store pins and recomputes the profile at once (the pin beats later harvests).
      const p = await pinField(trx, id, field, pinned, at, PIN_REASON);
      if (!p) continue;
      count++;
      // Art. 19: each member who revealed this person is told of the correction (a mail of their own).
      await queueRecipientNotices(trx, {
        profileId: id,
        kind: 'rectified',
        contact: { name: p.name, email: p.email },
        fields: [field],
        now,
      });
    }
    await completeRequest(trx, req.id, { profiles: count, field }, now);
    return { requestId: req.id, profiles: count, field };
  });
}

/** The addresses a pinned value holds, as the store keys them (`addressesIn`). */
function addressesInPin(field: CorrectableField, pinned: string | string[] | null): string[] {
  const values = pinned === null ? [] : Array.isArray(pinned) ? pinned : [pinned];
  const asField = field === 'emails' ? 'email' : field;
  return [...new Set(values.flatMap((v) => addressesIn(asField, v.trim().toLowerCase())))];
}

/** A phone as the person wrote it, in E.164 when it parses as valid (the store shows E.164 pins as phones). */
function toE164(raw: string): string {
  const p = parsePhoneNumberFromString(raw);
  return p?.isValid() ? p.number : raw;
}

/**
 * A corrected phone must be a phone and a corrected e-mail an address: members pay credits to reveal them, and
 * free text pinned as "not a phone (other)" would be sold as one. Websites and profiles stay as written.
 */
function checkListValue(field: string, v: string): void {
  if (field === 'phones' && (v.match(/\p{Nd}/gu)?.length ?? 0) < 3)
    throw new AppError('bad-input', 'a phone number needs at least three digits');
  if (field === 'emails' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v))
    throw new AppError('bad-input', 'an e-mail address is written name@domain');
}
