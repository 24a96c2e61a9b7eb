import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from './helpers/databases.ts';
import { createApp } from '../src/web/app.ts';
import { createMailQueue } from '../src/web/mail-queue.ts';
import { silentLogger } from '../src/log.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPage } from '../src/store/ingest.ts';
import type { NoticeTransport, OutgoingNotice } from '../src/notices/transport.ts';
import type { ObservationInput } from '../src/store/types.ts';

const PUBLIC = 'http://privacy.test';
const config = loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: 'a'.repeat(64) });

function capture(): NoticeTransport & { sent: OutgoingNotice[] } {
  const sent: OutgoingNotice[] = [];
  return { name: 'memory', sent, async send(n) { sent.push(n); return { providerMessageId: `<${sent.length}@t>` }; } };
}

async function seed(t: TestDatabase, email: string, fields: Record<string, string>) {
  const now = new Date().toISOString();
  await t.db.insertInto('contributors').values({ id: 'm1', email: 'member@contrib.example', created_at: now }).execute();
  await t.db
    .insertInto('connections')
    .values({ id: 'c1', contributor_id: 'm1', kind: 'mailbox', account: 'x', created_at: now, updated_at: now })
    .execute();
  const observations = Object.entries(fields).map(
    ([field, value]): ObservationInput => ({ email, field: field as ObservationInput['field'], value, raw: value, source: 'signature', observedAt: now }),
  );
  await t.db.transaction().execute((trx) =>
    ingestPage(trx, { connectionId: 'c1', contributorId: 'm1', now, secretKey: config.secretKey }, [
      { messageKey: '<m1@x>', observations },
    ]),
  );
}

const linkIn = (n: OutgoingNotice) => {
  const m = /http:\/\/privacy\.test(\/privacy\/me\?t=\S+)/.exec(n.body);
  if (!m) throw new Error('no link in mail');
  return m[1]!;
};

const post = (app: ReturnType<typeof createApp>, path: string, form: Record<string, string>, origin = PUBLIC, base = PUBLIC) =>
  app.request(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams(form).toString(),
  });

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`privacy center on ${dialect}`, () => {
    let t: TestDatabase;
    let transport: ReturnType<typeof capture>;
    let app: ReturnType<typeof createApp>;
    let mails: ReturnType<typeof createMailQueue>;
    beforeEach(async () => {
      t = await freshDatabase(dialect);
      transport = capture();
      mails = createMailQueue(silentLogger);
      app = createApp({ database: t, config, transport, mailQueue: mails });
      await seed(t, 'ada.lovelace@engines.co.uk', { name: 'Ada Lovelace', title: 'Chief Analyst', company: 'Analytical Engines Ltd' });
    });
    afterEach(async () => t.dispose());

    it('mails a link to a listed person, and the link shows their profile without naming the contributor', async () => {
      const res = await post(app, '/privacy/link', { email: 'Ada.Lovelace@engines.co.uk' });
      expect(res.status).toBe(200);
      await mails.idle();
      expect(transport.sent).toHaveLength(1);
      expect(transport.sent[0]!.to).toBe('ada.lovelace@engines.co.uk');
      const page = await (await app.request(`${PUBLIC}${linkIn(transport.sent[0]!)}`)).text();
      expect(page).toContain('Chief Analyst');
      expect(page).toContain('Analytical Engines Ltd');
      expect(page).not.toContain('member@contrib.example');
      expect(page).not.toContain('m1');
    });

    it('answers an unknown address exactly like a known one, and mails nothing', async () => {
      const known = await (await post(app, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' })).text();
      const unknown = await (await post(app, '/privacy/link', { email: 'nobody@engines.co.uk' })).text();
      await mails.idle();
      expect(unknown.replace('nobody@engines.co.uk', 'X')).toBe(known.replace('ada.lovelace@engines.co.uk', 'X'));
      expect(transport.sent.map((s) => s.to)).toEqual(['ada.lovelace@engines.co.uk']);
    });

    it('answers before the mail is sent: a stuck mail transport does not slow the page down', async () => {
      let release!: () => void;
      const stuck: NoticeTransport = { name: 'stuck', send: () => new Promise((r) => (release = () => r({ providerMessageId: 'x' }))) };
      const slow = createApp({ database: t, config, transport: stuck, mailQueue: mails });
      const started = Date.now();
      const res = await post(slow, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' });
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      await new Promise((r) => setTimeout(r, 50));
      release();
      await mails.idle();
    });

    it('refuses forged, tampered and expired links', async () => {
      await post(app, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' });
      await mails.idle();
      const link = linkIn(transport.sent[0]!);
      const forged = link.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
      expect((await app.request(`${PUBLIC}${forged}`)).status).toBe(403);
      expect((await app.request(`${PUBLIC}/privacy/me?t=nonsense`)).status).toBe(403);
      const later = createApp({ database: t, config, transport, now: () => new Date(Date.now() + 2 * 3600_000) });
      expect((await later.request(`${PUBLIC}${link}`)).status).toBe(403);
    });

    it('lets the person correct a field, and the correction shows at once', async () => {
      await post(app, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' });
      await mails.idle();
      const token = new URL(`${PUBLIC}${linkIn(transport.sent[0]!)}`).searchParams.get('t')!;
      const res = await post(app, '/privacy/correct', { t: token, field: 'title', value: 'Analyst Emerita' });
      expect(res.status).toBe(303);
      const page = await (await app.request(`${PUBLIC}${res.headers.get('location')}`)).text();
      // The directory's title is the person's; what was observed stays visible as provenance.
      expect(page).toMatch(/data-field="title">Analyst Emerita</);
      expect(page).toMatch(/<td>title<\/td><td>Chief Analyst<\/td><td>signature<\/td>/);
    });

    it('erases the profile and suppresses the address when the person asks for removal', async () => {
      await post(app, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' });
      await mails.idle();
      const token = new URL(`${PUBLIC}${linkIn(transport.sent[0]!)}`).searchParams.get('t')!;
      const res = await post(app, '/privacy/erase', { t: token });
      expect(res.status).toBe(200);
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
      expect(await t.db.selectFrom('suppressions').selectAll().execute()).toHaveLength(1);
    });

    it('refuses a form posted from another site', async () => {
      await post(app, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' });
      await mails.idle();
      const token = new URL(`${PUBLIC}${linkIn(transport.sent[0]!)}`).searchParams.get('t')!;
      const res = await post(app, '/privacy/erase', { t: token }, 'http://evil.example');
      expect(res.status).toBe(403);
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(1);
    });

    it('behind an https proxy, accepts a form posted from the public origin and refuses others', async () => {
      const HTTPS = 'https://privacy.example';
      const proxied = createApp({ database: t, config: { ...config, publicUrl: HTTPS }, transport, mailQueue: mails });
      // What the server sees behind the proxy: plain http on the loopback address.
      const inside = 'http://127.0.0.1:8787';
      expect((await post(proxied, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' }, HTTPS, inside)).status).toBe(200);
      expect((await post(proxied, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' }, inside, inside)).status).toBe(403);
      expect((await post(proxied, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' }, 'https://evil.example', inside)).status).toBe(403);
      await mails.idle();
      expect(transport.sent).toHaveLength(1);
    });

    it('limits link mails per address so the form cannot flood an inbox', async () => {
      for (let i = 0; i < 6; i++) await post(app, '/privacy/link', { email: 'ada.lovelace@engines.co.uk' });
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
      const monitored = createApp({ database: t, config, transport, web: { metricsToken: token, trustProxyHops: 0 } });
      const none = await monitored.request(`${PUBLIC}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await monitored.request(`${PUBLIC}/metrics`, { headers: { Authorization: `Bearer ${'x'.repeat(32)}` } })).status).toBe(401);
      const ok = await monitored.request(`${PUBLIC}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      const metrics = await ok.text();
      expect(metrics).toMatch(/sigmine_profiles\{status="(pending|listed)"\} 1/);
      expect(metrics).toMatch(/sigmine_notices\{status="queued"\} 1/);
      expect(metrics).not.toContain('@');
    });
  });
}
