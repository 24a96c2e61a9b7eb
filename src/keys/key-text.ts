/**
 * The secret key as text (64 hex characters or base64) and the error every key problem is reported with.
 * Keys are the bottom of the key handling: the secret box (src/secrets) and the keyed hashes (src/store)
 * import them, key rotation and resolution (src/key-admin) sit above all three.
 */
import { AppError } from '../errors.ts';
export type SecretErrorCode =
  | 'missing-key'
  | 'bad-key'
  /** The configured keys are not the key the database's data belongs to (src/keys/identity.ts). */
  | 'wrong-key'
  | 'bad-format'
  | 'decrypt-failed'
  | 'bad-input';

export class SecretError extends AppError<SecretErrorCode> {
  constructor(code: SecretErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'SecretError';
  }
}

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
