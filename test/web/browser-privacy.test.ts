import { describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { freshDatabase } from '../helpers/databases.ts';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { createApp } from '../../src/web/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import type { OutgoingNotice } from '../../src/notices/transport.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { silentLogger } from '../../src/log.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { testPolicy } from '../helpers/privacy-options.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

const KEY = 'd'.repeat(64);

describe.skipIf(!chromiumAvailable())('privacy center in a real browser', () => {
  it('a person asks for a link, corrects their title, then removes their profile', async () => {
    const t = await freshDatabase('sqlite');
    const sent: OutgoingNotice[] = [];
    const transport = {
      name: 'memory',
      async send(n: OutgoingNotice) {
        sent.push(n);
        return { providerMessageId: 'x' };
      },
    };
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
    await t.db.transaction().execute((trx) =>
      ingestPage(
        trx,
        { connectionId: 'c1', contributorId: 'm1', now, secretKey: KEY },
        [
          {
            messageKey: '<a@b>',
            observations: [
              {
                email: 'grace@compilers.example.com',
                field: 'name',
                value: 'Grace Hopper',
                raw: 'Grace Hopper',
                source: 'signature',
                observedAt: now,
              },
              {
                email: 'grace@compilers.example.com',
                field: 'title',
                value: 'Rear Admiral',
                raw: 'Rear Admiral',
                source: 'signature',
                observedAt: now,
              },
            ],
          },
        ],
        gate,
      ),
    );
    // The public URL must be where the browser reaches the server: listen first, then build the app.
    let app: ReturnType<typeof createApp> | null = null;
    const server = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const mails = createMailQueue(silentLogger);
    app = createApp({
      database: t,
      config: loadConfig({ SIGMINE_PUBLIC_URL: base, SIGMINE_SECRET_KEY: KEY }),
      transport,
      mailQueue: mails,
    });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // The Content-Security-Policy must not block anything our own pages use.
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      await page.goto(`${base}/privacy`);
      await page.fill('input[name=email]', 'grace@compilers.example.com');
      await page.click('button[type=submit]');
      await page.waitForSelector('text=Check your mail');
      await mails.idle();
      expect(sent).toHaveLength(1);
      const link = /(http:\/\/127\.0\.0\.1:\d+\/privacy\/me\?t=\S+)/.exec(sent[0]!.body)![1]!;

      await page.goto(link);
      await page.click('button:text("Continue")');
      await page.waitForSelector('[data-field=title]');
      // The token was exchanged for a session cookie: it is no longer in the address bar.
      expect(page.url()).toBe(`${base}/privacy/me`);
      expect(await page.textContent('[data-field=title]')).toBe('Rear Admiral');
      // The stylesheet applied (served from our origin, allowed by the policy).
      expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none');
      await page.selectOption('select[name=field]', 'title');
      await page.fill('input[name=value]', 'Computer Scientist');
      await page.click('text=Save correction');
      await page.waitForSelector('.flash');
      expect(await page.textContent('[data-field=title]')).toBe('Computer Scientist');

      // Removal asks first, on a page that says what will happen.
      await page.click('text=Remove my profile');
      await page.waitForSelector('h1:text("Remove your profile?")');
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(1);
      await page.click('button:text("Yes, remove my profile")');
      await page.waitForSelector('h1:text("Removed")');
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
      // The session ended with the erasure, and the link works only once.
      await page.goto(`${base}/privacy/me`);
      expect(await page.textContent('main')).toContain('This link has expired');
      await page.goto(link);
      await page.click('button:text("Continue")');
      // Refused: the erasure revoked it (and it was used once already).
      await page.waitForSelector('h1:text("This link has expired")');
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
      server.close();
      await t.dispose();
    }
  });
});
