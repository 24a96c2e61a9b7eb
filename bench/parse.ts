/**
 * `npm run bench:parse`: messages per second on one core for the whole extract path (parse, newest
 * part, classification, signature, fields) over the dev corpus, side by side with
 * `mailparser.simpleParser` alone on the same messages in the same run. Target: extract >= simpleParser.
 * Falls back to fixtures/mail when ../shared/corpus/dev is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { simpleParser } from 'mailparser';
import PostalMime from 'postal-mime';
import { extractRaw } from '../parsers/extract.ts';
import { parseRaw } from '../parsers/message.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(repoRoot, '..', 'shared', 'corpus', 'dev');
const fixtures = join(repoRoot, 'fixtures', 'mail');

function emlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...emlFiles(p));
    else if (name.endsWith('.eml')) out.push(p);
  }
  return out;
}

let source = corpus;
if (!existsSync(corpus)) {
  console.log(`corpus ${corpus} not found: skipped; using ${fixtures}`);
  source = fixtures;
}
const messages = emlFiles(source).map((f) => readFileSync(f));
if (messages.length === 0) {
  console.log('no messages found: nothing to measure');
  process.exit(0);
}
const bytes = messages.reduce((n, m) => n + m.length, 0);
const minMs = Number(process.env.BENCH_MS ?? 3000);

async function measure(name: string, fn: (m: Buffer) => unknown): Promise<number> {
  // Warm-up pass (JIT, lazy module state), then whole passes until minMs has elapsed.
  for (const m of messages) await fn(m);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const m of messages) await fn(m);
    n += messages.length;
  }
  const rate = n / ((performance.now() - start) / 1000);
  console.log(
    `${name.padEnd(34)} ${rate.toFixed(0).padStart(8)} msg/s  ${((rate * bytes) / messages.length / 1048576).toFixed(1).padStart(6)} MiB/s`,
  );
  return rate;
}

console.log(`${messages.length} messages, ${(bytes / 1024).toFixed(0)} KiB, from ${source}`);
const full = await measure('sigmine extract (full path)', (m) => extractRaw(m));
await measure('sigmine parseRaw (parse only)', (m) => parseRaw(m));
const mp = await measure('mailparser.simpleParser alone', (m) => simpleParser(m, { skipHtmlToText: false }));
await measure('postal-mime alone', (m) => PostalMime.parse(m));
console.log(
  `full extract path / simpleParser = ${(full / mp).toFixed(2)}x (target >= 1.00): ${full >= mp ? 'MET' : 'NOT MET'}`,
);

// `npm run bench:parse -- --mbox [N]`: stream an N-message mbox (default 100,000) built from the same
// messages through readMailboxPaths + extractRaw, printing throughput and the live-memory peak.
const mboxAt = process.argv.indexOf('--mbox');
if (mboxAt >= 0) {
  const { mkdtempSync, createWriteStream, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');

  const { readMailboxPaths } = await import('../connectors/mailbox-files.ts');
  const total = Number(process.argv[mboxAt + 1] ?? '') || 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'sigmine-bench-'));
  const path = join(dir, 'bench.mbox');
  const ws = createWriteStream(path);
  for (let i = 0; i < total; i++) {
    const m = messages[i % messages.length]!.toString('latin1').replace(/^From .*\n/, '');
    const escaped = m.replace(/^(>*From )/gm, '>$1');
    if (!ws.write(`From bench@example.org Mon Mar 11 10:00:00 2024\n${escaped}\n\n`, 'latin1'))
      await once(ws, 'drain');
  }
  ws.end();
  await once(ws, 'finish');
  const start = performance.now();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let n = 0;
  for await (const item of readMailboxPaths([path])) {
    if (item.bytes) extractRaw(item.bytes, item.file);
    if (++n % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const s = (performance.now() - start) / 1000;
  console.log(
    `mbox stream + extract: ${n} messages in ${s.toFixed(1)} s = ${(n / s).toFixed(0)} msg/s, RSS peak +${((peak - rss0) / 1048576).toFixed(0)} MiB`,
  );
  rmSync(dir, { recursive: true, force: true });
}
