/**
 * The CLI's light command table (src/cli/commands.ts) against the command modules: `sigmine --help`
 * lists every command exactly as the modules describe it, without importing them; a command loads its
 * own module only, so start-up never pays for imapflow, googleapis or pg-boss it does not use.
 */
import { describe, expect, it } from 'vitest';
import { Help } from 'commander';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMANDS, commandNameOf, type CommandModule } from '../../src/cli/commands.ts';
import { main, rootProgram } from '../../src/cli/main.ts';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const commandFiles = readdirSync(join(root, 'src', 'commands'))
  .filter((f) => f.endsWith('.ts'))
  .sort();

/** Every command module registered up front, as the CLI did before commands were loaded lazily. */
async function eagerProgram() {
  const program = rootProgram(false);
  for (const f of commandFiles) {
    const mod = (await import(pathToFileURL(join(root, 'src', 'commands', f)).href)) as CommandModule;
    mod.register(program);
  }
  return program;
}

async function stdoutOf(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const ow = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => (
    out.push(String(chunk)),
    true
  )) as typeof process.stdout.write;
  try {
    const code = await main(args);
    return { code, out: out.join('') };
  } finally {
    process.stdout.write = ow;
  }
}

describe('the command table', () => {
  it('has one row per command module, and each row says what its module registers', async () => {
    const program = await eagerProgram();
    const help = new Help();
    expect([...COMMANDS.keys()]).toEqual(program.commands.map((c) => c.name()));
    expect(commandFiles).toEqual(program.commands.map((c) => `${c.name()}.ts`));
    for (const cmd of program.commands) {
      const row = COMMANDS.get(cmd.name())!;
      expect({ term: row.term, description: row.description }).toEqual({
        term: help.subcommandTerm(cmd),
        description: cmd.description(),
      });
    }
  });

  it('prints the same `sigmine --help` as a program with every module loaded', async () => {
    const eager = await eagerProgram();
    const lazy = await stdoutOf(['--help']);
    expect(lazy.code).toBe(0);
    expect(lazy.out).toBe(eager.helpInformation());
    expect(lazy.out).toContain('extract [options] <paths...>');
  });

  it('finds the command an argument list runs, options and `help CMD` included', () => {
    expect(commandNameOf(['--json', 'extract', 'a.eml'])).toBe('extract');
    expect(commandNameOf(['help', 'contacts'])).toBe('contacts');
    expect(commandNameOf(['--help'])).toBeNull();
    expect(commandNameOf(['help'])).toBeNull();
  });
});

describe('the compiled CLI', () => {
  /**
   * Runs bin/sigmine.js with a module-resolution hook that records every module it loads (Node's
   * module.register), and returns those under dist/ and node_modules/.
   */
  async function modulesLoadedBy(args: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-lazy-'));
    try {
      const log = join(dir, 'loaded.txt');
      const hooks = join(dir, 'hooks.mjs');
      writeFileSync(
        hooks,
        `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}\n`,
      );
      const register = join(dir, 'register.mjs');
      writeFileSync(
        register,
        `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
      );
      writeFileSync(log, '');
      const run = await runCli(args, {
        env: { ...process.env, NODE_OPTIONS: `--import ${pathToFileURL(register).href}` },
      });
      const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      return {
        run,
        commands: [
          ...new Set(
            urls
              .filter((u) => u.includes('/dist/src/commands/') && !u.includes('/dist/src/commands/lib/'))
              .map((u) => u.replace(/.*\//, '')),
          ),
        ],
        packages: [
          ...new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter(Boolean)),
        ],
        ts: urls.filter((u) => u.endsWith('.ts')),
        /** The files of dist/ loaded, relative to it, each once. */
        dist: [...new Set(urls.filter((u) => u.includes('/dist/')).map((u) => u.replace(/.*\/dist\//, '')))],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('answers --help without loading any command module or provider library', async () => {
    const { run, commands, packages, ts, dist } = await modulesLoadedBy(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Commands:');
    expect(commands).toEqual([]);
    // commander is the one library, run from its bundle in dist/vendor/ (with its code cache).
    expect(packages).toEqual([]);
    expect(dist).toContain('vendor/commander.js');
    expect(ts).toEqual([]); // compiled JavaScript only, no TypeScript loader
  });

  it('runs `extract` with its own module only: no database, mail server or Google client is loaded', async () => {
    const { run, commands, packages } = await modulesLoadedBy([
      'extract',
      '--json',
      join(root, 'fixtures', 'mail', 'outlook-reply-en.eml'),
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).from.email).toBe('olivia.harper@northwind-logistics.example');
    expect(commands).toEqual(['extract.js']);
    for (const heavy of [
      'imapflow',
      'pg-boss',
      'pg',
      'better-sqlite3',
      'kysely',
      '@googleapis/gmail',
      'hono',
      'tsx',
    ])
      expect(packages).not.toContain(heavy);
  });

  it("loads `extract` as one compiled file that shares the CLI entry's error and exit-code modules", async () => {
    const { run, dist } = await modulesLoadedBy([
      'extract',
      '--json',
      join(root, 'fixtures', 'mail', 'outlook-reply-en.eml'),
      join(root, 'fixtures', 'mail', 'no-such-file.eml'),
    ]);
    // The exit code set by the command is the one the entry returns: exit.js is one module for both.
    expect(run.code).toBe(2);
    expect(dist.filter((f) => f.startsWith('parsers/') || f.startsWith('connectors/'))).toEqual([]);
    expect(dist).toContain('src/commands/extract.js');
    expect(dist).toContain('src/errors.js');
    expect(dist).toContain('src/commands/lib/exit.js');
  });
});
