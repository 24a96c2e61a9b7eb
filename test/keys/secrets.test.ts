import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createCipheriv, randomBytes } from 'node:crypto';
import { parseKeyRing } from '../../src/keys/keyring.ts';
import {
  SecretError,
  decryptSecret,
  encryptSecret,
  parseSecretKey,
  readSecretInput,
  secretKeyFrom,
  sealedBy,
} from '../../src/secrets/index.ts';

const key = randomBytes(32);

describe('stored secrets', () => {
  it('round-trip through AES-256-GCM in the versioned v2:key-id:iv:tag:ct format without the plain text inside', () => {
    const token = '1//0gLongRefreshToken-with_symbols/+=';
    const stored = encryptSecret(token, key);
    expect(stored.split(':')).toHaveLength(5);
    expect(stored.startsWith('v2:default:')).toBe(true);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(Buffer.from(token).toString('base64url'));
    expect(decryptSecret(stored, key)).toBe(token);
  });

  it('use a fresh IV each time, so the same token never encrypts to the same text', () => {
    const a = encryptSecret('same', key);
    const b = encryptSecret('same', key);
    expect(a).not.toBe(b);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
  });

  it('refuse to decrypt with another key or after one character of the ciphertext changed', () => {
    const stored = encryptSecret('password123', key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(SecretError);
    const parts = stored.split(':');
    const ct = Buffer.from(parts[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString('base64url');
    try {
      decryptSecret(parts.join(':'), key);
      expect.unreachable();
    } catch (err) {
      expect((err as SecretError).code).toBe('decrypt-failed');
    }
    expect(() => decryptSecret('v3:a:b:c', key)).toThrow(/format/);
  });

  it('open values of every key in the ring, seal only with the newest, and open v1 values sealed before key ids', () => {
    const [k1, k2] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
    const old = encryptSecret('old token', parseKeyRing(`2025:${k1}`));
    const ring = parseKeyRing(`2025:${k1},2026:${k2}`);
    expect(ring.newest.id).toBe('2026');
    expect(decryptSecret(old, ring)).toBe('old token');
    const fresh = encryptSecret('new token', ring);
    expect(sealedBy(fresh)).toBe('2026');
    expect(() => decryptSecret(fresh, parseKeyRing(`2025:${k1}`))).toThrow(
      /sealed with key "2026", which is not in the keyring/,
    );
    // v1 (before key ids): AES-256-GCM under the raw key, iv:tag:ct.
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', Buffer.from(k1, 'hex'), iv);
    const ct = Buffer.concat([c.update('legacy', 'utf8'), c.final()]);
    const v1 = [
      'v1',
      iv.toString('base64url'),
      c.getAuthTag().toString('base64url'),
      ct.toString('base64url'),
    ].join(':');
    expect(decryptSecret(v1, ring)).toBe('legacy');
    expect(() => parseKeyRing(`a:${k1},a:${k2}`)).toThrow(/appears twice/);
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
    expect(k1.newest.key.equals(k2.newest.key)).toBe(true);
    expect(k1.newest.id).toBe('demo');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(k1.newest.key.toString('hex'));
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

  it('read a keyring from SIGMINE_SECRET_KEY_FILE (id key per line, oldest first), refusing a file others may read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-keyfile-'));
    const [k1, k2] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
    const file = join(dir, 'keys');
    writeFileSync(file, `# retired in 2027\n2026 ${k1}\n\n2027 ${k2}\n`, { mode: 0o600 });
    const ring = parseKeyRing(loadConfig({ SIGMINE_SECRET_KEY_FILE: file }).secretKey!);
    expect(ring.keys.map((k) => k.id)).toEqual(['2026', '2027']);
    expect(ring.newest.key.toString('hex')).toBe(k2);
    chmodSync(file, 0o644);
    expect(() => loadConfig({ SIGMINE_SECRET_KEY_FILE: file })).toThrow(
      /may be read by others \(mode 644\): chmod 600 it/,
    );
    expect(() => loadConfig({ SIGMINE_SECRET_KEY: k1, SIGMINE_SECRET_KEYS: `a:${k2}` })).toThrow(
      /set only one of/,
    );
  });
});
