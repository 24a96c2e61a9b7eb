/**
 * Starts a real SMTP server in a child process (test/fakes/smtp-server-process.ts) on an ephemeral port and
 * collects what it receives. `stop()` ends it; a stopped sink's port refuses connections (a relay that is
 * down).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface SinkOptions {
  /** Recipient address -> reply code to RCPT TO (550 refused for good, 451 try later). */
  refuse?: Record<string, number>;
  tls?: { keyFile: string; certFile: string };
  auth?: { user: string; pass: string };
  /** Listen on this port (a relay back up where it was); default an ephemeral one. */
  port?: number;
}

export interface ReceivedMail {
  from: string | null;
  to: string[];
  secure: boolean;
  user: string | null;
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  logins: string[];
  /** Resolves once `n` messages have arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');

export async function startSmtpSink(o: SinkOptions = {}): Promise<SmtpSink> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'run-ts.js'),
      join(ROOT, 'test', 'fakes', 'smtp-server-process.ts'),
      JSON.stringify(o),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  const waiters: Array<() => void> = [];
  let buffer = '';
  let parsing = Promise.resolve();
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`smtp sink exited with ${code}`)));
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const e = JSON.parse(line) as { event: string; port?: number; user?: string; raw?: string } & Omit<
          ReceivedMail,
          'raw' | 'parsed'
        >;
        if (e.event === 'listening') resolve(e.port!);
        if (e.event === 'auth') logins.push(e.user!);
        if (e.event === 'message') {
          const raw = Buffer.from(e.raw!, 'base64').toString('utf8');
          parsing = parsing.then(async () => {
            received.push({
              from: e.from,
              to: e.to,
              secure: e.secure,
              user: e.user,
              raw,
              parsed: await simpleParser(raw),
            });
            waiters.splice(0).forEach((w) => w());
          });
        }
      }
    });
  });
  return {
    port,
    received,
    logins,
    async waitFor(n, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} mails, got ${received.length}`);
        await Promise.race([
          new Promise<void>((r) => waiters.push(r)),
          new Promise((r) => setTimeout(r, 100)),
        ]);
      }
      return received;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
