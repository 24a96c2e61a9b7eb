/**
 * `sigmine serve` as an operator starts it: refused without SIGMINE_SECRET_KEY (nothing opened or created),
 * while the demo (SIGMINE_DEMO=1) starts with its own key file and answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli, startCli } from '../helpers/cli.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'sigmine-serve-'));
  dirs.push(d);
  return d;
};

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('sigmine serve', () => {
  it('refuses to start without SIGMINE_SECRET_KEY outside the demo, and creates no database', async () => {
    const dir = scratch();
    const db = join(dir, 'data', 'sigmine.db');
    const r = await runCli(['serve', '--port', String(await freePort())], {
      cwd: dir,
      env: cleanEnv({ SIGMINE_DATABASE: db }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[missing-key\] SIGMINE_SECRET_KEY is not set/);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a metrics token too short to be a secret', async () => {
    const dir = scratch();
    const env = cleanEnv({
      SIGMINE_DATABASE: join(dir, 'x.db'),
      SIGMINE_SECRET_KEY: 'e'.repeat(64),
      SIGMINE_METRICS_TOKEN: 'short',
    });
    const r = await runCli(['serve', '--port', String(await freePort())], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SIGMINE_METRICS_TOKEN must be at least 16 characters');
  });

  it('on a busy port says so and exits 1 instead of printing success and crashing', async () => {
    const dir = scratch();
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as AddressInfo).port;
    try {
      const r = await runCli(['serve', '--port', String(port)], {
        cwd: dir,
        env: cleanEnv({ SIGMINE_DEMO: '1' }),
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`[port-in-use] port ${port} on 127.0.0.1 is already in use`);
      expect(r.stdout).not.toContain('sigmine web app on');
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });

  it('starts in the demo with its own key file, says so, and answers', async () => {
    const dir = scratch();
    const port = await freePort();
    const { child, done } = startCli(['serve', '--port', String(port)], {
      cwd: dir,
      env: cleanEnv({ SIGMINE_DEMO: '1' }),
    });
    try {
      let health: Response | null = null;
      for (let i = 0; i < 100 && !health; i++) {
        await new Promise((r) => setTimeout(r, 200));
        health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
      }
      expect(health?.status).toBe(200);
      expect(await health!.json()).toMatchObject({ ok: true });
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
      expect(statSync(join(dir, 'data', 'demo-secret.key')).mode & 0o777).toBe(0o600);
    } finally {
      child.kill('SIGTERM');
    }
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('DEMO MODE');
    // The access log went to stderr as JSON lines.
    expect(r.stderr).toMatch(/"event":"http","method":"GET","route":"\/healthz","status":200/);
  });
});
