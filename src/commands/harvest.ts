/**
 * `sigmine harvest [--all | --connection ID | --contributor EMAIL] [--since DATE] [--dry-run] [--json]`
 * Exit code 0 when every connection went fine (skips included), 2 when some failed.
 */
import { AppError } from '../errors.ts';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../key-admin/resolve.ts';
import { EXIT, setExit } from './lib/exit.ts';
import { positiveInteger } from './lib/numbers.ts';
import { outputsFor } from '../log.ts';
import { holderId } from '../harvest/lease.ts';
import { runHarvest, selectConnections } from '../harvest/run.ts';
import { printJsonResults, printPreview, printResultTables } from './lib/harvest-report.ts';

interface Opts {
  all?: boolean;
  connection?: string;
  contributor?: string;
  since?: string;
  dryRun?: boolean;
  fromStart?: boolean;
  json?: boolean;
  concurrency: number;
}

export function parseSince(s: string | undefined): Date | undefined {
  if (s === undefined) return undefined;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw new AppError('bad-input', `--since: not a date: ${s}`);
  // Date rolls a day the month does not have over into the next month (2025-02-30 is March 2): refuse it.
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (ymd) {
    const [year, month, day] = ymd.slice(1).map(Number) as [number, number, number];
    const calendar = new Date(Date.UTC(year, month - 1, day));
    if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day)
      throw new AppError('bad-input', `--since: not a date: ${s}`);
  }
  return d;
}

export function register(program: Command): void {
  program
    .command('harvest')
    .description('harvest connections: headers and signature blocks become directory observations')
    .option('--all', 'every connection (the default)')
    .option('--connection <id>', 'one connection')
    .option('--contributor <email>', "one contributor's connections")
    .option('--since <date>', 'only messages after this date (ISO-8601)')
    .option('--dry-run', 'show what would be contributed; store nothing')
    .option('--from-start', 'ignore saved cursors and read each source from its beginning')
    .option('--concurrency <n>', 'connections harvested at once (1 or more)', positiveInteger, 4)
    .option('--json', 'one JSON object per connection, then a summary')
    .action(async (opts: Opts) => {
      // `--connection X --contributor Y` harvested X whoever it belonged to: the selectors are alternatives.
      if ([opts.all, opts.connection, opts.contributor].filter((x) => x !== undefined).length > 1) {
        throw new AppError('bad-input', 'give one of --all, --connection ID or --contributor EMAIL');
      }
      const config = loadConfig();
      const since = parseSince(opts.since);
      const ac = new AbortController();
      const stop = () => ac.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await usingDatabase(config.database, async ({ db }) => {
          // No key or another key: exit 1 before anything is read or written (docs/security.md).
          const keyed = (await resolveKeys(db, config)).config;
          const conns = await selectConnections(
            { db },
            { connectionId: opts.connection, contributorEmail: opts.contributor },
          );
          if ((opts.connection || opts.contributor) && conns.length === 0) {
            throw new AppError('not-found', 'no matching connection');
          }
          const { logger, progress } = outputsFor(process.stderr);
          const { results, summary } = await runHarvest(
            { db, config: keyed, logger, progress, holder: holderId(), signal: ac.signal },
            conns.map((c) => c.id),
            { since, dryRun: opts.dryRun, fromStart: opts.fromStart, concurrency: opts.concurrency },
          );
          if (opts.json) printJsonResults(results, summary);
          else {
            printResultTables(results, summary);
            if (opts.dryRun) printPreview(results);
          }
          if (summary.failed > 0) setExit(EXIT.partial);
        });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
