/**
 * IMAP without implicit TLS requires STARTTLS (issue 9): against a real Dovecot that does not offer it,
 * seen through a recording TCP relay, the connector stops before LOGIN/AUTHENTICATE and the password never
 * crosses the wire; only a connection saved with `--insecure-plaintext` (which warns) logs in in clear text.
 * A server that offers STARTTLS gets the login inside TLS, its certificate verified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect as netConnect, type Server } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.ts';
import { makeSelfSignedCertificate } from '../fakes/tls.ts';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { createImapConnector } from '../../connectors/imap/index.ts';
import { loadConfig } from '../../src/config.ts';
import type { ConnectionInfo } from '../../connectors/types.ts';

const USER = 'olga@contoso.example';
const PASS = `clear-${randomBytes(6).toString('hex')}`;
let server: DovecotServer;
let relay: Server;
let relayPort: number;
/** Everything clients sent through the relay. */
let sent = Buffer.alloc(0);
let connections = 0;

beforeAll(async () => {
  server = await startDovecot({ [USER]: PASS }); // ssl = no: no STARTTLS in its CAPABILITY
  relay = createServer((client) => {
    connections++;
    const upstream = netConnect(server.port, server.host);
    client.on('data', (d: Buffer) => (sent = Buffer.concat([sent, d])));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  relayPort = (relay.address() as { port: number }).port;
}, 120_000);

afterAll(async () => {
  await new Promise((r) => relay?.close(r));
  await server?.stop();
});

/** The password as it would travel: plain (LOGIN) or in SASL PLAIN (AUTHENTICATE PLAIN, base64). */
const leaked = () =>
  sent.includes(PASS) ||
  sent.includes(Buffer.from(`\0${USER}\0${PASS}`).toString('base64')) ||
  /LOGIN|AUTHENTICATE/i.test(sent.toString('latin1'));

const conn = (extra: Record<string, unknown>): ConnectionInfo => ({
  id: 't',
  kind: 'imap',
  account: USER,
  config: { host: '127.0.0.1', port: relayPort, tls: false, user: USER, ...extra },
  secret: PASS,
});

async function harvest(extra: Record<string, unknown>) {
  const c = createImapConnector(conn(extra), { endpoints: loadConfig({}) });
  try {
    for await (const p of c.pages(null)) if (p.done) return p;
  } finally {
    await c.close();
  }
}

describe('IMAP on a port without implicit TLS', () => {
  it('refuses a server that offers no STARTTLS before sending the password', async () => {
    sent = Buffer.alloc(0);
    const before = connections;
    await expect(harvest({})).rejects.toMatchObject({
      name: 'ConnectorError',
      code: 'config',
      message: expect.stringMatching(/does not offer STARTTLS, so the password was not sent/),
    });
    expect(connections).toBe(before + 1); // it did reach the server (greeting with CAPABILITY)
    expect(leaked()).toBe(false);
  }, 30_000);

  it('logs in over clear text only when the connection was saved with insecurePlaintext', async () => {
    sent = Buffer.alloc(0);
    const done = await harvest({ insecurePlaintext: true });
    expect(done?.done).toBe(true);
    expect(leaked()).toBe(true); // the relay saw the login: what the default protects against
  }, 30_000);

  it('`connect imap --no-tls --verify` refuses, stores nothing, and says how to proceed; --insecure-plaintext warns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-starttls-'));
    try {
      writeFileSync(join(dir, 'pw'), `${PASS}\n`);
      const env = cleanEnv({
        SIGMINE_DATABASE: join(dir, 'sigmine.db'),
        SIGMINE_SECRET_KEY: randomBytes(32).toString('hex'),
      });
      const args = [
        'connect',
        'imap',
        '--contributor',
        USER,
        '--host',
        '127.0.0.1',
        '--port',
        String(relayPort),
        '--no-tls',
        '--user',
        USER,
        '--password-file',
        join(dir, 'pw'),
        '--verify',
      ];
      sent = Buffer.alloc(0);
      const refused = await runCli(args, { env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /\[config\] the IMAP server does not offer STARTTLS.*--insecure-plaintext/,
      );
      expect(leaked()).toBe(false);
      expect((await runCli(['connections', 'list', '--json'], { env })).stdout.trim()).toBe('');

      const allowed = await runCli([...args, '--insecure-plaintext'], { env });
      expect(allowed.code).toBe(0);
      expect(allowed.stderr).toMatch(
        /WARNING: --insecure-plaintext: 127\.0\.0\.1:\d+ may receive the password in clear text/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('logs in after STARTTLS on a server that offers it, verifying its certificate: the relay never sees the password', async () => {
    const cert = makeSelfSignedCertificate();
    const keyFile = join(cert.certFile, '..', 'key.pem');
    writeFileSync(keyFile, cert.key);
    const tlsServer = await startDovecot(
      { [USER]: PASS },
      { tls: { certFile: cert.certFile, keyFile }, starttls: true },
    );
    const tlsRelay = createServer((client) => {
      const upstream = netConnect(tlsServer.port, tlsServer.host);
      client.on('data', (d: Buffer) => (sent = Buffer.concat([sent, d])));
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((r) => tlsRelay.listen(0, '127.0.0.1', r));
    try {
      sent = Buffer.alloc(0);
      const info = conn({ tlsCaFile: cert.certFile });
      info.config.port = (tlsRelay.address() as { port: number }).port;
      const c = createImapConnector(info, { endpoints: loadConfig({}) });
      try {
        let last;
        for await (const p of c.pages(null)) last = p;
        expect(last?.done).toBe(true);
      } finally {
        await c.close();
      }
      expect(sent.toString('latin1')).toMatch(/STARTTLS/);
      expect(leaked()).toBe(false); // LOGIN went inside TLS
    } finally {
      await new Promise((r) => tlsRelay.close(r));
      await tlsServer.stop();
      cert.dispose();
    }
  }, 60_000);
});
