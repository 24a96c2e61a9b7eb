import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable } from '../helpers/databases.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import {
  awardConnectionBonus,
  balanceOf,
  forfeitContributor,
  ledgerEntries,
  listContact,
  spendCredits,
} from '../../src/store/ledger.ts';
import { findProfile, restrictProfile, unrestrictProfile } from '../../src/store/profile-admin.ts';
import { DEFAULT_CREDIT_POLICY as P } from '../../src/credits/policy.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { testPolicy } from '../helpers/privacy-options.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

const kinds = async (db: Parameters<typeof ledgerEntries>[0], contributorId: string) =>
  (await ledgerEntries(db, { contributorId })).map((e) => `${e.kind}:${e.amount}`);

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`credits ledger on ${dialect}`, () => {
    it('replaying a page, with or without message ids, never credits twice', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const page = [
          signed('<l1@x>', 'tom.ford@acme-widgets.com', '2026-01-01T00:00:00Z', {
            name: 'Tom Ford',
            phones: [US_PHONE],
          }),
          signed(null, 'eva.lind@acme-widgets.com', '2026-01-02T00:00:00Z', {
            name: 'Eva Lind',
            phones: [US_PHONE],
          }),
        ];
        const first = await ingest(t.db, a, page);
        expect(first).toMatchObject({ messagesNew: 2, contactsNew: 2, creditsAwarded: 2 * P.contactListed });
        const again = await ingest(t.db, a, page);
        expect(again).toMatchObject({
          messagesNew: 1,
          messagesReplayed: 1,
          contactsNew: 0,
          creditsAwarded: 0,
          noticesQueued: 0,
        });
        expect(await balanceOf(t.db, a.contributorId)).toBe(2 * P.contactListed);
        // The same message seen through another page of the same connection is a replay too.
        const third = await ingest(t.db, a, [page[0]!]);
        expect(third.messagesReplayed).toBe(1);
        expect(await balanceOf(t.db, a.contributorId)).toBe(2 * P.contactListed);
      } finally {
        await t.dispose();
      }
    });

    it('pending contacts earn nothing until listed, then each contributor who supplied them earns once', async () => {
      const t = await freshDatabase(dialect);
      try {
        const [a, b, late] = [
          await addMember(t.db, 'ann'),
          await addMember(t.db, 'bob'),
          await addMember(t.db, 'lee'),
        ];
        const email = 'anna.schmidt@beispiel-gmbh.de';
        const item = (id: string) =>
          signed(id, email, '2026-01-01T00:00:00Z', { name: 'Anna Schmidt', phones: [DE_PHONE] });
        // Two contributors' pages arrive at the same time.
        const [ra, rb] = await Promise.all([
          ingest(t.db, a, [item('<x1@x>')]),
          ingest(t.db, b, [item('<x2@x>')]),
        ]);
        expect(ra.contactsNew + rb.contactsNew).toBe(1);
        expect(ra.creditsAwarded + rb.creditsAwarded).toBe(0);
        expect(await balanceOf(t.db, a.contributorId)).toBe(0);
        const p = await findProfile(t.db, email);
        expect(p?.status).toBe('pending');
        const [l1, l2] = await Promise.all([
          t.db.transaction().execute((trx) => listContact(trx, gate, p!.id, '2026-01-09T00:00:00Z')),
          t.db.transaction().execute((trx) => listContact(trx, gate, p!.id, '2026-01-09T00:00:00Z')),
        ]);
        expect(l1.creditsAwarded + l2.creditsAwarded).toBe(2 * P.contactListed);
        expect([l1.listed, l2.listed].sort()).toEqual([false, true]);
        expect(await kinds(t.db, a.contributorId)).toEqual([`contact-listed:${P.contactListed}`]);
        expect(await kinds(t.db, b.contributorId)).toEqual([`contact-listed:${P.contactListed}`]);
        // Someone who only sees the contact after it is listed supplied a duplicate: nothing for it.
        const dup = await ingest(t.db, late, [item('<x3@x>')]);
        expect(dup.creditsAwarded).toBe(0);
        expect(await balanceOf(t.db, late.contributorId)).toBe(0);
      } finally {
        await t.dispose();
      }
    });

    it('a contact listed again after a lifted restriction earns nobody anything more', async () => {
      const t = await freshDatabase(dialect);
      try {
        const [a, b] = [await addMember(t.db, 'ann'), await addMember(t.db, 'bob')];
        const email = 'tom.ford@acme-widgets.com';
        await ingest(t.db, a, [
          signed('<u1@x>', email, '2026-01-01T00:00:00Z', { name: 'Tom Ford', phones: [US_PHONE] }),
        ]);
        await ingest(t.db, b, [
          signed('<u2@x>', email, '2026-01-05T00:00:00Z', { name: 'Tom Ford', phones: [US_PHONE] }),
        ]);
        const p = await findProfile(t.db, email);
        const relisted = await t.db.transaction().execute(async (trx) => {
          await restrictProfile(trx, p!.id, '2026-02-01T00:00:00Z');
          await unrestrictProfile(trx, p!.id, '2026-03-01T00:00:00Z');
          return listContact(trx, gate, p!.id, '2026-03-01T00:00:00Z');
        });
        expect(relisted).toEqual({ listed: true, creditsAwarded: 0 });
        expect(await balanceOf(t.db, a.contributorId)).toBe(P.contactListed);
        expect(await balanceOf(t.db, b.contributorId)).toBe(0);
        expect((await findProfile(t.db, email))?.listed_at).toBe('2026-11-01T00:00:00.000Z');
      } finally {
        await t.dispose();
      }
    });

    it('a new value on a listed contact credits the contributor who brought it, once', async () => {
      const t = await freshDatabase(dialect);
      try {
        const [a, b] = [await addMember(t.db, 'ann'), await addMember(t.db, 'bob')];
        const email = 'tom.ford@acme-widgets.com';
        await ingest(t.db, a, [
          signed('<f1@x>', email, '2026-01-01T00:00:00Z', { name: 'Tom Ford', phones: [US_PHONE] }),
        ]);
        const page = [
          signed('<f2@x>', email, '2026-02-01T00:00:00Z', {
            name: 'Tom Ford',
            title: 'Plant Manager',
            phones: [US_PHONE],
          }),
        ];
        const r = await ingest(t.db, b, page);
        expect(r.creditsAwarded).toBe(P.fieldConfirmed);
        expect(await kinds(t.db, b.contributorId)).toEqual([`field-confirmed:${P.fieldConfirmed}`]);
        expect((await ingest(t.db, b, page)).creditsAwarded).toBe(0);
        // Confirming a value already shown earns nothing.
        expect(
          (
            await ingest(t.db, a, [
              signed('<f3@x>', email, '2026-03-01T00:00:00Z', { title: 'Plant Manager' }),
            ])
          ).creditsAwarded,
        ).toBe(0);
      } finally {
        await t.dispose();
      }
    });

    it('the connection bonus is paid once per mailbox, opting out forfeits the balance, spending cannot overdraw', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const tx = <T>(fn: (trx: typeof t.db) => Promise<T>) => t.db.transaction().execute(fn);
        expect(await tx((trx) => awardConnectionBonus(trx, a.connectionId, '2026-01-01T00:00:00Z'))).toBe(
          P.connectionBonus,
        );
        expect(await tx((trx) => awardConnectionBonus(trx, a.connectionId, '2026-01-02T00:00:00Z'))).toBe(0);
        // Reconnecting the same mailbox under a new connection id earns nothing more.
        await t.db.deleteFrom('connections').where('id', '=', a.connectionId).execute();
        await t.db
          .insertInto('connections')
          .values({
            id: 'k-ann-2',
            contributor_id: a.contributorId,
            kind: 'mailbox',
            account: a.email.toUpperCase(),
            created_at: 'x',
            updated_at: 'x',
          })
          .execute();
        expect(await tx((trx) => awardConnectionBonus(trx, 'k-ann-2', '2026-01-03T00:00:00Z'))).toBe(0);

        expect(
          await tx((trx) =>
            spendCredits(trx, a.contributorId, P.connectionBonus + 1, 'export-1', '2026-01-05T00:00:00Z'),
          ),
        ).toMatchObject({ ok: false, code: 'insufficient-credits' });
        expect(
          await tx((trx) => spendCredits(trx, a.contributorId, 20, 'export-2', '2026-01-05T00:00:00Z')),
        ).toMatchObject({ ok: true, replayed: false, balance: P.connectionBonus - 20 });
        expect(
          await tx((trx) => spendCredits(trx, a.contributorId, 20, 'export-2', '2026-01-05T00:00:00Z')),
        ).toMatchObject({ ok: true, replayed: true });
        expect(await balanceOf(t.db, a.contributorId)).toBe(P.connectionBonus - 20);

        await t.db
          .updateTable('contributors')
          .set({ status: 'opted-out' })
          .where('id', '=', a.contributorId)
          .execute();
        expect(await tx((trx) => forfeitContributor(trx, a.contributorId, '2026-02-01T00:00:00Z'))).toBe(
          P.connectionBonus - 20,
        );
        expect(await balanceOf(t.db, a.contributorId)).toBe(0);
        expect(await kinds(t.db, a.contributorId)).toEqual([
          `connection-bonus:${P.connectionBonus}`,
          'spend:-20',
          `opt-out-forfeit:${-(P.connectionBonus - 20)}`,
        ]);
        // An opted-out member earns nothing for contacts listed later.
        const r = await ingest(t.db, { ...a, connectionId: 'k-ann-2' }, [
          signed('<o1@x>', 'tom.ford@acme-widgets.com', '2026-03-01T00:00:00Z', {
            name: 'Tom Ford',
            phones: [US_PHONE],
          }),
        ]);
        expect(r.contactsNew).toBe(1);
        expect(await balanceOf(t.db, a.contributorId)).toBe(0);
      } finally {
        await t.dispose();
      }
    });
  });
}
