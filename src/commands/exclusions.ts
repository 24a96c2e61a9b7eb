/**
 * `sigmine exclusions add|list|remove --member EMAIL (--address A | --domain D | --folder CONNECTION:LABEL)
 * [--json]`: what a member keeps out of sharing, applied by every later harvest, preview and dry run before
 * anything is stored (src/connections/exclusions.ts, src/pipeline/exclude.ts). JSON: one
 * `{ id, kind, value, connectionId, createdAt }` per rule (`list`), or the rule added or removed.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { listConnections } from '../connections/repository.ts';
import {
  addExclusion,
  folderRuleLimit,
  listExclusions,
  removeExclusion,
  type Exclusion,
  type ExclusionInput,
} from '../connections/exclusions.ts';

interface RuleOptions {
  member: string;
  address?: string;
  domain?: string;
  folder?: string;
  json?: boolean;
}

/** The one rule the options name; exactly one of --address, --domain, --folder. */
function ruleOf(o: RuleOptions): ExclusionInput {
  const given = [o.address, o.domain, o.folder].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new AppError('bad-input', 'give exactly one of --address, --domain or --folder CONNECTION:LABEL');
  if (o.address !== undefined) return { kind: 'address', value: o.address };
  if (o.domain !== undefined) return { kind: 'domain', value: o.domain };
  const f = o.folder!;
  const colon = f.indexOf(':');
  if (colon <= 0 || colon === f.length - 1)
    throw new AppError(
      'bad-input',
      '--folder takes CONNECTION:LABEL (a connection id, a colon, the folder or label)',
    );
  return { kind: 'folder', connectionId: f.slice(0, colon), value: f.slice(colon + 1) };
}

const line = (e: Exclusion) => `${e.kind} ${e.connectionId ? `${e.connectionId}:` : ''}${e.value}`;

function withRule(cmd: Command): Command {
  return cmd
    .requiredOption('--member <email>', 'the member whose sharing this is')
    .option('--address <email>', 'a person: their address')
    .option('--domain <domain>', 'a whole domain, with its subdomains')
    .option(
      '--folder <connection:label>',
      "a folder or label of one of the member's connections (IMAP folder, Gmail label name with its sublabels, mailbox subfolder; any case). Outlook sources are read from the Inbox only: they have no folders to exclude",
    )
    .option('--json', 'one JSON object');
}

export function register(program: Command): void {
  const ex = program
    .command('exclusions')
    .description('people, domains and folders a member keeps out of sharing');
  withRule(
    ex.command('add').description('keep a person, a domain or a folder out of every later harvest'),
  ).action(async (o: RuleOptions) => {
    const rule = ruleOf(o);
    await usingDatabase(loadConfig().database, async ({ db }) => {
      const e = await addExclusion(db, o.member, rule);
      if (o.json) printJsonLine(e);
      else console.log(`excluded: ${line(e)} (applies from the next harvest)`);
      // As the member's page says it: a folder rule on an Outlook source or a calendar matches nothing.
      if (e.connectionId) {
        const on = (await listConnections(db, { contributorEmail: o.member })).find(
          (c) => c.id === e.connectionId,
        );
        const limit = on ? folderRuleLimit(on.kind) : null;
        if (limit) process.stderr.write(`warning: ${limit}\n`);
      }
    });
  });
  withRule(
    ex.command('remove').description('share again what a rule kept out, from the next harvest'),
  ).action(async (o: RuleOptions) => {
    const rule = ruleOf(o);
    await usingDatabase(loadConfig().database, async ({ db }) => {
      const e = await removeExclusion(db, o.member, rule);
      if (o.json) printJsonLine(e);
      else
        console.log(
          `removed: ${line(e)} (shared again from the next harvest; mail read while the rule held comes in ` +
            'with `sigmine harvest --from-start`, which reads the source again)',
        );
    });
  });
  ex.command('list')
    .description("the member's exclusions")
    .requiredOption('--member <email>', 'the member')
    .option('--json', 'one JSON object per rule')
    .action(async (o: { member: string; json?: boolean }) => {
      await usingDatabase(loadConfig().database, async ({ db }) => {
        const rules = await listExclusions(db, o.member);
        if (o.json) {
          for (const e of rules) printJsonLine(e);
          return;
        }
        printTable(
          ['id', 'kind', 'value', 'connection', 'since'],
          rules.map((e) => [e.id, e.kind, e.value, e.connectionId, e.createdAt.slice(0, 10)]),
        );
      });
    });
}
