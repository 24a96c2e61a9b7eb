/**
 * `sigmine connections list [--contributor EMAIL] [--json]`: every registered source with its status.
 * Secrets are never shown (only whether one is stored). JSON: one object per line with
 * `{ id, contributor, contributorStatus, kind, account, status, hasSecret, lastHarvestAt, lastErrorCode,
 * revokedAt, createdAt, config }` (config holds only non-secret settings: host, port, user, path...).
 * `--contributor EMAIL` that no contributor has is `not-found` (exit 1), not an empty list: a typo would
 * otherwise read as "this contributor has no connections".
 */
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { getContributorByEmail, listConnections } from '../connections/repository.ts';

export function register(program: Command): void {
  const connections = program
    .command('connections')
    .description('registered sources (mailboxes, calendars, contacts)');
  connections
    .command('list', { isDefault: true })
    .description('list connections and their status')
    .option('--contributor <email>', "only this contributor's connections")
    .option('--json', 'one JSON object per line')
    .action(async (o: { contributor?: string; json?: boolean }) => {
      const rows = await usingDatabase(loadConfig().database, async ({ db }) => {
        if (o.contributor !== undefined && !(await getContributorByEmail(db, o.contributor)))
          throw new AppError('not-found', `no contributor ${o.contributor} is registered`);
        return listConnections(db, { contributorEmail: o.contributor });
      });
      if (o.json) {
        for (const r of rows) {
          printJsonLine({
            id: r.id,
            contributor: r.contributorEmail,
            contributorStatus: r.contributorStatus,
            kind: r.kind,
            account: r.account,
            status: r.status,
            hasSecret: r.hasSecret,
            lastHarvestAt: r.lastHarvestAt,
            lastErrorCode: r.lastErrorCode,
            revokedAt: r.revokedAt,
            createdAt: r.createdAt,
            config: r.config,
          });
        }
        return;
      }
      if (rows.length === 0) {
        console.log(
          o.contributor !== undefined
            ? `no connections for ${o.contributor}`
            : 'no connections yet: see `npx sigmine connect --help`',
        );
        return;
      }
      printTable(
        ['id', 'contributor', 'kind', 'account', 'status', 'last harvest', 'last error'],
        rows.map((r) => [
          r.id, // in full: the id `harvest --connection` takes
          r.contributorEmail,
          r.kind,
          r.account,
          r.status,
          r.lastHarvestAt ? r.lastHarvestAt.slice(0, 19).replace('T', ' ') : 'never',
          r.lastErrorCode ?? '',
        ]),
      );
    });
}
