/**
 * Why this suite exists: Gmail's per-user quota (250 units/s) is shared by every process that calls for the
 * user. Three worker processes harvesting one Google account at once must together stay within it (issue 10),
 * which the in-process limiter alone cannot do (3 x 240 units/s). Through the front door: three `sigmine
 * harvest` processes on one PostgreSQL database, against the local Google that answers 429 past the quota.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import { sharedQuota } from '../../src/quota/shared-bucket.ts';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';
import { cleanEnv, startCli } from '../helpers/cli.ts';
import { postgresServerAvailable, withScratchDatabase } from '../helpers/databases.ts';

const KEY_HEX = '9e'.repeat(32);
let g: GoogleServer;
beforeAll(async () => {
  // Gmail's per-user rate, enforced with 429; concurrency is not what this suite measures.
  g = await startGoogleServer({ unitsPerSecond: 250, maxConcurrent: 50 });
});
afterAll(() => g.close());

describe.skipIf(!(await postgresServerAvailable('test/quota/shared-quota.test.ts')))(
  'quota shared across processes (postgres)',
  () => {
    it('three worker processes on one Google account stay within the per-user rate: not a single 429', async () => {
      await withScratchDatabase('sigmine_quota', async (url) => {
        const d = await openDatabase(url);
        try {
          await migrateToLatest(d.db);
          const account = 'shared-quota@acme.test';
          const { refreshToken } = g.addUser(account);
          g.addMessages(account, 40);
          const { connection } = await upsertConnection(
            d.db,
            { contributorEmail: account, kind: 'gmail', account, secret: refreshToken },
            parseSecretKey(KEY_HEX),
          );
          const env = cleanEnv({ ...g.env(), SIGMINE_DATABASE: url, SIGMINE_SECRET_KEY: KEY_HEX });
          // Dry runs from the start: three processes reading the whole mailbox at once (no lease between them).
          const runs = await Promise.all(
            [0, 1, 2].map(
              () =>
                startCli(['harvest', '--connection', connection.id, '--dry-run', '--from-start', '--json'], {
                  env,
                }).done,
            ),
          );
          for (const r of runs) expect(r.code, r.stderr).toBe(0);
          const mine = g.requests.filter((q) => q.user === account && q.path.startsWith('/gmail/'));
          // 3 x (profile + list + 40 metadata + 40 bodies).
          expect(mine.filter((q) => q.status === 200)).toHaveLength(3 * 82);
          expect(mine.filter((q) => q.status === 429)).toEqual([]);
          // The shared buckets never hold the member's address (it would outlive an opt-out).
          const keys = (await d.db.selectFrom('quota_buckets').select('key').execute()).map((r) => r.key);
          expect(keys.length).toBeGreaterThan(0);
          for (const k of keys) {
            expect(k).toMatch(/^sha256:[0-9a-f]{64}$/);
            expect(k).not.toContain(account);
          }
        } finally {
          await d.close();
        }
      });
    }, 60_000);

    it('a bucket hands out at most burst + rate x time, whichever process asks', async () => {
      await withScratchDatabase('sigmine_bucket', async (url) => {
        const handles = await Promise.all([0, 1, 2].map(() => openDatabase(url)));
        try {
          await migrateToLatest(handles[0]!.db);
          const gates = handles.map((h) => sharedQuota(h.db)!);
          const key = [{ key: 'test:user:x', unitsPerSecond: 100, burst: 20 }];
          const t0 = Date.now();
          const done: number[] = [];
          await Promise.all(
            gates.map(async (gate) => {
              for (let i = 0; i < 10; i++) {
                await gate.reserve(key, 5);
                done.push(Date.now() - t0);
              }
            }),
          );
          // 150 units at 100 units/s after a burst of 20: the last reservation clears after >= 1.3 s.
          expect(Math.max(...done)).toBeGreaterThanOrEqual(1_250);
          // Within any first second, at most 20 + 100 units = 24 reservations of 5.
          expect(done.filter((ms) => ms < 1_000).length).toBeLessThanOrEqual(24);
        } finally {
          await Promise.all(handles.map((h) => h.close()));
        }
      });
    }, 30_000);
  },
);
