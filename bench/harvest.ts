/**
 * `npm run bench:harvest`: the whole harvest path (Gmail connector -> extract -> decide -> store, one
 * transaction per page with its cursor) against the local Gmail server of the test suite
 * (test/fakes/google-server.ts) enforcing Gmail's per-user quota of 250 units/s and 5 requests in flight.
 * `messages.get` costs 5 units, so the quota-limited maximum is 50 messages/s per mailbox.
 *
 * The server runs in a child process (bench/harvest-server.ts), as Google would be elsewhere.
 * Prints: bytes and quota per message (issue 10: headers first, body only for survivors) for a mailbox of
 * mostly ruled-out mail and one of long threads, next to what extraction used; then one mailbox (msgs/s vs
 * the quota-limited maximum, API calls per message), then 10 mailboxes in parallel (aggregate msgs/s vs 10x
 * one mailbox), then a second harvest with no new mail (API calls per connection).
 * Targets: a ruled-out message costs no body download; >= 90% of the quota-limited maximum per mailbox;
 * 10 mailboxes within 80% of 10x one; <= 2 calls per connection.
 * Options: `--messages N` (default 5000 per mailbox), `--mailboxes N` (default 10), `--latency MS` (default 0),
 * `--bytes-messages N` (default 300 per mailbox of the bytes section), `--bytes-only` (that section alone),
 * `--threads on|off` (spread connections over worker threads, src/harvest/parallel.ts; default: runHarvest's default, on).
 * CPU figures are process.cpuUsage of this process (all its threads), per message scanned.
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { openDatabase } from '../src/db/database.ts';
import { loadConfig } from '../src/config.ts';
import { upsertConnection } from '../src/connections/repository.ts';
import { parseSecretKey } from '../src/secrets/index.ts';
import { noProgress, silentLogger } from '../src/log.ts';
import { runHarvest } from '../src/harvest/run.ts';
import { factory as gmailFactory } from '../connectors/gmail/index.ts';
import type { MinimalMessage } from '../parsers/types.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const MESSAGES = Number(arg('messages', '5000'));
const MAILBOXES = Number(arg('mailboxes', '10'));
const LATENCY = Number(arg('latency', '0'));
const BYTES_MESSAGES = Number(arg('bytes-messages', '300'));

// The Gmail server runs in its own process (bench/harvest-server.ts): only the harvest is measured here.
const server = spawn(
  process.execPath,
  [
    join(import.meta.dirname, '..', 'bin', 'run-ts.js'),
    join(import.meta.dirname, 'harvest-server.ts'),
    String(LATENCY),
  ],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const answers = createInterface({ input: server.stdout! })[Symbol.asyncIterator]();
const ask = async (req?: unknown): Promise<Record<string, any>> => {
  if (req) server.stdin!.write(`${JSON.stringify(req)}\n`);
  const r = await answers.next();
  if (r.done) throw new Error('bench Gmail server ended');
  return JSON.parse(r.value) as Record<string, any>;
};
const g = {
  env: (await ask()).env as Record<string, string>,
  async addUser(email: string, messages: number, kind = 'business'): Promise<string> {
    return (await ask({ op: 'addUser', email, messages, kind })).refreshToken as string;
  },
  async traffic(
    email: string,
  ): Promise<{ requests: number; units: number; bytes: number; wireBytes: number }> {
    return (await ask({ op: 'bytes', email })) as never;
  },
  async close() {
    server.stdin!.end();
    await new Promise((r) => server.once('exit', r));
  },
};
const dir = mkdtempSync(join(tmpdir(), 'sigmine-bench-harvest-'));
const secret = randomBytes(32).toString('hex');
const config = loadConfig({ ...g.env, SIGMINE_DATABASE: join(dir, 'bench.db'), SIGMINE_SECRET_KEY: secret });
const key = parseSecretKey(secret);
const d = await openDatabase(config.database);
const env = { db: d.db, config, logger: silentLogger, progress: noProgress, holder: 'bench' };

async function mailboxes(prefix: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const account = `${prefix}${i}@member.example`;
    const refreshToken = await g.addUser(account, MESSAGES);
    const { connection } = await upsertConnection(
      d.db,
      { contributorEmail: account, kind: 'gmail', account, secret: refreshToken },
      key,
    );
    ids.push(connection.id);
  }
  return ids;
}

const THREADS = arg('threads', 'default');

async function timed(ids: string[]) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = await runHarvest(env, ids, {
    concurrency: ids.length,
    ...(THREADS === 'off' ? { threads: false } : THREADS === 'on' ? { threads: true } : {}),
  });
  const secs = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  // This process only (all its threads; the Gmail server is a child process, not counted).
  const cpuSecs = (c.user + c.system) / 1e6;
  const failed = out.results.filter((r) => r.status !== 'ok');
  if (failed.length)
    console.log('  failures:', failed.map((r) => `${r.status}:${r.code}:${r.message ?? ''}`).join(', '));
  return { secs, cpuSecs, ...out };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const kib = (b: number) => `${(b / 1024).toFixed(2)} KiB`;
/** What extraction uses of a handed-over message: its selected headers, tail and signature hint. */
const used = (m: MinimalMessage) =>
  Buffer.byteLength(JSON.stringify(m.headers)) +
  Buffer.byteLength(m.tail) +
  Buffer.byteLength(m.signatureHint ?? '');
console.log(
  `bench:harvest  cores=${cpus().length} load=${loadavg()[0]!.toFixed(2)} messages/mailbox=${MESSAGES} latency=${LATENCY}ms`,
);

/** The Gmail connector alone over one fresh mailbox of `kind`: downloaded vs used, quota units. */
async function bytesAndQuota(kind: string, processed: boolean) {
  const account = `bytes-${kind}-${processed ? 'again' : 'first'}@member.example`;
  const refreshToken = await g.addUser(account, BYTES_MESSAGES, kind);
  const conn = { id: account, kind: 'gmail', account, config: {}, secret: refreshToken };
  let first: MinimalMessage[] = [];
  if (processed)
    for await (const p of gmailFactory.create(conn, { endpoints: config }).pages(null))
      first.push(...p.messages);
  const before = await g.traffic(account);
  // `processed`: the whole mailbox read again after an expired history id, every message already stored.
  const seen = new Set(first.map((m) => m.sourceId));
  const c = gmailFactory.create(conn, { endpoints: config, alreadyProcessed: async () => seen });
  const got: MinimalMessage[] = [];
  for await (const p of c.pages(null)) got.push(...p.messages);
  const after = await g.traffic(account);
  const n = Math.max(1, got.length);
  const u = got.reduce((a, m) => a + used(m), 0);
  const bodies = got.filter((m) => m.tail !== '').length;
  const wire = after.wireBytes - before.wireBytes;
  const json = after.bytes - before.bytes;
  console.log(
    `  ${kind.padEnd(11)}${processed ? ' (all processed)' : ''}: ${got.length} messages, ${bodies} with a body; ` +
      `downloaded ${kib(wire / n)} per message on the wire (${kib(json / n)} as JSON), extraction used ${kib(u / n)} ` +
      `= ${(wire / Math.max(1, u)).toFixed(1)}x (JSON ${(json / Math.max(1, u)).toFixed(1)}x); ` +
      `${((after.units - before.units) / n).toFixed(2)} quota units and ${((after.requests - before.requests) / n).toFixed(2)} requests per message`,
  );
  first = [];
}

try {
  console.log(`bytes and quota per message (Gmail connector alone, ${BYTES_MESSAGES} messages per mailbox)`);
  await bytesAndQuota('ruled-out', false);
  await bytesAndQuota('long-thread', false);
  await bytesAndQuota('long-thread', true);
  console.log('');
  if (process.argv.includes('--bytes-only')) process.exit(0);

  const one = await mailboxes('one', 1);
  const r1 = await timed(one);
  const rate1 = r1.summary.counts.messagesScanned / r1.secs;
  // Every synthetic message here is a business message: metadata + body = 10 units, plus its list share.
  const t1 = await g.traffic('one0@member.example');
  const QUOTA_MAX = 250 / (t1.units / Math.max(1, r1.summary.counts.messagesScanned));
  console.log(
    `quota-limited maximum: ${QUOTA_MAX.toFixed(1)} msg/s per mailbox (250 units/s; ${(t1.units / Math.max(1, r1.summary.counts.messagesScanned)).toFixed(2)} units per message: metadata 5 + body 5 + list share)\n`,
  );
  console.log('one mailbox');
  console.log(
    `  ${r1.summary.counts.messagesScanned} messages in ${r1.secs.toFixed(1)} s = ${rate1.toFixed(1)} msg/s = ${pct(rate1 / QUOTA_MAX)} of the quota-limited maximum (target >= 90%)`,
  );
  console.log(
    `  API calls: ${r1.summary.counts.apiCalls} = ${(r1.summary.counts.apiCalls / Math.max(1, r1.summary.counts.messagesScanned)).toFixed(3)} per message; rate-limit waits ${r1.summary.counts.rateLimitWaits}`,
  );
  console.log(
    `  CPU ${r1.cpuSecs.toFixed(1)} s = ${((1000 * r1.cpuSecs) / Math.max(1, r1.summary.counts.messagesScanned)).toFixed(2)} ms per message (process.cpuUsage, all threads)`,
  );
  console.log(
    `  contacts new ${r1.summary.counts.contactsNew}, updated ${r1.summary.counts.contactsUpdated}; CPU in pipeline ${(r1.summary.counts.pipelineMs / 1000).toFixed(1)} s, in store transactions ${(r1.summary.counts.storeMs / 1000).toFixed(1)} s`,
  );

  const many = await mailboxes('many', MAILBOXES);
  const rN = await timed(many);
  const rateN = rN.summary.counts.messagesScanned / rN.secs;
  console.log(`\n${MAILBOXES} mailboxes in parallel`);
  console.log(
    `  ${rN.summary.counts.messagesScanned} messages in ${rN.secs.toFixed(1)} s = ${rateN.toFixed(1)} msg/s aggregate, ${(rateN / MAILBOXES).toFixed(1)} msg/s per mailbox`,
  );
  console.log(
    `  vs ${MAILBOXES} x one mailbox (${(MAILBOXES * rate1).toFixed(1)} msg/s): ${pct(rateN / (MAILBOXES * rate1))} (target >= 80%)`,
  );
  console.log(
    `  CPU ${rN.cpuSecs.toFixed(1)} s = ${((1000 * rN.cpuSecs) / Math.max(1, rN.summary.counts.messagesScanned)).toFixed(2)} ms per message (process.cpuUsage, all threads); threads ${THREADS}`,
  );
  console.log(
    `  API calls per message ${(rN.summary.counts.apiCalls / Math.max(1, rN.summary.counts.messagesScanned)).toFixed(3)}; rate-limit waits ${rN.summary.counts.rateLimitWaits}`,
  );
  console.log(
    `  pipeline ${(rN.summary.counts.pipelineMs / 1000).toFixed(1)} s, store transactions ${(rN.summary.counts.storeMs / 1000).toFixed(1)} s (summed over mailboxes)`,
  );

  const again = await timed([...one, ...many]);
  const perConn = again.results.map((r) => r.counts.apiCalls);
  console.log('\nsecond harvest, no new mail');
  console.log(
    `  API calls per connection: max ${Math.max(...perConn)}, total ${perConn.reduce((a, b) => a + b, 0)} over ${perConn.length} connections (target <= 2 each); messages ${again.summary.counts.messagesScanned}`,
  );
} finally {
  await d.close();
  await g.close();
  rmSync(dir, { recursive: true, force: true });
}
