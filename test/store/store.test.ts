import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable } from '../helpers/databases.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import { listContacts, showContact } from '../../src/store/directory.ts';
import { findProfile, pinField, restrictProfile, unrestrictProfile } from '../../src/store/profile-admin.ts';
import { companyFromProfiles, recomputeCompanies } from '../../src/store/companies.ts';
import { listContact } from '../../src/store/ledger.ts';
import { eraseInTransaction } from '../../src/privacy/erase.ts';
import { candidatesOf, mergeProfile, type Candidate } from '../../src/store/merge.ts';
import { loadCandidates, refreshValues } from '../../src/store/values.ts';
import { jobTimeline } from '../../src/store/job-history.ts';
import { up as profileValuesUp } from '../../migrations/0050-profile-values.ts';
import { up as valueContributorsUp } from '../../migrations/0060-value-contributors.ts';
import { up as companyTalliesUp } from '../../migrations/0061-company-tallies.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { testPolicy, testPrivacy } from '../helpers/privacy-options.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

/**
 * Each profile as a merge from ALL its observations would make it, next to what the store keeps
 * incrementally (profile_values and the profile row).
 */
async function fromScratchVsStored(db: Kysely<DB>) {
  const out = [];
  for (const p of await db.selectFrom('profiles').selectAll().orderBy('email').execute()) {
    const rows = await db.selectFrom('observations').selectAll().where('profile_id', '=', p.id).execute();
    // What the merge reads (profile_values) next to the candidates of all observations, without their ids.
    const flat = (byField: Map<string, Candidate[]> | undefined) =>
      [...(byField?.values() ?? [])]
        .flat()
        .map(({ contributorIds: _, ...c }) => ({ ...c, sources: [...c.sources].sort() }))
        .sort((x, y) => `${x.field} ${x.value}`.localeCompare(`${y.field} ${y.value}`));
    const stored = flat((await loadCandidates(db, [p.id])).get(p.id));
    const expected = flat(candidatesOf(rows));
    const f = mergeProfile(rows).fields;
    // Who counted for each value (kept for distinct-contributor counts) next to the observations' contributors.
    const members = (
      await db.selectFrom('profile_value_contributors').selectAll().where('profile_id', '=', p.id).execute()
    )
      .map((r) => `${r.field} ${r.value_norm} ${r.contributor_id}`)
      .sort();
    const fromRows = [...new Set(rows.map((r) => `${r.field} ${r.value_norm} ${r.contributor_id}`))].sort();
    out.push({
      email: p.email,
      values: { stored, expected },
      members: { stored: members, expected: fromRows },
      row: {
        stored: [p.name, p.title, p.company, p.phones_json, p.emails_json, p.websites_json],
        expected: [
          f.name,
          f.title,
          f.company,
          JSON.stringify(f.phones),
          JSON.stringify(f.emails),
          JSON.stringify(f.websites),
        ],
      },
    });
  }
  return out;
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`directory store on ${dialect}`, () => {
    it('a newer signature with a new title replaces the old one and records the job change with its date', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        await ingest(t.db, a, [
          signed('<m1@acme.com>', 'jane.roe@acme-widgets.com', '2026-01-10T09:00:00Z', {
            name: 'Jane Roe',
            title: 'Sales Manager',
            company: 'Acme Widgets Inc.',
            phones: [US_PHONE],
          }),
          signed('<m2@acme.com>', 'jane.roe@acme-widgets.com', '2026-02-10T09:00:00Z', {
            title: 'Sales Manager',
            company: 'Acme Widgets Inc.',
          }),
        ]);
        const out = await ingest(t.db, a, [
          signed('<m3@acme.com>', 'jane.roe@acme-widgets.com', '2026-06-01T09:00:00Z', {
            title: 'VP Sales',
            company: 'Acme Widgets Inc.',
          }),
        ]);
        expect(out.contactsUpdated).toBe(1);
        const d = await showContact(t.db, 'Jane.Roe@acme-widgets.com');
        expect(d?.contact.title).toBe('VP Sales');
        expect(d?.contact.company).toBe('Acme Widgets Inc.');
        expect(d?.jobHistory).toEqual([
          {
            oldTitle: 'Sales Manager',
            oldCompany: 'Acme Widgets Inc.',
            newTitle: 'VP Sales',
            newCompany: 'Acme Widgets Inc.',
            changedAt: '2026-06-01T09:00:00.000Z',
          },
        ]);
        expect(d?.contact.firstSeen).toBe('2026-01-10T09:00:00.000Z');
        expect(d?.contact.lastSeen).toBe('2026-06-01T09:00:00.000Z');
        expect(d?.company).toMatchObject({
          domain: 'acme-widgets.com',
          name: 'Acme Widgets Inc.',
          contactsCount: 1,
        });
      } finally {
        await t.dispose();
      }
    });

    it('old mail harvested after new mail does not bring back the old title, and the job change is still recorded', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        await ingest(t.db, a, [
          signed('<n1@x>', 'li.wei@globex.co.uk', '2026-05-01T00:00:00Z', {
            title: 'Head of Procurement',
            company: 'Globex Ltd',
          }),
        ]);
        await ingest(t.db, a, [
          signed('<o1@x>', 'li.wei@globex.co.uk', '2025-03-01T00:00:00Z', {
            title: 'Buyer',
            company: 'Globex Ltd',
          }),
        ]);
        const p = await findProfile(t.db, 'li.wei@globex.co.uk');
        expect(p?.title).toBe('Head of Procurement');
        expect(p?.first_seen).toBe('2025-03-01T00:00:00.000Z');
        // The job change is known as soon as both signatures are, in whatever order they came.
        expect((await showContact(t.db, 'li.wei@globex.co.uk'))?.jobHistory).toEqual([
          {
            oldTitle: 'Buyer',
            oldCompany: 'Globex Ltd',
            newTitle: 'Head of Procurement',
            newCompany: 'Globex Ltd',
            changedAt: '2026-05-01T00:00:00.000Z',
          },
        ]);
        // A later move to another company adds to the history; replays change nothing.
        const move = [
          signed('<n2@x>', 'li.wei@globex.co.uk', '2026-09-01T00:00:00Z', {
            title: 'COO',
            company: 'Initrode GmbH',
          }),
        ];
        await ingest(t.db, a, move);
        await ingest(t.db, a, move);
        const d = await showContact(t.db, 'li.wei@globex.co.uk');
        expect(d?.contact).toMatchObject({ title: 'COO', company: 'Initrode GmbH' });
        expect(
          d?.jobHistory.map((j) => `${j.oldTitle}@${j.oldCompany} -> ${j.newTitle}@${j.newCompany}`),
        ).toEqual([
          'Buyer@Globex Ltd -> Head of Procurement@Globex Ltd',
          'Head of Procurement@Globex Ltd -> COO@Initrode GmbH',
        ]);
      } finally {
        await t.dispose();
      }
    });

    it('when two values are seen over the same period, the one more contributors saw wins', async () => {
      const t = await freshDatabase(dialect);
      try {
        const [a, b, c] = [
          await addMember(t.db, 'ann'),
          await addMember(t.db, 'bob'),
          await addMember(t.db, 'cy'),
        ];
        const email = 'p.martin@initech.com';
        await ingest(t.db, a, [
          signed('<a1@x>', email, '2026-03-01T00:00:00Z', { company: 'Initech Corporation' }),
        ]);
        await ingest(t.db, a, [
          signed('<a2@x>', email, '2026-06-01T00:00:00Z', { company: 'Initech Corporation' }),
        ]);
        await ingest(t.db, b, [
          signed('<b1@x>', email, '2026-05-01T00:00:00Z', { company: 'Initech Corporation' }),
        ]);
        // A third member's mail says something else, from April to July (the most recent sighting):
        // one voice against two, over the same period, so corroboration beats recency.
        await ingest(t.db, c, [
          signed('<c1@x>', email, '2026-04-01T00:00:00Z', { company: 'Initech Holdings' }),
          signed('<c2@x>', email, '2026-07-01T00:00:00Z', { company: 'Initech Holdings' }),
        ]);
        const d = await showContact(t.db, email);
        expect(d?.contact.company).toBe('Initech Corporation');
        expect(d?.provenance.company).toMatchObject({
          sources: ['signature'],
          corroboration: 2,
          pinned: false,
        });
        expect(JSON.stringify(d)).not.toMatch(/u-ann|u-bob|k-ann|k-bob|members\.example\.org/);
      } finally {
        await t.dispose();
      }
    });

    it('a long job timeline grows by one row per change, and a late old signature replaces only the rows it splits', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const email = 'ola.berg@northwind.se';
        const sign = (i: number, title: string, now: string) =>
          ingest(
            t.db,
            a,
            [signed(`<j${i}@x>`, email, `2026-0${i}-01T00:00:00Z`, { title, company: 'Northwind AB' })],
            now,
          );
        await sign(1, 'Intern', '2026-09-01T00:00:00.000Z');
        await sign(3, 'Engineer', '2026-09-02T00:00:00.000Z');
        await sign(5, 'Lead Engineer', '2026-09-03T00:00:00.000Z');
        await sign(7, 'CTO', '2026-09-04T00:00:00.000Z');
        const rows = () =>
          t.db
            .selectFrom('job_history')
            .select(['old_title', 'new_title', 'changed_at', 'recorded_at'])
            .orderBy('changed_at')
            .execute();
        const before = await rows();
        expect(before.map((r) => [r.old_title, r.new_title, r.recorded_at.slice(0, 10)])).toEqual([
          ['Intern', 'Engineer', '2026-09-02'],
          ['Engineer', 'Lead Engineer', '2026-09-03'],
          ['Lead Engineer', 'CTO', '2026-09-04'],
        ]);
        // April's signature (harvested late) says 'Senior Engineer' between Engineer and Lead Engineer.
        await sign(4, 'Senior Engineer', '2026-09-05T00:00:00.000Z');
        const after = await rows();
        expect(after.map((r) => [r.old_title, r.new_title, r.recorded_at.slice(0, 10)])).toEqual([
          ['Intern', 'Engineer', '2026-09-02'],
          ['Engineer', 'Senior Engineer', '2026-09-05'],
          ['Senior Engineer', 'Lead Engineer', '2026-09-05'],
          ['Lead Engineer', 'CTO', '2026-09-04'],
        ]);
        // The same as a timeline derived from all observations at once.
        const p = await findProfile(t.db, email);
        const obs = await t.db
          .selectFrom('observations')
          .selectAll()
          .where('profile_id', '=', p!.id)
          .execute();
        const byField = candidatesOf(obs);
        expect(after.map(({ recorded_at: _, ...r }) => r)).toEqual(
          jobTimeline(byField.get('title') ?? [], byField.get('company') ?? []).map((j) => ({
            old_title: j.old_title,
            new_title: j.new_title,
            changed_at: j.changed_at,
          })),
        );
      } finally {
        await t.dispose();
      }
    });

    it('a value the person corrected stays, whatever later signatures say', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const email = 'sam.lee@hooli.com';
        await ingest(t.db, a, [
          signed('<p1@x>', email, '2026-01-01T00:00:00Z', { title: 'Engineer', phones: [US_PHONE] }),
        ]);
        const p = await findProfile(t.db, email);
        await t.db
          .transaction()
          .execute((trx) => pinField(trx, p!.id, 'title', 'Principal Engineer', '2026-02-01T00:00:00Z'));
        await ingest(t.db, a, [signed('<p2@x>', email, '2026-08-01T00:00:00Z', { title: 'Staff Engineer' })]);
        const d = await showContact(t.db, email);
        expect(d?.contact.title).toBe('Principal Engineer');
        expect(d?.provenance.title?.pinned).toBe(true);
        expect(d?.jobHistory).toEqual([]);
      } finally {
        await t.dispose();
      }
    });

    it('a restricted contact is hidden from the directory and frozen against harvest updates', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const email = 'kim.ito@umbrella-labs.com';
        await ingest(t.db, a, [
          signed('<r1@x>', email, '2026-01-01T00:00:00Z', { title: 'Chemist', phones: [US_PHONE] }),
        ]);
        expect((await listContacts(t.db)).map((c) => c.email)).toEqual([email]);
        const p = await findProfile(t.db, email);
        await t.db.transaction().execute((trx) => restrictProfile(trx, p!.id, '2026-02-01T00:00:00Z'));
        const out = await ingest(t.db, a, [
          signed('<r2@x>', email, '2026-03-01T00:00:00Z', { title: 'Lead Chemist' }),
        ]);
        expect(out.restrictedSkipped).toBe(1);
        expect(out.observationsStored).toBe(0);
        expect(await listContacts(t.db)).toEqual([]);
        expect((await listContacts(t.db, { status: 'restricted' }))[0]).toMatchObject({
          email,
          title: 'Chemist',
          status: 'restricted',
        });
      } finally {
        await t.dispose();
      }
    });

    it('contacts where the law asks for notice first stay pending and out of the directory until listed', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const out = await ingest(t.db, a, [
          signed('<j1@x>', 'anna.schmidt@beispiel-gmbh.de', '2026-01-01T00:00:00Z', {
            name: 'Anna Schmidt',
            phones: [DE_PHONE],
          }),
          signed('<j2@x>', 'tom.ford@acme-widgets.com', '2026-01-01T00:00:00Z', {
            name: 'Tom Ford',
            phones: [US_PHONE],
          }),
        ]);
        expect(out).toMatchObject({ contactsNew: 2, noticesQueued: 2 });
        expect((await listContacts(t.db)).map((c) => c.email)).toEqual(['tom.ford@acme-widgets.com']);
        const pending = await listContacts(t.db, { status: 'pending' });
        expect(pending.map((c) => c.email)).toEqual(['anna.schmidt@beispiel-gmbh.de']);
        expect(pending[0]).toMatchObject({
          name: 'Anna Schmidt',
          phones: [DE_PHONE],
          status: 'pending',
          firstSeen: '2026-01-01T00:00:00.000Z',
        });
        const p = await findProfile(t.db, 'anna.schmidt@beispiel-gmbh.de');
        await t.db.transaction().execute((trx) => listContact(trx, gate, p!.id, '2026-01-20T00:00:00Z'));
        expect((await listContacts(t.db)).map((c) => c.email)).toEqual([
          'anna.schmidt@beispiel-gmbh.de',
          'tom.ford@acme-widgets.com',
        ]);
      } finally {
        await t.dispose();
      }
    });

    it('an erased person seen again in new mail is not re-added: nothing stored, the block counted, no credit', async () => {
      const t = await freshDatabase(dialect);
      try {
        const [a, b] = [await addMember(t.db, 'ann'), await addMember(t.db, 'bob')];
        const email = 'tom.ford@acme-widgets.com';
        await ingest(t.db, a, [
          signed('<e1@x>', email, '2026-01-01T00:00:00Z', { name: 'Tom Ford', phones: [US_PHONE] }),
        ]);
        await t.db.transaction().execute((trx) =>
          eraseInTransaction(trx, email, 'erase', {
            ...testPrivacy,
            now: new Date('2026-02-01T00:00:00Z'),
          }),
        );
        expect(await findProfile(t.db, email)).toBeNull();
        const out = await ingest(t.db, b, [
          signed('<e2@x>', 'TOM.FORD@acme-widgets.com', '2026-03-01T00:00:00Z', {
            name: 'Tom Ford',
            title: 'Plant Manager',
            phones: [US_PHONE],
          }),
          signed('<e3@x>', 'eva.lind@acme-widgets.com', '2026-03-01T00:00:00Z', {
            name: 'Eva Lind',
            phones: [US_PHONE],
          }),
        ]);
        expect(out).toMatchObject({ suppressedBlocked: 1, contactsNew: 1, observationsStored: 2 });
        expect(await findProfile(t.db, email)).toBeNull();
        expect((await listContacts(t.db, { status: 'all' })).map((c) => c.email)).toEqual([
          'eva.lind@acme-widgets.com',
        ]);
        const blocked = await t.db.selectFrom('suppressions').select(['blocked_count']).execute();
        expect(blocked.map((r) => Number(r.blocked_count))).toEqual([1]);
      } finally {
        await t.dispose();
      }
    });

    it('profiles merged page by page equal a merge of all their observations, through replays, many contributors and an erasure', async () => {
      const t = await freshDatabase(dialect);
      try {
        const [a, b, c] = [
          await addMember(t.db, 'ann'),
          await addMember(t.db, 'bob'),
          await addMember(t.db, 'cy'),
        ];
        // Ann has a second mailbox: her two connections are one contributor.
        await t.db
          .insertInto('connections')
          .values({
            id: 'k-ann2',
            contributor_id: a.contributorId,
            kind: 'mailbox',
            account: 'ann2',
            created_at: '2026-01-01T00:00:00Z',
            updated_at: '2026-01-01T00:00:00Z',
          })
          .execute();
        const a2 = { ...a, connectionId: 'k-ann2' };
        const people = ['eva.lind@northwind.se', 'raj.iyer@contoso.in', 'sam.hale@fabrikam.com'];
        const titles = ['Buyer', 'Head of Procurement', 'COO'];
        let n = 0;
        const page = (month: number, who: string[]) =>
          who.map((email, i) =>
            signed(
              `<p${month}-${i}@x>`,
              email,
              `2026-${String(month).padStart(2, '0')}-0${1 + i}T08:00:00Z`,
              {
                title: titles[(month + i) % titles.length]!,
                company: i === 2 && month > 6 ? 'Initrode GmbH' : 'Fabrikam Ltd',
                phones: [
                  {
                    type: 'work',
                    e164: `+1212555${String(100 + ((n++ * 7) % 13)).padStart(4, '0')}`,
                    raw: `+1 212 555 ${String(100 + ((n * 7) % 13)).padStart(4, '0')}`,
                  },
                ],
                // Sam's signature names Eva's address as a colleague contact: an `email` value on another profile.
                emails: email.startsWith('sam') ? ['eva.lind@northwind.se'] : [],
              },
            ),
          );
        for (let month = 1; month <= 9; month++) {
          const who = people.slice(0, 1 + (month % 3));
          await ingest(t.db, [a, b, c, a2][month % 4]!, page(month, who));
          if (month % 4 === 0) await ingest(t.db, b, page(month, who)); // the same mail in another mailbox
          if (month === 5) await ingest(t.db, [a, b, c, a2][month % 4]!, page(month, who)); // a replay
        }
        await ingest(t.db, c, page(2, people)); // old mail arriving late
        // The same title written two ways at the same instant, in either order: the same raw form is kept.
        const at = '2026-10-01T08:00:00Z';
        await ingest(t.db, c, [signed('<t1@x>', people[1]!, at, { title: 'head of procurement' })]);
        await ingest(t.db, a, [signed('<t2@x>', people[1]!, at, { title: 'Head of Procurement' })]);
        await ingest(t.db, a, [signed('<t3@x>', people[2]!, at, { title: 'COO' })]);
        await ingest(t.db, c, [signed('<t4@x>', people[2]!, at, { title: 'coo' })]);
        for (const p of await fromScratchVsStored(t.db)) {
          expect(p.values.stored, p.email).toEqual(p.values.expected);
          expect(p.members.stored, p.email).toEqual(p.members.expected);
          expect(p.row.stored, p.email).toEqual(p.row.expected);
        }
        expect((await findProfile(t.db, people[1]!))?.title).toBe('Head of Procurement');
        expect((await findProfile(t.db, people[2]!))?.title).toBe('COO');
        expect(
          (await fromScratchVsStored(t.db)).some((p) => p.values.stored.some((v) => v.corroboration > 1)),
        ).toBe(true);

        // Erasing Eva removes her address from Sam's values too.
        await t.db.transaction().execute((trx) =>
          eraseInTransaction(trx, 'eva.lind@northwind.se', 'erase', {
            ...testPrivacy,
            now: new Date('2026-11-02T00:00:00Z'),
          }),
        );
        const after = await fromScratchVsStored(t.db);
        expect(after.map((p) => p.email)).toEqual(['raj.iyer@contoso.in', 'sam.hale@fabrikam.com']);
        for (const p of after) {
          expect(p.values.stored, p.email).toEqual(p.values.expected);
          expect(p.members.stored, p.email).toEqual(p.members.expected);
        }
        for (const table of ['profile_values', 'profile_value_contributors'] as const)
          expect(JSON.stringify(await t.db.selectFrom(table).selectAll().execute())).not.toContain(
            'eva.lind',
          );

        // The store's full path (maintenance) rebuilds the same values from the observations.
        const keys = await t.db
          .selectFrom('observations')
          .select(['profile_id as profileId', 'field', 'value_norm as value'])
          .execute();
        await t.db.deleteFrom('profile_value_contributors').execute();
        await t.db.updateTable('profile_values').set({ contributors: 0, raw: '?' }).execute();
        await t.db.transaction().execute((trx) => refreshValues(trx, keys));
        for (const p of await fromScratchVsStored(t.db)) {
          expect(p.values.stored, p.email).toEqual(p.values.expected);
          expect(p.members.stored, p.email).toEqual(p.members.expected);
        }

        // A database from before profile_values existed gets them filled from its observations (0050), and
        // one from before the running aggregates its contributor rows and recomputed values (0060).
        await t.db.schema.dropTable('profile_value_contributors').execute();
        await t.db.schema.dropTable('profile_values').execute();
        await profileValuesUp(t.db);
        await valueContributorsUp(t.db);
        for (const p of await fromScratchVsStored(t.db)) {
          expect(p.values.stored, p.email).toEqual(p.values.expected);
          expect(p.members.stored, p.email).toEqual(p.members.expected);
        }
      } finally {
        await t.dispose();
      }
    });

    it('companies kept as running tallies equal a count over their profiles, through listings, corrections, restrictions and erasures', async () => {
      const t = await freshDatabase(dialect);
      try {
        const [a, b] = [await addMember(t.db, 'ann'), await addMember(t.db, 'bob')];
        const domain = 'umbrella-corp.com';
        const person = (i: number, company: string, phone = i % 3 ? US_PHONE : DE_PHONE) =>
          signed(`<c${i}-${company}@x>`, `p${i}@${domain}`, `2026-0${1 + (i % 8)}-01T00:00:00Z`, {
            name: `P ${i}`,
            company,
            address: i % 2 ? '1 Hive Way, Raccoon City' : null,
            websites: i % 4 ? [`https://www.${domain}`] : [],
            phones: [phone],
          });
        // Listed (US) and pending (DE) people; two spellings of the company, the second ahead 4 to 3.
        await ingest(
          t.db,
          a,
          [0, 1, 2, 3, 4, 5, 6].map((i) => person(i, i < 3 ? 'Umbrella Corp' : 'Umbrella Corporation')),
        );
        const expectCompanies = async () => {
          const profiles = await t.db
            .selectFrom('profiles')
            .selectAll()
            .where('domain', '=', domain)
            .execute();
          const stored = await t.db
            .selectFrom('companies')
            .select(['domain', 'name', 'website', 'address', 'contacts_count'])
            .where('domain', '=', domain)
            .executeTakeFirst();
          const want = companyFromProfiles(domain, profiles);
          expect(stored ? { ...stored, contacts_count: Number(stored.contacts_count) } : null).toEqual(want);
          return want;
        };
        expect(await expectCompanies()).toMatchObject({
          name: 'Umbrella Corporation',
          address: '1 Hive Way, Raccoon City',
          website: `https://www.${domain}`,
        });
        // Bob's newer mail moves three people to the first spelling: 6 to 1.
        await ingest(
          t.db,
          b,
          [3, 4, 5]
            .map((i) => ({ ...person(i, 'Umbrella Corp'), messageKey: `<b${i}@x>` }))
            .map((m) => ({
              ...m,
              observations: m.observations.map((o) => ({ ...o, observedAt: '2026-10-01T00:00:00Z' })),
            })),
        );
        expect(await expectCompanies()).toMatchObject({ name: 'Umbrella Corp' });
        const ids = new Map<number, string>();
        for (const i of [0, 1, 2, 3, 4, 5, 6]) ids.set(i, (await findProfile(t.db, `p${i}@${domain}`))!.id);
        const id = (i: number) => ids.get(i)!;
        await t.db.transaction().execute(async (trx) => {
          await pinField(trx, id(1), 'company', 'Umbrella Pharmaceuticals', '2026-11-02T00:00:00Z');
          await pinField(trx, id(2), 'address', null, '2026-11-02T00:00:00Z');
        });
        await expectCompanies();
        const pending = (
          await t.db
            .selectFrom('profiles')
            .select('id')
            .where('domain', '=', domain)
            .where('status', '=', 'pending')
            .execute()
        ).map((r) => r.id);
        expect(pending.length).toBeGreaterThan(0);
        await t.db
          .transaction()
          .execute((trx) => listContact(trx, gate, pending[0]!, '2026-11-03T00:00:00Z'));
        await expectCompanies();
        await t.db.transaction().execute(async (trx) => {
          await restrictProfile(trx, id(3), '2026-11-04T00:00:00Z');
          await restrictProfile(trx, id(4), '2026-11-04T00:00:00Z');
        });
        await expectCompanies();
        await t.db
          .transaction()
          .execute(async (trx) => unrestrictProfile(trx, id(4), '2026-11-05T00:00:00Z'));
        await expectCompanies();
        await t.db.transaction().execute((trx) =>
          eraseInTransaction(trx, `p5@${domain}`, 'erase', {
            ...testPrivacy,
            now: new Date('2026-11-06T00:00:00Z'),
          }),
        );
        await expectCompanies();
        // Everyone gone or hidden: no company row, and nothing left in its tallies.
        for (const i of [0, 1, 2, 6])
          await t.db.transaction().execute((trx) =>
            eraseInTransaction(trx, `p${i}@${domain}`, 'erase', {
              ...testPrivacy,
              now: new Date('2026-11-07T00:00:00Z'),
            }),
          );
        await t.db.transaction().execute(async (trx) => restrictProfile(trx, id(4), '2026-11-08T00:00:00Z'));
        expect(await expectCompanies()).toBeNull();
        expect(
          await t.db.selectFrom('company_tallies').selectAll().where('domain', '=', domain).execute(),
        ).toEqual([]);
        await t.db
          .transaction()
          .execute(async (trx) => unrestrictProfile(trx, id(4), '2026-11-09T00:00:00Z'));
        await expectCompanies();

        // The backfill (0061) and the full path give the same rows.
        const snapshot = async () => ({
          companies: await t.db
            .selectFrom('companies')
            .select(['domain', 'name', 'website', 'address', 'contacts_count'])
            .orderBy('domain')
            .execute(),
          tallies: await t.db
            .selectFrom('company_tallies')
            .selectAll()
            .orderBy('domain')
            .orderBy('kind')
            .orderBy('value')
            .execute(),
          members: await t.db.selectFrom('company_members').selectAll().orderBy('profile_id').execute(),
        });
        const incremental = await snapshot();
        await t.db
          .transaction()
          .execute(async (trx) => recomputeCompanies(trx, [domain, 'elsewhere.com'], '2026-11-10T00:00:00Z'));
        expect(await snapshot()).toEqual(incremental);
        await t.db.schema.dropTable('company_tallies').execute();
        await t.db.schema.dropTable('company_members').execute();
        await t.db.deleteFrom('companies').execute();
        await companyTalliesUp(t.db);
        expect(await snapshot()).toEqual(incremental);
      } finally {
        await t.dispose();
      }
    });

    it('hostile observations (bad emails, unknown fields, huge values, bad dates) are dropped or capped, never stored raw', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const huge = 'A'.repeat(100_000);
        const out = await ingest(t.db, a, [
          {
            messageKey: '<h1@x>',
            observations: [
              {
                email: 'not an email',
                field: 'name',
                value: 'x',
                raw: 'x',
                source: 'signature',
                observedAt: '2026-01-01T00:00:00Z',
              },
              {
                email: 'ok@evil-corp.com',
                field: 'body' as never,
                value: 'x',
                raw: 'x',
                source: 'signature',
                observedAt: '2026-01-01T00:00:00Z',
              },
              {
                email: 'ok@evil-corp.com',
                field: 'title',
                value: huge,
                raw: huge,
                source: 'signature',
                observedAt: '2026-01-01T00:00:00Z',
              },
              {
                email: 'ok@evil-corp.com',
                field: 'name',
                value: 'Ok',
                raw: 'Ok',
                source: 'signature',
                observedAt: 'yesterday-ish',
              },
              // A forged future date must not make its value "the newest" forever.
              {
                email: 'ok@evil-corp.com',
                field: 'company',
                value: 'Forged Inc',
                raw: 'Forged Inc',
                source: 'signature',
                observedAt: '2099-01-01T00:00:00Z',
              },
            ],
          },
        ]);
        expect(out.observationsStored).toBe(2);
        const p = await findProfile(t.db, 'ok@evil-corp.com');
        expect(p?.title?.length).toBeLessThanOrEqual(300);
        expect(p?.name).toBeNull();
        expect(p?.last_seen).toBe('2026-11-01T00:00:00.000Z');
        await ingest(
          t.db,
          a,
          [signed('<h2@x>', 'ok@evil-corp.com', '2026-11-20T00:00:00Z', { company: 'Evil Corp' })],
          '2026-11-21T00:00:00Z',
        );
        expect((await findProfile(t.db, 'ok@evil-corp.com'))?.company).toBe('Evil Corp');
      } finally {
        await t.dispose();
      }
    });
  });
}
