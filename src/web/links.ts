/**
 * Signed, expiring links for the privacy center ("prove you control this address"): GDPR Art. 12(6)
 * reasonable identity verification by e-mail round trip. A token is `base64url(payload).hmac` where the
 * HMAC key is derived for this purpose only (src/store/keyed-hash.ts), so a token cannot be forged from any
 * other keyed hash the database holds. Tokens carry no secret themselves, only the address they verify.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { keyedHasher } from '../store/keyed-hash.ts';

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
}

export async function signLink(
  db: Kysely<any>,
  email: string,
  opts: { secretKey?: string | null; now?: Date; ttlMs?: number; scope?: LinkScope } = {},
): Promise<string> {
  const h = await keyedHasher(db, LINK_PURPOSE, opts.secretKey);
  const payload: LinkPayload = {
    p: opts.scope ?? 'privacy',
    e: email.trim().toLowerCase(),
    x: (opts.now ?? new Date()).getTime() + (opts.ttlMs ?? LINK_TTL_MS),
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${h(body)}`;
}

/** The verified address, or null when the token is malformed, forged or expired. */
export async function verifyLink(
  db: Kysely<any>,
  token: string | undefined | null,
  opts: { secretKey?: string | null; now?: Date; scope?: LinkScope } = {},
): Promise<string | null> {
  if (!token || token.length > 2048) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  const mac = token.slice(dot + 1);
  const h = await keyedHasher(db, LINK_PURPOSE, opts.secretKey);
  const want = Buffer.from(h(body), 'utf8');
  const got = Buffer.from(mac, 'utf8');
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  let payload: LinkPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkPayload;
  } catch {
    return null;
  }
  if (payload.p !== (opts.scope ?? 'privacy') || typeof payload.e !== 'string' || typeof payload.x !== 'number') return null;
  if ((opts.now ?? new Date()).getTime() > payload.x) return null;
  return payload.e;
}
