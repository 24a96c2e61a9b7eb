/**
 * `profile_values`: each profile's candidate values, one row per (profile, field, normalised value), with
 * the aggregate the merge ranks by (distinct contributors, source kinds, first and last observed, the raw
 * form last seen). It is derived from `observations` and kept in step with them in the same transaction,
 * as a RUNNING aggregate: a page folds its own observations into the stored rows (`addPageValues`), so its
 * cost is the page, not the history of the people in it (a person seen in five thousand mailboxes has five
 * thousand observation rows per value, which a page never reads).
 *
 * Every part of the aggregate only grows as observations are added or widened: first (min), last and its
 * raw form (a total order, merge.ts `rawWins`), source kinds (union), contributors. Distinct contributors
 * need to know whether this contributor was already counted: `profile_value_contributors` keeps one row per
 * (value, contributor) and a page's insert of its own rows tells which are new. Removing observations is the
 * one thing that does not fold: whoever deletes them deletes the values (`deleteProfileValues`,
 * `deleteValueEverywhere`) or recomputes them from their rows (`refreshValues`, `rebuildProfileValues`: the
 * full paths).
 *
 * Invariant (tested): for every profile, `loadCandidates` equals `candidatesOf(observations)` minus the
 * contributor ids, and its contributor rows are the distinct contributors of its observations.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { candidatesOf, rawWins, type Candidate } from './merge.ts';
import { ALL_FIELDS, type SourceKind } from './types.ts';
import { binaryChunks, chunks, IN_LIST, minIso } from './sql-util.ts';
import { insertRows, onConflict, takeExcluded } from '../db/insert-rows.ts';

/** The observation columns a value's aggregate is computed from (`candidatesOf`). */
const CANDIDATE_COLUMNS = [
  'profile_id',
  'field',
  'value_norm',
  'raw',
  'source',
  'contributor_id',
  'first_observed',
  'last_observed',
] as const;

export interface ValueKey {
  profileId: string;
  field: string;
  value: string;
}

/** Keys per `(profile_id, field, value_norm) IN (VALUES ...)`: 3 parameters each. */
const KEYS_PER_QUERY = 256;

type ValueRow = DB['profile_values'];

/** A stored value row as the merge reads it: one candidate for its field. */
export const candidateOf = (r: ValueRow): Candidate => ({
  field: r.field,
  value: r.value_norm,
  raw: r.raw,
  corroboration: Number(r.contributors),
  sources: new Set(r.sources.split(',') as SourceKind[]),
  first: r.first_observed,
  last: r.last_observed,
});

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
 * The FULL path: recomputes the given values from all their observations (only those rows: a value's
 * observations are one per connection and source) and writes them with their contributor rows; a value
 * with no observation left is deleted. For maintenance and after observations were removed; a page uses
 * `addPageValues`.
 */
export async function refreshValues(trx: Kysely<DB>, keys: ValueKey[]): Promise<void> {
  const wanted = new Map<string, ValueKey>();
  for (const k of keys) wanted.set(keyOf(k.profileId, k.field, k.value), k);
  const byProfile = new Map<string, Parameters<typeof candidatesOf>[0]>();
  const members: MemberRow[] = [];
  for (const part of binaryChunks([...wanted.values()], KEYS_PER_QUERY)) {
    const rows = await trx.selectFrom('observations').select(CANDIDATE_COLUMNS).where(keyIn(part)).execute();
    for (const r of rows) {
      const l = byProfile.get(r.profile_id);
      if (l) l.push(r);
      else byProfile.set(r.profile_id, [r]);
    }
    await trx.deleteFrom('profile_value_contributors').where(keyIn(part)).execute();
  }
  const fresh = new Map<string, Map<string, Candidate[]>>();
  for (const [profileId, rows] of byProfile) {
    const byField = candidatesOf(rows);
    fresh.set(profileId, byField);
    for (const cands of byField.values())
      for (const c of cands) {
        wanted.delete(keyOf(profileId, c.field, c.value));
        for (const contributor_id of c.contributorIds!)
          members.push({ profile_id: profileId, field: c.field, value_norm: c.value, contributor_id });
      }
  }
  await saveCandidates(trx, fresh);
  await insertRows(trx, 'profile_value_contributors', members, { conflict: MEMBER_IGNORE });
  // What remains has no observation any more.
  for (const part of chunks([...wanted.values()], KEYS_PER_QUERY)) {
    await trx.deleteFrom('profile_values').where(keyIn(part)).execute();
  }
}

/**
 * The FULL path for whole profiles: deletes their values and contributor rows and writes them again from
 * all their observations (maintenance, and after observations were forgotten). Reads every observation of
 * these profiles: for batches of profiles, never for a page.
 */
export async function rebuildProfileValues(trx: Kysely<DB>, profileIds: readonly string[]): Promise<number> {
  let written = 0;
  for (const part of chunks([...new Set(profileIds)], IN_LIST)) {
    await trx.deleteFrom('profile_value_contributors').where('profile_id', 'in', part).execute();
    await trx.deleteFrom('profile_values').where('profile_id', 'in', part).execute();
    const rows = await trx
      .selectFrom('observations')
      .select(CANDIDATE_COLUMNS)
      .where('profile_id', 'in', part)
      .execute();
    const byProfile = new Map<string, typeof rows>();
    for (const r of rows) {
      const l = byProfile.get(r.profile_id);
      if (l) l.push(r);
      else byProfile.set(r.profile_id, [r]);
    }
    const fresh = new Map<string, Map<string, Candidate[]>>();
    const members: MemberRow[] = [];
    for (const [profileId, rs] of byProfile) {
      const byField = candidatesOf(rs);
      fresh.set(profileId, byField);
      for (const cands of byField.values())
        for (const c of cands) {
          written += 1;
          for (const contributor_id of c.contributorIds!)
            members.push({ profile_id: profileId, field: c.field, value_norm: c.value, contributor_id });
        }
    }
    await saveCandidates(trx, fresh);
    await insertRows(trx, 'profile_value_contributors', members, { conflict: MEMBER_IGNORE });
  }
  return written;
}

/** One observation of a page as stored (after the page's own aggregation per source). */
export interface PageValue {
  profileId: string;
  field: string;
  value: string;
  raw: string;
  source: string;
  first: string;
  last: string;
}

type MemberRow = DB['profile_value_contributors'];
const MEMBER_IGNORE = onConflict(['profile_id', 'field', 'value_norm', 'contributor_id']);

/**
 * The INCREMENTAL path: folds one contributor's page of observations (already written to `observations`)
 * into the stored aggregates. Reads only the page's own value rows (none for `created` profiles, whose
 * values are exactly the page's); idempotent (a replay finds nothing to widen and no new contributor).
 * Returns the value rows it wrote (new or changed), as they now are.
 */
export async function addPageValues(
  trx: Kysely<DB>,
  contributorId: string,
  page: PageValue[],
  created: ReadonlySet<string>,
): Promise<ValueRow[]> {
  const agg = aggregateValues(page);
  const members = (known: boolean) =>
    [...agg.values()]
      .filter((a) => created.has(a.key.profileId) !== known)
      .map(({ key }) => ({
        profile_id: key.profileId,
        field: key.field,
        value_norm: key.value,
        contributor_id: contributorId,
      }));
  // New profiles: one contributor per value, nothing stored to fold into (nor to conflict with: their ids
  // are new in this transaction, so plain inserts, cheaper than ON CONFLICT on PostgreSQL).
  await insertRows(trx, 'profile_value_contributors', members(false));
  const knownMembers = members(true);
  // Known profiles: which of these values this contributor adds to (the insert returns only new rows).
  const added = new Set(
    (
      await insertRows(trx, 'profile_value_contributors', knownMembers, {
        conflict: MEMBER_IGNORE,
        returning: ['profile_id', 'field', 'value_norm'],
      })
    ).map((r) => keyOf(String(r.profile_id), String(r.field), String(r.value_norm))),
  );
  const stored = new Map<string, ValueRow>();
  for (const part of binaryChunks(
    knownMembers.map((m) => ({ profileId: m.profile_id, field: m.field, value: m.value_norm })),
    KEYS_PER_QUERY,
  )) {
    for (const r of await trx.selectFrom('profile_values').selectAll().where(keyIn(part)).execute())
      stored.set(keyOf(r.profile_id, r.field, r.value_norm), r);
  }
  const writes: ValueRow[] = [];
  const fresh: ValueRow[] = [];
  const changed: ValueRow[] = [];
  for (const [k, a] of agg) {
    const isNew = created.has(a.key.profileId);
    const next = foldValue(stored.get(k), a, isNew || added.has(k) ? 1 : 0);
    if (!next) continue;
    writes.push(next);
    (isNew ? fresh : changed).push(next);
  }
  await insertRows(trx, 'profile_values', fresh);
  await insertRows(trx, 'profile_values', changed, { conflict: VALUE_UPSERT });
  return writes;
}

/** One value's aggregate over the page's rows. */
type PageAggregate = { key: ValueKey; raw: string; sources: Set<string>; first: string; last: string };

/** The page's aggregate per value, as candidatesOf would make it from these rows alone. */
function aggregateValues(page: PageValue[]): Map<string, PageAggregate> {
  const agg = new Map<string, PageAggregate>();
  for (const o of page) {
    const k = keyOf(o.profileId, o.field, o.value);
    const a = agg.get(k);
    if (!a) {
      agg.set(k, {
        key: { profileId: o.profileId, field: o.field, value: o.value },
        raw: o.raw,
        sources: new Set([o.source]),
        first: o.first,
        last: o.last,
      });
      continue;
    }
    a.sources.add(o.source);
    a.first = minIso(a.first, o.first);
    if (rawWins(o.last, o.raw, a.last, a.raw)) [a.last, a.raw] = [o.last, o.raw];
  }
  return agg;
}

/**
 * The stored value row with the page's aggregate folded in (`more`: 1 when this contributor is new to
 * the value), a new row when none is stored, or null when folding changes nothing (no write).
 */
function foldValue(s: ValueRow | undefined, a: PageAggregate, more: number): ValueRow | null {
  if (!s) {
    return {
      profile_id: a.key.profileId,
      field: a.key.field,
      value_norm: a.key.value,
      raw: a.raw,
      sources: [...a.sources].sort().join(','),
      contributors: more,
      first_observed: a.first,
      last_observed: a.last,
    };
  }
  const sources = new Set(s.sources.split(','));
  for (const x of a.sources) sources.add(x);
  const [last, raw] = rawWins(a.last, a.raw, s.last_observed, s.raw)
    ? [a.last, a.raw]
    : [s.last_observed, s.raw];
  const next: ValueRow = {
    ...s,
    raw,
    sources: [...sources].sort().join(','),
    contributors: Number(s.contributors) + more,
    first_observed: minIso(s.first_observed, a.first),
    last_observed: last,
  };
  const changed =
    next.raw !== s.raw ||
    next.sources !== s.sources ||
    next.contributors !== Number(s.contributors) ||
    next.first_observed !== s.first_observed ||
    next.last_observed !== s.last_observed;
  return changed ? next : null;
}

/** Deletes a profile's values and contributor rows (its observations are being deleted). */
export async function deleteProfileValues(trx: Kysely<DB>, profileId: string): Promise<void> {
  await trx.deleteFrom('profile_value_contributors').where('profile_id', '=', profileId).execute();
  await trx.deleteFrom('profile_values').where('profile_id', '=', profileId).execute();
}

/** Deletes one value from every profile (all its observations are being deleted, e.g. an erased address). */
export async function deleteValueEverywhere(trx: Kysely<DB>, field: string, value: string): Promise<void> {
  await trx
    .deleteFrom('profile_value_contributors')
    .where('field', '=', field)
    .where('value_norm', '=', value)
    .execute();
  await trx.deleteFrom('profile_values').where('field', '=', field).where('value_norm', '=', value).execute();
}

/** Candidate values per profile and field, as the merge reads them (`except`: fields left out). */
export async function loadCandidates(
  trx: Kysely<DB>,
  profileIds: string[],
  except: readonly string[] = [],
): Promise<Map<string, Map<string, Candidate[]>>> {
  const out = new Map<string, Map<string, Candidate[]>>();
  for (const part of chunks(profileIds, IN_LIST)) {
    let q = trx.selectFrom('profile_values').selectAll().where('profile_id', 'in', part);
    // The other fields named: `not in` made SQLite walk all of a profile's values, thousands of past titles.
    if (except.length)
      q = q.where(
        'field',
        'in',
        ALL_FIELDS.filter((f) => !except.includes(f)),
      );
    const rows = await q.execute();
    for (const r of rows) {
      let byField = out.get(r.profile_id);
      if (!byField) out.set(r.profile_id, (byField = new Map()));
      const c = candidateOf(r);
      const l = byField.get(r.field);
      if (l) l.push(c);
      else byField.set(r.field, [c]);
    }
  }
  return out;
}
