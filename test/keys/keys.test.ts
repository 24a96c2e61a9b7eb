/**
 * Key identity and rotation (issue 9), through the CLI as an operator runs it, on SQLite and on a
 * PostgreSQL server: a missing or different key is refused before anything changes, and an erased person
 * stays out after a rotation and a re-harvest. The library half (rotation on both dialects, PGlite
 * included) checks hashes and sealed secrets directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import {
  DIALECTS,
  freshDatabase,
  postgresAvailable,
  postgresServerAvailable,
  withScratchDatabase,
} from '../helpers/databases.ts';
import { SAMPLE_MAILBOX } from '../../src/commands/demo.ts';
import { addMember, signed, type Member } from '../helpers/store-fixtures.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import type { PageItem } from '../../src/store/types.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { rotateKeys } from '../../src/key-admin/rotate.ts';
import { HASH_PURPOSE, keyedHasher } from '../../src/store/keyed-hash.ts';
import { parseKeyRing } from '../../src/keys/keyring.ts';
import { newBrowserNonce, startOAuthFlow } from '../../src/connections/oauth-flows.ts';
import { listContacts } from '../../src/store/directory.ts';
import { upsertConnection, connectionInfo } from '../../src/connections/repository.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { testPolicy, testPrivacy } from '../helpers/privacy-options.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

const ERASED = 'malvarez@ridgeline-analytics.example';
const hex = () => randomBytes(32).toString('hex');
const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

/** A page stored with an explicit keyring (as the harvest does with the configured one). */
const ingest = (db: Kysely<DB>, m: Member, items: PageItem[], secretKey: string) =>
  db.transaction().execute((trx) =>
    ingestPage(
      trx,
      {
        connectionId: m.connectionId,
        contributorId: m.contributorId,
        now: '2026-11-01T00:00:00.000Z',
        secretKey,
      },
      items,
      gate,
    ),
  );

async function operatorStory(url: string) {
  const A = hex();
  const B = hex();
  const outbox = mkdtempSync(join(tmpdir(), 'sigmine-keys-outbox-'));
  const env = (extra: Record<string, string> = {}) =>
    cleanEnv({ SIGMINE_DATABASE: url, SIGMINE_NOTICE_OUTBOX: outbox, ...extra });
  const cli = (args: string[], extra?: Record<string, string>) => runCli(args, { env: env(extra) });
  const withA = { SIGMINE_SECRET_KEY: A };
  const withB = { SIGMINE_SECRET_KEY: B };
  const contacts = async () =>
    jsonLines((await cli(['contacts', 'list', '--status', 'all', '--json'])).stdout).map(
      (c) => c.email as string,
    );
  try {
    expect(
      (
        await cli(
          ['connect', 'mailbox', '--contributor', 'ann@firm.example', '--path', SAMPLE_MAILBOX],
          withA,
        )
      ).code,
    ).toBe(0);
    const first = await cli(['harvest', '--json'], withA);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/now belongs to key "default"/);
    expect(await contacts()).toContain(ERASED);

    // Erase with no key, then with another key: refused, named, nothing changed.
    const noKey = await cli(['privacy', 'erase', ERASED]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/belong to key "default".*configured key\(s\): none.*Nothing was changed/s);
    const otherKey = await cli(['privacy', 'erase', ERASED], withB);
    expect(otherKey.code).toBe(1);
    expect(otherKey.stderr).toMatch(/\[wrong-key\]/);
    expect(await contacts()).toContain(ERASED);
    expect(jsonLines((await cli(['privacy', 'requests', '--json'])).stdout)).toHaveLength(0);

    expect((await cli(['privacy', 'erase', ERASED], withA)).code).toBe(0);
    expect(await contacts()).not.toContain(ERASED);

    // A harvest with another key: refused before anything is read or written.
    const before = [await contacts(), (await cli(['connections', 'list', '--json'])).stdout];
    const wrong = await cli(['harvest', '--from-start', '--json'], withB);
    expect(wrong.code).toBe(1);
    // With --json the refusal is a JSON line on stdout ({"error": {code, message}}).
    const refusal = jsonLines(wrong.stdout).find((l) => l.error)?.error;
    expect(refusal?.code).toBe('wrong-key');
    expect(refusal?.message).toMatch(/belong to key "default"/s);
    // Nothing else: no connection result, no summary.
    expect(jsonLines(wrong.stdout)).toHaveLength(1);
    expect([await contacts(), (await cli(['connections', 'list', '--json'])).stdout]).toEqual(before);

    // Rotate to B (the ring holds both), then only B works.
    const rotated = await cli(['keys', 'rotate', '--json'], { SIGMINE_SECRET_KEYS: `old:${A},new:${B}` });
    expect(rotated.code).toBe(0);
    const r = JSON.parse(rotated.stdout);
    expect(r).toMatchObject({ from: { keyId: 'default' }, to: { keyId: 'new' }, alreadyCurrent: false });
    expect(r.hashesRekeyed['suppressions.subject_hash']).toBe(1);
    expect(r.hashesRekeyed['processed_messages.message_hash']).toBeGreaterThan(10);
    expect((await cli(['harvest'], withA)).code).toBe(1);

    // Re-harvest: the old connection's messages are recognised (message keys re-keyed), and a new
    // contributor with the same mailbox brings the erased person again: blocked by the re-keyed suppression.
    const replay = jsonLines((await cli(['harvest', '--from-start', '--json'], withB)).stdout).find(
      (l) => l.type === 'summary',
    )!;
    expect(replay.counts.messagesReplayed).toBeGreaterThan(10);
    expect(replay.counts.contactsNew).toBe(0);
    expect(
      (
        await cli(
          ['connect', 'mailbox', '--contributor', 'bob@firm.example', '--path', SAMPLE_MAILBOX],
          withB,
        )
      ).code,
    ).toBe(0);
    const again = await cli(['harvest', '--json'], withB);
    expect(again.code).toBe(0);
    const summary = jsonLines(again.stdout).find((l) => l.type === 'summary')!;
    expect(summary.counts.suppressedBlocked).toBeGreaterThanOrEqual(1);
    expect(await contacts()).not.toContain(ERASED);
    const status = JSON.parse((await cli(['keys', 'status', '--json'], withB)).stdout);
    expect(status.epochs.map((e: any) => e.keyId)).toEqual(['default', 'new']);
    expect(status.holdsCurrent).toBe(true);
  } finally {
    rmSync(outbox, { recursive: true, force: true });
  }
}

describe('key identity on the command line', () => {
  it('on SQLite: no key or another key is refused and changes nothing; an erased person stays out after a rotation and a re-harvest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-keys-'));
    try {
      await operatorStory(join(dir, 'sigmine.db'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000); // ~20 CLI runs: 80-110 s on a loaded 2-core machine

  it('on PostgreSQL: the same story', async (ctx) => {
    if (!(await postgresServerAvailable('key identity on PostgreSQL (CLI)'))) return ctx.skip();
    await withScratchDatabase('sigmine_keys', (url) => operatorStory(url));
  }, 300_000); // ~20 CLI runs: 80-110 s on a loaded 2-core machine

  it('serve refuses to start without a key (outside the demo) and with another key, before it listens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-keys-serve-'));
    try {
      const env = (extra: Record<string, string> = {}) =>
        cleanEnv({ SIGMINE_DATABASE: join(dir, 'sigmine.db'), ...extra });
      const none = await runCli(['serve', '--port', '0'], { env: env() });
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/\[missing-key\] SIGMINE_SECRET_KEY is not set/);
      expect(
        (
          await runCli(
            ['connect', 'mailbox', '--contributor', 'ann@firm.example', '--path', SAMPLE_MAILBOX],
            { env: env() },
          )
        ).code,
      ).toBe(0);
      expect((await runCli(['harvest'], { env: env({ SIGMINE_SECRET_KEY: hex() }) })).code).toBe(0);
      const other = await runCli(['serve', '--port', '0'], { env: env({ SIGMINE_SECRET_KEY: hex() }) });
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/\[wrong-key\]/);
      expect(other.stdout).not.toMatch(/web app on/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('the demo records a demo key of its own and says so; later commands without configuration use it, another key is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-keys-demo-'));
    try {
      const demo = await runCli(['demo'], { cwd: dir });
      expect(demo.code).toBe(0);
      expect(demo.stdout).toMatch(/DEMO MODE/);
      expect(demo.stdout).toMatch(/now belongs to key "demo".*the demo key/);
      const erase = await runCli(['privacy', 'erase', ERASED], { cwd: dir });
      expect(erase.code).toBe(0);
      expect(erase.stderr).toMatch(/DEMO MODE/);
      const other = await runCli(['harvest'], { cwd: dir, env: cleanEnv({ SIGMINE_SECRET_KEY: hex() }) });
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/the demo key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`key rotation on ${dialect}`, () => {
    it('on a PostgreSQL server, a rotation waits for a page transaction that hashed with the old key', async (ctx) => {
      const t = await freshDatabase(dialect);
      try {
        if (t.backend !== 'server') return ctx.skip(); // SQLite: one writer; PGlite: one connection
        const [A, B] = [hex(), hex()];
        await keyedHasher(t.db, HASH_PURPOSE.suppression, A); // records A
        const order: string[] = [];
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let hashed!: () => void;
        const didHash = new Promise<void>((r) => (hashed = r));
        const page = t.db.transaction().execute(async (trx) => {
          await keyedHasher(trx, HASH_PURPOSE.suppression, A);
          hashed();
          await held;
          order.push('page committed');
        });
        await didHash;
        const rotation = rotateKeys(t.db, parseKeyRing(`a:${A},b:${B}`)).then(() => order.push('rotated'));
        await new Promise((r) => setTimeout(r, 300));
        order.push('page released');
        release();
        await Promise.all([page, rotation]);
        expect(order).toEqual(['page released', 'page committed', 'rotated']);
      } finally {
        await t.dispose();
      }
    });

    it('drops the OAuth connects under way (their hashes and sealed boxes are under the old key): the member starts again', async () => {
      const t = await freshDatabase(dialect);
      const [A, B] = [hex(), hex()];
      try {
        const now = new Date();
        const nonce = newBrowserNonce();
        const flow = {
          provider: 'google',
          kind: 'gmail',
          email: 'ann@acme.example',
          verifier: 'v'.repeat(43),
        } as const;
        const state = await startOAuthFlow(t.db, flow, nonce, { secretKey: A, box: parseKeyRing(A), now });
        const r = await rotateKeys(t.db, parseKeyRing(`a:${A},b:${B}`));
        expect(r.oauthFlowsDropped).toBe(1);
        expect(await t.db.selectFrom('oauth_states').select('state_hash').execute()).toEqual([]);
      } finally {
        await t.dispose();
      }
    });

    it('moves a keyless database (its secret kept inside itself) to a real key only through a rotation, suppression intact', async () => {
      const t = await freshDatabase(dialect);
      const A = hex();
      try {
        const ann = await addMember(t.db, 'ann');
        const kim = signed('<k1@x>', 'kim.lee@acme-widgets.com', '2026-09-01T00:00:00Z', {
          name: 'Kim Lee',
          title: 'Buyer',
        });
        await t.db.transaction().execute((trx) =>
          ingestPage(
            trx,
            {
              connectionId: ann.connectionId,
              contributorId: ann.contributorId,
              now: '2026-11-01T00:00:00.000Z',
              secretKey: null,
            },
            [kim],
            gate,
          ),
        );
        await erasePerson(t, 'kim.lee@acme-widgets.com', 'erase', {
          ...testPrivacy,
          secretKey: null,
          outboxDir: false,
        });
        const bob = await addMember(t.db, 'bob');
        await expect(ingest(t.db, bob, [kim], A)).rejects.toThrow(/kept inside itself.*sigmine keys rotate/s);
        const r = await rotateKeys(t.db, parseKeyRing(A));
        expect(r.from.keyId).toBe('database');
        expect(
          await t.db
            .selectFrom('settings')
            .select('key')
            .where('key', '=', 'keyed-hash.dev-secret')
            .execute(),
        ).toEqual([]);
        expect((await ingest(t.db, bob, [kim], A)).suppressedBlocked).toBe(1);
      } finally {
        await t.dispose();
      }
    });

    it('re-seals secrets with the newest key, re-keys hashes, keeps the suppression working, and refuses the retired key', async () => {
      const t = await freshDatabase(dialect);
      const [A, B] = [hex(), hex()];
      try {
        const ann = await addMember(t.db, 'ann');
        const person = signed('<p1@x>', 'kim.lee@acme-widgets.com', '2026-09-01T00:00:00Z', {
          name: 'Kim Lee',
          title: 'Buyer',
        });
        await ingest(t.db, ann, [person], A);
        const imap = await upsertConnection(
          t.db,
          {
            contributorEmail: 'ann@firm.example',
            kind: 'imap',
            account: 'ann',
            secret: 'pw-1',
            config: { host: 'h' },
          },
          parseKeyRing(A),
        );
        await erasePerson(t, 'kim.lee@acme-widgets.com', 'erase', {
          ...testPrivacy,
          secretKey: A,
          outboxDir: false,
        });

        const r = await rotateKeys(t.db, parseKeyRing(`a:${A},b:${B}`));
        expect(r.secretsResealed).toBe(1);
        expect(r.hashesRekeyed['suppressions.subject_hash']).toBe(1);
        // The secret now opens with B alone; the retired key A is refused for hashing.
        expect((await connectionInfo(t.db, imap.connection.id, parseKeyRing(B))).secret).toBe('pw-1');
        await expect(
          ingest(
            t.db,
            ann,
            [
              signed('<p3@x>', 'x.y@acme-widgets.com', '2026-09-03T00:00:00Z', {
                name: 'X Y',
                title: 'Buyer',
              }),
            ],
            A,
          ),
        ).rejects.toThrow(/wrong-key|belong to key "b"/);

        const bob = await addMember(t.db, 'bob');
        const o = await ingest(
          t.db,
          bob,
          [
            signed('<p2@x>', 'kim.lee@acme-widgets.com', '2026-09-02T00:00:00Z', {
              name: 'Kim Lee',
              title: 'Buyer',
            }),
          ],
          B,
        );
        expect(o.suppressedBlocked).toBe(1);
        expect((await listContacts(t.db, { status: 'all' })).map((c) => c.email)).not.toContain(
          'kim.lee@acme-widgets.com',
        );
        // The same message again for ann: recognised through the re-keyed message key.
        expect((await ingest(t.db, ann, [person], B)).messagesReplayed).toBe(1);
        // A second rotation chains on: still blocked, still recognised.
        const C = hex();
        await rotateKeys(t.db, parseKeyRing(`b:${B},c:${C}`));
        expect(
          (
            await ingest(
              t.db,
              await addMember(t.db, 'cy'),
              [
                signed('<p4@x>', 'kim.lee@acme-widgets.com', '2026-09-04T00:00:00Z', {
                  name: 'Kim',
                  title: 'Buyer',
                }),
              ],
              C,
            )
          ).suppressedBlocked,
        ).toBe(1);
        expect((await ingest(t.db, ann, [person], C)).messagesReplayed).toBe(1);
      } finally {
        await t.dispose();
      }
    });
  });
}
