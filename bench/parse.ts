/**
 * `npm run bench:parse`: what a user waits for.
 *
 * 1. Whole processes over the same message files, interleaved run by run: `sigmine extract --json FILES`
 *    (the compiled CLI, start-up included) against a process running `mailparser.simpleParser` alone and
 *    one running `postal-mime` alone (bench/parse-alone.js); median, min and max of the wall time and of
 *    the CPU time each process reports (bench/cpu-report.js), and the medians of the per-run ratios. Target: extract >= 1.5x as fast as the simpleParser process.
 * 2. Start-up: wall time of `sigmine --help` and of `sigmine extract` over one message, next to `node`
 *    doing nothing. Target: well under 1 s.
 * 3. In-process messages per second of the extract path (the compiled dist/ modules) vs the parsers alone
 *    (no start-up), interleaved.
 *
 * Messages: ../shared/corpus/dev, or fixtures/mail when it is absent. `--runs N` (default 9),
 * `--repeat K` passes the file list K times (default 1), `--no-in-process` skips part 3,
 * `--mbox [N]` adds the mbox streaming figure.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { simpleParser } from 'mailparser';
import PostalMime from 'postal-mime';

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
const messageFiles = emlFiles(source);
const messages = messageFiles.map((f) => readFileSync(f));
if (messages.length === 0) {
  console.log('no messages found: nothing to measure');
  process.exit(0);
}
const bytes = messages.reduce((n, m) => n + m.length, 0);
const minMs = Number(process.env.BENCH_MS ?? 3000);

/** Messages per second of one whole pass of `fn` over the messages. */
async function pass(fn: (m: Buffer) => unknown): Promise<number> {
  const start = performance.now();
  for (const m of messages) await fn(m);
  return messages.length / ((performance.now() - start) / 1000);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

/**
 * Interleaved rounds: every round runs each contender once, in turn, until minMs has elapsed, so a
 * busy neighbour slows both alike; the medians and the median of the per-round ratios are printed.
 */
async function contest(named: [string, (m: Buffer) => unknown][]): Promise<number[][]> {
  for (const [, fn] of named) await pass(fn); // warm-up (JIT, lazy module state)
  const rates: number[][] = named.map(() => []);
  const start = performance.now();
  do {
    for (let i = 0; i < named.length; i++) rates[i]!.push(await pass(named[i]![1]));
  } while (performance.now() - start < minMs || rates[0]!.length < 5);
  named.forEach(([name], i) => {
    const r = median(rates[i]!);
    console.log(
      `${name.padEnd(34)} ${r.toFixed(0).padStart(8)} msg/s  ${((r * bytes) / messages.length / 1048576).toFixed(1).padStart(6)} MiB/s  (median of ${rates[i]!.length} interleaved passes)`,
    );
  });
  return rates;
}

console.log(`${messages.length} messages, ${(bytes / 1024).toFixed(0)} KiB, from ${source}`);

const argValue = (flag: string, fallback: number): number => {
  const at = process.argv.indexOf(flag);
  const v = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const RUNS = argValue('--runs', 9);
const REPEAT = argValue('--repeat', 1);

// The CLI users run is the compiled one: build it from the sources under measurement first.
execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.js'), '--quiet'], { stdio: 'inherit' });
const BIN = join(repoRoot, 'bin', 'sigmine.js');
/**
 * Part 3 measures the compiled modules too, not the sources through tsx: tsx (esbuild targeting Node 20)
 * rewrites every Unicode regular-expression literal (`/\p{Lu}/u`) as `new RegExp(...)`, built again at
 * every call, which made the extract path look 3-4x slower in-process than what users run.
 */
const dist = (rel: string) => pathToFileURL(join(repoRoot, 'dist', rel)).href;
const { extractRaw } = (await import(dist('parsers/extract.js'))) as typeof import('../parsers/extract.ts');
const { parseRaw } = (await import(dist('parsers/message.js'))) as typeof import('../parsers/message.ts');
const ALONE = join(repoRoot, 'bench', 'parse-alone.js');

const CPU_REPORT = join(repoRoot, 'bench', 'cpu-report.js');

/**
 * One process from spawn to exit: wall milliseconds, and the CPU milliseconds it reports itself at exit
 * (bench/cpu-report.js, preloaded). Its output goes to /dev/null. Throws on failure.
 */
function timed(args: string[]): Promise<{ wall: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', pathToFileURL(CPU_REPORT).href, ...args], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      cwd: repoRoot,
    });
    let err = '';
    let cpu = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (cpu += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - start;
      // extract exits 2 when some message is unreadable: still a complete run.
      if (code === 0 || code === 2) resolve({ wall, cpu: Number(cpu.trim()) });
      else reject(new Error(`${args.join(' ')} exited ${code}: ${err.slice(0, 500)}`));
    });
  });
}

const spread = (xs: number[]) =>
  `${median(xs).toFixed(0).padStart(5)} ms (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;

/** Runs each process once per round, in turn (a busy neighbour slows all alike), after one warm-up round. */
async function processes(named: [string, string[]][]): Promise<{ wall: number[]; cpu: number[] }[]> {
  for (const [, args] of named) await timed(args);
  const runs = named.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  for (let r = 0; r < RUNS; r++)
    for (let i = 0; i < named.length; i++) {
      const t = await timed(named[i]![1]);
      runs[i]!.wall.push(t.wall);
      runs[i]!.cpu.push(t.cpu);
    }
  console.log(`${''.padEnd(44)} ${'wall median (min-max)'.padEnd(22)} cpu median (min-max), ${RUNS} runs`);
  named.forEach(([name], i) =>
    console.log(`${name.padEnd(44)} ${spread(runs[i]!.wall).padEnd(22)} ${spread(runs[i]!.cpu)}`),
  );
  return runs;
}

const files = Array.from({ length: REPEAT }, () => messageFiles).flat();
console.log(`\nwhole processes over the same ${files.length} message files, interleaved:`);
const [cli, mpProc] = await processes([
  ['sigmine extract --json FILES', [BIN, 'extract', '--json', ...files]],
  ['mailparser.simpleParser alone (process)', [ALONE, 'mailparser', ...files]],
  ['postal-mime alone (process)', [ALONE, 'postal-mime', ...files]],
]);
/** Issue 12: the extract command at 1.5x the simpleParser-alone process or better. */
const PROCESS_TARGET = 1.5;
for (const kind of ['wall', 'cpu'] as const) {
  const speedup = median(cli!.wall.map((_, i) => mpProc![kind][i]! / cli![kind][i]!));
  console.log(
    `sigmine extract process / simpleParser process = ${speedup.toFixed(2)}x as fast in ${kind} time, median of per-run ratios (target >= ${PROCESS_TARGET}): ${speedup >= PROCESS_TARGET ? 'MET' : 'NOT MET'}`,
  );
}

console.log('\nstart-up (the whole process):');
const [, help, one] = await processes([
  ['node -e 0 (Node alone)', ['-e', '0']],
  ['sigmine --help', [BIN, '--help']],
  ['sigmine extract --json ONE-MESSAGE', [BIN, 'extract', '--json', messageFiles[0]!]],
]);
/** "Well under 1 s" (issue 13): a third of a second leaves room for a slower machine. */
const STARTUP_TARGET_MS = 333;
for (const kind of ['wall', 'cpu'] as const) {
  const worst = Math.max(median(help![kind]), median(one![kind]));
  console.log(
    `slowest start-up median ${worst.toFixed(0)} ms of ${kind} time (target < ${STARTUP_TARGET_MS} ms): ${worst < STARTUP_TARGET_MS ? 'MET' : 'NOT MET'}`,
  );
}
if (!process.argv.includes('--no-in-process')) {
  console.log('\nin-process, no start-up:');
  const [full, , mp] = await contest([
    ['sigmine extract (full path)', (m) => extractRaw(m)],
    ['sigmine parseRaw (parse only)', (m) => parseRaw(m)],
    ['mailparser.simpleParser alone', (m) => simpleParser(m, { skipHtmlToText: false })],
    ['postal-mime alone', (m) => PostalMime.parse(m)],
  ]);
  /** Issue 14: the whole extract path, labeller included, at 1.5x simpleParser alone or better. */
  const TARGET = 1.5;
  const ratio = median(full!.map((f, i) => f / mp![i]!));
  console.log(
    `full extract path / simpleParser = ${ratio.toFixed(2)}x, median of per-round ratios (target >= ${TARGET}): ${ratio >= TARGET ? 'MET' : 'NOT MET'}`,
  );
}

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
