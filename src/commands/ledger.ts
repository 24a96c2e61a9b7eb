/**
 * `sigmine ledger [--contributor EMAIL] [--json]`: credit entries (oldest first) and balances.
 * JSON: one line per entry `{ contributor, kind, amount, createdAt }`, then one `{ contributor, balance }` line
 * per contributor shown. Balances are sums of entries, never a stored column.
 */
import { AppError } from '../errors.ts';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { ledgerEntries } from '../store/ledger.ts';
import { getContributorByEmail } from '../connections/repository.ts';

export function register(program: Command): void {
  program
    .command('ledger')
    .description('credits ledger: entries and balance per contributor')
    .option('--contributor <email>', "one contributor's entries")
    .option('--json', 'one JSON object per line')
    .action(async (opts: { contributor?: string; json?: boolean }) => {
      await usingDatabase(loadConfig().database, async ({ db }) => {
        let contributorId: string | undefined;
        if (opts.contributor) {
          const c = await getContributorByEmail(db, opts.contributor);
          if (!c) throw new AppError('not-found', `no contributor ${opts.contributor}`);
          contributorId = c.id;
        }
        const entries = await ledgerEntries(db, { contributorId });
        const balances = new Map<string, number>();
        if (opts.contributor) balances.set(opts.contributor.trim().toLowerCase(), 0);
        for (const e of entries) balances.set(e.contributor, (balances.get(e.contributor) ?? 0) + e.amount);
        if (opts.json) {
          for (const e of entries) printJsonLine(e);
          for (const [contributor, balance] of balances) printJsonLine({ contributor, balance });
          return;
        }
        printTable(
          ['date', 'contributor', 'kind', 'amount'],
          entries.map((e) => [e.createdAt.slice(0, 19).replace('T', ' '), e.contributor, e.kind, e.amount]),
        );
        console.log('');
        printTable(
          ['contributor', 'balance'],
          [...balances].map(([c, b]) => [c, b]),
        );
      });
    });
}
