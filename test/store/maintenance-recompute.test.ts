/**
 * `sigmine maintenance recompute` (the full recompute of everything derived from observations) gives the
 * same directory as the incremental path pages keep: after pages from several mailboxes, replays, old mail
 * arriving late, corrections, a restriction, listings and erasures, the derived tables are damaged and
 * rebuilt from the observations alone, and must come back exactly as the pages left them. On SQLite
 * through the real CLI; on PostgreSQL through the same store function the command calls.
 */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DIALECTS, freshDatabase, postgresAvailable } from '../helpers/databases.ts';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import type { DB } from '../../src/db/schema.ts';
import { findProfile, pinField, restrictProfile } from '../../src/store/profile-admin.ts';
import { listContact } from '../../src/store/ledger.ts';
import { recomputeAll } from '../../src/store/recompute-all.ts';
import { eraseInTransaction } from '../../src/privacy/erase.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { testPolicy, testPrivacy } from '../helpers/privacy-options.ts';

const gate = privacyGate({ policy: testPolicy });

/** Every derived table, in a stable order, without bookkeeping times (`updated_at`, `recorded_at`, ids). */
async function derived(db: Kysely<DB>) {
  const num = <R extends Record<string, unknown>>(rows: R[], ...cols: Array<keyof R>) =>
    rows.map((r) => ({ ...r, ...Object.fromEntries(cols.map((c) => [c, Number(r[c])])) }));
  return {
    profiles: (await db.selectFrom('profiles').selectAll().orderBy('email').execute()).map(
      ({ updated_at: _, ...p }) => p,
    ),
    values: num(
      await db
        .selectFrom('profile_values')
        .selectAll()
        .orderBy('profile_id')
        .orderBy('field')
        .orderBy('value_norm')
        .execute(),
      'contributors',
    ),
    contributors: await db
      .selectFrom('profile_value_contributors')
      .selectAll()
      .orderBy('profile_id')
      .orderBy('field')
      .orderBy('value_norm')
      .orderBy('contributor_id')
      .execute(),
    jobs: await db
      .selectFrom('job_history')
      .select(['profile_id', 'old_title', 'old_company', 'new_title', 'new_company', 'changed_at'])
      .orderBy('profile_id')
      .orderBy('changed_at')
      .orderBy('new_title')
      .execute(),
    members: num(
      await db.selectFrom('company_members').selectAll().orderBy('profile_id').execute(),
      'listed',
    ),
    tallies: num(
      await db
        .selectFrom('company_tallies')
        .selectAll()
        .orderBy('domain')
        .orderBy('kind')
        .orderBy('value')
        .execute(),
      'n',
    ),
    companies: num(
      await db
        .selectFrom('companies')
        .select(['domain', 'name', 'website', 'address', 'contacts_count'])
        .orderBy('domain')
        .execute(),
      'contacts_count',
    ),
  };
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`maintenance recompute on ${dialect}`, () => {
    it('rebuilds from the observations exactly the directory the pages kept, through replays, corrections, restrictions and erasures', async () => {
      const t = await freshDatabase(dialect);
      try {
        const [a, b, c] = [
          await addMember(t.db, 'ann'),
          await addMember(t.db, 'bob'),
          await addMember(t.db, 'cy'),
        ];
        const people = [
          'eva.lind@northwind.example',
          'raj.iyer@northwind.example',
          'sam.hale@fabrikam.example',
          'lee.wu@fabrikam.example',
        ];
        const titles = ['Buyer', 'Head of Procurement', 'COO', 'Sales Lead'];
        const page = (month: number, who: string[]) =>
          who.map((email, i) =>
            signed(
              `<p${month}-${i}@x>`,
              email,
              `2026-${String(month).padStart(2, '0')}-0${1 + i}T08:00:00Z`,
              {
                name: email.split('@')[0]!.replace('.', ' '),
                title: titles[(month + i) % titles.length]!,
                company: email.endsWith('fabrikam.example')
                  ? month > 6
                    ? 'Fabrikam Ltd'
                    : 'Fabrikam'
                  : 'Northwind AB',
                address: i % 2 ? '1 Harbour Road, Springfield' : null,
                websites: [`https://www.${email.split('@')[1]}`],
                phones: [i % 2 ? DE_PHONE : US_PHONE],
                // Sam's signature names Eva's address as a colleague contact: an `email` value on his profile.
                emails: email.startsWith('sam') ? ['eva.lind@northwind.example'] : [],
              },
            ),
          );
        for (let month = 1; month <= 9; month++) {
          const who = people.slice(0, 1 + (month % 4));
          await ingest(t.db, [a, b, c][month % 3]!, page(month, who));
          if (month % 4 === 0) await ingest(t.db, b, page(month, who)); // the same mail in another mailbox
          if (month === 5) await ingest(t.db, [a, b, c][month % 3]!, page(month, who)); // a replay
        }
        await ingest(t.db, c, page(2, people)); // old mail arriving late
        const id = async (email: string) => (await findProfile(t.db, email))!.id;
        const [raj, sam, lee] = [await id(people[1]!), await id(people[2]!), await id(people[3]!)];
        await t.db.transaction().execute(async (trx) => {
          await pinField(trx, raj, 'title', 'Chief Buyer', '2026-10-02T00:00:00Z');
          await pinField(
            trx,
            sam,
            'emails',
            ['eva.lind@northwind.example', 'sam@fabrikam.example'],
            '2026-10-02T00:00:00Z',
          );
        });
        const pending = await t.db
          .selectFrom('profiles')
          .select('id')
          .where('status', '=', 'pending')
          .orderBy('email')
          .execute();
        expect(pending.length).toBeGreaterThan(0);
        await t.db
          .transaction()
          .execute((trx) => listContact(trx, gate, pending[0]!.id, '2026-10-03T00:00:00Z'));
        await t.db.transaction().execute((trx) => restrictProfile(trx, lee, '2026-10-04T00:00:00Z'));
        // Eva is erased: her profile goes, and her address leaves Sam's observations and his pinned list.
        await t.db.transaction().execute((trx) =>
          eraseInTransaction(trx, people[0]!, 'erase', {
            ...testPrivacy,
            now: new Date('2026-10-05T00:00:00Z'),
          }),
        );
        await ingest(t.db, a, page(10, people.slice(0, 2))); // after the erasure: Eva is blocked, Raj moves on

        const incremental = await derived(t.db);
        // What the history covers, so the comparison below means something.
        expect(incremental.profiles.map((p) => p.email)).toEqual(people.slice(1).sort());
        expect(incremental.values.some((v) => v.contributors > 1)).toBe(true);
        expect(incremental.jobs.length).toBeGreaterThan(2);
        expect(incremental.companies.map((x) => x.domain)).toEqual(['fabrikam.example', 'northwind.example']);
        expect(JSON.stringify(incremental)).not.toContain('eva.lind');
        expect((await findProfile(t.db, people[2]!))!.emails_json).toBe(
          JSON.stringify(['sam@fabrikam.example']),
        );

        // Damage every derived table; only observations, pins and statuses are left to rebuild from.
        for (const table of [
          'profile_value_contributors',
          'profile_values',
          'job_history',
          'company_members',
          'company_tallies',
          'companies',
        ] as const)
          await t.db.deleteFrom(table).execute();
        await t.db
          .updateTable('profiles')
          .set({
            title: 'Stale',
            company: null,
            phones_json: '[]',
            emails_json: '["x@y.z"]',
            first_seen: '2030-01-01T00:00:00.000Z',
          })
          .execute();
        expect(await derived(t.db)).not.toEqual(incremental);

        if (dialect === 'sqlite') {
          const r = await runCli(['maintenance', 'recompute', '--json'], {
            env: cleanEnv({ SIGMINE_DATABASE: t.url }),
          });
          expect(r.stderr).toBe('');
          expect(r.code).toBe(0);
          expect(JSON.parse(r.stdout)).toMatchObject({ profiles: 3, profilesChanged: 3, companies: 2 });
        } else {
          expect(await recomputeAll(t.db, '2026-12-01T00:00:00.000Z')).toMatchObject({
            profiles: 3,
            profilesChanged: 3,
            companies: 2,
          });
        }
        expect(await derived(t.db)).toEqual(incremental);
        // Run again on a directory already in step: nothing to rewrite.
        expect(await recomputeAll(t.db, '2026-12-02T00:00:00.000Z')).toMatchObject({
          profiles: 3,
          profilesChanged: 0,
        });
        expect(await derived(t.db)).toEqual(incremental);
      } finally {
        await t.dispose();
      }
    });
  });
}
