import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import { listContacts } from '../../src/store/directory.ts';
import { listContact } from '../../src/store/ledger.ts';
import { balanceOf } from '../../src/store/ledger.ts';
import { listNotices } from '../../src/notices/outbox.ts';
import { recordBounce, requeueNotice, sendQueued } from '../../src/notices/send.ts';
import { readDsn } from '../../src/notices/dsn.ts';
import { fileTransport, type NoticeTransport } from '../../src/notices/transport.ts';
import { LANGUAGES, renderNotice, templateHash } from '../../src/notices/templates.ts';
import { controllerLines, missingControllerDetails } from '../../src/notices/controller.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import { promoteDue } from '../../src/privacy/gates.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { noticeGate } from '../../src/privacy/notice-gate.ts';
import { testPolicy, testPrivacy } from '../helpers/privacy-options.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

const policy = loadPolicy({});

/** A Postfix-style RFC 3464 bounce for the message `messageId`. */
function dsn(messageId: string, action: string, status: string): string {
  return [
    'From: MAILER-DAEMON@mx.beispiel-gmbh.de (Mail Delivery System)',
    'To: privacy@example.net',
    'Subject: Undelivered Mail Returned to Sender',
    'Message-ID: <20261102000501.ABC123@mx.beispiel-gmbh.de>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain',
    '',
    "I'm sorry to have to inform you that your message could not be delivered.",
    '',
    '--B',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.beispiel-gmbh.de',
    '',
    'Final-Recipient: rfc822; anna.schmidt@beispiel-gmbh.de',
    `Action: ${action}`,
    `Status: ${status}`,
    'Diagnostic-Code: smtp; 550 5.1.1 <anna.schmidt@beispiel-gmbh.de>: Recipient address rejected',
    '',
    '--B',
    'Content-Type: text/rfc822-headers',
    '',
    'From: privacy@example.net',
    'To: anna.schmidt@beispiel-gmbh.de',
    `Message-ID: ${messageId}`,
    '--B--',
    '',
  ].join('\r\n');
}
const outboxes: string[] = [];
afterAll(() => outboxes.forEach((d) => rmSync(d, { recursive: true, force: true })));

function outbox(): string {
  const d = mkdtempSync(join(tmpdir(), 'sigmine-outbox-'));
  outboxes.push(d);
  return d;
}

const QC_PHONE = { type: 'work' as const, e164: '+15145550199', raw: '+1 514 555 0199' };
const INGESTED_AT = '2026-11-01T00:00:00.000Z';

/** Sends queued notices at `at` through `transport`. */
function send(t: TestDatabase, transport: NoticeTransport, at: string) {
  return sendQueued(t.db, {
    gate: noticeGate,
    transport,
    policy,
    publicUrl: 'https://privacy.example.net',
    from: 'privacy@example.net',
    now: () => new Date(at),
  });
}
const promote = (t: TestDatabase, at: string) =>
  promoteDue(t.db, (trx, id, now) => listContact(trx, gate, id, now), at);
const listed = async (t: TestDatabase) => (await listContacts(t.db)).map((c) => c.email);

async function seed(t: TestDatabase) {
  const a = await addMember(t.db, 'ann');
  await ingest(
    t.db,
    a,
    [
      signed('<n1@x>', 'anna.schmidt@beispiel-gmbh.de', '2026-10-01T00:00:00Z', {
        name: 'Anna Schmidt',
        phones: [DE_PHONE],
      }),
      signed('<n2@x>', 'tom.ford@acme-widgets.com', '2026-10-01T00:00:00Z', {
        name: 'Tom Ford',
        phones: [US_PHONE],
      }),
      signed('<n3@x>', 'luc.tremblay@exemple-inc.com', '2026-10-01T00:00:00Z', {
        name: 'Luc Tremblay',
        phones: [QC_PHONE],
      }),
      signed('<n4@x>', 'sam.nobody@mystery-corp.com', '2026-10-01T00:00:00Z', {
        name: 'Sam Nobody',
        title: 'Buyer',
      }),
    ],
    INGESTED_AT,
  );
  return a;
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`pre-add notices on ${dialect}`, () => {
    it('every new contact gets a queued notice; only the non-held jurisdiction is listed at once (unknown is held)', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        expect(await listed(t)).toEqual(['tom.ford@acme-widgets.com']);
        const notices = await listNotices(t.db);
        expect(notices).toHaveLength(4);
        const by = new Map(notices.map((n) => [n.recipient, n]));
        expect(by.get('anna.schmidt@beispiel-gmbh.de')).toMatchObject({
          status: 'queued',
          language: 'de',
          jurisdiction: ['DE'],
        });
        expect(by.get('luc.tremblay@exemple-inc.com')).toMatchObject({
          language: 'fr',
          jurisdiction: ['CA-QC'],
        });
        expect(by.get('sam.nobody@mystery-corp.com')).toMatchObject({
          language: 'en',
          jurisdiction: ['unknown'],
        });
        expect(by.get('tom.ford@acme-widgets.com')).toMatchObject({ status: 'queued', jurisdiction: ['US'] });
        for (const n of notices) {
          expect(n.templateId).toBe('pre-add-notice/v3');
          expect(n.contentHash).toBe(templateHash(n.language));
          expect(n.queuedAt).toBe(INGESTED_AT);
        }
        expect((await listContacts(t.db, { status: 'pending' })).map((c) => c.email).sort()).toEqual([
          'anna.schmidt@beispiel-gmbh.de',
          'luc.tremblay@exemple-inc.com',
          'sam.nobody@mystery-corp.com',
        ]);
      } finally {
        await t.dispose();
      }
    });

    it('held contacts are listed only after their notice was sent and the objection window passed, and then earn credits', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await seed(t);
        const before = await balanceOf(t.db, a.contributorId);
        expect(await promote(t, '2026-12-31T00:00:00Z')).toEqual([]); // nothing sent yet: nobody listed
        const dir = outbox();
        const sent = await send(t, fileTransport(dir, 'example.net'), '2026-11-02T00:00:00Z');
        expect(sent.map((s) => s.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
        expect(await promote(t, '2026-11-08T23:59:59Z')).toEqual([]); // 7-day window still open
        const promoted = await promote(t, '2026-11-09T00:00:00Z');
        expect(promoted.map((p) => p.result)).toEqual(['listed', 'listed', 'listed']);
        expect((await listed(t)).sort()).toEqual([
          'anna.schmidt@beispiel-gmbh.de',
          'luc.tremblay@exemple-inc.com',
          'sam.nobody@mystery-corp.com',
          'tom.ford@acme-widgets.com',
        ]);
        expect(await balanceOf(t.db, a.contributorId)).toBeGreaterThan(before);
        expect(await promote(t, '2026-12-01T00:00:00Z')).toEqual([]); // idempotent
      } finally {
        await t.dispose();
      }
    });

    it('the file transport writes a legal notice with the privacy center link and records its Message-ID', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        const dir = outbox();
        await send(t, fileTransport(dir, 'example.net'), '2026-11-02T00:00:00Z');
        const notices = await listNotices(t.db, ['sent']);
        expect(notices).toHaveLength(4);
        expect(readdirSync(dir)).toHaveLength(4);
        const de = notices.find((n) => n.language === 'de')!;
        expect(de).toMatchObject({ transport: 'file', sentAt: '2026-11-02T00:00:00.000Z', attempts: 1 });
        const eml = readFileSync(join(dir, `${de.id}.eml`), 'utf8');
        expect(eml).toContain('To: anna.schmidt@beispiel-gmbh.de');
        expect(eml).toContain(`Message-ID: ${de.providerMessageId}`);
        expect(de.providerMessageId).toMatch(/^<[0-9a-f-]{36}@example\.net>$/);
        expect(eml).toContain('https://privacy.example.net/privacy');
        expect(eml).toContain('WIDERSPRUCHSRECHT');
        expect(eml).toContain('nicht vor dem 2026-11-09');
        const us = readFileSync(
          join(dir, `${notices.find((n) => n.jurisdiction[0] === 'US')!.id}.eml`),
          'utf8',
        );
        expect(us).toContain('YOUR RIGHT TO OBJECT');
        expect(us).toContain('may be listed in the directory from now on');
        expect(us).not.toMatch(/free trial|sign up|offer/i);
      } finally {
        await t.dispose();
      }
    });

    it('a bounced notice keeps its contact pending after the window and through later harvests', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await seed(t);
        await send(t, fileTransport(outbox()), '2026-11-02T00:00:00Z');
        const anna = (await listNotices(t.db)).find((n) => n.recipient === 'anna.schmidt@beispiel-gmbh.de')!;
        expect(
          await recordBounce(
            t.db,
            noticeGate,
            { providerMessageId: anna.providerMessageId! },
            new Date('2026-11-02T00:05:00Z'),
          ),
        ).toEqual({
          noticeId: anna.id,
          gate: 'pending',
        });
        expect((await listNotices(t.db, ['bounced'])).map((n) => n.id)).toEqual([anna.id]);
        await promote(t, '2026-11-20T00:00:00Z');
        expect(await listed(t)).not.toContain('anna.schmidt@beispiel-gmbh.de');
        expect((await listContacts(t.db, { status: 'pending' })).map((c) => c.email)).toEqual([
          'anna.schmidt@beispiel-gmbh.de',
        ]);
        // Later runs neither resend the bounced notice nor list her, whatever else she sends.
        await ingest(
          t.db,
          a,
          [signed('<n9@x>', 'anna.schmidt@beispiel-gmbh.de', '2026-11-25T00:00:00Z', { title: 'Einkauf' })],
          '2026-11-25T00:00:00Z',
        );
        expect(await send(t, fileTransport(outbox()), '2026-11-26T00:00:00Z')).toEqual([]);
        await promote(t, '2027-01-01T00:00:00Z');
        expect(await listed(t)).not.toContain('anna.schmidt@beispiel-gmbh.de');
        expect(await recordBounce(t.db, noticeGate, { id: 'no-such-notice' })).toBeNull();
      } finally {
        await t.dispose();
      }
    });

    it('a bounce message from the mail system marks its notice bounced; a retry after a fix delivers it and the window starts', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        await send(t, fileTransport(outbox(), 'example.net'), '2026-11-02T00:00:00Z');
        const anna = (await listNotices(t.db)).find((n) => n.recipient === 'anna.schmidt@beispiel-gmbh.de')!;
        const delayed = readDsn(Buffer.from(dsn(anna.providerMessageId!, 'delayed', '4.4.1')));
        expect(delayed).toMatchObject({ failed: false, delayedOnly: true });
        const report = readDsn(Buffer.from(dsn(anna.providerMessageId!, 'failed', '5.1.1')));
        expect(report).toEqual({ messageIds: [anna.providerMessageId], failed: true, delayedOnly: false });
        for (const m of report.messageIds) await recordBounce(t.db, noticeGate, { providerMessageId: m });
        expect((await listNotices(t.db, ['bounced'])).map((n) => n.id)).toEqual([anna.id]);
        expect(await requeueNotice(t.db, 'no-such-id')).toBeNull();
        expect(await requeueNotice(t.db, anna.id)).toEqual({ noticeId: anna.id });
        const again = await send(t, fileTransport(outbox(), 'example.net'), '2026-11-10T00:00:00Z');
        expect(again).toMatchObject([{ noticeId: anna.id, status: 'sent' }]);
        expect(await promote(t, '2026-11-16T23:59:59Z')).toHaveLength(2); // the others, not Anna: her window ends 11-17
        expect(await listed(t)).not.toContain('anna.schmidt@beispiel-gmbh.de');
        await promote(t, '2026-11-17T00:00:00Z');
        expect(await listed(t)).toContain('anna.schmidt@beispiel-gmbh.de');
      } finally {
        await t.dispose();
      }
    });

    it('a listed contact whose later signature shows a held jurisdiction leaves the directory until its window passed', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await seed(t);
        const tom = 'tom.ford@acme-widgets.com';
        expect(await listed(t)).toContain(tom);
        const moved = signed('<m1@x>', tom, '2026-10-20T00:00:00Z', {
          address: 'Friedrichstraße 1, 10117 Berlin, Germany',
        });
        await ingest(t.db, a, [moved], '2026-11-01T12:00:00.000Z');
        expect(await listed(t)).not.toContain(tom);
        // His notice was still queued: it now goes out in German.
        expect((await listNotices(t.db)).find((n) => n.recipient === tom)).toMatchObject({
          language: 'de',
          jurisdiction: ['US', 'DE'],
        });
        await send(t, fileTransport(outbox()), '2026-11-02T00:00:00Z');
        await promote(t, '2026-11-08T00:00:00Z');
        expect(await listed(t)).not.toContain(tom);
        await promote(t, '2026-11-09T00:00:00Z');
        expect(await listed(t)).toContain(tom);
      } finally {
        await t.dispose();
      }
    });

    it('two send runs at the same time send each notice once', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        const sends: string[] = [];
        const counting: NoticeTransport = {
          name: 'counting',
          send: async (n) => {
            sends.push(n.noticeId);
            await new Promise((r) => setTimeout(r, 20));
            return { providerMessageId: `<${n.noticeId}@example.net>` };
          },
        };
        const [x, y] = await Promise.all([
          send(t, counting, '2026-11-02T00:00:00Z'),
          send(t, counting, '2026-11-02T00:00:00Z'),
        ]);
        expect(x.length + y.length).toBe(4);
        expect(new Set(sends).size).toBe(4);
        expect(sends).toHaveLength(4);
        expect((await listNotices(t.db, ['sent'])).every((n) => n.attempts === 1)).toBe(true);
      } finally {
        await t.dispose();
      }
    });

    it('a failing transport leaves notices queued and then failed, never marks them sent, and keeps contacts pending', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        const broken: NoticeTransport = {
          name: 'broken',
          send: async () => {
            throw Object.assign(new Error('relay refused'), { code: 'relay-refused' });
          },
        };
        for (let i = 0; i < 2; i++) {
          const r = await send(t, broken, '2026-11-02T00:00:00Z');
          expect(r.every((x) => x.status === 'queued' && x.errorCode === 'relay-refused')).toBe(true);
        }
        const last = await send(t, broken, '2026-11-02T00:00:00Z');
        expect(last.every((x) => x.status === 'failed')).toBe(true);
        expect(await listNotices(t.db, ['sent'])).toEqual([]);
        expect(await promote(t, '2027-01-01T00:00:00Z')).toEqual([]);
        expect(await listed(t)).toEqual(['tom.ford@acme-widgets.com']);
      } finally {
        await t.dispose();
      }
    });

    it('an objection inside the window keeps the contact out for good and its notice row loses the address', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        await send(t, fileTransport(outbox()), '2026-11-02T00:00:00Z');
        const r = await erasePerson(t, 'Luc.Tremblay@exemple-inc.com', 'object', {
          ...testPrivacy,
          now: new Date('2026-11-04T00:00:00Z'),
        });
        expect(r).toMatchObject({ kind: 'object', profilesDeleted: 1, noticesScrubbed: 1 });
        const promoted = await promote(t, '2026-11-20T00:00:00Z');
        expect(promoted).toHaveLength(2);
        expect(await listed(t)).not.toContain('luc.tremblay@exemple-inc.com');
        const recipients = (await listNotices(t.db)).map((n) => n.recipient);
        expect(recipients).toContain(null);
        expect(recipients).not.toContain('luc.tremblay@exemple-inc.com');
      } finally {
        await t.dispose();
      }
    });
  });
}

describe('the controller and the data-protection officer in every notice (GDPR Art. 14(1)(a)-(b))', () => {
  const named = controllerLines({
    identity: 'Example Directory Ltd, 1 Main St, privacy@example.net',
    dpo: 'dpo@example.net',
  });
  const render = (language: string, controller = named) =>
    renderNotice(language, { privacyUrl: 'https://p.example.net/privacy', listDate: null, controller });

  it('names both in each language, and says so when no officer is appointed', () => {
    for (const language of LANGUAGES) {
      const body = render(language).body;
      expect(body).toContain('Example Directory Ltd, 1 Main St, privacy@example.net');
      expect(body).toContain('dpo@example.net');
      expect(body).not.toMatch(/\{\{\w+\}\}/);
    }
    const none = render('en', controllerLines({ identity: 'Example Directory Ltd', dpo: 'None' })).body;
    expect(none).toContain('Controller: Example Directory Ltd. No data protection officer is appointed.');
    expect(render('de').body).toContain('Datenschutzbeauftragter: dpo@example.net.');
  });

  it('marks what is not configured instead of leaving it out, and lists what real mail still needs', () => {
    const unset = { identity: null, dpo: null };
    expect(render('en', controllerLines(unset)).body).toContain(
      'Controller: [not configured: SIGMINE_CONTROLLER]. Data protection officer: [not configured: SIGMINE_DPO].',
    );
    expect(missingControllerDetails(unset)).toEqual(['SIGMINE_CONTROLLER', 'SIGMINE_DPO']);
    expect(missingControllerDetails({ identity: 'Example Directory Ltd', dpo: 'none' })).toEqual([]);
  });
});
