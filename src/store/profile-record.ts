/**
 * Everything the store holds about one profile, as the person's access export (src/privacy/export.ts) shows
 * it: the profile row, provenance aggregated per value and source category (contributor ids are only
 * counted, never selected: GDPR Art. 15(4)), pins, job history, and how many members saw the person at all.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ProfilesTable } from './tables.ts';

export interface ProfileRecordForPerson {
  profile: Selectable<ProfilesTable>;
  provenance: Array<{
    field: string;
    value_norm: string;
    source: string;
    raw: string;
    first_seen: string;
    last_seen: string;
    corroboration: number;
  }>;
  pins: Array<{ field: string; value_json: string; reason: string; pinned_at: string }>;
  jobs: Array<Selectable<DB['job_history']>>;
  /** Distinct members whose mail showed the person (the precision of the profile's own dates). */
  members: number;
}

/** The profile with this id and what it is made of; null when it is gone. */
export async function profileRecordForPerson(
  trx: Kysely<DB>,
  id: string,
): Promise<ProfileRecordForPerson | null> {
  const profile = await trx.selectFrom('profiles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!profile) return null;
  const provenance = await trx
    .selectFrom('observations')
    .select(['field', 'value_norm', 'source'])
    .select(sql<string>`max(raw)`.as('raw'))
    .select(sql<string>`min(first_observed)`.as('first_seen'))
    .select(sql<string>`max(last_observed)`.as('last_seen'))
    .select(sql<number>`count(distinct contributor_id)`.as('corroboration'))
    .where('profile_id', '=', id)
    .groupBy(['field', 'value_norm', 'source'])
    .orderBy('field')
    .orderBy('value_norm')
    .execute();
  const pins = await trx
    .selectFrom('profile_pins')
    .select(['field', 'value_json', 'reason', 'pinned_at'])
    .where('profile_id', '=', id)
    .execute();
  const jobs = await trx
    .selectFrom('job_history')
    .selectAll()
    .where('profile_id', '=', id)
    .orderBy('changed_at')
    .execute();
  const seenBy = await trx
    .selectFrom('observations')
    .select(sql<number>`count(distinct contributor_id)`.as('n'))
    .where('profile_id', '=', id)
    .executeTakeFirst();
  return { profile, provenance, pins, jobs, members: Number(seenBy?.n ?? 0) };
}
