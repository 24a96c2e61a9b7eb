/**
 * A per-connection lease row: at most one harvest works on a connection at a time, on SQLite (several
 * processes: a schedule and a manual run) and on PostgreSQL (workers, next to pg-boss' singleton jobs).
 * The lease expires, so a holder killed with -9 blocks the connection for at most its TTL; a live holder
 * renews it with every page.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Default lease: 10 minutes. A page takes seconds (100 messages at the 50 msg/s Gmail quota = 2 s). */
export const LEASE_TTL_MS = 10 * 60_000;

/** An id naming this process (host, pid, random), for lease rows and logs. */
export function holderId(): string {
  return `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Takes the lease when it is free or expired. Returns false when another live holder has it.
 * Insert-or-steal is done with one conditional statement each, so two racers cannot both win:
 * the insert hits the primary key, the takeover only matches an expired row.
 */
export async function acquireLease(
  db: Kysely<DB>,
  connectionId: string,
  holder: string,
  ttlMs = LEASE_TTL_MS,
  now = new Date(),
): Promise<boolean> {
  const t = now.toISOString();
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  const inserted = await db
    .insertInto('harvest_leases')
    .values({ connection_id: connectionId, holder, acquired_at: t, expires_at: expires })
    .onConflict((oc) => oc.column('connection_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
  const taken = await db
    .updateTable('harvest_leases')
    .set({ holder, acquired_at: t, expires_at: expires })
    .where('connection_id', '=', connectionId)
    .where((eb) => eb.or([eb('expires_at', '<', t), eb('holder', '=', holder)]))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) > 0) return true;
  // A holder on this very machine whose process is gone (kill -9, power cut of a CLI run) left a stale
  // lease: take it over now instead of waiting out its TTL. Compare-and-set on the old holder.
  const row = await db
    .selectFrom('harvest_leases')
    .select('holder')
    .where('connection_id', '=', connectionId)
    .executeTakeFirst();
  if (!row || !isDeadLocalHolder(row.holder)) return false;
  const stolen = await db
    .updateTable('harvest_leases')
    .set({ holder, acquired_at: t, expires_at: expires })
    .where('connection_id', '=', connectionId)
    .where('holder', '=', row.holder)
    .executeTakeFirst();
  return Number(stolen.numUpdatedRows) > 0;
}

/** True when `holder` names a process on this host that no longer exists. */
export function isDeadLocalHolder(holder: string): boolean {
  const [host, pidText] = holder.split(':');
  const pid = Number(pidText);
  if (host !== hostname().slice(0, 40) || !Number.isInteger(pid) || pid <= 0 || pid === process.pid)
    return false;
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Extends the lease; false when it was lost (expired and taken by someone else). */
export async function renewLease(
  db: Kysely<DB>,
  connectionId: string,
  holder: string,
  ttlMs = LEASE_TTL_MS,
  now = new Date(),
): Promise<boolean> {
  const r = await db
    .updateTable('harvest_leases')
    .set({ expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .where('connection_id', '=', connectionId)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function releaseLease(db: Kysely<DB>, connectionId: string, holder: string): Promise<void> {
  await db
    .deleteFrom('harvest_leases')
    .where('connection_id', '=', connectionId)
    .where('holder', '=', holder)
    .execute();
}
