/**
 * Registering a connection as one unit of work: the connection (secret encrypted) and its connection
 * bonus in the ledger, in one transaction. Shared by `sigmine connect` and the web app's OAuth callback.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { awardConnectionBonus } from '../store/ledger.ts';
import { upsertConnection, type ConnectionSummary, type NewConnection } from './repository.ts';
import type { SealKey } from '../secrets/index.ts';

export interface Registered {
  connection: ConnectionSummary;
  /** False when an existing connection was reconnected (new secret, same cursor). */
  created: boolean;
  /** Credits awarded now (0 when this source already earned its bonus). */
  bonus: number;
}

export async function registerConnection(
  db: Kysely<DB>,
  input: NewConnection,
  key: SealKey | null,
): Promise<Registered> {
  return db.transaction().execute(async (trx) => {
    const { connection, created } = await upsertConnection(trx, input, key);
    const bonus = await awardConnectionBonus(trx, connection.id);
    return { connection, created, bonus };
  });
}
