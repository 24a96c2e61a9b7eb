import { createHash } from 'node:crypto';
import { describe, expect, it, beforeEach, afterEach, vi } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { createApp, type WebAppOptions } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { silentLogger } from '../../src/log.ts';
import type { NoticeTransport, OutgoingNotice } from '../../src/notices/transport.ts';
import type { ObservationInput } from '../../src/store/types.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { testPolicy, testPrivacy } from '../helpers/privacy-options.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

const PUBLIC = 'http://privacy.test';
const config = loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: 'a'.repeat(64) });
const ADA = 'ada.lovelace@engines.co.uk';

function capture(): NoticeTransport & { sent: OutgoingNotice[] } {
  const sent: OutgoingNotice[] = [];
  return {
    name: 'memory',
    sent,
    async send(n) {
      sent.push(n);
      return { providerMessageId: `<${sent.length}@t>` };
    },
  };
}

async function seed(t: TestDatabase, email: string, fields: Record<string, string>) {
  const now = new Date().toISOString();
  await t.db
    .insertInto('contributors')
    .values({ id: 'm1', email: 'member@contrib.example', created_at: now })
    .execute();
  await t.db
    .insertInto('connections')
    .values({
      id: 'c1',
      contributor_id: 'm1',
      kind: 'mailbox',
      account: 'x',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const observations = Object.entries(fields).map(([field, value]): ObservationInput => ({
    email,
    field: field as ObservationInput['field'],
    value,
    raw: value,
    source: 'signature',
    observedAt: now,
  }));
  await t.db
    .transaction()
    .execute((trx) =>
      ingestPage(
        trx,
        { connectionId: 'c1', contributorId: 'm1', now, secretKey: config.secretKey },
        [{ messageKey: '<m1@x>', observations }],
        gate,
      ),
    );
}

/** The path and query of the link in a privacy mail. */
const linkIn = (n: OutgoingNotice) => {
  const m = /http:\/\/privacy\.test(\/privacy\/me\?t=\S+)/.exec(n.body);
  if (!m) throw new Error('no link in mail');
  return m[1]!;
};
const tokenOf = (link: string) => new URL(`${PUBLIC}${link}`).searchParams.get('t')!;

type App = ReturnType<typeof createApp>;

const post = (
  app: App,
  path: string,
  form: Record<string, string>,
  o: { origin?: string; cookie?: string; base?: string } = {},
) =>
  app.request(`${o.base ?? PUBLIC}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: o.origin ?? PUBLIC,
      ...(o.cookie ? { Cookie: o.cookie } : {}),
    },
    body: new URLSearchParams(form).toString(),
  });

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`privacy center on ${dialect}`, () => {
    let t: TestDatabase;
    let transport: ReturnType<typeof capture>;
    let mails: ReturnType<typeof createMailQueue>;
    let app: App;
    const make = (extra: Partial<WebAppOptions> = {}) =>
      createApp({ database: t, config, transport, mailQueue: mails, ...extra });
    beforeEach(async () => {
      t = await freshDatabase(dialect);
      transport = capture();
      mails = createMailQueue(silentLogger);
      app = make();
      await seed(t, ADA, { name: 'Ada Lovelace', title: 'Chief Analyst', company: 'Analytical Engines Ltd' });
    });
    afterEach(async () => t.dispose());

    /** Asks for a link to `email` and returns the link from the mail (after the queue ran). */
    async function askLink(email = ADA, on = app): Promise<string> {
      const before = transport.sent.length;
      expect((await post(on, '/privacy/link', { email })).status).toBe(200);
      await mails.idle();
      expect(transport.sent.length).toBe(before + 1);
      return linkIn(transport.sent.at(-1)!);
    }

    /** Opens a mailed link like a browser: the page, then Continue; returns the session cookie. */
    async function open(link: string, on = app): Promise<string> {
      const landing = await on.request(`${PUBLIC}${link}`);
      expect(landing.status).toBe(200);
      expect(await landing.text()).toContain('action="/privacy/open"');
      const res = await post(on, '/privacy/open', { t: tokenOf(link) });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/privacy/me');
      return res.headers.get('set-cookie')!.split(';')[0]!;
    }
    const me = (cookie: string, on = app) =>
      on.request(`${PUBLIC}/privacy/me`, { headers: { Cookie: cookie } });

    it('mails a link to a listed person, and the link shows their profile without naming the contributor', async () => {
      const link = await askLink('Ada.Lovelace@engines.co.uk');
      expect(transport.sent[0]!.to).toBe(ADA);
      const page = await (await me(await open(link))).text();
      expect(page).toContain('Chief Analyst');
      expect(page).toContain('Analytical Engines Ltd');
      expect(page).not.toContain('member@contrib.example');
      expect(page).not.toContain('m1');
      // The mail's X-Sigmine-Template digest is a real SHA-256 of its text, the same for every mail of the
      // template and language: it depends on neither the one-time token nor the address.
      await askLink(ADA);
      const [first, second] = transport.sent.slice(-2);
      expect(first!.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(first!.body).not.toBe(second!.body);
      expect(second!.contentHash).toBe(first!.contentHash);
      expect(first!.contentHash).not.toBe(createHash('sha256').update(ADA).digest('hex'));
    });

    it('answers an unknown address exactly like a known one, and mails nothing', async () => {
      const known = await (await post(app, '/privacy/link', { email: ADA })).text();
      const unknown = await (await post(app, '/privacy/link', { email: 'nobody@engines.co.uk' })).text();
      await mails.idle();
      expect(unknown.replace('nobody@engines.co.uk', 'X')).toBe(known.replace(ADA, 'X'));
      expect(transport.sent.map((s) => s.to)).toEqual([ADA]);
    });

    it('answers before the mail is sent: a stuck mail transport does not slow the page down', async () => {
      let release!: () => void;
      const stuck: NoticeTransport = {
        name: 'stuck',
        send: () => new Promise((r) => (release = () => r({ providerMessageId: 'x' }))),
      };
      const slow = make({ transport: stuck });
      const started = Date.now();
      const res = await post(slow, '/privacy/link', { email: ADA });
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      // The queued job reaches the transport after its lookups, however long a loaded machine takes.
      await vi.waitFor(() => expect(release).toBeTypeOf('function'), { timeout: 10_000 });
      release();
      await mails.idle();
    });

    it('refuses forged, tampered and expired links', async () => {
      const link = await askLink();
      const token = tokenOf(link);
      const forged = token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
      expect((await post(app, '/privacy/open', { t: forged })).status).toBe(403);
      expect((await post(app, '/privacy/open', { t: 'nonsense' })).status).toBe(403);
      const later = make({ now: () => new Date(Date.now() + 2 * 3600_000) });
      expect((await post(later, '/privacy/open', { t: token })).status).toBe(403);
      // Still unused: it works now.
      expect((await post(app, '/privacy/open', { t: token })).status).toBe(303);
    });

    it('refuses a link used twice the second time, in any browser and on any process', async () => {
      const link = await askLink();
      const cookie = await open(link);
      const again = await post(make(), '/privacy/open', { t: tokenOf(link) });
      expect(again.status).toBe(403);
      expect(await again.text()).toContain('already used');
      expect(again.headers.get('set-cookie')).toBeNull();
      // The first session still works.
      expect((await me(cookie)).status).toBe(200);
    });

    it('opening a mailed link uses nothing up, and the token never appears in a later URL or page', async () => {
      const link = await askLink();
      const token = tokenOf(link);
      // A mail scanner fetching the link twice leaves it usable.
      await app.request(`${PUBLIC}${link}`);
      await app.request(`${PUBLIC}${link}`);
      const cookie = await open(link);
      const page = await (await me(cookie)).text();
      expect(page).not.toContain(token);
      const corrected = await post(app, '/privacy/correct', { field: 'title', value: 'Analyst' }, { cookie });
      expect(corrected.headers.get('location')).toBe('/privacy/me?done=correct');
      expect((await me(cookie)).status).toBe(200);
      expect((await app.request(`${PUBLIC}/privacy/me`)).status).toBe(403);
    });

    it('keeps the session in an HttpOnly, SameSite=Strict cookie, Secure and __Host- on https', async () => {
      const res = await post(app, '/privacy/open', { t: tokenOf(await askLink()) });
      const plain = res.headers.get('set-cookie')!;
      expect(plain).toMatch(/^sigmine_privacy=[A-Za-z0-9_-]{43};/);
      expect(plain).toMatch(/; HttpOnly/);
      expect(plain).toMatch(/; SameSite=Strict/);
      expect(plain).not.toMatch(/; Secure/);
      const HTTPS = 'https://privacy.example';
      const secure = make({ config: { ...config, publicUrl: HTTPS } });
      await post(secure, '/privacy/link', { email: ADA }, { origin: HTTPS, base: HTTPS });
      await mails.idle();
      const token = /\/privacy\/me\?t=(\S+)/.exec(transport.sent.at(-1)!.body)![1]!;
      const s = await post(
        secure,
        '/privacy/open',
        { t: decodeURIComponent(token) },
        { origin: HTTPS, base: HTTPS },
      );
      const cookie = s.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^__Host-sigmine_privacy=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).not.toMatch(/Domain=/i);
      expect(s.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    });

    it('lets the person correct a field, and the correction shows at once', async () => {
      const cookie = await open(await askLink());
      const res = await post(
        app,
        '/privacy/correct',
        { field: 'title', value: 'Analyst Emerita' },
        { cookie },
      );
      expect(res.status).toBe(303);
      const page = await (
        await app.request(`${PUBLIC}${res.headers.get('location')}`, { headers: { Cookie: cookie } })
      ).text();
      // The directory's title is the person's; what was observed stays visible as provenance.
      expect(page).toMatch(/data-field="title">Analyst Emerita</);
      expect(page).toMatch(
        /<td>title<\/td><td>Chief Analyst<\/td><td>signature \(replaced by your correction\)<\/td>/,
      );
    });

    it('downloads everything as JSON with the session, and nothing without it', async () => {
      const cookie = await open(await askLink());
      const res = await app.request(`${PUBLIC}/privacy/export.json`, { headers: { Cookie: cookie } });
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).toContain('Chief Analyst');
      expect((await app.request(`${PUBLIC}/privacy/export.json`)).status).toBe(403);
    });

    it('erases the profile and suppresses the address when the person asks for removal', async () => {
      const cookie = await open(await askLink());
      const res = await post(app, '/privacy/erase', {}, { cookie });
      expect(res.status).toBe(200);
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
      expect(await t.db.selectFrom('suppressions').selectAll().execute()).toHaveLength(1);
    });

    it('an erasure ends every privacy session of the person and voids their unused links', async () => {
      const [first, second, unused] = [await askLink(), await askLink(), await askLink()];
      const here = await open(first);
      const elsewhere = await open(second);
      const res = await post(app, '/privacy/erase', {}, { cookie: here });
      expect(res.headers.get('set-cookie')).toMatch(/sigmine_privacy=;/);
      expect((await me(here)).status).toBe(403);
      expect((await me(elsewhere)).status).toBe(403);
      expect((await post(app, '/privacy/open', { t: tokenOf(unused) })).status).toBe(403);
      expect(await t.db.selectFrom('web_sessions').selectAll().execute()).toHaveLength(0);
    });

    it('an erasure made elsewhere (as `sigmine privacy erase` does) revokes open sessions and unused links too', async () => {
      const cookie = await open(await askLink());
      const unused = await askLink();
      await erasePerson(t, ADA, 'erase', {
        ...testPrivacy,
        secretKey: config.secretKey,
        outboxDir: false,
        pgVacuum: 'none',
      });
      expect((await me(cookie)).status).toBe(403);
      expect((await post(app, '/privacy/open', { t: tokenOf(unused) })).status).toBe(403);
    });

    it('refuses a form posted from another site', async () => {
      const cookie = await open(await askLink());
      const res = await post(app, '/privacy/erase', {}, { cookie, origin: 'http://evil.example' });
      expect(res.status).toBe(403);
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(1);
    });

    it('behind an https proxy, accepts a form posted from the public origin and refuses others', async () => {
      const HTTPS = 'https://privacy.example';
      const proxied = make({ config: { ...config, publicUrl: HTTPS } });
      // What the server sees behind the proxy: plain http on the loopback address.
      const inside = 'http://127.0.0.1:8787';
      expect(
        (await post(proxied, '/privacy/link', { email: ADA }, { base: inside, origin: HTTPS })).status,
      ).toBe(200);
      expect(
        (await post(proxied, '/privacy/link', { email: ADA }, { base: inside, origin: inside })).status,
      ).toBe(403);
      expect(
        (
          await post(
            proxied,
            '/privacy/link',
            { email: ADA },
            { base: inside, origin: 'https://evil.example' },
          )
        ).status,
      ).toBe(403);
      await mails.idle();
      expect(transport.sent).toHaveLength(1);
    });

    it('limits link mails per address so the form cannot flood an inbox', async () => {
      for (let i = 0; i < 6; i++) await post(app, '/privacy/link', { email: ADA });
      await mails.idle();
      expect(transport.sent).toHaveLength(3);
    });

    it('reports health without internal error text', async () => {
      expect(await (await app.request(`${PUBLIC}/healthz`)).json()).toMatchObject({ ok: true, dialect });
      const broken = await freshDatabase(dialect);
      const down = createApp({ database: broken, config, transport });
      await broken.close();
      const res = await down.request(`${PUBLIC}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false });
      await broken.dispose().catch(() => {});
    });

    it('serves metrics only with the configured bearer token, counts by state and no address', async () => {
      expect((await app.request(`${PUBLIC}/metrics`)).status).toBe(404);
      const token = 'm'.repeat(32);
      const monitored = make({ web: { metricsToken: token, trustProxyHops: 0 } });
      const none = await monitored.request(`${PUBLIC}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(
        (
          await monitored.request(`${PUBLIC}/metrics`, {
            headers: { Authorization: `Bearer ${'x'.repeat(32)}` },
          })
        ).status,
      ).toBe(401);
      const ok = await monitored.request(`${PUBLIC}/metrics`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(200);
      const metrics = await ok.text();
      expect(metrics).toMatch(/sigmine_profiles\{status="(pending|listed)"\} 1/);
      expect(metrics).toMatch(/sigmine_notices\{status="queued"\} 1/);
      expect(metrics).not.toContain('@');
    });
  });
}
