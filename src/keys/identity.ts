/**
 * Key identity (issue 9): a database remembers which key its sealed and hashed data belong to, by the
 * key's fingerprint (src/keys/keyring.ts), so that a missing or different key is refused before anything is
 * read or written, instead of silently matching nothing (an erased person let back in).
 *
 * Owner of `key_epochs` (migrations/0054-key-epochs.ts). The first command that needs a key records the
 * current one; `sigmine keys rotate` (src/key-admin/rotate.ts) adds the next epoch.
 */
import { randomBytes } from 'node:crypto';
import { SqliteAdapter, type Kysely } from 'kysely';
import { SecretError } from './key-text.ts';
import type { KeyEpochsTable } from './tables.ts';
import {
  keyByFingerprint,
  keyFingerprint,
  shortFingerprint,
  type KeyEntry,
  type KeyRing,
} from './keyring.ts';

export interface KeyEpoch {
  seq: number;
  keyId: string;
  fingerprint: string;
  origin: 'keyring' | 'demo' | 'database';
  chainEnc: string | null;
}

/**
 * Databases older than 0054 used without SIGMINE_SECRET_KEY kept a random secret in `settings`; it stays the
 * "key" of such a database (origin `database`) until a rotation moves its hashes to a real key.
 */
export const DEV_SECRET_SETTING = 'keyed-hash.dev-secret';

/** SQLite or not (PostgreSQL, PGlite): row locks and LOCK TABLE exist only on the latter. */
export const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * The current epoch (highest seq), or null before the first command that needed a key.
 *
 * On PostgreSQL the row is read FOR SHARE: a page transaction that hashes holds it until it commits, and a
 * rotation (which locks the table EXCLUSIVE first, src/key-admin/rotate.ts) waits for those pages and makes new
 * ones wait for it, so no page stores a hash of the old epoch after the rotation re-keyed them. SQLite needs
 * no lock: one writer at a time, and a page whose snapshot predates a rotation fails with SQLITE_BUSY_SNAPSHOT
 * on its first write and is retried with a fresh read.
 */
export async function currentEpoch(db: Kysely<any>): Promise<KeyEpoch | null> {
  let q = db.selectFrom('key_epochs').selectAll().orderBy('seq', 'desc').limit(1);
  if (!isSqlite(db)) q = q.forShare();
  const r = await q.executeTakeFirst();
  if (!r) return null;
  return {
    seq: Number(r.seq),
    keyId: r.key_id,
    fingerprint: r.fingerprint,
    origin: r.origin,
    chainEnc: r.chain_enc,
  };
}

/** Records epoch 1 unless one exists (safe under concurrent first use), and returns the current epoch. */
/** Every key epoch of the database, oldest first (`sigmine keys list`): ids, fingerprints, never keys. */
export async function listEpochs(db: Kysely<any>) {
  return db
    .selectFrom('key_epochs')
    .select(['seq', 'key_id', 'fingerprint', 'origin', 'created_at'])
    .orderBy('seq')
    .execute() as Promise<Array<Omit<KeyEpochsTable, 'chain_enc'>>>;
}

export async function recordFirstEpoch(
  db: Kysely<any>,
  key: { id: string; fingerprint: string; origin: KeyEpoch['origin'] },
): Promise<KeyEpoch> {
  await db
    .insertInto('key_epochs')
    .values({
      seq: 1,
      key_id: key.id,
      fingerprint: key.fingerprint,
      origin: key.origin,
      chain_enc: null,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('seq').doNothing())
    .execute();
  return (await currentEpoch(db))!;
}

/** The pre-0054 per-database secret, if this database has one. */
export async function legacySecret(db: Kysely<any>): Promise<Buffer | null> {
  const r = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', DEV_SECRET_SETTING)
    .executeTakeFirst();
  return r ? Buffer.from(r.value as string, 'hex') : null;
}

/**
 * The epoch, recorded on first use: a database that already has hashes from its legacy secret records that
 * secret (so that a new key is refused until a rotation moves the hashes), else `first` is recorded.
 */
export async function epochOrRecord(
  db: Kysely<any>,
  first: () => { id: string; fingerprint: string; origin: KeyEpoch['origin'] } | null,
): Promise<KeyEpoch | null> {
  const epoch = await currentEpoch(db);
  if (epoch) return epoch;
  const legacy = await legacySecret(db);
  if (legacy)
    return recordFirstEpoch(db, { id: 'database', fingerprint: keyFingerprint(legacy), origin: 'database' });
  const f = first();
  return f ? recordFirstEpoch(db, f) : null;
}

/** The per-database secret of a keyless database (tests and library callers only; the CLI never uses it). */
export async function legacySecretOrCreate(db: Kysely<any>): Promise<Buffer> {
  const existing = await legacySecret(db);
  if (existing) return existing;
  await db
    .insertInto('settings')
    .values({
      key: DEV_SECRET_SETTING,
      value: randomBytes(32).toString('hex'),
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await legacySecret(db))!;
}

/** The ring key that is the database's current key, or a `wrong-key` error that names both sides. */
export function matchEpoch(epoch: KeyEpoch, ring: KeyRing): KeyEntry {
  const k = keyByFingerprint(ring, epoch.fingerprint);
  if (k) return k;
  throw wrongKey(epoch, ring);
}

export function wrongKey(epoch: KeyEpoch, ring: KeyRing | null): SecretError {
  const have = ring
    ? ring.keys.map((k) => `${k.id} (${shortFingerprint(keyFingerprint(k.key))})`).join(', ')
    : 'none';
  if (epoch.origin === 'database') {
    return new SecretError(
      'wrong-key',
      `this database's hashes were made with the secret it kept inside itself before keys were checked ` +
        `(fingerprint ${shortFingerprint(epoch.fingerprint)}), not with the configured key(s) ${have}. ` +
        'Run `sigmine keys rotate` with your key configured to move them to it. Nothing was changed.',
    );
  }
  return new SecretError(
    ring ? 'wrong-key' : 'missing-key',
    `this database's sealed and hashed data belong to key "${epoch.keyId}" (fingerprint ${shortFingerprint(epoch.fingerprint)}` +
      `${epoch.origin === 'demo' ? ', the demo key' : ''}); configured key(s): ${have}. ` +
      'Set SIGMINE_SECRET_KEY, SIGMINE_SECRET_KEYS or SIGMINE_SECRET_KEY_FILE to the keyring that holds it. Nothing was changed.',
  );
}
