/**
 * Link tokens exchanged for sessions. A mailed link carries a token (src/web/links.ts); the first time it is
 * used it is recorded in `web_link_uses` (one conditional INSERT: of two uses, on any processes, one wins)
 * and exchanged for a random session id that the browser keeps in an HttpOnly cookie. From then on the
 * token is worthless and never appears in a URL again; the session is what opens the pages.
 *
 * The database holds no usable session: only a keyed hash of the cookie value, the address sealed with
 * AES-256-GCM, and a keyed hash of the address so that every session of a person can be revoked at once
 * (an erasure does). All three keys are derived from the link-signing key passed in, never from anything
 * stored in the database. The rows are read and written by src/sessions/session-rows.ts.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { deriveKey, hasherFromSecret } from '../store/keyed-hash.ts';
import { decryptSecret, encryptSecret } from '../secrets/index.ts';
import { LINK_TTL_MS, verifyLink, type LinkScope } from './links.ts';
import {
  deleteSession,
  deleteSessionsOf,
  findSession,
  insertSession,
  recordLinkUse,
  sweepExpired,
} from '../sessions/session-rows.ts';

/**
 * How long a session lasts after the link was exchanged. The privacy center can erase a profile: one hour,
 * like the link. A member's account page only shows credits and starts connects: a working day.
 */
export const SESSION_TTL_MS: Record<LinkScope, number> = { privacy: 60 * 60_000, member: 8 * 60 * 60_000 };

/** Keys derived from the link-signing key, one per use. */
export interface SessionKeys {
  idHash: (v: string) => string;
  subjectHash: (email: string) => string;
  seal: Buffer;
  link: Uint8Array;
}

export function sessionKeys(linkKey: Uint8Array): SessionKeys {
  return {
    idHash: hasherFromSecret(linkKey, 'sigmine/web-session-id/v1'),
    subjectHash: (
      (h) => (email: string) =>
        h(email.trim().toLowerCase())
    )(hasherFromSecret(linkKey, 'sigmine/web-session-subject/v1')),
    seal: deriveKey(linkKey, 'sigmine/web-session-seal/v1'),
    link: linkKey,
  };
}

export type Exchange =
  | { ok: true; sessionId: string; email: string; expiresAt: Date }
  /** Malformed, forged, of the other scope, or expired. */
  | { ok: false; reason: 'invalid' | 'used' | 'revoked' };

export interface ExchangeOptions {
  now: Date;
  /** Whether the person's rights since `issuedAt` revoke the link (an erasure does, for the privacy scope). */
  revokedSince?: (email: string, issuedAt: Date) => Promise<boolean>;
}

/** Exchanges a link token for a new session; a token works once. */
export async function exchangeLink(
  db: Kysely<DB>,
  keys: SessionKeys,
  scope: LinkScope,
  token: string | undefined,
  o: ExchangeOptions,
): Promise<Exchange> {
  const payload = verifyLink(keys.link, token, { now: o.now, scope });
  if (!payload) return { ok: false, reason: 'invalid' };
  const at = o.now.toISOString();
  await sweepExpired(db, at);
  // Links are issued LINK_TTL_MS before their expiry (signLink's default; the app passes no other).
  const issuedAt = new Date(payload.x - LINK_TTL_MS);
  if (o.revokedSince && (await o.revokedSince(payload.e, issuedAt))) return { ok: false, reason: 'revoked' };
  const first = await recordLinkUse(db, {
    tokenId: payload.i,
    scope,
    usedAt: at,
    expiresAt: new Date(payload.x).toISOString(),
  });
  if (!first) return { ok: false, reason: 'used' };
  const sessionId = randomBytes(32).toString('base64url');
  const expiresAt = new Date(o.now.getTime() + SESSION_TTL_MS[scope]);
  await insertSession(db, {
    id_hash: keys.idHash(sessionId),
    scope,
    subject_hash: keys.subjectHash(payload.e),
    subject_enc: encryptSecret(payload.e, keys.seal),
    created_at: at,
    expires_at: expiresAt.toISOString(),
  });
  return { ok: true, sessionId, email: payload.e, expiresAt };
}

/** The session's address, or null when it is unknown, of the other scope, expired or revoked. */
export async function openSession(
  db: Kysely<DB>,
  keys: SessionKeys,
  scope: LinkScope,
  sessionId: string | undefined,
  o: ExchangeOptions,
): Promise<{ email: string; createdAt: Date } | null> {
  if (!sessionId || !/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
  const row = await findSession(db, keys.idHash(sessionId), scope);
  if (!row || row.expires_at <= o.now.toISOString()) return null;
  let email: string;
  try {
    email = decryptSecret(row.subject_enc, keys.seal);
  } catch {
    return null; // sealed under another key: the link key changed, so the session is void
  }
  const createdAt = new Date(row.created_at);
  if (o.revokedSince && (await o.revokedSince(email, createdAt))) return null;
  return { email, createdAt };
}

/** Ends one session (sign-out, or the erasure that used it). */
export async function endSession(
  db: Kysely<DB>,
  keys: SessionKeys,
  sessionId: string | undefined,
): Promise<void> {
  if (!sessionId) return;
  await deleteSession(db, keys.idHash(sessionId));
}

/** Revokes every session of `email` in `scope` (all of them when no scope); returns how many. */
export async function revokeSessionsOf(
  db: Kysely<DB>,
  keys: SessionKeys,
  email: string,
  scope?: LinkScope,
): Promise<number> {
  return deleteSessionsOf(db, keys.subjectHash(email), scope);
}
