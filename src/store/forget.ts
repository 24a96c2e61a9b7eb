/**
 * Forgetting observations, then recomputing: the store's side of an erasure. What was derived from the
 * forgotten observations (values and their contributor rows, the profiles' merged rows and job history,
 * companies) is recomputed by the same code that derives it for a page, never patched by hand elsewhere
 * (STYLE habit 12, one owner per table).
 *
 *   await forgetProfile(trx, profileId, now);          // the erased person's own profile, whole
 *   await forgetValue(trx, 'email', address, now);     // one value wherever it was seen
 *   await forgetAddress(trx, address, now);            // their address in colleagues' values, whatever the field
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { addressesIn } from './addresses-in.ts';
import { syncCompanies } from './companies.ts';
import { eraseProfile } from './profile-admin.ts';
import { recomputeProfiles } from './recompute.ts';
import { isPostgres } from './sql-util.ts';
import type { ObservationField } from './types.ts';
import { deleteValueEverywhere } from './values.ts';

/** List pins that hold plain strings, per observation field (phones pins hold objects: not forgotten here). */
const STRING_LIST_PIN: Partial<Record<ObservationField, string>> = {
  email: 'emails',
  website: 'websites',
  social: 'social',
};

export interface ForgetOutcome {
  observationsDeleted: number;
  /** Profiles whose merged row was recomputed (they had the value, observed or pinned). */
  profilesRecomputed: number;
}

/**
 * Forgets every observation of `field = value` on any profile, drops the value from list pins that hold it
 * (compared without case), and recomputes the profiles that had it and their companies.
 */
export async function forgetValue(
  trx: Kysely<DB>,
  field: ObservationField,
  value: string,
  now: string,
): Promise<ForgetOutcome> {
  const affected = new Set(
    (
      await trx
        .selectFrom('observations')
        .select('profile_id')
        .distinct()
        .where('field', '=', field)
        .where('value_norm', '=', value)
        .execute()
    ).map((r) => r.profile_id),
  );
  const pinField = STRING_LIST_PIN[field];
  if (pinField) {
    const needle = value.toLowerCase();
    const pins = await trx
      .selectFrom('profile_pins')
      .select(['profile_id', 'value_json'])
      .where('field', '=', pinField)
      .execute();
    for (const pin of pins) {
      const v = JSON.parse(pin.value_json) as unknown;
      if (!Array.isArray(v) || !v.some((x) => String(x).toLowerCase() === needle)) continue;
      await trx
        .updateTable('profile_pins')
        .set({ value_json: JSON.stringify(v.filter((x) => String(x).toLowerCase() !== needle)) })
        .where('profile_id', '=', pin.profile_id)
        .where('field', '=', pinField)
        .execute();
      affected.add(pin.profile_id);
    }
  }
  const deleted = await trx
    .deleteFrom('observations')
    .where('field', '=', field)
    .where('value_norm', '=', value)
    .executeTakeFirst();
  // No observation of this value is left anywhere: its aggregate goes with them.
  await deleteValueEverywhere(trx, field, value);
  const ids = [...affected].sort();
  const changes = await recomputeProfiles(trx, ids, now);
  await syncCompanies(trx, ids, now);
  return { observationsDeleted: Number(deleted.numDeletedRows ?? 0n), profilesRecomputed: changes.length };
}

/**
 * Forgets a whole profile: its observations, values, pins and job history go, ledger entries lose the link,
 * its company is recounted (profile-admin.ts `eraseProfile`). Null when there is no such profile.
 */
export async function forgetProfile(
  trx: Kysely<DB>,
  profileId: string,
  now: string,
): Promise<{ observationsDeleted: number } | null> {
  const obs = await trx
    .selectFrom('observations')
    .select((eb) => eb.fn.countAll<number | string>().as('c'))
    .where('profile_id', '=', profileId)
    .executeTakeFirst();
  if (!(await eraseProfile(trx, profileId, now))) return null;
  return { observationsDeleted: Number(obs?.c ?? 0) };
}

/**
 * The privacy side's rule for "the same mailbox" (src/privacy/subject.ts `subjectAddress`), handed in by the
 * caller so the store never imports privacy code: `key` maps an address to its subject form (dot/plus
 * folding where the provider does it), `domains` lists the domains a variant of the address can use (none
 * where the provider folds nothing, so a business domain is never scanned whole).
 */
export interface SameMailbox {
  key(address: string): string;
  domains(address: string): string[];
}

/**
 * Forgets an address wherever someone else's values hold it: the `email` value itself, and any other value
 * with the address inside ("mailto:jane@acme.com" as a website, "Skype: jane@acme.com" as a social handle;
 * `addressesIn`). With `same`, every stored variant whose subject form equals the address's goes too
 * (j.doe+x@gmail.com for jdoe@gmail.com, stored before the erasure). Each value goes through `forgetValue`.
 * Erasure is rare, so the scan is a plain substring search (the address, or "@domain" for variants),
 * confirmed value by value.
 */
export async function forgetAddress(
  trx: Kysely<DB>,
  address: string,
  now: string,
  same?: SameMailbox,
): Promise<ForgetOutcome> {
  const email = address.trim().toLowerCase();
  const key = same?.key(email);
  const matches = (a: string) => a === email || (key !== undefined && same!.key(a) === key);
  const needles = [email, ...new Set((same?.domains(email) ?? []).map((d) => `@${d.toLowerCase()}`))];
  // The exact address always (its list pins go even when no observation holds it any more).
  const total = await forgetValue(trx, 'email', email, now);
  const seen = new Set([`email\u0000${email}`]);
  const contains = (column: string, needle: string) =>
    isPostgres(trx)
      ? sql<boolean>`strpos(lower(${sql.ref(column)}), ${needle}) > 0`
      : sql<boolean>`instr(lower(${sql.ref(column)}), ${needle}) > 0`;
  for (const needle of needles) {
    const found = contains('value_norm', needle);
    const rows = await trx
      .selectFrom('profile_values')
      .select(['field', 'value_norm'])
      .distinct()
      .where(found)
      .orderBy('field')
      .orderBy('value_norm')
      .execute();
    for (const r of rows) {
      const id = `${r.field}\u0000${r.value_norm}`;
      if (seen.has(id) || !addressesIn(r.field, r.value_norm).some(matches)) continue;
      seen.add(id);
      const o = await forgetValue(trx, r.field as ObservationField, r.value_norm, now);
      total.observationsDeleted += o.observationsDeleted;
      total.profilesRecomputed += o.profilesRecomputed;
    }
    // Pinned list entries no observation holds (a person's own correction listing the address).
    for (const [field, pinField] of Object.entries(STRING_LIST_PIN) as [ObservationField, string][]) {
      const pins = await trx
        .selectFrom('profile_pins')
        .select('value_json')
        .where('field', '=', pinField)
        .where(contains('value_json', needle))
        .execute();
      for (const pin of pins) {
        const v = JSON.parse(pin.value_json) as unknown;
        if (!Array.isArray(v)) continue;
        for (const x of v.map((e) => String(e).toLowerCase())) {
          const id = `${field}\u0000${x}`;
          if (seen.has(id) || !addressesIn(field, x).some(matches)) continue;
          seen.add(id);
          const o = await forgetValue(trx, field, x, now);
          total.observationsDeleted += o.observationsDeleted;
          total.profilesRecomputed += o.profilesRecomputed;
        }
      }
    }
  }
  return total;
}
