/**
 * The member product walked in a real browser (issue 11, "done when"): sign in with a mailed link, preview a
 * mailbox (an erased person is not offered), exclude a client's domain from the preview and see it stay out
 * after a harvest, see the dashboard's counts, search the directory, reveal (credits go down once, a second
 * reveal is free, an empty balance is refused), a person erases themself from the privacy center and the
 * member who revealed them is told, and the member opts out after a confirmation. Debian Chromium through
 * playwright-core; a real local mailbox folder; SQLite. Connecting a source from the page and the privacy
 * center in the notice's language are walked in test/web/browser-member-connect.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freshDatabase } from '../helpers/databases.ts';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { createApp } from '../../src/web/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { silentLogger, noProgress } from '../../src/log.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { sendRecipientNotices } from '../../src/notices/recipient-notices.ts';
import { balanceOf } from '../../src/store/ledger.ts';
import type { OutgoingNotice } from '../../src/notices/transport.ts';
import { testPolicy } from '../helpers/privacy-options.ts';

const KEY = 'b7'.repeat(32);
const MEMBER = 'mira@designstudio.example';
const NEWCOMER = 'newcomer@designstudio.example';

const eml = (from: string, id: string, body: string) =>
  `From: ${from}\r\nTo: ${MEMBER}\r\nSubject: re: offer\r\nDate: Thu, 05 Nov 2026 15:00:00 +0000\r\nMessage-ID: <${id}@walk.test>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\n${body.replace(/\n/g, '\r\n')}\r\n`;
const sig = (name: string, email: string, title: string, company: string, tel: string) =>
  eml(
    `${name} <${email}>`,
    email.split('@')[0]!,
    `Thanks, agreed.\n\nBest regards,\n${name}\n${title}\n${company}\nTel: ${tel}`,
  );

const MAILBOX = {
  '1.eml': sig(
    'Otto Brandt',
    'otto.brandt@lakeside.example',
    'Plant Manager',
    'Lakeside Mills Inc.',
    '+1 608 555 0199',
  ),
  '2.eml': sig('Quinn Abara', 'quinn.abara@clientco.example', 'CFO', 'ClientCo Ltd', '+1 312 555 0110'),
  '3.eml': sig('Gil Erased', 'gil.erased@formerly.example', 'Director', 'Formerly Inc.', '+1 212 555 0155'),
};

describe.skipIf(!chromiumAvailable())('the member product in a real browser', () => {
  it(
    'sign in, preview, exclude a domain, harvest, counts, search, reveal, erasure notice, opt out',
    { timeout: 90_000 },
    async () => {
      const t = await freshDatabase('sqlite');
      const dir = mkdtempSync(join(tmpdir(), 'sigmine-walk-'));
      for (const [f, text] of Object.entries(MAILBOX)) writeFileSync(join(dir, f), text);
      const sent: OutgoingNotice[] = [];
      const transport = {
        name: 'memory',
        async send(n: OutgoingNotice) {
          sent.push(n);
          return { providerMessageId: `<${sent.length}@walk>` };
        },
      };
      let app: ReturnType<typeof createApp> | null = null;
      const server = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: '127.0.0.1' });
      await new Promise((r) => server.once('listening', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const config = loadConfig({ SIGMINE_PUBLIC_URL: base, SIGMINE_SECRET_KEY: KEY });
      const mails = createMailQueue(silentLogger);
      app = createApp({ database: t, config, transport, mailQueue: mails });
      const env = { db: t.db, config, logger: silentLogger, progress: noProgress, holder: 'walk' };
      const privacy = { secretKey: KEY, policy: testPolicy, outboxDir: false as const };

      const { connection } = await registerConnection(
        t.db,
        { contributorEmail: MEMBER, kind: 'mailbox', account: 'studio mail', config: { path: dir } },
        null,
      );
      await registerConnection(
        t.db,
        {
          contributorEmail: NEWCOMER,
          kind: 'mailbox',
          account: 'empty',
          config: { path: join(dir, 'none') },
        },
        null,
      );
      // Gil asked to be erased before this mailbox was ever read.
      await erasePerson(t, 'gil.erased@formerly.example', 'erase', privacy);

      /** Follows the newest mailed link to `to` (sign-in or privacy center) and presses its button. */
      const openMailedLink = async (page: Page, to: string, path: string) => {
        await mails.idle();
        const mail = sent.filter((m) => m.to === to).at(-1)!;
        const link = new RegExp(`(http://127\\.0\\.0\\.1:\\d+${path}\\?t=\\S+)`).exec(mail.body)![1]!;
        await page.goto(link);
        await page.click('button:text("Continue")');
      };
      const signIn = async (page: Page, email: string) => {
        await page.goto(`${base}/member`);
        await page.fill('input[name=email]', email);
        await page.click('button[type=submit]');
        await page.waitForSelector('text=Check your mail');
        await openMailedLink(page, email, '/member/home');
        await page.waitForSelector('[data-testid=balance]');
      };
      const text = async (page: Page, sel: string) => (await page.textContent(sel))?.trim();

      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        page.setDefaultTimeout(10_000);
        await signIn(page, MEMBER);
        expect(page.url()).toBe(`${base}/member/home`);
        expect(await text(page, '[data-testid=balance]')).toBe('0');

        // Preview: Otto and Quinn would be shared; Gil, erased, is not offered.
        await page.click('button:text("Preview")');
        await page.waitForSelector('[data-testid=preview]');
        const preview = (await page.textContent('[data-testid=preview]'))!;
        expect(preview).toContain('otto.brandt@lakeside.example');
        expect(preview).toContain('quinn.abara@clientco.example');
        expect(preview).not.toContain('gil.erased');
        // Quinn works for a client: the whole domain stays out of sharing.
        await page.click('tr:has-text("quinn.abara") [data-testid=exclude-domain]');
        await page.waitForSelector('[data-testid=exclusion]');
        expect(await page.textContent('[data-testid=exclusions]')).toContain('clientco.example');

        // The scheduled harvest runs; the dashboard counts what was shared, and ClientCo is not in it.
        await runHarvest(env, [connection.id]);
        await page.goto(`${base}/member/home`);
        expect(await text(page, '[data-testid=messages-read]')).toBe('2'); // Otto's and Gil's; Quinn's not kept
        expect(await text(page, '[data-testid=contacts-found]')).toBe('1');
        expect(await text(page, '[data-testid=listed]')).toBe('1');
        expect(await text(page, '[data-testid=balance]')).toBe('60'); // 50 for the source, 10 for Otto listed
        const emails = (await t.db.selectFrom('profiles').select('email').execute()).map((r) => r.email);
        expect(emails).toEqual(['otto.brandt@lakeside.example']);

        // Directory: search for free, reveal for 5 credits once; again for free.
        await page.click('text=Search the directory');
        await page.fill('input[name=q]', 'lakeside');
        await page.click('button:text("Search")');
        await page.waitForSelector('[data-testid=hits]');
        await page.click('tr:has-text("Otto Brandt") button:text("Reveal")');
        await page.waitForSelector('[data-testid=revealed-email]');
        expect(await text(page, '[data-testid=revealed-email]')).toBe('otto.brandt@lakeside.example');
        expect(await text(page, '[data-testid=balance]')).toBe('55');
        await page.goto(`${base}/member/directory?q=lakeside`);
        await page.click('tr:has-text("Otto Brandt") button:text("Reveal")');
        await page.waitForSelector('text=Revealed before: nothing spent');
        expect(await text(page, '[data-testid=balance]')).toBe('55');

        // A member with an empty balance is refused, and nothing is spent.
        const poor = await browser.newContext();
        const poorPage = await poor.newPage();
        poorPage.setDefaultTimeout(10_000);
        await signIn(poorPage, NEWCOMER);
        await poorPage.goto(`${base}/member/directory?q=lakeside`);
        await poorPage.click('tr:has-text("Otto Brandt") button:text("Reveal")');
        await poorPage.waitForSelector('h1:text("Not revealed")');
        expect(await poorPage.textContent('main')).toContain('Nothing was spent.');
        await poor.close();

        // Otto erases himself from the privacy center; Mira, who revealed him, is told.
        const otto = await browser.newContext();
        const ottoPage = await otto.newPage();
        await ottoPage.goto(`${base}/privacy`);
        await ottoPage.fill('input[name=email]', 'otto.brandt@lakeside.example');
        await ottoPage.click('button[type=submit]');
        await ottoPage.waitForSelector('text=Check your mail');
        await openMailedLink(ottoPage, 'otto.brandt@lakeside.example', '/privacy/me');
        await ottoPage.click('text=Remove my profile');
        await ottoPage.click('button:text("Yes, remove my profile")');
        await ottoPage.waitForSelector('h1:text("Removed")');
        await otto.close();
        const told = await sendRecipientNotices(t.db, {
          transport,
          from: 'privacy@walk.test',
          publicUrl: base,
        });
        expect(told).toMatchObject([{ kind: 'erased', status: 'sent' }]);
        const notice = sent.filter((m) => m.subject === 'A contact you revealed in sigmine was erased');
        expect(notice.map((m) => m.to)).toEqual([MEMBER]);

        // Opting out asks first, with the credits it forfeits.
        await page.goto(`${base}/member/home`);
        await page.click('text=Opt out…');
        await page.waitForSelector('h1:text("Opt out of sigmine?")');
        expect(await page.textContent('[data-testid=forfeit]')).toContain('55');
        expect(await balanceOf(t.db, connection.contributorId)).toBe(55); // looking changed nothing
        await page.click('button:text("Yes, opt out")');
        await page.waitForSelector('h1:text("You have opted out")');
        expect(await balanceOf(t.db, connection.contributorId)).toBe(0);
        const after = await runHarvest(env, [connection.id]);
        expect(after.results[0]!.code).toBe('opted-out');
      } finally {
        await browser.close();
        server.close();
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
