import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'sigmine-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('sigmine demo on a fresh machine', () => {
  it('builds a directory under ./data from the sample mailbox with no configuration, and a re-run adds nothing', async () => {
    const first = await runCli(['demo', '--json'], { cwd: dir });
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'data', 'sigmine.db'))).toBe(true);
    const out1 = lines(first.stdout);
    const demo1 = out1.find((l) => l.type === 'demo')!;
    const contacts = out1.filter((l) => l.type === 'contact');
    expect(demo1.contacts).toBeGreaterThanOrEqual(20);
    expect(demo1.noticesQueued).toBeGreaterThanOrEqual(demo1.contacts as number);
    expect(demo1.credits).toBeGreaterThan(0);
    // free-mail, bulk and role senders never become contacts
    expect(
      contacts.some((c) => /@(gmail|yahoo)\.com$|^(support|info|sales|no-reply)@/.test(String(c.email))),
    ).toBe(false);
    // a Quebec contact waits for its notice; a US one is listed
    expect(contacts.find((c) => c.email === 'sophie.tremblay@boreal-design.example')?.status).toBe('pending');
    expect(contacts.find((c) => c.email === 'malvarez@ridgeline-analytics.example')?.status).toBe('listed');

    const second = await runCli(['demo', '--json'], { cwd: dir });
    expect(second.code).toBe(0);
    const demo2 = lines(second.stdout).find((l) => l.type === 'demo')!;
    expect(demo2).toEqual(demo1);
  }, 120_000);

  it('prints people a contacts table and where to go next', async () => {
    const r = await runCli(['demo'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Contacts in the directory store');
    expect(r.stdout).toContain('Katrin Vogel');
    expect(r.stdout).toContain('sigmine serve');
    expect(r.stdout).toContain('sigmine contacts list');
  }, 120_000);
});
