/**
 * Reading mail files ahead (connectors/read-ahead.ts, readMailboxPaths' `readAhead`): several reads at
 * once, results in input order, failures at their place, and the same messages as reading one at a time.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readAhead } from '../../connectors/read-ahead.ts';
import { readMailboxPaths, type MailboxItem } from '../../connectors/mailbox-files.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'mail');

async function collect<T>(it: AsyncIterable<T>): Promise<{ values: T[]; error: unknown }> {
  const values: T[] = [];
  try {
    for await (const v of it) values.push(v);
    return { values, error: null };
  } catch (error) {
    return { values, error };
  }
}

describe('readAhead', () => {
  it('yields results in task order although later tasks finish first, never more than depth at once', async () => {
    let running = 0;
    let most = 0;
    const tasks = Array.from({ length: 40 }, (_, i) => async () => {
      running++;
      most = Math.max(most, running);
      await sleep((40 - i) % 7); // later tasks are often quicker
      running--;
      return i;
    });
    const { values } = await collect(readAhead(tasks, 8));
    expect(values).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(most).toBe(8);
  });

  it('throws a failed task at its place, after every result before it', async () => {
    const tasks = [0, 1, 2, 3, 4].map((i) => async () => {
      if (i === 2) throw new Error('task 2 failed');
      await sleep(5 - i);
      return i;
    });
    const { values, error } = await collect(readAhead(tasks, 4));
    expect(values).toEqual([0, 1]);
    expect((error as Error).message).toBe('task 2 failed');
  });

  it('throws a failure of the task source after the tasks it gave before failing', async () => {
    async function* source() {
      yield async () => 'a';
      yield async () => 'b';
      throw Object.assign(new Error('no such path'), { code: 'ENOENT' });
    }
    const { values, error } = await collect(readAhead(source(), 16));
    expect(values).toEqual(['a', 'b']);
    expect((error as { code?: string }).code).toBe('ENOENT');
  });
});

describe('readMailboxPaths with read-ahead', () => {
  const summary = (items: MailboxItem[]) =>
    items.map((i) => ({
      file: i.file,
      index: i.index,
      bytes: i.bytes?.length ?? null,
      error: i.error ?? null,
    }));

  it('gives the same messages in the same order as reading one file at a time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-read-ahead-'));
    try {
      // A folder with .eml files, an mbox inside it, a file that is not mail, a message over the 1 MiB
      // read-ahead size and one over the 50 MiB budget (sparse, so it costs no disk).
      mkdirSync(join(dir, 'box', 'sub'), { recursive: true });
      copyFileSync(join(fixtures, 'outlook-reply-en.eml'), join(dir, 'box', 'a.eml'));
      copyFileSync(join(fixtures, 'mbox', 'sample.mbox'), join(dir, 'box', 'b-archive'));
      writeFileSync(join(dir, 'box', 'c-notes.txt'), 'not mail at all\n');
      writeFileSync(join(dir, 'box', 'd-big.eml'), `From: big@firm.example\n\n${'x'.repeat(1_200_000)}\n`);
      writeFileSync(join(dir, 'box', 'e-huge.eml'), '');
      truncateSync(join(dir, 'box', 'e-huge.eml'), 51 * 1024 * 1024);
      copyFileSync(join(fixtures, 'gmail-reply-pt.eml'), join(dir, 'box', 'sub', 'f.eml'));
      const paths = [
        join(dir, 'box'),
        join(fixtures, 'mbox', 'sample.mbox'),
        join(fixtures, 'apple-mail-reply.eml'),
      ];

      const one = await collect(readMailboxPaths(paths));
      const ahead = await collect(readMailboxPaths(paths, {}, { readAhead: 16 }));
      expect(one.error).toBeNull();
      expect(ahead.error).toBeNull();
      expect(summary(ahead.values)).toEqual(summary(one.values));
      const files = ahead.values.map((i) => i.file.replace(dir, ''));
      expect(files.slice(0, 2)).toEqual(['/box/a.eml', '/box/b-archive#1']);
      expect(files).toContain('/box/d-big.eml');
      expect(ahead.values.find((i) => i.file.endsWith('e-huge.eml'))?.error).toMatch(
        /over the 50 MiB budget/,
      );
      expect(files.at(-1)).toBe(join(fixtures, 'apple-mail-reply.eml'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws for a missing path only after the messages of the paths before it', async () => {
    const paths = [join(fixtures, 'mbox', 'sample.mbox'), join(fixtures, 'no-such-file.eml')];
    const one = await collect(readMailboxPaths(paths));
    const ahead = await collect(readMailboxPaths(paths, {}, { readAhead: 16 }));
    expect(one.values.length).toBeGreaterThan(0);
    expect(summary(ahead.values)).toEqual(summary(one.values));
    expect((ahead.error as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
