/**
 * The privacy center and the member area tell the truth and never lose things in one click (issue 11):
 * looking is not an export request, "pending" is explained with its listing date, corrections are marked,
 * only the actions that apply are offered, erasing/objecting and opting out are confirmed on a page that says
 * what will happen, and a correction with no profile left says it was not saved. Through `app.request`, on
 * SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import { eraseProfile } from '../../src/store/profile-admin.ts';
import { awardConnectionBonus } from '../../src/store/ledger.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { sendQueued } from '../../src/notices/send.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import { silentLogger } from '../../src/log.ts';
import type { NoticeTransport, OutgoingNotice } from '../../src/notices/transport.ts';
import type { ObservationInput } from '../../src/store/types.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { noticeGate } from '../../src/privacy/notice-gate.ts';
import { testPolicy } from '../helpers/privacy-options.ts';
import { sameOriginForms } from '../helpers/member-web.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

const PUBLIC = 'http://privacy.test';
const KEY = 'd'.repeat(64);
const config = loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: KEY });
const ADA = 'ada.lovelace@engines.co.uk';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`confirm and explain on ${dialect}`, () => {
    let t: TestDatabase;
    let sent: OutgoingNotice[];
    let transport: NoticeTransport;
    let mails: ReturnType<typeof createMailQueue>;
    let app: ReturnType<typeof createApp>;
    beforeEach(async () => {
      t = await freshDatabase(dialect);
      sent = [];
      transport = {
        name: 'memory',
        async send(n) {
          sent.push(n);
          return { providerMessageId: `<${sent.length}@t>` };
        },
      };
      mails = createMailQueue(silentLogger);
      app = createApp({ database: t, config, transport, mailQueue: mails });
      const now = new Date().toISOString();
      const { connection } = await registerConnection(
        t.db,
        { contributorEmail: 'member@contrib.example', kind: 'mailbox', account: 'x', config: { path: '/x' } },
        null,
      );
      const observations = Object.entries({
        name: 'Ada Lovelace',
        title: 'Chief Analyst',
        company: 'Analytical Engines Ltd',
      }).map(([field, value]): ObservationInput => ({
        email: ADA,
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
            { connectionId: connection.id, contributorId: connection.contributorId, now, secretKey: KEY },
            [{ messageKey: '<m1@x>', observations }],
            gate,
          ),
        );
    });
    afterEach(async () => t.dispose());

    const { post, get } = sameOriginForms(() => app, PUBLIC);
    /** Asks for a privacy link (or a member sign-in link), presses Continue, returns the session cookie. */
    async function session(kind: 'privacy' | 'member', email: string): Promise<string> {
      await post(kind === 'privacy' ? '/privacy/link' : '/member/link', { email });
      await mails.idle();
      const m = new RegExp(`/${kind === 'privacy' ? 'privacy/me' : 'member/home'}\\?t=(\\S+)`).exec(
        sent.at(-1)!.body,
      )!;
      const open = await post(kind === 'privacy' ? '/privacy/open' : '/member/open', {
        t: decodeURIComponent(m[1]!),
      });
      expect(open.status).toBe(303);
      return open.headers.get('set-cookie')!.split(';')[0]!;
    }
    const exportRequests = async () =>
      (await t.db.selectFrom('privacy_requests').select('kind').execute()).filter((r) => r.kind === 'export')
        .length;

    it('viewing the privacy page is not an export request; downloading is', async () => {
      const cookie = await session('privacy', ADA);
      expect((await get('/privacy/me', cookie)).status).toBe(200);
      await get('/privacy/me', cookie);
      expect(await exportRequests()).toBe(0);
      expect((await get('/privacy/export.json', cookie)).status).toBe(200);
      expect(await exportRequests()).toBe(1);
    });

    it('explains "pending" and gives the listing date once the notice is sent', async () => {
      const cookie = await session('privacy', ADA);
      const before = text(await (await get('/privacy/me', cookie)).text());
      expect(before).toContain('Pending: not in the directory');
      expect(before).toMatch(/no earlier than 7 days after it is sent/);
      await sendQueued(t.db, {
        gate: noticeGate,
        transport,
        policy: loadPolicy({}),
        publicUrl: PUBLIC,
        from: 'privacy@privacy.test',
      });
      const gate = await t.db.selectFrom('privacy_gates').select('window_ends_at').executeTakeFirstOrThrow();
      const after = text(await (await get('/privacy/me', cookie)).text());
      expect(after).toContain(
        `unless you object, you will be listed on ${gate.window_ends_at!.slice(0, 10)}`,
      );
    });

    it('marks a corrected value as corrected in the provenance table', async () => {
      const cookie = await session('privacy', ADA);
      expect(
        (await post('/privacy/correct', { field: 'title', value: 'Analyst Emerita' }, cookie)).status,
      ).toBe(303);
      const html = await (await get('/privacy/me', cookie)).text();
      const corrected = /<tr data-testid="corrected">(.*?)<\/tr>/s.exec(html)![1]!;
      expect(text(corrected)).toContain('title Analyst Emerita corrected by you');
      expect(text(html)).toMatch(/title Chief Analyst signature \(replaced by your correction\)/);
      expect(text(html)).toContain('Analyst Emerita (corrected by you)');
    });

    it('offers "Lift restriction" only on a restricted profile, and "Restrict" only on one that is not', async () => {
      const cookie = await session('privacy', ADA);
      const open = await (await get('/privacy/me', cookie)).text();
      expect(open).toContain('action="/privacy/restrict"');
      expect(open).not.toContain('action="/privacy/unrestrict"');
      await post('/privacy/restrict', {}, cookie);
      const frozen = await (await get('/privacy/me', cookie)).text();
      expect(frozen).toContain('action="/privacy/unrestrict"');
      expect(frozen).not.toContain('action="/privacy/restrict"');
      expect(text(frozen)).toContain('Restricted since');
    });

    it('removing and objecting each ask first, on a page that says what will happen; only the confirmation acts', async () => {
      const cookie = await session('privacy', ADA);
      const me = await (await get('/privacy/me', cookie)).text();
      // No one-click removal on the profile page: links to the confirmation pages, with Remove vs Object explained.
      expect(me).not.toContain('action="/privacy/erase"');
      expect(me).not.toContain('action="/privacy/object"');
      expect(text(me)).toMatch(
        /Remove deletes your profile for good.*Object says you do not want to be listed/,
      );
      for (const action of ['erase', 'object']) {
        const confirm = await get(`/privacy/${action}`, cookie);
        expect(confirm.status).toBe(200);
        const words = text(await confirm.text());
        expect(words).toContain('deleted now, for good');
        expect(words).toContain('suppression list');
        expect(words).toContain('stop working');
      }
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(1); // looking removed nothing
      const done = await post('/privacy/erase', {}, cookie);
      expect(text(await done.text())).toContain('Removed');
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
    });

    it('with no profile left, offers no form, and a correction says it was not saved', async () => {
      const cookie = await session('privacy', ADA);
      const p = await t.db.selectFrom('profiles').select('id').executeTakeFirstOrThrow();
      await t.db.transaction().execute((trx) => eraseProfile(trx, p.id));
      const html = await (await get('/privacy/me', cookie)).text();
      expect(html).toContain('We hold no profile for this address');
      expect(html).not.toContain('<form');
      const res = await post('/privacy/correct', { field: 'title', value: 'Analyst' }, cookie);
      expect(res.status).toBe(409);
      const words = text(await res.text());
      expect(words).toContain('Correction not saved');
      expect(words).not.toMatch(/is saved/);
    });

    it('shows Connect buttons only for configured providers, and an unconfigured one says so instead of redirecting', async () => {
      const cookie = await session('member', 'member@contrib.example');
      const home = await (await get('/member/home', cookie)).text();
      expect(home).not.toContain('Connect Google');
      expect(home).not.toContain('Connect Microsoft');
      const res = await post('/member/connect/google', { kind: 'gmail' }, cookie);
      expect(res.status).toBe(404);
      expect(res.headers.get('location')).toBeNull();
      expect(text(await res.text())).toContain('Google sources are not available here');
      // Configured: the button is there.
      const withGoogle = createApp({
        database: t,
        config: loadConfig({
          SIGMINE_PUBLIC_URL: PUBLIC,
          SIGMINE_SECRET_KEY: KEY,
          SIGMINE_GOOGLE_CLIENT_ID: 'id.apps.example',
        }),
        transport,
        mailQueue: mails,
      });
      const html = await (
        await withGoogle.request(`${PUBLIC}/member/home`, { headers: { Cookie: cookie } })
      ).text();
      expect(html).toContain('Connect Google');
      expect(html).not.toContain('Connect Microsoft');
    });

    it('answers an unknown address with a 404 page in the site style, under the same security headers', async () => {
      const res = await app.request(`${PUBLIC}/no/such/page`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBeTruthy();
      const html = await res.text();
      expect(html).toContain('href="/style.css"');
      expect(text(html)).toContain('Page not found');
    });

    it('opting out is confirmed on a page that names the credits lost and the access revoked', async () => {
      const member = 'member@contrib.example';
      const conn = await t.db.selectFrom('connections').select('id').executeTakeFirstOrThrow();
      await awardConnectionBonus(t.db, conn.id);
      const cookie = await session('member', member);
      const home = await (await get('/member/home', cookie)).text();
      expect(home).not.toContain('action="/member/optout"');
      expect(home).toContain('href="/member/optout"');
      const confirm = text(await (await get('/member/optout', cookie)).text());
      expect(confirm).toContain('you lose all 50 credit(s)');
      expect(confirm).toMatch(/access is revoked/);
      expect(confirm).toContain('mailbox x');
      const still = await t.db.selectFrom('contributors').select('status').executeTakeFirstOrThrow();
      expect(still.status).not.toBe('opted-out'); // looking changed nothing
      const done = text(await (await post('/member/optout', {}, cookie)).text());
      expect(done).toContain('You have opted out');
      expect((await t.db.selectFrom('contributors').select('status').executeTakeFirstOrThrow()).status).toBe(
        'opted-out',
      );
    });
  });
}
