/**
 * Encryption of stored secrets (refresh tokens, IMAP passwords): AES-256-GCM with a random 12-byte IV.
 *
 * Format (versioned, so the key or algorithm can change later): `v1:<iv>:<tag>:<ciphertext>`, each part
 * base64url. The 16-byte GCM tag authenticates the ciphertext; a wrong key or a modified value fails with
 * a `SecretError` instead of returning garbage.
 *
 * Key: `SIGMINE_SECRET_KEY` (config.secretKey), 32 bytes given as 64 hex characters or as base64/base64url.
 * A missing key is a clear startup error. Demo mode (`SIGMINE_DEMO=1`, or `{ demo: true }` from the demo
 * command) instead generates a random key once in `./data/demo-secret.key` (mode 0600) and prints a loud
 * warning: anyone who can read that file can decrypt the tokens stored next to it. Sources without a secret
 * (local mailbox files) never need a key at all, so `npm run demo` works with no configuration.
 *
 * Secrets are never logged and never taken from CLI arguments: `readSecretInput(path)` reads a file or, for
 * `-`, standard input.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config.ts';

export type SecretErrorCode = 'missing-key' | 'bad-key' | 'bad-format' | 'decrypt-failed' | 'bad-input';

export class SecretError extends Error {
  readonly code: SecretErrorCode;
  constructor(code: SecretErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretError';
    this.code = code;
  }
}

const VERSION = 'v1';
const IV_BYTES = 12; // NIST SP 800-38D: 96-bit IVs for GCM
const TAG_BYTES = 16;

/** Parses a 32-byte key written as 64 hex characters or as base64 / base64url. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(t)) key = Buffer.from(t, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(t))
    key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (!key || key.length !== 32) {
    throw new SecretError(
      'bad-key',
      'SIGMINE_SECRET_KEY must be 32 bytes written as 64 hex characters or base64 ' +
        '(generate one with: openssl rand -hex 32)',
    );
  }
  return key;
}

/** Where demo mode keeps its generated key (relative to the working directory, like ./data/sigmine.db). */
export const DEMO_KEY_FILE = resolve('data', 'demo-secret.key');

export interface KeyOptions {
  /** Allow a generated key file when SIGMINE_SECRET_KEY is unset (demo only). Default: SIGMINE_DEMO=1. */
  demo?: boolean;
  /** Where the demo key lives (tests). */
  demoKeyFile?: string;
  /** Where the demo warning goes (default stderr). */
  warn?: (message: string) => void;
}

/**
 * The encryption key from configuration. Throws `SecretError('missing-key')` with instructions when it
 * is unset, unless demo mode is on.
 */
export function secretKeyFrom(config: Pick<Config, 'secretKey'>, opts: KeyOptions = {}): Buffer {
  if (config.secretKey) return parseSecretKey(config.secretKey);
  const demo = opts.demo ?? process.env.SIGMINE_DEMO === '1';
  if (!demo) {
    throw new SecretError(
      'missing-key',
      'SIGMINE_SECRET_KEY is not set: it is required to store tokens and passwords encrypted. ' +
        'Generate one with `openssl rand -hex 32` and keep it out of the database backups ' +
        '(or set SIGMINE_DEMO=1 for a throw-away demo key).',
    );
  }
  const file = opts.demoKeyFile ?? DEMO_KEY_FILE;
  const warn = opts.warn ?? ((m: string) => process.stderr.write(`${m}\n`));
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  warn(
    `*** DEMO MODE: SIGMINE_SECRET_KEY is not set; secrets are encrypted with the generated key in ${file}. ` +
      'Do not use this for real accounts. ***',
  );
  return parseSecretKey(readFileSync(file, 'utf8'));
}

/** Encrypts `plain` with AES-256-GCM under `key`; returns `v1:iv:tag:ct`. */
export function encryptSecret(plain: string, key: Buffer): string {
  if (key.length !== 32) throw new SecretError('bad-key', 'the secret key must be 32 bytes');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join(':');
}

/** Decrypts a value made by `encryptSecret`. A wrong key or a tampered value throws `decrypt-failed`. */
export function decryptSecret(stored: string, key: Buffer): string {
  const parts = stored.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new SecretError('bad-format', 'stored secret is not in the v1:iv:tag:ciphertext format');
  }
  const [, ivText, tagText, ctText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretError('bad-format', 'stored secret has a malformed IV or tag');
  }
  if (key.length !== 32) throw new SecretError('bad-key', 'the secret key must be 32 bytes');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
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
