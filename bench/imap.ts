/**
 * `npm run bench:imap`: the IMAP connector against a real Dovecot (test/helpers/dovecot.ts).
 * Appends the dev corpus (../shared/corpus/dev, else the hand-made fixtures in fixtures/mail) repeated up to
 * `--messages N` (default 2000) with a long quoted history appended to every other message, then harvests:
 * prints messages/s, IMAP bytes received per message against the stored message size (what the partial
 * BODY.PEEK fetch saves), commands per page, and the cost of a second harvest with no new mail.
 * Then issue 10's figures: bytes received per message next to what extraction used (selected headers, tail
 * and signature hint handed over) for a mailbox of mostly ruled-out mail, one of long threads, and the long
 * threads read again with every message already processed. Targets: no body byte for a ruled-out or
 * processed message; bytes per message <= 3x what extraction uses on the long threads.
 * `--bytes-messages N` (default 500) sizes those mailboxes; `--extract-out FILE` writes every harvested message's
 * extract result (one JSON line each), to compare two versions of the connector.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { startDovecot } from '../test/helpers/dovecot.ts';
import { createImapConnector } from '../connectors/imap/index.ts';
import { loadConfig } from '../src/config.ts';
import type { Cursor } from '../connectors/types.ts';
import type { MinimalMessage } from '../parsers/types.ts';
import { extractMinimal } from '../parsers/extract.ts';
import { fakeMessageToRaw, longThreadMessage, mostlyRuledOutMessage } from '../test/fakes/synthetic-mail.ts';

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

const BYTES_N = Number(arg('bytes-messages', '500'));
/** `--extract-out FILE`: every harvested message's extract result, one JSON line each, to compare two versions. */
const EXTRACT_OUT = arg('extract-out', '');
const extracted: string[] = [];
const keepExtracts = (mailbox: string, got: MinimalMessage[]) => {
  if (!EXTRACT_OUT) return;
  for (const m of [...got].sort((a, b) => a.sourceId.localeCompare(b.sourceId)))
    extracted.push(JSON.stringify({ mailbox, sourceId: m.sourceId, result: extractMinimal(m) }));
};
/**
 * What extraction used of a message: its header lines as handed over (`name: value` + CRLF) and the text it
 * read (the tail, and the signature hint where it is not a piece of the tail already: the same text read
 * twice is not more text used).
 */
const used = (m: MinimalMessage) =>
  Object.entries(m.headers).reduce((a, [k, v]) => a + Buffer.byteLength(`${k}: ${v}\r\n`), 0) +
  Buffer.byteLength(m.tail) +
  (m.signatureHint && !m.tail.includes(m.signatureHint) ? Buffer.byteLength(m.signatureHint) : 0);
const KINDS = { 'ruled-out': mostlyRuledOutMessage, 'long-thread': longThreadMessage };
const server = await startDovecot({
  [USER]: PASS,
  ...Object.fromEntries(Object.keys(KINDS).map((k) => [`${k}@acme.example`, PASS])),
});
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
  const run = async (cursor: Cursor | null, user = USER, processed?: ReadonlySet<string>) => {
    const connector = createImapConnector(
      {
        id: 'bench',
        kind: 'imap',
        account: user,
        config: { host: server.host, port: server.port, tls: false, insecurePlaintext: true, user },
        secret: PASS,
      },
      { endpoints: loadConfig({}), ...(processed ? { alreadyProcessed: async () => processed } : {}) },
      { makeClient: (o) => (client = new ImapFlow(o)) },
    );
    const t0 = performance.now();
    let messages = 0;
    let pages = 0;
    let last: Cursor | null = null;
    const got: MinimalMessage[] = [];
    for await (const p of connector.pages(cursor)) {
      messages += p.messages.length;
      got.push(...p.messages);
      pages++;
      last = p.cursor;
    }
    const ms = performance.now() - t0;
    const bytes = (client as ImapFlow | null)?.stats().received ?? 0;
    const calls = connector.stats().apiCalls;
    await connector.close();
    return { messages, pages, ms, bytes, calls, cursor: last, got };
  };

  const first = await run(null);
  console.log(
    `first harvest : ${first.messages} messages in ${(first.ms / 1000).toFixed(2)} s = ${((first.messages / first.ms) * 1000).toFixed(0)} msg/s; ` +
      `${(first.bytes / first.messages / 1024).toFixed(1)} KiB received per message vs ${(stored / N / 1024).toFixed(1)} KiB stored ` +
      `(${((first.bytes / stored) * 100).toFixed(0)}% of the mailbox); ${first.calls} IMAP commands, ${(first.calls / Math.max(1, first.pages - 1)).toFixed(1)} per page`,
  );
  keepExtracts('corpus', first.got);
  const usedFirst = first.got.reduce((a, m) => a + used(m), 0);
  console.log(
    `                extraction used ${(usedFirst / first.messages / 1024).toFixed(2)} KiB per message: received = ${(first.bytes / Math.max(1, usedFirst)).toFixed(2)}x what extraction used`,
  );
  const second = await run(first.cursor);
  console.log(
    `second harvest: ${second.messages} messages, ${second.calls} IMAP commands (login, LIST, one EXAMINE per folder), ${(second.bytes / 1024).toFixed(1)} KiB received`,
  );

  // Issue 10: downloaded vs used, per kind of mailbox.
  const kib = (b: number) => `${(b / 1024).toFixed(2)} KiB`;
  console.log(
    `\nbytes per message (${BYTES_N} messages per mailbox; received = every IMAP byte of the run, login and LIST included)`,
  );
  for (const [kind, make] of Object.entries(KINDS)) {
    const user = `${kind}@acme.example`;
    const raws = Array.from({ length: BYTES_N }, (_, i) => fakeMessageToRaw(make(i)));
    const stored = raws.reduce((a, r) => a + Buffer.byteLength(r), 0);
    const ac = await server.client(user, PASS);
    for (const r of raws) await ac.append('INBOX', r, []);
    await ac.logout();
    const once = await run(null, user);
    keepExtracts(kind, once.got);
    const all = new Set(once.got.map((m) => m.sourceId));
    const again = await run(null, user, all);
    for (const [label, r] of [
      [kind, once],
      [`${kind} (all processed)`, again],
    ] as const) {
      const u = r.got.reduce((a, m) => a + used(m), 0);
      const n = Math.max(1, r.messages);
      console.log(
        `  ${label.padEnd(27)}: ${r.messages} messages, ${r.got.filter((m) => m.tail !== '').length} with a body; ` +
          `received ${kib(r.bytes / n)} per message vs ${kib(stored / BYTES_N)} stored; extraction used ${kib(u / n)} ` +
          `= ${(r.bytes / Math.max(1, u)).toFixed(2)}x; ${r.calls} IMAP commands`,
      );
    }
  }
  if (EXTRACT_OUT) writeFileSync(EXTRACT_OUT, `${extracted.join('\n')}\n`);
} finally {
  await server.stop();
}
