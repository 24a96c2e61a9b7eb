/**
 * CLI entry: `bin/sigmine.js -> main() -> src/commands/<name>.ts`.
 * Only the module of the command that runs is imported (the table in ./commands.ts lists them, with
 * what `sigmine --help` shows), so a command pays for its own dependencies only.
 * Exit codes: 0 ok, 2 partial failure, 1 fatal. With `--json` a fatal error is one JSON line on stdout,
 * `{"error":{"code","message"}}` (code `bad-input` for a refused option or argument), instead of text on stderr.
 */
import { Command, CommanderError, Help } from 'commander';
import { AppError } from '../errors.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { COMMANDS, commandNameOf, type CommandModule } from './commands.ts';
import { EXIT, exitCodeOf, setExit, takeExit } from '../commands/lib/exit.ts';

export type { CommandModule };

/** The root program, before any command is registered: name, description, --version, error output. */
export function rootProgram(json: boolean): Command {
  const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const program = new Command('sigmine')
    .description('Business contacts from headers and signature blocks, with provenance and privacy.')
    .version(version, '--version', 'print the version')
    .exitOverride();
  // Set before the commands register: subcommands copy these settings when they are created.
  if (json) program.configureOutput({ outputError: () => {} });
  else program.showHelpAfterError();
  return program;
}

/**
 * Registers what `argv` needs: the one command it runs, from its module; otherwise (`--help`, no or an
 * unknown command) every command as a placeholder from the table, which `sigmine --help` lists and an
 * unknown command's suggestion draws from, exactly as the modules would.
 */
async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const entry = COMMANDS.get(commandNameOf(argv) ?? '');
  if (entry) {
    (await entry.load()).register(program);
    return;
  }
  const terms = new Map<Command, string>();
  for (const [name, e] of COMMANDS) terms.set(program.command(name).description(e.description), e.term);
  program.configureHelp({
    subcommandTerm(this: Help, cmd: Command) {
      return terms.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
}

export async function main(argv: string[]): Promise<number> {
  // `sigmine contacts list --json | head`: a reader that hangs up early is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(takeExit());
    throw err;
  });
  const json = argv.includes('--json');
  const program = rootProgram(json);
  await registerCommands(program, argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return takeExit();
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      if (err.exitCode === 0) return EXIT.ok;
      if (json) writeJsonError('bad-input', err.message.replace(/^error: /, ''));
      return exitCodeOf(new AppError('bad-input', err.message));
    }
    // The code printed is the error's own string (an AppError's, or a library's such as ENOENT: scripts
    // read it); the exit code comes from the one mapping in src/commands/lib/exit.ts.
    const e = err as Error & { code?: string };
    if (json) writeJsonError(typeof e.code === 'string' ? e.code : 'error', e.message);
    else process.stderr.write(`sigmine: ${e.code ? `[${e.code}] ` : ''}${e.message}\n`);
    if (process.env.SIGMINE_DEBUG) process.stderr.write(`${e.stack}\n`);
    setExit(exitCodeOf(err));
    return takeExit();
  }
}

/** A fatal error as the `--json` stream's last line: `{"error":{"code","message"}}`. */
function writeJsonError(code: string, message: string): void {
  process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
}
