import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import {
  SecretError,
  decryptSecret,
  encryptSecret,
  parseSecretKey,
  readSecretInput,
  secretKeyFrom,
} from '../src/secrets/index.ts';

const key = randomBytes(32);

describe('stored secrets', () => {
  it('round-trip through AES-256-GCM in the versioned v1:iv:tag:ct format without the plain text inside', () => {
    const token = '1//0gLongRefreshToken-with_symbols/+=';
    const stored = encryptSecret(token, key);
    expect(stored.split(':')).toHaveLength(4);
    expect(stored.startsWith('v1:')).toBe(true);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(Buffer.from(token).toString('base64url'));
    expect(decryptSecret(stored, key)).toBe(token);
  });

  it('use a fresh IV each time, so the same token never encrypts to the same text', () => {
    const a = encryptSecret('same', key);
    const b = encryptSecret('same', key);
    expect(a).not.toBe(b);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
  });

  it('refuse to decrypt with another key or after one character of the ciphertext changed', () => {
    const stored = encryptSecret('password123', key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(SecretError);
    const parts = stored.split(':');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString('base64url');
    try {
      decryptSecret(parts.join(':'), key);
      expect.unreachable();
    } catch (err) {
      expect((err as SecretError).code).toBe('decrypt-failed');
    }
    expect(() => decryptSecret('v2:a:b:c', key)).toThrow(/format/);
  });

  it('accept the key as 64 hex characters or as base64, and reject anything that is not 32 bytes', () => {
    const hex = key.toString('hex');
    expect(parseSecretKey(hex).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('base64url')).equals(key)).toBe(true);
    expect(() => parseSecretKey('short')).toThrow(/openssl rand -hex 32/);
    expect(() => parseSecretKey(randomBytes(16).toString('hex'))).toThrow(SecretError);
  });

  it('make a missing SIGMINE_SECRET_KEY a clear error outside demo mode', () => {
    try {
      secretKeyFrom({ secretKey: null }, { demo: false });
      expect.unreachable();
    } catch (err) {
      expect((err as SecretError).code).toBe('missing-key');
      expect((err as Error).message).toMatch(/SIGMINE_SECRET_KEY is not set/);
    }
  });

  it('in demo mode generate one private key file, warn loudly, and reuse it on the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-key-'));
    const file = join(dir, 'data', 'demo-secret.key');
    const warnings: string[] = [];
    const k1 = secretKeyFrom(
      { secretKey: null },
      { demo: true, demoKeyFile: file, warn: (m) => warnings.push(m) },
    );
    const k2 = secretKeyFrom(
      { secretKey: null },
      { demo: true, demoKeyFile: file, warn: (m) => warnings.push(m) },
    );
    expect(k1.equals(k2)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(k1.toString('hex'));
    expect(warnings[0]).toMatch(/DEMO MODE/);
  });

  it('read a secret from a file or from stdin with "-", trimming the final newline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-sec-'));
    const f = join(dir, 'token');
    writeFileSync(f, 's3cret token\n');
    expect(await readSecretInput(f)).toBe('s3cret token');
    expect(await readSecretInput('-', Readable.from([Buffer.from('from-stdin\r\n')]))).toBe('from-stdin');
    await expect(readSecretInput(join(dir, 'missing'))).rejects.toThrow(/cannot read secret file/);
    writeFileSync(f, '\n');
    await expect(readSecretInput(f)).rejects.toThrow(/empty/);
  });
});
