/**
 * `sigmine optout --contributor EMAIL [--json]`: the contributor leaves. Collection stops at once, tokens
 * are revoked at the provider (Google) or discarded and recorded (Microsoft, IMAP, files), stored secrets
 * are deleted, free access is forfeited (ledger `opt-out-forfeit`). See src/connections/opt-out.ts.
 * `sigmine optout --retry-revocations` retries provider revokes that failed earlier.
 * Exit 0 when every revocation is settled, 2 when some provider revoke is still pending or failed.
 */
import { AppError } from '../errors.ts';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../key-admin/resolve.ts';
import { EXIT, setExit } from './lib/exit.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { optOutContributor, retryPendingRevocations } from '../connections/opt-out.ts';
import { secretKeyFrom, type SealKey } from '../secrets/index.ts';
import { checkEmail } from '../privacy/locate.ts';
import type { Config } from '../config.ts';

/** The key if one is configured (or demo mode); opt-out must work even without it (secrets still deleted). */
function keyIfAny(config: Readonly<Config>): SealKey | null {
  try {
    return secretKeyFrom(config);
  } catch {
    return null;
  }
}

/** `--contributor` must be one e-mail address: a typo is refused as bad input before the database is opened. */
function checkContributor(email: string): void {
  try {
    checkEmail(email);
  } catch {
    throw new AppError('bad-input', `--contributor is not an email address: ${email}`);
  }
}

export function register(program: Command): void {
  program
    .command('optout')
    .description('opt a contributor out: stop collection, revoke tokens, delete secrets, forfeit credits')
    .option('--contributor <email>', 'the contributor who leaves')
    .option('--retry-revocations', 'retry provider revokes that failed earlier (all contributors)')
    .option('--json', 'machine-readable output')
    .action(async (o: { contributor?: string; retryRevocations?: boolean; json?: boolean }) => {
      const config = loadConfig();
      const key = keyIfAny(config);
      if (!o.contributor && !o.retryRevocations) {
        throw new AppError('bad-input', 'give --contributor EMAIL (or --retry-revocations)');
      }
      if (o.contributor !== undefined) checkContributor(o.contributor);
      await usingDatabase(config.database, async ({ db }) => {
        // A configured key must be the database's (a wrong one would fail every revoke); none is allowed.
        if (config.secretKey) await resolveKeys(db, config);
        if (o.retryRevocations && !o.contributor) {
          const t = await retryPendingRevocations(db, { config, key });
          if (o.json) printJsonLine(t);
          else
            console.log(
              `revocations: ${t.revoked} revoked, ${t.pending} still pending, ${t.failed} given up`,
            );
          if (t.pending + t.failed > 0) setExit(EXIT.partial);
          return;
        }
        const r = await optOutContributor(db, o.contributor!, { config, key });
        const unsettled = r.connections.filter((c) => c.status === 'pending' || c.status === 'failed');
        if (o.json) printJsonLine(r);
        else {
          console.log(
            r.changed
              ? `${r.email} opted out: collection stopped, ${r.connections.length} connection(s) closed, ${r.forfeited} credits forfeited`
              : `${r.email} had already opted out`,
          );
          if (r.connections.length) {
            // `provider` as in --json; "none" for passwords and files, which no provider issued.
            printTable(
              ['kind', 'account', 'tokens', 'provider', 'error'],
              r.connections.map((c) => [
                c.kind,
                c.account,
                c.status,
                c.provider ?? 'none',
                c.errorCode ?? '',
              ]),
            );
          }
          if (unsettled.length)
            console.log(
              'some provider revokes failed; secrets are deleted locally; retry with `npx sigmine optout --retry-revocations`',
            );
        }
        if (unsettled.length) setExit(EXIT.partial);
      });
    });
}
