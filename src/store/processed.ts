/**
 * Why this file exists: connectors ask "has this connection already processed these messages?" BEFORE
 * they download a body (issue 10: headers first, body only for messages that can still yield a
 * signature). The store owns `processed_messages` (written by `ingestPage`); this is its read side, with
 * the one rule for turning a message key into the keyed hash both sides compare.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { HASH_PURPOSE, keyedHasher, type KeyedHasher } from './keyed-hash.ts';
import { chunks, IN_LIST } from './sql-util.ts';

/**
 * The keyed hash of a message key. Message-IDs are compared as written, minus surrounding whitespace and
 * angle brackets (RFC 5322 3.6.4), at most 1,000 characters.
 */
export function messageKeyHash(hash: KeyedHasher, messageKey: string): string {
  return hash(messageKey.trim().replace(/^<|>$/g, '').slice(0, 1000));
}

/**
 * Of `keys` (message keys as the pipeline makes them, src/pipeline/decide.ts `messageKeyOf`), those this
 * connection has already processed. One indexed query per 900 keys; no write.
 */
export async function processedMessageKeys(
  db: Kysely<DB>,
  connectionId: string,
  keys: readonly string[],
  secretKey: string | null,
): Promise<Set<string>> {
  const out = new Set<string>();
  const wanted = keys.filter((k) => k.trim() !== '');
  if (wanted.length === 0) return out;
  const hash = await keyedHasher(db, HASH_PURPOSE.messageId, secretKey);
  const byHash = new Map<string, string[]>();
  for (const k of wanted) {
    const h = messageKeyHash(hash, k);
    byHash.set(h, [...(byHash.get(h) ?? []), k]);
  }
  for (const part of chunks([...byHash.keys()], IN_LIST)) {
    const rows = await db
      .selectFrom('processed_messages')
      .select('message_hash')
      .where('connection_id', '=', connectionId)
      .where('message_hash', 'in', part)
      .execute();
    for (const r of rows) for (const k of byHash.get(r.message_hash) ?? []) out.add(k);
  }
  return out;
}

/** Has this connection ever handed over a message or entry (remembered as processed)? */
export async function hasProcessedAny(db: Kysely<DB>, connectionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('processed_messages')
    .select('connection_id')
    .where('connection_id', '=', connectionId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
