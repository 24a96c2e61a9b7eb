/**
 * Honest storage failures (issue 9): a disk that fills up in the middle of a harvest is reported as itself
 * (SQLITE_FULL, "database or disk is full"), not as "cannot rollback - no transaction is active", and the
 * counts say exactly what was committed. A 2 MiB tmpfs is the full disk for the CLI (root only: skipped,
 * loudly, where mounting is not allowed); SQLite's `max_page_count` plays it for the library test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { freshDatabase } from '../helpers/databases.ts';
import { SAMPLE_MBOX } from '../helpers/sample-mailbox.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { holderId } from '../../src/harvest/lease.ts';
import { noProgress, silentLogger } from '../../src/log.ts';
import { loadConfig } from '../../src/config.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

const COPIES = 12; // 12 x 43 messages: 6 pages of 100
const dir = mkdtempSync(join(tmpdir(), 'sigmine-full-'));
const mbox = join(dir, 'big.mbox');

beforeAll(() => {
  const sample = readFileSync(SAMPLE_MBOX, 'utf8');
  writeFileSync(
    mbox,
    Array.from({ length: COPIES }, (_, i) => sample.replaceAll('.example', `-f${i}.example`)).join(''),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages = async (db: Kysely<DB>) =>
  Number((await sql<{ page_count: number }>`PRAGMA page_count`.execute(db)).rows[0]!.page_count);
const profiles = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('profiles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function harvest(db: Kysely<DB>, id: string) {
  const env = { db, config: loadConfig({}), logger: silentLogger, progress: noProgress, holder: holderId() };
  return (await runHarvest(env, [id])).results[0]!;
}

describe('a disk that fills up mid-harvest', () => {
  it('is reported as SQLITE_FULL with the pages committed before it, counted exactly; the next harvest finishes', async () => {
    // How much the whole harvest writes, on a scratch database.
    const ref = await freshDatabase('sqlite');
    const refConn = await upsertConnection(
      ref.db,
      { contributorEmail: 'm@member.example', kind: 'mailbox', account: 'big', config: { path: mbox } },
      null,
    );
    const base = await pages(ref.db);
    expect((await harvest(ref.db, refConn.connection.id)).status).toBe('ok');
    const growth = (await pages(ref.db)) - base;
    const everyone = await profiles(ref.db);
    await ref.dispose();

    const t = await freshDatabase('sqlite');
    try {
      const { connection } = await upsertConnection(
        t.db,
        { contributorEmail: 'm@member.example', kind: 'mailbox', account: 'big', config: { path: mbox } },
        null,
      );
      await sql.raw(`PRAGMA max_page_count = ${(await pages(t.db)) + Math.floor(growth / 2)}`).execute(t.db);
      const r = await harvest(t.db, connection.id);
      expect(r).toMatchObject({ status: 'error', code: 'storage' });
      expect(r.message).toMatch(
        /^storage error: database or disk is full \(SQLITE_FULL\); \d+ page\(s\) and their cursor were committed/,
      );
      expect(r.message).not.toMatch(/cannot rollback/);
      const committed = Number(/; (\d+) page/.exec(r.message!)![1]);
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(6);
      expect(r.counts.contactsNew).toBe(await profiles(t.db));

      await sql.raw('PRAGMA max_page_count = 1073741823').execute(t.db);
      const again = await harvest(t.db, connection.id);
      expect(again.status).toBe('ok');
      expect(r.counts.contactsNew + again.counts.contactsNew).toBe(everyone);
      expect(await profiles(t.db)).toBe(everyone);
    } finally {
      await t.dispose();
    }
  }, 120_000);

  it('through the CLI on a really full disk: SQLITE_FULL itself (SQLite rolled back on its own), exit 2, the counts of what is stored', async (ctx) => {
    const mnt = join(dir, 'small');
    mkdirSync(mnt);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      process.stderr.write(
        '\n*** full-disk CLI test SKIPPED: cannot mount a 2 MiB tmpfs here (needs root) ***\n\n',
      );
      return ctx.skip();
    }
    try {
      const env = cleanEnv({
        SIGMINE_DATABASE: join(mnt, 'sigmine.db'),
        SIGMINE_SECRET_KEY: randomBytes(32).toString('hex'),
        SIGMINE_NOTICE_OUTBOX: join(dir, 'outbox'),
      });
      expect(
        (await runCli(['connect', 'mailbox', '--contributor', 'm@member.example', '--path', mbox], { env }))
          .code,
      ).toBe(0);
      const h = await runCli(['harvest', '--json'], { env });
      expect(h.code).toBe(2);
      const conn = h.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .find((l) => l.type === 'connection');
      expect(conn).toMatchObject({ status: 'error', code: 'storage' });
      expect(conn.message).toMatch(
        /^storage error: database or disk is full \(SQLITE_FULL\); \d+ page\(s\) and their cursor were committed/,
      );
      const listed = (await runCli(['contacts', 'list', '--status', 'all', '--json'], { env })).stdout
        .trim()
        .split('\n')
        .filter(Boolean);
      expect(conn.counts.contactsNew).toBe(listed.length);
    } finally {
      execFileSync('umount', [mnt], { stdio: 'ignore' });
    }
  }, 120_000);
});
