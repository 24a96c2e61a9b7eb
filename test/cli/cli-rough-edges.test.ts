/**
 * Operator rough edges of issue 11, through the real CLI in a child process: an unsupported database URL
 * is refused instead of becoming a SQLite file, numeric options are validated, `--json` errors are JSON
 * lines, the ids a table shows are the ids commands take, and `--version` answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ensureContributor } from '../../src/connections/repository.ts';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigmine-cli-'));
  env = cleanEnv({ SIGMINE_DATABASE: join(dir, 'db', 'sigmine.db'), SIGMINE_SECRET_KEY: 'c7'.repeat(32) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI refuses what it cannot do, and says so in the form asked for', () => {
  it('refuses a mysql:// database with a clear error, creating no file, in text and in --json', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const mysql = cleanEnv({ SIGMINE_DATABASE: 'mysql://app@db.example/sigmine' });
    const text = await runCli(['contacts', 'list'], { cwd, env: mysql });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(
      '"mysql://" is not supported; use postgres://..., sqlite:PATH or a file path',
    );
    const json = await runCli(['contacts', 'list', '--json'], { cwd, env: mysql });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'bad-input', message: expect.stringContaining('mysql://') },
    });
    expect(readdirSync(cwd)).toEqual([]); // no `mysql:` folder, no SQLite file
  });

  it('refuses --concurrency 0 before harvesting anything, as a JSON line with --json', async () => {
    const text = await runCli(['harvest', '--concurrency', '0'], { cwd: dir, env });
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/--concurrency.*must be a whole number of 1 or more, got "0"/);
    const json = await runCli(['harvest', '--concurrency', '0', '--json'], { cwd: dir, env });
    expect(json.code).toBe(1);
    const line = JSON.parse(json.stdout) as { error: { code: string; message: string } };
    expect(line.error.code).toBe('bad-input');
    expect(line.error.message).toContain('--concurrency');
    expect(json.stderr).toBe('');
  });

  it('a not-found with --json is a JSON line, not text', async () => {
    const r = await runCli(['contacts', 'show', 'nobody@nowhere.example', '--json'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'not-found', message: 'no contact nobody@nowhere.example' },
    });
  });

  it('shows connection ids in full, and harvest --connection takes the id as shown', async () => {
    const box = join(dir, 'box');
    mkdirSync(box, { recursive: true });
    writeFileSync(
      join(box, 'a.eml'),
      'From: Ann Example <ann@firm.example>\r\nMessage-ID: <a@x>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\nHi\r\n',
    );
    expect(
      (
        await runCli(['connect', 'mailbox', '--contributor', 'me@home.example', '--path', box], {
          cwd: dir,
          env,
        })
      ).code,
    ).toBe(0);
    const table = await runCli(['connections', 'list'], { cwd: dir, env });
    const id = /^([0-9a-f]{8}-[0-9a-f-]{27})\s/m.exec(table.stdout)?.[1];
    expect(id, table.stdout).toBeDefined();
    const h = await runCli(['harvest', '--connection', id!], { cwd: dir, env });
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toContain(id!);
  });

  it('connections list --contributor says when no such contributor is registered, and lists none for one without connections', async () => {
    const file = join(dir, 'contributors.db');
    const d = await openDatabase(file);
    try {
      await migrateToLatest(d.db);
      await ensureContributor(d.db, 'idle@home.example'); // registered, no connection left
    } finally {
      await d.close();
    }
    const local = cleanEnv({ SIGMINE_DATABASE: file });
    const list = (args: string[]) => runCli(['connections', 'list', ...args], { cwd: dir, env: local });

    const unknown = await list(['--contributor', 'unknown@x.example']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('[not-found] no contributor unknown@x.example is registered');
    const unknownJson = await list(['--contributor', 'unknown@x.example', '--json']);
    expect(unknownJson.code).toBe(1);
    expect(JSON.parse(unknownJson.stdout)).toEqual({
      error: { code: 'not-found', message: 'no contributor unknown@x.example is registered' },
    });

    const idle = await list(['--contributor', 'Idle@home.example']);
    expect(idle.code, idle.stderr).toBe(0);
    expect(idle.stdout.trim()).toBe('no connections for Idle@home.example');
    const idleJson = await list(['--contributor', 'idle@home.example', '--json']);
    expect(idleJson.code, idleJson.stderr).toBe(0);
    expect(idleJson.stdout).toBe('');
  });

  it('prints its version', async () => {
    const r = await runCli(['--version'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(existsSync(join(dir, 'mysql:'))).toBe(false);
  });
});
