/**
 * `npm run bench:parse`: messages per second on one core for the whole extract path (parse, newest
 * part, classification, signature, fields) over the dev corpus, side by side with
 * `mailparser.simpleParser` alone on the same messages in the same run. Target: extract >= simpleParser.
 * Falls back to fixtures/mail when ../shared/corpus/dev is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
