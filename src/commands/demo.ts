/**
 * `sigmine demo`: the main job on a fresh machine, with no configuration and no external account.
 * Migrates the SQLite database (default ./data/sigmine.db), registers a demo contributor with a local
 * `mailbox` connection over the bundled sample mailbox, harvests it, and prints the contacts found, the
 * credits and the notices queued. Running it again is idempotent: the saved cursor and the store's
 * message keys make the second harvest a no-op, and the connection bonus is keyed once per source.
 */
import type { Command } from 'commander';
import { isAbsolute, join, relative } from 'node:path';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../key-admin/resolve.ts';
import { currentEpoch, legacySecret } from '../keys/identity.ts';
import { rotateKeys } from '../key-admin/rotate.ts';
import { demoKeyRing } from '../secrets/index.ts';
import { EXIT, setExit } from './lib/exit.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { noProgress, outputsFor, silentLogger } from '../log.ts';
import { upsertConnection } from '../connections/repository.ts';
import { balanceOf } from '../store/ledger.ts';
import { listContacts } from '../store/directory.ts';
import { listNotices } from '../notices/outbox.ts';
import { holderId } from '../harvest/lease.ts';
import { runHarvest, type RunOutcome } from '../harvest/run.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { printResultTables } from './lib/harvest-report.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

export const DEMO_CONTRIBUTOR = 'demo@sigmine.example';
export const SAMPLE_MAILBOX = join(PACKAGE_ROOT, 'fixtures', 'sample-mailbox');

/** A path relative to the working directory when it lies below it, else absolute. */
function shortPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('harvest the bundled sample mailbox into a local SQLite directory (no account needed)')
    .option('--json', 'print the outcome as JSON lines')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const out = process.stdout;
      const say = (s: string) => {
        if (!opts.json) out.write(`${s}\n`);
      };
      say(`sigmine demo: database ${shortPath(config.database)}`);
      await usingDatabase(config.database, async ({ db, dialect }) => {
        say(`  migrated (${dialect})`);
        // The demo's own key (./data/demo-secret.key, 0600), recorded as this database's key, and said so.
        // A demo database from before key identity kept its hash secret inside itself: moved to the demo key.
        if (!config.secretKey && (await currentEpoch(db)) === null && (await legacySecret(db))) {
          await rotateKeys(db, demoKeyRing({ warn: () => {} }));
          say('  moved this database from the secret it kept inside itself to the demo key');
        }
        const keyed = (await resolveKeys(db, config, { demo: true, note: say, warn: say })).config;
        const { connection, created } = await upsertConnection(
          db,
          {
            contributorEmail: DEMO_CONTRIBUTOR,
            kind: 'mailbox',
            account: 'sample-mailbox',
            config: { path: SAMPLE_MAILBOX },
          },
          null,
        );
        // The connection bonus comes with the first harvest that reads a message (once per source).
        say(
          `  contributor ${DEMO_CONTRIBUTOR}: ${created ? 'new' : 'existing'} mailbox connection ` +
            `over ${shortPath(SAMPLE_MAILBOX)}\n`,
        );
        // A terminal gets progress lines; piped, the demo stays quiet (its tables are the output).
        const { logger, progress } = process.stderr.isTTY
          ? outputsFor(process.stderr)
          : { logger: silentLogger, progress: noProgress };
        const { results, summary } = await runHarvest(
          { db, config: keyed, logger, progress, holder: holderId(), demo: true },
          [connection.id],
          { trigger: 'demo' },
        );
        await reportDemo(db, connection.contributorId, results, summary, opts.json === true);
        if (summary.failed > 0) setExit(EXIT.partial);
      });
    });
}

/** What the demo prints after its harvest: the run, the directory, the credits, the notices, what next. */
async function reportDemo(
  db: Kysely<DB>,
  contributorId: string,
  results: RunOutcome['results'],
  summary: RunOutcome['summary'],
  json: boolean,
): Promise<void> {
  const out = process.stdout;
  const contacts = await listContacts(db, { status: 'all' });
  const balance = await balanceOf(db, contributorId);
  const notices = await listNotices(db);
  const queued = notices.filter((n) => n.status === 'queued').length;
  if (json) {
    for (const r of results) printJsonLine({ type: 'connection', ...r });
    printJsonLine({ type: 'summary', ...summary });
    for (const c of contacts) printJsonLine({ type: 'contact', ...c });
    printJsonLine({ type: 'demo', contacts: contacts.length, credits: balance, noticesQueued: queued });
  } else {
    printResultTables(results, summary);
    out.write(
      `\nContacts in the directory store (${contacts.length}; pending ones wait for their notice):\n`,
    );
    printTable(
      ['email', 'name', 'title', 'company', 'phone', 'status'],
      contacts.map((c) => [
        c.email,
        c.name,
        c.title,
        c.company,
        c.phones[0]?.e164 ?? c.phones[0]?.raw ?? '',
        c.status,
      ]),
    );
    out.write(`\nCredits of ${DEMO_CONTRIBUTOR}: ${balance}\n`);
    out.write(`Notices queued: ${queued} (of ${notices.length} notices in the outbox)\n`);
    out.write(
      // `npx sigmine` runs this checkout's bin without installing anything globally (npm link does).
      '\nNext:\n' +
        '  SIGMINE_DEMO=1 npx sigmine serve        web app: member area, privacy center, health and metrics\n' +
        '  npx sigmine contacts list --status all  every contact, with its status\n' +
        '  npx sigmine contacts show EMAIL         one profile with provenance and job history\n' +
        `  npx sigmine ledger --contributor ${DEMO_CONTRIBUTOR}\n` +
        '  npx sigmine notices list                the notices outbox\n' +
        // Without --from-start a dry run after the demo's harvest has nothing new to read, and shows nothing.
        '  npx sigmine harvest --dry-run --from-start  what the mailbox would contribute, read from its start\n',
    );
  }
}
