/**
 * The member directory (issue 11, "credits buy nothing"): search listed contacts for free, reveal one's
 * e-mail and phones for credits once (a second reveal is free, an empty balance is refused), and never a
 * pending, restricted or erased person. Store functions on SQLite and PostgreSQL; the CLI on SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from './helpers/databases.ts';
import { cleanEnv, runCli } from './helpers/cli.ts';
import { ingestPage } from '../src/store/ingest.ts';
import { registerConnection } from '../src/connections/register.ts';
import { restrictPerson } from '../src/privacy/restrict.ts';
import { erasePerson } from '../src/privacy/erase.ts';
import { exportPerson } from '../src/privacy/export.ts';
import { balanceOf } from '../src/store/ledger.ts';
import { revealContact, searchDirectory } from '../src/store/member-directory.ts';
import { DEFAULT_CREDIT_POLICY } from '../src/credits/policy.ts';
import type { ObservationInput } from '../src/store/types.ts';
import { createApp } from '../src/web/app.ts';
import { createMailQueue } from '../src/web/mail-queue.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import type { OutgoingNotice } from '../src/notices/transport.ts';
import { privacyGate } from '../src/privacy/gate.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate();

const KEY = 'e'.repeat(64);
const MEMBER = 'member@contrib.example';
const POOR = 'newcomer@contrib.example';
const privacy = { secretKey: KEY, outboxDir: false as const };
/** US numbers: listed at once (no notice wait), which credits the member 10 each. */
const PEOPLE: Record<string, Record<string, string>> = {
  'pat.lee@acme-robotics.com': { name: 'Pat Lee', title: 'VP Engineering', company: 'Acme Robotics', 'phone.work': '+12125550142' },
  'sam.roe@acme-robotics.com': { name: 'Sam Roe', title: 'Buyer', company: 'Acme Robotics', 'phone.work': '+12125550177' },
  // A UK number: held pending until its notice window passed.
  'kim.hale@acme-robotics.co.uk': { name: 'Kim Hale', title: 'Sales', company: 'Acme Robotics UK', 'phone.work': '+442079460321' },
};

async function seed(t: TestDatabase) {
  const now = new Date().toISOString();
  const { connection } = await registerConnection(t.db, { contributorEmail: MEMBER, kind: 'mailbox', account: 'x', config: { path: '/x' } }, null);
  await registerConnection(t.db, { contributorEmail: POOR, kind: 'mailbox', account: 'y', config: { path: '/y' } }, null);
  const observations = Object.entries(PEOPLE).flatMap(([email, fields]) =>
    Object.entries(fields).map(([field, value]): ObservationInput => ({ email, field: field as ObservationInput['field'], value, raw: value, source: 'signature', observedAt: now })),
  );
  await t.db.transaction().execute((trx) =>
    ingestPage(trx, { connectionId: connection.id, contributorId: connection.contributorId, now, secretKey: KEY }, [{ messageKey: '<m1@x>', observations }], gate),
  );
  return connection.contributorId;
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`member directory on ${dialect}`, () => {
    let t: TestDatabase;
    let memberId: string;
    beforeEach(async () => {
      t = await freshDatabase(dialect);
      memberId = await seed(t);
    });
    afterEach(async () => t.dispose());

    it('finds listed contacts by name, title, company or domain, never pending, restricted or erased ones', async () => {
      const names = async (q: string) => (await searchDirectory(t.db, MEMBER, q)).map((h) => h.name);
      expect(await names('acme')).toEqual(['Pat Lee', 'Sam Roe']); // Kim Hale is pending
      expect(await names('vp eng')).toEqual(['Pat Lee']);
      expect(await names('acme-robotics.com')).toEqual(['Pat Lee', 'Sam Roe']);
      expect(await names('%_')).toEqual([]); // wildcards are literal
      const [hit] = await searchDirectory(t.db, MEMBER, 'Pat');
      expect(hit).toEqual({ id: expect.any(String), name: 'Pat Lee', title: 'VP Engineering', company: 'Acme Robotics', domain: 'acme-robotics.com', onFile: ['email', 'phones'] });
      expect(JSON.stringify(hit)).not.toMatch(/@|contrib|555/); // no address, phone or contributor before a reveal
      await restrictPerson(t.db, 'sam.roe@acme-robotics.com', privacy);
      expect(await names('acme')).toEqual(['Pat Lee']);
      await erasePerson(t, 'pat.lee@acme-robotics.com', 'erase', privacy);
      expect(await names('acme')).toEqual([]);
    });

    it('a reveal costs credits once, a second is free, and an empty balance is refused without spending', async () => {
      const before = await balanceOf(t.db, memberId);
      expect(before).toBe(20); // two contacts listed
      const [pat] = await searchDirectory(t.db, MEMBER, 'Pat Lee');
      const first = await revealContact(t.db, MEMBER, pat!.id);
      expect(first).toMatchObject({ email: 'pat.lee@acme-robotics.com', spent: DEFAULT_CREDIT_POLICY.reveal, balance: before - DEFAULT_CREDIT_POLICY.reveal });
      expect(first.phones.map((p) => p.e164)).toEqual(['+12125550142']);
      const again = await revealContact(t.db, MEMBER, pat!.id);
      expect(again).toMatchObject({ spent: 0, balance: before - DEFAULT_CREDIT_POLICY.reveal });
      expect(await balanceOf(t.db, memberId)).toBe(before - DEFAULT_CREDIT_POLICY.reveal);
      // The person sees how many members received their details (Art. 15(1)(c)), never which.
      const exported = await exportPerson(t.db, 'pat.lee@acme-robotics.com', privacy);
      const profile = (exported.profiles as Array<Record<string, unknown>>)[0]!;
      expect(profile.revealedTo).toEqual({ category: 'members of the directory', count: 1 });
      expect(JSON.stringify(exported)).not.toContain(MEMBER);

      await expect(revealContact(t.db, POOR, pat!.id)).rejects.toMatchObject({ code: 'insufficient-credits' });
      const kim = await t.db.selectFrom('profiles').select('id').where('email', '=', 'kim.hale@acme-robotics.co.uk').executeTakeFirstOrThrow();
      await expect(revealContact(t.db, MEMBER, kim.id)).rejects.toMatchObject({ code: 'not-found' }); // pending
      expect(await balanceOf(t.db, memberId)).toBe(before - DEFAULT_CREDIT_POLICY.reveal);
    });

    it('works on the web: search, reveal once (credits go down once), a second reveal is free, an empty balance is refused', async () => {
      const PUBLIC = 'http://members.test';
      const sent: OutgoingNotice[] = [];
      const mails = createMailQueue(silentLogger);
      const app = createApp({
        database: t,
        config: loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: KEY }),
        transport: { name: 'memory', async send(n) { sent.push(n); return { providerMessageId: 'x' }; } },
        mailQueue: mails,
      });
      const post = (path: string, body: Record<string, string>, cookie?: string) =>
        app.request(`${PUBLIC}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PUBLIC, ...(cookie ? { Cookie: cookie } : {}) },
          body: new URLSearchParams(body).toString(),
        });
      const signIn = async (email: string) => {
        await post('/member/link', { email });
        await mails.idle();
        const m = /\/member\/home\?t=(\S+)/.exec(sent.at(-1)!.body)!;
        return (await post('/member/open', { t: decodeURIComponent(m[1]!) })).headers.get('set-cookie')!.split(';')[0]!;
      };
      const cookie = await signIn(MEMBER);
      const found = await (await app.request(`${PUBLIC}/member/directory?q=acme`, { headers: { Cookie: cookie } })).text();
      expect(found).toContain('Pat Lee');
      expect(found).not.toContain('Kim Hale');
      expect(found).not.toContain('pat.lee@'); // no address before a reveal
      const id = /name="id" value="([^"]+)"/.exec(found)![1]!;
      const first = await (await post('/member/directory/reveal', { id }, cookie)).text();
      expect(first).toMatch(/data-testid="revealed-email">(pat\.lee|sam\.roe)@acme-robotics\.com</);
      expect(first).toMatch(/data-testid="balance">15</);
      const second = await (await post('/member/directory/reveal', { id }, cookie)).text();
      expect(second).toContain('Revealed before: nothing spent');
      expect(second).toMatch(/data-testid="balance">15</);
      const poor = await post('/member/directory/reveal', { id }, await signIn(POOR));
      expect(poor.status).toBe(402);
      expect(await poor.text()).toContain('Nothing was spent.');
      expect((await app.request(`${PUBLIC}/member/directory?q=acme`)).status).toBe(403); // signed-in members only
    });

    it.skipIf(dialect !== 'sqlite')('works through `sigmine directory search|reveal --json`, exit 1 with insufficient-credits', async () => {
      const env = cleanEnv({ SIGMINE_DATABASE: t.url, SIGMINE_SECRET_KEY: KEY });
      const search = await runCli(['directory', 'search', 'robotics', '--member', MEMBER, '--json'], { env });
      expect(search.code, search.stderr).toBe(0);
      const hits = search.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(hits.map((h) => h.name)).toEqual(['Pat Lee', 'Sam Roe']);
      const reveal = await runCli(['directory', 'reveal', hits[0].id, '--member', MEMBER, '--json'], { env });
      expect(reveal.code, reveal.stderr).toBe(0);
      expect(JSON.parse(reveal.stdout)).toMatchObject({ email: 'pat.lee@acme-robotics.com', spent: 5, balance: 15 });
      const poor = await runCli(['directory', 'reveal', hits[0].id, '--member', POOR, '--json'], { env });
      expect(poor.code).toBe(1);
      expect(JSON.parse(poor.stdout).error.code).toBe('insufficient-credits');
    });
  });
}
