import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';
import { startGraphServer, type FakeMessage, type GraphServer } from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';
import { connectorFactory } from '../../connectors/registry.ts';
import type { ConnectorFactory } from '../../connectors/types.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { openDatabase } from '../../src/db/database.ts';
import { loadConfig } from '../../src/config.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { decryptSecret, parseSecretKey } from '../../src/secrets/index.ts';
import { encodeImapOAuthSecret } from '../../connectors/imap/oauth.ts';
import type { OutgoingNotice } from '../../src/notices/transport.ts';
import { runHarvest, holderId } from '../../src/harvest/index.ts';
import { silentLogger, noProgress } from '../../src/log.ts';

const PUBLIC = 'http://members.test';
const KEY = 'b'.repeat(64);
const SAMPLE = join(import.meta.dirname, '..', '..', 'fixtures', 'sample-mailbox');

/** An Outlook inbox with one business signature, one free-mail sender and one newsletter. */
const INBOX: FakeMessage[] = [
  {
    id: 'AAMk-1',
    from: { name: 'Dana Whitfield', address: 'dana.whitfield@fabrikam.example' },
    to: [{ name: 'Member', address: 'member@firm.example' }],
    sentDateTime: new Date(Date.now() - 5 * 86_400_000).toISOString(),
    text: 'Thursday works.\n\nKind regards,\nDana Whitfield\nHead of Procurement\nFabrikam Ltd\nTel: +44 20 7946 0321\nwww.fabrikam.example',
  },
  {
    id: 'AAMk-2',
    from: { name: 'Bob', address: 'bob.smith1975@gmail.com' },
    sentDateTime: new Date(Date.now() - 4 * 86_400_000).toISOString(),
    text: 'Lunch?\n\nBob',
  },
];

let g: GoogleServer;
let cert: TestCertificate;
let tls: typeof fetch;
beforeAll(async () => {
  g = await startGoogleServer();
  g.addUser('member@firm.example');
  g.setConsentUser('member@firm.example');
  cert = makeSelfSignedCertificate();
  tls = fetchTrusting(cert.cert);
});
afterAll(async () => {
  await g.close();
  cert.dispose();
});

/** The real connector registry; the Microsoft sources get a transport that trusts the local Graph server. */
async function trustingFactory(kind: string): Promise<ConnectorFactory> {
  const f = await connectorFactory(kind);
  return kind.startsWith('outlook') ? { ...f, create: (c, d) => f.create(c, { ...d, fetch: tls }) } : f;
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`member area on ${dialect}`, () => {
    let t: TestDatabase;
    let sent: OutgoingNotice[];
    let transport: { name: string; send(n: OutgoingNotice): Promise<{ providerMessageId: string }> };
    let app: ReturnType<typeof createApp>;
    let ms: GraphServer;
    /** Every app of a test queues its link mails here, so a test can wait for them. */
    let mails: ReturnType<typeof createMailQueue>;
    /** Member sessions by address: signed in once per test (sign-in mails are limited to 3 an hour). */
    let sessions: Map<string, string>;
    const config = () =>
      loadConfig({
        ...g.env(),
        SIGMINE_GRAPH_API_URL: ms.graphUrl,
        SIGMINE_MS_LOGIN_URL: ms.loginUrl,
        SIGMINE_MS_CLIENT_ID: 'test-client',
        SIGMINE_MS_CLIENT_SECRET: 'web-secret',
        SIGMINE_PUBLIC_URL: PUBLIC,
        SIGMINE_SECRET_KEY: KEY,
      });
    beforeEach(async () => {
      t = await freshDatabase(dialect);
      // As Microsoft does: a rotated refresh token does not end the one it replaced (a preview keeps no token).
      ms = await startGraphServer({ cert, messages: INBOX, acceptOldRefreshTokens: true });
      sent = [];
      transport = {
        name: 'memory',
        async send(n: OutgoingNotice) {
          sent.push(n);
          return { providerMessageId: 'x' };
        },
      };
      mails = createMailQueue(silentLogger);
      sessions = new Map();
      app = createApp({
        database: t,
        config: config(),
        transport,
        fetch: tls,
        factoryFor: trustingFactory,
        mailQueue: mails,
      });
    });
    afterEach(async () => {
      await ms.close();
      await t.dispose();
    });

    const form = (
      path: string,
      body: Record<string, string>,
      headers: Record<string, string> = {},
      on = app,
    ) =>
      on.request(`${PUBLIC}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PUBLIC, ...headers },
        body: new URLSearchParams(body).toString(),
      });
    /**
     * Presses Preview: the job starts and the browser is sent to its page, which reloads itself until the
     * result is in; returns that page, after checking the status a script can poll says the same.
     */
    async function previewOf(connection: string, session: string): Promise<string> {
      const started = await form('/member/preview', { connection }, { Cookie: session });
      expect(started.status).toBe(303);
      const at = started.headers.get('location')!;
      const job = new URL(at, PUBLIC).searchParams.get('job')!;
      for (let i = 0; i < 500; i++) {
        const html = await (await app.request(`${PUBLIC}${at}`, { headers: { Cookie: session } })).text();
        if (!html.includes('data-testid="preview-progress"')) {
          const status = await app.request(`${PUBLIC}/member/preview/status?job=${job}`, {
            headers: { Cookie: session },
          });
          expect(await status.json()).toMatchObject({ id: job, state: 'done', code: null });
          // Someone else's poll learns nothing about it.
          expect((await app.request(`${PUBLIC}/member/preview/status?job=${job}`)).status).not.toBe(200);
          return html;
        }
        expect(html).toContain('http-equiv="refresh"');
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('the preview did not finish');
    }
    /** Asks for a sign-in link, opens it and presses Continue; returns the session cookie (`name=value`). */
    async function signIn(email: string, on = app): Promise<string> {
      const known = sessions.get(email);
      if (known) return known;
      await form('/member/link', { email }, {}, on);
      await mails.idle();
      const link = /\/member\/home\?t=(\S+)/.exec(sent.at(-1)!.body)!;
      const open = await form('/member/open', { t: decodeURIComponent(link[1]!) }, {}, on);
      expect(open.status).toBe(303);
      expect(open.headers.get('location')).toBe('/member/home');
      const session = open.headers.get('set-cookie')!.split(';')[0]!;
      sessions.set(email, session);
      return session;
    }

    it('connects Gmail through the web consent flow, stores the token encrypted and pays no bonus before a harvest', async () => {
      const session = await signIn('member@firm.example');
      const start = await form('/member/connect/google', { kind: 'gmail' }, { Cookie: session });
      expect(start.status).toBe(302);
      const consent = new URL(start.headers.get('location')!);
      expect(consent.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/gmail.readonly');
      expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
      const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
      // The provider's consent page sends the browser back to our callback.
      const back = (await fetch(consent, { redirect: 'manual' })).headers.get('location')!;
      expect(back.startsWith(`${PUBLIC}/oauth/google/callback?`)).toBe(true);
      const done = await app.request(back, { headers: { Cookie: cookie } });
      expect(done.status).toBe(303);
      const conn = await t.db.selectFrom('connections').selectAll().executeTakeFirstOrThrow();
      expect(conn).toMatchObject({ kind: 'gmail', account: 'member@firm.example', status: 'active' });
      expect(conn.secret_enc).toMatch(/^v2:default:/);
      const home = await (
        await app.request(`${PUBLIC}${done.headers.get('location')}`, { headers: { Cookie: session } })
      ).text();
      expect(home).toContain('Connected.');
      // The connection bonus waits for the first harvest that reads a message.
      expect(home).toMatch(/data-testid="balance">0</);
    });

    /** Signs in as `member`, presses "Connect Google" for `kind` and plays the browser at the consent page. */
    async function consentAtGoogle(member: string, kind: string) {
      const session = await signIn(member);
      const start = await form('/member/connect/google', { kind }, { Cookie: session });
      const consent = new URL(start.headers.get('location')!);
      const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
      const back = (await fetch(consent, { redirect: 'manual' })).headers.get('location')!;
      return { session, consent, done: await app.request(back, { headers: { Cookie: cookie } }) };
    }

    it('stores the Google account the member consented to, not the address they signed in with', async () => {
      // Ann signs in with her home address and connects her work account's mail, calendar and contacts.
      g.addUser('ann@acme.example');
      g.setConsentUser('ann@acme.example');
      try {
        const asked: Record<string, string> = {};
        for (const kind of ['gmail', 'google-calendar', 'google-contacts']) {
          const from = g.requests.length;
          const { consent, done } = await consentAtGoogle('ann@home.example', kind);
          expect(done.status, kind).toBe(303);
          asked[kind] = consent.searchParams.get('scope')!;
          // Who the account is was asked with the fresh access token, of the API the kind's scope allows.
          const api = g.requests
            .slice(from)
            .filter((r) => r.user === 'ann@acme.example' && !r.path.startsWith('/oauth/'));
          expect(
            api.map((r) => r.path),
            kind,
          ).toEqual([
            {
              gmail: '/gmail/v1/users/me/profile',
              'google-calendar': '/calendar/v3/calendars/primary',
              'google-contacts': '/v1/people/me',
            }[kind],
          ]);
        }
        // Only Contacts needs a scope more: contacts.readonly does not cover the member's own address.
        expect(asked).toEqual({
          gmail: 'https://www.googleapis.com/auth/gmail.readonly',
          'google-calendar': 'https://www.googleapis.com/auth/calendar.readonly',
          'google-contacts':
            'https://www.googleapis.com/auth/contacts.readonly https://www.googleapis.com/auth/contacts.other.readonly https://www.googleapis.com/auth/userinfo.email',
        });
        const rows = await t.db
          .selectFrom('connections')
          .innerJoin('contributors', 'contributors.id', 'connections.contributor_id')
          .select(['connections.kind', 'connections.account', 'contributors.email'])
          .orderBy('connections.kind')
          .execute();
        expect(rows).toEqual([
          { kind: 'gmail', account: 'ann@acme.example', email: 'ann@home.example' },
          { kind: 'google-calendar', account: 'ann@acme.example', email: 'ann@home.example' },
          { kind: 'google-contacts', account: 'ann@acme.example', email: 'ann@home.example' },
        ]);
      } finally {
        g.setConsentUser('member@firm.example');
      }
    });

    it('refuses the connection and stores nothing when Google does not say whose account it is', async () => {
      g.failNext(/\/gmail\/v1\/users\/me\/profile$/, 503, {
        error: { code: 503, message: 'Backend Error', status: 'UNAVAILABLE' },
      });
      const { done } = await consentAtGoogle('member@firm.example', 'gmail');
      expect(done.status).toBe(502);
      const page = text(await done.text());
      expect(page).toContain('Google did not complete the connection');
      expect(page).toContain('Nothing was connected.');
      expect(await t.db.selectFrom('connections').selectAll().execute()).toHaveLength(0);
      expect(await t.db.selectFrom('ledger_entries').selectAll().execute()).toHaveLength(0);
    });

    it('refuses a callback whose state was not issued to this browser', async () => {
      const session = await signIn('member@firm.example');
      const start = await form('/member/connect/google', { kind: 'gmail' }, { Cookie: session });
      const back = new URL(
        (await fetch(start.headers.get('location')!, { redirect: 'manual' })).headers.get('location')!,
      );
      back.searchParams.set('state', 'forged-state');
      const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
      expect((await app.request(back.toString(), { headers: { Cookie: cookie } })).status).toBe(400);
      expect((await app.request(back.toString())).status).toBe(400);
      expect(await t.db.selectFrom('connections').selectAll().execute()).toHaveLength(0);
    });

    it('previews what a mailbox would share without storing anything', async () => {
      await registerConnection(
        t.db,
        {
          contributorEmail: 'member@firm.example',
          kind: 'mailbox',
          account: SAMPLE,
          config: { path: SAMPLE },
        },
        parseSecretKey(KEY),
      );
      const session = await signIn('member@firm.example');
      const home = await (
        await app.request(`${PUBLIC}/member/home`, { headers: { Cookie: session } })
      ).text();
      const id = /name="connection" value="([^"]+)"/.exec(home)![1]!;
      // IMAP and mailbox files are not connected from the page: it says whom to ask and what they run.
      expect(home).toContain('added by the operator of this service');
      expect(home).toContain('sigmine connect imap');
      const preview = await previewOf(id, session);
      expect(preview).toContain('Nothing was stored.');
      expect(preview.match(/<tr><td>/g)?.length ?? 0).toBeGreaterThan(3);
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
      expect(await t.db.selectFrom('observations').selectAll().execute()).toHaveLength(0);
      // After a real harvest moved the cursor, the preview still shows the whole source.
      const env = {
        db: t.db,
        config: config(),
        logger: silentLogger,
        progress: noProgress,
        holder: holderId(),
      };
      await runHarvest(env, [id]);
      const again = await previewOf(id, session);
      expect(again.match(/<tr><td>/g)?.length).toBe(preview.match(/<tr><td>/g)?.length);
    });

    it('opting out stops collection and revokes the Google token at the provider', async () => {
      const { refreshToken } = g.addUser('member@firm.example');
      await registerConnection(
        t.db,
        {
          contributorEmail: 'member@firm.example',
          kind: 'gmail',
          account: 'member@firm.example',
          secret: refreshToken,
        },
        parseSecretKey(KEY),
      );
      const session = await signIn('member@firm.example');
      const res = await form('/member/optout', {}, { Cookie: session });
      const out = await res.text();
      expect(out).toContain('You have opted out');
      expect(out).toContain('gmail member@firm.example: access revoked at Google.');
      const conn = await t.db.selectFrom('connections').selectAll().executeTakeFirstOrThrow();
      expect(conn.status).toBe('opted-out');
      expect(conn.secret_enc).toBeNull();
      expect(g.requests.some((r) => r.path.endsWith('/revoke'))).toBe(true);
      const home = await (
        await app.request(`${PUBLIC}/member/home`, { headers: { Cookie: session } })
      ).text();
      expect(home).not.toContain('Connect Google');
    });

    /** Signs in, presses "Connect Microsoft" and plays the browser at the identity platform's authorize page. */
    async function consentAtMicrosoft(kind = 'outlook') {
      const session = await signIn('member@firm.example');
      const start = await form('/member/connect/microsoft', { kind }, { Cookie: session });
      expect(start.status).toBe(302);
      const authorize = new URL(start.headers.get('location')!);
      const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
      const consent = await tls(authorize, { redirect: 'manual' });
      expect(consent.status).toBe(302);
      return { session, authorize, cookie, back: new URL(consent.headers.get('location')!) };
    }
    const connections = () => t.db.selectFrom('connections').selectAll().execute();
    const home = async (session: string) =>
      (await app.request(`${PUBLIC}/member/home`, { headers: { Cookie: session } })).text();
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

    it('connects Outlook through the Microsoft web consent flow, previews it, and opting out discards the token', async () => {
      // The member signed in as member@firm.example consents with the work account Graph's /me names.
      ms.setMe({ mail: 'dana@contoso.example', userPrincipalName: 'dana.w@contoso.onmicrosoft.com' });
      const { session, authorize, cookie, back } = await consentAtMicrosoft();
      // The identity platform's authorize endpoint on the configured host, tenant common, PKCE S256.
      expect(authorize.origin + authorize.pathname).toBe(`${ms.loginUrl}/common/oauth2/v2.0/authorize`);
      expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
        client_id: 'test-client',
        response_type: 'code',
        response_mode: 'query',
        scope: 'offline_access Mail.Read User.Read',
        redirect_uri: `${PUBLIC}/oauth/microsoft/callback`,
        code_challenge_method: 'S256',
        login_hint: 'member@firm.example',
      });
      expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorize.searchParams.get('client_secret')).toBeNull();
      expect(back.origin + back.pathname).toBe(`${PUBLIC}/oauth/microsoft/callback`);

      const done = await app.request(back.toString(), { headers: { Cookie: cookie } });
      expect(done.status).toBe(303);
      // The code was redeemed once, with the verifier matching the challenge (the fake server checks it).
      expect(ms.tokenRequests).toEqual([
        expect.objectContaining({
          grantType: 'authorization_code',
          code: back.searchParams.get('code'),
          scope: 'offline_access Mail.Read User.Read',
          redirectUri: `${PUBLIC}/oauth/microsoft/callback`,
          clientSecret: 'web-secret',
        }),
      ]);
      expect(ms.requests.map((r) => r.url)).toEqual(['/v1.0/me?$select=mail,userPrincipalName']);
      const [conn] = await connections();
      expect(conn).toMatchObject({ kind: 'outlook', account: 'dana@contoso.example', status: 'active' });
      expect(conn!.secret_enc).toMatch(/^v2:default:/);
      expect(conn!.secret_enc).not.toContain(ms.currentRefreshToken());
      expect(decryptSecret(conn!.secret_enc!, parseSecretKey(KEY))).toBe(ms.currentRefreshToken());

      const listed = await (
        await app.request(`${PUBLIC}${done.headers.get('location')}`, { headers: { Cookie: session } })
      ).text();
      expect(listed).toContain('Connected.');
      expect(text(listed)).toMatch(/outlook dana@contoso\.example active/);
      expect(listed).toMatch(/data-testid="balance">0</);

      // Preview: a dry run against Graph shows the business signature and stores nothing.
      const id = /name="connection" value="([^"]+)"/.exec(listed)![1]!;
      const preview = await previewOf(id, session);
      expect(preview).toContain('Nothing was stored.');
      expect(text(preview)).toContain(
        'Dana Whitfield dana.whitfield@fabrikam.example Head of Procurement Fabrikam Ltd',
      );
      expect(preview).not.toContain('bob.smith1975');
      expect(ms.requests.length).toBeGreaterThan(0);
      expect(ms.requests.every((r) => r.method === 'GET')).toBe(true);
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
      expect(await t.db.selectFrom('observations').selectAll().execute()).toHaveLength(0);
      // A preview writes no secret: the refresh token Microsoft rotated during it is not stored (the stored
      // one stays valid for its lifetime); the connection keeps the grant it was connected with.
      const [afterPreview] = await connections();
      expect(afterPreview!.secret_enc).toBe(conn!.secret_enc);
      // A real harvest that reads mail pays the connection bonus.
      const harvestEnv = {
        db: t.db,
        config: config(),
        logger: silentLogger,
        progress: noProgress,
        holder: holderId(),
        factoryFor: trustingFactory,
      };
      expect((await runHarvest(harvestEnv, [id])).results[0]).toMatchObject({ status: 'ok' });
      expect(await home(session)).toMatch(/data-testid="balance">50</);

      // Opt-out: Microsoft has no revoke endpoint, so the page must not claim a revocation at the provider.
      const out = text(await (await form('/member/optout', {}, { Cookie: session })).text());
      expect(out).toContain('You have opted out');
      expect(out).toMatch(
        /outlook dana@contoso\.example: Microsoft has no revoke endpoint[^.]*\. The token was deleted here and the revocation recorded/,
      );
      expect(out).not.toMatch(/revoked at (the provider|Microsoft)/i);
      const [gone] = await connections();
      expect(gone).toMatchObject({ status: 'opted-out', secret_enc: null });
      expect(await t.db.selectFrom('revocations').select(['kind', 'status', 'token_enc']).execute()).toEqual([
        { kind: 'outlook', status: 'discarded', token_enc: null },
      ]);
      // Collection stopped: a harvest skips the connection and Microsoft hears nothing more.
      const seen = { token: ms.tokenRequests.length, graph: ms.requests.length };
      const env = {
        db: t.db,
        config: config(),
        logger: silentLogger,
        progress: noProgress,
        holder: holderId(),
        factoryFor: trustingFactory,
      };
      const run = await runHarvest(env, [id]);
      expect(run.results[0]).toMatchObject({ status: 'skipped' });
      expect({ token: ms.tokenRequests.length, graph: ms.requests.length }).toEqual(seen);
      expect(await home(session)).not.toContain('Connect Microsoft');
    });

    it('stores the user principal name when the Microsoft account has no mail address', async () => {
      ms.setMe({ mail: null, userPrincipalName: 'Lee.Park@Fabrikam.onmicrosoft.com' });
      const { back, cookie } = await consentAtMicrosoft('outlook-contacts');
      expect((await app.request(back.toString(), { headers: { Cookie: cookie } })).status).toBe(303);
      expect(await connections()).toEqual([
        expect.objectContaining({ kind: 'outlook-contacts', account: 'lee.park@fabrikam.onmicrosoft.com' }),
      ]);
      expect(ms.tokenRequests[0]).toMatchObject({ scope: 'offline_access Contacts.Read User.Read' });
    });

    it('opting out says per IMAP mailbox what happened: Google grant revoked, Microsoft token discarded, password deleted', async () => {
      const { refreshToken } = g.addUser('member@gmail-imap.example');
      const imap = (user: string, extra: Record<string, unknown>) => ({
        host: 'imap.example',
        port: 993,
        tls: true,
        user,
        ...extra,
      });
      const add = (account: string, secret: string, cfg: Record<string, unknown>) =>
        registerConnection(
          t.db,
          { contributorEmail: 'member@firm.example', kind: 'imap', account, secret, config: cfg },
          parseSecretKey(KEY),
        );
      await add(
        'member@gmail-imap.example',
        encodeImapOAuthSecret({ provider: 'google', tokenUrl: `${g.oauthUrl}/token`, refreshToken }),
        imap('member@gmail-imap.example', { auth: 'xoauth2', oauthProvider: 'google' }),
      );
      await add(
        'member@m365.example',
        encodeImapOAuthSecret({
          provider: 'microsoft',
          tokenUrl: `${ms.loginUrl}/common/oauth2/v2.0/token`,
          refreshToken: 'rt-x',
        }),
        imap('member@m365.example', { auth: 'xoauth2', oauthProvider: 'microsoft' }),
      );
      await add('member@firm.example', 'imap-password', imap('member@firm.example', { auth: 'password' }));
      const revokes = () => g.requests.filter((r) => r.path === '/oauth/revoke' && r.status === 200).length;
      const before = revokes();
      const out = text(
        await (await form('/member/optout', {}, { Cookie: await signIn('member@firm.example') })).text(),
      );
      expect(out).toContain('imap member@gmail-imap.example: access revoked at Google.');
      expect(out).toMatch(/imap member@m365\.example: Microsoft has no revoke endpoint/);
      expect(out).toContain('imap member@firm.example: nothing to revoke at a provider');
      expect(revokes() - before).toBe(1);
      // Revoked at Google for real: the grant no longer refreshes.
      const refresh = await fetch(`${g.oauthUrl}/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
      });
      expect(refresh.status).toBe(400);
    });

    it("refuses a Microsoft callback with a forged state or without this browser's cookie, and stores nothing", async () => {
      const { back, cookie } = await consentAtMicrosoft();
      const forged = new URL(back);
      forged.searchParams.set('state', 'forged-state');
      const res = await app.request(forged.toString(), { headers: { Cookie: cookie } });
      expect(res.status).toBe(400);
      expect(text(await res.text())).toContain('does not match the connect request this browser started');
      const cookieless = await app.request(back.toString());
      expect(cookieless.status).toBe(400);
      expect(text(await cookieless.text())).toContain('expired or was started in another browser');
      expect(ms.tokenRequests).toHaveLength(0);
      expect(await connections()).toHaveLength(0);
    });

    it('refuses a replayed Microsoft callback without redeeming the code again', async () => {
      const { back, cookie } = await consentAtMicrosoft();
      expect((await app.request(back.toString(), { headers: { Cookie: cookie } })).status).toBe(303);
      const secret = (await connections())[0]!.secret_enc;
      const replay = await app.request(back.toString(), { headers: { Cookie: cookie } });
      expect(replay.status).toBe(400);
      expect(text(await replay.text())).toContain('already used');
      expect(ms.tokenRequests).toHaveLength(1);
      expect(await connections()).toHaveLength(1);
      expect((await connections())[0]!.secret_enc).toBe(secret);
    });

    it('says so when the member declines at Microsoft (error=access_denied) and stores nothing', async () => {
      const { back, cookie, session } = await consentAtMicrosoft();
      // What the identity platform sends back when the person presses "Cancel" on the consent page.
      const declined = new URL(back.origin + back.pathname);
      declined.searchParams.set('error', 'access_denied');
      declined.searchParams.set(
        'error_description',
        'AADSTS65004: User declined to consent to access the app.',
      );
      declined.searchParams.set('state', back.searchParams.get('state')!);
      const res = await app.request(declined.toString(), { headers: { Cookie: cookie } });
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(text(page)).toContain(
        'You did not give sigmine access at Microsoft (access_denied). Nothing was connected.',
      );
      expect(page).toContain('href="/member/home"');
      expect(page).not.toContain('AADSTS65004');
      expect(ms.tokenRequests).toHaveLength(0);
      expect(await connections()).toHaveLength(0);
    });

    it('says so when the Microsoft token endpoint refuses the code, and stores nothing', async () => {
      const { back, cookie } = await consentAtMicrosoft();
      back.searchParams.set('code', 'code-that-microsoft-never-issued');
      const res = await app.request(back.toString(), { headers: { Cookie: cookie } });
      expect(res.status).toBe(502);
      const page = text(await res.text());
      expect(page).toContain('Microsoft did not complete the connection');
      expect(page).toContain('Microsoft refused the authorization code (invalid_grant AADSTS70000)');
      expect(page).toContain('Nothing was connected.');
      expect(ms.tokenRequests).toHaveLength(1);
      expect(await connections()).toHaveLength(0);
      expect(await t.db.selectFrom('ledger_entries').selectAll().execute()).toHaveLength(0);
    });

    it('says so when the Microsoft token endpoint cannot be reached, and stores nothing', async () => {
      const { back, cookie } = await consentAtMicrosoft();
      await ms.close();
      const res = await app.request(back.toString(), { headers: { Cookie: cookie } });
      expect(res.status).toBe(502);
      expect(text(await res.text())).toContain(
        'Microsoft did not complete the connection: Microsoft token endpoint unreachable. Nothing was connected.',
      );
      expect(await connections()).toHaveLength(0);
    });

    /**
     * Another `sigmine serve` process on the same database. On a PostgreSQL server it has its own pool, as a
     * process on another machine would; SQLite deployments run one process (and PGlite lives only in this
     * one), so there the second app shares the handle: it still has none of the first app's memory.
     */
    async function secondInstance(now?: () => Date) {
      const own =
        t.backend === 'server' ? await openDatabase(t.url, { pgSchema: t.pgSchema, poolSize: 4 }) : null;
      const other = createApp({
        database: own ?? t,
        config: config(),
        transport,
        fetch: tls,
        factoryFor: trustingFactory,
        mailQueue: mails,
        ...(now ? { now } : {}),
      });
      return { app: other, close: async () => own?.close() };
    }

    /** A browser's cookie jar: what Set-Cookie answers left, sent back on every request. */
    function cookieJar() {
      const jar = new Map<string, string>();
      return {
        header: () => ({ Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }),
        add(pair: string) {
          jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
        },
        keep(res: Response) {
          for (const c of res.headers.getSetCookie()) {
            const pair = c.split(';')[0]!;
            jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
          }
          return res;
        },
      };
    }

    it('completes a callback on another process than the one that started the flow, and refuses its replay on the first', async () => {
      const other = await secondInstance();
      try {
        const { back, cookie } = await consentAtMicrosoft();
        expect((await other.app.request(back.toString(), { headers: { Cookie: cookie } })).status).toBe(303);
        const replay = await app.request(back.toString(), { headers: { Cookie: cookie } });
        expect(replay.status).toBe(400);
        expect(text(await replay.text())).toContain(`This answer from Microsoft was already used`);
        expect(ms.tokenRequests).toHaveLength(1);
        expect(await connections()).toHaveLength(1);
      } finally {
        await other.close();
      }
    });

    it('lets exactly one of two simultaneous answers to one connect request through, across two processes', async () => {
      const other = await secondInstance();
      try {
        for (let round = 1; round <= 3; round++) {
          const { back, cookie } = await consentAtMicrosoft();
          const both = await Promise.all(
            [app, other.app].map((a) => a.request(back.toString(), { headers: { Cookie: cookie } })),
          );
          expect(both.map((r) => r.status).sort(), `round ${round}`).toEqual([303, 400]);
          expect(text(await both.find((r) => r.status === 400)!.text())).toContain('already used');
          // One code redemption per connect request: the loser never reached the token endpoint.
          expect(ms.tokenRequests, `round ${round}`).toHaveLength(round);
        }
        expect(await connections()).toHaveLength(1);
        // Nothing is paid for connecting (the bonus waits for a harvest that reads a message).
        expect(await t.db.selectFrom('ledger_entries').selectAll().execute()).toHaveLength(0);
      } finally {
        await other.close();
      }
    });

    it('completes a Google and a Microsoft connect started one after the other in the same browser', async () => {
      ms.setMe({ mail: 'member@firm.example', userPrincipalName: 'member@firm.example' });
      const browser = cookieJar();
      browser.add(await signIn('member@firm.example'));
      const google = browser.keep(await form('/member/connect/google', { kind: 'gmail' }, browser.header()));
      const microsoft = browser.keep(
        await form('/member/connect/microsoft', { kind: 'outlook' }, browser.header()),
      );
      const googleBack = (await fetch(google.headers.get('location')!, { redirect: 'manual' })).headers.get(
        'location',
      )!;
      const microsoftBack = (
        await tls(microsoft.headers.get('location')!, { redirect: 'manual' })
      ).headers.get('location')!;
      // The first tab comes back last.
      expect((await app.request(microsoftBack, { headers: browser.header() })).status).toBe(303);
      expect((await app.request(googleBack, { headers: browser.header() })).status).toBe(303);
      expect((await connections()).map((c) => c.kind).sort()).toEqual(['gmail', 'outlook']);
    });

    it('refuses a callback opened in another browser, tells it nothing, and the flow still completes where it started', async () => {
      const { back, cookie, session } = await consentAtMicrosoft();
      // Another browser, holding a connect request of its own.
      const theirs = await form(
        '/member/connect/google',
        { kind: 'gmail' },
        { Cookie: await signIn('someone@else.example') },
      );
      const theirCookie = theirs.headers.get('set-cookie')!.split(';')[0]!;
      expect(theirCookie).not.toBe(cookie);
      const res = await app.request(back.toString(), { headers: { Cookie: theirCookie } });
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(text(page)).toContain('does not match the connect request this browser started');
      expect(page).not.toContain('/member/home');
      expect(page).not.toContain(session.split('=')[1]!);
      expect(ms.tokenRequests).toHaveLength(0);
      expect(await connections()).toHaveLength(0);
      expect((await app.request(back.toString(), { headers: { Cookie: cookie } })).status).toBe(303);
    });

    it('refuses a callback after its ten minutes, and deletes long-expired connect requests', async () => {
      let clock = Date.now();
      const timed = await secondInstance(() => new Date(clock));
      try {
        const browser = cookieJar();
        browser.add(await signIn('member@firm.example', timed.app));
        const start = async () => {
          const res = browser.keep(
            await form('/member/connect/microsoft', { kind: 'outlook' }, browser.header(), timed.app),
          );
          return (await tls(res.headers.get('location')!, { redirect: 'manual' })).headers.get('location')!;
        };
        const [first, second] = [await start(), await start()];
        clock += 10 * 60_000 - 1_000;
        expect((await timed.app.request(first, { headers: browser.header() })).status).toBe(303);
        clock += 2_000;
        const late = await timed.app.request(second, { headers: browser.header() });
        expect(late.status).toBe(400);
        const page = await late.text();
        expect(text(page)).toContain(
          'This connect request has expired: it works for ten minutes. Nothing was connected.',
        );
        expect(page).toContain('href="/member/home"');
        expect(ms.tokenRequests).toHaveLength(1);
        expect(await t.db.selectFrom('oauth_states').selectAll().execute()).toHaveLength(2);
        // An hour on, the next connect request (after a new sign-in link) clears both away.
        clock += 61 * 60_000;
        browser.add(await signIn('member@firm.example', timed.app));
        await start();
        expect(await t.db.selectFrom('oauth_states').selectAll().execute()).toHaveLength(1);
      } finally {
        await timed.close();
      }
    });

    it('keeps a pending connect request without its state, browser nonce, PKCE verifier, address or sign-in link in plain', async () => {
      const { session, authorize, back, cookie } = await consentAtMicrosoft();
      const rows = await t.db.selectFrom('oauth_states').selectAll().execute();
      expect(rows).toEqual([
        expect.objectContaining({ provider: 'microsoft', kind: 'outlook', used_at: null }),
      ]);
      const row = rows[0]!;
      expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(10 * 60_000);
      // The sealed box holds the verifier whose challenge went to Microsoft.
      const sealed = JSON.parse(decryptSecret(row.flow_enc, parseSecretKey(KEY))) as { verifier: string };
      expect(createHash('sha256').update(sealed.verifier).digest('base64url')).toBe(
        authorize.searchParams.get('code_challenge'),
      );
      const stored = JSON.stringify(rows);
      for (const plain of [
        back.searchParams.get('state')!,
        cookie.split('=')[1]!,
        sealed.verifier,
        'member@firm.example',
        session.split('=')[1]!,
      ]) {
        expect(stored).not.toContain(plain);
      }
    });

    it('on https, keeps the browser nonce in a __Host- cookie (Secure, HttpOnly, SameSite=Lax, no Domain) and completes with it', async () => {
      const HTTPS = 'https://members.test';
      const secure = createApp({
        database: t,
        config: { ...config(), publicUrl: HTTPS },
        transport,
        fetch: tls,
        factoryFor: trustingFactory,
        mailQueue: mails,
      });
      const post = (path: string, body: Record<string, string>, cookie = '') =>
        secure.request(`${HTTPS}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: HTTPS, Cookie: cookie },
          body: new URLSearchParams(body).toString(),
        });
      await post('/member/link', { email: 'member@firm.example' });
      await mails.idle();
      const token = decodeURIComponent(/\/member\/home\?t=(\S+)/.exec(sent.at(-1)!.body)![1]!);
      const open = await post('/member/open', { t: token });
      // The member session: __Host- on https, Secure, HttpOnly, SameSite=Lax (the way back from a consent page).
      const sessionCookie = open.headers.get('set-cookie')!;
      expect(sessionCookie).toMatch(/^__Host-sigmine_member=[A-Za-z0-9_-]{43};/);
      expect(sessionCookie).toMatch(/; Secure/);
      expect(sessionCookie).toMatch(/; HttpOnly/);
      expect(sessionCookie).toMatch(/; SameSite=Lax/);
      const start = await post('/member/connect/google', { kind: 'gmail' }, sessionCookie.split(';')[0]!);
      const setCookie = start.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/^__Host-sigmine_oauth=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toMatch(/; Path=\/(;|$)/);
      expect(setCookie).toMatch(/; Secure/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Lax/);
      expect(setCookie).not.toMatch(/Domain=/i);
      const back = (await fetch(start.headers.get('location')!, { redirect: 'manual' })).headers.get(
        'location',
      )!;
      expect(back.startsWith(`${HTTPS}/oauth/google/callback?`)).toBe(true);
      const cookie = setCookie.split(';')[0]!;
      // The same nonce under the plain name (planted over http, or by a sibling subdomain) does not count.
      const planted = await secure.request(back, { headers: { Cookie: cookie.replace('__Host-', '') } });
      expect(planted.status).toBe(400);
      expect((await secure.request(back, { headers: { Cookie: cookie } })).status).toBe(303);
      expect(await connections()).toHaveLength(1);
    });

    it('refuses member actions without a valid sign-in link', async () => {
      expect((await form('/member/optout', { t: 'bogus' })).status).toBe(403);
      expect((await form('/member/open', { t: 'bogus' })).status).toBe(403);
      const home = await app.request(`${PUBLIC}/member/home`);
      expect(home.status).toBe(403);
      // Never signed in here: the page says why and offers the sign-in form at once.
      const signIn = await home.text();
      expect(signIn).toContain('This page needs you signed in');
      expect(signIn).toContain('action="/member/link"');
      expect(
        (
          await app.request(`${PUBLIC}/member/home`, {
            headers: { Cookie: 'sigmine_member=' + 'x'.repeat(43) },
          })
        ).status,
      ).toBe(403);
    });
  });
}
