import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFactory } from '../../connectors/registry.ts';
import type { ConnectorFactory } from '../../connectors/types.ts';
import { connectionInfo, getConnection, upsertConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { showContact } from '../../src/store/directory.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { noProgress, silentLogger } from '../../src/log.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { startGraphServer, type FakeMessage, type GraphServer } from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';

const SECRET_KEY = 'a1'.repeat(32);
const ACCOUNT = 'member@contoso.example';

const MESSAGES: FakeMessage[] = [
  {
    id: 'AAMk-1',
    from: { name: 'Dana Whitfield', address: 'dana.whitfield@fabrikam.example' },
    to: [{ name: 'Member', address: ACCOUNT }],
    sentDateTime: '2026-11-20T09:12:00Z',
    internetMessageId: '<m1@fabrikam.example>',
    text: [
      'Hi, the revised delivery schedule is attached. Let me know if Thursday works.',
      '',
      'Kind regards,',
      'Dana Whitfield',
      'Head of Procurement',
      'Fabrikam Ltd',
      'Tel: +44 20 7946 0321',
      'www.fabrikam.example',
    ].join('\n'),
  },
  {
    id: 'AAMk-2',
    from: { name: 'Bob', address: 'bob.smith1975@gmail.com' },
    sentDateTime: '2026-11-21T10:00:00Z',
    text: 'Lunch?\n\nBob',
  },
  {
    id: 'AAMk-3',
    from: { name: 'Anna Berg, Fabrikam', address: 'anna.berg@mailer.fabrikam.example' },
    sentDateTime: '2026-11-22T10:00:00Z',
    text: 'Our November offers.\n\nUnsubscribe here.',
    headers: {
      'List-Unsubscribe': '<https://mailer.fabrikam.example/u>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      Precedence: 'bulk',
    },
  },
];

const CONTACTS = [
  {
    id: 'ct1',
    displayName: 'Jonas Keller',
    emailAddresses: [{ name: 'Jonas Keller', address: 'jonas.keller@adatum.example' }],
    jobTitle: 'Head of Logistics',
    companyName: 'Adatum GmbH',
    businessPhones: ['+49 30 901820'],
  },
  { id: 'ct2', displayName: 'Sales', emailAddresses: [{ address: 'sales@adatum.example' }] },
];

let cert: TestCertificate;
beforeAll(() => {
  cert = makeSelfSignedCertificate();
});
afterAll(() => cert.dispose());

const configFor = (server: GraphServer, extra: Record<string, string> = {}) =>
  loadConfig({
    SIGMINE_SECRET_KEY: SECRET_KEY,
    SIGMINE_GRAPH_API_URL: server.graphUrl,
    SIGMINE_MS_LOGIN_URL: server.loginUrl,
    SIGMINE_MS_CLIENT_ID: 'test-client',
    ...extra,
  });

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(
    `Outlook harvest into the directory (${dialect})`,
    () => {
      let t: TestDatabase;
      let server: GraphServer;
      let env: HarvestEnv;
      beforeEach(async () => {
        t = await freshDatabase(dialect);
        server = await startGraphServer({
          cert,
          messages: MESSAGES,
          contacts: CONTACTS,
          acceptOldRefreshTokens: true,
        });
        // The real Outlook factories from the registry; only the transport is swapped for one that
        // trusts the test CA.
        const tls = fetchTrusting(cert.cert);
        const withTls = async (kind: string): Promise<ConnectorFactory> => {
          const f = await connectorFactory(kind);
          return { ...f, create: (c, d) => f.create(c, { ...d, fetch: tls }) };
        };
        env = {
          db: t.db,
          config: configFor(server),
          logger: silentLogger,
          progress: noProgress,
          holder: 'h',
          factoryFor: withTls,
        };
      });
      afterEach(async () => {
        await server.close();
        await t.dispose();
      });

      const connect = async () =>
        (
          await upsertConnection(
            t.db,
            { contributorEmail: ACCOUNT, kind: 'outlook', account: ACCOUNT, secret: 'rt-0' },
            parseSecretKey(SECRET_KEY),
          )
        ).connection.id;

      it('turns Outlook mail into directory profiles, stores the rotated refresh token, and a rerun only asks for the delta', async () => {
        const id = await connect();
        const first = await runHarvest(env, [id]);
        expect(first.results[0]).toMatchObject({ status: 'ok', code: null });
        expect(first.summary.counts.messagesScanned).toBe(3);
        expect(first.summary.counts.discarded['free-email']).toBe(1);
        expect(first.summary.counts.discarded['bulk']).toBe(1);
        const emails = (await t.db.selectFrom('profiles').select('email').execute()).map((r) => r.email);
        expect(emails).toEqual(['dana.whitfield@fabrikam.example']);
        if (dialect === 'sqlite') {
          // Neither body text nor the subject reaches the store (database file and its WAL).
          const bytes = ['', '-wal']
            .filter((x) => existsSync(t.url + x))
            .map((x) => readFileSync(t.url + x).toString('latin1'))
            .join('');
          expect(bytes).toContain('dana.whitfield@fabrikam.example');
          expect(bytes).not.toContain('revised delivery schedule');
          expect(bytes).not.toContain('Lunch?');
          expect(bytes).not.toContain('Subject that must never be stored');
        }
        // Microsoft rotated the refresh token; the stored (encrypted) secret is the new one.
        expect((await connectionInfo(t.db, id, parseSecretKey(SECRET_KEY))).secret).toBe(
          server.currentRefreshToken(),
        );

        const before = server.requests.length;
        const second = await runHarvest(env, [id]);
        expect(second.results[0]).toMatchObject({ status: 'ok' });
        expect(server.requests.slice(before).map((q) => q.url.includes('%24deltatoken='))).toEqual([true]);
        expect(server.requests.every((q) => q.method === 'GET')).toBe(true);
      });

      it('turns the Outlook address book into directory profiles with their business fields', async () => {
        const { connection } = await upsertConnection(
          t.db,
          { contributorEmail: ACCOUNT, kind: 'outlook-contacts', account: ACCOUNT, secret: 'rt-0' },
          parseSecretKey(SECRET_KEY),
        );
        const { results } = await runHarvest(env, [connection.id]);
        expect(results[0]).toMatchObject({ status: 'ok', code: null });
        const rows = await t.db.selectFrom('profiles').select('email').execute();
        expect(rows.map((r) => r.email)).toEqual(['jonas.keller@adatum.example']);
        const shown = await showContact(t.db, 'jonas.keller@adatum.example');
        expect(shown!.contact).toMatchObject({
          name: 'Jonas Keller',
          title: 'Head of Logistics',
          company: 'Adatum GmbH',
        });
        expect(shown!.contact.phones.map((p) => p.e164)).toContain('+4930901820');
        expect(shown!.provenance.title).toBeDefined();
        expect(JSON.stringify(shown!.provenance.title)).toContain('address-book');
        expect(server.tokenRequests[0]!.scope).toBe('offline_access Contacts.Read');
      });

      it('a revoked grant marks only that connection as needing a reconnect', async () => {
        const id = await connect();
        server.revokeRefreshToken(700082);
        const { results } = await runHarvest(env, [id]);
        expect(results[0]).toMatchObject({ status: 'error', code: 'revoked' });
        expect((await getConnection(t.db, id))!.status).toBe('needs-reconnect');
        expect(server.requests).toHaveLength(0);
      });
    },
  );
}

describe('Outlook from the CLI in child processes', () => {
  it('connect, harvest and list contacts with the default transport, the test CA trusted through NODE_EXTRA_CA_CERTS', async () => {
    const server = await startGraphServer({ cert, messages: MESSAGES });
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-outlook-cli-'));
    try {
      const dbFile = join(dir, 'cli.db');
      const tokenFile = join(dir, 'rt.txt');
      writeFileSync(tokenFile, 'rt-0\n', { mode: 0o600 });
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_EXTRA_CA_CERTS: cert.certFile,
        SIGMINE_DATABASE: dbFile,
        SIGMINE_SECRET_KEY: SECRET_KEY,
        SIGMINE_GRAPH_API_URL: server.graphUrl,
        SIGMINE_MS_LOGIN_URL: server.loginUrl,
        SIGMINE_MS_CLIENT_ID: 'test-client',
      };
      const sigmine = (...args: string[]) =>
        promisify(execFile)(process.execPath, [resolve('bin/sigmine.js'), ...args], { env, timeout: 60_000 });

      await sigmine(
        'connect',
        'outlook',
        '--contributor',
        ACCOUNT,
        '--account',
        ACCOUNT,
        '--refresh-token-file',
        tokenFile,
      );
      const harvest = await sigmine('harvest', '--json');
      expect(harvest.stdout).toContain('"status":"ok"');
      expect(server.requests.length).toBeGreaterThan(0);
      expect(
        server.requests.every((q) => q.method === 'GET' && /^Bearer at-\d+$/.test(q.authorization ?? '')),
      ).toBe(true);
      const all = `${harvest.stdout}${harvest.stderr}`;
      expect(all).not.toContain(server.currentRefreshToken());
      expect(all).not.toContain('revised delivery schedule');

      const contacts = await sigmine('contacts', 'list', '--status', 'all', '--json');
      expect(contacts.stdout).toContain('dana.whitfield@fabrikam.example');
      expect(contacts.stdout).not.toContain('gmail.com');

      // The second run starts from the rotated refresh token stored by the first.
      const again = await sigmine('harvest', '--json');
      expect(again.stdout).toContain('"status":"ok"');
      expect(server.tokenRequests[1]!.refreshToken).not.toBe('rt-0');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('connect --oauth: prints the consent URL, takes the loopback redirect with PKCE and stores the refresh token', async () => {
    const server = await startGraphServer({ cert });
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-outlook-oauth-'));
    try {
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_EXTRA_CA_CERTS: cert.certFile,
        SIGMINE_DATABASE: join(dir, 'cli.db'),
        SIGMINE_SECRET_KEY: SECRET_KEY,
        SIGMINE_MS_LOGIN_URL: server.loginUrl,
        SIGMINE_GRAPH_API_URL: server.graphUrl,
        SIGMINE_MS_CLIENT_ID: 'test-client',
      };
      const child = spawn(
        process.execPath,
        [resolve('bin/sigmine.js'), 'connect', 'outlook', '--contributor', ACCOUNT, '--oauth', '--json'],
        { env },
      );
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', r));
      const deadline = Date.now() + 90_000;
      let url: string | undefined;
      while (!(url = /https:\/\/\S+authorize\S+/.exec(stderr)?.[0]) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(url).toBeDefined();
      expect(new URL(url!).searchParams.get('scope')).toBe('offline_access Mail.Read User.Read'); // User.Read: who the account is (GET /me)
      // The browser: consent, then the provider's redirect to the CLI's loopback listener.
      const consent = await fetchTrusting(cert.cert)(url!);
      await fetch(consent.headers.get('location')!);
      expect(await exited).toBe(0);
      const { id } = JSON.parse(stdout.trim().split('\n').pop()!) as { id: string };
      const d = await openDatabase(join(dir, 'cli.db'));
      try {
        expect((await connectionInfo(d.db, id, parseSecretKey(SECRET_KEY))).secret).toBe(
          server.currentRefreshToken(),
        );
      } finally {
        await d.close();
      }
      expect(`${stdout}${stderr}`).not.toContain(server.currentRefreshToken());
      expect(server.tokenRequests[0]).toMatchObject({ grantType: 'authorization_code' });
      expect(server.tokenRequests[0]!.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
