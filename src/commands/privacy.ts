/**
 * `sigmine privacy erase|restrict|object EMAIL [--json]` (contract), plus
 * `sigmine privacy unrestrict EMAIL`, `sigmine privacy export EMAIL [--vcard|--json]`,
 * `sigmine privacy correct EMAIL --field F --value V` and `sigmine privacy requests [--open] [--json]`.
 * Every request is logged with its legal deadline under a keyed hash of the email, never the email.
 */
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../key-admin/resolve.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { erasePerson } from '../privacy/erase.ts';
import { restrictPerson } from '../privacy/restrict.ts';
import { exportPerson } from '../privacy/export.ts';
import { exportToVCard } from '../privacy/vcard.ts';
import { correctField } from '../privacy/correct.ts';
import { listRequests } from '../privacy/requests.ts';

type JsonOption = { json?: boolean };

export function register(program: Command): void {
  const privacy = program
    .command('privacy')
    .description('data-subject requests: erase, object, restrict, export, correct');

  for (const kind of ['erase', 'object'] as const) {
    privacy
      .command(kind)
      .description(
        kind === 'erase'
          ? 'erase everything about EMAIL and suppress it from any re-add'
          : 'record an objection: same as erase (profile deleted, email suppressed), logged as an objection',
      )
      .argument('<email>')
      .option('--json', 'one JSON object')
      .action((email: string, opts: JsonOption) => eraseAction(kind, email, opts));
  }

  for (const lift of [false, true]) {
    privacy
      .command(lift ? 'unrestrict' : 'restrict')
      .description(
        lift
          ? 'lift a restriction (back to the state before it)'
          : 'keep the profile but hide it and freeze it against harvest updates',
      )
      .argument('<email>')
      .option('--json', 'one JSON object')
      .action((email: string, opts: JsonOption) => restrictAction(lift, email, opts));
  }

  privacy
    .command('export')
    .description('everything held about EMAIL as JSON (never the contributor)')
    .argument('<email>')
    .option('--vcard', "the person's own contact data as a vCard (RFC 6350) instead of JSON")
    .option('--json', 'the same JSON object on one line')
    .action(exportAction);

  privacy
    .command('correct')
    .description('pin a corrected value (it beats any later harvest); lists are comma-separated')
    .argument('<email>')
    .requiredOption(
      '--field <field>',
      'name, title, department, company, address, phones, emails, websites, social',
    )
    .requiredOption('--value <value>', 'the value (empty = no value)')
    .option('--json', 'one JSON object')
    .action(correctAction);

  privacy
    .command('requests')
    .description('the privacy-requests log with deadlines (keyed hashes, no emails)')
    .option('--open', 'only open requests')
    .option('--json', 'one JSON object per line')
    .action(requestsAction);
}

/** `privacy erase|object EMAIL`: deletes the profile and suppresses the address; the log says which. */
async function eraseAction(kind: 'erase' | 'object', email: string, opts: JsonOption): Promise<void> {
  const config = loadConfig();
  await usingDatabase(config.database, async (d) => {
    const { secretKey } = (await resolveKeys(d.db, config)).config;
    const r = await erasePerson(d, email, kind, {
      secretKey,
      policy: config.policy,
      outboxDir: config.noticeOutbox,
    });
    if (opts.json) printJsonLine(r);
    else
      console.log(
        `${kind === 'erase' ? 'erased' : 'objection recorded'}: ${r.profilesDeleted} profile(s), ${r.observationsDeleted} observation(s) deleted; ` +
          `suppressed${r.alreadySuppressed ? ' (already)' : ''}; request ${r.requestId} (${r.regime}, due ${r.dueAt.slice(0, 10)})`,
      );
  });
}

/** `privacy restrict|unrestrict EMAIL`: hides and freezes the profile, or lifts that. */
async function restrictAction(lift: boolean, email: string, opts: JsonOption): Promise<void> {
  const config = loadConfig();
  await usingDatabase(config.database, async ({ db }) => {
    const { secretKey } = (await resolveKeys(db, config)).config;
    const r = await restrictPerson(db, email, { lift, secretKey, policy: config.policy });
    if (opts.json) printJsonLine(r);
    else
      console.log(
        `${lift ? 'unrestricted' : 'restricted'} ${r.profiles} profile(s)${r.found ? '' : ' (no profile found)'}; request ${r.requestId}`,
      );
  });
}

/**
 * `privacy export EMAIL [--vcard|--json]`: everything held about the person, as indented JSON (one line
 * with `--json`, as every command's machine output), or their card.
 */
async function exportAction(email: string, opts: { vcard?: boolean; json?: boolean }): Promise<void> {
  if (opts.vcard && opts.json) throw new AppError('bad-input', 'give --vcard or --json, not both');
  const config = loadConfig();
  await usingDatabase(config.database, async ({ db }) => {
    const { secretKey } = (await resolveKeys(db, config)).config;
    const data = await exportPerson(db, email, { secretKey, policy: config.policy });
    if (opts.json) printJsonLine(data);
    else process.stdout.write(opts.vcard ? exportToVCard(data) : `${JSON.stringify(data, null, 2)}\n`);
  });
}

/** `privacy correct EMAIL --field F --value V`: pins the value on every profile of the person. */
async function correctAction(
  email: string,
  opts: { field: string; value: string; json?: boolean },
): Promise<void> {
  const config = loadConfig();
  await usingDatabase(config.database, async ({ db }) => {
    const { secretKey } = (await resolveKeys(db, config)).config;
    const r = await correctField(db, email, opts.field, opts.value, { secretKey, policy: config.policy });
    if (opts.json) printJsonLine(r);
    else console.log(`pinned ${r.field} on ${r.profiles} profile(s); request ${r.requestId}`);
  });
}

/** `privacy requests`: the request log with deadlines, as a table or JSON lines. */
async function requestsAction(opts: { open?: boolean; json?: boolean }): Promise<void> {
  await usingDatabase(loadConfig().database, async ({ db }) => {
    const list = await listRequests(db, opts.open);
    if (opts.json) for (const r of list) printJsonLine(r);
    else
      printTable(
        ['id', 'kind', 'regime', 'status', 'received', 'due'],
        list.map((r) => [r.id, r.kind, r.regime, r.status, r.receivedAt.slice(0, 16), r.dueAt.slice(0, 10)]),
      );
  });
}
