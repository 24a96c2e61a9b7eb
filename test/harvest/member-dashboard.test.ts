/**
 * The member dashboard (issue 11 §2): each source with its state and last harvest, disconnectable on its own
 * (after a page that says what happens; credits and the other sources stay); what the member contributed
 * (messages read, contacts found, listed, pending with the day each will be listed); credits in words.
 * Real harvests of local mailbox folders, the web app through its front door, SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, noProgress } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { balanceOf } from '../../src/store/ledger.ts';
import { sendQueued } from '../../src/notices/send.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import type { NoticeTransport, OutgoingNotice } from '../../src/notices/transport.ts';
import { noticeGate } from '../../src/privacy/notice-gate.ts';
import { sameOriginForms } from '../helpers/member-web.ts';

const KEY = 'a1'.repeat(32);
const PUBLIC = 'http://members.test';
const config = loadConfig({ SIGMINE_SECRET_KEY: KEY, SIGMINE_PUBLIC_URL: PUBLIC });
const MEMBER = 'lena@studio.example';

const eml = (from: string, id: string, body: string) =>
  `From: ${from}\r\nTo: ${MEMBER}\r\nSubject: hi\r\nDate: Wed, 04 Nov 2026 11:00:00 +0000\r\nMessage-ID: <${id}@test>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\n${body.replace(/\n/g, '\r\n')}\r\n`;
/** A US number: listed at once. */
const OTTO = eml(
  'Otto Brandt <otto.brandt@lakeside.example>',
  'otto',
  'Works for me.\n\nBest,\nOtto Brandt\nPlant Manager\nLakeside Mills Inc.\nTel: +1 608 555 0199',
);
/** A German number: a notice and an objection window before listing. */
const JULE = eml(
  'Jule Kranz <jule.kranz@werkhaus.de>',
  'jule',
  'Danke!\n\nMit freundlichen Grüßen\nJule Kranz\nEinkaufsleiterin\nWerkhaus GmbH\nTel. +49 30 1234567',
);
/** Free mail: read from its headers, contributes nothing. */
const FREE = eml('Pal <pal1977@gmail.com>', 'free', 'see you');

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`the member dashboard on ${dialect}`, () => {
    let t: TestDatabase;
    let dir: string;
    let env: HarvestEnv;
    let sent: OutgoingNotice[];
    let transport: NoticeTransport;
    let app: ReturnType<typeof createApp>;
    let mails: ReturnType<typeof createMailQueue>;
    const folder = (name: string, files: Record<string, string>) => {
      const p = join(dir, name);
      mkdirSync(p, { recursive: true });
      for (const [f, text] of Object.entries(files)) writeFileSync(join(p, f), text);
      return p;
    };
    const connect = async (who: string, path: string) =>
      (
        await registerConnection(
          t.db,
          { contributorEmail: who, kind: 'mailbox', account: path, config: { path } },
          null,
        )
      ).connection;
    const { post, get } = sameOriginForms(() => app, PUBLIC);
    async function signIn(email: string): Promise<string> {
      await post('/member/link', { email });
      await mails.idle();
      const token = decodeURIComponent(/\/member\/home\?t=(\S+)/.exec(sent.at(-1)!.body)![1]!);
      return (await post('/member/open', { t: token })).headers.get('set-cookie')!.split(';')[0]!;
    }
    const figure = (html: string, id: string) => new RegExp(`data-testid="${id}">([^<]*)<`).exec(html)?.[1];

    beforeEach(async () => {
      t = await freshDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'sigmine-dashboard-'));
      env = { db: t.db, config, logger: silentLogger, progress: noProgress, holder: 'test' };
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
    });
    afterEach(async () => {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('counts what the member contributed: messages read, contacts found, listed, pending with the day each is listed', async () => {
      const c = await connect(MEMBER, folder('inbox', { '1.eml': OTTO, '2.eml': JULE, '3.eml': FREE }));
      // Another member's mail never shows in this member's figures.
      const other = await connect(
        'someone@else.example',
        folder('other', { '1.eml': OTTO.replace(/otto/g, 'x') }),
      );
      await runHarvest(env, [c.id, other.id]);
      const cookie = await signIn(MEMBER);
      const before = await (await get('/member/home', cookie)).text();
      expect(figure(before, 'messages-read')).toBe('3');
      expect(figure(before, 'contacts-found')).toBe('2');
      expect(figure(before, 'listed')).toBe('1');
      expect(figure(before, 'pending-count')).toBe('1');
      expect(before).toContain('Jule Kranz');
      expect(figure(before, 'lists-on')).toMatch(/days after its notice is sent/);
      expect(before).toMatch(/data-testid="credit-line">1 bonus for connecting a source: \+50/);
      expect(before).toContain('after its first harvest that reads something from it');

      await sendQueued(t.db, {
        gate: noticeGate,
        transport,
        policy: loadPolicy({}),
        publicUrl: PUBLIC,
        from: 'notices@x',
        now: () => new Date('2026-11-05T00:00:00Z'),
      });
      const after = await (await get('/member/home', cookie)).text();
      expect(figure(after, 'lists-on')).toMatch(/^2026-11-\d\d$/);
    });

    it('disconnects one source after saying what happens: it is not harvested again, credits and the other source stay', async () => {
      const a = await connect(MEMBER, folder('a', { '1.eml': OTTO }));
      const b = await connect(MEMBER, folder('b', { '1.eml': JULE }));
      await runHarvest(env, [a.id, b.id]);
      const balance = await balanceOf(t.db, a.contributorId);
      expect(balance).toBeGreaterThan(0);
      const cookie = await signIn(MEMBER);
      const home = await (await get('/member/home', cookie)).text();
      expect(home.match(/data-testid="disconnect"/g)).toHaveLength(2);

      const confirm = await (await get(`/member/disconnect?connection=${a.id}`, cookie)).text();
      expect(confirm).toContain('your credits and your other sources stay as they are');
      expect(
        (
          await t.db
            .selectFrom('connections')
            .select('status')
            .where('id', '=', a.id)
            .executeTakeFirstOrThrow()
        ).status,
      ).toBe('active'); // looking changes nothing
      const done = await post('/member/disconnect', { connection: a.id }, cookie);
      expect(done.status).toBe(303);
      const rows = await t.db
        .selectFrom('connections')
        .select(['id', 'status', 'secret_enc'])
        .orderBy('created_at')
        .execute();
      expect(rows.find((r) => r.id === a.id)!.status).toBe('disabled');
      expect(rows.find((r) => r.id === b.id)!.status).toBe('active');
      const rev = await t.db.selectFrom('revocations').select(['connection_id', 'status']).execute();
      expect(rev).toEqual([{ connection_id: a.id, status: 'discarded' }]);
      expect(await balanceOf(t.db, a.contributorId)).toBe(balance);
      const again = await runHarvest(env, [a.id, b.id]);
      expect(again.results.map((r) => [r.status, r.code])).toEqual([
        ['skipped', 'disabled'],
        ['ok', null],
      ]);
      const page = await (await get('/member/home?done=disconnected', cookie)).text();
      expect(page).toContain('Disconnected: nothing more is read from that source.');
      expect(page.match(/data-testid="disconnect"/g)).toHaveLength(1);

      // Someone else's source, or one already disconnected, cannot be disconnected from here.
      const stranger = await connect('someone@else.example', folder('c', {}));
      expect((await post('/member/disconnect', { connection: stranger.id }, cookie)).status).toBe(404);
      expect((await post('/member/disconnect', { connection: a.id }, cookie)).status).toBe(404);
      expect((await app.request(`${PUBLIC}/member/disconnect?connection=${b.id}`)).status).toBe(403);
    });
  });
}
