/**
 * The CLI's error contract, through the real CLI in a child process: an error that ends a command is one
 * `{"error":{"code","message"}}` line on stdout with `--json` (text on stderr otherwise), its code is the
 * cause's name from src/errors.ts, and the exit code comes from the one mapping (src/commands/lib/exit.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli } from '../helpers/cli.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmine-cli-errors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY = 'c7'.repeat(32);
const db = (name: string) => join(dir, `${name}.db`);

/** Each case: a command that fails for one cause, the code it must name, and the environment it runs in. */
const CASES: Array<{
  cause: string;
  args: string[];
  env: Record<string, string>;
  code: string;
  says: string;
}> = [
  {
    cause: 'a refused option',
    args: ['directory', 'search', 'zz', '--member', 'm@x.example', '--json', '--nonsense'],
    env: { SIGMINE_SECRET_KEY: KEY },
    code: 'bad-input',
    says: "unknown option '--nonsense'",
  },
  {
    cause: 'an unknown member',
    args: ['directory', 'search', 'zz', '--member', 'nobody@x.example', '--json'],
    env: { SIGMINE_SECRET_KEY: KEY },
    code: 'not-found',
    says: 'no member nobody@x.example',
  },
  {
    cause: 'no secret key where one is needed',
    args: ['connect', 'gmail', '--oauth', '--contributor', 'a@b.example', '--json'],
    env: {},
    code: 'missing-key',
    says: 'SIGMINE_SECRET_KEY is not set',
  },
  {
    cause: 'a provider without its OAuth client',
    args: ['connect', 'gmail', '--oauth', '--contributor', 'a@b.example', '--json'],
    env: { SIGMINE_SECRET_KEY: KEY },
    code: 'config',
    says: 'is not set: cannot start the',
  },
  {
    cause: 'an environment value that is none of the documented ones',
    args: ['harvest', '--json'],
    env: { SIGMINE_SECRET_KEY: KEY, SIGMINE_HARVEST_THREADS: 'abc' },
    code: 'bad-config',
    says: 'SIGMINE_HARVEST_THREADS must be a whole number of threads (0 or 1: none; N: at most N), not "abc"',
  },
];

describe('an error that ends a command names its cause and exits with its mapped code', () => {
  it.each(CASES)('$cause: --json prints code $code as one JSON line and exits 1', async (c) => {
    const env = cleanEnv({ SIGMINE_DATABASE: db(c.code), ...c.env });
    const r = await runCli(c.args, { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(c.says); // the error goes to stdout only (stderr may carry notes)
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { error: { code: string; message: string } };
    expect(line).toEqual({ error: { code: c.code, message: expect.stringContaining(c.says) } });
  });

  it('without --json the same error is text on stderr with its code, and nothing on stdout', async () => {
    const env = cleanEnv({ SIGMINE_DATABASE: db('text'), SIGMINE_SECRET_KEY: KEY });
    const r = await runCli(['directory', 'search', 'zz', '--member', 'nobody@x.example'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('sigmine: [not-found] no member nobody@x.example');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack unless SIGMINE_DEBUG asks for it
  });
});

describe('SIGMINE_HARVEST_THREADS is read as documented or refused at start-up', () => {
  it.each(['-1', '2.5', 'two'])('%s is refused with the variable named, before any harvest', async (v) => {
    const env = cleanEnv({
      SIGMINE_DATABASE: db('threads'),
      SIGMINE_SECRET_KEY: KEY,
      SIGMINE_HARVEST_THREADS: v,
    });
    const r = await runCli(['harvest'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`sigmine: [bad-config] SIGMINE_HARVEST_THREADS must be a whole number`);
    expect(r.stderr).toContain(`not "${v}"`);
  });

  it.each(['0', '1', '4'])('%s is accepted', async (v) => {
    const env = cleanEnv({
      SIGMINE_DATABASE: db('threads'),
      SIGMINE_SECRET_KEY: KEY,
      SIGMINE_HARVEST_THREADS: v,
    });
    const r = await runCli(['harvest', '--json'], { cwd: dir, env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain('"error"');
  });
});

describe('the long-running commands name configuration errors as documented (docs/operations.md)', () => {
  it('worker on SQLite is `config`; a refused environment value is `bad-config` for worker and schedule alike', async () => {
    const env = (extra: Record<string, string> = {}) =>
      cleanEnv({ SIGMINE_DATABASE: db('long-running'), SIGMINE_SECRET_KEY: KEY, ...extra });
    const sqlite = await runCli(['worker'], { cwd: dir, env: env() });
    expect(sqlite.code).toBe(1);
    expect(sqlite.stderr).toContain('sigmine: [config] sigmine worker needs PostgreSQL');
    for (const command of ['worker', 'schedule']) {
      const r = await runCli([command], { cwd: dir, env: env({ SIGMINE_HARVEST_THREADS: 'abc' }) });
      expect(r.code, command).toBe(1);
      expect(r.stderr).toContain('sigmine: [bad-config] SIGMINE_HARVEST_THREADS must be a whole number');
    }
  });
});
