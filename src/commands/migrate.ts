/** `sigmine migrate [--json]`: applies pending migrations to the configured database. */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { EXIT, setExit } from './lib/exit.ts';
import { printJsonLine } from './lib/output.ts';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (they also run automatically on first use)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const { db, close } = await openDatabase(config.database, { migrate: false });
      try {
        const { error, results = [] } = await migrateToLatest(db);
        for (const r of results) {
          if (opts.json) printJsonLine({ migration: r.migrationName, status: r.status });
          else console.log(`${r.status.padEnd(8)} ${r.migrationName}`);
        }
        if (!opts.json && results.length === 0) console.log('database is up to date');
        if (error) {
          console.error(`migration failed: ${(error as Error).message}`);
          setExit(EXIT.fatal);
        }
      } finally {
        await close();
      }
    });
}
