import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable } from './helpers/databases.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from './store-fixtures.ts';
import { listContacts } from '../src/store/directory.ts';
import { erasePerson } from '../src/privacy/erase.ts';
import { isSuppressed } from '../src/privacy/hooks.ts';
import { listNotices } from '../src/notices/outbox.ts';

const PERSON = 'olaf.berger@nordlicht-handel.de';
const sig = (id: string, date: string) =>
  signed(id, PERSON, date, { name: 'Olaf Berger', title: 'Vertrieb', phones: [DE_PHONE] });

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`suppression on ${dialect}`, () => {
    it("an erased person seen again in another member's mailbox is not re-added, and the blocked re-add is logged without PII", async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const b = await addMember(t.db, 'bob');
        await ingest(t.db, a, [sig('<s1@x>', '2026-09-01T00:00:00Z')]);
        await erasePerson(t, PERSON, 'erase', { now: new Date('2026-10-01T00:00:00Z') });
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
        const r = await erasePerson(t, PERSON, 'object');
        expect(r).toMatchObject({ kind: 'object', profilesDeleted: 1 });
        expect(
          (await t.db.selectFrom('suppressions').select('reason').execute()).map((x) => x.reason),
        ).toEqual(['objection']);
        expect((await listContacts(t.db, { status: 'all' })).map((c) => c.email)).toEqual([
          'kim.lee@acme-widgets.com',
        ]);
        // Objecting twice is harmless.
        expect(await erasePerson(t, PERSON, 'object')).toMatchObject({
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
        await erasePerson(t, 'Jane.Doe+newsletters@gmail.com');
        await erasePerson(t, 'j.smith@corp-example.com');
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
  });
}
