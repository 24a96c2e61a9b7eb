/**
 * Several Gmail mailboxes harvested at once on a SQLite file spread over worker threads
 * (src/harvest/parallel.ts): the directory, the counters and the logs are what a one-thread harvest gives.
 */
import { Writable } from 'node:stream';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { jsonLogger, noProgress } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { harvestThreads } from '../../src/harvest/parallel.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';

const KEY_HEX = '5a'.repeat(32);
const ACCOUNTS = ['ann', 'bob', 'cat', 'dan'].map((n) => `${n}@member.example`);
let g: GoogleServer;
let dir: string;

beforeAll(async () => {
  g = await startGoogleServer({ unitsPerSecond: 100_000 });
  dir = mkdtempSync(join(tmpdir(), 'sigmine-threads-'));
  ACCOUNTS.forEach((a, i) => {
    g.addUser(a);
    // Overlapping senders between mailboxes: threads update the same profiles at the same time.
    g.addMessages(a, 40 + 10 * i);
  });
});
afterAll(async () => {
  await g.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setUp(
  name: string,
): Promise<{ d: Database; env: HarvestEnv; ids: string[]; logs: () => string }> {
  const database = join(dir, `${name}.db`);
  const config = loadConfig({ ...g.env(), SIGMINE_DATABASE: database, SIGMINE_SECRET_KEY: KEY_HEX });
  const d = await openDatabase(config.database);
  const ids: string[] = [];
  for (const a of ACCOUNTS) {
    const { refreshToken } = g.addUser(a);
    const { connection } = await upsertConnection(
      d.db,
      { contributorEmail: a, kind: 'gmail', account: a, config: {}, secret: refreshToken },
      parseSecretKey(KEY_HEX),
    );
    ids.push(connection.id);
  }
  let logs = '';
  const out = new Writable({
    write(chunk, _enc, cb) {
      logs += String(chunk);
      cb();
    },
  });
  const env: HarvestEnv = {
    db: d.db,
    config,
    logger: jsonLogger(out),
    progress: noProgress,
    holder: `test-${name}`,
  };
  return { d, env, ids, logs: () => logs };
}

describe.skipIf(availableParallelism() < 2)('harvest threads', () => {
  it('four mailboxes harvested in threads store the same directory and counts as in one thread, and a rerun changes nothing', async () => {
    const one = await setUp('one');
    const many = await setUp('many');
    try {
      expect(await harvestThreads(one.env, 4, 4, false)).toBeGreaterThanOrEqual(2);
      const a = await runHarvest(one.env, one.ids, { concurrency: 4, threads: false });
      const b = await runHarvest(many.env, many.ids, { concurrency: 4 });
      expect(b.results.map((r) => [r.status, r.code])).toEqual(ACCOUNTS.map(() => ['ok', null]));
      expect(b.results.map((r) => r.counts.messagesScanned)).toEqual(
        a.results.map((r) => r.counts.messagesScanned),
      );
      expect(b.summary.counts.contactsNew).toBe(a.summary.counts.contactsNew);
      expect(b.summary.counts.contactsNew).toBeGreaterThan(0);

      const profiles = async (d: Database) =>
        (await d.db.selectFrom('profiles').select(['email', 'status']).orderBy('email').execute()).map(
          (p) => `${p.email} ${p.status}`,
        );
      expect(await profiles(many.d)).toEqual(await profiles(one.d));

      // The workers' log lines reach the run's logger, one harvest.start per connection.
      const starts = many
        .logs()
        .split('\n')
        .filter((l) => l.includes('"event":"harvest.start"'));
      expect(starts).toHaveLength(ACCOUNTS.length);

      const again = await runHarvest(many.env, many.ids, { concurrency: 4 });
      expect(again.summary.counts.messagesScanned).toBe(0);
      expect(await profiles(many.d)).toEqual(await profiles(one.d));
      const runs = await many.d.db.selectFrom('harvest_outcomes').select('status').execute();
      expect(runs.map((r) => r.status)).toEqual(Array(2 * ACCOUNTS.length).fill('ok'));
    } finally {
      await one.d.close();
      await many.d.close();
    }
  }, 120_000);
});
