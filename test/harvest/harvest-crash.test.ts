/**
 * The crash-and-replay guarantee, through the real CLI in a child process: a harvest killed with -9 in the
 * middle of a run, then run again, leaves exactly the store an uninterrupted run leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { SAMPLE_MBOX } from '../helpers/sample-mailbox.ts';
import { cleanEnv, runCli, startCli } from '../helpers/cli.ts';

const COPIES = 7; // 7 x 43 messages = 301 messages = 4 pages of 100 (the mailbox connector's page size)
const dir = mkdtempSync(join(tmpdir(), 'sigmine-crash-'));
const mbox = join(dir, 'big.mbox');
let total = 0;

beforeAll(() => {
  const sample = readFileSync(SAMPLE_MBOX, 'utf8');
  // Each copy gets its own domains (and so its own people, companies and Message-IDs).
  const copies = Array.from({ length: COPIES }, (_, i) => sample.replaceAll('.example', `-c${i}.example`));
  writeFileSync(mbox, copies.join(''));
  total = (copies.join('').match(/^From /gm) ?? []).length;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both databases use one key, as an operator's would (a harvest refuses to run without one). */
const KEY = 'c3'.repeat(32);

async function setup(name: string): Promise<{ url: string; env: NodeJS.ProcessEnv }> {
  const url = join(dir, `${name}.db`);
  const d = await openDatabase(url);
  await upsertConnection(
    d.db,
    { contributorEmail: 'crash@member.example', kind: 'mailbox', account: 'big', config: { path: mbox } },
    null,
  );
  await d.close();
  return { url, env: cleanEnv({ SIGMINE_DATABASE: url, SIGMINE_SECRET_KEY: KEY }) };
}

async function storeSnapshot(url: string) {
  const d = await openDatabase(url);
  try {
    const db = d.db;
    const profiles = await db
      .selectFrom('profiles')
      .select([
        'email',
        'status',
        'name',
        'title',
        'department',
        'company',
        'address',
        'phones_json',
        'emails_json',
        'websites_json',
        'social_json',
        'first_seen',
        'last_seen',
      ])
      .orderBy('email')
      .execute();
    const observations = await db
      .selectFrom('observations')
      .innerJoin('profiles', 'profiles.id', 'observations.profile_id')
      .select(['profiles.email', 'field', 'value_norm', 'raw', 'source', 'first_observed', 'last_observed'])
      .orderBy('profiles.email')
      .orderBy('field')
      .orderBy('value_norm')
      .orderBy('source')
      .execute();
    // What the merge reads: a replayed page must not count a contributor twice.
    const values = await db
      .selectFrom('profile_values')
      .innerJoin('profiles', 'profiles.id', 'profile_values.profile_id')
      .select([
        'profiles.email',
        'field',
        'value_norm',
        'raw',
        'sources',
        'contributors',
        'first_observed',
        'last_observed',
      ])
      .orderBy('profiles.email')
      .orderBy('field')
      .orderBy('value_norm')
      .execute();
    const ledger = (await db.selectFrom('ledger_entries').select(['kind', 'amount']).execute())
      .map((r) => `${r.kind}:${r.amount}`)
      .sort();
    const count = async (t: 'processed_messages' | 'notices' | 'job_history' | 'companies') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      profiles,
      observations,
      values,
      ledger,
      processed: await count('processed_messages'),
      notices: await count('notices'),
      jobHistory: await count('job_history'),
      companies: await count('companies'),
    };
  } finally {
    await d.close();
  }
}

const summaryOf = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; counts: Record<string, number> })
    .find((l) => l.type === 'summary')!;

describe('a harvest killed with -9 mid-run', () => {
  it('resumes from the last stored page and ends with the same store as an uninterrupted run', async () => {
    const clean = await setup('clean');
    const ref = await runCli(['harvest', '--all', '--json'], { env: clean.env });
    expect(ref.code).toBe(0);
    expect(summaryOf(ref.stdout).counts.messagesScanned).toBe(total);

    const crashed = await setup('crashed');
    const { child, done } = startCli(['harvest', '--all', '--json'], { env: crashed.env });
    // Counted over everything read so far: a log line may arrive split across chunks.
    let seen = '';
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('"event":"harvest.page"') && !child.killed) child.kill('SIGKILL');
    });
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');

    const resumed = await runCli(['harvest', '--all', '--json'], { env: crashed.env });
    expect(resumed.code).toBe(0);
    const summary = summaryOf(resumed.stdout) as unknown as { ok: number; counts: Record<string, number> };
    expect(summary.ok).toBe(1); // the dead process's lease does not block the resumed run
    const c = summary.counts;
    // at least the logged page was kept, and at most the page in flight is replayed
    expect(c.messagesScanned).toBeLessThanOrEqual(total - 100);
    expect(c.messagesReplayed).toBeLessThanOrEqual(100);

    expect(await storeSnapshot(crashed.url)).toEqual(await storeSnapshot(clean.url));
  }, 240_000);
});
