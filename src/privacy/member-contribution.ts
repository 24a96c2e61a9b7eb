/**
 * What a member contributed, for their dashboard: messages and entries read from their sources, contacts
 * found, how many of those are listed, and the pending ones with the date they can be listed (the end of the
 * objection window once the notice is sent). Only contacts this member's own sources supplied, so the
 * figures say nothing about other members. Read-only: the store counts, src/connections names the sources, the gates give the listing dates.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { contributionOfConnections } from '../store/member-contribution.ts';
import { connectionIdsOf } from '../connections/repository.ts';
import { windowEndsOf } from './gates.ts';

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
  const conns = await connectionIdsOf(db, contributorId);
  const { messagesRead, profiles } = await contributionOfConnections(db, conns);
  const waiting = profiles.filter((p) => p.status === 'pending');
  const windows = await windowEndsOf(
    db,
    waiting.map((p) => p.id),
  );
  const pending: PendingContact[] = waiting.map((p) => ({
    name: p.name,
    email: p.email,
    company: p.company,
    listsOn: windows.get(p.id) ?? null,
  }));
  pending.sort(
    (a, b) =>
      (a.listsOn === null ? 1 : 0) - (b.listsOn === null ? 1 : 0) ||
      (a.listsOn ?? '').localeCompare(b.listsOn ?? '') ||
      a.email.localeCompare(b.email),
  );
  return {
    messagesRead,
    contactsFound: profiles.length,
    listed: profiles.filter((p) => p.status === 'listed').length,
    pendingCount: pending.length,
    pending: pending.slice(0, PENDING_SHOWN),
  };
}
