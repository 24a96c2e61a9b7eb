/**
 * Encryption of stored secrets (refresh tokens, IMAP passwords): AES-256-GCM with a random 12-byte IV.
 *
 * Format (versioned): `v2:<key id>:<iv>:<tag>:<ciphertext>`, base64url parts, sealed with a subkey of the
 * keyring's newest key (src/keys/keyring.ts); `v1:<iv>:<tag>:<ciphertext>` (raw key, before key ids) is
 * still opened. The 16-byte GCM tag authenticates the ciphertext; a wrong key or a modified value fails with
 * a `SecretError` instead of returning garbage. `sigmine keys rotate` re-seals everything with the newest key.
 *
 * Keys: the keyring (`Config.secretKey`: SIGMINE_SECRET_KEYS, SIGMINE_SECRET_KEY_FILE or SIGMINE_SECRET_KEY).
 * A missing key is a clear startup error. Demo mode (`SIGMINE_DEMO=1`, or `{ demo: true }` from the demo
 * command) instead generates a random key once in `./data/demo-secret.key` (mode 0600) and prints a loud
 * warning: anyone who can read that file can decrypt the tokens stored next to it. Which key a database
 * belongs to is checked by src/keys (identity.ts, resolve.ts).
 *
 * Secrets are never logged and never taken from CLI arguments: `readSecretInput(path)` reads a file or, for
 * `-`, standard input.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { parseKeyRing, subkey, SUBKEY, type KeyRing } from '../keys/keyring.ts';
import { SecretError } from '../keys/key-text.ts';

const VERSION = 'v2';
/** Before key ids (and before 0054): the raw key, no subkey, no id. Still opened, never written. */
const V1 = 'v1';
const IV_BYTES = 12; // NIST SP 800-38D: 96-bit IVs for GCM
const TAG_BYTES = 16;

export { parseSecretKey, SecretError, type SecretErrorCode } from '../keys/key-text.ts';

/** Where demo mode keeps its generated key (relative to the working directory, like ./data/sigmine.db). */
export const DEMO_KEY_FILE = resolve('data', 'demo-secret.key');

export interface KeyOptions {
  /** Allow a generated key file when SIGMINE_SECRET_KEY is unset (demo only). Default: `config.demo` (SIGMINE_DEMO=1), else no. */
  demo?: boolean;
  /** Where the demo key lives (tests). */
  demoKeyFile?: string;
  /** Where the demo warning goes (default stderr). */
  warn?: (message: string) => void;
}

/**
 * The keyring from configuration (`Config.secretKey`: SIGMINE_SECRET_KEYS, SIGMINE_SECRET_KEY_FILE or
 * SIGMINE_SECRET_KEY). Throws `SecretError('missing-key')` with instructions when none is set, unless demo
 * mode is on: then the ring is the generated demo key (id `demo`).
 */
export function secretKeyFrom(
  config: Pick<Config, 'secretKey'> & Partial<Pick<Config, 'demo'>>,
  opts: KeyOptions = {},
): KeyRing {
  if (config.secretKey) return parseKeyRing(config.secretKey);
  const demo = opts.demo ?? config.demo ?? false;
  if (!demo) {
    throw new SecretError(
      'missing-key',
      'SIGMINE_SECRET_KEY is not set (nor SIGMINE_SECRET_KEYS or SIGMINE_SECRET_KEY_FILE): a key is required ' +
        'to seal tokens and passwords and to make the keyed hashes (suppression list, message keys). ' +
        'Generate one with `openssl rand -hex 32` and keep it out of the database backups ' +
        '(or set SIGMINE_DEMO=1 for a throw-away demo key).',
    );
  }
  return demoKeyRing(opts);
}

/** The demo key (created once, mode 0600) as a ring of one key with id `demo`, with the loud warning. */
export function demoKeyRing(opts: Omit<KeyOptions, 'demo'> = {}): KeyRing {
  const file = opts.demoKeyFile ?? DEMO_KEY_FILE;
  const warn = opts.warn ?? ((m: string) => process.stderr.write(`${m}\n`));
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  warn(
    `*** DEMO MODE: no SIGMINE_SECRET_KEY is set; secrets are sealed and hashes keyed with the generated demo key in ${file}. ` +
      'Do not use this for real accounts. ***',
  );
  return parseKeyRing(`demo:${readFileSync(file, 'utf8').trim()}`, 'demo');
}

/** A ring, or (older callers and tests) one bare 32-byte key, which is the ring `default:KEY`. */
export type SealKey = KeyRing | Buffer;

const ringOf = (k: SealKey): KeyRing => (Buffer.isBuffer(k) ? parseKeyRing(k.toString('hex')) : k);

/**
 * Seals `plain` with AES-256-GCM under the sealing subkey of the ring's NEWEST key:
 * `v2:<key id>:<iv>:<tag>:<ciphertext>`. The key id and the version are authenticated (GCM AAD).
 */
export function encryptSecret(plain: string, key: SealKey): string {
  const { id, key: k } = ringOf(key).newest;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', subkey(k, SUBKEY.seal), iv);
  cipher.setAAD(Buffer.from(`${VERSION}:${id}`, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, id, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join(
    ':',
  );
}

/** The id of the key that sealed `stored` (`null` for a v1 value, sealed before key ids existed). */
export function sealedBy(stored: string): string | null {
  const parts = stored.split(':');
  return parts[0] === VERSION && parts.length === 5 ? parts[1]! : null;
}

/**
 * Opens a value made by `encryptSecret` with the ring key it names (v2), or a v1 value (before 0054: the raw
 * key, no id) with whichever ring key opens it. A wrong key or a tampered value throws `decrypt-failed`.
 */
export function decryptSecret(stored: string, key: SealKey): string {
  const ring = ringOf(key);
  const parts = stored.split(':');
  if (parts[0] === VERSION && parts.length === 5) {
    const [, id, ivText, tagText, ctText] = parts as [string, string, string, string, string];
    const aad = Buffer.from(`${VERSION}:${id}`, 'utf8');
    const entry = ring.keys.find((k) => k.id === id);
    if (entry) return open(subkey(entry.key, SUBKEY.seal), ivText, tagText, ctText, aad);
    // The same key under another id (a lone SIGMINE_SECRET_KEY is `default`; in a ring it may be named).
    for (const k of ring.keys) {
      try {
        return open(subkey(k.key, SUBKEY.seal), ivText, tagText, ctText, aad);
      } catch {
        // not this one
      }
    }
    throw new SecretError(
      'decrypt-failed',
      `stored secret was sealed with key "${id}", which is not in the keyring`,
    );
  }
  if (parts.length !== 4 || parts[0] !== V1) {
    throw new SecretError('bad-format', 'stored secret is not in the v2:key:iv:tag:ciphertext format');
  }
  const [, ivText, tagText, ctText] = parts as [string, string, string, string];
  let last: unknown;
  for (const entry of [...ring.keys].reverse()) {
    try {
      return open(entry.key, ivText, tagText, ctText, null);
    } catch (err) {
      if ((err as SecretError).code !== 'decrypt-failed') throw err;
      last = err;
    }
  }
  throw last as Error;
}

function open(key: Buffer, ivText: string, tagText: string, ctText: string, aad: Buffer | null): string {
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretError('bad-format', 'stored secret has a malformed IV or tag');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ctText, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (err) {
    throw new SecretError(
      'decrypt-failed',
      'stored secret could not be decrypted (wrong key or modified value)',
      {
        cause: err,
      },
    );
  }
}

/** Upper bound for a token or password read from a file: a refresh token is < 2 KiB. */
const MAX_SECRET_BYTES = 64 * 1024;

/**
 * Reads a secret from a file, or from standard input when `path` is `-`. Trailing newlines are removed;
 * an empty or oversized secret is an error.
 */
export async function readSecretInput(
  path: string,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  let raw: string;
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += b.length;
      if (size > MAX_SECRET_BYTES)
        throw new SecretError('bad-input', 'secret on stdin is larger than 64 KiB');
      chunks.push(b);
    }
    raw = Buffer.concat(chunks).toString('utf8');
  } else {
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch (err) {
      throw new SecretError(
        'bad-input',
        `cannot read secret file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
        {
          cause: err,
        },
      );
    }
    if (buf.length > MAX_SECRET_BYTES)
      throw new SecretError('bad-input', `secret file ${path} is larger than 64 KiB`);
    raw = buf.toString('utf8');
  }
  const secret = raw.replace(/[\r\n]+$/, '');
  if (secret.trim() === '') throw new SecretError('bad-input', 'the secret is empty');
  return secret;
}
