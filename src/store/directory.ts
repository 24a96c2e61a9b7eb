/**
 * Directory queries: what the CLI, the web directory and exports may show. They select profile columns and
 * aggregate provenance (source categories, corroboration COUNT, first/last seen) and never select the
 * contributor or connection of an observation.
 */
import type { Kysely } from 'kysely';
import type { Contact, Phone } from '../../parsers/types.ts';
import type { DB } from '../db/schema.ts';
import { chunks, IN_LIST } from './sql-util.ts';
import { mergeProfile, type FieldProvenance } from './merge.ts';
import type { ProfileRecord } from './recompute.ts';
import type { ProfileStatus } from './types.ts';

/** One directory entry: the `sigmine extract` contact fields plus email, status and first/last seen. */
export interface DirectoryContact extends Contact {
  email: string;
  status: ProfileStatus;
  firstSeen: string;
  lastSeen: string;
}

export interface JobChange {
  oldTitle: string | null;
  oldCompany: string | null;
  newTitle: string | null;
  newCompany: string | null;
  changedAt: string;
}

export interface ContactDetails {
  contact: DirectoryContact;
  /** Per Contact field (name, title, ..., phones, emails, websites, social): categories and counts only. */
  provenance: Record<string, FieldProvenance>;
  jobHistory: JobChange[];
  company: {
    domain: string;
    name: string | null;
    website: string | null;
    address: string | null;
    contactsCount: number;
  } | null;
}

export function toDirectoryContact(p: ProfileRecord): DirectoryContact {
  return {
    name: p.name,
    title: p.title,
    department: p.department,
    company: p.company,
    phones: JSON.parse(p.phones_json) as Phone[],
    emails: JSON.parse(p.emails_json) as string[],
    websites: JSON.parse(p.websites_json) as string[],
    social: JSON.parse(p.social_json) as string[],
    address: p.address,
    email: p.email,
    status: p.status,
    firstSeen: p.first_seen,
    lastSeen: p.last_seen,
  };
}

export type StatusFilter = ProfileStatus | 'all';

/** Contacts by status (default `listed`, the public directory), ordered by email. */
export async function listContacts(
  db: Kysely<DB>,
  opts: { status?: StatusFilter; limit?: number; offset?: number } = {},
): Promise<DirectoryContact[]> {
  let q = db.selectFrom('profiles').selectAll().orderBy('email');
  const status = opts.status ?? 'listed';
  if (status !== 'all') q = q.where('status', '=', status);
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  if (opts.offset !== undefined) q = q.offset(opts.offset);
  return (await q.execute()).map(toDirectoryContact);
}

const PROVENANCE_KEY: Record<string, string> = {
  'phone.work': 'phones',
  'phone.mobile': 'phones',
  'phone.fax': 'phones',
  'phone.other': 'phones',
  email: 'emails',
  website: 'websites',
};

/** One contact with provenance and job history; null when unknown. Never includes who supplied it. */
export async function showContact(db: Kysely<DB>, email: string): Promise<ContactDetails | null> {
  const p = await db
    .selectFrom('profiles')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!p) return null;
  // contributor_id is read only to COUNT distinct contributors inside mergeProfile; it is not returned.
  const rows = await db
    .selectFrom('observations')
    .select(['field', 'value_norm', 'raw', 'source', 'contributor_id', 'first_observed', 'last_observed'])
    .where('profile_id', '=', p.id)
    .execute();
  const pins = new Map<string, unknown>();
  for (const pin of await db
    .selectFrom('profile_pins')
    .select(['field', 'value_json'])
    .where('profile_id', '=', p.id)
    .execute()) {
    pins.set(pin.field, JSON.parse(pin.value_json));
  }
  const merged = mergeProfile(rows, pins);
  const provenance: Record<string, FieldProvenance> = {};
  for (const [field, prov] of Object.entries(merged.provenance)) {
    const key = PROVENANCE_KEY[field] ?? field;
    const prev = provenance[key];
    if (!prev || !prov) {
      if (prov) provenance[key] = { ...prov, sources: [...prov.sources] };
      continue;
    }
    // Phones of several types: union of categories, max corroboration, widest dates.
    provenance[key] = {
      sources: [...new Set([...prev.sources, ...prov.sources])].sort(),
      corroboration: Math.max(prev.corroboration, prov.corroboration),
      firstSeen: [prev.firstSeen, prov.firstSeen].filter(Boolean).sort()[0] ?? null,
      lastSeen: [prev.lastSeen, prov.lastSeen].filter(Boolean).sort().pop() ?? null,
      pinned: prev.pinned || prov.pinned,
    };
  }
  for (const k of pins.keys())
    provenance[k] = { sources: [], corroboration: 0, firstSeen: null, lastSeen: null, pinned: true };
  const jobs = await db
    .selectFrom('job_history')
    .select(['old_title', 'old_company', 'new_title', 'new_company', 'changed_at'])
    .where('profile_id', '=', p.id)
    .orderBy('changed_at')
    .execute();
  const co = await db.selectFrom('companies').selectAll().where('domain', '=', p.domain).executeTakeFirst();
  return {
    contact: toDirectoryContact(p),
    provenance,
    jobHistory: jobs.map((j) => ({
      oldTitle: j.old_title,
      oldCompany: j.old_company,
      newTitle: j.new_title,
      newCompany: j.new_company,
      changedAt: j.changed_at,
    })),
    company: co
      ? {
          domain: co.domain,
          name: co.name,
          website: co.website,
          address: co.address,
          contactsCount: Number(co.contacts_count),
        }
      : null,
  };
}

/** The directory status (pending, listed, restricted...) of each of these addresses that has a profile. */
export async function statusOfEmails(
  db: Kysely<DB>,
  emails: readonly string[],
): Promise<Map<string, string>> {
  const status = new Map<string, string>();
  for (const part of chunks([...emails], IN_LIST)) {
    const rows = await db
      .selectFrom('profiles')
      .select(['email', 'status'])
      .where('email', 'in', part)
      .execute();
    for (const r of rows) status.set(r.email, r.status);
  }
  return status;
}
