/**
 * Keyed hashes (HMAC-SHA256) for values we must recognise again but never keep in the clear:
 * Message-IDs of processed messages (idempotency), suppressed email addresses (erasure/objection),
 * privacy request logs.
 *
 * Key: HKDF-SHA256 over the server secret with a PURPOSE label as `info`, so a hash made for one purpose
 * cannot be matched against another (a leaked Message-ID hash table says nothing about suppressions).
 *   - Production: the secret is SIGMINE_SECRET_KEY (32 bytes, hex or base64; `Config.secretKey`).
 *   - Demo/dev with no key: a random 32-byte secret is created once per database and kept in the
 *     `settings` table under `keyed-hash.dev-secret`. It is only as safe as the database file itself.
 *     Hashes made with it do NOT match hashes made after SIGMINE_SECRET_KEY is set later (and vice versa):
 *     set the key before going live, or suppression entries from the dev period stop matching.
 *
 * Usage (C2: suppression; G: message keys):
 *   const h = await keyedHasher(trx, HASH_PURPOSE.suppression, config.secretKey);
 *   const digest = h(normaliseEmail(email));          // 64 hex chars
 * `secretKey` undefined = read SIGMINE_SECRET_KEY through loadConfig(); null = force the per-database key.
 * The hasher is synchronous once made; make it once per transaction/page, not per value.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { loadConfig } from '../config.ts';

/** Purpose labels (HKDF info). Add new ones here; never change an existing label (hashes would stop matching). */
export const HASH_PURPOSE = {
  messageId: 'sigmine/message-id/v1',
  suppression: 'sigmine/suppression-email/v1',
  requestLog: 'sigmine/privacy-request/v1',
} as const;

export type KeyedHasher = (value: string) => string;

const DEV_SECRET_SETTING = 'keyed-hash.dev-secret';

/** Parses a 32-byte key given as 64 hex chars or base64 (url-safe accepted). Throws on anything else. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const buf = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (buf.length !== 32) {
    throw Object.assign(new Error('SIGMINE_SECRET_KEY must be 32 bytes, hex (64 chars) or base64'), {
      code: 'bad-secret-key',
    });
  }
  return buf;
}

const derived = new Map<string, Buffer>();

/** Derives the purpose-specific HMAC key from a 32-byte secret (HKDF-SHA256, RFC 5869); memoised. */
export function deriveKey(secret: Uint8Array, purpose: string): Buffer {
  const id = `${Buffer.from(secret).toString('hex')}\u0000${purpose}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'sigmine-keyed-hash', purpose, 32));
    if (derived.size > 64) derived.clear();
    derived.set(id, key);
  }
  return key;
}

/** A hasher from an explicit secret (no database): HMAC-SHA256 hex. */
export function hasherFromSecret(secret: Uint8Array, purpose: string): KeyedHasher {
  const key = deriveKey(secret, purpose);
  return (value: string) => createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

/**
 * Returns the hasher for `purpose`. With no configured secret, uses (and on first use creates) the
 * per-database dev secret in `settings`; safe under concurrent first use (insert-if-absent, then read).
 */
export async function keyedHasher(
  db: Kysely<any>,
  purpose: string,
  secretKey: string | null | undefined = undefined,
): Promise<KeyedHasher> {
  const configured = secretKey === undefined ? loadConfig().secretKey : secretKey;
  if (configured) return hasherFromSecret(parseSecretKey(configured), purpose);
  return hasherFromSecret(await devSecret(db), purpose);
}

/**
 * Per Kysely instance (a page transaction, or a long-lived handle): the dev secret read once. A transaction
 * that created it and rolled back takes its cache entry with it.
 */
const devSecrets = new WeakMap<object, Buffer>();

async function devSecret(db: Kysely<any>): Promise<Buffer> {
  const cached = devSecrets.get(db);
  if (cached) return cached;
  const secret = await readOrCreateDevSecret(db);
  devSecrets.set(db, secret);
  return secret;
}

async function readOrCreateDevSecret(db: Kysely<any>): Promise<Buffer> {
  const read = async () =>
    (await db.selectFrom('settings').select('value').where('key', '=', DEV_SECRET_SETTING).executeTakeFirst()) as
      | { value: string }
      | undefined;
  let row = await read();
  if (!row) {
    await db
      .insertInto('settings')
      .values({ key: DEV_SECRET_SETTING, value: randomBytes(32).toString('hex'), created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    row = await read();
  }
  if (!row) throw new Error('keyed-hash: could not create the per-database secret');
  return Buffer.from(row.value, 'hex');
}

