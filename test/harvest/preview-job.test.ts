/**
 * Why this suite exists: a member's preview is a job (issue 10), not work done inside one HTTP request: it
 * starts at once, its progress can be polled, it reads at most the newest PREVIEW_LIMIT messages, one runs at
 * a time per member, only that member sees its status and result, and it stores nothing. Against the real
 * local-mailbox connector over the bundled sample mailbox, on SQLite and PostgreSQL, and from the CLI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { noProgress, silentLogger } from '../../src/log.ts';
import { PREVIEW_LIMIT } from '../../src/harvest/index.ts';
import { PreviewJobs, type PreviewJobStatus } from '../../src/harvest/preview-jobs.ts';
import { acquireLease, releaseLease } from '../../src/harvest/lease.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { SAMPLE_MAILBOX } from '../../src/commands/demo.ts';

const MEMBER = 'mia@member.example';
const config = loadConfig({ SIGMINE_DATABASE: ':memory:' });

async function untilFinished(jobs: PreviewJobs, id: string): Promise<PreviewJobStatus[]> {
  const seen: PreviewJobStatus[] = [];
  for (let i = 0; i < 600; i++) {
    const s = jobs.status(MEMBER, id)!;
    seen.push(s);
    if (s.state !== 'running') return seen;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('preview did not finish');
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(`preview job (${dialect})`, () => {
    let t: TestDatabase;
    let env: HarvestEnv;
    let id: string;
    beforeEach(async () => {
      t = await freshDatabase(dialect);
      env = { db: t.db, config, logger: silentLogger, progress: noProgress, holder: 'web-1' };
      id = (
        await upsertConnection(
          t.db,
          { contributorEmail: MEMBER, kind: 'mailbox', account: 'sample', config: { path: SAMPLE_MAILBOX } },
          null,
        )
      ).connection.id;
    });
    afterEach(async () => t.dispose());

    it('starts at once, reports progress, ends with the contacts and stores nothing', async () => {
      const jobs = new PreviewJobs();
      const started = jobs.start(env, MEMBER, id);
      expect(started).toMatchObject({ state: 'running', connectionId: id, limit: PREVIEW_LIMIT, scanned: 0 });
      expect(jobs.result(MEMBER, started.id)).toBeNull();
      // One at a time per member: asking again while it runs gives the running job.
      expect(jobs.start(env, MEMBER, id).id).toBe(started.id);

      const seen = await untilFinished(jobs, started.id);
      const last = seen[seen.length - 1]!;
      expect(last).toMatchObject({ state: 'done', code: null });
      expect(last.scanned).toBeGreaterThan(20);
      expect(last.scanned).toBeLessThanOrEqual(PREVIEW_LIMIT);
      const contacts = jobs.result(MEMBER, started.id)!;
      expect(contacts.map((c) => c.email)).toContain('k.vogel@nordwind-logistik.example');
      expect(last.contacts).toBe(contacts.length);
      // Another member sees neither its status nor its result.
      expect(jobs.status('eve@elsewhere.example', started.id)).toBeNull();
      expect(jobs.result('eve@elsewhere.example', started.id)).toBeNull();
      // Nothing stored: no profile, no processed key, no cursor.
      const n = async (table: 'profiles' | 'processed_messages') =>
        Number(
          (
            await t.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await n('profiles')).toBe(0);
      expect(await n('processed_messages')).toBe(0);
      // A finished job frees the member for the next one.
      expect(jobs.start(env, MEMBER, id).id).not.toBe(started.id);
      await untilFinished(jobs, jobs.start(env, MEMBER, id).id);
    });

    it('runs under the connection lease: beside a running harvest it ends as already-running, reading nothing', async () => {
      const jobs = new PreviewJobs();
      expect(await acquireLease(t.db, id, 'worker-9', 60_000)).toBe(true);
      try {
        const started = jobs.start(env, MEMBER, id);
        const last = (await untilFinished(jobs, started.id)).pop()!;
        expect(last.state).toBe('done');
        expect(last.code).toBe('already-running');
        expect(last.scanned).toBe(0);
        expect(jobs.result(MEMBER, started.id)).toEqual([]);
      } finally {
        await releaseLease(t.db, id, 'worker-9');
      }
    });
  });
}

describe('sigmine preview (the CLI)', () => {
  it('prints progress lines, then the contacts of the newest messages, and stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-preview-cli-'));
    try {
      const file = join(dir, 'sigmine.db');
      const d = await openDatabase(file);
      let id: string;
      try {
        await migrateToLatest(d.db);
        id = (
          await upsertConnection(
            d.db,
            {
              contributorEmail: MEMBER,
              kind: 'mailbox',
              account: 'sample',
              config: { path: SAMPLE_MAILBOX },
            },
            null,
          )
        ).connection.id;
      } finally {
        await d.close();
      }
      const env = cleanEnv({ SIGMINE_DATABASE: file, SIGMINE_SECRET_KEY: '4e'.repeat(32) });
      const r = await runCli(['preview', '--connection', id, '--json'], { env });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, any>);
      expect(lines[0]!.progress).toMatchObject({ state: 'running', connectionId: id, limit: PREVIEW_LIMIT });
      const last = lines[lines.length - 1]!;
      expect(last.preview).toMatchObject({ state: 'done', code: null });
      expect(last.preview.scanned).toBeLessThanOrEqual(PREVIEW_LIMIT);
      expect(last.contacts.map((c: { email: string }) => c.email)).toContain(
        'k.vogel@nordwind-logistik.example',
      );

      // Text mode: progress on stderr ending with the final count (not only the first "0 read" line), then
      // the result on stdout; the same counts as --json.
      const text = await runCli(['preview', '--connection', id], { env });
      expect(text.code, text.stderr).toBe(0);
      const progress = text.stderr.split('\n').filter((l) => l.startsWith('preview: '));
      expect(progress.at(-1)).toBe(
        `preview: ${last.preview.scanned} of at most ${PREVIEW_LIMIT} messages read, ${last.contacts.length} contacts, done`,
      );
      expect(last.preview.scanned).toBeGreaterThan(0);
      expect(progress.filter((l, i) => l === progress[i - 1])).toEqual([]); // no line repeated
      expect(text.stdout.split('\n')[0]).toBe(
        `${last.contacts.length} contacts in the newest ${last.preview.scanned} messages; nothing stored`,
      );

      const missing = await runCli(['preview', '--connection', 'nope', '--json'], { env });
      expect(missing.code).toBe(1);
      expect(JSON.parse(missing.stdout).error.code).toBe('not-found');

      const after = await openDatabase(file);
      try {
        expect(await after.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
