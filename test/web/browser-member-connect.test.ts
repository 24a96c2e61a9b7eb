/**
 * The rest of the member walk (issue 11, "done when"), in a real browser: a member connects their Gmail from
 * the account page (the consent round trip through a local Google that speaks Google's OAuth and Gmail wire
 * formats, test/fakes/google-server.ts), the scheduled harvest reads it, notices go out in German and in
 * French, and each person then finds the privacy center, its link mail and their profile in their notice's
 * language, although their browser asks for English. Debian Chromium through playwright-core; SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { freshDatabase } from '../helpers/databases.ts';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { startGoogleServer, type FakeMessage, type GoogleServer } from '../fakes/google-server.ts';
import { createApp } from '../../src/web/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { silentLogger, noProgress } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { sendQueued } from '../../src/notices/send.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import type { OutgoingNotice } from '../../src/notices/transport.ts';
import { noticeGate } from '../../src/privacy/notice-gate.ts';

const KEY = 'c3'.repeat(32);
const MEMBER = 'lena@atelier.example';

/** A reply with a signature, as a Gmail message (newest first does not matter: two messages). */
const signed = (from: string, id: string, signature: string): FakeMessage => ({
  headers: [
    ['From', from],
    ['To', MEMBER],
    ['Subject', 'Angebot / offre'],
    ['Date', 'Mon, 02 Nov 2026 10:00:00 +0000'],
    ['Message-ID', `<${id}@connect.test>`],
  ],
  text: `Einverstanden / d'accord.\n\n${signature}`,
});

let g: GoogleServer;
beforeAll(async () => {
  g = await startGoogleServer();
  g.addUser(MEMBER);
  g.setConsentUser(MEMBER);
  g.addMessage(
    MEMBER,
    signed(
      'Hans Weber <hans.weber@muster-gmbh.de>',
      'hw',
      'Mit freundlichen Grüßen\nHans Weber\nEinkaufsleiter\nMuster GmbH\nTel: +49 30 1234 5678',
    ),
  );
  g.addMessage(
    MEMBER,
    signed(
      'Claire Martin <claire.martin@exemple-sa.fr>',
      'cm',
      'Cordialement,\nClaire Martin\nDirectrice commerciale\nExemple SA\nTél : +33 1 42 68 53 00',
    ),
  );
});
afterAll(() => g.close());

describe.skipIf(!chromiumAvailable())('connecting a source and reading in your own language', () => {
  it(
    'a member connects Gmail from the page; people whose notice was German or French read the privacy center in it',
    { timeout: 90_000 },
    async () => {
      const t = await freshDatabase('sqlite');
      const sent: OutgoingNotice[] = [];
      const transport = {
        name: 'memory',
        async send(n: OutgoingNotice) {
          sent.push(n);
          return { providerMessageId: `<${sent.length}@connect>` };
        },
      };
      let app: ReturnType<typeof createApp> | null = null;
      const server = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: '127.0.0.1' });
      await new Promise((r) => server.once('listening', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const config = loadConfig({ ...g.env(), SIGMINE_PUBLIC_URL: base, SIGMINE_SECRET_KEY: KEY });
      const mails = createMailQueue(silentLogger);
      app = createApp({ database: t, config, transport, mailQueue: mails });
      const env = { db: t.db, config, logger: silentLogger, progress: noProgress, holder: 'connect' };

      /** Follows the newest link mailed to `to` and presses the landing page's one button. */
      const openMailedLink = async (page: Page, to: string, path: string, button: string) => {
        await mails.idle();
        const mail = sent.filter((m) => m.to === to).at(-1)!;
        const link = new RegExp(`(http://127\\.0\\.0\\.1:\\d+${path}\\?t=\\S+)`).exec(mail.body)![1]!;
        await page.goto(link);
        await page.click(`button:text("${button}")`);
        return mail;
      };

      let browser: Browser | null = null;
      try {
        browser = await launchChromium();
        const member = await browser.newContext({ locale: 'en-US' });
        const page = await member.newPage();
        page.setDefaultTimeout(10_000);
        await page.goto(`${base}/member`);
        await page.fill('input[name=email]', MEMBER);
        await page.click('button[type=submit]');
        await page.waitForSelector('text=Check your mail');
        await openMailedLink(page, MEMBER, '/member/home', 'Continue');
        await page.waitForSelector('[data-testid=balance]');

        // Connect Google: the browser goes to Google's consent page and comes back to our callback.
        await page.selectOption('form[action="/member/connect/google"] select[name=kind]', 'gmail');
        await page.click('button:text("Connect Google")');
        await page.waitForURL(`${base}/member/home?done=connected`);
        expect(await page.textContent('main')).toContain(
          'Connected. The next scheduled harvest picks it up.',
        );
        const conns = await t.db
          .selectFrom('connections')
          .select(['id', 'kind', 'account', 'status'])
          .execute();
        expect(conns).toMatchObject([{ kind: 'gmail', account: MEMBER, status: 'active' }]);
        expect(await page.textContent('main')).toContain(MEMBER);
        // The consent page was asked for read-only Gmail, for this member, with PKCE.
        const consent = g.requests.find((r) => r.path === '/o/oauth2/v2/auth')!;
        expect(consent.query).toMatchObject({
          scope: 'https://www.googleapis.com/auth/gmail.readonly',
          login_hint: MEMBER,
          code_challenge_method: 'S256',
        });

        // The scheduled harvest reads the new source; the bonus is paid once it worked.
        const run = await runHarvest(env, [conns[0]!.id]);
        expect(run.results[0]!.code).toBeNull();
        await page.goto(`${base}/member/home`);
        expect(await page.textContent('[data-testid=messages-read]')).toBe('2');
        expect(await page.textContent('[data-testid=contacts-found]')).toBe('2');
        expect(await page.textContent('[data-testid=balance]')).toBe('50');

        // Notices go out, each in the language its person's country is written to.
        const out = await sendQueued(t.db, {
          gate: noticeGate,
          transport,
          policy: loadPolicy({}),
          publicUrl: base,
          from: 'privacy@connect.test',
        });
        expect(out.map((o) => o.status)).toEqual(['sent', 'sent']);
        const noticeTo = (to: string) => sent.find((m) => m.to === to && m.templateId !== undefined)!;
        expect(noticeTo('hans.weber@muster-gmbh.de').language).toBe('de');
        expect(noticeTo('claire.martin@exemple-sa.fr').language).toBe('fr');

        const visit = async (
          email: string,
          lang: string,
          expected: RegExp[],
          button: string,
          subject: string,
        ) => {
          const person = await browser!.newContext({ locale: 'en-US' });
          try {
            const p = await person.newPage();
            p.setDefaultTimeout(10_000);
            await p.goto(`${base}/privacy`);
            // Before we know who asks, the browser's language: nothing says whether we hold the address.
            expect(await p.getAttribute('html', 'lang')).toBe('en');
            await p.fill('input[name=email]', email);
            await p.click('button[type=submit]');
            await p.waitForSelector('text=Check your mail');
            const mail = await openMailedLink(p, email, '/privacy/me', button);
            expect(mail.subject).toBe(subject);
            await p.waitForSelector(`text=${email}`);
            expect(await p.getAttribute('html', 'lang')).toBe(lang);
            const main = (await p.textContent('main'))!;
            for (const re of expected) expect(main).toMatch(re);
            expect(main).not.toContain('What sigmine holds about');
            if (lang === 'de') {
              // The confirmation and the page after it speak German too.
              await p.click('text=Mein Profil löschen…');
              await p.waitForSelector('h1:text("Ihr Profil löschen?")');
              await p.click('button:text("Ja, mein Profil löschen")');
              await p.waitForSelector('h1:text("Gelöscht")');
              expect(await p.getAttribute('html', 'lang')).toBe('de');
            }
          } finally {
            await person.close();
          }
        };
        await visit(
          'hans.weber@muster-gmbh.de',
          'de',
          GERMAN,
          'Weiter',
          'Ihr Link zum sigmine-Datenschutzcenter',
        );
        await visit(
          'claire.martin@exemple-sa.fr',
          'fr',
          FRENCH,
          'Continuer',
          'Votre lien vers le centre de confidentialité sigmine',
        );
      } finally {
        await browser?.close();
        server.close();
        await t.dispose();
      }
    },
  );
});

/** What a German reader sees: whose page it is, and that the profile waits for the objection window. */
const GERMAN = [
  /Was sigmine über hans\.weber@muster-gmbh\.de speichert/,
  /Ihr Hinweis wurde verschickt; wenn Sie nicht widersprechen, werden Sie am \d{4}-\d\d-\d\d veröffentlicht\./,
  /Mein Profil löschen/i,
];
const FRENCH = [
  /Ce que sigmine détient sur claire\.martin@exemple-sa\.fr/,
  /Votre information a été envoyée ; sauf opposition de votre part, vous serez publié le \d{4}-\d\d-\d\d\./,
  /Supprimer mon profil/,
];
