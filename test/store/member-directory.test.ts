/**
 * The member directory (issue 11, "credits buy nothing"): search listed contacts for free, reveal one's
 * e-mail and phones for credits once (a second reveal is free, an empty balance is refused), and never a
 * pending, restricted or erased person. Store functions on SQLite and PostgreSQL; the CLI on SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { restrictPerson } from '../../src/privacy/restrict.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { exportPerson } from '../../src/privacy/export.ts';
import { balanceOf } from '../../src/store/ledger.ts';
import { revealContact, searchDirectory } from '../../src/store/member-directory.ts';
import { directoryMember } from '../../src/connections/repository.ts';
import { DEFAULT_CREDIT_POLICY } from '../../src/credits/policy.ts';
import type { ObservationInput } from '../../src/store/types.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import type { NoticeTransport, OutgoingNotice } from '../../src/notices/transport.ts';
import { correctField } from '../../src/privacy/correct.ts';
import { sendRecipientNotices } from '../../src/notices/recipient-notices.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { testPolicy, testPrivacy } from '../helpers/privacy-options.ts';
import { memberWeb, sameOriginForms } from '../helpers/member-web.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

const KEY = 'e'.repeat(64);
const MEMBER = 'member@contrib.example';
const POOR = 'newcomer@contrib.example';
const privacy = { secretKey: KEY, policy: testPolicy, outboxDir: false as const };
/** US numbers: listed at once (no notice wait), which credits the member 10 each. */
const PEOPLE: Record<string, Record<string, string>> = {
  'pat.lee@acme-robotics.com': {
    name: 'Pat Lee',
    title: 'VP Engineering',
    company: 'Acme Robotics',
    'phone.work': '+12125550142',
  },
  'sam.roe@acme-robotics.com': {
    name: 'Sam Roe',
    title: 'Buyer',
    company: 'Acme Robotics',
    'phone.work': '+12125550177',
  },
  // A UK number: held pending until its notice window passed.
  'kim.hale@acme-robotics.co.uk': {
    name: 'Kim Hale',
    title: 'Sales',
    company: 'Acme Robotics UK',
    'phone.work': '+442079460321',
  },
};

async function seed(t: TestDatabase) {
  const now = new Date().toISOString();
  const { connection } = await registerConnection(
    t.db,
    { contributorEmail: MEMBER, kind: 'mailbox', account: 'x', config: { path: '/x' } },
    null,
  );
  await registerConnection(
    t.db,
    { contributorEmail: POOR, kind: 'mailbox', account: 'y', config: { path: '/y' } },
    null,
  );
  const observations = Object.entries(PEOPLE).flatMap(([email, fields]) =>
    Object.entries(fields).map(([field, value]): ObservationInput => ({
      email,
      field: field as ObservationInput['field'],
      value,
      raw: value,
      source: 'signature',
      observedAt: now,
    })),
  );
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
      const names = async (q: string) =>
        (await searchDirectory(t.db, await directoryMember(t.db, MEMBER), q)).map((h) => h.name);
      expect(await names('acme')).toEqual(['Pat Lee', 'Sam Roe']); // Kim Hale is pending
      expect(await names('vp eng')).toEqual(['Pat Lee']);
      expect(await names('acme-robotics.com')).toEqual(['Pat Lee', 'Sam Roe']);
      expect(await names('%_')).toEqual([]); // wildcards are literal
      const [hit] = await searchDirectory(t.db, await directoryMember(t.db, MEMBER), 'Pat');
      expect(hit).toEqual({
        id: expect.any(String),
        name: 'Pat Lee',
        title: 'VP Engineering',
        company: 'Acme Robotics',
        domain: 'acme-robotics.com',
        onFile: ['email', 'phones'],
        revealed: false,
      });
      expect(JSON.stringify(hit)).not.toMatch(/@|contrib|555/); // no address, phone or contributor before a reveal
      await restrictPerson(t.db, 'sam.roe@acme-robotics.com', privacy);
      expect(await names('acme')).toEqual(['Pat Lee']);
      await erasePerson(t, 'pat.lee@acme-robotics.com', 'erase', privacy);
      expect(await names('acme')).toEqual([]);
    });

    it('a reveal costs credits once, a second is free, and an empty balance is refused without spending', async () => {
      const before = await balanceOf(t.db, memberId);
      expect(before).toBe(20); // two contacts listed
      const [pat] = await searchDirectory(t.db, await directoryMember(t.db, MEMBER), 'Pat Lee');
      expect(pat!.revealed).toBe(false);
      const first = await revealContact(t.db, await directoryMember(t.db, MEMBER), pat!.id);
      expect(first).toMatchObject({
        email: 'pat.lee@acme-robotics.com',
        spent: DEFAULT_CREDIT_POLICY.reveal,
        balance: before - DEFAULT_CREDIT_POLICY.reveal,
      });
      expect(first.phones.map((p) => p.e164)).toEqual(['+12125550142']);
      const again = await revealContact(t.db, await directoryMember(t.db, MEMBER), pat!.id);
      expect(again).toMatchObject({ spent: 0, balance: before - DEFAULT_CREDIT_POLICY.reveal });
      expect(await balanceOf(t.db, memberId)).toBe(before - DEFAULT_CREDIT_POLICY.reveal);
      // The search says what this member revealed before (free to show again), and only to them.
      expect((await searchDirectory(t.db, await directoryMember(t.db, MEMBER), 'Pat Lee'))[0]!.revealed).toBe(
        true,
      );
      expect((await searchDirectory(t.db, await directoryMember(t.db, POOR), 'Pat Lee'))[0]!.revealed).toBe(
        false,
      );
      // The person sees how many members received their details (Art. 15(1)(c)), never which.
      const exported = await exportPerson(t.db, 'pat.lee@acme-robotics.com', privacy);
      const profile = (exported.profiles as Array<Record<string, unknown>>)[0]!;
      expect(profile.revealedTo).toEqual({ category: 'members of the directory', count: 1 });
      expect(JSON.stringify(exported)).not.toContain(MEMBER);

      await expect(revealContact(t.db, await directoryMember(t.db, POOR), pat!.id)).rejects.toMatchObject({
        code: 'insufficient-credits',
      });
      const kim = await t.db
        .selectFrom('profiles')
        .select('id')
        .where('email', '=', 'kim.hale@acme-robotics.co.uk')
        .executeTakeFirstOrThrow();
      await expect(revealContact(t.db, await directoryMember(t.db, MEMBER), kim.id)).rejects.toMatchObject({
        code: 'not-found',
      }); // pending
      expect(await balanceOf(t.db, memberId)).toBe(before - DEFAULT_CREDIT_POLICY.reveal);
    });

    it('a correction and then an erasure are told to each member who revealed the person, in a mail of their own (GDPR Art. 19)', async () => {
      const pat = (await searchDirectory(t.db, await directoryMember(t.db, MEMBER), 'pat lee'))[0]!;
      // A second member with credits of their own reveals Pat too; Sam is revealed by the first only.
      await t.db
        .insertInto('ledger_entries')
        .values({
          id: 'grant-poor',
          contributor_id: (
            await t.db
              .selectFrom('contributors')
              .select('id')
              .where('email', '=', POOR)
              .executeTakeFirstOrThrow()
          ).id,
          kind: 'connection-bonus',
          amount: 50,
          idempotency_key: 'grant:poor',
          connection_id: null,
          profile_id: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      await revealContact(t.db, await directoryMember(t.db, MEMBER), pat.id);
      await revealContact(t.db, await directoryMember(t.db, POOR), pat.id);
      await revealContact(
        t.db,
        await directoryMember(t.db, MEMBER),
        (await searchDirectory(t.db, await directoryMember(t.db, MEMBER), 'sam roe'))[0]!.id,
      );
      const page = await exportPerson(t.db, 'pat.lee@acme-robotics.com', {
        ...testPrivacy,
        ...privacy,
        record: false,
      });
      expect((page.profiles as Array<{ revealedTo: unknown }>)[0]!.revealedTo).toEqual({
        category: 'members of the directory',
        count: 2,
      });
      await correctField(t.db, 'pat.lee@acme-robotics.com', 'title', 'CTO', privacy);
      await correctField(t.db, 'pat.lee@acme-robotics.com', 'phones', '+12125550199', privacy);
      const sent: OutgoingNotice[] = [];
      const transport: NoticeTransport = {
        name: 'memory',
        async send(n) {
          sent.push(n);
          return { providerMessageId: `<${sent.length}@t>` };
        },
      };
      const send = () =>
        sendRecipientNotices(t.db, {
          transport,
          from: 'privacy@example.net',
          publicUrl: 'https://sigmine.example',
        });
      expect((await send()).map((r) => [r.kind, r.status])).toEqual([
        ['rectified', 'sent'],
        ['rectified', 'sent'],
      ]);
      expect(sent.map((m) => m.to).sort()).toEqual([MEMBER, POOR]);
      for (const m of sent) {
        expect(m.subject).toBe('A contact you revealed in sigmine was corrected');
        expect(m.body).toContain('Pat Lee <pat.lee@acme-robotics.com>');
        expect(m.body).toContain('corrected their title, phones');
        expect(m.body).not.toContain(m.to === MEMBER ? POOR : MEMBER); // no other member named
      }
      expect(await send()).toEqual([]); // told once
      sent.length = 0;
      await erasePerson(t, 'pat.lee@acme-robotics.com', 'erase', privacy);
      expect((await send()).map((r) => r.kind)).toEqual(['erased', 'erased']);
      expect(sent.map((m) => m.to).sort()).toEqual([MEMBER, POOR]);
      expect(sent[0]!.subject).toBe('A contact you revealed in sigmine was erased');
      expect(sent[0]!.body).toContain('Please delete the copy you got from sigmine');
      // Sent: the rows no longer hold the erased person's name or address.
      const left = await t.db
        .selectFrom('recipient_notices')
        .select(['contact_name', 'contact_email', 'status'])
        .execute();
      expect(left).toHaveLength(4);
      expect(
        left.every((r) => r.contact_name === null && r.contact_email === null && r.status === 'sent'),
      ).toBe(true);
      // Nobody revealed Kim: her erasure tells no one.
      await erasePerson(t, 'kim.hale@acme-robotics.co.uk', 'erase', privacy);
      expect(await send()).toEqual([]);
    });

    it('a person who erases from the privacy center: the member who revealed them gets a mail saying so at the next notices send', async () => {
      const PUBLIC = 'http://privacy.test';
      const sent: OutgoingNotice[] = [];
      const transport: NoticeTransport = {
        name: 'memory',
        async send(n) {
          sent.push(n);
          return { providerMessageId: `<${sent.length}@t>` };
        },
      };
      const mails = createMailQueue(silentLogger);
      const app = createApp({
        database: t,
        config: loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: KEY }),
        transport,
        mailQueue: mails,
      });
      const { post } = sameOriginForms(app, PUBLIC);
      await revealContact(
        t.db,
        await directoryMember(t.db, MEMBER),
        (await searchDirectory(t.db, await directoryMember(t.db, MEMBER), 'sam roe'))[0]!.id,
      );
      await post('/privacy/link', { email: 'sam.roe@acme-robotics.com' });
      await mails.idle();
      const token = decodeURIComponent(/\/privacy\/me\?t=(\S+)/.exec(sent.at(-1)!.body)![1]!);
      const cookie = (await post('/privacy/open', { t: token })).headers.get('set-cookie')!.split(';')[0]!;
      const me = await (await app.request(`${PUBLIC}/privacy/me`, { headers: { Cookie: cookie } })).text();
      expect(me).toContain('1 member(s) of the directory revealed your e-mail address and phones.');
      expect(me).toContain('we tell each member who revealed it (GDPR Art. 19)');
      expect((await post('/privacy/erase', {}, cookie)).status).toBe(200);
      sent.length = 0;
      const told = await sendRecipientNotices(t.db, {
        transport,
        from: 'privacy@privacy.test',
        publicUrl: PUBLIC,
      });
      expect(told).toMatchObject([{ kind: 'erased', status: 'sent' }]);
      expect(sent.map((m) => [m.to, m.subject])).toEqual([
        [MEMBER, 'A contact you revealed in sigmine was erased'],
      ]);
      expect(sent[0]!.body).toContain('Sam Roe <sam.roe@acme-robotics.com>');
    });

    it('the member page says in words what credits were earned and spent, and how credits work', async () => {
      const { PUBLIC, app, signIn } = memberWeb(t, KEY);
      const cookie = await signIn(MEMBER);
      await revealContact(
        t.db,
        await directoryMember(t.db, MEMBER),
        (await searchDirectory(t.db, await directoryMember(t.db, MEMBER), 'pat lee'))[0]!.id,
      );
      const html = await (await app.request(`${PUBLIC}/member/home`, { headers: { Cookie: cookie } })).text();
      const lines = [...html.matchAll(/data-testid="credit-line">([^<]*)</g)].map((m) => m[1]);
      const p = DEFAULT_CREDIT_POLICY;
      expect(lines).toEqual([
        `2 contacts you supplied were listed: +${2 * p.contactListed} credit(s)`,
        `1 contact revealed in the directory: -${p.reveal} credit(s)`,
      ]);
      expect(html).toContain(`-${p.reveal} to reveal a listed contact`);
      expect(html).toContain(`+${p.contactListed} for each business contact you supplied`);
      expect(html).not.toMatch(/<td>contact-listed<\/td>/);
    });

    it('works on the web: search, reveal once (credits go down once), a second reveal is free, an empty balance is refused', async () => {
      const { PUBLIC, app, post, signIn } = memberWeb(t, KEY);
      const cookie = await signIn(MEMBER);
      const found = await (
        await app.request(`${PUBLIC}/member/directory?q=acme`, { headers: { Cookie: cookie } })
      ).text();
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

    it.skipIf(dialect !== 'sqlite')(
      'works through `sigmine directory search|reveal --json`, exit 1 with insufficient-credits',
      async () => {
        const env = cleanEnv({ SIGMINE_DATABASE: t.url, SIGMINE_SECRET_KEY: KEY });
        const search = await runCli(['directory', 'search', 'robotics', '--member', MEMBER, '--json'], {
          env,
        });
        expect(search.code, search.stderr).toBe(0);
        const hits = search.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        expect(hits.map((h) => h.name)).toEqual(['Pat Lee', 'Sam Roe']);
        const reveal = await runCli(['directory', 'reveal', hits[0].id, '--member', MEMBER, '--json'], {
          env,
        });
        expect(reveal.code, reveal.stderr).toBe(0);
        expect(JSON.parse(reveal.stdout)).toMatchObject({
          email: 'pat.lee@acme-robotics.com',
          spent: 5,
          balance: 15,
        });
        const poor = await runCli(['directory', 'reveal', hits[0].id, '--member', POOR, '--json'], { env });
        expect(poor.code).toBe(1);
        expect(JSON.parse(poor.stdout).error.code).toBe('insufficient-credits');
      },
    );
  });
}
