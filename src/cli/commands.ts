/**
 * The light table of CLI commands: what `sigmine --help` lists (name, usage term, description) and how to
 * load each command's module. main() imports only the module of the command that runs, so `sigmine
 * extract` never loads imapflow, googleapis or pg-boss, and `sigmine --help` loads no command at all.
 *
 * Adding a command: its file in src/commands (exporting `register(program)`) and one row here, in name
 * order. test/cli/cli-commands.test.ts fails when a row is missing or says something the module does not.
 */
import type { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

export interface CommandEntry {
  /** As `sigmine --help` lists it: the name, then `[options]` and the arguments when the command has them. */
  readonly term: string;
  /** The command's description, exactly as its module registers it. */
  readonly description: string;
  readonly load: () => Promise<CommandModule>;
}

export const COMMANDS: ReadonlyMap<string, CommandEntry> = new Map<string, CommandEntry>([
  [
    'connect',
    {
      term: 'connect',
      description: 'register a mail, calendar or contacts source for a contributor',
      load: () => import('../commands/connect.ts'),
    },
  ],
  [
    'connections',
    {
      term: 'connections',
      description: 'registered sources (mailboxes, calendars, contacts)',
      load: () => import('../commands/connections.ts'),
    },
  ],
  [
    'contacts',
    {
      term: 'contacts',
      description: 'the contact directory (never shows who contributed a contact)',
      load: () => import('../commands/contacts.ts'),
    },
  ],
  [
    'demo',
    {
      term: 'demo [options]',
      description: 'harvest the bundled sample mailbox into a local SQLite directory (no account needed)',
      load: () => import('../commands/demo.ts'),
    },
  ],
  [
    'directory',
    {
      term: 'directory',
      description: "the members' directory: search for free, reveal details for credits",
      load: () => import('../commands/directory.ts'),
    },
  ],
  [
    'exclusions',
    {
      term: 'exclusions',
      description: 'people, domains and folders a member keeps out of sharing',
      load: () => import('../commands/exclusions.ts'),
    },
  ],
  [
    'extract',
    {
      term: 'extract [options] <paths...>',
      description:
        'extract sender signatures and contact fields from .eml files, folders, mbox files and Maildir',
      load: () => import('../commands/extract.ts'),
    },
  ],
  [
    'harvest',
    {
      term: 'harvest [options]',
      description: 'harvest connections: headers and signature blocks become directory observations',
      load: () => import('../commands/harvest.ts'),
    },
  ],
  [
    'keys',
    {
      term: 'keys',
      description: 'the database key: status and rotation (docs/security.md)',
      load: () => import('../commands/keys.ts'),
    },
  ],
  [
    'ledger',
    {
      term: 'ledger [options]',
      description: 'credits ledger: entries and balance per contributor',
      load: () => import('../commands/ledger.ts'),
    },
  ],
  [
    'maintenance',
    {
      term: 'maintenance',
      description: 'directory maintenance',
      load: () => import('../commands/maintenance.ts'),
    },
  ],
  [
    'migrate',
    {
      term: 'migrate [options]',
      description: 'apply pending database migrations (they also run automatically on first use)',
      load: () => import('../commands/migrate.ts'),
    },
  ],
  [
    'notices',
    {
      term: 'notices',
      description: 'pre-add notices to contacts (outbox, sending, bounces, listing)',
      load: () => import('../commands/notices.ts'),
    },
  ],
  [
    'optout',
    {
      term: 'optout [options]',
      description: 'opt a contributor out: stop collection, revoke tokens, delete secrets, forfeit credits',
      load: () => import('../commands/optout.ts'),
    },
  ],
  [
    'preview',
    {
      term: 'preview [options]',
      description: "what one connection's newest messages would share; stores nothing",
      load: () => import('../commands/preview.ts'),
    },
  ],
  [
    'privacy',
    {
      term: 'privacy',
      description: 'data-subject requests: erase, object, restrict, export, correct',
      load: () => import('../commands/privacy.ts'),
    },
  ],
  [
    'schedule',
    {
      term: 'schedule [options]',
      description: 'harvest on a schedule until stopped (on PostgreSQL: queue jobs for workers)',
      load: () => import('../commands/schedule.ts'),
    },
  ],
  [
    'serve',
    {
      term: 'serve [options]',
      description:
        'run the web app: member area (/member), privacy center (/privacy), health (/healthz) and metrics (/metrics, with SIGMINE_METRICS_TOKEN)',
      load: () => import('../commands/serve.ts'),
    },
  ],
  [
    'worker',
    {
      term: 'worker [options]',
      description: 'run harvest jobs from the PostgreSQL queue (pg-boss) until stopped',
      load: () => import('../commands/worker.ts'),
    },
  ],
]);

/**
 * The command an argument list runs: its first word that is not an option (the root program's options,
 * --version and --help, take no value), or for `help CMD` the command asked about. Null when none.
 */
export function commandNameOf(argv: readonly string[]): string | null {
  const words = argv.filter((a) => !a.startsWith('-'));
  if (words[0] === 'help') return words[1] ?? null;
  return words[0] ?? null;
}
