/**
 * The keyring: the server keys, each with an id, parsed once from configuration (`Config.secretKey`:
 * SIGMINE_SECRET_KEYS, the file SIGMINE_SECRET_KEY_FILE, or the single SIGMINE_SECRET_KEY). Old keys only
 * open what they sealed; the NEWEST (last) key seals everything new.
 *
 * No key is used directly: each use gets its own subkey (HKDF-SHA256, RFC 5869), so that one kind of output
 * says nothing about another (docs/security.md):
 *   - sealing of tokens and passwords (src/secrets, format v2): `subkey(key, SUBKEY.seal)`;
 *   - keyed hashes, one per purpose, link signing included (src/store/keyed-hash.ts `deriveKey`);
 *   - the fingerprint a database records to recognise its key (`keyFingerprint`).
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { parseSecretKey, SecretError } from './key-text.ts';

export interface KeyEntry {
  readonly id: string;
  readonly key: Buffer;
}

export interface KeyRing {
  /** Oldest first. */
  readonly keys: readonly KeyEntry[];
  /** The last key: the only one that seals. */
  readonly newest: KeyEntry;
  /** `demo`: the generated ./data/demo-secret.key; `config`: the operator's keys. */
  readonly origin: 'config' | 'demo';
}

/** HKDF `info` labels of the subkeys. Never change one: what it sealed or signed would stop opening. */
export const SUBKEY = {
  seal: 'sigmine/seal/v2',
  fingerprint: 'sigmine/key-fingerprint/v1',
} as const;

/** The id a lone SIGMINE_SECRET_KEY gets (use it in SIGMINE_SECRET_KEYS to keep that key in a ring). */
export const DEFAULT_KEY_ID = 'default';

const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;

/**
 * Parses a keyring: one bare key (id `default`), or entries `id:key` (or `id key` in a file) separated by
 * commas or new lines, oldest first (blank lines and `#` comments allowed). Keys are 32 bytes, hex or base64.
 */
export function parseKeyRing(text: string, origin: KeyRing['origin'] = 'config'): KeyRing {
  const entries = text
    .split(/[,\n]/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
  if (entries.length === 1 && !/[:\s]/.test(entries[0]!)) {
    return freeze([{ id: DEFAULT_KEY_ID, key: parseSecretKey(entries[0]!) }], origin);
  }
  const keys: KeyEntry[] = [];
  for (const e of entries) {
    const m = /^([^:\s]+)\s*[:\s]\s*(\S+)$/.exec(e);
    if (!m || !KEY_ID.test(m[1]!)) {
      throw new SecretError(
        'bad-key',
        'SIGMINE_SECRET_KEYS: each entry is id:key (id of letters, digits, . _ -), oldest first',
      );
    }
    if (keys.some((k) => k.id === m[1]))
      throw new SecretError('bad-key', `SIGMINE_SECRET_KEYS: key id ${m[1]} appears twice`);
    keys.push({ id: m[1]!, key: parseSecretKey(m[2]!) });
  }
  if (keys.length === 0) throw new SecretError('bad-key', 'the keyring is empty');
  return freeze(keys, origin);
}

function freeze(keys: KeyEntry[], origin: KeyRing['origin']): KeyRing {
  return Object.freeze({ keys: Object.freeze(keys), newest: keys[keys.length - 1]!, origin });
}

/** A subkey of `key` for one use (HKDF-SHA256 with `info`). */
export function subkey(key: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'sigmine-subkey', info, 32));
}

/**
 * What a database records to recognise its key: HMAC-SHA256 under a subkey of the key (64 hex). It says
 * nothing about the key or about any hash or seal made with it.
 */
export function keyFingerprint(key: Uint8Array): string {
  return createHmac('sha256', subkey(key, SUBKEY.fingerprint))
    .update('sigmine key fingerprint')
    .digest('hex');
}

/** The entry of `ring` whose fingerprint is `fingerprint`, if any. */
export function keyByFingerprint(ring: KeyRing, fingerprint: string): KeyEntry | undefined {
  return ring.keys.find((k) => keyFingerprint(k.key) === fingerprint);
}

/** Short form for messages: enough to tell keys apart, nothing to attack. */
export const shortFingerprint = (fp: string) => fp.slice(0, 12);
