/**
 * Registering a connection (secret encrypted) in one transaction. Shared by `sigmine connect` and the web
 * app's OAuth callback. No credit is paid here: the connection bonus waits until the source has worked (its
 * first harvest that ends well having read at least one message, src/harvest/harvest-connection.ts), so an
 * unreachable host or an empty folder earns nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { upsertConnection, type ConnectionSummary, type NewConnection } from './repository.ts';
import type { SealKey } from '../secrets/index.ts';

export interface Registered {
  connection: ConnectionSummary;
  /** False when an existing connection was reconnected (new secret, same cursor). */
  created: boolean;
  /**
   * Credits awarded now: always 0 since the bonus is paid after the first harvest that reads a message
   * (kept for `sigmine connect --json`'s shape).
   */
  bonus: number;
}

export async function registerConnection(
  db: Kysely<DB>,
  input: NewConnection,
  key: SealKey | null,
): Promise<Registered> {
  return db.transaction().execute(async (trx) => {
    const { connection, created } = await upsertConnection(trx, input, key);
    return { connection, created, bonus: 0 };
  });
}
