/**
 * IMAP with OAuth (XOAUTH2/OAUTHBEARER, as Gmail and Outlook IMAP require) against a real Dovecot whose
 * oauth2 passdb checks every token at a local RFC 7662 introspection endpoint. That endpoint asks the
 * local fake providers whether the token is alive (Google: Gmail profile; Microsoft: a Graph call), so an
 * access token that expired at the provider is refused by the IMAP server too, as on the real services.
 *
 * Connections are stored encrypted, harvested through the real harvest loop and registry, and created
 * through the real CLI (`sigmine connect imap --oauth ...`).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCliWithConsent } from '../helpers/cli.ts';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.ts';
import { freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';
import { startGraphServer, type GraphServer } from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';
import { createImapConnector } from '../../connectors/imap/index.ts';
import { encodeImapOAuthSecret, readImapOAuthSecret } from '../../connectors/imap/oauth.ts';
import { connectorFactory } from '../../connectors/registry.ts';
import type { ConnectionInfo, ConnectorFactory } from '../../connectors/types.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import {
  connectionInfo,
  getConnection,
  listConnections,
  upsertConnection,
} from '../../src/connections/repository.ts';
import { harvestConnection, type HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { noProgress, silentLogger } from '../../src/log.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';

const USER = 'kim@woodgrove.example';
const LEGACY = 'ya29.legacy-access-token';
const SECRET_KEY = 'c3'.repeat(32);
const IMAP_SCOPE_MS = 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access';

let cert: TestCertificate;
let google: GoogleServer;
let graph: GraphServer;
let introspection: Server;
let dovecot: DovecotServer;
/** Tokens Dovecot was asked about, in order (the AUTHENTICATE attempts). */
const seen: string[] = [];
/** Bare access tokens the "provider" still honours (connections stored before refresh tokens). */
const legacyAlive = new Set([LEGACY]);
/** When true the IMAP server refuses every token, as when IMAP is switched off for the account. */
let imapDisabled = false;
let msgSeq = 0;

function message(name: string, title: string): { raw: string } {
  const i = ++msgSeq;
  return {
    raw: `From: ${name} <${name.split(' ')[0]!.toLowerCase()}@woodgrove-bank.example>\r\nTo: ${USER}\r\nMessage-ID: <x${i}@woodgrove-bank.example>\r\n\r\nOk.\r\n\r\n${name}\r\n${title}, Woodgrove Bank\r\n`,
  };
}

/** Is this token alive at one of the fake providers? */
async function tokenAlive(token: string): Promise<boolean> {
  if (legacyAlive.has(token)) return true;
  const bearer = { headers: { authorization: `Bearer ${token}` } };
  const g = await fetch(`${google.url}gmail/v1/users/me/profile`, bearer);
  if (g.ok) return true;
  const m = await fetchTrusting(cert.cert)(`${graph.graphUrl}/v1.0/me/contacts/delta`, bearer);
  return m.ok;
}

beforeAll(async () => {
  cert = makeSelfSignedCertificate();
  google = await startGoogleServer();
  graph = await startGraphServer({ cert });
  introspection = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', async () => {
      const token = new URLSearchParams(body).get('token') ?? '';
      seen.push(token);
      const ok = !imapDisabled && (await tokenAlive(token).catch(() => false));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { active: 'true', email: USER } : { active: 'false' }));
    });
  });
  await new Promise<void>((r) => introspection.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(introspection.address() as AddressInfo).port}/introspect`;
  dovecot = await startDovecot({ [USER]: 'unused-password' }, { oauth2IntrospectionUrl: url });
  await dovecot.append(USER, 'unused-password', 'INBOX', [message('Lee Park', 'Treasury Analyst')]);
}, 120_000);

afterAll(async () => {
  await dovecot?.stop();
  await new Promise((r) => introspection?.close(r));
  await google?.close();
  await graph?.close();
  cert?.dispose();
});

const config = (ms: GraphServer = graph) =>
  loadConfig({
    ...google.env(),
    SIGMINE_MS_LOGIN_URL: ms.loginUrl,
    SIGMINE_MS_CLIENT_ID: 'test-client',
    SIGMINE_SECRET_KEY: SECRET_KEY,
  });

const imapConfig = () => ({
  host: dovecot.host,
  port: dovecot.port,
  tls: false,
  insecurePlaintext: true, // the test Dovecot offers no STARTTLS
  user: USER,
  auth: 'xoauth2',
});

describe('IMAP with a stored OAuth access token (connections made before refresh tokens)', () => {
  const conn = (secret: string): ConnectionInfo => ({
    id: 'x',
    kind: 'imap',
    account: USER,
    config: imapConfig(),
    secret,
  });

  it('logs in with the token, not a password, and reads the mailbox', async () => {
    const c = createImapConnector(conn(LEGACY), { endpoints: loadConfig({}) });
    const messages = [];
    for await (const p of c.pages(null)) messages.push(...p.messages);
    await c.close();
    expect(seen).toContain(LEGACY);
    expect(messages.map((m) => m.headers['message-id'])).toContain('<x1@woodgrove-bank.example>');
    expect(messages[0]!.tail).toContain('Treasury Analyst, Woodgrove Bank');
  }, 30_000);

  it('reports a rejected stored token as revoked with a reconnect hint, since nothing can refresh it', async () => {
    const c = createImapConnector(conn('ya29.expired'), { endpoints: loadConfig({}) });
    await expect(async () => {
      for await (const _ of c.pages(null)) void _;
    }).rejects.toMatchObject({
      name: 'ConnectorError',
      code: 'revoked',
      message: expect.stringMatching(/reconnect with sigmine connect imap --oauth/),
    });
    await c.close();
  }, 30_000);
});

describe('IMAP XOAUTH2 with a stored refresh token, harvested', () => {
  let t: TestDatabase;
  let env: HarvestEnv;
  const key = parseSecretKey(SECRET_KEY);

  const envFor = (cfg = config()): HarvestEnv => ({
    db: t.db,
    config: cfg,
    logger: silentLogger,
    progress: noProgress,
    holder: 'imap-oauth-test',
    // The real IMAP factory from the registry; only the HTTP transport trusts the test CA (Microsoft fake).
    factoryFor: async (kind): Promise<ConnectorFactory> => {
      const f = await connectorFactory(kind);
      return { ...f, create: (c, d) => f.create(c, { ...d, fetch: fetchTrusting(cert.cert) }) };
    },
  });

  beforeEach(async () => {
    t = await freshDatabase('sqlite');
    env = envFor();
    imapDisabled = false;
  });
  afterEach(async () => t.dispose());

  async function connect(secret: string): Promise<string> {
    const { connection } = await upsertConnection(
      t.db,
      { contributorEmail: USER, kind: 'imap', account: USER, config: imapConfig(), secret },
      key,
    );
    return connection.id;
  }
  const storedSecret = async (id: string) => (await connectionInfo(t.db, id, key)).secret!;
  const profiles = async () =>
    (await t.db.selectFrom('profiles').select('email').execute()).map((r) => r.email);

  it('Google: each harvest refreshes first, so a harvest after the access token expired still logs in and reads the new mail', async () => {
    const { refreshToken } = google.addUser(USER);
    const id = await connect(
      encodeImapOAuthSecret({ provider: 'google', tokenUrl: `${google.oauthUrl}/token`, refreshToken }),
    );
    const refreshes = () => google.requests.filter((r) => r.path === '/oauth/token').length;
    const before = refreshes();

    const first = await harvestConnection(env, id);
    expect(first).toMatchObject({ status: 'ok', code: null });
    expect(await profiles()).toContain('lee@woodgrove-bank.example');
    const firstToken = seen.at(-1)!;
    expect(firstToken).toMatch(/^ya29\./); // issued by the Google token endpoint, not the stored secret

    google.invalidateAccessTokens(); // the hour is over: Google (and so Gmail IMAP) refuses that token now
    expect(await tokenAlive(firstToken)).toBe(false);
    await dovecot.append(USER, 'unused-password', 'INBOX', [message('Ada Moreno', 'Head of Payments')]);

    const second = await harvestConnection(env, id);
    expect(second).toMatchObject({ status: 'ok', code: null });
    expect(second.counts.messagesScanned).toBe(1);
    expect(await profiles()).toContain('ada@woodgrove-bank.example');
    expect(seen.at(-1)).not.toBe(firstToken);
    expect(refreshes() - before).toBe(2);
    expect((await getConnection(t.db, id))!.status).toBe('active');
    expect(await storedSecret(id)).toContain(refreshToken); // Google did not rotate: unchanged
  }, 60_000);

  it('Microsoft: asks for the IMAP scope, stores the rotated refresh token, and the next harvest uses it', async () => {
    const id = await connect(
      encodeImapOAuthSecret({
        provider: 'microsoft',
        tokenUrl: `${graph.loginUrl}/common/oauth2/v2.0/token`,
        refreshToken: graph.currentRefreshToken(),
      }),
    );
    const from = graph.tokenRequests.length;
    const first = await harvestConnection(env, id);
    expect(first).toMatchObject({ status: 'ok', code: null });
    const req = graph.tokenRequests[from]!;
    expect(req).toMatchObject({ grantType: 'refresh_token', scope: IMAP_SCOPE_MS });
    expect(seen.at(-1)).toMatch(/^at-/); // the access token the Microsoft endpoint issued

    const stored = readImapOAuthSecret(await storedSecret(id))!;
    expect(stored.refreshToken).toBe(graph.currentRefreshToken());
    expect(stored.refreshToken).not.toBe(req.refreshToken);
    expect(stored).toMatchObject({
      provider: 'microsoft',
      tokenUrl: `${graph.loginUrl}/common/oauth2/v2.0/token`,
    });

    // The fake honours only the newest refresh token: this works only because the rotated one was saved.
    graph.expireAccessTokens();
    const second = await harvestConnection(env, id);
    expect(second).toMatchObject({ status: 'ok', code: null });
    expect(graph.tokenRequests.at(-1)!.refreshToken).toBe(stored.refreshToken);
  }, 60_000);

  it('Google: a revoked refresh token ends in needs-reconnect, like the Gmail connector, and stores nothing', async () => {
    const account = 'revoked-google@woodgrove.example';
    const { refreshToken } = google.addUser(account);
    google.revokeUser(account);
    const secret = encodeImapOAuthSecret({
      provider: 'google',
      tokenUrl: `${google.oauthUrl}/token`,
      refreshToken,
    });
    const id = await connect(secret);
    const logins = seen.length;

    const r = await harvestConnection(env, id);
    expect(r).toMatchObject({
      status: 'error',
      code: 'revoked',
      message: 'Google grant unusable, reconnect needed (invalid_grant)',
    });
    expect((await getConnection(t.db, id))!.status).toBe('needs-reconnect');
    expect(seen.length).toBe(logins); // no AUTHENTICATE with a dead grant
    expect(await profiles()).toEqual([]);
    expect(await storedSecret(id)).toBe(secret);
    // A needs-reconnect connection is skipped until its owner reconnects.
    expect(await harvestConnection(env, id)).toMatchObject({ status: 'skipped', code: 'needs-reconnect' });
  }, 60_000);

  it('Microsoft: invalid_grant (AADSTS50173) ends in needs-reconnect and stores nothing', async () => {
    const dead = await startGraphServer({ cert, refreshToken: 'rt-dead' });
    try {
      dead.revokeRefreshToken(50173);
      env = envFor(config(dead));
      const secret = encodeImapOAuthSecret({
        provider: 'microsoft',
        tokenUrl: `${dead.loginUrl}/common/oauth2/v2.0/token`,
        refreshToken: 'rt-dead',
      });
      const id = await connect(secret);
      const r = await harvestConnection(env, id);
      expect(r).toMatchObject({ status: 'error', code: 'revoked' });
      expect(r.message).toMatch(/Microsoft refused the refresh token \(invalid_grant AADSTS50173\)/);
      expect((await getConnection(t.db, id))!.status).toBe('needs-reconnect');
      expect(await profiles()).toEqual([]);
      expect(await storedSecret(id)).toBe(secret);
    } finally {
      await dead.close();
    }
  }, 60_000);

  it('a fresh token the IMAP server still rejects (IMAP switched off) ends in needs-reconnect', async () => {
    const { refreshToken } = google.addUser(USER);
    const id = await connect(
      encodeImapOAuthSecret({ provider: 'google', tokenUrl: `${google.oauthUrl}/token`, refreshToken }),
    );
    imapDisabled = true;
    const r = await harvestConnection(env, id);
    expect(r).toMatchObject({ status: 'error', code: 'revoked' });
    expect(r.message).toMatch(/rejected a freshly refreshed OAuth token, reconnect needed/);
    expect((await getConnection(t.db, id))!.status).toBe('needs-reconnect');
    expect(await profiles()).toEqual([]);
  }, 60_000);

  it('a stored access token keeps working until it expires, then the connection says needs-reconnect', async () => {
    const id = await connect(LEGACY);
    expect(await harvestConnection(env, id)).toMatchObject({ status: 'ok', code: null });
    legacyAlive.delete(LEGACY);
    try {
      const r = await harvestConnection(env, id);
      expect(r).toMatchObject({ status: 'error', code: 'revoked' });
      expect(r.message).toMatch(/stored OAuth access token.*reconnect/);
      expect((await getConnection(t.db, id))!.status).toBe('needs-reconnect');
    } finally {
      legacyAlive.add(LEGACY);
    }
  }, 60_000);
});

describe('sigmine connect imap with OAuth (real CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sigmine-imap-oauth-'));
    imapDisabled = false;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI; `browse` plays the browser for the printed consent URL. */
  async function sigmine(
    args: string[],
    browse?: (url: string) => Promise<void>,
  ): Promise<{ code: number | null; out: string; err: string; browsed: Promise<void> | null }> {
    const r = await runCliWithConsent(
      args,
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          NODE_EXTRA_CA_CERTS: cert.certFile,
          SIGMINE_DATABASE: join(dir, 'cli.db'),
          SIGMINE_SECRET_KEY: SECRET_KEY,
          SIGMINE_MS_LOGIN_URL: graph.loginUrl,
          SIGMINE_MS_CLIENT_ID: 'test-client',
          ...google.env(),
        },
      },
      browse,
    );
    return { code: r.code, out: r.stdout, err: r.stderr, browsed: r.browsed };
  }

  const imapArgs = [
    'connect',
    'imap',
    '--contributor',
    USER,
    '--host',
    '127.0.0.1',
    '--no-tls',
    '--insecure-plaintext', // the test Dovecot offers no STARTTLS
    '--user',
    USER,
  ];

  async function storedGrant(): Promise<{
    grant: ReturnType<typeof readImapOAuthSecret>;
    config: Record<string, unknown>;
  }> {
    const d = await openDatabase(join(dir, 'cli.db'));
    try {
      const [c] = await listConnections(d.db, { kind: 'imap' });
      const info = await connectionInfo(d.db, c!.id, parseSecretKey(SECRET_KEY));
      return { grant: readImapOAuthSecret(info.secret!), config: info.config };
    } finally {
      await d.close();
    }
  }

  it('--oauth google: consent for https://mail.google.com/ only, --verify logs in over XOAUTH2, a refresh token is stored', async () => {
    google.addUser(USER);
    google.setConsentUser(USER);
    const consents = google.requests.length;
    const r = await sigmine(
      [...imapArgs, '--port', String(dovecot.port), '--oauth', 'google', '--verify', '--json'],
      async (url) => {
        const res = await fetch(url); // consent page -> 302 -> the CLI's loopback listener
        expect(res.status).toBe(200);
      },
    );
    expect(r.code, r.err).toBe(0);
    await r.browsed;
    const consent = google.requests.slice(consents).find((q) => q.path === '/o/oauth2/v2/auth')!;
    expect(consent.query.scope).toBe('https://mail.google.com/');
    expect(consent.query.code_challenge_method).toBe('S256');
    expect(JSON.parse(r.out.trim())).toMatchObject({ kind: 'imap', account: USER, created: true });
    const { grant, config: cfg } = await storedGrant();
    expect(grant).toMatchObject({ provider: 'google', tokenUrl: `${google.oauthUrl}/token` });
    expect(grant!.refreshToken).toMatch(/^1\/\//);
    expect(cfg).toMatchObject({ auth: 'xoauth2', oauthProvider: 'google' });
    expect(`${r.out}${r.err}`).not.toContain(grant!.refreshToken);
  }, 120_000);

  it('--oauth microsoft: consent for the Exchange IMAP scope, and --verify stores the refresh token it rotated', async () => {
    const authorizeBefore = graph.authorizeRequests.length;
    const tokensBefore = graph.tokenRequests.length;
    const r = await sigmine(
      [...imapArgs, '--port', String(dovecot.port), '--oauth', 'microsoft', '--verify', '--json'],
      async (url) => {
        const consent = await fetchTrusting(cert.cert)(url);
        await fetch(consent.headers.get('location')!);
      },
    );
    expect(r.code, r.err).toBe(0);
    expect(graph.authorizeRequests[authorizeBefore]!.get('scope')).toBe(IMAP_SCOPE_MS);
    expect(graph.tokenRequests.slice(tokensBefore).map((q) => [q.grantType, q.scope])).toEqual([
      ['authorization_code', IMAP_SCOPE_MS],
      ['refresh_token', IMAP_SCOPE_MS],
    ]);
    const { grant } = await storedGrant();
    expect(grant).toMatchObject({ provider: 'microsoft', refreshToken: graph.currentRefreshToken() });
    expect(`${r.out}${r.err}`).not.toContain(graph.currentRefreshToken());
  }, 120_000);

  it('--refresh-token-file with --provider stores a grant without a browser; flags that do not fit are refused', async () => {
    const { refreshToken } = google.addUser(USER);
    writeFileSync(join(dir, 'rt'), `${refreshToken}\n`);
    const port = ['--port', String(dovecot.port)];
    const ok = await sigmine([
      ...imapArgs,
      ...port,
      '--refresh-token-file',
      'rt',
      '--provider',
      'google',
      '--verify',
    ]);
    expect(ok.code, ok.err).toBe(0);
    expect((await storedGrant()).grant).toMatchObject({ provider: 'google', refreshToken });

    const noProvider = await sigmine([...imapArgs, ...port, '--refresh-token-file', 'rt']);
    expect(noProvider.code).not.toBe(0);
    expect(noProvider.err).toMatch(/--provider goes with --refresh-token-file/);
    const two = await sigmine([...imapArgs, ...port, '--password-file', 'rt', '--oauth', 'google']);
    expect(two.code).not.toBe(0);
    expect(two.err).toMatch(/exactly one of/);
    const yahoo = await sigmine([...imapArgs, ...port, '--oauth', 'yahoo']);
    expect(yahoo.err).toMatch(/google or microsoft/);
  }, 120_000);
});
