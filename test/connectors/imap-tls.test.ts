/**
 * IMAP over implicit TLS (IMAPS, as on port 993) against Dovecot with a self-signed certificate: the
 * certificate is verified by default, and trusted only when the connection names its CA file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.ts';
import { makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';
import { createImapConnector } from '../../connectors/imap/index.ts';
import { loadConfig } from '../../src/config.ts';
import type { ConnectionInfo } from '../../connectors/types.ts';

const USER = 'nora@contoso.example';
const PASS = 'tls-password';
let cert: TestCertificate;
let server: DovecotServer;

beforeAll(async () => {
  cert = makeSelfSignedCertificate();
  const keyFile = join(cert.certFile, '..', 'key.pem');
  writeFileSync(keyFile, cert.key);
  server = await startDovecot({ [USER]: PASS }, { tls: { certFile: cert.certFile, keyFile } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  cert?.dispose();
});

const conn = (extra: Record<string, unknown>): ConnectionInfo => ({
  id: 't',
  kind: 'imap',
  account: USER,
  config: { host: server.host, port: server.port, tls: true, user: USER, ...extra },
  secret: PASS,
});

async function run(extra: Record<string, unknown>) {
  const c = createImapConnector(conn(extra), { endpoints: loadConfig({}) });
  try {
    const pages = [];
    for await (const p of c.pages(null)) pages.push(p);
    return pages;
  } finally {
    await c.close();
  }
}

describe('IMAP over TLS', () => {
  it('refuses a certificate it cannot verify and reports the server as unavailable', async () => {
    await expect(run({})).rejects.toMatchObject({ name: 'ConnectorError', code: 'unavailable' });
  }, 30_000);

  it('connects over TLS when the connection names the CA that signed the certificate', async () => {
    const pages = await run({ tlsCaFile: cert.certFile });
    expect(pages[pages.length - 1]!.done).toBe(true);
    expect(Object.keys(pages[pages.length - 1]!.cursor.mailboxes as object)).toContain('INBOX');
  }, 30_000);
});
