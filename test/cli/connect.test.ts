/**
 * `sigmine connect` / `sigmine connections list` through the real CLI (child processes, SQLite file),
 * and the IMAP connection harvested end to end from a real Dovecot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const KEY = randomBytes(32).toString('hex');
const PASSWORD = `imap-pw-${randomBytes(6).toString('hex')}`;
const TOKEN = `1//refresh-${randomBytes(12).toString('hex')}`;

interface Ran {
  code: number;
  out: string;
  err: string;
}

function sigmine(env: Record<string, string>, args: string[], stdin?: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'sigmine.js'), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end(stdin ?? '');
  });
}

const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let dir: string;
let env: Record<string, string>;
let server: DovecotServer;
const USER = 'erin@fabrikam.example';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sigmine-connect-'));
  env = { SIGMINE_DATABASE: join(dir, 'db', 'sigmine.db'), SIGMINE_SECRET_KEY: KEY };
  writeFileSync(join(dir, 'password'), `${PASSWORD}\n`);
  writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
  server = await startDovecot({ [USER]: PASSWORD });
  await server.append(USER, PASSWORD, 'INBOX', [
    {
      raw: [
        'From: Marco Rossi <marco.rossi@contoso-industrie.example>',
        `To: ${USER}`,
        'Subject: offer',
        'Message-ID: <offer-1@contoso-industrie.example>',
        'Date: Fri, 06 Nov 2026 11:00:00 +0100',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Please find the offer attached.',
        '',
        'Best regards,',
        'Marco Rossi',
        'Sales Director',
        'Contoso Industrie S.p.A.',
        'Via Roma 1, 20121 Milano, Italy',
        'Tel. +39 02 1234 5678',
        '',
      ].join('\r\n'),
      flags: [],
    },
  ]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('sigmine connect', () => {
  it('registers an IMAP mailbox with the password from a file, stores it only encrypted, and pays no bonus before a harvest', async () => {
    const r = await sigmine(env, [
      'connect',
      'imap',
      '--contributor',
      'Erin@Fabrikam.example',
      '--host',
      server.host,
      '--port',
      String(server.port),
      '--no-tls',
      '--insecure-plaintext', // the test Dovecot offers no STARTTLS
      '--user',
      USER,
      '--password-file',
      join(dir, 'password'),
      '--verify',
      '--json',
    ]);
    expect(r.err).toMatch(/^sigmine: WARNING: --insecure-plaintext: .* in clear text/m);
    expect(r.code).toBe(0);
    const [out] = jsonLines(r.out);
    expect(out).toMatchObject({
      kind: 'imap',
      account: USER,
      contributor: 'erin@fabrikam.example',
      created: true,
    });
    expect(out!.bonus).toBe(0); // paid after the first harvest that reads a message, not for connecting
    expect(r.out).not.toContain(PASSWORD);

    const list = await sigmine(env, ['connections', 'list', '--json']);
    expect(list.code).toBe(0);
    const [row] = jsonLines(list.out);
    expect(row).toMatchObject({ id: out!.id, kind: 'imap', status: 'active', hasSecret: true });
    expect(row!.config).toEqual({
      host: server.host,
      port: server.port,
      tls: false,
      user: USER,
      auth: 'password',
      insecurePlaintext: true,
    });
    expect(list.out).not.toContain(PASSWORD);
    // No plain copy of the password anywhere in the database files (main file and WAL).
    for (const f of readdirSync(join(dir, 'db')))
      expect(readFileSync(join(dir, 'db', f)).includes(PASSWORD)).toBe(false);
  }, 60_000);

  it('harvests the registered IMAP mailbox into the directory through `sigmine harvest`', async () => {
    const h = await sigmine(env, ['harvest', '--all', '--json']);
    const lines = jsonLines(h.out);
    const conn = lines.find((l) => l.type === 'connection' && l.kind === 'imap');
    expect(conn, h.err).toMatchObject({ status: 'ok' });
    expect((conn as { counts: { messagesScanned: number } }).counts.messagesScanned).toBe(1);
    const contacts = await sigmine(env, ['contacts', 'list', '--status', 'all', '--json']);
    expect(contacts.out).toContain('marco.rossi@contoso-industrie.example');
    expect(contacts.out).not.toContain('Please find the offer attached');
    const again = await sigmine(env, ['harvest', '--all', '--json']);
    const second = jsonLines(again.out).find((l) => l.type === 'connection' && l.kind === 'imap') as {
      counts?: { messagesScanned?: number };
    };
    expect(second?.counts?.messagesScanned).toBe(0);
  }, 120_000);

  it('refuses a wrong IMAP password at --verify and stores nothing', async () => {
    writeFileSync(join(dir, 'wrong'), 'not-the-password');
    const r = await sigmine(env, [
      'connect',
      'imap',
      '--contributor',
      'frank@fabrikam.example',
      '--host',
      server.host,
      '--port',
      String(server.port),
      '--no-tls',
      '--insecure-plaintext', // the test Dovecot offers no STARTTLS
      '--user',
      USER,
      '--password-file',
      join(dir, 'wrong'),
      '--verify',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\[revoked\] IMAP login rejected/);
    const list = await sigmine(env, [
      'connections',
      'list',
      '--contributor',
      'frank@fabrikam.example',
      '--json',
    ]);
    // Nothing stored: not even the contributor the refused connection would have been registered for.
    expect(JSON.parse(list.out).error.code).toBe('not-found');
    expect(list.code).toBe(1);
  }, 60_000);

  it('reads a Gmail refresh token from stdin, and a reconnect replaces it without a second bonus', async () => {
    const args = [
      'connect',
      'gmail',
      '--contributor',
      'erin@fabrikam.example',
      '--account',
      'erin@fabrikam.example',
      '--refresh-token-file',
      '-',
      '--json',
    ];
    const first = await sigmine(env, args, `${TOKEN}\n`);
    expect(first.code, first.err).toBe(0);
    const again = await sigmine(env, args, 'a-newer-token\n');
    expect(again.code, again.err).toBe(0);
    const [a] = jsonLines(first.out);
    const [b] = jsonLines(again.out);
    expect(a).toMatchObject({ kind: 'gmail', created: true });
    expect(b).toMatchObject({ id: a!.id, created: false, bonus: 0 });
    expect(first.out + again.out).not.toContain(TOKEN);
  }, 60_000);

  it('fails clearly without SIGMINE_SECRET_KEY, and never accepts a secret as an argument', async () => {
    const noKey = await sigmine({ SIGMINE_DATABASE: env.SIGMINE_DATABASE! }, [
      'connect',
      'outlook',
      '--contributor',
      'erin@fabrikam.example',
      '--account',
      'erin@fabrikam.example',
      '--refresh-token-file',
      join(dir, 'token'),
    ]);
    expect(noKey.code).toBe(1);
    expect(noKey.err).toMatch(/SIGMINE_SECRET_KEY is not set/);
    const asArg = await sigmine(env, [
      'connect',
      'imap',
      '--contributor',
      'x@y.example',
      '--host',
      'h',
      '--port',
      '143',
      '--user',
      'u',
      '--password-file',
      '-',
      '--password',
      'pw',
    ]);
    expect(asArg.code).toBe(1);
    expect(asArg.err).toMatch(/unknown option '--password'/);
  }, 60_000);

  it('registers local mailbox files without any key, and rejects a path that does not exist', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sigmine-maildir-'));
    const ok = await sigmine({ SIGMINE_DATABASE: env.SIGMINE_DATABASE! }, [
      'connect',
      'mailbox',
      '--contributor',
      'gina@fabrikam.example',
      '--path',
      folder,
      '--json',
    ]);
    expect(ok.code, ok.err).toBe(0);
    expect(jsonLines(ok.out)[0]).toMatchObject({ kind: 'mailbox', account: folder, created: true });
    const missing = await sigmine(env, [
      'connect',
      'mailbox',
      '--contributor',
      'gina@fabrikam.example',
      '--path',
      join(folder, 'nope'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file or folder/);
    const table = await sigmine(env, ['connections', 'list']);
    expect(table.out).toMatch(/gina@fabrikam\.example\s+mailbox/);
    expect(table.out).toMatch(/erin@fabrikam\.example\s+imap/);
  }, 60_000);
});
