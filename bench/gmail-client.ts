/**
 * `node bin/run-ts.js bench/gmail-client.ts [--messages N]`: CPU per message of the Gmail connector alone
 * (googleapis request, HTTP, JSON, base64, MIME part choice and decoding; no pipeline, no store) against the
 * local Gmail server in a child process with the quota lifted. Prints wall msg/s and CPU ms per message
 * (process.cpuUsage of this process).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { factory } from '../connectors/gmail/index.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const MESSAGES = Number(arg('messages', '3000'));
const server = spawn(
  process.execPath,
  [
    join(import.meta.dirname, '..', 'bin', 'run-ts.js'),
    join(import.meta.dirname, 'harvest-server.ts'),
    '0',
    '1000000000',
  ],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const answers = createInterface({ input: server.stdout! })[Symbol.asyncIterator]();
const ask = async (req?: unknown): Promise<Record<string, any>> => {
  if (req) server.stdin!.write(`${JSON.stringify(req)}\n`);
  const r = await answers.next();
  if (r.done) throw new Error('bench Gmail server ended');
  return JSON.parse(r.value) as Record<string, any>;
};
const env = (await ask()).env as Record<string, string>;
const config = loadConfig({ ...env, SIGMINE_SECRET_KEY: '00'.repeat(32) });

async function once(account: string): Promise<{ n: number; secs: number; cpu: number }> {
  const refreshToken = (await ask({ op: 'addUser', email: account, messages: MESSAGES }))
    .refreshToken as string;
  const conn = factory.create(
    {
      id: account,
      kind: 'gmail',
      account,
      config: { unitsPerSecond: 1e9, burst: 1e9 },
      secret: refreshToken,
    },
    { endpoints: config },
  );
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let n = 0;
  for await (const page of conn.pages(null)) n += page.messages.length;
  const c = process.cpuUsage(c0);
  return { n, secs: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

try {
  await once('warm@member.example');
  for (let i = 0; i < 2; i++) {
    const r = await once(`run${i}@member.example`);
    console.log(
      `${r.n} messages in ${r.secs.toFixed(1)} s = ${(r.n / r.secs).toFixed(0)} msg/s; CPU ${r.cpu.toFixed(2)} s = ${((1000 * r.cpu) / r.n).toFixed(3)} ms per message`,
    );
  }
} finally {
  server.stdin!.end();
  await new Promise((r) => server.once('exit', r));
}
