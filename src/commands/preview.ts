/**
 * `sigmine preview --connection ID [--json]`: what one connection would share, from its newest PREVIEW_LIMIT
 * messages, headers first, under the connection's lease, storing nothing (the member preview's job,
 * src/harvest/preview-jobs.ts). Progress while it reads (with `--json`: `{"progress": status}` lines, the
 * status the web polls), then the contacts (`{"preview": status, "contacts": [...]}`). In text mode each
 * change of the counts is a line on stderr, and the last line there is the final count (a preview of a local
 * mailbox ends before the first poll: its only line used to say 0 messages read).
 * Exit code 0 when the preview read its messages, 2 when it could not (needs-reconnect, already-running...).
 */
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../key-admin/resolve.ts';
import { EXIT, setExit } from './lib/exit.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { noProgress, silentLogger } from '../log.ts';
import { holderId } from '../harvest/lease.ts';
import { selectConnections } from '../harvest/run.ts';
import { PreviewJobs, type PreviewJobStatus } from '../harvest/preview-jobs.ts';

interface Opts {
  connection: string;
  json?: boolean;
}

/** How often progress is reported while the preview reads. */
const POLL_MS = 500;

/** The text-mode progress line; a preview that ended says how (`done`, `failed`). */
function progressText(s: PreviewJobStatus): string {
  const end = s.state === 'running' ? '' : `, ${s.state}`;
  return `preview: ${s.scanned} of at most ${s.limit} messages read, ${s.contacts} contacts${end}`;
}

/**
 * Reports the preview's status: with `--json` every poll as a `{"progress": status}` line on stdout (what the
 * web polls), in text mode a line on stderr whenever it changed (a slow provider does not repeat one line
 * twice a second).
 */
function reporter(json: boolean | undefined): (s: PreviewJobStatus) => void {
  let shown = '';
  return (s) => {
    if (json) return printJsonLine({ progress: s });
    const line = progressText(s);
    if (line !== shown) process.stderr.write(`${line}\n`);
    shown = line;
  };
}

export function register(program: Command): void {
  program
    .command('preview')
    .description("what one connection's newest messages would share; stores nothing")
    .requiredOption('--connection <id>', 'the connection')
    .option('--json', 'progress lines, then the contacts, as JSON')
    .action(async (opts: Opts) => {
      const config = loadConfig();
      await usingDatabase(config.database, async ({ db }) => {
        const keyed = (await resolveKeys(db, config)).config;
        const [conn] = await selectConnections({ db }, { connectionId: opts.connection });
        if (!conn) throw new AppError('not-found', 'no matching connection');
        const jobs = new PreviewJobs();
        const env = { db, config: keyed, logger: silentLogger, progress: noProgress, holder: holderId() };
        const report = reporter(opts.json);
        let s = jobs.start(env, conn.contributorId, conn.id);
        report(s);
        while (s.state === 'running') {
          await new Promise((r) => setTimeout(r, POLL_MS));
          s = jobs.status(conn.contributorId, s.id)!;
          if (s.state === 'running') report(s);
        }
        const contacts = jobs.result(conn.contributorId, s.id) ?? [];
        if (opts.json) printJsonLine({ preview: s, contacts });
        else {
          report(s); // the final count, then the result
          process.stdout.write(
            `${contacts.length} contacts in the newest ${s.scanned} messages; nothing stored\n`,
          );
          printTable(
            ['email', 'name', 'title', 'company', 'phones'],
            contacts.map((p) => [p.email, p.name, p.title, p.company, p.phones.join(', ')]),
          );
          if (s.code) process.stderr.write(`preview not complete: ${s.code}\n`);
        }
        if (s.code) setExit(EXIT.partial);
      });
    });
}
