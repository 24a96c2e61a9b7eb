/**
 * IMAP login with an OAuth access token (XOAUTH2/OAUTHBEARER, as Gmail and Outlook IMAP require) against
 * Dovecot's oauth2 passdb, which checks each token at a local RFC 7662 introspection endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDovecot, type DovecotServer } from './helpers/dovecot.ts';
import { createImapConnector } from '../connectors/imap/index.ts';
import { loadConfig } from '../src/config.ts';
import type { ConnectionInfo } from '../connectors/types.ts';

const USER = 'kim@woodgrove.example';
const GOOD = 'ya29.valid-access-token';
let introspection: Server;
let server: DovecotServer;
const seen: string[] = [];

beforeAll(async () => {
  introspection = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const token = new URLSearchParams(body).get('token') ?? '';
      seen.push(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(token === GOOD ? { active: 'true', email: USER } : { active: 'false' }));
    });
  });
  await new Promise<void>((r) => introspection.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(introspection.address() as AddressInfo).port}/introspect`;
  server = await startDovecot({ [USER]: 'unused-password' }, { oauth2IntrospectionUrl: url });
  await server.append(USER, 'unused-password', 'INBOX', [
    {
      raw: 'From: Lee Park <lee.park@woodgrove-bank.example>\r\nTo: kim@woodgrove.example\r\nMessage-ID: <x1@woodgrove-bank.example>\r\n\r\nOk.\r\n\r\nLee Park\r\nTreasury Analyst, Woodgrove Bank\r\n',
    },
  ]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((r) => introspection?.close(r));
});

const conn = (secret: string): ConnectionInfo => ({
  id: 'x',
  kind: 'imap',
  account: USER,
  config: { host: server.host, port: server.port, tls: false, user: USER, auth: 'xoauth2' },
  secret,
});

describe('IMAP with an OAuth access token', () => {
  it('logs in with the token, not a password, and reads the mailbox', async () => {
    const c = createImapConnector(conn(GOOD), { config: loadConfig({}) });
    const messages = [];
    for await (const p of c.pages(null)) messages.push(...p.messages);
    await c.close();
    expect(seen).toContain(GOOD);
    expect(messages.map((m) => m.headers['message-id'])).toEqual(['<x1@woodgrove-bank.example>']);
    expect(messages[0]!.tail).toContain('Treasury Analyst, Woodgrove Bank');
  }, 30_000);

  it('reports a rejected token as auth-expired, so the caller refreshes it instead of asking for a reconnect', async () => {
    const c = createImapConnector(conn('ya29.expired'), { config: loadConfig({}) });
    await expect(async () => {
      for await (const _ of c.pages(null)) void _;
    }).rejects.toMatchObject({ name: 'ConnectorError', code: 'auth-expired' });
    await c.close();
  }, 30_000);
});
