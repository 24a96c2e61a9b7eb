/**
 * `npm run bench:memory`: a generated 100,000-message mbox (the sample mailbox repeated with distinct
 * domains, so every copy brings new people) harvested the way an operator runs it: `sigmine connect mailbox`
 * then `sigmine harvest --all` as their own processes (the compiled CLI, SQLite), local-mailbox connector ->
 * extract -> decide -> store. Prints the harvest process's peak RSS (the kernel's high-water mark, reported
 * by bench/rss-report.js at exit). Targets: < 300 MB, and <= 250 MB for margin (issue 12).
 * The mbox is streamed and pages are 100 messages, so memory must not grow with the mailbox.
 * Options: `--messages N` (default 100000).
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

const repo = join(import.meta.dirname, '..');
const env = {
  ...process.env,
  SIGMINE_DATABASE: join(dir, 'bench.db'),
  SIGMINE_SECRET_KEY: randomBytes(32).toString('hex'),
};

/** Runs the compiled CLI with `args`; resolves with its stdout and the peak RSS (KiB) it reported at exit. */
async function sigmine(args: string[]): Promise<{ stdout: string; maxRssKiB: number }> {
  const child = spawn(
    process.execPath,
    ['--import', join(repo, 'bench', 'rss-report.js'), join(repo, 'bin', 'sigmine.js'), ...args],
    { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let report = '';
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  // The harvest logs a line per page on stderr: shown only when the command fails.
  child.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-20_000)));
  child.stdio[3]!.on('data', (b: Buffer) => (report += b.toString()));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`sigmine ${args[0]} exited ${code}:\n${stderr}`);
  return { stdout, maxRssKiB: Number(report.trim()) };
}

try {
  console.log(`bench:memory  cores=${cpus().length} load=${loadavg()[0]!.toFixed(2)}`);
  console.log(`mbox: ${written} messages, ${(statSync(mbox).size / MB).toFixed(0)} MB`);
  await sigmine(['connect', 'mailbox', '--contributor', 'memory@member.example', '--path', mbox, '--json']);
  const t0 = performance.now();
  const run = await sigmine(['harvest', '--all', '--json']);
  const secs = (performance.now() - t0) / 1000;
  const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
    ok: number;
    counts: { messagesScanned: number; contactsNew: number; pages: number };
  };
  const c = summary.counts;
  console.log(
    `sigmine harvest: ${c.messagesScanned} messages in ${secs.toFixed(0)} s (${(c.messagesScanned / secs).toFixed(0)} msg/s, ` +
      `start-up included), ${c.contactsNew} contacts, ${c.pages} pages, result ${summary.ok === 1 ? 'ok' : 'FAILED'}`,
  );
  const peak = (run.maxRssKiB * 1024) / MB;
  console.log(
    `peak RSS of the harvest process ${peak.toFixed(0)} MB; target < 300 MB (<= 250 MB for margin)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
