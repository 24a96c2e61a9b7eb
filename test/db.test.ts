import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable } from './helpers/databases.ts';

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`database on ${dialect}`, () => {
    it('applies every migration on first open and can store a contributor', async () => {
      const t = await freshDatabase(dialect);
      try {
        await t.db
          .insertInto('contributors')
          .values({ id: 'c1', email: 'member@example.org', created_at: new Date().toISOString() })
          .execute();
        const row = await t.db.selectFrom('contributors').selectAll().executeTakeFirstOrThrow();
        expect(row.status).toBe('active');
      } finally {
        await t.dispose();
      }
    });
  });
}
