/**
 * A page redoes a known person's job history only from the first sighting of the titles and companies it
 * changed (src/store/job-inputs.ts), reading the values and rows from a date on instead of the whole career.
 * Whatever order the mail arrives in (newest first, old signatures late, several mailboxes, end-of-job
 * auto-replies, the same mail twice), the history and the shown title and company must be the ones the
 * full recompute makes from all the observations.
 */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DIALECTS, freshDatabase, postgresAvailable } from '../helpers/databases.ts';
import { addMember, ingest } from '../helpers/store-fixtures.ts';
import type { DB } from '../../src/db/schema.ts';
import type { ObservationInput, PageItem } from '../../src/store/types.ts';
import { recomputeAll } from '../../src/store/recompute-all.ts';

const PEOPLE = ['ines.moreau@lumen.example', 'tom.baker@quarry.example'];
const TITLES = ['Buyer', 'Senior Buyer', 'Head of Purchasing', 'COO', 'Buyer II', 'CEO'];
const COMPANIES = ['Lumen SA', 'Quarry Ltd', 'Lumen Group'];

async function careers(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('job_history')
    .innerJoin('profiles', 'profiles.id', 'job_history.profile_id')
    .select(['email', 'old_title', 'old_company', 'new_title', 'new_company', 'changed_at'])
    .orderBy('email')
    .orderBy('changed_at')
    .orderBy('new_title')
    .orderBy('new_company')
    .execute();
  const shown = await db
    .selectFrom('profiles')
    .select(['email', 'title', 'company'])
    .orderBy('email')
    .execute();
  return { rows, shown };
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`job history page by page on ${dialect}`, () => {
    it('equals the full recompute through job changes arriving in any order, from several mailboxes, with end replies', async () => {
      const t = await freshDatabase(dialect);
      try {
        const members = [
          await addMember(t.db, 'ann'),
          await addMember(t.db, 'bob'),
          await addMember(t.db, 'cy'),
        ];
        let seed = 5;
        const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
        const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString();
        const obs = (email: string, field: ObservationInput['field'], raw: string, d: number) => ({
          email,
          field,
          value: raw.toLowerCase(),
          raw,
          source: 'signature' as const,
          observedAt: day(d),
        });
        let n = 0;
        for (let page = 0; page < 60; page++) {
          const items: PageItem[] = [];
          for (const email of PEOPLE) {
            if (rnd(3) === 0) continue;
            // Mostly a career moving forward (a new title every 80 days, a new company every 150), with old
            // mail arriving late now and then, a stray title sometimes, and end-of-job replies at era ends.
            const d = rnd(4) === 0 ? rnd(400) : Math.min(400, page * 7 + rnd(20));
            const title = rnd(8) === 0 ? `Acting Lead ${n}` : TITLES[Math.floor(d / 80)]!;
            const o = [obs(email, 'title', title, d)];
            if (rnd(2)) o.push(obs(email, 'company', COMPANIES[Math.floor(d / 150)]!, d));
            if (rnd(6) === 0)
              o.push(obs(email, 'job.ended', email.split('@')[1]!, Math.floor(d / 80) * 80 + 79));
            items.push({ messageKey: `<m${n++}@x>`, observations: o });
          }
          const m = members[rnd(members.length)]!;
          await ingest(t.db, m, items);
          if (rnd(5) === 0) await ingest(t.db, members[rnd(members.length)]!, items); // the same mail elsewhere
        }
        const paged = await careers(t.db);
        // What the history covers, so the comparison means something.
        expect(paged.rows.length).toBeGreaterThan(20);
        expect(paged.rows.some((r) => r.new_title === null && r.new_company === null)).toBe(true);

        await t.db.deleteFrom('job_history').execute();
        await t.db.updateTable('profiles').set({ title: 'Stale', company: null }).execute();
        await recomputeAll(t.db, '2026-12-01T00:00:00.000Z');
        expect(await careers(t.db)).toEqual(paged);
      } finally {
        await t.dispose();
      }
    });
  });
}
