/**
 * Finds what the database holds about a person, by email: profiles keyed by the lower-cased email, and
 * publication gates keyed by the person's keyed hash (which also catches provider dot/plus variants).
 */
import { AppError } from '../errors.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { decideJurisdiction } from '../jurisdiction/decide.ts';
import type { JurisdictionPolicy } from '../jurisdiction/policy.ts';
import { subjectAddress, subjectHashers } from './subject.ts';
import { findProfile } from '../store/profile-admin.ts';

export interface Person {
  /** Lower-cased, trimmed email (the store's profile key). */
  email: string;
  /** Keyed hash for suppressions and gates. */
  subjectHash: string;
  /** Keyed hash for the request log (its own purpose key). */
  requestHash: string;
  profileIds: string[];
  /** Jurisdiction codes from the stored gates, else from the email's ccTLD (or `unknown`). */
  codes: string[];
}

/**
 * One bare address and nothing else: no list (`,` `;`), display name or route (`<` `>` `"` `(` `)` `:`),
 * no literal (`[` `]` `\\`), no space or control character, no empty or doubled dot in the domain, 64
 * characters of local part and 253 of domain at most (RFC 5321 4.5.3.1). A privacy or sign-in link mailed
 * to `a@x.example, b@y.example` would otherwise also reach the second mailbox.
 */
const SINGLE_ADDRESS =
  /^[^\s@,;<>()"[\]\\:\x00-\x1f\x7f]{1,64}@(?=[^@]{1,253}$)[^\s@,;<>()"[\]\\:.\x00-\x1f\x7f]{1,63}(?:\.[^\s@,;<>()"[\]\\:.\x00-\x1f\x7f]{1,63})*$/;

/** The address trimmed and lower-cased, or a `bad-input` error when it is not exactly one address. */
export function checkEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (e.length > 320 || !SINGLE_ADDRESS.test(e)) {
    throw new AppError('bad-input', 'not an email address');
  }
  return e;
}

export async function locatePerson(
  trx: Kysely<DB>,
  email: string,
  policy: JurisdictionPolicy,
  secretKey?: string | null,
): Promise<Person> {
  const e = checkEmail(email);
  const h = await subjectHashers(trx, secretKey);
  const subjectHash = h.subject(subjectAddress(e));
  const requestHash = h.request(subjectAddress(e));
  const byEmail = await findProfile(trx, e);
  const gates = await trx
    .selectFrom('privacy_gates')
    .select(['profile_id', 'codes_json'])
    .where('subject_hash', '=', subjectHash)
    .execute();
  const profileIds = [...new Set([...(byEmail ? [byEmail.id] : []), ...gates.map((g) => g.profile_id)])];
  let codes = [...new Set(gates.flatMap((g) => JSON.parse(g.codes_json) as string[]))];
  if (codes.length === 0) {
    codes = decideJurisdiction(
      { phones: [], emailDomain: e.slice(e.lastIndexOf('@') + 1), addresses: [] },
      policy,
    ).codes;
  }
  return { email: e, subjectHash, requestHash, profileIds, codes };
}
