/**
 * CLI entry: `bin/sigmine.js -> main() -> src/commands/<name>.ts`.
 * Every file in src/commands exports `register(program)`; adding a command touches no other file.
 * Exit codes: 0 ok, 2 partial failure, 1 fatal.
 */
import { Command, CommanderError } from 'commander';
import { readdirSync } from 'node:fs';
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
  const program = new Command('sigmine')
    .description('Business contacts from headers and signature blocks, with provenance and privacy.')
    .exitOverride()
    .showHelpAfterError();
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
      return err.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    }
    const e = err as Error & { code?: string };
    process.stderr.write(`sigmine: ${e.code ? `[${e.code}] ` : ''}${e.message}\n`);
    if (process.env.SIGMINE_DEBUG) process.stderr.write(`${e.stack}\n`);
    setExit(EXIT.fatal);
    return takeExit();
  }
}
