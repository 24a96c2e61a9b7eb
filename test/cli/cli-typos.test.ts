/**
 * An operator's typos, through the real CLI in a child process: a mistyped file, expression or option is
 * refused when the command is typed, with a clear message and the usual exit code and `--json` shape, and
 * it never spoils what was already stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

describe('--json on every command that prints a result', () => {
  it('privacy export --json prints the export as one JSON line, and its errors as JSON', async () => {
    const r = await runCli(['privacy', 'export', 'nobody@firm.example', '--json'], { cwd: dir, env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ subject: 'nobody@firm.example', profiles: [] });

    const bad = await runCli(['privacy', 'export', 'not-an-address', '--json'], { cwd: dir, env });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      error: { code: 'bad-input', message: 'not an email address' },
    });
    const both = await runCli(['privacy', 'export', 'nobody@firm.example', '--vcard', '--json'], {
      cwd: dir,
      env,
    });
    expect(both.code).toBe(1);
    expect(JSON.parse(both.stdout)).toEqual({
      error: { code: 'bad-input', message: 'give --vcard or --json, not both' },
    });
  });

  it('notices retry --json queues a bounced notice again and says so as JSON', async () => {
    const local = cleanEnv({
      SIGMINE_DATABASE: join(dir, 'notices.db'),
      SIGMINE_SECRET_KEY: 'a5'.repeat(32),
      SIGMINE_NOTICE_OUTBOX: join(dir, 'outbox'),
    });
    const run = (args: string[]) => runCli(args, { cwd: dir, env: local });
    const box = join(import.meta.dirname, '..', '..', 'fixtures', 'sample-mailbox');
    expect((await run(['connect', 'mailbox', '--contributor', 'me@home.example', '--path', box])).code).toBe(
      0,
    );
    expect((await run(['harvest', '--json'])).code).toBe(0);
    const queued = await run(['notices', 'list', '--status', 'queued', '--json']);
    const id = (JSON.parse(queued.stdout.split('\n')[0]!) as { id: string }).id;
    expect((await run(['notices', 'send', '--limit', '1', '--no-promote'])).code).toBe(0);
    expect((await run(['notices', 'bounce', id])).code).toBe(0);

    const retry = await run(['notices', 'retry', id, '--json']);
    expect(retry.code, retry.stdout + retry.stderr).toBe(0);
    expect(JSON.parse(retry.stdout)).toEqual({ id, status: 'queued' });
    const again = await run(['notices', 'list', '--status', 'queued', '--json']);
    expect(again.stdout).toContain(id);

    const unknown = await run(['notices', 'retry', 'no-such-notice', '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toEqual({
      error: { code: 'not-found', message: 'no bounced or failed notice with that id' },
    });
  });
});

describe('harvest selectors', () => {
  it('refuses --connection with --contributor (or --all) instead of harvesting another member', async () => {
    const local = cleanEnv({
      SIGMINE_DATABASE: join(dir, 'selectors.db'),
      SIGMINE_SECRET_KEY: 'a5'.repeat(32),
    });
    const run = (args: string[]) => runCli(args, { cwd: dir, env: local });
    const box = join(dir, 'ann-box');
    mkdirSync(box);
    writeFileSync(
      join(box, 'a.eml'),
      'From: Bo Example <bo@firm.example>\r\nMessage-ID: <b@x>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\nHi\r\n',
    );
    const ann = await run([
      'connect',
      'mailbox',
      '--contributor',
      'ann@home.example',
      '--path',
      box,
      '--json',
    ]);
    const annId = (JSON.parse(ann.stdout) as { id: string }).id;

    for (const extra of [['--contributor', 'cy@home.example'], ['--all']]) {
      const r = await run(['harvest', '--connection', annId, ...extra, '--json']);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)).toEqual({
        error: { code: 'bad-input', message: 'give one of --all, --connection ID or --contributor EMAIL' },
      });
    }
    const list = await run(['connections', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { lastHarvestAt: string | null }).lastHarvestAt).toBeNull();
    expect((await run(['harvest', '--connection', annId, '--json'])).code).toBe(0);
  });
});

describe('connect gmail|outlook --account', () => {
  it('refuses an account that is not an e-mail address, and stores nothing', async () => {
    const local = cleanEnv({
      SIGMINE_DATABASE: join(dir, 'account.db'),
      SIGMINE_SECRET_KEY: 'a5'.repeat(32),
    });
    const token = join(dir, 'refresh-token');
    writeFileSync(token, 'refresh-token-value\n', { mode: 0o600 });
    for (const kind of ['gmail', 'outlook', 'google-contacts']) {
      const r = await runCli(
        [
          'connect',
          kind,
          '--contributor',
          'ann@home.example',
          '--refresh-token-file',
          token,
          '--account',
          'ann',
          '--json',
        ],
        { cwd: dir, env: local },
      );
      expect(r.code, r.stdout).toBe(1);
      expect(JSON.parse(r.stdout)).toEqual({
        error: { code: 'bad-input', message: '--account is not an email address: ann' },
      });
    }
    const list = await runCli(['connections', 'list', '--json'], { cwd: dir, env: local });
    expect(list.stdout).toBe('');
    const ok = await runCli(
      [
        'connect',
        'gmail',
        '--contributor',
        'ann@home.example',
        '--refresh-token-file',
        token,
        '--account',
        'ann@firm.example',
      ],
      { cwd: dir, env: local },
    );
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('harvest --since', () => {
  it('refuses a day the month does not have instead of rolling it into the next month', async () => {
    for (const since of ['2025-02-30', '2025-04-31T08:00:00Z']) {
      const r = await runCli(['harvest', '--since', since, '--dry-run', '--json'], { cwd: dir, env });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)).toEqual({
        error: { code: 'bad-input', message: `--since: not a date: ${since}` },
      });
    }
    const empty = cleanEnv({ SIGMINE_DATABASE: join(dir, 'since.db'), SIGMINE_SECRET_KEY: 'a5'.repeat(32) });
    const leap = await runCli(['harvest', '--since', '2024-02-29', '--dry-run', '--json'], {
      cwd: dir,
      env: empty,
    });
    expect(leap.code, leap.stdout).toBe(0);
  });
});

describe('exclusions add --folder', () => {
  it('warns, as the member page does, that a folder rule on an Outlook source or a calendar matches nothing', async () => {
    const local = cleanEnv({
      SIGMINE_DATABASE: join(dir, 'folders.db'),
      SIGMINE_SECRET_KEY: 'a5'.repeat(32),
    });
    const run = (args: string[]) => runCli(args, { cwd: dir, env: local });
    const token = join(dir, 'folder-token');
    writeFileSync(token, 'refresh-token-value\n', { mode: 0o600 });
    const idOf = async (kind: string) => {
      const r = await run([
        'connect',
        kind,
        '--contributor',
        'fay@home.example',
        '--refresh-token-file',
        token,
        '--account',
        'fay@firm.example',
        '--json',
      ]);
      return (JSON.parse(r.stdout) as { id: string }).id;
    };
    const outlook = await idOf('outlook');
    const calendar = await idOf('google-calendar');
    const gmail = await idOf('gmail');

    const onOutlook = await run([
      'exclusions',
      'add',
      '--member',
      'fay@home.example',
      '--folder',
      `${outlook}:Archive`,
      '--json',
    ]);
    expect(onOutlook.code).toBe(0);
    expect(JSON.parse(onOutlook.stdout)).toMatchObject({
      kind: 'folder',
      value: 'Archive',
      connectionId: outlook,
    });
    expect(onOutlook.stderr).toContain(
      'warning: Outlook sources are read from the Inbox only, so a folder rule on one matches nothing',
    );
    const onCalendar = await run([
      'exclusions',
      'add',
      '--member',
      'fay@home.example',
      '--folder',
      `${calendar}:Work`,
    ]);
    expect(onCalendar.code).toBe(0);
    expect(onCalendar.stderr).toContain('warning: Calendars and address books have no folders');
    const onGmail = await run([
      'exclusions',
      'add',
      '--member',
      'fay@home.example',
      '--folder',
      `${gmail}:Clients`,
    ]);
    expect(onGmail.code).toBe(0);
    expect(onGmail.stderr).not.toContain('warning');
  });
});

describe('optout --contributor', () => {
  it('refuses an address that is not an e-mail address as bad input, before opening the database', async () => {
    const database = join(dir, 'optout.db');
    const only = cleanEnv({ SIGMINE_DATABASE: database, SIGMINE_SECRET_KEY: 'a5'.repeat(32) });
    const json = await runCli(['optout', '--contributor', 'notanemail', '--json'], { cwd: dir, env: only });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'bad-input', message: '--contributor is not an email address: notanemail' },
    });
    const text = await runCli(['optout', '--contributor', 'a@b.example, c@d.example'], {
      cwd: dir,
      env: only,
    });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(
      '[bad-input] --contributor is not an email address: a@b.example, c@d.example',
    );
    expect(existsSync(database)).toBe(false);
    // A well-formed address nobody registered is still a not-found, as before.
    const unknown = await runCli(['optout', '--contributor', 'nobody@home.example', '--json'], {
      cwd: dir,
      env: only,
    });
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe('not-found');
  });
});
