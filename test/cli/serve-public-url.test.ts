/**
 * `sigmine serve --port N` without SIGMINE_PUBLIC_URL: the sign-in link mailed points at the server that
 * sent it (http://localhost:N), and a form posted from there is accepted; a SIGMINE_PUBLIC_URL that is set
 * is kept as it is (a proxy or a port mapping may stand in front).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, startCli } from '../helpers/cli.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Starts the demo server, asks for a sign-in link from `origin`, and returns the answer and the mailed link. */
async function signInLink(extra: Record<string, string>, origin: (port: number) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'sigmine-serve-url-'));
  dirs.push(dir);
  const outbox = join(dir, 'outbox');
  const port = await freePort();
  const { child, done } = startCli(['serve', '--port', String(port)], {
    cwd: dir,
    env: cleanEnv({ SIGMINE_DEMO: '1', SIGMINE_NOTICE_OUTBOX: outbox, ...extra }),
  });
  try {
    let up = false;
    for (let i = 0; i < 100 && !up; i++) {
      await new Promise((r) => setTimeout(r, 200));
      up = (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status === 200;
    }
    const answer = await fetch(`http://127.0.0.1:${port}/member/link`, {
      method: 'POST',
      headers: { Origin: origin(port), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=ann%40firm.example',
    });
    let link: string | null = null;
    for (let i = 0; i < 50 && answer.status === 200 && !link; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const files = readdirSync(outbox, { withFileTypes: true }).filter((f) => f.isFile());
      const text = files.map((f) => readFileSync(join(outbox, f.name), 'utf8')).join('\n');
      link = /^(https?:\/\/\S+\/member\/home\?t=)/m.exec(text)?.[1] ?? null;
    }
    return { port, status: answer.status, link };
  } finally {
    child.kill('SIGTERM');
    await done;
  }
}

describe('sigmine serve --port without SIGMINE_PUBLIC_URL', () => {
  it('mails links to the port it serves and accepts forms posted from there', async () => {
    const r = await signInLink({}, (port) => `http://localhost:${port}`);
    expect(r.status).toBe(200);
    expect(r.link).toBe(`http://localhost:${r.port}/member/home?t=`);
  }, 60_000);

  it('keeps a SIGMINE_PUBLIC_URL that is set', async () => {
    const r = await signInLink(
      { SIGMINE_PUBLIC_URL: 'https://directory.example' },
      () => 'https://directory.example',
    );
    expect(r.status).toBe(200);
    expect(r.link).toBe('https://directory.example/member/home?t=');
  }, 60_000);
});
