/**
 * Recomputes the merged view of profiles from their observations and pins (rules in merge.ts), writes the
 * changed profile rows in batches and records job changes (old -> new title/company, dated by the newer
 * signature). Used by ingestPage and by corrections (pins); `recomputeProfiles` is the full path, after
 * observations were forgotten and for maintenance.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { orderedId } from './ids.ts';
import type { ContactEvidence } from './privacy-gate.ts';
import { mergeCandidates, type Candidate, type MergedFields, type MergeResult } from './merge.ts';
import { loadCandidates } from './values.ts';
import { JOB_FIELDS, loadJobInputs, type JobPlan } from './job-inputs.ts';
import { insertRows, onConflict, takeExcluded } from '../db/insert-rows.ts';
import { jobTimeline, type JobChangeRow } from './job-history.ts';
import { normaliseValue } from './normalise.ts';
import type { ProfilesTable } from './tables.ts';
import type { ObservationField } from './types.ts';
import { chunks, IN_LIST, maxIso, minIso } from './sql-util.ts';
import type { Selectable } from 'kysely';

export type ProfileRecord = Selectable<ProfilesTable>;

export interface MergeInputs {
  /** Candidate values per profile id and field. */
  candidates: Map<string, Map<string, Candidate[]>>;
  pins: Map<string, Map<string, unknown>>;
  /**
   * A page's merge (job-inputs.ts): per profile, its title and company candidates (left out of `candidates`)
   * and how its job history is brought in step. Absent: the candidates are whole and every history is redone.
   */
  jobs?: Map<string, JobPlan | 'new'>;
}

/** A profile's job rows to store: all of them, or those from a date on (the earlier ones stand). */
interface Timeline {
  rows: JobChangeRow[];
  from: string | null;
  /** Created in this transaction: nothing stored to compare with. */
  fresh: boolean;
}

export interface ProfileChange {
  profile: ProfileRecord;
  fieldsChanged: boolean;
  /** Company, address or websites changed: what a company's row is made of (src/store/companies.ts). */
  companyFieldsChanged: boolean;
  evidenceChanged: boolean;
  evidence: ContactEvidence;
  /** Fields whose winning value is new (normalised value). */
  newValues: Array<{ field: ObservationField; value: string }>;
}

const PROFILE_MERGE_UPSERT = onConflict(
  ['id'],
  takeExcluded([
    'name',
    'title',
    'department',
    'company',
    'address',
    'phones_json',
    'emails_json',
    'websites_json',
    'social_json',
    'first_seen',
    'last_seen',
    'updated_at',
  ]),
);

const jobKey = (j: JobChangeRow) =>
  JSON.stringify([j.old_title, j.old_company, j.new_title, j.new_company, j.changed_at]);

/**
 * Stores each profile's derived job history: only the rows that differ from what is stored are deleted or
 * inserted (a new change appends one row; an old signature arriving late replaces the rows it splits), so a
 * long timeline is not rewritten on every page; a timeline redone from a date is compared with the rows
 * from that date only.
 */
async function saveJobHistory(trx: Kysely<DB>, timelines: Map<string, Timeline>, now: string): Promise<void> {
  // Stored row ids per profile and row content (a multiset: the same change could be stored twice).
  const stored = new Map<string, Map<string, string[]>>();
  const keep = (r: JobChangeRow & { id: string; profile_id: string }) => {
    let byKey = stored.get(r.profile_id);
    if (!byKey) stored.set(r.profile_id, (byKey = new Map()));
    const k = jobKey(r);
    const ids = byKey.get(k);
    if (ids) ids.push(r.id);
    else byKey.set(k, [r.id]);
  };
  const whole = [...timelines].filter(([, t]) => !t.fresh && t.from === null).map(([id]) => id);
  const fromDate = [...timelines].filter(([, t]) => !t.fresh && t.from !== null);
  for (const part of chunks(whole, IN_LIST)) {
    const rows = await trx
      .selectFrom('job_history')
      .select(['id', 'profile_id', 'old_title', 'old_company', 'new_title', 'new_company', 'changed_at'])
      .where('profile_id', 'in', part)
      .execute();
    rows.forEach(keep);
  }
  for (const part of chunks(fromDate, IN_LIST / 3)) {
    const { rows } = await sql<JobChangeRow & { id: string; profile_id: string }>`
      with k(pid, c) as (values ${sql.join(part.map(([id, t]) => sql`(${id}, ${t.from})`))})
      select j.id, j.profile_id, j.old_title, j.old_company, j.new_title, j.new_company, j.changed_at
      from k join job_history j on j.profile_id = k.pid and j.changed_at >= k.c`.execute(trx);
    rows.forEach(keep);
  }
  const inserts: DB['job_history'][] = [];
  const deletes: string[] = [];
  for (const [profileId, { rows: jobs }] of timelines) {
    const have = stored.get(profileId) ?? new Map<string, string[]>();
    for (const j of jobs) {
      const ids = have.get(jobKey(j));
      if (ids?.length) ids.pop();
      else inserts.push({ id: orderedId(), profile_id: profileId, ...j, recorded_at: now });
    }
    for (const ids of have.values()) deletes.push(...ids);
  }
  for (const part of chunks(deletes, IN_LIST))
    await trx.deleteFrom('job_history').where('id', 'in', part).execute();
  await insertRows(trx, 'job_history', inserts);
}

/**
 * What the merge of these profiles reads: their candidate values (profile_values, kept in step with the
 * observations by src/store/values.ts) and pins.
 */
export async function loadMergeInputs(
  trx: Kysely<DB>,
  profileIds: string[],
  changedJobFrom?: ReadonlyMap<string, string>,
): Promise<MergeInputs> {
  const candidates = await loadCandidates(trx, profileIds, changedJobFrom ? JOB_FIELDS : []);
  const pins = new Map<string, Map<string, unknown>>();
  for (const part of chunks(profileIds, IN_LIST)) {
    const ps = await trx
      .selectFrom('profile_pins')
      .select(['profile_id', 'field', 'value_json'])
      .where('profile_id', 'in', part)
      .execute();
    for (const p of ps) {
      let m = pins.get(p.profile_id);
      if (!m) pins.set(p.profile_id, (m = new Map()));
      m.set(p.field, JSON.parse(p.value_json));
    }
  }
  if (!changedJobFrom) return { candidates, pins };
  const jobs = await loadJobInputs(trx, profileIds, changedJobFrom, (id, f) => !!pins.get(id)?.has(f));
  return { candidates, pins, jobs };
}

/** The candidates a profile is merged from: its own, with its title and company ones when read apart. */
function candidatesFor(inputs: MergeInputs, id: string): Map<string, Candidate[]> {
  const own = inputs.candidates.get(id) ?? new Map<string, Candidate[]>();
  const plan = inputs.jobs?.get(id);
  if (!plan || plan === 'new' || plan.redo === 'keep') return own;
  const byField = new Map(own);
  for (const c of plan.candidates) {
    const l = byField.get(c.field);
    if (l) byField.set(c.field, [...l, c]);
    else byField.set(c.field, [c]);
  }
  return byField;
}

const keepsJob = (inputs: MergeInputs, id: string) => {
  const plan = inputs.jobs?.get(id);
  return !!plan && plan !== 'new' && plan.redo === 'keep';
};

/** The job rows a merge leads to (null: the stored history stands). */
function timelineOf(inputs: MergeInputs, id: string, m: MergeResult): Timeline | null {
  const plan = inputs.jobs?.get(id);
  if (plan && plan !== 'new' && plan.redo === 'keep') return null;
  const titles = m.winners.title ? (m.byField.get('title') ?? []) : [];
  const companies = m.winners.company ? (m.byField.get('company') ?? []) : [];
  const ended = m.byField.get('job.ended') ?? [];
  if (plan && plan !== 'new' && plan.redo === 'tail')
    return { rows: jobTimeline(titles, companies, ended, plan.start), from: plan.start.from, fresh: false };
  return { rows: jobTimeline(titles, companies, ended), from: null, fresh: plan === 'new' };
}

export function evidenceOf(email: string, f: MergedFields): ContactEvidence {
  return {
    phones: f.phones.map((p) => p.e164).filter((x): x is string => !!x),
    emailDomain: email.slice(email.lastIndexOf('@') + 1),
    addresses: f.address ? [f.address] : [],
  };
}

const same = (field: string, a: string | null, b: string | null) =>
  a === b ||
  (a === null ? null : normaliseValue(field as ObservationField, a)) ===
    (b === null ? null : normaliseValue(field as ObservationField, b));

/**
 * The profile row as its candidate values and pins make it (merge.ts rules), and the merge itself. Lets the
 * store insert a new contact's row already merged instead of inserting it empty and updating it.
 */
export function mergedRecord<P extends ProfileRecord>(
  p: P,
  byField: Map<string, Candidate[]>,
  pins?: Map<string, unknown>,
): { next: P; m: MergeResult } {
  const m = mergeCandidates(byField, pins);
  let firstSeen = p.first_seen;
  let lastSeen = p.last_seen;
  for (const cands of byField.values())
    for (const c of cands) {
      firstSeen = minIso(firstSeen, c.first);
      lastSeen = maxIso(lastSeen, c.last);
    }
  const f = m.fields;
  const next: P = {
    ...p,
    name: f.name,
    title: f.title,
    department: f.department,
    company: f.company,
    address: f.address,
    phones_json: JSON.stringify(f.phones),
    emails_json: JSON.stringify(f.emails),
    websites_json: JSON.stringify(f.websites),
    social_json: JSON.stringify(f.social),
    first_seen: firstSeen,
    last_seen: lastSeen,
  };
  return { next, m };
}

/** Merges each profile, writes changed rows and job history; returns one change record per profile. */
export async function applyMerge(
  trx: Kysely<DB>,
  profiles: ProfileRecord[],
  inputs: MergeInputs,
  now: string,
): Promise<ProfileChange[]> {
  const changes: ProfileChange[] = [];
  const updates: ProfileRecord[] = [];
  const timelines = new Map<string, Timeline>();
  for (const p of profiles) {
    const { next, m } = mergedRecord(p, candidatesFor(inputs, p.id), inputs.pins.get(p.id));
    if (keepsJob(inputs, p.id)) {
      // Titles and companies not read: what the profile shows stands (job-inputs.ts `keep`).
      next.title = m.fields.title = p.title;
      next.company = m.fields.company = p.company;
      delete m.winners.title;
      delete m.winners.company;
    }
    const f = m.fields;
    const newValues: ProfileChange['newValues'] = [];
    for (const k of ['name', 'title', 'department', 'company', 'address'] as const) {
      const w = m.winners[k];
      if (w && !same(k, p[k], f[k])) newValues.push({ field: k, value: w.value });
    }
    const oldLists = new Set<string>([
      ...(JSON.parse(p.phones_json) as Array<{ raw: string }>).map((x) => `p:${x.raw}`),
      ...(JSON.parse(p.websites_json) as string[]).map((x) => `w:${x}`),
      ...(JSON.parse(p.social_json) as string[]).map((x) => `s:${x}`),
      ...(JSON.parse(p.emails_json) as string[]).map((x) => `e:${x}`),
    ]);
    for (const [field, cands] of Object.entries(m.lists)) {
      const prefix = field.startsWith('phone.')
        ? 'p'
        : field === 'website'
          ? 'w'
          : field === 'social'
            ? 's'
            : 'e';
      for (const c of cands ?? []) {
        const shown = prefix === 'e' ? c.raw.toLowerCase() : c.raw;
        if (!oldLists.has(`${prefix}:${shown}`))
          newValues.push({ field: field as ObservationField, value: c.value });
      }
    }
    const fieldsChanged =
      next.name !== p.name ||
      next.title !== p.title ||
      next.department !== p.department ||
      next.company !== p.company ||
      next.address !== p.address ||
      next.phones_json !== p.phones_json ||
      next.emails_json !== p.emails_json ||
      next.websites_json !== p.websites_json ||
      next.social_json !== p.social_json;
    const evidenceChanged = next.phones_json !== p.phones_json || next.address !== p.address;
    const companyFieldsChanged =
      next.company !== p.company || next.address !== p.address || next.websites_json !== p.websites_json;
    const timeline = timelineOf(inputs, p.id, m);
    if (timeline) timelines.set(p.id, timeline);
    if (fieldsChanged || next.first_seen !== p.first_seen || next.last_seen !== p.last_seen) {
      next.updated_at = now;
      updates.push(next);
    }
    changes.push({
      profile: next,
      fieldsChanged,
      companyFieldsChanged,
      evidenceChanged,
      evidence: evidenceOf(p.email, f),
      newValues,
    });
  }
  // Full rows of existing profiles: the insert always conflicts on id and updates the merged columns.
  await insertRows(trx, 'profiles', updates, { conflict: PROFILE_MERGE_UPSERT });
  await saveJobHistory(trx, timelines, now);
  return changes;
}

/**
 * The FULL path for whole profiles: re-merges each one from its stored values and pins as if it were new
 * (first and last seen taken from its values alone, so a forgotten oldest observation moves them), and
 * writes what changed, job history included. Values must already be in step with the observations
 * (src/store/values.ts `rebuildProfileValues`). Returns one change record per profile still present.
 */
export async function recomputeProfiles(
  trx: Kysely<DB>,
  profileIds: readonly string[],
  now: string,
): Promise<ProfileChange[]> {
  const profiles: ProfileRecord[] = [];
  for (const part of chunks([...new Set(profileIds)], IN_LIST))
    profiles.push(...(await trx.selectFrom('profiles').selectAll().where('id', 'in', part).execute()));
  if (profiles.length === 0) return [];
  const inputs = await loadMergeInputs(
    trx,
    profiles.map((p) => p.id),
  );
  // Seen dates from the values alone (a profile with none keeps its own); the merge then compares fields
  // with the stored row, and rows whose seen dates alone moved are written below.
  const base = profiles.map((p) => {
    let first: string | null = null;
    let last: string | null = null;
    for (const cands of inputs.candidates.get(p.id)?.values() ?? [])
      for (const c of cands) {
        first = first === null ? c.first : minIso(first, c.first);
        last = last === null ? c.last : maxIso(last, c.last);
      }
    return first === null || last === null ? p : { ...p, first_seen: first, last_seen: last };
  });
  const changes = await applyMerge(trx, base, inputs, now);
  const stored = new Map(profiles.map((p) => [p.id, p]));
  const moved = changes
    .map((ch) => ch.profile)
    .filter((n) => {
      const p = stored.get(n.id)!;
      return n.first_seen !== p.first_seen || n.last_seen !== p.last_seen;
    });
  for (const n of moved) n.updated_at = now;
  await insertRows(trx, 'profiles', moved, { conflict: PROFILE_MERGE_UPSERT });
  return changes;
}
