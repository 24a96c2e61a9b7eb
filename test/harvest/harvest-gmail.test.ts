/**
 * `sigmine harvest` through the CLI against the local Gmail server (official client libraries, documented
 * wire format): a revoked grant in one of several connections, quota throttling reported, exit codes,
 * JSON results, a no-new-mail rerun, and a dry run that stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';
import { openDatabase } from '../../src/db/database.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import { SAMPLE_MBOX } from '../helpers/sample-mailbox.ts';
import { cleanEnv, runCli } from '../helpers/cli.ts';

let g: GoogleServer;
const dir = mkdtempSync(join(tmpdir(), 'sigmine-harvest-gmail-'));
const secret = randomBytes(32).toString('hex');
const url = join(dir, 'h.db');
const ids: Record<string, string> = {};

// The sample mailbox, message by message, into each Gmail account.
const rawSamples = readFileSync(SAMPLE_MBOX, 'utf8')
  .split(/^From [^\n]*\n/m)
  .filter((p) => p.trim())
  .map((p) => new TextEncoder().encode(p));

beforeAll(async () => {
  // A tight quota (60 units/s) so that 43 messages.get calls (5 units each) must wait for the quota.
  g = await startGoogleServer({ unitsPerSecond: 60, maxConcurrent: 5 });
  const d = await openDatabase(url);
  for (const who of ['ann@member.example', 'bob@member.example']) {
    const { refreshToken } = g.addUser(who);
    for (const raw of rawSamples) g.addRawMessage(who, raw);
    ids[who] = (
      await upsertConnection(
        d.db,
        { contributorEmail: who, kind: 'gmail', account: who, secret: refreshToken },
        parseSecretKey(secret),
      )
    ).connection.id;
  }
  ids.local = (
    await upsertConnection(
      d.db,
      {
        contributorEmail: 'cat@member.example',
        kind: 'mailbox',
        account: 'box',
        config: { path: SAMPLE_MBOX },
      },
      null,
    )
  ).connection.id;
  await d.close();
});
afterAll(async () => {
  await g.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => cleanEnv({ ...g.env(), SIGMINE_DATABASE: url, SIGMINE_SECRET_KEY: secret });
const parse = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);

describe('sigmine harvest over Gmail and local connections', () => {
  it('a dry run shows what each connection would contribute and stores nothing', async () => {
    const r = await runCli(['harvest', '--contributor', 'ann@member.example', '--dry-run', '--json'], {
      env: env(),
    });
    expect(r.code).toBe(0);
    const conn = parse(r.stdout)[0]!;
    expect(conn.status).toBe('ok');
    expect(conn.preview.map((p: { email: string }) => p.email)).toContain(
      'k.vogel@nordwind-logistik.example',
    );
    const d = await openDatabase(url);
    try {
      expect(await d.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
      expect(
        (
          await d.db
            .selectFrom('connections')
            .select('cursor_json')
            .where('id', '=', ids['ann@member.example']!)
            .executeTakeFirstOrThrow()
        ).cursor_json,
      ).toBeNull();
    } finally {
      await d.close();
    }
  }, 120_000);

  it('a revoked grant marks that connection needs-reconnect, the others are harvested, and the exit code is 2', async () => {
    g.revokeUser('bob@member.example');
    const r = await runCli(['harvest', '--all', '--json'], { env: env() });
    expect(r.code).toBe(2);
    const lines = parse(r.stdout);
    const byId = new Map(lines.filter((l) => l.type === 'connection').map((l) => [l.connectionId, l]));
    expect(byId.get(ids['ann@member.example'])).toMatchObject({ status: 'ok' });
    expect(byId.get(ids['bob@member.example'])).toMatchObject({ status: 'error', code: 'revoked' });
    expect(byId.get(ids.local)).toMatchObject({ status: 'ok' });
    const ann = byId.get(ids['ann@member.example'])!;
    expect(ann.counts.messagesScanned).toBe(rawSamples.length);
    // throttled by the 60 units/s quota, and it shows
    expect(ann.counts.rateLimitWaits).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', ok: 2, failed: 1 });
    // the request log never carries message content or secrets
    expect(r.stderr).not.toMatch(/Lieferplan|Hafenstraße|refresh_token|1\/\//);

    const again = await runCli(['harvest', '--all', '--json'], { env: env() });
    expect(again.code).toBe(0);
    const l2 = parse(again.stdout);
    expect(l2.find((l) => l.connectionId === ids['bob@member.example'])).toMatchObject({
      status: 'skipped',
      code: 'needs-reconnect',
    });
    // no new mail: the incremental check costs at most 2 API calls
    const ann2 = l2.find((l) => l.connectionId === ids['ann@member.example'])!;
    expect(ann2.counts.apiCalls).toBeLessThanOrEqual(2);
    expect(ann2.counts.contactsNew).toBe(0);
  }, 180_000);
});
