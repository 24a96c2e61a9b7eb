/**
 * `insertRows` (src/db/insert-rows.ts), the store's one way of writing many rows: on PostgreSQL each column
 * goes as a typed array and a column with one value on every row as one scalar; on SQLite as multi-row
 * VALUES. Whatever the values hold, what is read back is what was written, row for row.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, freshDatabase, postgresAvailable } from '../helpers/databases.ts';
import { insertRows, onConflict } from '../../src/db/insert-rows.ts';

const NASTY = [
  'a "quoted" word',
  'back\\slash',
  '{braces},commas',
  'NULL',
  '',
  ' spaced ',
  'ünï€ode 😀',
  "it's",
];

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`insertRows on ${dialect}`, () => {
    it('writes every row as given: awkward text, nulls, numbers, identical rows and columns with one value', async () => {
      const t = await freshDatabase(dialect);
      try {
        await sql`create table scratch_rows (k varchar(40), v text, n integer)`.execute(t.db);
        const rows = [
          ...NASTY.map((v, i) => ({ k: 'same', v, n: i })),
          { k: 'same', v: null, n: null },
          // Identical rows, every column the same: each is a row of its own.
          ...Array.from({ length: 3 }, () => ({ k: 'twin', v: 'x', n: 7 })),
        ];
        await insertRows(t.db, 'scratch_rows', rows);
        await insertRows(
          t.db,
          'scratch_rows',
          Array.from({ length: 2 }, () => ({ k: 'twin', v: 'x', n: 7 })),
        );
        const back = await t.db
          .selectFrom('scratch_rows' as never)
          .select(['k', 'v', 'n'] as never[])
          .execute();
        const norm = (r: Record<string, unknown>) => ({
          k: r.k,
          v: r.v,
          n: r.n === null ? null : Number(r.n),
        });
        const key = (r: Record<string, unknown>) => JSON.stringify(norm(r));
        expect(back.map((r) => key(r as Record<string, unknown>)).sort()).toEqual(
          [...rows, ...Array.from({ length: 2 }, () => ({ k: 'twin', v: 'x', n: 7 }))].map(key).sort(),
        );
      } finally {
        await t.dispose();
      }
    });

    it('returns only the rows a conflict clause let in', async () => {
      const t = await freshDatabase(dialect);
      try {
        await sql`create table scratch_keys (k varchar(40) primary key, v text)`.execute(t.db);
        const conflict = onConflict(['k']);
        const first = await insertRows(
          t.db,
          'scratch_keys',
          [
            { k: 'a', v: '1' },
            { k: 'b', v: '2' },
          ],
          {
            conflict,
            returning: ['k'],
          },
        );
        const second = await insertRows(
          t.db,
          'scratch_keys',
          [
            { k: 'b', v: '3' },
            { k: 'c', v: '4' },
          ],
          {
            conflict,
            returning: ['k'],
          },
        );
        expect(first.map((r) => r.k).sort()).toEqual(['a', 'b']);
        expect(second.map((r) => r.k)).toEqual(['c']);
      } finally {
        await t.dispose();
      }
    });
  });
}
