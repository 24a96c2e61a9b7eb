/**
 * The rows behind web sessions (src/sessions/tables.ts): one-time link uses and sessions, stored as keyed
 * hashes and a sealed address only. The web app (src/web/sessions.ts) derives the hashes and seals; this
 * module only reads and writes the rows, so every query on these tables lives here.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { WebSessionsTable } from './tables.ts';

export type SessionScope = WebSessionsTable['scope'];

/**
 * Records the first use of link token `tokenId` (one conditional INSERT: of two uses, on any processes,
 * one wins). False when it was used before.
 */
export async function recordLinkUse(
  db: Kysely<DB>,
  use: { tokenId: string; scope: SessionScope; usedAt: string; expiresAt: string },
): Promise<boolean> {
  const r = await db
    .insertInto('web_link_uses')
    .values({ token_id: use.tokenId, scope: use.scope, used_at: use.usedAt, expires_at: use.expiresAt })
    .onConflict((oc) => oc.column('token_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Stores a new session row. */
export async function insertSession(db: Kysely<DB>, row: WebSessionsTable): Promise<void> {
  await db.insertInto('web_sessions').values(row).execute();
}

/** The session row with this id hash in this scope, or undefined. */
export async function findSession(db: Kysely<DB>, idHash: string, scope: SessionScope) {
  return db
    .selectFrom('web_sessions')
    .select(['subject_enc', 'created_at', 'expires_at'])
    .where('id_hash', '=', idHash)
    .where('scope', '=', scope)
    .executeTakeFirst();
}

/** Deletes one session. */
export async function deleteSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('id_hash', '=', idHash).execute();
}

/** Deletes every session of a person (in `scope`, or all scopes); returns how many. */
export async function deleteSessionsOf(
  db: Kysely<DB>,
  subjectHash: string,
  scope?: SessionScope,
): Promise<number> {
  let q = db.deleteFrom('web_sessions').where('subject_hash', '=', subjectHash);
  if (scope) q = q.where('scope', '=', scope);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Expired sessions and token uses are useless: deleted on the way (indexed by expiry). */
export async function sweepExpired(db: Kysely<DB>, at: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('expires_at', '<=', at).execute();
  await db.deleteFrom('web_link_uses').where('expires_at', '<=', at).execute();
}
