/**
 * The page path is set-based (one query per chunk, not per contact): these check that a page larger than
 * one multi-row INSERT (500 rows) and one IN list (900 values) still gives every new contact exactly one
 * jurisdiction decision, gate and notice, lists and credits the ones not held, and that replays and
 * repeated hook calls add nothing.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable } from '../helpers/databases.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import { onNewContacts } from '../../src/privacy/hooks.ts';
import { DEFAULT_CREDIT_POLICY } from '../../src/credits/policy.ts';
import type { DB } from '../../src/db/schema.ts';
import type { Kysely } from 'kysely';
import { testPrivacy } from '../helpers/privacy-options.ts';

const count = async (db: Kysely<DB>, table: 'privacy_gates' | 'jurisdiction_decisions' | 'notices') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`set-based page ingest on ${dialect}`, () => {
    it('a page of 1,000 new contacts gives each one decision, gate and notice, lists the US half with credits, and its replay adds nothing', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const page = Array.from({ length: 1000 }, (_, i) =>
          i % 2 === 0
            ? signed(`<us-${i}@x>`, `buyer${i}@us-firm${i % 7}.com`, '2026-03-01T00:00:00Z', {
                name: `Buyer ${i}`,
                phones: [US_PHONE],
              })
            : signed(`<de-${i}@x>`, `einkauf${i}@firma${i % 7}.de`, '2026-03-01T00:00:00Z', {
                name: `Einkauf ${i}`,
                phones: [DE_PHONE],
              }),
        );
        const out = await ingest(t.db, a, page);
        expect(out).toMatchObject({ messagesNew: 1000, contactsNew: 1000, noticesQueued: 1000 });
        expect(out.creditsAwarded).toBe(500 * DEFAULT_CREDIT_POLICY.contactListed);
        for (const table of ['privacy_gates', 'jurisdiction_decisions', 'notices'] as const)
          expect(await count(t.db, table)).toBe(1000);
        const listed = await t.db
          .selectFrom('profiles')
          .select('email')
          .where('status', '=', 'listed')
          .execute();
        expect(listed).toHaveLength(500);
        expect(listed.every((p) => p.email.endsWith('.com'))).toBe(true);
        const german = await t.db
          .selectFrom('notices')
          .select(['language', 'recipient'])
          .where('recipient', 'like', 'einkauf%')
          .execute();
        expect(german).toHaveLength(500);
        expect(german.every((n) => n.language === 'de')).toBe(true);
        const company = await t.db
          .selectFrom('companies')
          .selectAll()
          .where('domain', '=', 'us-firm0.com')
          .executeTakeFirst();
        expect(company?.contacts_count).toBe(72); // i = 0, 14, 28, ... 994: every 14th index, listed

        const again = await ingest(t.db, a, page);
        expect(again).toMatchObject({
          messagesNew: 0,
          messagesReplayed: 1000,
          contactsNew: 0,
          creditsAwarded: 0,
          noticesQueued: 0,
        });
        // Without message ids the observations merge into the same rows: still nothing new.
        const unkeyed = await ingest(
          t.db,
          a,
          page.map((p) => ({ ...p, messageKey: null })),
        );
        expect(unkeyed).toMatchObject({ contactsNew: 0, creditsAwarded: 0, noticesQueued: 0 });
        for (const table of ['privacy_gates', 'jurisdiction_decisions', 'notices'] as const)
          expect(await count(t.db, table)).toBe(1000);
      } finally {
        await t.dispose();
      }
    });

    it('the batched new-contact hook decides a profile given twice once, and a second call returns the stored gate and notice', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        await ingest(t.db, a, [
          signed('<p@x>', 'anna@beispiel.de', '2026-03-01T00:00:00Z', { name: 'Anna', phones: [DE_PHONE] }),
        ]);
        const known = await t.db.selectFrom('profiles').select('id').executeTakeFirstOrThrow();
        const fresh = {
          profileId: 'p-fresh',
          email: 'jo@acme.com',
          evidence: { phones: [US_PHONE.e164], emailDomain: 'acme.com', addresses: [] },
          now: '2026-11-01T00:00:00Z',
        };
        const first = await t.db.transaction().execute((trx) =>
          onNewContacts(
            trx,
            [
              fresh,
              {
                profileId: known.id,
                email: 'anna@beispiel.de',
                evidence: { phones: [], emailDomain: 'beispiel.de', addresses: [] },
              },
              fresh,
            ],
            testPrivacy,
          ),
        );
        expect(first[0]).toEqual(first[2]);
        expect(first[0]).toMatchObject({ status: 'listed', codes: ['US'] });
        expect(first[1]).toMatchObject({ status: 'pending', codes: ['DE'] });
        expect(first[1]!.noticeId).not.toBeNull();
        const second = await t.db.transaction().execute((trx) => onNewContacts(trx, [fresh], testPrivacy));
        expect(second[0]).toEqual(first[0]);
        expect(await count(t.db, 'privacy_gates')).toBe(2);
        expect(await count(t.db, 'notices')).toBe(2);
      } finally {
        await t.dispose();
      }
    });
  });
}
