/**
 * What a member contributed, for their dashboard: messages and entries read from their sources, contacts
 * found, how many of those are listed, and the pending ones with the date they can be listed (the end of the
 * objection window once the notice is sent). Only contacts this member's own sources supplied, so the
 * figures say nothing about other members. Read-only; observations are read through their connection index.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chunks, IN_LIST } from '../store/sql-util.ts';

/** A contact of the member's waiting for its listing. */
export interface PendingContact {
  name: string | null;
  email: string;
  company: string | null;
  /** When the objection window ends and the contact is listed; null until its notice is sent. */
  listsOn: string | null;
}

export interface MemberContribution {
  /** Messages and address-book or calendar entries read and remembered, over every source. */
  messagesRead: number;
  /** People with at least one value from the member's sources, in the directory now (any state). */
  contactsFound: number;
  listed: number;
  pendingCount: number;
  /** The first pending contacts, soonest listing first (those waiting for their notice last). */
  pending: PendingContact[];
}

/** Pending contacts shown by name; the count covers them all. */
const PENDING_SHOWN = 20;

export async function memberContribution(db: Kysely<DB>, contributorId: string): Promise<MemberContribution> {
  const conns = (
    await db.selectFrom('connections').select('id').where('contributor_id', '=', contributorId).execute()
  ).map((r) => r.id);
  const empty = { messagesRead: 0, contactsFound: 0, listed: 0, pendingCount: 0, pending: [] };
  if (conns.length === 0) return empty;
  const read = await db
    .selectFrom('processed_messages')
    .select(sql<number>`count(*)`.as('n'))
    .where('connection_id', 'in', conns)
    .executeTakeFirst();
  const profileIds = new Set<string>();
  for (const part of chunks(conns, IN_LIST)) {
    const rows = await db
      .selectFrom('observations')
      .select('profile_id')
      .distinct()
      .where('connection_id', 'in', part)
      .execute();
    for (const r of rows) profileIds.add(r.profile_id);
  }
  let listed = 0;
  const pending: PendingContact[] = [];
  for (const part of chunks([...profileIds], IN_LIST)) {
    const rows = await db
      .selectFrom('profiles')
      .leftJoin('privacy_gates', 'privacy_gates.profile_id', 'profiles.id')
      .select([
        'profiles.status',
        'profiles.name',
        'profiles.email',
        'profiles.company',
        'privacy_gates.window_ends_at',
      ])
      .where('profiles.id', 'in', part)
      .execute();
    for (const r of rows) {
      if (r.status === 'listed') listed++;
      else if (r.status === 'pending')
        pending.push({ name: r.name, email: r.email, company: r.company, listsOn: r.window_ends_at ?? null });
    }
  }
  pending.sort(
    (a, b) =>
      (a.listsOn === null ? 1 : 0) - (b.listsOn === null ? 1 : 0) ||
      (a.listsOn ?? '').localeCompare(b.listsOn ?? '') ||
      a.email.localeCompare(b.email),
  );
  return {
    messagesRead: Number(read?.n ?? 0),
    contactsFound: profileIds.size,
    listed,
    pendingCount: pending.length,
    pending: pending.slice(0, PENDING_SHOWN),
  };
}
