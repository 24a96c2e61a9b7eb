/**
 * `sigmine keys rotate`: moves a database from its current key to the keyring's newest key, in ONE
 * transaction (all or nothing: a rotation killed halfway changed nothing, and running it again does it all;
 * run again after it finished, it re-seals anything still sealed with an older key and changes nothing else):
 *   1. secrets (connection tokens and passwords, tokens parked for a revoke retry) are opened with any ring
 *      key and sealed again with the newest; pending web OAuth flows (ten minutes long) are dropped;
 *   2. every long-lived keyed hash (message keys, suppression list, privacy gates, notice recipients, request
 *      log) becomes HMAC(new purpose key, old hash): hashes are one-way, so they are re-keyed by wrapping,
 *      and the old epochs' purpose keys (never the old key itself) are kept sealed with the new key in the
 *      new epoch's `chain_enc`, which src/store/keyed-hash.ts applies in turn;
 *   3. the new epoch (key id, fingerprint) is recorded; a pre-0054 per-database secret is deleted.
 * Outstanding web links (signed with the old key's link subkey) stop working: they last an hour anyway.
 * Stop `serve`, `schedule` and workers while it runs, and start them again with the new keyring.
 */
import { createHmac } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { decryptSecret, encryptSecret, sealedBy } from '../secrets/index.ts';
import { chainOf, deriveKey, HASH_PURPOSE, LONG_LIVED_PURPOSES } from '../store/keyed-hash.ts';
import { dropAllOAuthFlows } from '../connections/oauth-flows.ts';
import { DEV_SECRET_SETTING, epochOrRecord, isSqlite, legacySecret, wrongKey } from '../keys/identity.ts';
import {
  keyByFingerprint,
  keyFingerprint,
  parseKeyRing,
  type KeyEntry,
  type KeyRing,
} from '../keys/keyring.ts';

/** Every column holding a long-lived keyed hash, with its purpose. A new one must be added here. */
export const HASHED_COLUMNS = [
  { table: 'processed_messages', column: 'message_hash', purpose: HASH_PURPOSE.messageId },
  { table: 'suppressions', column: 'subject_hash', purpose: HASH_PURPOSE.suppression },
  { table: 'privacy_gates', column: 'subject_hash', purpose: HASH_PURPOSE.suppression },
  { table: 'notices', column: 'recipient_hash', purpose: HASH_PURPOSE.suppression },
  { table: 'privacy_requests', column: 'subject_hash', purpose: HASH_PURPOSE.requestLog },
] as const;

export interface RotationOutcome {
  from: { keyId: string; fingerprint: string };
  to: { keyId: string; fingerprint: string };
  /** The database already belonged to the newest key: only stragglers were re-sealed. */
  alreadyCurrent: boolean;
  secretsResealed: number;
  /** Distinct hash values re-keyed, per table.column. */
  hashesRekeyed: Record<string, number>;
  oauthFlowsDropped: number;
}

/**
 * Rotates to `ring.newest`. The database's current key must be in `ring`, or in `extra` (the demo key of a
 * demo database being moved to a real key), or be the database's own pre-0054 secret.
 */
export async function rotateKeys(
  db: Kysely<DB>,
  ring: KeyRing,
  extra: KeyRing[] = [],
): Promise<RotationOutcome> {
  return db.transaction().execute(async (trx) => {
    // PostgreSQL: wait for page transactions holding the epoch (FOR SHARE) and hold off new ones until
    // commit (src/keys/identity.ts currentEpoch). SQLite's single writer already serialises them.
    if (!isSqlite(trx)) await sql`LOCK TABLE key_epochs IN EXCLUSIVE MODE`.execute(trx);
    const epoch = (await epochOrRecord(trx, () => ({
      id: ring.newest.id,
      fingerprint: keyFingerprint(ring.newest.key),
      origin: ring.origin === 'demo' ? 'demo' : 'keyring',
    })))!;
    const newest = ring.newest;
    const newFp = keyFingerprint(newest.key);
    const opening = parseKeyRing(
      [...extra.flatMap((r) => r.keys).filter((k) => !ring.keys.some((x) => x.id === k.id)), ...ring.keys]
        .map((k) => `${k.id}:${k.key.toString('hex')}`)
        .join(','),
    );
    let oldRoot: Buffer;
    if (epoch.origin === 'database') {
      const legacy = await legacySecret(trx);
      if (!legacy || keyFingerprint(legacy) !== epoch.fingerprint) throw wrongKey(epoch, ring);
      oldRoot = legacy;
    } else {
      const old: KeyEntry | undefined = keyByFingerprint(opening, epoch.fingerprint);
      if (!old) throw wrongKey(epoch, ring);
      oldRoot = old.key;
    }
    const outcome: RotationOutcome = {
      from: { keyId: epoch.keyId, fingerprint: epoch.fingerprint },
      to: { keyId: newest.id, fingerprint: newFp },
      alreadyCurrent: epoch.fingerprint === newFp,
      secretsResealed: 0,
      hashesRekeyed: {},
      oauthFlowsDropped: 0,
    };

    outcome.secretsResealed = await reseal(trx, opening, ring);
    if (outcome.alreadyCurrent) return outcome;

    const oldChain = epoch.chainEnc ? chainOf(epoch.chainEnc, opening) : {};
    const chain: Record<string, string[]> = {};
    for (const p of LONG_LIVED_PURPOSES)
      chain[p] = [...(oldChain[p] ?? []), deriveKey(oldRoot, p).toString('hex')];
    outcome.hashesRekeyed = await rekeyHashes(trx, newest.key);
    outcome.oauthFlowsDropped = await dropAllOAuthFlows(trx);
    await trx
      .insertInto('key_epochs')
      .values({
        seq: epoch.seq + 1,
        key_id: newest.id,
        fingerprint: newFp,
        origin: ring.origin === 'demo' ? 'demo' : 'keyring',
        chain_enc: encryptSecret(JSON.stringify(chain), ring),
        created_at: new Date().toISOString(),
      })
      .execute();
    if (epoch.origin === 'database')
      await trx.deleteFrom('settings').where('key', '=', DEV_SECRET_SETTING).execute();
    return outcome;
  });
}

/**
 * Every long-lived keyed hash becomes HMAC(new purpose key, old hash), one distinct value at a time (a value
 * shared by rows stays shared). Returns how many distinct values each column had.
 */
async function rekeyHashes(trx: Kysely<DB>, newKey: Buffer): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column, purpose } of HASHED_COLUMNS) {
    const k = deriveKey(newKey, purpose);
    const values = (
      await trx
        .selectFrom(table as any)
        .select(column as any)
        .distinct()
        .execute()
    ).map((r: any) => r[column] as string);
    for (const v of values) {
      const next = createHmac('sha256', k).update(v, 'utf8').digest('hex');
      await trx
        .updateTable(table as any)
        .set({ [column]: next } as any)
        .where(column as any, '=', v)
        .execute();
    }
    counts[`${table}.${column}`] = values.length;
  }
  return counts;
}

/** Seals again with the newest key every secret sealed with another (or in the v1 format). */
async function reseal(trx: Kysely<DB>, opening: KeyRing, ring: KeyRing): Promise<number> {
  let n = 0;
  const stale = (s: string | null): s is string => s !== null && sealedBy(s) !== ring.newest.id;
  for (const c of await trx
    .selectFrom('connections')
    .select(['id', 'secret_enc'])
    .where('secret_enc', 'is not', null)
    .execute()) {
    if (!stale(c.secret_enc)) continue;
    const sealed = encryptSecret(decryptSecret(c.secret_enc, opening), ring);
    await trx.updateTable('connections').set({ secret_enc: sealed }).where('id', '=', c.id).execute();
    n++;
  }
  for (const r of await trx
    .selectFrom('revocations')
    .select(['id', 'token_enc'])
    .where('token_enc', 'is not', null)
    .execute()) {
    if (!stale(r.token_enc)) continue;
    const sealed = encryptSecret(decryptSecret(r.token_enc, opening), ring);
    await trx.updateTable('revocations').set({ token_enc: sealed }).where('id', '=', r.id).execute();
    n++;
  }
  return n;
}
