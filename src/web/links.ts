/**
 * Signed, expiring links for the privacy center and the member area ("prove you control this address"):
 * GDPR Art. 12(6) reasonable identity verification by e-mail round trip. A token is
 * `base64url(payload).hmac`, HMAC-SHA256 under the link-signing key, which the caller passes in: a key
 * for this purpose only (today derived from SIGMINE_SECRET_KEY by `linkKeyFromSecret`; a keyring can hand
 * over its own link subkey instead). Nothing is read from the database here, so whoever can read the
 * database file cannot mint links.
 *
 * A token is only a ticket: the web app exchanges it once for a session (src/web/sessions.ts) and records
 * its id `i`, so it is single-use; these functions only check that it is genuine and fresh.
 */
import { AppError } from '../errors.ts';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../store/keyed-hash.ts';
import { parseSecretKey } from '../keys/key-text.ts';

/** HKDF purpose of the link-signing key; never change it (links in flight would stop working). */
export const LINK_PURPOSE = 'sigmine/web-link/v1';

/** One hour: long enough to open a mail, short enough that a forwarded link soon stops working. */
export const LINK_TTL_MS = 60 * 60 * 1000;

export type LinkScope = 'privacy' | 'member';

export interface LinkPayload {
  /** What the link opens: the person's own profile in the privacy center, or a member's own account. */
  p: LinkScope;
  /** The verified address (normalised: trimmed, lower-cased). */
  e: string;
  /** Expiry, ms since epoch. */
  x: number;
  /** Random token id (128 bits, base64url): recorded when the token is used, so it works once. */
  i: string;
}

/** The link-signing key derived from a 32-byte server secret (HKDF-SHA256, purpose `LINK_PURPOSE`). */
export function linkKeyFromSecret(secret: string | Uint8Array): Buffer {
  return deriveKey(typeof secret === 'string' ? parseSecretKey(secret) : secret, LINK_PURPOSE);
}

function mac(key: Uint8Array, body: string): string {
  if (key.length < 32) throw new AppError('bad-key', 'the link-signing key must be at least 32 bytes');
  return createHmac('sha256', key).update(body, 'utf8').digest('base64url');
}

export function signLink(
  key: Uint8Array,
  email: string,
  opts: { now?: Date; ttlMs?: number; scope?: LinkScope } = {},
): string {
  const payload: LinkPayload = {
    p: opts.scope ?? 'privacy',
    e: email.trim().toLowerCase(),
    x: (opts.now ?? new Date()).getTime() + (opts.ttlMs ?? LINK_TTL_MS),
    i: randomBytes(16).toString('base64url'),
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** The token's payload, or null when it is malformed, forged, of another scope or expired. */
export function verifyLink(
  key: Uint8Array,
  token: string | undefined | null,
  opts: { now?: Date; scope?: LinkScope } = {},
): LinkPayload | null {
  if (!token || token.length > 2048) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  const want = Buffer.from(mac(key, body), 'utf8');
  const got = Buffer.from(token.slice(dot + 1), 'utf8');
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  let payload: LinkPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkPayload;
  } catch {
    return null;
  }
  if (
    payload.p !== (opts.scope ?? 'privacy') ||
    typeof payload.e !== 'string' ||
    typeof payload.x !== 'number'
  )
    return null;
  if (typeof payload.i !== 'string' || !/^[A-Za-z0-9_-]{22}$/.test(payload.i)) return null;
  if ((opts.now ?? new Date()).getTime() > payload.x) return null;
  return payload;
}
