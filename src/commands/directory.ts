/**
 * `sigmine directory search QUERY --member EMAIL [--json]`: listed contacts matching a name, title, company or
 * domain (free); JSON: one `{ id, name, title, company, domain, onFile }` per match.
 * `sigmine directory reveal ID --member EMAIL [--json]`: a contact's e-mail and phones for the `reveal` credits
 * of src/credits/policy.ts, once per member and contact; JSON: `{ id, name, title, company, email, phones,
 * spent, balance }`. Exit 1 with `insufficient-credits` when the balance is short. Never names a contributor.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { revealContact, searchDirectory } from '../store/member-directory.ts';
import { directoryMember } from '../connections/repository.ts';

export function register(program: Command): void {
  const directory = program
    .command('directory')
    .description("the members' directory: search for free, reveal details for credits");
  directory
    .command('search')
    .description('listed contacts whose name, title, company or domain contains QUERY')
    .argument('<query>')
    .requiredOption('--member <email>', 'the member searching')
    .option('--json', 'one JSON object per match')
    .action(async (query: string, opts: { member: string; json?: boolean }) => {
      await usingDatabase(loadConfig().database, async ({ db }) => {
        const hits = await searchDirectory(db, await directoryMember(db, opts.member), query);
        if (opts.json) {
          for (const h of hits) printJsonLine(h);
          return;
        }
        printTable(
          ['id', 'name', 'title', 'company', 'domain', 'on file'],
          hits.map((h) => [h.id, h.name, h.title, h.company, h.domain, h.onFile.join(', ')]),
        );
      });
    });
  directory
    .command('reveal')
    .description("a contact's e-mail and phones, for credits (once; again for free)")
    .argument('<id>', 'a contact id from `directory search`')
    .requiredOption('--member <email>', 'the member revealing')
    .option('--json', 'one JSON object')
    .action(async (id: string, opts: { member: string; json?: boolean }) => {
      await usingDatabase(loadConfig().database, async ({ db }) => {
        const r = await revealContact(db, await directoryMember(db, opts.member), id);
        if (opts.json) {
          printJsonLine(r);
          return;
        }
        console.log(`${r.name ?? ''} ${r.title ? `(${r.title}, ${r.company ?? ''})` : ''}`.trim());
        console.log(`email   ${r.email}`);
        for (const p of r.phones) console.log(`phone   ${p.e164 ?? p.raw} (${p.type})`);
        console.log(
          r.spent
            ? `spent ${r.spent} credits; balance ${r.balance}`
            : `already revealed: nothing spent; balance ${r.balance}`,
        );
      });
    });
}
