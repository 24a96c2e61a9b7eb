import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import { listContacts, showContact } from '../../src/store/directory.ts';
import { exportPerson } from '../../src/privacy/export.ts';
import { shareablePreview } from '../../src/harvest/preview-filter.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { isSuppressed } from '../../src/privacy/hooks.ts';
import { listNotices } from '../../src/notices/outbox.ts';
import { testPrivacy } from '../helpers/privacy-options.ts';

const PERSON = 'olaf.berger@nordlicht-handel.de';
const sig = (id: string, date: string) =>
  signed(id, PERSON, date, { name: 'Olaf Berger', title: 'Vertrieb', phones: [DE_PHONE] });

/** An erased person, and a colleague whose signature lists her address (as an assistant, a second line). */
const JANE = 'jane.roe@acme-widgets.com';
const BOB = 'bob.hale@acme-widgets.com';
const janeSig = (id: string, date: string) =>
  signed(id, JANE, date, { name: 'Jane Roe', title: 'Office Manager', phones: [US_PHONE] });
const bobSig = (id: string | null, date: string) =>
  signed(id, BOB, date, {
    name: 'Bob Hale',
    title: 'Sales Director',
    company: 'Acme Widgets',
    phones: [{ type: 'work', e164: '+12125550199', raw: '+1 212 555 0199' }],
    emails: ['Jane.Roe@acme-widgets.com', 'sales@acme-widgets.com'],
    websites: ['https://acme-widgets.com'],
    social: ['Skype: jane.roe@acme-widgets.com'],
  });

/** Every non-null cell of every table, as text (the way test/parsers/no-body.test.ts scans the store). */
async function everyCell(t: TestDatabase): Promise<string[]> {
  const db = t.db as unknown as Kysely<any>;
  const tables =
    t.dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = ${t.pgSchema}`.execute(
            db,
          )
        ).rows.map((r) => r.name);
  const cells: string[] = [];
  for (const name of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
    for (const row of rows)
      for (const v of Object.values(row)) if (v !== null && v !== undefined) cells.push(String(v));
  }
  return cells;
}
const mentionsJane = (cells: string[]) => cells.filter((c) => /jane\.roe@acme-widgets\.com/i.test(c));

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`suppression on ${dialect}`, () => {
    it("an erased person seen again in another member's mailbox is not re-added, and the blocked re-add is logged without PII", async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const b = await addMember(t.db, 'bob');
        await ingest(t.db, a, [sig('<s1@x>', '2026-09-01T00:00:00Z')]);
        await erasePerson(t, PERSON, 'erase', { ...testPrivacy, now: new Date('2026-10-01T00:00:00Z') });
        const out = await ingest(
          t.db,
          b,
          [sig('<s2@x>', '2026-10-05T00:00:00Z')],
          '2026-10-06T00:00:00.000Z',
        );
        expect(out).toMatchObject({
          contactsNew: 0,
          observationsStored: 0,
          suppressedBlocked: 1,
          noticesQueued: 0,
        });
        // Upper case and stray spaces are the same person.
        const again = await ingest(
          t.db,
          a,
          [signed('<s3@x>', `  ${PERSON.toUpperCase()} `, '2026-10-07T00:00:00Z', { title: 'Leiter' })],
          '2026-10-08T00:00:00.000Z',
        );
        expect(again.suppressedBlocked).toBe(1);
        expect(await listContacts(t.db, { status: 'all' })).toEqual([]);
        expect((await listNotices(t.db, ['queued'])).length).toBe(0);
        const rows = await t.db.selectFrom('suppressions').selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          reason: 'erasure',
          blocked_count: 2,
          last_blocked_at: '2026-10-08T00:00:00.000Z',
          scope: 'email',
        });
        expect(rows[0]!.subject_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(JSON.stringify(rows)).not.toMatch(/olaf|berger|nordlicht/i);
      } finally {
        await t.dispose();
      }
    });

    it('an objection suppresses like an erasure and is recorded as an objection; other people are untouched', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        await ingest(t.db, a, [
          sig('<o1@x>', '2026-09-01T00:00:00Z'),
          signed('<o2@x>', 'kim.lee@acme-widgets.com', '2026-09-01T00:00:00Z', {
            name: 'Kim Lee',
            phones: [US_PHONE],
          }),
        ]);
        const r = await erasePerson(t, PERSON, 'object', testPrivacy);
        expect(r).toMatchObject({ kind: 'object', profilesDeleted: 1 });
        expect(
          (await t.db.selectFrom('suppressions').select('reason').execute()).map((x) => x.reason),
        ).toEqual(['objection']);
        expect((await listContacts(t.db, { status: 'all' })).map((c) => c.email)).toEqual([
          'kim.lee@acme-widgets.com',
        ]);
        // Objecting twice is harmless.
        expect(await erasePerson(t, PERSON, 'object', testPrivacy)).toMatchObject({
          alreadySuppressed: true,
          profilesDeleted: 0,
        });
      } finally {
        await t.dispose();
      }
    });

    it('suppression of a mailbox provider address covers its dot and plus variants; business addresses stay exact', async () => {
      const t = await freshDatabase(dialect);
      try {
        await erasePerson(t, 'Jane.Doe+newsletters@gmail.com', 'erase', testPrivacy);
        await erasePerson(t, 'j.smith@corp-example.com', 'erase', testPrivacy);
        const check = (e: string) => t.db.transaction().execute((trx) => isSuppressed(trx, e));
        expect(await check('janedoe@googlemail.com')).toBe(true);
        expect(await check('jane.doe@gmail.com')).toBe(true);
        expect(await check('J.Smith@Corp-Example.com')).toBe(true);
        expect(await check('jsmith@corp-example.com')).toBe(false);
        expect(await check('someone.else@gmail.com')).toBe(false);
      } finally {
        await t.dispose();
      }
    });
    it("an erased person's address listed in a colleague's later signature is stored nowhere, and the colleague's own details still are", async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const b = await addMember(t.db, 'bob');
        await ingest(t.db, a, [janeSig('<j1@x>', '2026-09-01T00:00:00Z')]);
        await erasePerson(t, JANE, 'erase', { ...testPrivacy, now: new Date('2026-10-01T00:00:00Z') });
        const out = await ingest(
          t.db,
          b,
          [bobSig('<b1@x>', '2026-10-05T00:00:00Z')],
          '2026-10-06T00:00:00.000Z',
        );
        // Bob is a new contact with his own details; Jane's address (e-mail line and Skype handle) is not.
        expect(out).toMatchObject({ contactsNew: 1, suppressedBlocked: 1 });
        expect(mentionsJane(await everyCell(t))).toEqual([]);
        const bob = await showContact(t.db, BOB);
        expect(bob!.contact).toMatchObject({ title: 'Sales Director', emails: ['sales@acme-widgets.com'] });
        expect(JSON.stringify(bob)).not.toMatch(/jane/i);
        expect(JSON.stringify(await listContacts(t.db, { status: 'all' }))).not.toMatch(/jane/i);
        expect(JSON.stringify(await exportPerson(t.db, BOB, { ...testPrivacy, record: false }))).not.toMatch(
          /jane/i,
        );
        // The blocked re-add is counted on the suppression row, without PII.
        const rows = await t.db.selectFrom('suppressions').select(['blocked_count']).execute();
        expect(rows).toEqual([{ blocked_count: 1 }]);
      } finally {
        await t.dispose();
      }
    });

    it('a replay of a page from before the erasure, on the same mailbox or another one, does not bring the address back', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const c = await addMember(t.db, 'cat');
        const old = [janeSig('<j1@x>', '2026-09-01T00:00:00Z'), bobSig(null, '2026-09-02T00:00:00Z')];
        await ingest(t.db, a, old, '2026-09-03T00:00:00.000Z');
        expect((await showContact(t.db, BOB))!.contact.emails).toContain(JANE);
        await erasePerson(t, JANE, 'erase', { ...testPrivacy, now: new Date('2026-10-01T00:00:00Z') });
        expect(mentionsJane(await everyCell(t))).toEqual([]);
        // The same page again (a crash replay; Bob's message carried no key) and the same mail in Cat's mailbox.
        await ingest(t.db, a, old, '2026-10-02T00:00:00.000Z');
        await ingest(t.db, c, [...old, bobSig('<b9@x>', '2026-09-02T00:00:00Z')], '2026-10-03T00:00:00.000Z');
        expect(mentionsJane(await everyCell(t))).toEqual([]);
        expect((await showContact(t.db, BOB))!.contact.emails).toEqual(['sales@acme-widgets.com']);
      } finally {
        await t.dispose();
      }
    });
    it("a dry run does not offer an erased person's address inside a colleague's website link", async () => {
      const t = await freshDatabase(dialect);
      try {
        await erasePerson(t, JANE, 'erase', testPrivacy);
        const bob = {
          email: BOB,
          name: 'Bob Hale',
          title: 'Sales Director',
          company: null,
          phones: [],
          seen: 1,
        };
        const shown = await shareablePreview(
          t.db,
          [{ ...bob, websites: ['mailto:Jane.Roe@acme-widgets.com', 'https://acme-widgets.com'] }],
          new Set([BOB]),
          null,
        );
        expect(shown).toEqual([{ ...bob, websites: ['https://acme-widgets.com'] }]);
      } finally {
        await t.dispose();
      }
    });
  });
}
