/**
 * What a member's sources gave the directory, from the store's side: messages and entries remembered as
 * processed, and the profiles their observations built with each one's status. Only these connections'
 * rows are read (through the observations' connection index), so the figures say nothing about other members.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chunks, IN_LIST } from './sql-util.ts';

export interface ContributedProfile {
  id: string;
  status: string;
  name: string | null;
  email: string;
  company: string | null;
}

export interface SourcesContribution {
  messagesRead: number;
  profiles: ContributedProfile[];
}

export async function contributionOfConnections(
  db: Kysely<DB>,
  connectionIds: readonly string[],
): Promise<SourcesContribution> {
  if (connectionIds.length === 0) return { messagesRead: 0, profiles: [] };
  let messagesRead = 0;
  const profileIds = new Set<string>();
  for (const part of chunks([...connectionIds], IN_LIST)) {
    const read = await db
      .selectFrom('processed_messages')
      .select(sql<number>`count(*)`.as('n'))
      .where('connection_id', 'in', part)
      .executeTakeFirst();
    messagesRead += Number(read?.n ?? 0);
    const rows = await db
      .selectFrom('observations')
      .select('profile_id')
      .distinct()
      .where('connection_id', 'in', part)
      .execute();
    for (const r of rows) profileIds.add(r.profile_id);
  }
  const profiles: ContributedProfile[] = [];
  for (const part of chunks([...profileIds], IN_LIST)) {
    profiles.push(
      ...(await db
        .selectFrom('profiles')
        .select(['id', 'status', 'name', 'email', 'company'])
        .where('id', 'in', part)
        .execute()),
    );
  }
  return { messagesRead, profiles };
}
