/**
 * `profile_values`: each profile's candidate values, one row per (profile, field, normalised value), with
 * the aggregate the merge ranks by (distinct contributors, source kinds, first and last observed, the raw
 * form last seen). It is derived from `observations` and kept in step with them in the same transaction:
 * a page recomputes only the values it touched, so merging a profile costs its number of distinct values,
 * not its history (a person seen in a thousand mailboxes has a thousand observation rows per value).
 *
 * Invariant (tested): for every profile, `loadCandidates` equals `candidatesOf(observations)` minus the
 * contributor ids. Whoever deletes observations must delete or refresh the values (see eraseProfile and
 * the erasure's removal of an address from other profiles).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { candidatesOf, type Candidate } from './merge.ts';
import type { SourceKind } from './types.ts';
import { binaryChunks, chunks, IN_LIST } from './sql-util.ts';
import { insertRows, onConflict, takeExcluded } from '../db/insert-rows.ts';

export interface ValueKey {
  profileId: string;
  field: string;
  value: string;
}

/** Keys per `(profile_id, field, value_norm) IN (VALUES ...)`: 3 parameters each. */
const KEYS_PER_QUERY = 256;

type ValueRow = DB['profile_values'];

function rowsOf(profileId: string, byField: Map<string, Candidate[]>): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const cands of byField.values()) {
    for (const c of cands) {
      rows.push({
        profile_id: profileId,
        field: c.field,
        value_norm: c.value,
        raw: c.raw,
        sources: [...c.sources].sort().join(','),
        contributors: c.corroboration,
        first_observed: c.first,
        last_observed: c.last,
      });
    }
  }
  return rows;
}

/** Writes (inserts or replaces) candidate values of profiles. */
export async function saveCandidates(
  trx: Kysely<DB>,
  byProfile: Iterable<[string, Map<string, Candidate[]>]>,
): Promise<void> {
  const rows: ValueRow[] = [];
  for (const [profileId, byField] of byProfile) rows.push(...rowsOf(profileId, byField));
  await insertRows(trx, 'profile_values', rows, { conflict: VALUE_UPSERT });
}

const VALUE_UPSERT = onConflict(
  ['profile_id', 'field', 'value_norm'],
  takeExcluded(['raw', 'sources', 'contributors', 'first_observed', 'last_observed']),
);

/** `(profile_id, field, value_norm) IN (VALUES ...)`: row values against a VALUES list, on both dialects. */
const keyIn = (keys: ValueKey[]) =>
  sql<boolean>`(profile_id, field, value_norm) in (values ${sql.join(keys.map((k) => sql`(${k.profileId}, ${k.field}, ${k.value})`))})`;

const keyOf = (profileId: string, field: string, value: string) => `${profileId}\u0000${field}\u0000${value}`;

/**
 * Recomputes the given values from their observations (only those rows: a value's observations are one per
 * connection and source) and writes them; a value with no observation left is deleted.
 */
export async function refreshValues(trx: Kysely<DB>, keys: ValueKey[]): Promise<void> {
  const wanted = new Map<string, ValueKey>();
  for (const k of keys) wanted.set(keyOf(k.profileId, k.field, k.value), k);
  const byProfile = new Map<string, Parameters<typeof candidatesOf>[0]>();
  for (const part of binaryChunks([...wanted.values()], KEYS_PER_QUERY)) {
    const rows = await trx
      .selectFrom('observations')
      .select([
        'profile_id',
        'field',
        'value_norm',
        'raw',
        'source',
        'contributor_id',
        'first_observed',
        'last_observed',
      ])
      .where(keyIn(part))
      .execute();
    for (const r of rows) {
      const l = byProfile.get(r.profile_id);
      if (l) l.push(r);
      else byProfile.set(r.profile_id, [r]);
    }
  }
  const fresh = new Map<string, Map<string, Candidate[]>>();
  for (const [profileId, rows] of byProfile) {
    const byField = candidatesOf(rows);
    fresh.set(profileId, byField);
    for (const cands of byField.values())
      for (const c of cands) wanted.delete(keyOf(profileId, c.field, c.value));
  }
  await saveCandidates(trx, fresh);
  // What remains has no observation any more.
  for (const part of chunks([...wanted.values()], KEYS_PER_QUERY)) {
    await trx.deleteFrom('profile_values').where(keyIn(part)).execute();
  }
}

/** Candidate values per profile and field, as the merge reads them. */
export async function loadCandidates(
  trx: Kysely<DB>,
  profileIds: string[],
): Promise<Map<string, Map<string, Candidate[]>>> {
  const out = new Map<string, Map<string, Candidate[]>>();
  for (const part of chunks(profileIds, IN_LIST)) {
    const rows = await trx.selectFrom('profile_values').selectAll().where('profile_id', 'in', part).execute();
    for (const r of rows) {
      let byField = out.get(r.profile_id);
      if (!byField) out.set(r.profile_id, (byField = new Map()));
      const c: Candidate = {
        field: r.field,
        value: r.value_norm,
        raw: r.raw,
        corroboration: Number(r.contributors),
        sources: new Set(r.sources.split(',') as SourceKind[]),
        first: r.first_observed,
        last: r.last_observed,
      };
      const l = byField.get(r.field);
      if (l) l.push(c);
      else byField.set(r.field, [c]);
    }
  }
  return out;
}
