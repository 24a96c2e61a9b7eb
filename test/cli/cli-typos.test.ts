/**
 * An operator's typos, through the real CLI in a child process: a mistyped file, expression or option is
 * refused when the command is typed, with a clear message and the usual exit code and `--json` shape, and
 * it never spoils what was already stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli } from '../helpers/cli.ts';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmine-typos-'));
  env = cleanEnv({ SIGMINE_DATABASE: join(dir, 'sigmine.db'), SIGMINE_SECRET_KEY: 'a5'.repeat(32) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ConnectionLine {
  id: string;
  config: Record<string, unknown>;
}

describe('connect imap --ca-file', () => {
  it('refuses a CA file that does not exist, and leaves the stored connection as it was', async () => {
    const password = join(dir, 'imap-password');
    writeFileSync(password, 'secret\n', { mode: 0o600 });
    const base = ['connect', 'imap', '--contributor', 'ops@firm.example', '--host', 'imap.firm.example'];
    const login = ['--port', '993', '--user', 'ops@firm.example', '--password-file', password];
    const first = await runCli([...base, ...login, '--json'], { cwd: dir, env });
    expect(first.code, first.stdout + first.stderr).toBe(0);

    const missing = join(dir, 'no-such-ca.pem');
    const typo = await runCli([...base, ...login, '--ca-file', missing, '--json'], { cwd: dir, env });
    expect(typo.code).toBe(1);
    expect(JSON.parse(typo.stdout)).toEqual({
      error: { code: 'not-found', message: `no such CA file: ${missing}` },
    });
    const text = await runCli([...base, ...login, '--ca-file', missing], { cwd: dir, env });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`no such CA file: ${missing}`);

    const list = await runCli(['connections', 'list', '--json'], { cwd: dir, env });
    const lines = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ConnectionLine);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.config).not.toHaveProperty('tlsCaFile');
  });
});

describe('schedule --cron', () => {
  it('refuses an expression that is not cron as a bad option, before opening the database', async () => {
    const database = join(dir, 'schedule.db');
    const only = cleanEnv({ SIGMINE_DATABASE: database, SIGMINE_SECRET_KEY: 'a5'.repeat(32) });
    for (const cron of ['hourly', '61 * * * *']) {
      const r = await runCli(['schedule', '--cron', cron], { cwd: dir, env: only });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(
        `option '--cron <expr>' argument '${cron}' is invalid. not a cron expression`,
      );
    }
    expect(existsSync(database)).toBe(false);
  });
});
