/**
 * `npm run bench:imap`: the IMAP connector against a real Dovecot (test/helpers/dovecot.ts).
 * Appends the dev corpus (../shared/corpus/dev, else the hand-made fixtures in fixtures/mail) repeated up to
 * `--messages N` (default 2000) with a long quoted history appended to every other message, then harvests:
 * prints messages/s, IMAP bytes received per message against the stored message size (what the partial
 * BODY.PEEK fetch saves), commands per page, and the cost of a second harvest with no new mail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { startDovecot } from '../test/helpers/dovecot.ts';
import { createImapConnector } from '../connectors/imap/index.ts';
import { loadConfig } from '../src/config.ts';
import type { Cursor } from '../connectors/types.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const N = Number(arg('messages', '2000'));
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(root, '..', 'shared', 'corpus', 'dev');
const fixtureDir = join(root, 'fixtures', 'mail');
const dir = existsSync(corpusDir) ? corpusDir : fixtureDir;
const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
if (files.length === 0) {
  console.log(`no .eml files in ${dir}: skipped`);
  process.exit(0);
}
const USER = 'bench@acme.example';
const PASS = 'bench';
const history = `\r\n\r\n-----Original Message-----\r\n${'> quoted history line that a partial fetch never downloads\r\n'.repeat(1500)}`;

const server = await startDovecot({ [USER]: PASS });
try {
  let stored = 0;
  const raws: Buffer[] = [];
  for (let i = 0; i < N; i++) {
    const raw = readFileSync(join(dir, files[i % files.length]!));
    const withHistory = i % 2 === 1 && !/^content-type:\s*multipart/im.test(raw.toString('latin1', 0, 8192));
    const b = withHistory ? Buffer.concat([raw, Buffer.from(history)]) : raw;
    stored += b.length;
    raws.push(b);
  }
  const c = await server.client(USER, PASS);
  for (const b of raws) await c.append('INBOX', b, []);
  await c.logout();
  console.log(
    `IMAP bench: ${N} messages (${files.length} distinct from ${dir}), ${(stored / 1048576).toFixed(1)} MiB stored`,
  );

  let client: ImapFlow | null = null;
  const run = async (cursor: Cursor | null) => {
    const connector = createImapConnector(
      {
        id: 'bench',
        kind: 'imap',
        account: USER,
        config: { host: server.host, port: server.port, tls: false, insecurePlaintext: true, user: USER },
        secret: PASS,
      },
      { config: loadConfig({}) },
      { makeClient: (o) => (client = new ImapFlow(o)) },
    );
    const t0 = performance.now();
    let messages = 0;
    let pages = 0;
    let last: Cursor | null = null;
    for await (const p of connector.pages(cursor)) {
      messages += p.messages.length;
      pages++;
      last = p.cursor;
    }
    const ms = performance.now() - t0;
    const bytes = (client as ImapFlow | null)?.stats().received ?? 0;
    const calls = connector.stats().apiCalls;
    await connector.close();
    return { messages, pages, ms, bytes, calls, cursor: last };
  };

  const first = await run(null);
  console.log(
    `first harvest : ${first.messages} messages in ${(first.ms / 1000).toFixed(2)} s = ${((first.messages / first.ms) * 1000).toFixed(0)} msg/s; ` +
      `${(first.bytes / first.messages / 1024).toFixed(1)} KiB received per message vs ${(stored / N / 1024).toFixed(1)} KiB stored ` +
      `(${((first.bytes / stored) * 100).toFixed(0)}% of the mailbox); ${first.calls} IMAP commands, ${(first.calls / Math.max(1, first.pages - 1)).toFixed(1)} per page`,
  );
  const second = await run(first.cursor);
  console.log(
    `second harvest: ${second.messages} messages, ${second.calls} IMAP commands (login, LIST, one EXAMINE per folder), ${(second.bytes / 1024).toFixed(1)} KiB received`,
  );
} finally {
  await server.stop();
}
