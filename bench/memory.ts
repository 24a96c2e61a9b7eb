/**
 * `npm run bench:memory`: a generated 100,000-message mbox (the sample mailbox repeated with distinct
 * domains, so every copy brings new people) harvested through the real path (local-mailbox connector ->
 * extract -> decide -> store on SQLite), with peak RSS printed. Target: peak RSS < 300 MB.
 * The mbox is streamed and pages are 100 messages, so memory must not grow with the mailbox.
 * Options: `--messages N` (default 100000).
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { openDatabase } from '../src/db/database.ts';
import { loadConfig } from '../src/config.ts';
import { upsertConnection } from '../src/connections/repository.ts';
import { noProgress, silentLogger } from '../src/log.ts';
import { runHarvest } from '../src/harvest/run.ts';
import { SAMPLE_MBOX } from '../test/helpers/sample-mailbox.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const TARGET = Number(arg('messages', '100000'));
const MB = 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'sigmine-bench-memory-'));
const mbox = join(dir, 'big.mbox');
const sample = readFileSync(SAMPLE_MBOX, 'utf8');
const perCopy = (sample.match(/^From /gm) ?? []).length;
const out = createWriteStream(mbox);
let written = 0;
for (let i = 0; written < TARGET; i++) {
  let chunk = sample.replaceAll('.example', `-m${i}.example`);
  if (written + perCopy > TARGET) {
    const parts = chunk.split(/^(?=From )/m).slice(0, TARGET - written);
    chunk = parts.join('');
    written = TARGET;
  } else written += perCopy;
  if (!out.write(chunk)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

let peak = 0;
const sample_ = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample_, 50);
const rssBefore = process.memoryUsage().rss;

const config = loadConfig({ SIGMINE_DATABASE: join(dir, 'bench.db') });
const d = await openDatabase(config.database);
try {
  const { connection } = await upsertConnection(
    d.db,
    { contributorEmail: 'memory@member.example', kind: 'mailbox', account: 'big', config: { path: mbox } },
    null,
  );
  console.log(`bench:memory  cores=${cpus().length} load=${loadavg()[0]!.toFixed(2)}`);
  console.log(
    `mbox: ${written} messages, ${(statSync(mbox).size / MB).toFixed(0)} MB; RSS before harvest ${(rssBefore / MB).toFixed(0)} MB`,
  );
  const t0 = performance.now();
  const { summary } = await runHarvest(
    { db: d.db, config, logger: silentLogger, progress: noProgress, holder: 'bench' },
    [connection.id],
  );
  const secs = (performance.now() - t0) / 1000;
  sample_();
  clearInterval(timer);
  const maxRss = process.resourceUsage().maxRSS * 1024; // kernel high-water mark, bytes
  console.log(
    `harvested ${summary.counts.messagesScanned} messages in ${secs.toFixed(0)} s (${(summary.counts.messagesScanned / secs).toFixed(0)} msg/s), ` +
      `${summary.counts.contactsNew} contacts, ${summary.counts.pages} pages, result ${summary.ok === 1 ? 'ok' : 'FAILED'}`,
  );
  console.log(
    `peak RSS ${(Math.max(peak, maxRss) / MB).toFixed(0)} MB (sampled ${(peak / MB).toFixed(0)} MB, kernel maxRSS ${(maxRss / MB).toFixed(0)} MB); target < 300 MB`,
  );
} finally {
  clearInterval(timer);
  await d.close();
  rmSync(dir, { recursive: true, force: true });
}
