/**
 * Disconnecting one source (the member dashboard's "Disconnect"), as opting out does for all of them but
 * keeping the member and their credits: collection stops on that connection at once (status `disabled`, which
 * no harvest takes), its stored secret is deleted, and its token is revoked at the provider where it can be
 * (Google; Microsoft tokens, IMAP passwords and local files are recorded `discarded`), through the same
 * revocation rows and retries as src/connections/opt-out.ts. Connecting the same account again makes it
 * active again (`upsertConnection`); what it contributed stays in the directory.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { connectorFactory } from '../../connectors/registry.ts';
import { getContributorByEmail } from './repository.ts';
import {
  connectorRevoke,
  retireConnection,
  retryPendingRevocations,
  revocationOutcomes,
  type OptOutDeps,
  type RevocationOutcome,
} from './opt-out.ts';
import { connectionConfig, tokenIssuer } from './token-issuer.ts';

/** Disconnects one of the member's connections; again on a disconnected one, only retries its revoke. */
export async function disconnectConnection(
  db: Kysely<DB>,
  memberEmail: string,
  connectionId: string,
  deps: OptOutDeps,
): Promise<RevocationOutcome> {
  const member = await getContributorByEmail(db, memberEmail);
  const conn = member
    ? await db
        .selectFrom('connections')
        .selectAll()
        .where('id', '=', connectionId)
        .where('contributor_id', '=', member.id)
        .executeTakeFirst()
    : undefined;
  if (!member || !conn) throw new AppError('not-found', 'no such connection on your account');
  if (conn.status === 'opted-out')
    throw new AppError('opted-out', 'this account opted out: nothing is collected');
  const at = (deps.now?.() ?? new Date()).toISOString();
  // Whether the provider can revoke: resolved before the transaction (loading a provider module takes time).
  const revocable =
    conn.secret_enc !== null &&
    tokenIssuer(conn.kind, connectionConfig(conn.config_json)) === 'google' &&
    (await connectorRevoke(conn.kind, deps.factoryFor ?? connectorFactory)) !== null;
  if (conn.status !== 'disabled' || conn.secret_enc !== null) {
    await db.transaction().execute((trx) => retireConnection(trx, conn, 'disabled', revocable, at));
  }
  await retryPendingRevocations(db, { ...deps, contributorId: member.id });
  const outcome = (await revocationOutcomes(db, member.id)).find((r) => r.connectionId === conn.id);
  return outcome!;
}
