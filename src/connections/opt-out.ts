/**
 * Opt-out of a contributor (CLI `sigmine optout`, and the web app): collection stops at once, tokens are
 * revoked at the provider, the stored secrets are deleted, free access is forfeited.
 *
 * Order matters. One transaction first marks the contributor and every connection `opted-out`, deletes
 * `secret_enc`, records `revoked_at`, writes the ledger's `opt-out-forfeit` entry and one `revocations`
 * row per connection: from that commit on no harvest can start, and no secret remains on a connection.
 * Only then are providers called (network calls never hold a transaction open). What happens to a
 * connection's secret depends on who issued it (token-issuer.ts), decided per connection:
 *   - Google grants (gmail, google-calendar, google-contacts, and IMAP over OAuth with Google) are revoked
 *     at Google by their connector's `revoke` (POST {oauthUrl}/revoke; for IMAP at the endpoint that
 *     issued the grant) -> `revoked`, or on failure `pending` with the encrypted token parked in the
 *     revocation row for `retryPendingRevocations`, until MAX_REVOKE_ATTEMPTS, after which the row becomes
 *     `failed` and the token is dropped;
 *   - Microsoft tokens (Outlook sources, IMAP over OAuth with Microsoft: refresh tokens cannot be revoked
 *     by a client), IMAP passwords and local files -> `discarded`: the secret is gone, the revocation is
 *     recorded.
 */
import { AppError } from '../errors.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { providerEndpoints, type Config } from '../config.ts';
import type { ConnectorFactory } from '../../connectors/types.ts';
import { connectorFactory } from '../../connectors/registry.ts';
import { forfeitContributor } from '../store/ledger.ts';
import { decryptSecret, type SealKey } from '../secrets/index.ts';
import { ConnectionsError, getContributorByEmail } from './repository.ts';
import type { RevocationsTable } from './tables.ts';
import { connectionConfig, tokenIssuer, type TokenIssuer } from './token-issuer.ts';

type Revoke = NonNullable<ConnectorFactory['revoke']>;

/**
 * The revoke of a kind's connector (its factory's `revoke`), or null when it has none (local files) or the
 * kind is unknown: nothing to call. Only secrets issued by Google (token-issuer.ts) are handed to it;
 * Microsoft kinds and IMAP passwords are recorded `discarded` without a call (the person removes a
 * Microsoft app at myapps.microsoft.com).
 */
export async function connectorRevoke(
  kind: string,
  factoryFor: (kind: string) => Promise<ConnectorFactory>,
): Promise<Revoke | null> {
  const factory = await factoryFor(kind).catch(() => null); // unknown kind: nothing to call
  return factory?.revoke ? (conn, deps) => factory.revoke!(conn, deps) : null;
}

/** Provider revoke attempts before a revocation is given up (and its parked token dropped). */
export const MAX_REVOKE_ATTEMPTS = 5;

export type RevocationStatus = RevocationsTable['status'];

export interface RevocationOutcome {
  connectionId: string;
  kind: string;
  account: string;
  status: RevocationStatus;
  errorCode: string | null;
  /** Who issued the secret: Google (revocable), Microsoft (no client revoke), or no provider (passwords, files). */
  provider: TokenIssuer;
}

export interface OptOutResult {
  contributorId: string;
  email: string;
  /** False when the contributor had already opted out (nothing changed, revocations retried). */
  changed: boolean;
  /** Credits forfeited (>= 0). */
  forfeited: number;
  connections: RevocationOutcome[];
}

export interface OptOutDeps {
  config: Readonly<Config>;
  /** Decrypts tokens for the provider revoke; null when SIGMINE_SECRET_KEY is not available. */
  key: SealKey | null;
  /** Connector registry (tests may pass their own). */
  factoryFor?: (kind: string) => Promise<ConnectorFactory>;
  now?: () => Date;
}

/** Opts a contributor out. Idempotent: a second call changes nothing and only retries pending revokes. */
export async function optOutContributor(
  db: Kysely<DB>,
  email: string,
  deps: OptOutDeps,
): Promise<OptOutResult> {
  const contributor = await getContributorByEmail(db, email);
  if (!contributor) throw new ConnectionsError('not-found', 'no contributor with that email');
  const at = (deps.now?.() ?? new Date()).toISOString();
  const factoryFor = deps.factoryFor ?? connectorFactory;
  // Which kinds' connectors can revoke: resolved before the transaction (loading a provider module
  // takes time, and a SQLite write transaction blocks every other writer meanwhile).
  const kinds = await db
    .selectFrom('connections')
    .select('kind')
    .distinct()
    .where('contributor_id', '=', contributor.id)
    .execute();
  const revocableKinds = new Set<string>();
  for (const { kind } of kinds) if (await connectorRevoke(kind, factoryFor)) revocableKinds.add(kind);

  const { changed, forfeited } = await db.transaction().execute(async (trx) => {
    const conns = await trx
      .selectFrom('connections')
      .selectAll()
      .where('contributor_id', '=', contributor.id)
      .execute();
    const already =
      contributor.status === 'opted-out' &&
      conns.every((c) => c.status === 'opted-out' && c.secret_enc === null);
    await trx
      .updateTable('contributors')
      .set({ status: 'opted-out', opted_out_at: contributor.opted_out_at ?? at })
      .where('id', '=', contributor.id)
      .execute();
    for (const c of conns) {
      if (c.status === 'opted-out' && c.secret_enc === null) continue;
      const revocable =
        c.secret_enc !== null &&
        revocableKinds.has(c.kind) &&
        tokenIssuer(c.kind, connectionConfig(c.config_json)) === 'google';
      await retireConnection(trx, c, 'opted-out', revocable, at);
    }
    const forfeited = already ? 0 : await forfeitContributor(trx, contributor.id, at);
    return { changed: !already, forfeited };
  });

  await retryPendingRevocations(db, { ...deps, contributorId: contributor.id });
  return {
    contributorId: contributor.id,
    email: contributor.email,
    changed,
    forfeited,
    connections: await revocationOutcomes(db, contributor.id),
  };
}

/** The latest revocation of each of a contributor's connections. */
export async function revocationOutcomes(
  db: Kysely<DB>,
  contributorId: string,
): Promise<RevocationOutcome[]> {
  const rows = await db
    .selectFrom('revocations')
    .innerJoin('connections', 'connections.id', 'revocations.connection_id')
    .select([
      'revocations.connection_id as connectionId',
      'revocations.kind as kind',
      'connections.account as account',
      'revocations.status as status',
      'revocations.last_error_code as errorCode',
      'revocations.created_at as createdAt',
      'connections.config_json as configJson',
    ])
    .where('connections.contributor_id', '=', contributorId)
    .orderBy('revocations.created_at')
    .execute();
  const latest = new Map<string, RevocationOutcome>();
  for (const r of rows)
    latest.set(r.connectionId, {
      connectionId: r.connectionId,
      kind: r.kind,
      account: r.account,
      status: r.status,
      errorCode: r.errorCode,
      provider: tokenIssuer(r.kind, connectionConfig(r.configJson)),
    });
  return [...latest.values()];
}

/**
 * Calls the provider for every `pending` revocation (of one contributor, or all): success -> `revoked`;
 * failure -> attempts + 1 and the error code recorded; the last allowed failure -> `failed`. The parked
 * token is cleared whenever the row leaves `pending`. Returns how many are still pending.
 */
export async function retryPendingRevocations(
  db: Kysely<DB>,
  deps: OptOutDeps & { contributorId?: string },
): Promise<{ revoked: number; pending: number; failed: number }> {
  const factoryFor = deps.factoryFor ?? connectorFactory;
  let q = db
    .selectFrom('revocations')
    .innerJoin('connections', 'connections.id', 'revocations.connection_id')
    .select([
      'revocations.id',
      'revocations.kind',
      'revocations.attempts',
      'revocations.token_enc',
      'connections.account',
      'connections.config_json',
      'connections.id as connectionId',
    ])
    .where('revocations.status', '=', 'pending');
  if (deps.contributorId) q = q.where('connections.contributor_id', '=', deps.contributorId);
  const pending = await q.execute();
  const tally = { revoked: 0, pending: 0, failed: 0 };
  for (const r of pending) {
    const t = (deps.now?.() ?? new Date()).toISOString();
    let errorCode: string | null = null;
    try {
      if (!r.token_enc) throw new AppError('config', 'no token left to revoke');
      if (!deps.key) throw new AppError('config', 'SIGMINE_SECRET_KEY is needed to revoke');
      const secret = decryptSecret(r.token_enc, deps.key);
      const revoke = await connectorRevoke(r.kind, factoryFor);
      if (!revoke) throw new AppError('config', `no revoke for ${r.kind}`);
      await revoke(
        {
          id: r.connectionId,
          kind: r.kind,
          account: r.account,
          config: connectionConfig(r.config_json),
          secret,
        },
        { endpoints: providerEndpoints(deps.config) },
      );
    } catch (err) {
      errorCode = String((err as { code?: unknown }).code ?? 'unavailable').slice(0, 32);
    }
    const attempts = r.attempts + 1;
    const status: RevocationStatus =
      errorCode === null ? 'revoked' : attempts >= MAX_REVOKE_ATTEMPTS ? 'failed' : 'pending';
    await db
      .updateTable('revocations')
      .set({
        status,
        attempts,
        last_error_code: errorCode,
        updated_at: t,
        ...(status === 'pending' ? {} : { token_enc: null }),
      })
      .where('id', '=', r.id)
      .execute();
    tally[status === 'revoked' ? 'revoked' : status === 'failed' ? 'failed' : 'pending']++;
  }
  return tally;
}

/**
 * Stops one connection for good inside `trx`: its status becomes `status` (`opted-out`, or `disabled` for a
 * single disconnect), its stored secret is deleted, and a revocation row keeps the token until the provider
 * has revoked it (`pending`, Google) or records that there is nothing to revoke (`discarded`).
 */
export async function retireConnection(
  trx: Kysely<DB>,
  c: { id: string; kind: string; secret_enc: string | null },
  status: 'opted-out' | 'disabled',
  revocable: boolean,
  at: string,
): Promise<void> {
  await trx
    .insertInto('revocations')
    .values({
      id: randomUUID(),
      connection_id: c.id,
      kind: c.kind,
      status: revocable ? 'pending' : 'discarded',
      last_error_code: null,
      token_enc: revocable ? c.secret_enc : null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await trx
    .updateTable('connections')
    .set({ status, secret_enc: null, revoked_at: at, updated_at: at })
    .where('id', '=', c.id)
    .execute();
}
