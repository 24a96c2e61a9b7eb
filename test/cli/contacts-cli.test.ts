/**
 * `sigmine contacts` and `sigmine ledger` through the real CLI, on a directory built by `sigmine demo`
 * (the bundled sample mailbox harvested into ./data/sigmine.db of a fresh working directory).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { DEMO_CONTRIBUTOR } from '../../src/commands/demo.ts';

const dir = mkdtempSync(join(tmpdir(), 'sigmine-contacts-cli-'));
const env = cleanEnv({ SIGMINE_DATABASE: join(dir, 'data', 'sigmine.db') });
const run = (args: string[]) => runCli(args, { cwd: dir, env });
const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

const CONTACT_KEYS = [
  'name',
  'title',
  'department',
  'company',
  'phones',
  'emails',
  'websites',
  'social',
  'address',
  'email',
  'status',
  'firstSeen',
  'lastSeen',
];

beforeAll(async () => {
  const r = await run(['demo', '--json']);
  expect(r.code).toBe(0);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sigmine contacts and ledger', () => {
  it('lists the directory as one JSON object per line with the extract contact fields, listed ones by default', async () => {
    const listed = lines((await run(['contacts', 'list', '--json'])).stdout);
    const all = lines((await run(['contacts', 'list', '--status', 'all', '--json'])).stdout);
    const pending = lines((await run(['contacts', 'list', '--status', 'pending', '--json'])).stdout);
    expect(listed.length).toBeGreaterThan(3);
    expect(pending.length).toBeGreaterThan(0);
    expect(all.length).toBe(listed.length + pending.length);
    for (const c of all) expect(Object.keys(c).sort()).toEqual([...CONTACT_KEYS].sort());
    expect(listed.every((c) => c.status === 'listed')).toBe(true);
    expect(pending.every((c) => c.status === 'pending')).toBe(true);
    // A Quebec contact waits for its notice.
    expect(pending.map((c) => c.email)).toContain('sophie.tremblay@boreal-design.example');
    expect(JSON.stringify(all)).not.toContain(DEMO_CONTRIBUTOR);
  }, 120_000);

  it('shows one contact with provenance categories and counts, never the contributor', async () => {
    const r = await run(['contacts', 'show', 'Sophie.Tremblay@boreal-design.example', '--json']);
    expect(r.code).toBe(0);
    const [d] = lines(r.stdout);
    expect(d!.email).toBe('sophie.tremblay@boreal-design.example');
    expect(d!.status).toBe('pending');
    const prov = d!.provenance as Record<
      string,
      { sources: string[]; corroboration: number; firstSeen: string }
    >;
    expect(Object.keys(prov).length).toBeGreaterThan(1);
    for (const p of Object.values(prov)) {
      expect(p.sources.every((s) => ['signature', 'header', 'calendar', 'address-book'].includes(s))).toBe(
        true,
      );
      expect(p.corroboration).toBe(1);
    }
    expect(Array.isArray(d!.jobHistory)).toBe(true);
    expect(r.stdout).not.toContain(DEMO_CONTRIBUTOR);
    expect(r.stdout).not.toMatch(/connection|contributor_id/i);
    const table = await run(['contacts', 'show', 'sophie.tremblay@boreal-design.example']);
    expect(table.stdout).toContain('contributors are never disclosed');
    expect(table.stdout).not.toContain(DEMO_CONTRIBUTOR);
  }, 120_000);

  it('says so, with exit code 1, for an unknown contact', async () => {
    const r = await run(['contacts', 'show', 'nobody@nowhere.example', '--json']);
    expect(r.code).toBe(1);
    // With --json the error is the stream's JSON line; without, text on stderr.
    expect(JSON.parse(r.stdout).error.code).toBe('not-found');
    const text = await run(['contacts', 'show', 'nobody@nowhere.example']);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('[not-found] no contact nobody@nowhere.example');
  }, 60_000);

  it('prints ledger entries and a balance equal to their sum, the same for the contributor filter', async () => {
    const out = lines((await run(['ledger', '--json'])).stdout);
    const entries = out.filter((l) => 'kind' in l);
    const balances = out.filter((l) => 'balance' in l);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.some((e) => e.kind === 'contact-listed')).toBe(true);
    const sum = entries.filter((e) => e.contributor === DEMO_CONTRIBUTOR).reduce((n, e) => n + e.amount, 0);
    expect(balances.find((b) => b.contributor === DEMO_CONTRIBUTOR)?.balance).toBe(sum);
    const mine = lines((await run(['ledger', '--contributor', DEMO_CONTRIBUTOR, '--json'])).stdout);
    expect(mine.find((l) => 'balance' in l)?.balance).toBe(sum);
    const table = await run(['ledger']);
    expect(table.stdout).toContain('balance');
    expect(table.stdout).toContain(String(sum));
  }, 120_000);
});
