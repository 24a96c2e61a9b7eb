import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import { listContacts, showContact } from '../../src/store/directory.ts';
import { listContact } from '../../src/store/ledger.ts';
import { restrictPerson } from '../../src/privacy/restrict.ts';
import { exportPerson } from '../../src/privacy/export.ts';
import { correctField } from '../../src/privacy/correct.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { listRequests } from '../../src/privacy/requests.ts';
import { promoteDue } from '../../src/privacy/gates.ts';
import { sendQueued } from '../../src/notices/send.ts';
import { fileTransport } from '../../src/notices/transport.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import { checkEmail } from '../../src/privacy/locate.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { noticeGate } from '../../src/privacy/notice-gate.ts';
import { testPolicy, testPrivacy } from '../helpers/privacy-options.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

const run = promisify(execFile);
const CLI_KEY = 'a1'.repeat(32);
const US = 'kim.lee@acme-widgets.com';
const BR = 'joao.silva@exemplo-ltda.com.br';

/** `secretKey`: the keyring the CLI will use on the same database (null: the database's own dev secret). */
async function seed(t: TestDatabase, secretKey: string | null = null) {
  const a = await addMember(t.db, 'ann');
  const b = await addMember(t.db, 'bob');
  const kim = (id: string, date: string) =>
    signed(id, US, date, {
      name: 'Kim Lee',
      title: 'Buyer',
      company: 'Acme Widgets Inc.',
      phones: [US_PHONE],
    });
  await ingest(t.db, a, [kim('<p1@x>', '2026-09-01T00:00:00Z')], undefined, secretKey);
  await ingest(
    t.db,
    b,
    [
      kim('<p2@x>', '2026-09-15T00:00:00Z'),
      signed('<p3@x>', BR, '2026-09-15T00:00:00Z', {
        name: 'João Silva',
        title: 'Gerente',
        address: 'Av. Paulista 1000, São Paulo, Brasil',
      }),
    ],
    undefined,
    secretKey,
  );
  return { a, b };
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`privacy requests on ${dialect}`, () => {
    it('a restricted contact leaves the directory, ignores new harvests, and returns when the restriction is lifted', async () => {
      const t = await freshDatabase(dialect);
      try {
        const { a } = await seed(t);
        expect((await listContacts(t.db)).map((c) => c.email)).toEqual([US]);
        const r = await restrictPerson(t.db, US.toUpperCase(), {
          ...testPrivacy,
          now: new Date('2026-10-01T00:00:00Z'),
        });
        expect(r).toMatchObject({ profiles: 1, found: true, regime: 'us-state' });
        expect(await listContacts(t.db)).toEqual([]);
        expect((await listContacts(t.db, { status: 'restricted' })).map((c) => c.email)).toEqual([US]);
        const out = await ingest(t.db, a, [
          signed('<p9@x>', US, '2026-10-05T00:00:00Z', { title: 'Head of Purchasing' }),
        ]);
        expect(out.restrictedSkipped).toBeGreaterThan(0);
        expect((await showContact(t.db, US))?.contact.title).toBe('Buyer');
        // Listing attempts do not bring it back.
        const p = await t.db
          .selectFrom('profiles')
          .select('id')
          .where('email', '=', US)
          .executeTakeFirstOrThrow();
        await t.db.transaction().execute((trx) => listContact(trx, gate, p.id, '2026-10-06T00:00:00Z'));
        expect(await listContacts(t.db)).toEqual([]);
        await restrictPerson(t.db, US, { ...testPrivacy, lift: true, now: new Date('2026-10-10T00:00:00Z') });
        expect((await listContacts(t.db)).map((c) => [c.email, c.status])).toEqual([[US, 'listed']]);
        expect((await listRequests(t.db)).map((x) => x.kind).sort()).toEqual(['restrict', 'unrestrict']);
      } finally {
        await t.dispose();
      }
    });

    it('a restricted pending contact is not listed when its objection window passes', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        const dir = mkdtempSync(join(tmpdir(), 'sigmine-privacy-outbox-'));
        await sendQueued(t.db, {
          gate: noticeGate,
          transport: fileTransport(dir),
          policy: loadPolicy({}),
          publicUrl: 'http://x',
          from: 'p@x',
          now: () => new Date('2026-11-02T00:00:00Z'),
        });
        rmSync(dir, { recursive: true, force: true });
        await restrictPerson(t.db, BR, testPrivacy);
        const promoted = await promoteDue(
          t.db,
          (trx, id, now) => listContact(trx, gate, id, now),
          '2026-12-01T00:00:00Z',
        );
        expect(promoted).toEqual([]);
        expect((await listContacts(t.db, { status: 'restricted' })).map((c) => c.email)).toEqual([BR]);
        // Lifted before listing: back to pending, and the gate lists it on the next run.
        await restrictPerson(t.db, BR, { ...testPrivacy, lift: true });
        expect((await listContacts(t.db, { status: 'pending' })).map((c) => c.email)).toEqual([BR]);
        expect(
          await promoteDue(t.db, (trx, id, now) => listContact(trx, gate, id, now), '2026-12-01T00:00:00Z'),
        ).toHaveLength(1);
        expect((await listContacts(t.db)).map((c) => c.email).sort()).toEqual([BR, US]);
      } finally {
        await t.dispose();
      }
    });

    it('an export holds every field with provenance categories and corroboration, but never who contributed', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        const x = await exportPerson(t.db, US, { ...testPrivacy, now: new Date('2026-10-01T00:00:00Z') });
        const profile = (x.profiles as Array<Record<string, unknown>>)[0]!;
        expect(profile).toMatchObject({
          email: US,
          name: 'Kim Lee',
          title: 'Buyer',
          company: 'Acme Widgets Inc.',
          status: 'listed',
        });
        const prov = profile.provenance as Array<Record<string, unknown>>;
        expect(prov.find((p) => p.field === 'title')).toMatchObject({
          value: 'Buyer',
          source: 'signature',
          corroboration: 2,
        });
        expect(profile.jurisdictionDecisions).toMatchObject([
          { codes: ['US'], decidedBy: 'phone', evidence: [{ signal: 'phone', code: 'US' }] },
        ]);
        expect(x.notices).toMatchObject([
          { templateId: 'pre-add-notice/v3', status: 'queued', language: 'en' },
        ]);
        expect(x.processing).toMatchObject({ legalBasis: expect.stringContaining('6(1)(f)') });
        const text = JSON.stringify(x);
        for (const secret of ['u-ann', 'u-bob', 'k-ann', 'k-bob', 'members.example.org'])
          expect(text).not.toContain(secret);
        expect((await listRequests(t.db)).map((r) => r.kind)).toEqual(['export']);
      } finally {
        await t.dispose();
      }
    });

    it("a corrected field is pinned and wins over later signatures; requests carry the deadline of the person's law", async () => {
      const t = await freshDatabase(dialect);
      try {
        const { a } = await seed(t);
        const r = await correctField(t.db, BR, 'title', 'Diretor Comercial', {
          ...testPrivacy,
          now: new Date('2026-10-01T00:00:00Z'),
        });
        expect(r.profiles).toBe(1);
        expect((await showContact(t.db, BR))?.contact.title).toBe('Diretor Comercial');
        await ingest(t.db, a, [signed('<p8@x>', BR, '2026-10-20T00:00:00Z', { title: 'Estagiário' })]);
        expect((await showContact(t.db, BR))?.contact.title).toBe('Diretor Comercial');
        await correctField(t.db, BR, 'phones', '+55 11 3000-1000, +55 11 98765-4321', testPrivacy);
        expect((await showContact(t.db, BR))?.contact.phones.map((p) => p.e164)).toEqual([
          '+551130001000',
          '+5511987654321',
        ]);
        const [req] = (await listRequests(t.db)).filter((x) => x.receivedAt.startsWith('2026-10-01'));
        expect(req).toMatchObject({
          kind: 'correct',
          regime: 'lgpd',
          dueAt: '2026-10-16T00:00:00.000Z',
          status: 'completed',
        });
        await expect(correctField(t.db, BR, 'contributor', 'x', testPrivacy)).rejects.toMatchObject({
          code: 'bad-input',
        });
        // Free text is not pinned as a phone or an address (members pay to reveal those), and nothing changes.
        for (const [field, v] of [
          ['phones', 'not a phone'],
          ['phones', '+55 11 3000-1000, call me'],
          ['emails', 'vendas at exemplo'],
        ] as const)
          await expect(correctField(t.db, BR, field, v, testPrivacy), v).rejects.toMatchObject({
            code: 'bad-input',
          });
        expect((await showContact(t.db, BR))?.contact.phones.map((p) => p.e164)).toEqual([
          '+551130001000',
          '+5511987654321',
        ]);
        await expect(correctField(t.db, 'not-an-email', 'title', 'x', testPrivacy)).rejects.toMatchObject({
          code: 'bad-input',
        });
      } finally {
        await t.dispose();
      }
    });

    it("a correction cannot pin an erased person's address, in any field, without saying why", async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        await erasePerson(t, US, 'erase', testPrivacy);
        await erasePerson(t, 'jdoe@gmail.com', 'erase', testPrivacy);
        // One correction at a time, each awaited as it runs (started together, a refusal could go unhandled).
        const refused = [
          () => correctField(t.db, BR, 'emails', [BR, US.toUpperCase()], testPrivacy),
          () => correctField(t.db, BR, 'websites', `mailto:${US}`, testPrivacy),
          () => correctField(t.db, BR, 'social', 'Skype: j.doe+work@googlemail.com', testPrivacy),
          () => correctField(t.db, BR, 'address', `Rua A 1, São Paulo (write to ${US})`, testPrivacy),
        ];
        for (const correct of refused) {
          const err = await correct().then(
            () => null,
            (e: unknown) => e as { code: string; message: string },
          );
          expect(err).toMatchObject({ code: 'bad-input' });
          expect(err!.message).toContain('cannot be added');
          expect(err!.message).not.toMatch(/eras|object|suppress/i);
        }
        // Nothing was pinned: the profile still shows only its own address.
        const shown = (await showContact(t.db, BR))!.contact;
        expect(shown.emails).not.toContain(US);
        expect(JSON.stringify(shown)).not.toContain('mailto');
        // Addresses of people who did not erase are pinned as before.
        await correctField(t.db, BR, 'emails', [BR, 'vendas@exemplo-ltda.com.br'], testPrivacy);
        expect((await showContact(t.db, BR))!.contact.emails).toContain('vendas@exemplo-ltda.com.br');
      } finally {
        await t.dispose();
      }
    });
  });
}

describe('privacy and notices on the command line', () => {
  it('sigmine notices send/list/bounce and privacy restrict/erase work on a database file', async () => {
    const t = await freshDatabase('sqlite');
    const outbox = mkdtempSync(join(tmpdir(), 'sigmine-cli-outbox-'));
    // The library gets the key the CLI reads from its environment: one key for both sides.
    try {
      await seed(t, CLI_KEY);
      await ingest(
        t.db,
        await addMember(t.db, 'cy'),
        [
          signed('<c1@x>', 'eva.klein@firma-example.de', '2026-09-01T00:00:00Z', {
            name: 'Eva Klein',
            phones: [DE_PHONE],
          }),
        ],
        undefined,
        CLI_KEY,
      );
      const env = {
        ...process.env,
        SIGMINE_SECRET_KEY: CLI_KEY,
        SIGMINE_DATABASE: t.url,
        SIGMINE_NOTICE_OUTBOX: outbox,
        SIGMINE_PUBLIC_URL: 'https://privacy.example.net',
      };
      const cli = (...args: string[]) =>
        run(process.execPath, ['bin/sigmine.js', ...args], { env, cwd: process.cwd() });

      const sent = await cli('notices', 'send', '--json');
      const events = sent.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(events.filter((e) => e.event === 'notice' && e.status === 'sent')).toHaveLength(3);
      const list = (await cli('notices', 'list', '--status', 'sent', '--json')).stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, string>);
      const eva = list.find((n) => n.recipient === 'eva.klein@firma-example.de')!;
      expect(eva).toMatchObject({ status: 'sent', language: 'de', transport: 'file' });
      const bounced = JSON.parse(
        (await cli('notices', 'bounce', '--provider-id', eva.providerMessageId!, '--json')).stdout,
      );
      expect(bounced).toEqual({ noticeId: eva.id, status: 'bounced', contact: 'pending' });

      expect(JSON.parse((await cli('privacy', 'restrict', US, '--json')).stdout)).toMatchObject({
        profiles: 1,
      });
      expect((await listContacts(t.db, { status: 'restricted' })).map((c) => c.email)).toEqual([US]);
      expect(readdirSync(outbox)).toHaveLength(3);
      expect(JSON.parse((await cli('privacy', 'erase', US, '--json')).stdout)).toMatchObject({
        profilesDeleted: 1,
        scrub: 'wal-checkpoint',
        outboxFilesRemoved: 1,
      });
      expect(
        readdirSync(outbox)
          .map((f) => readFileSync(join(outbox, f), 'utf8'))
          .join('\n'),
      ).not.toContain(US);
      expect(await listContacts(t.db, { status: 'all' }).then((l) => l.map((c) => c.email))).not.toContain(
        US,
      );
      expect((await listRequests(t.db)).map((r) => r.kind).sort()).toEqual(['erase', 'restrict']);
    } finally {
      await t.dispose();
      rmSync(outbox, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('checkEmail takes exactly one bare address', () => {
  it('accepts ordinary addresses, lower-cased', () => {
    expect(checkEmail(' Jo.Doe+x@Sub.Acme.Example ')).toBe('jo.doe+x@sub.acme.example');
  });
  it.each([
    'a@b.example,c@d.example',
    'a@b.example;c@d.example',
    '"a"@b.example',
    'Jo <jo@b.example>',
    'jo@b.example>',
    '(x)jo@b.example',
    'jo@b.example(x)',
    'a b@c.example',
    'a@b..example',
    'a@.b.example',
    'a@b.example.',
    'a@[192.0.2.1]',
    'a@b.example\nBcc: c@d.example',
    `${'x'.repeat(65)}@b.example`,
  ])('refuses %j', (e) => {
    expect(() => checkEmail(e)).toThrow(/not an email address/);
  });
});
