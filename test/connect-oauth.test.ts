/**
 * `sigmine connect gmail --oauth` through the real CLI: the consent URL is printed, the "browser" (here a
 * fetch that follows the fake Google consent page's redirect) comes back to the 127.0.0.1 loopback with a
 * code, the code is exchanged with PKCE, and only the encrypted refresh token is stored. Opt-out then
 * revokes that very token at Google's revoke endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startGoogleServer, type GoogleServer } from './fakes/google-server.ts';

const ROOT = join(import.meta.dirname, '..');
const WHO = 'mia@proseware.example';
let google: GoogleServer;
let dir: string;
let env: Record<string, string>;

function sigmine(
  args: string[],
  onStderr?: (text: string) => void,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'sigmine.js'), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      onStderr?.(err);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end();
  });
}

beforeAll(async () => {
  google = await startGoogleServer();
  google.addUser(WHO);
  dir = mkdtempSync(join(tmpdir(), 'sigmine-oauth-'));
  env = {
    ...google.env(),
    SIGMINE_DATABASE: join(dir, 'sigmine.db'),
    SIGMINE_SECRET_KEY: randomBytes(32).toString('hex'),
  };
});

afterAll(async () => {
  await google?.close();
});

describe('sigmine connect --oauth', () => {
  it('connects Gmail through the loopback consent flow and opt-out revokes the granted token', async () => {
    let visited: Promise<Response> | null = null;
    const r = await sigmine(['connect', 'gmail', '--contributor', WHO, '--oauth', '--json'], (err) => {
      const m = /https?:\/\/\S+\/o\/oauth2\/v2\/auth\S*/.exec(err);
      if (m && !visited) visited = fetch(m[0]); // the browser: consent page -> 302 -> loopback
    });
    expect(r.code, r.err).toBe(0);
    expect(visited).not.toBeNull();
    expect((await visited!).status).toBe(200);
    expect(JSON.parse(r.out.trim())).toMatchObject({ kind: 'gmail', account: WHO, created: true });
    const consent = google.requests.find((q) => q.path === '/o/oauth2/v2/auth')!;
    expect(consent.query.code_challenge_method).toBe('S256');
    expect(String(consent.query.redirect_uri)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(String(consent.query.scope)).toContain('https://www.googleapis.com/auth/gmail.readonly');
    expect(r.err).not.toMatch(/1\/\/[\w-]{10,}/); // no refresh token in the output

    const o = await sigmine(['optout', '--contributor', WHO, '--json']);
    expect(o.code, o.err).toBe(0);
    expect(JSON.parse(o.out.trim()).connections).toEqual([
      expect.objectContaining({ kind: 'gmail', status: 'revoked' }),
    ]);
    const revoke = google.requests.filter((q) => q.path === '/oauth/revoke');
    expect(revoke.map((q) => q.status)).toEqual([200]);
  }, 180_000);
});
