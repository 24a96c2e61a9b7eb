/**
 * CLI entry: `bin/sigmine.js -> main() -> src/commands/<name>.ts`.
 * Every file in src/commands exports `register(program)`; adding a command touches no other file.
 * Exit codes: 0 ok, 2 partial failure, 1 fatal. With `--json` a fatal error is one JSON line on stdout,
 * `{"error":{"code","message"}}` (code `bad-input` for a refused option or argument), instead of text on stderr.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXIT, setExit, takeExit } from './exit.ts';

export interface CommandModule {
  register(program: Command): void;
}

export async function main(argv: string[]): Promise<number> {
  // `sigmine contacts list --json | head`: a reader that hangs up early is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(takeExit());
    throw err;
  });
  const json = argv.includes('--json');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const program = new Command('sigmine')
    .description('Business contacts from headers and signature blocks, with provenance and privacy.')
    .version(version, '--version', 'print the version')
    .exitOverride();
  // Set before the commands register: subcommands copy these settings when they are created.
  if (json) program.configureOutput({ outputError: () => {} });
  else program.showHelpAfterError();
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'commands');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as Partial<CommandModule>;
    mod.register?.(program);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return takeExit();
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      if (err.exitCode === 0) return EXIT.ok;
      if (json) writeJsonError('bad-input', err.message.replace(/^error: /, ''));
      return EXIT.fatal;
    }
    const e = err as Error & { code?: string };
    if (json) writeJsonError(typeof e.code === 'string' ? e.code : 'error', e.message);
    else process.stderr.write(`sigmine: ${e.code ? `[${e.code}] ` : ''}${e.message}\n`);
    if (process.env.SIGMINE_DEBUG) process.stderr.write(`${e.stack}\n`);
    setExit(EXIT.fatal);
    return takeExit();
  }
}

/** A fatal error as the `--json` stream's last line: `{"error":{"code","message"}}`. */
function writeJsonError(code: string, message: string): void {
  process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
}
