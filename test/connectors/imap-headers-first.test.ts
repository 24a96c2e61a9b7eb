/**
 * Why this suite exists: issue 10's promise for IMAP against a real Dovecot: headers first, so a free-mail
 * or bulk message and one this connection already processed never have a body byte fetched; the HTML part
 * only when there is no plain part; a small head of the text first, extended only when the newest part was
 * cut. The processed set is the store's, through the harvest loop, on SQLite and PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.ts';
import { createImapConnector, FIRST_BYTES, HEAD_STEPS } from '../../connectors/imap/index.ts';
import type { ConnectorFactory } from '../../connectors/types.ts';
import { connectorFactory } from '../../connectors/registry.ts';
import { upsertConnection } from '../../src/connections/repository.ts';
import { loadConfig } from '../../src/config.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { noProgress, silentLogger } from '../../src/log.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { extractMinimal, extractRaw } from '../../parsers/extract.ts';
import type { MinimalMessage } from '../../parsers/types.ts';

const PASS = 'imap headers first';
const KEY_HEX = '3c'.repeat(32);
let server: DovecotServer;
let users = 0;

const SIG =
  'Kind regards,\r\nDana Whitfield\r\nHead of Logistics | Northwind Freight GmbH\r\n+49 40 1234 5678';
const mail = (from: string, id: string, body: string, extraHeaders: string[] = []) =>
  [`From: ${from}`, 'To: member@acme.example', `Message-ID: <${id}>`, ...extraHeaders, '', body, ''].join(
    '\r\n',
  );

const business = (i: number) =>
  mail(
    `Dana Whitfield <dana${i}@northwind.example>`,
    `biz-${i}@northwind.example`,
    `Hello,\r\n\r\nThe pallets ship Friday.\r\n\r\n${SIG}`,
  );
const freeMail = mail(
  'Jo Bloggs <jo.bloggs@gmail.com>',
  'free@gmail.com',
  `Hi!\r\n\r\nFREE-MAIL-BODY\r\n${SIG}`,
);
const bulk = mail('Northwind News <news@northwind.example>', 'nl@northwind.example', 'BULK-BODY\r\n', [
  'List-Unsubscribe: <https://northwind.example/u>',
  'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
]);
const alternative = [
  'From: Kenji Sato <kenji@kaisha.example>',
  'Message-ID: <alt@kaisha.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="alt"',
  '',
  '--alt',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello,\r\n\r\nBest,\r\nKenji Sato\r\nSenior Engineer, Kaisha Robotics K.K.',
  '--alt',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<div>Hello,<br><br>Best,<br>Kenji Sato<br>Senior Engineer, Kaisha Robotics K.K.</div>',
  '--alt--',
  '',
].join('\r\n');
const history = `\r\n\r\nOn Mon, 2 Mar 2026, Bob <bob@acme.example> wrote:\r\n${'> quoted history line that is never needed\r\n'.repeat(800)}`;
const longReply = mail(
  'Dana Whitfield <dana.reply@northwind.example>',
  'reply@northwind.example',
  `Hello,\r\n\r\nAgreed.\r\n\r\n${SIG}${history}`,
);
// A long message with no quoted history: the newest part runs past the first head, so it is extended.
const longNote = mail(
  'Dana Whitfield <dana.note@northwind.example>',
  'note@northwind.example',
  `${'We reviewed the schedule and the revised dates work for us on every line. '.repeat(90)}\r\n\r\n${SIG}`,
);

beforeAll(async () => {
  server = await startDovecot({
    ...Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`u${i}@acme.example`, PASS])),
  });
}, 120_000);
afterAll(async () => server?.stop());

/** A fresh mailbox with these messages, and a connector that records every command it sends. */
async function mailbox(messages: string[]) {
  const user = `u${users++}@acme.example`;
  await server.append(
    user,
    PASS,
    'INBOX',
    messages.map((raw) => ({ raw })),
  );
  const commands: string[] = [];
  const record = (o: unknown) => {
    const e = o as { src?: string; msg?: string };
    if (e && e.src === 'c' && typeof e.msg === 'string') commands.push(e.msg);
  };
  const logger = { debug: record, info: record, warn: () => {}, error: () => {} };
  const makeClient = (o: ConstructorParameters<typeof ImapFlow>[0]) => new ImapFlow({ ...o, logger });
  const info = {
    id: user,
    kind: 'imap',
    account: user,
    // The test Dovecot offers no STARTTLS.
    config: { host: server.host, port: server.port, tls: false, insecurePlaintext: true, user },
    secret: PASS,
  };
  return { user, commands, makeClient, info };
}
const bodyFetches = (commands: string[]) =>
  commands.filter((c) => /FETCH/i.test(c) && /BODY\.PEEK\[[\d.]+\]/i.test(c));

describe('IMAP, headers first', () => {
  it('fetches no body of a free-mail or bulk message, the plain part alone of a multipart/alternative, and a small head first', async () => {
    const mb = await mailbox([business(1), freeMail, bulk, alternative, longReply, longNote]);
    const c = createImapConnector(mb.info, { endpoints: loadConfig({}) }, { makeClient: mb.makeClient });
    const got: import('../../parsers/types.ts').MinimalMessage[] = [];
    for await (const p of c.pages(null)) got.push(...p.messages);
    await c.close();
    expect(got.map((m) => m.headers['message-id'])).toHaveLength(6);
    const byId = (id: string) => got.find((m) => m.headers['message-id'] === `<${id}>`)!;
    expect(byId('free@gmail.com').tail).toBe('');
    expect(byId('nl@northwind.example').tail).toBe('');
    expect(byId('alt@kaisha.example').tail).toContain('Senior Engineer, Kaisha Robotics K.K.');
    expect(byId('reply@northwind.example').tail).toContain('Head of Logistics');
    expect(byId('reply@northwind.example').tail).not.toContain('quoted history');
    expect(byId('note@northwind.example').tail).toContain('Head of Logistics');

    const fetches = bodyFetches(mb.commands);
    // UIDs in APPEND order: 2 = free-mail, 3 = bulk, 4 = alternative (part 1 plain, part 2 HTML).
    const uidsOf = (f: string) => (/FETCH ([\d,:]+)/i.exec(f)?.[1] ?? '').split(',').map(Number);
    for (const f of fetches) {
      expect(uidsOf(f)).not.toContain(2);
      expect(uidsOf(f)).not.toContain(3);
      if (uidsOf(f).includes(4)) expect(f).not.toMatch(/BODY\.PEEK\[2\]/i);
    }
    // First round: at most FIRST_BYTES of each head; extensions for the long note only (UID 6), step by step
    // (HEAD_STEPS: to 3 KiB, then to 16 KiB), each one starting where the bytes already fetched end.
    const first = fetches.filter((f) => /<0\.\d+>/.test(f));
    const sizes = first.flatMap((f) => [...f.matchAll(/<0\.(\d+)>/g)].map((m) => Number(m[1])));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(FIRST_BYTES);
    const extensions = fetches.filter((f) => /<[1-9]\d*\.\d+>/.test(f));
    expect(extensions.map(uidsOf)).toEqual(HEAD_STEPS.slice(1).map(() => [6]));
    const starts = extensions.map((f) => Number(/<(\d+)\./.exec(f)![1]));
    expect(starts).toEqual(HEAD_STEPS.slice(0, -1));
  });
});

// A discussion-list post: list headers, yet a person with a signature (parsers/sender-class.ts).
const listPost = mail('Ines Duarte <ines@tejo.example>', 'list@tejo.example', `Hello all,\r\n\r\n${SIG}`, [
  'List-Id: <users.lists.tejo.example>',
  'List-Post: <mailto:users@lists.tejo.example>',
  'Reply-To: Ines Duarte <ines@tejo.example>',
]);
const autoReply = mail(
  'Dana Whitfield <dana.away@northwind.example>',
  'away@northwind.example',
  `I am away.\r\n\r\n${SIG}`,
  ['Auto-Submitted: auto-replied'],
);
const searchPage = [business(1), freeMail, bulk, listPost, autoReply, longReply];

/** Reads the whole mailbox with this client factory. */
async function harvest(mb: Awaited<ReturnType<typeof mailbox>>, makeClient = mb.makeClient) {
  const c = createImapConnector(mb.info, { endpoints: loadConfig({}) }, { makeClient });
  const got: MinimalMessage[] = [];
  for await (const p of c.pages(null)) got.push(...p.messages.filter((m) => m.sourceId.startsWith('INBOX:')));
  await c.close();
  return got.sort((a, b) => Number(a.sourceId.split(':')[2]) - Number(b.sourceId.split(':')[2]));
}

/**
 * A client whose header searches (SEARCH ... HEADER) get `answer(page UIDs)`: false is what imapflow returns
 * for a NO, an array what a server that gets empty-string searches wrong answers.
 */
const badSearch =
  (
    mb: Awaited<ReturnType<typeof mailbox>>,
    answer: (page: number[]) => false | number[],
    asked: number[][] = [],
  ) =>
  (o: ConstructorParameters<typeof ImapFlow>[0]) => {
    const real = mb.makeClient(o);
    const search = real.search.bind(real);
    // Fault injection at the library boundary.
    real.search = (async (q: unknown, opt: unknown) => {
      const query = q as { uid?: string; or?: unknown; header?: unknown };
      if (query && (query.or || query.header)) {
        asked.push(String(query.uid).split(',').map(Number));
        return answer(asked[asked.length - 1]!);
      }
      return search(q as never, opt as never);
    }) as typeof real.search;
    return real;
  };

const headerFetches = (commands: string[]) => commands.filter((c) => /HEADER\.FIELDS/i.test(c));
const uidsOf = (f: string) => (/FETCH ([\d,:]+)/i.exec(f)?.[1] ?? '').split(',').map(Number);

describe('IMAP, header search', () => {
  it('asks most messages for five header fields, and only those with list or bulk headers for the long list, extracting as from the files', async () => {
    const mb = await mailbox(searchPage);
    const got = await harvest(mb);
    expect(got.map((m) => extractMinimal(m))).toEqual(searchPage.map((raw) => extractRaw(Buffer.from(raw))));
    // One search per page for the signal fields, and the run's one check of the server's answers (a field
    // every message has, one none has).
    const searches = mb.commands.filter((c) => /SEARCH/i.test(c) && /HEADER/i.test(c));
    expect(searches).toHaveLength(3);
    const fetches = headerFetches(mb.commands).filter((c) => !/\bINBOX\b/.test(c));
    const short = fetches.find((f) => /HEADER\.FIELDS \(FROM SENDER REPLY-TO DATE MESSAGE-ID\)/i.test(f))!;
    const long = fetches.find((f) => /LIST-UNSUBSCRIBE/i.test(f))!;
    // UIDs in APPEND order: 3 = bulk, 4 = list post, 5 = automatic reply.
    expect(uidsOf(long).sort()).toEqual([3, 4, 5]);
    expect(uidsOf(short).sort()).toEqual([1, 2, 6]);
    expect(got[3]!.headers['list-post']).toBe('<mailto:users@lists.tejo.example>');
    expect(got[0]!.headers['to']).toBeUndefined(); // read by nothing, never asked for
    expect(bodyFetches(mb.commands).flatMap(uidsOf)).not.toContain(3);
  });

  it('dates a message without a Date header by its arrival, asking the server for that one alone', async () => {
    const dated = mail('Ines Duarte <ines@tejo.example>', 'dated@tejo.example', `Hello,\r\n\r\n${SIG}`, [
      'Date: Tue, 3 Nov 2026 10:15:00 +0000',
    ]);
    const mb = await mailbox([dated]);
    await server.append(mb.user, PASS, 'INBOX', [
      { raw: business(7), internalDate: new Date('2026-03-04T05:06:07Z') },
    ]);
    const got = await harvest(mb);
    expect(got.map((m) => m.date)).toEqual(['2026-11-03T10:15:00.000Z', '2026-03-04T05:06:07.000Z']);
    const asked = mb.commands.filter((c) => /INTERNALDATE/i.test(c));
    expect(asked.map(uidsOf)).toEqual([[2]]);
  });

  // Each bad answer is found on the first page; the second page (UIDs 101-106) sends no header search.
  const servers: Array<[string, (page: number[]) => false | number[], number]> = [
    ['refuses the header search', () => false, 1],
    ['answers it as if no message had the field', () => [], 2],
    ['answers it as if every message had the field', (page) => page, 3],
  ];
  const twoPages = [...Array.from({ length: 100 }, (_, i) => business(100 + i)), ...searchPage];
  for (const [what, answer, searches] of servers) {
    it(`reads the long list of every message from a server that ${what}, so nothing changes`, async () => {
      const mb = await mailbox(twoPages);
      const asked: number[][] = [];
      const got = await harvest(mb, badSearch(mb, answer, asked));
      expect(got.map((m) => extractMinimal(m))).toEqual(twoPages.map((raw) => extractRaw(Buffer.from(raw))));
      for (let uid = 101; uid <= 106; uid++)
        expect(
          headerFetches(mb.commands).some((f) => /LIST-UNSUBSCRIBE/i.test(f) && uidsOf(f).includes(uid)),
        ).toBe(true);
      expect(asked).toHaveLength(searches);
      for (const page of asked) expect(page).not.toContain(101);
      // Free-mail (102) and bulk (103) still never have a body byte fetched.
      const bodies = bodyFetches(mb.commands).flatMap(uidsOf);
      expect(bodies).not.toContain(102);
      expect(bodies).not.toContain(103);
    });
  }
});

describe('IMAP, a capped preview', () => {
  it('reads only the newest messages of each folder', async () => {
    const mb = await mailbox([1, 2, 3, 4, 5].map(business));
    const c = createImapConnector(mb.info, { endpoints: loadConfig({}) }, { makeClient: mb.makeClient });
    const got: import('../../parsers/types.ts').MinimalMessage[] = [];
    for await (const p of c.pages(null, { limit: 2 })) got.push(...p.messages);
    await c.close();
    expect(got.map((m) => m.headers['message-id'])).toEqual([
      '<biz-4@northwind.example>',
      '<biz-5@northwind.example>',
    ]);
    const fetched = mb.commands
      .filter((x) => /UID FETCH/i.test(x))
      .map((x) => /FETCH ([\d,:]+)/i.exec(x)?.[1]);
    expect(fetched.every((r) => r === '4,5' || r === '4' || r === '5')).toBe(true);
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(
    `IMAP harvest, headers first (${dialect})`,
    () => {
      let t: TestDatabase;
      beforeEach(async () => {
        t = await freshDatabase(dialect);
      });
      afterEach(async () => t.dispose());

      it('a message already processed is never body-downloaded again, even when the mailbox is read from the start', async () => {
        const mb = await mailbox([business(1), business(2), freeMail]);
        const factoryFor = async (kind: string): Promise<ConnectorFactory> => {
          const f = await connectorFactory(kind);
          return {
            ...f,
            create: (conn, deps) => createImapConnector(conn, deps, { makeClient: mb.makeClient }),
          };
        };
        const env: HarvestEnv = {
          db: t.db,
          config: loadConfig({ SIGMINE_SECRET_KEY: KEY_HEX }),
          logger: silentLogger,
          progress: noProgress,
          holder: 'h',
          factoryFor,
        };
        const { connection } = await upsertConnection(
          t.db,
          {
            contributorEmail: mb.user,
            kind: 'imap',
            account: mb.user,
            config: mb.info.config,
            secret: PASS,
          },
          parseSecretKey(KEY_HEX),
        );
        const first = await runHarvest(env, [connection.id], { threads: false });
        expect(first.results[0]).toMatchObject({
          status: 'ok',
          counts: { messagesScanned: 3, contactsNew: 2 },
        });
        expect(bodyFetches(mb.commands)).toHaveLength(1);
        mb.commands.length = 0;
        const again = await runHarvest(env, [connection.id], { fromStart: true, threads: false });
        expect(again.results[0]).toMatchObject({
          status: 'ok',
          counts: { messagesScanned: 3, messagesReplayed: 3 },
        });
        expect(mb.commands.some((c) => /HEADER\.FIELDS/i.test(c))).toBe(true);
        expect(bodyFetches(mb.commands)).toEqual([]);
      });
    },
  );
}
