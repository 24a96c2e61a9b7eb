/** Runs the real CLI (`bin/sigmine.js`) in a child process, as operations would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'sigmine.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment without the variables a developer's shell may carry into a test. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('SIGMINE_')) delete env[k];
  return { ...env, ...extra };
}

export function startCli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: opts.env ?? cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

export async function runCli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return startCli(args, opts).done;
}

/**
 * Runs the CLI through an OAuth consent flow: `browse` plays the browser for the first http(s) URL the CLI
 * prints alone on a stderr line (the consent page), once.
 */
export async function runCliWithConsent<B>(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv },
  browse?: (url: string) => Promise<B>,
): Promise<CliRun & { browsed: Promise<B> | null }> {
  const { child, done } = startCli(args, opts);
  let stderr = '';
  let browsed: Promise<B> | null = null;
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    const url = /^https?:\/\/\S+$/m.exec(stderr)?.[0];
    if (url && browse && !browsed) browsed = browse(url);
  });
  const r = await done;
  return { ...r, browsed };
}
