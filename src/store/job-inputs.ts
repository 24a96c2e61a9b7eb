/**
 * What a page's merge reads of its known profiles' titles and companies, the two fields whose history grows
 * with a person's career: someone with two thousand past titles made every page about them read two thousand
 * values and two thousand job-history rows (bench:growth, issue 12). Read instead, per profile:
 *   - every title and company value last seen at or after a date `from`: all that can still win (a value
 *     last seen before the latest first sighting of its field is superseded, merge.ts rule 2), and all a
 *     job change from `from` on is made of;
 *   - `from` is chosen so that no value spans it (each was last seen before it or first seen at or after
 *     it), at or before the first sighting of every value the page changed: the job chains start afresh
 *     there (job-history.ts), the history before it stands, and the rows from it on are redone;
 *   - what was held just before `from`, from the last stored rows before it (job-history.ts
 *     `startFromRows`); when they cannot tell, all the profile's titles and companies and the whole history
 *     are read, as the full path does.
 * Each read is an index range or probe (migration 0170), and `from` is found by widening a few times at most:
 * start at each field's latest first sighting (the earlier of the two), take the earliest first sighting of the
 * values seen since, repeat.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Candidate } from './merge.ts';
import { startFromRows, type JobChangeRow, type TimelineStart } from './job-history.ts';
import { chunks } from './sql-util.ts';
import { candidateOf } from './values.ts';

/** The fields read by date here, not whole. */
export const JOB_FIELDS = ['title', 'company'] as const;
/** Fields whose change redoes the job history (job.ended: "no longer with the company" replies). */
export const JOB_HISTORY_FIELDS = new Set<string>([...JOB_FIELDS, 'job.ended']);

/**
 * How a profile's title, company and job history are brought in step: `keep` (the page changed none of its
 * titles, companies or end replies: the winners and the history cannot have moved, nothing is read), from
 * `start.from` on, or wholly; `candidates` are the title and company values read.
 */
export type JobPlan =
  | { redo: 'keep' }
  | { redo: 'all'; candidates: Candidate[] }
  | { redo: 'tail'; candidates: Candidate[]; start: TimelineStart };

/** Profiles per statement: each brings a few parameters. */
const PER_QUERY = 200;
const NEVER = '\uffff';

type ValueRow = DB['profile_values'];

const keys = (pairs: Array<[string, string]>) => sql.join(pairs.map(([a, b]) => sql`(${a}, ${b})`));

interface Bounds {
  /** The earlier of the title's and the company's latest first sighting. */
  latest: string | null;
  firstTitle: string | null;
  firstCompany: string | null;
}

/** Per profile: each field's latest and earliest first sightings (the earlier latest of the two kept). */
async function bounds(trx: Kysely<DB>, ids: string[]): Promise<Map<string, Bounds>> {
  const out = new Map<string, Bounds>();
  // A probe at one end of the (profile, field, first_observed) index: max() and min() side by side in
  // correlated subqueries were measured to walk the range on SQLite.
  const probe = (end: 'desc' | 'asc', field: string) =>
    sql`(select v.first_observed from profile_values v where v.profile_id = k.pid and v.field = ${sql.lit(field)} order by v.first_observed ${sql.raw(end)} limit 1)`;
  for (const part of chunks(ids, PER_QUERY)) {
    const { rows } = await sql<{
      pid: string;
      tmax: string | null;
      cmax: string | null;
      tmin: string | null;
      cmin: string | null;
    }>`
      with k(pid) as (values ${sql.join(part.map((id) => sql`(${id})`))})
      select k.pid as pid, ${probe('desc', 'title')} as tmax, ${probe('desc', 'company')} as cmax,
        ${probe('asc', 'title')} as tmin, ${probe('asc', 'company')} as cmin from k`.execute(trx);
    for (const r of rows) {
      // The earlier of the two fields' latest first sightings: each field's winner is seen since.
      const latest = [r.tmax, r.cmax].filter((x): x is string => x !== null).sort()[0] ?? null;
      out.set(r.pid, { latest, firstTitle: r.tmin, firstCompany: r.cmin });
    }
  }
  return out;
}

/** Title and company values of each profile last seen at or after its date. */
async function seenSince(trx: Kysely<DB>, from: Map<string, string>): Promise<Map<string, ValueRow[]>> {
  const out = new Map<string, ValueRow[]>([...from.keys()].map((id) => [id, []]));
  for (const part of chunks([...from], PER_QUERY)) {
    // One select per field, named as a literal: with `field in (...)` SQLite searches the primary key, and
    // the date indexes are partial (migration 0170), usable only where the query names their field.
    const perField = JOB_FIELDS.map(
      (f) =>
        sql`select v.* from k join profile_values v on v.profile_id = k.pid and v.field = ${sql.lit(f)} and v.last_observed >= k.c`,
    );
    const { rows } = await sql<ValueRow>`
      with k(pid, c) as (values ${keys(part)}) ${sql.join(perField, sql` union all `)}`.execute(trx);
    for (const r of rows) out.get(r.profile_id)!.push(r);
  }
  return out;
}

/** The stored job rows of the latest date before each profile's date. */
async function rowsBefore(
  trx: Kysely<DB>,
  from: Array<[string, string]>,
): Promise<Map<string, JobChangeRow[]>> {
  const out = new Map<string, JobChangeRow[]>(from.map(([id]) => [id, []]));
  for (const part of chunks(from, PER_QUERY)) {
    const { rows } = await sql<JobChangeRow & { profile_id: string }>`
      with k(pid, c) as (values ${keys(part)})
      select j.profile_id, j.old_title, j.old_company, j.new_title, j.new_company, j.changed_at
      from k join job_history j on j.profile_id = k.pid and j.changed_at = (
        select max(x.changed_at) from job_history x where x.profile_id = k.pid and x.changed_at < k.c)`.execute(
      trx,
    );
    for (const { profile_id, ...r } of rows) out.get(profile_id)!.push(r);
  }
  return out;
}

/** All title and company values of these profiles (the full path's read). */
async function allOf(trx: Kysely<DB>, ids: string[]): Promise<Map<string, ValueRow[]>> {
  const out = new Map<string, ValueRow[]>(ids.map((id) => [id, []]));
  for (const part of chunks(ids, PER_QUERY)) {
    const rows = await trx
      .selectFrom('profile_values')
      .selectAll()
      .where('profile_id', 'in', part)
      .where('field', 'in', [...JOB_FIELDS])
      .execute();
    for (const r of rows) out.get(r.profile_id)!.push(r);
  }
  return out;
}

/**
 * The job plan of each profile. `changedFrom`: the earliest first sighting among the title, company and
 * job.ended values the page changed (absent: none changed, the shown title and company and the history
 * stand, and nothing is read). `pinned(id, field)`: a
 * pinned field has no job chain (corrections are not job changes).
 */
export async function loadJobInputs(
  trx: Kysely<DB>,
  profileIds: string[],
  changedFrom: ReadonlyMap<string, string>,
  pinned: (id: string, field: 'title' | 'company') => boolean,
): Promise<Map<string, JobPlan>> {
  const plans = new Map<string, JobPlan>();
  for (const id of profileIds) if (!changedFrom.has(id)) plans.set(id, { redo: 'keep' });
  profileIds = profileIds.filter((id) => changedFrom.has(id));
  if (profileIds.length === 0) return plans;
  const b = await bounds(trx, profileIds);
  // Widen each profile's date until no value seen since it was first seen before it.
  const from = new Map<string, string>();
  const read = new Map<string, ValueRow[]>();
  for (const id of profileIds) {
    const c = [b.get(id)?.latest ?? NEVER, changedFrom.get(id) ?? NEVER].sort()[0]!;
    if (c === NEVER) read.set(id, []);
    else from.set(id, c);
  }
  let pending = new Map(from);
  while (pending.size) {
    const got = await seenSince(trx, pending);
    const next = new Map<string, string>();
    for (const [id, rows] of got) {
      const earliest = rows.reduce((m, r) => (r.first_observed < m ? r.first_observed : m), pending.get(id)!);
      if (earliest < pending.get(id)!) next.set(id, earliest);
      else read.set(id, rows);
    }
    for (const [id, c] of next) from.set(id, c);
    pending = next;
  }
  // Where the history is redone from a date, what was held before it.
  const tails = profileIds.filter((id) => from.has(id));
  const before = await rowsBefore(
    trx,
    tails.map((id) => [id, from.get(id)!]),
  );
  const whole: string[] = [];
  for (const id of profileIds) {
    const candidates = read.get(id)!.map(candidateOf);
    if (!from.has(id)) plans.set(id, { redo: 'all', candidates });
    else {
      const pb = b.get(id)!;
      const start = startFromRows(
        from.get(id)!,
        before.get(id)!,
        pinned(id, 'title') ? null : pb.firstTitle,
        pinned(id, 'company') ? null : pb.firstCompany,
      );
      if (start) plans.set(id, { redo: 'tail', candidates, start });
      else whole.push(id);
    }
  }
  for (const [id, rows] of await allOf(trx, whole))
    plans.set(id, { redo: 'all', candidates: rows.map(candidateOf) });
  return plans;
}
