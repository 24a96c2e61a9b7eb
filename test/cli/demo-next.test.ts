/**
 * The commands `sigmine demo` suggests next work as printed, in the folder the demo ran in, and show
 * something: a newcomer types them straight after the demo.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'sigmine-demo-next-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('after sigmine demo', () => {
  it('each suggested command that needs no placeholder exits 0 and prints what it says', async () => {
    const env = cleanEnv();
    const demo = await runCli(['demo'], { cwd: dir, env });
    expect(demo.code, demo.stderr).toBe(0);
    const next = demo.stdout.split('\nNext:\n')[1]!.trim().split('\n');
    const runnable = next
      .map((l) => l.trim().split(/\s{2,}/)[0]!)
      .filter((cmd) => cmd.startsWith('npx sigmine ') && !/\b[A-Z]{3,}\b/.test(cmd));
    expect(runnable.some((cmd) => cmd.includes(' harvest --dry-run'))).toBe(true);
    for (const cmd of runnable) {
      const r = await runCli(cmd.split(' ').slice(2), { cwd: dir, env });
      expect(r.code, `${cmd}\n${r.stderr}`).toBe(0);
      expect(r.stdout.trim(), cmd).not.toBe('');
      // "what the mailbox would contribute": the sample mailbox's contacts, not an empty table.
      if (cmd.includes(' harvest --dry-run')) {
        const would = /(\d+) contacts would be contributed/.exec(r.stdout);
        expect(Number(would?.[1]), r.stdout).toBeGreaterThanOrEqual(20);
      }
    }
  }, 120_000);
});
