/**
 * Pending web OAuth flows (the member area's Google and Microsoft connects), kept in the database so that
 * every `sigmine serve` process behind a load balancer sees the same ones.
 *
 * A flow is one row of `oauth_states` (migrations/0052-oauth-states.ts) keyed by a keyed hash of its
 * `state`, bound to the browser that started it by a keyed hash of that browser's nonce (an HttpOnly
 * cookie, one per browser, so flows started in two tabs both complete), with the PKCE verifier, the
 * member's address sealed with the secret box. (Rows made before sessions also sealed the member's sign-in
 * link; nothing reads it any more.) `consumeOAuthFlow` takes it with one
 * conditional UPDATE (`used_at IS NULL AND expires_at > now`) and trusts only the affected row count: of
 * two callbacks racing on two processes, the database lets exactly one through, on SQLite and PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { keyedHasher } from '../store/keyed-hash.ts';
import { decryptSecret, encryptSecret, type SealKey } from '../secrets/index.ts';

/** HKDF purposes of the two keyed hashes; never change them (pending rows would stop matching). */
const STATE_PURPOSE = 'sigmine/oauth-state/v1';
const BROWSER_PURPOSE = 'sigmine/oauth-browser/v1';

/** Ten minutes to go through a consent page and come back. */
export const OAUTH_TTL_MS = 10 * 60_000;
/**
 * Rows stay an hour past their expiry, unusable, so that a late or replayed answer is told why it was
 * refused ("expired", "already used") rather than "unknown"; then the next started flow deletes them.
 */
const KEEP_EXPIRED_MS = 60 * 60_000;

export type OAuthProvider = 'google' | 'microsoft';

/** What the callback needs of the flow, sealed in the row. */
export interface OAuthFlow {
  provider: OAuthProvider;
  kind: string;
  /** The signed-in member's address. */
  email: string;
  /** PKCE verifier (RFC 7636) for the code exchange. */
  verifier: string;
}

export interface FlowKeys {
  /** `Config.secretKey`, for the keyed hashes (null: the per-database dev secret). */
  secretKey: string | null;
  /** The secret box key (src/secrets `secretKeyFrom`). */
  box: SealKey;
  now: Date;
}

export type Consumed =
  | { ok: true; flow: OAuthFlow }
  /** No flow of this provider has this state: forged, or deleted long after expiry. */
  | { ok: false; reason: 'unknown' }
  /** Another browser started it; nothing of the flow is disclosed, and it stays usable in its own browser. */
  | { ok: false; reason: 'other-browser' }
  | { ok: false; reason: 'used' | 'expired'; flow: OAuthFlow };

/** A fresh browser nonce: 32 random bytes, base64url (43 characters). */
export function newBrowserNonce(): string {
  return randomBytes(32).toString('base64url');
}

/** True for a value `newBrowserNonce` could have made; anything else from a cookie is ignored. */
export function isBrowserNonce(v: string | undefined): v is string {
  return typeof v === 'string' && /^[A-Za-z0-9_-]{43}$/.test(v);
}

/** Records a pending flow for the browser holding `nonce`; returns the `state` to send to the provider. */
export async function startOAuthFlow(
  db: Kysely<DB>,
  flow: OAuthFlow,
  nonce: string,
  k: FlowKeys,
): Promise<string> {
  const state = randomBytes(32).toString('base64url');
  const [stateHash, browserHash] = await hashes(db, k.secretKey, state, nonce);
  await db
    .deleteFrom('oauth_states')
    .where('expires_at', '<', iso(k.now.getTime() - KEEP_EXPIRED_MS))
    .execute();
  await db
    .insertInto('oauth_states')
    .values({
      state_hash: stateHash,
      browser_hash: browserHash,
      provider: flow.provider,
      kind: flow.kind,
      flow_enc: encryptSecret(JSON.stringify(flow), k.box),
      created_at: k.now.toISOString(),
      expires_at: iso(k.now.getTime() + OAUTH_TTL_MS),
      used_at: null,
    })
    .execute();
  return state;
}

/**
 * Consumes the flow that `state` names, if this browser (`nonce`) started it for `provider`, it has not
 * been consumed and it has not expired. Whatever the outcome of the callback afterwards, a consumed flow
 * never works again: a replayed redirect never reaches the token endpoint twice.
 */
export async function consumeOAuthFlow(
  db: Kysely<DB>,
  provider: OAuthProvider,
  state: string,
  nonce: string,
  k: FlowKeys,
): Promise<Consumed> {
  const [stateHash, browserHash] = await hashes(db, k.secretKey, state, nonce);
  const now = k.now.toISOString();
  const taken = await db
    .updateTable('oauth_states')
    .set({ used_at: now })
    .where('state_hash', '=', stateHash)
    .where('browser_hash', '=', browserHash)
    .where('provider', '=', provider)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  // The row is read only to say why it was refused, or to open its box once taken above.
  const row = await db
    .selectFrom('oauth_states')
    .select(['browser_hash', 'provider', 'flow_enc', 'used_at'])
    .where('state_hash', '=', stateHash)
    .executeTakeFirst();
  if (!row || row.provider !== provider) return { ok: false, reason: 'unknown' };
  if (row.browser_hash !== browserHash) return { ok: false, reason: 'other-browser' };
  const flow = JSON.parse(decryptSecret(row.flow_enc, k.box)) as OAuthFlow;
  if (Number(taken.numUpdatedRows) === 1) return { ok: true, flow };
  return { ok: false, reason: row.used_at ? 'used' : 'expired', flow };
}

/**
 * Drops every pending flow (a key rotation does: their hashes and sealed boxes are under the old key, so a
 * member whose consent was under way starts the connect again). Returns how many were dropped.
 */
export async function dropAllOAuthFlows(db: Kysely<DB>): Promise<number> {
  return Number((await db.deleteFrom('oauth_states').executeTakeFirst()).numDeletedRows);
}

async function hashes(db: Kysely<DB>, secretKey: string | null, state: string, nonce: string) {
  const s = await keyedHasher(db, STATE_PURPOSE, secretKey);
  const b = await keyedHasher(db, BROWSER_PURPOSE, secretKey);
  return [s(state), b(nonce)] as const;
}

const iso = (ms: number) => new Date(ms).toISOString();
