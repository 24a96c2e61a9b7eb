/**
 * The README is what operators type from: every command its table shows exists (its `--help` answers for
 * that very command) with every flag shown, and every SIGMINE_* variable the configuration reads has
 * exactly one row in its table of variables.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCli } from '../helpers/cli.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The first cell of each table row, with Markdown's escaped `\|` back to `|`. */
function firstCells(): string[] {
  return README.split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) =>
      l
        .replace(/\\\|/g, '\u0000')
        .split('|')[1]!
        .replace(/\u0000/g, '|'),
    );
}

/** `sigmine privacy erase|restrict|object EMAIL` -> its command paths and the flags written after them. */
function commandsOf(code: string): { paths: string[][]; flags: string[] } {
  const words = code.split(/\s+/).slice(1);
  let paths: string[][] = [[]];
  for (const w of words) {
    if (!/^[a-z][a-z-]*(\|[a-z][a-z-]*)*$/.test(w)) break;
    paths = paths.flatMap((p) => w.split('|').map((alt) => [...p, alt]));
  }
  return { paths, flags: [...new Set(code.match(/--[a-z][a-z-]*/g) ?? [])] };
}

const rows = firstCells()
  .flatMap((cell) => [...cell.matchAll(/`(sigmine [^`]+)`/g)].map((m) => m[1]!))
  .map((code) => ({ code, ...commandsOf(code) }));

describe('the README command table', () => {
  it('lists commands', () => {
    expect(rows.length).toBeGreaterThan(15);
  });

  it.each(rows)('`$code` exists with the flags shown', async ({ paths, flags }) => {
    let help = '';
    for (const path of paths) {
      const r = await runCli([...path, '--help'], { env: cleanEnv() });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: sigmine ${path.join(' ')} `));
      help += r.stdout;
    }
    for (const flag of flags) expect(help, flag).toMatch(new RegExp(`${flag}\\b`));
  });
});

describe('the README table of variables', () => {
  const source = ['src/config.ts', 'src/mail-config.ts']
    .map((f) => readFileSync(join(ROOT, f), 'utf8'))
    .join('\n');
  const read = [...new Set(source.match(/SIGMINE_[A-Z0-9_]+/g))];
  const documented = firstCells().flatMap((cell) => cell.match(/SIGMINE_[A-Z0-9_]+/g) ?? []);

  it.each(read)('has exactly one row for %s', (name) => {
    expect(documented.filter((d) => d === name)).toHaveLength(1);
  });
});
