/**
 * `sigmine optout` through the real CLI: a provider revoke that fails leaves exit code 2 and a pending
 * revocation, the secret is gone anyway, and `--retry-revocations` settles it once the provider is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const ROOT = join(import.meta.dirname, '..', '..');
const TOKEN = `1//tok-${randomBytes(10).toString('hex')}`;
let dir: string;
let env: Record<string, string>;
let revokeServer: Server;
let down = true;
const revoked: string[] = [];

function sigmine(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'sigmine.js'), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  revokeServer = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (down) return void res.writeHead(503).end('{"error":"backend_error"}');
      revoked.push(new URLSearchParams(body).get('token') ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => revokeServer.listen(0, '127.0.0.1', r));
  dir = mkdtempSync(join(tmpdir(), 'sigmine-optout-'));
  env = {
    SIGMINE_DATABASE: join(dir, 'db', 'sigmine.db'),
    SIGMINE_SECRET_KEY: randomBytes(32).toString('base64'),
    SIGMINE_GOOGLE_OAUTH_URL: `http://127.0.0.1:${(revokeServer.address() as AddressInfo).port}`,
  };
});

afterAll(async () => {
  await new Promise((r) => revokeServer.close(r));
});

describe('sigmine optout', () => {
  it('deletes the token at once, exits 2 while Google cannot be reached, and revokes it on retry', async () => {
    const c = await sigmine(
      [
        'connect',
        'gmail',
        '--contributor',
        'lou@adatum.example',
        '--account',
        'lou@adatum.example',
        '--refresh-token-file',
        '-',
      ],
      TOKEN,
    );
    expect(c.code, c.err).toBe(0);

    const o = await sigmine(['optout', '--contributor', 'lou@adatum.example', '--json']);
    expect(o.code, o.err).toBe(2);
    const r = JSON.parse(o.out.trim()) as {
      changed: boolean;
      connections: Array<{ kind: string; status: string }>;
    };
    expect(r.changed).toBe(true);
    expect(r.connections).toEqual([expect.objectContaining({ kind: 'gmail', status: 'pending' })]);

    const list = await sigmine(['connections', 'list', '--json']);
    expect(JSON.parse(list.out.trim())).toMatchObject({
      status: 'opted-out',
      contributorStatus: 'opted-out',
      hasSecret: false,
    });

    down = false;
    const retry = await sigmine(['optout', '--retry-revocations']);
    expect(retry.code, retry.err).toBe(0);
    expect(retry.out).toMatch(/1 revoked, 0 still pending/);
    expect(revoked).toEqual([TOKEN]);
    for (const f of readdirSync(join(dir, 'db')))
      expect(readFileSync(join(dir, 'db', f)).includes(TOKEN)).toBe(false);
  }, 180_000);

  it('prints which provider issued each secret in its table: revoked at Google, discarded for Microsoft, none for a password', async () => {
    down = false;
    const who = 'mia@adatum.example';
    const connect = (args: string[], secret: string) =>
      sigmine(['connect', ...args, '--contributor', who, '--refresh-token-file', '-'], secret);
    expect((await connect(['gmail', '--account', who], `1//mia-${TOKEN}`)).code).toBe(0);
    expect((await connect(['outlook', '--account', 'mia@adatum-corp.example'], '0.ms-mia')).code).toBe(0);
    const imap = await sigmine(
      [
        'connect',
        'imap',
        '--contributor',
        who,
        '--host',
        'imap.adatum.example',
        '--port',
        '993',
        '--user',
        'mia@imap.adatum.example',
        '--password-file',
        '-',
      ],
      'mia-password',
    );
    expect(imap.code, imap.err).toBe(0);

    const o = await sigmine(['optout', '--contributor', who]);
    expect(o.code, o.err).toBe(0);
    const lines = o.out.split('\n');
    const header = lines.find((l) => l.startsWith('kind'))!;
    expect(header.split(/\s+/)).toEqual(['kind', 'account', 'tokens', 'provider', 'error']);
    const row = (kind: string) =>
      lines
        .find((l) => l.startsWith(`${kind} `))
        ?.trim()
        .split(/\s+/);
    expect(row('gmail')).toEqual(['gmail', who, 'revoked', 'google']);
    expect(row('outlook')).toEqual(['outlook', 'mia@adatum-corp.example', 'discarded', 'microsoft']);
    expect(row('imap')).toEqual(['imap', 'mia@imap.adatum.example', 'discarded', 'none']);
  }, 180_000);
});
