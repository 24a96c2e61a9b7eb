/**
 * Why this suite exists: providers cap concurrent work per mailbox, whatever the number of processes calling
 * (issue 10): Microsoft Graph refuses a 5th request in flight on one mailbox (429 MailboxConcurrency), an IMAP
 * server refuses sessions past its per-user limit (Dovecot's mail_max_userip_connections). Several `sigmine
 * harvest` processes on one PostgreSQL database must together stay within both, sharing the caps through the
 * database (src/quota/shared-slots.ts); in one process (SQLite) the in-process cap is what holds. Against the
 * local Graph (HTTPS, through the SDK) and a real Dovecot that enforce the limits themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import { sharedSlots } from '../../src/quota/shared-slots.ts';
import { loadConfig } from '../../src/config.ts';
import { createImapConnector, MAX_SESSIONS_PER_MAILBOX } from '../../connectors/imap/index.ts';
import { startGraphServer, type FakeMessage, type GraphServer } from '../fakes/graph-server.ts';
import { makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.ts';
import { cleanEnv, startCli } from '../helpers/cli.ts';
import { postgresServerAvailable, withScratchDatabase } from '../helpers/databases.ts';

const KEY_HEX = '5d'.repeat(32);
const IMAP_USER = 'shared@mailbox.test';
const IMAP_PASS = 'slots and sessions';
const PROCESSES = 5;

let cert: TestCertificate;
let graph: GraphServer;
let dovecot: DovecotServer;

const graphMessages: FakeMessage[] = Array.from({ length: 300 }, (_, i) => ({
  id: `m${i}`,
  from: { name: `Sender ${i}`, address: `sender${i}@firm${i % 7}.example` },
  to: [{ name: 'Owner', address: 'me@contoso.example' }],
  sentDateTime: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
  text: `Thanks, see you Monday.\n\nBest regards,\nSender ${i}\nAccount Manager | Firm ${i % 7}\n+1 206 555 01${String(i % 100).padStart(2, '0')}`,
}));

const imapMessage = (i: number) =>
  [
    `From: Sender ${i} <sender${i}@firm${i % 7}.example>`,
    'To: shared@mailbox.test',
    `Message-ID: <m${i}@firm.example>`,
    `Date: ${new Date(Date.UTC(2026, 5, 1, 0, i)).toUTCString()}`,
    '',
    `Thanks, see you Monday.\r\n\r\nBest regards,\r\nSender ${i}\r\nAccount Manager | Firm ${i % 7}`,
    '',
  ].join('\r\n');

beforeAll(async () => {
  cert = makeSelfSignedCertificate();
  // Graph's limit of 4 requests in flight per mailbox, enforced; slow answers, so that processes overlap.
  graph = await startGraphServer({
    cert,
    messages: graphMessages,
    maxConcurrent: 4,
    responseDelayMs: 120,
    acceptOldRefreshTokens: true,
  });
  // An IMAP server that refuses a session past the cap sigmine keeps.
  dovecot = await startDovecot(
    { [IMAP_USER]: IMAP_PASS },
    { maxUserIpConnections: MAX_SESSIONS_PER_MAILBOX },
  );
  await dovecot.append(
    IMAP_USER,
    IMAP_PASS,
    'INBOX',
    Array.from({ length: 400 }, (_, i) => ({ raw: imapMessage(i) })),
  );
}, 60_000);

afterAll(async () => {
  await graph?.close();
  await dovecot?.stop();
  cert?.dispose();
});

const imapConfig = () => ({
  host: dovecot.host,
  port: dovecot.port,
  tls: false,
  insecurePlaintext: true,
  user: IMAP_USER,
});

describe('one process (SQLite runs one)', () => {
  it('five IMAP readers of one mailbox never open more sessions than the server allows', async () => {
    const readers = Array.from({ length: 5 }, (_, i) =>
      createImapConnector(
        { id: `c${i}`, kind: 'imap', account: IMAP_USER, config: imapConfig(), secret: IMAP_PASS },
        { endpoints: loadConfig({}) },
      ),
    );
    const counts = await Promise.all(
      readers.map(async (r) => {
        let n = 0;
        try {
          for await (const page of r.pages(null)) n += page.messages.length;
        } finally {
          await r.close();
        }
        return n;
      }),
    );
    expect(counts).toEqual([400, 400, 400, 400, 400]);
    expect(dovecot.log()).not.toMatch(/Maximum number of connections/);
  }, 60_000);
});

describe.skipIf(!(await postgresServerAvailable('test/quota/mailbox-concurrency.test.ts')))(
  'several processes on one PostgreSQL database',
  () => {
    it('harvest processes on one Outlook mailbox keep at most 4 Graph requests in flight: not a single 429', async () => {
      await withScratchDatabase('sigmine_graph_slots', async (url) => {
        const d = await openDatabase(url);
        try {
          await migrateToLatest(d.db);
          const account = 'me@contoso.example';
          const { connection } = await upsertConnection(
            d.db,
            { contributorEmail: account, kind: 'outlook', account, secret: 'rt-0' },
            parseSecretKey(KEY_HEX),
          );
          const env = cleanEnv({
            NODE_EXTRA_CA_CERTS: cert.certFile,
            SIGMINE_DATABASE: url,
            SIGMINE_SECRET_KEY: KEY_HEX,
            SIGMINE_GRAPH_API_URL: graph.graphUrl,
            SIGMINE_MS_LOGIN_URL: graph.loginUrl,
            SIGMINE_MS_CLIENT_ID: 'test-client',
          });
          const before = graph.requests.length;
          // Dry runs from the start: every process reads the whole mailbox at once (no lease between them).
          const runs = await Promise.all(
            Array.from(
              { length: PROCESSES },
              () =>
                startCli(['harvest', '--connection', connection.id, '--dry-run', '--from-start', '--json'], {
                  env,
                }).done,
            ),
          );
          for (const r of runs) expect(r.code, r.stderr).toBe(0);
          expect(graph.concurrencyRefusals()).toBe(0);
          expect(graph.maxInFlight()).toBeLessThanOrEqual(4);
          // They did overlap: more than one request was in flight at a time.
          expect(graph.maxInFlight()).toBeGreaterThan(1);
          // 300 messages in pages of 50 per process, each page once.
          expect(graph.requests.length - before).toBe(PROCESSES * 6);
        } finally {
          await d.close();
        }
      });
    }, 120_000);

    it(`harvest processes on one IMAP mailbox hold at most ${MAX_SESSIONS_PER_MAILBOX} sessions: the server refuses none`, async () => {
      await withScratchDatabase('sigmine_imap_slots', async (url) => {
        const d = await openDatabase(url);
        try {
          await migrateToLatest(d.db);
          const { connection } = await upsertConnection(
            d.db,
            {
              contributorEmail: IMAP_USER,
              kind: 'imap',
              account: IMAP_USER,
              secret: IMAP_PASS,
              config: imapConfig(),
            },
            parseSecretKey(KEY_HEX),
          );
          const env = cleanEnv({ SIGMINE_DATABASE: url, SIGMINE_SECRET_KEY: KEY_HEX });
          const runs = await Promise.all(
            Array.from(
              { length: PROCESSES },
              () =>
                startCli(['harvest', '--connection', connection.id, '--dry-run', '--from-start', '--json'], {
                  env,
                }).done,
            ),
          );
          for (const r of runs) {
            expect(r.code, r.stderr).toBe(0);
            expect(r.stdout).toMatch(/"messagesScanned":400\b/);
          }
          expect(dovecot.log()).not.toMatch(/Maximum number of connections/);
        } finally {
          await d.close();
        }
      });
    }, 120_000);

    it('a slot is shared by every handle on the database, a holder that died frees it by itself, and no mailbox is named', async () => {
      await withScratchDatabase('sigmine_slots', async (url) => {
        const handles = await Promise.all([0, 1, 2, 3].map(() => openDatabase(url)));
        try {
          await migrateToLatest(handles[0]!.db);
          const gates = handles.slice(0, 3).map((h) => sharedSlots(h.db)!);
          let held = 0;
          let most = 0;
          const t0 = Date.now();
          await Promise.all(
            gates.map(async (gate) => {
              for (let i = 0; i < 4; i++) {
                const release = await gate.acquire('test:mailbox:x', 2);
                most = Math.max(most, ++held);
                await new Promise((r) => setTimeout(r, 100));
                held--;
                await release();
              }
            }),
          );
          expect(most).toBe(2);
          // 12 holds of 100 ms, two at a time.
          expect(Date.now() - t0).toBeGreaterThanOrEqual(580);

          // A process whose database connection is gone (killed) never gives its slot back: it expires.
          const doomed = sharedSlots(handles[3]!.db, { ttlMs: 800 })!;
          await doomed.acquire('test:mailbox:y', 1);
          await handles[3]!.close();
          const t1 = Date.now();
          const release = await gates[0]!.acquire('test:mailbox:y', 1);
          const waited = Date.now() - t1;
          await release();
          expect(waited).toBeGreaterThanOrEqual(500);
          expect(waited).toBeLessThan(5_000);
          // The table names no mailbox in readable form.
          const keys = await handles[0]!.db
            .selectFrom('concurrency_slots')
            .select('key')
            .distinct()
            .execute();
          expect(keys.length).toBe(2);
          for (const k of keys) expect(k.key).toMatch(/^sha256:[0-9a-f]{64}$/);
        } finally {
          await Promise.all(handles.slice(0, 3).map((h) => h.close()));
        }
      });
    }, 30_000);
  },
);
