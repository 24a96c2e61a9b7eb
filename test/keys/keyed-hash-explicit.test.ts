/**
 * Keyed hashes use the key their caller gives, never the environment: a library caller (a test, a script)
 * that leaves the key out gets the database's own dev secret even when SIGMINE_SECRET_KEY is set, so the
 * developer's key is never recorded as a database's key behind anyone's back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable } from '../helpers/databases.ts';
import { HASH_PURPOSE, keyedHasher } from '../../src/store/keyed-hash.ts';
import { currentEpoch } from '../../src/keys/identity.ts';
import { subjectAddress, subjectHash } from '../../src/privacy/subject.ts';

const ENV_KEY = 'c3'.repeat(32);
const before = process.env.SIGMINE_SECRET_KEY;
afterEach(() => {
  if (before === undefined) delete process.env.SIGMINE_SECRET_KEY;
  else process.env.SIGMINE_SECRET_KEY = before;
});

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`keyed hashes on ${dialect}`, () => {
    it("hash with the database's own secret when the caller gives no key, whatever SIGMINE_SECRET_KEY says", async () => {
      process.env.SIGMINE_SECRET_KEY = ENV_KEY;
      const t = await freshDatabase(dialect);
      try {
        const left = await subjectHash(t.db, ' Ann@Acme.example ');
        expect((await currentEpoch(t.db))?.origin).toBe('database');
        const own = (await keyedHasher(t.db, HASH_PURPOSE.suppression, null))(
          subjectAddress('ann@acme.example'),
        );
        expect(left).toBe(own);
        // The environment's key is not this database's key: given explicitly, it is refused.
        await expect(keyedHasher(t.db, HASH_PURPOSE.suppression, ENV_KEY)).rejects.toMatchObject({
          code: 'wrong-key',
        });
      } finally {
        await t.dispose();
      }
    });
  });
}
