/**
 * Keyed hashes (HMAC-SHA256) for values we must recognise again but never keep in the clear:
 * Message-IDs of processed messages (idempotency), suppressed email addresses (erasure/objection),
 * privacy request logs.
 *
 * Key: HKDF-SHA256 over the database's current key (src/keys) with a PURPOSE label as `info`, so a hash made
 * for one purpose cannot be matched against another (a leaked Message-ID hash table says nothing about
 * suppressions), and none is a key that seals or signs anything else.
 *   - The key is the keyring's key whose fingerprint the database recorded (src/keys/identity.ts); another
 *     key, or none, is refused: hashes made with a different key would silently match nothing.
 *   - Keyless databases (tests, library callers that pass null): a random secret kept in the database's
 *     `settings`, as before 0054. The CLI never uses it (src/keys/resolve.ts); a rotation retires it.
 *
 * Usage: `const h = await keyedHasher(trx, HASH_PURPOSE.suppression, config.secretKey); h(subjectAddress(e))`
 * (64 hex chars).
 * The hasher is synchronous once made; make it once per transaction/page, not per value.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parseKeyRing, keyFingerprint, type KeyRing } from '../keys/keyring.ts';
import { epochOrRecord, legacySecretOrCreate, matchEpoch, wrongKey } from '../keys/identity.ts';
import { decryptSecret } from '../secrets/index.ts';

/** Purpose labels (HKDF info). Add new ones here; never change an existing label (hashes would stop matching). */
export const HASH_PURPOSE = {
  messageId: 'sigmine/message-id/v1',
  suppression: 'sigmine/suppression-email/v1',
  requestLog: 'sigmine/privacy-request/v1',
} as const;

export type KeyedHasher = (value: string) => string;

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

/** Hashes kept for good (message keys, suppression list, request log): re-keyed by a rotation, not dropped. */
export const LONG_LIVED_PURPOSES: readonly string[] = [
  HASH_PURPOSE.messageId,
  HASH_PURPOSE.suppression,
  HASH_PURPOSE.requestLog,
];

/**
 * The key, always given by the caller (no hidden default: a caller that forgot it must not quietly read the
 * environment): the keyring text (`Config.secretKey`), a parsed ring, or null for a keyless database.
 */
export type KeyInput = string | KeyRing | null;

/**
 * Returns the hasher for `purpose`, under the database's current key (src/keys/identity.ts): a key that is
 * not the database's is refused (`SecretError` `wrong-key` / `missing-key`) before anything is hashed. On
 * first use the database records the key in use.
 *
 * `secretKey`: the keyring (text or parsed), required; null = the per-database secret of a keyless database
 * (tests and library callers; the CLI never takes this path, src/keys/resolve.ts).
 *
 * After a rotation a long-lived hash is HMAC(k_n, ... HMAC(k_1, value)): each epoch's purpose key applied in
 * turn, the earlier ones kept sealed in the epoch's `chain_enc`, so stored hashes were re-keyed in place.
 */
export async function keyedHasher(
  db: Kysely<any>,
  purpose: string,
  secretKey: KeyInput,
): Promise<KeyedHasher> {
  const ring = typeof secretKey === 'string' ? ringOf(secretKey) : secretKey;
  const { root, chainEnc } = await rootKey(db, ring);
  const chain =
    chainEnc && ring && LONG_LIVED_PURPOSES.includes(purpose) ? (chainOf(chainEnc, ring)[purpose] ?? []) : [];
  const keys = [...chain.map((h) => Buffer.from(h, 'hex')), deriveKey(root, purpose)];
  return (value: string) => {
    let v = value;
    for (const k of keys) v = createHmac('sha256', k).update(v, 'utf8').digest('hex');
    return v;
  };
}

interface RootKey {
  root: Buffer;
  /** The earlier epochs' purpose keys, sealed (null before any rotation). */
  chainEnc: string | null;
}

/**
 * Root keys already checked in a transaction, per key input (compared by identity). Inside one transaction
 * the key epoch cannot change (PostgreSQL holds it FOR SHARE until commit, which a rotation's EXCLUSIVE lock
 * waits for; SQLite has one writer), so a page checks the key once, not once per purpose.
 */
const checkedIn = new WeakMap<object, Array<{ ring: KeyRing | null; key: RootKey }>>();

async function rootKey(db: Kysely<any>, ring: KeyRing | null): Promise<RootKey> {
  if (!db.isTransaction) return checkRootKey(db, ring);
  let memo = checkedIn.get(db);
  if (!memo) checkedIn.set(db, (memo = []));
  const hit = memo.find((m) => m.ring === ring);
  if (hit) return hit.key;
  const key = await checkRootKey(db, ring);
  memo.push({ ring, key });
  return key;
}

/** The database's current root key from `ring` (or its own secret when keyless), refused when another. */
async function checkRootKey(db: Kysely<any>, ring: KeyRing | null): Promise<RootKey> {
  const epoch = await epochOrRecord(db, () =>
    ring
      ? {
          id: ring.newest.id,
          fingerprint: keyFingerprint(ring.newest.key),
          origin: ring.origin === 'demo' ? 'demo' : 'keyring',
        }
      : null,
  );
  if (!epoch) {
    // A keyless database used for the first time (tests): its own secret, recorded as its key.
    const root = await legacySecretOrCreate(db);
    await epochOrRecord(db, () => null);
    return { root, chainEnc: null };
  }
  if (ring) return { root: matchEpoch(epoch, ring).key, chainEnc: epoch.chainEnc ?? null };
  if (epoch.origin === 'database') {
    const root = await legacySecretOrCreate(db);
    if (keyFingerprint(root) !== epoch.fingerprint) throw wrongKey(epoch, null);
    return { root, chainEnc: null };
  }
  throw wrongKey(epoch, null);
}

const rings = new Map<string, KeyRing>();
function ringOf(text: string): KeyRing {
  let r = rings.get(text);
  if (!r) {
    r = parseKeyRing(text);
    if (rings.size > 16) rings.clear();
    rings.set(text, r);
  }
  return r;
}

const chains = new Map<string, Record<string, string[]>>();
/** The earlier epochs' purpose keys, opened with the ring (memoised per sealed text). */
export function chainOf(chainEnc: string, ring: KeyRing): Record<string, string[]> {
  let c = chains.get(chainEnc);
  if (!c) {
    c = JSON.parse(decryptSecret(chainEnc, ring)) as Record<string, string[]>;
    if (chains.size > 16) chains.clear();
    chains.set(chainEnc, c);
  }
  return c;
}
