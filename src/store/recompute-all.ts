/**
 * `recomputeAll`: the full recompute of everything the store derives from observations, for maintenance
 * (`sigmine maintenance recompute`): per-value aggregates and their contributor rows (`profile_values`,
 * `profile_value_contributors`), each profile's merged row and job history, and the companies' members,
 * tallies and rows. The incremental path of every page must leave the same result; the test
 * test/store/maintenance-recompute.test.ts holds the two side by side.
 *
 * Profiles go in batches (keyset over the id), one transaction each, so a large directory is never held in
 * memory and a harvest running meanwhile waits at most one batch; companies are rebuilt per chunk of domains
 * at the end, from the profile rows just written.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { recomputeCompanies } from './companies.ts';
import { recomputeProfiles } from './recompute.ts';
import { rebuildProfileValues } from './values.ts';

/** Profiles per transaction: reads all their observations at once (a few thousand rows typically). */
const PROFILES_PER_BATCH = 200;
/** Domains per transaction when rebuilding companies. */
const DOMAINS_PER_BATCH = 500;

export interface RecomputeOutcome {
  profiles: number;
  /** Profiles whose merged row differed from what their observations make and was rewritten. */
  profilesChanged: number;
  values: number;
  companies: number;
}

export async function recomputeAll(
  db: Kysely<DB>,
  now: string = new Date().toISOString(),
): Promise<RecomputeOutcome> {
  const out: RecomputeOutcome = { profiles: 0, profilesChanged: 0, values: 0, companies: 0 };
  let after = '';
  for (;;) {
    const ids = (
      await db
        .selectFrom('profiles')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(PROFILES_PER_BATCH)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    await db.transaction().execute(async (trx) => {
      out.values += await rebuildProfileValues(trx, ids);
      const changes = await recomputeProfiles(trx, ids, now);
      out.profiles += changes.length;
      out.profilesChanged += changes.filter((c) => c.profile.updated_at === now).length;
    });
  }
  // Every domain a company row or tally may still name, not only those of today's profiles: a company
  // whose last profile went must go too.
  const domains = new Set<string>();
  for (const t of ['profiles', 'companies', 'company_tallies', 'company_members'] as const)
    for (const r of await db.selectFrom(t).select('domain').distinct().execute()) domains.add(r.domain);
  const sorted = [...domains].sort();
  for (let i = 0; i < sorted.length; i += DOMAINS_PER_BATCH) {
    const part = sorted.slice(i, i + DOMAINS_PER_BATCH);
    await db.transaction().execute((trx) => recomputeCompanies(trx, part, now));
  }
  out.companies = Number(
    (
      await db
        .selectFrom('companies')
        .select((eb) => eb.fn.countAll<number | string>().as('c'))
        .executeTakeFirst()
    )?.c ?? 0,
  );
  return out;
}
