/**
 * `sigmine preview --connection ID [--json]`: what one connection would share, from its newest PREVIEW_LIMIT
 * messages, headers first, under the connection's lease, storing nothing (the member preview's job,
 * src/harvest/preview-jobs.ts). Progress while it reads (with `--json`: `{"progress": status}` lines, the
 * status the web polls), then the contacts (`{"preview": status, "contacts": [...]}`).
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

function report(s: PreviewJobStatus, json: boolean | undefined): void {
  if (json) printJsonLine({ progress: s });
  else
    process.stderr.write(
      `preview: ${s.scanned} of at most ${s.limit} messages read, ${s.contacts} contacts\n`,
    );
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
        let s = jobs.start(env, conn.contributorId, conn.id);
        report(s, opts.json);
        while (s.state === 'running') {
          await new Promise((r) => setTimeout(r, POLL_MS));
          s = jobs.status(conn.contributorId, s.id)!;
          if (s.state === 'running') report(s, opts.json);
        }
        const contacts = jobs.result(conn.contributorId, s.id) ?? [];
        if (opts.json) printJsonLine({ preview: s, contacts });
        else {
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
