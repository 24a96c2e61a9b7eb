/**
 * Recomputes the merged view of profiles from their observations and pins (rules in merge.ts), writes the
 * changed profile rows in batches and records job changes (old -> new title/company, dated by the newer
 * signature). Used by ingestPage and by corrections (pins).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { JurisdictionEvidence } from '../privacy/hooks.ts';
import { mergeProfile, type MergedFields, type ObservationRow } from './merge.ts';
import { normaliseValue } from './normalise.ts';
import type { ProfilesTable } from './tables.ts';
import type { ObservationField } from './types.ts';
import { chunks, IN_LIST, maxIso, minIso, ROWS_PER_INSERT } from './sql-util.ts';
import type { Selectable } from 'kysely';

export type ProfileRecord = Selectable<ProfilesTable>;

export interface MergeInputs {
  rows: Map<string, ObservationRow[]>;
  pins: Map<string, Map<string, unknown>>;
}

export interface ProfileChange {
  profile: ProfileRecord;
  fieldsChanged: boolean;
  evidenceChanged: boolean;
  evidence: JurisdictionEvidence;
  /** Fields whose winning value is new (normalised value). */
  newValues: Array<{ field: ObservationField; value: string }>;
}

export async function loadMergeInputs(trx: Kysely<DB>, profileIds: string[]): Promise<MergeInputs> {
  const rows = new Map<string, ObservationRow[]>();
  const pins = new Map<string, Map<string, unknown>>();
  for (const part of chunks(profileIds, IN_LIST)) {
    const obs = await trx
      .selectFrom('observations')
      .select(['profile_id', 'field', 'value_norm', 'raw', 'source', 'contributor_id', 'first_observed', 'last_observed'])
      .where('profile_id', 'in', part)
      .execute();
    for (const r of obs) {
      const l = rows.get(r.profile_id);
      if (l) l.push(r);
      else rows.set(r.profile_id, [r]);
    }
    const ps = await trx.selectFrom('profile_pins').select(['profile_id', 'field', 'value_json']).where('profile_id', 'in', part).execute();
    for (const p of ps) {
      let m = pins.get(p.profile_id);
      if (!m) pins.set(p.profile_id, (m = new Map()));
      m.set(p.field, JSON.parse(p.value_json));
    }
  }
  return { rows, pins };
}

export function evidenceOf(email: string, f: MergedFields): JurisdictionEvidence {
  return {
    phones: f.phones.map((p) => p.e164).filter((x): x is string => !!x),
    emailDomain: email.slice(email.lastIndexOf('@') + 1),
    addresses: f.address ? [f.address] : [],
  };
}

const same = (field: string, a: string | null, b: string | null) =>
  (a === null ? null : normaliseValue(field as ObservationField, a)) === (b === null ? null : normaliseValue(field as ObservationField, b));

/** Merges each profile, writes changed rows and job history; returns one change record per profile. */
export async function applyMerge(
  trx: Kysely<DB>,
  profiles: ProfileRecord[],
  inputs: MergeInputs,
  now: string,
): Promise<ProfileChange[]> {
  const changes: ProfileChange[] = [];
  const updates: ProfileRecord[] = [];
  const jobs: DB['job_history'][] = [];
  for (const p of profiles) {
    const rows = inputs.rows.get(p.id) ?? [];
    const m = mergeProfile(rows, inputs.pins.get(p.id));
    const f = m.fields;
    const next: ProfileRecord = {
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
      first_seen: rows.reduce((a, r) => minIso(a, r.first_observed), p.first_seen),
      last_seen: rows.reduce((a, r) => maxIso(a, r.last_observed), p.last_seen),
    };
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
      const prefix = field.startsWith('phone.') ? 'p' : field === 'website' ? 'w' : field === 'social' ? 's' : 'e';
      for (const c of cands ?? []) {
        const shown = prefix === 'e' ? c.raw.toLowerCase() : c.raw;
        if (!oldLists.has(`${prefix}:${shown}`)) newValues.push({ field: field as ObservationField, value: c.value });
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
    const titleMoved = p.title !== null && f.title !== null && !same('title', p.title, f.title) && !!m.winners.title;
    const companyMoved = p.company !== null && f.company !== null && !same('company', p.company, f.company) && !!m.winners.company;
    if (titleMoved || companyMoved) {
      const dates = [titleMoved ? m.winners.title!.first : '', companyMoved ? m.winners.company!.first : ''];
      jobs.push({
        id: randomUUID(),
        profile_id: p.id,
        old_title: p.title,
        old_company: p.company,
        new_title: f.title,
        new_company: f.company,
        changed_at: dates.reduce((a, b) => maxIso(a, b)),
        recorded_at: now,
      });
    }
    if (fieldsChanged || next.first_seen !== p.first_seen || next.last_seen !== p.last_seen) {
      next.updated_at = now;
      updates.push(next);
    }
    changes.push({ profile: next, fieldsChanged, evidenceChanged, evidence: evidenceOf(p.email, f), newValues });
  }
  for (const part of chunks(updates, ROWS_PER_INSERT)) {
    await trx
      .insertInto('profiles')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name: sql`excluded.name`,
          title: sql`excluded.title`,
          department: sql`excluded.department`,
          company: sql`excluded.company`,
          address: sql`excluded.address`,
          phones_json: sql`excluded.phones_json`,
          emails_json: sql`excluded.emails_json`,
          websites_json: sql`excluded.websites_json`,
          social_json: sql`excluded.social_json`,
          first_seen: sql`excluded.first_seen`,
          last_seen: sql`excluded.last_seen`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .execute();
  }
  if (jobs.length) await trx.insertInto('job_history').values(jobs).execute();
  return changes;
}
