/**
 * Changes made for the person (privacy center, CLI `sigmine privacy ...`): find a profile, pin a corrected
 * value (beats any later harvest), restrict (hidden and frozen), un-list (held again after new evidence),
 * erase (profile, observations, pins and job history deleted; the company recomputed). All take the
 * caller's transaction.
 */
import { AppError } from '../errors.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { PIN_FIELDS, type PinField } from './merge.ts';
import { applyMerge, loadMergeInputs, type ProfileRecord } from './recompute.ts';
import { syncCompanies } from './companies.ts';
import { deleteProfileValues } from './values.ts';

export async function findProfile(db: Kysely<DB>, email: string): Promise<ProfileRecord | null> {
  return (
    (await db
      .selectFrom('profiles')
      .selectAll()
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst()) ?? null
  );
}

/** The profile with this id, or null (a privacy request may name one erased meanwhile). */
export async function profileById(db: Kysely<DB>, id: string): Promise<ProfileRecord | null> {
  return (await db.selectFrom('profiles').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export function isPinField(f: string): f is PinField {
  return (PIN_FIELDS as readonly string[]).includes(f);
}

/**
 * Pins `field` (a Contact field name: name, title, department, company, address, phones, emails, websites,
 * social) to `value`: a string for single fields, an array for lists, null for "no value". The profile is
 * recomputed at once; later harvests keep the observations but the pin wins. `value: undefined` unpins.
 */
export async function pinField(
  trx: Kysely<DB>,
  profileId: string,
  field: string,
  value: string | string[] | null | undefined,
  now: Date | string = new Date(),
  reason = 'data-subject asserted',
): Promise<ProfileRecord | null> {
  if (!isPinField(field)) throw new AppError('bad-input', `cannot pin unknown field "${field}"`);
  const at = new Date(now).toISOString();
  const p = await trx.selectFrom('profiles').selectAll().where('id', '=', profileId).executeTakeFirst();
  if (!p) return null;
  await trx
    .deleteFrom('profile_pins')
    .where('profile_id', '=', profileId)
    .where('field', '=', field)
    .execute();
  if (value !== undefined) {
    const v =
      typeof value === 'string'
        ? value.slice(0, 300)
        : Array.isArray(value)
          ? value.slice(0, 10).map((x) => String(x).slice(0, 300))
          : null;
    await trx
      .insertInto('profile_pins')
      .values({ profile_id: profileId, field, value_json: JSON.stringify(v), reason, pinned_at: at })
      .execute();
  }
  const [change] = await applyMerge(trx, [p], await loadMergeInputs(trx, [p.id]), at);
  await syncCompanies(trx, [p.id], at);
  return change?.profile ?? null;
}

type ProfileStatus = 'pending' | 'listed' | 'restricted';

/**
 * Moves one profile to `set.status` when it is in `from` (any status when `from` is null) and recounts its
 * company, since listed and restricted profiles count differently there. False when nothing moved.
 */
async function moveStatus(
  trx: Kysely<DB>,
  profileId: string,
  from: ProfileStatus | null,
  set: { status: ProfileStatus; listed_at?: null; restricted_at?: string | null },
  at: string,
): Promise<boolean> {
  let q = trx
    .updateTable('profiles')
    .set({ ...set, updated_at: at })
    .where('id', '=', profileId);
  if (from !== null) q = q.where('status', '=', from);
  const r = await q.executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await syncCompanies(trx, [profileId], at);
  return true;
}

/** Restricts a profile: kept, hidden from the directory, frozen against harvest updates. */
export async function restrictProfile(
  trx: Kysely<DB>,
  profileId: string,
  now: Date | string = new Date(),
): Promise<boolean> {
  const at = new Date(now).toISOString();
  return moveStatus(trx, profileId, null, { status: 'restricted', restricted_at: at }, at);
}

/**
 * Takes a listed profile out of the directory, back to `pending` (the privacy gate found it held: it returns
 * once its notice was sent and the objection window passed). Its company no longer counts it as listed.
 */
export async function unlistProfile(
  trx: Kysely<DB>,
  profileId: string,
  now: Date | string = new Date(),
): Promise<boolean> {
  const at = new Date(now).toISOString();
  return moveStatus(trx, profileId, 'listed', { status: 'pending', listed_at: null }, at);
}

/**
 * Lifts a restriction back to `pending`; the privacy side lists it again when it was listed before (`listContact`, which
 * awards nothing the second time). `listed_at` keeps the first listing date. Visible again, it counts in its
 * company's majorities again.
 */
export async function unrestrictProfile(
  trx: Kysely<DB>,
  profileId: string,
  now: Date | string = new Date(),
): Promise<boolean> {
  const at = new Date(now).toISOString();
  return moveStatus(trx, profileId, 'restricted', { status: 'pending', restricted_at: null }, at);
}

/**
 * Erases a profile and everything derived from it (observations, pins, job history by cascade); ledger
 * entries keep their amounts but lose the link to the profile. Suppression is the privacy side's (hash list).
 */
export async function eraseProfile(
  trx: Kysely<DB>,
  profileId: string,
  now: Date | string = new Date(),
): Promise<boolean> {
  const p = await trx
    .selectFrom('profiles')
    .select(['domain'])
    .where('id', '=', profileId)
    .executeTakeFirst();
  if (!p) return false;
  // Explicit deletes (not only ON DELETE CASCADE): SQLite enforces foreign keys per connection setting.
  await trx.deleteFrom('observations').where('profile_id', '=', profileId).execute();
  await deleteProfileValues(trx, profileId);
  await trx.deleteFrom('profile_pins').where('profile_id', '=', profileId).execute();
  await trx.deleteFrom('job_history').where('profile_id', '=', profileId).execute();
  await trx
    .updateTable('ledger_entries')
    .set({ profile_id: null })
    .where('profile_id', '=', profileId)
    .execute();
  await trx.deleteFrom('profiles').where('id', '=', profileId).execute();
  await syncCompanies(trx, [profileId], new Date(now).toISOString());
  return true;
}
