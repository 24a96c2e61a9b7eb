/**
 * `sigmine contacts list [--status listed|pending|restricted|all] [--json]`
 * `sigmine contacts show EMAIL [--json]`
 * JSON: one object per line with the `sigmine extract` contact fields plus email, status, firstSeen, lastSeen.
 * `show` adds per-field provenance (source categories, corroboration count, first/last seen), job history and
 * the company. Neither ever names the contributor or connection that supplied a value.
 */
import { AppError } from '../errors.ts';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { listContacts, showContact, type StatusFilter } from '../store/directory.ts';

const STATUSES = ['listed', 'pending', 'restricted', 'all'];

export function register(program: Command): void {
  const contacts = program
    .command('contacts')
    .description('the contact directory (never shows who contributed a contact)');
  contacts
    .command('list')
    .description('list contacts (default: listed ones, the directory)')
    .option('--status <status>', 'listed | pending | restricted | all', 'listed')
    .option('--json', 'one JSON object per line')
    .action(listCommand);
  contacts
    .command('show')
    .description('one contact: fields, where they come from (categories only), job history')
    .argument('<email>')
    .option('--json', 'one JSON object')
    .action(showCommand);
}

/** `contacts list`: the directory (or the contacts of one status), as a table or JSON lines. */
async function listCommand(opts: { status: string; json?: boolean }): Promise<void> {
  if (!STATUSES.includes(opts.status)) {
    throw new AppError('bad-input', `--status must be one of ${STATUSES.join(', ')}`);
  }
  await usingDatabase(loadConfig().database, async ({ db }) => {
    const list = await listContacts(db, { status: opts.status as StatusFilter });
    if (opts.json) {
      for (const c of list) printJsonLine(c);
      return;
    }
    printTable(
      ['email', 'name', 'title', 'company', 'status', 'last seen'],
      list.map((c) => [c.email, c.name, c.title, c.company, c.status, c.lastSeen.slice(0, 10)]),
    );
  });
}

/** `contacts show`: one contact's fields, provenance by category, and job history. */
async function showCommand(email: string, opts: { json?: boolean }): Promise<void> {
  await usingDatabase(loadConfig().database, async ({ db }) => {
    const d = await showContact(db, email);
    if (!d) throw new AppError('not-found', `no contact ${email.trim().toLowerCase()}`);
    if (opts.json) {
      printJsonLine({
        ...d.contact,
        provenance: d.provenance,
        jobHistory: d.jobHistory,
        companyProfile: d.company,
      });
      return;
    }
    printContact(d);
  });
}

/** A contact as text: its fields one per line, then provenance and job history as tables. */
function printContact(d: NonNullable<Awaited<ReturnType<typeof showContact>>>): void {
  const c = d.contact;
  const line = (k: string, v: string | null | undefined) => v && console.log(`${k.padEnd(12)}${v}`);
  line('email', c.email);
  line('status', c.status);
  line('name', c.name);
  line('title', c.title);
  line('department', c.department);
  line('company', c.company);
  line('address', c.address);
  for (const p of c.phones) line(`phone ${p.type}`, p.e164 ?? p.raw);
  for (const e of c.emails) line('email', e);
  for (const w of c.websites) line('website', w);
  for (const s of c.social) line('social', s);
  line('first seen', c.firstSeen);
  line('last seen', c.lastSeen);
  console.log('\nprovenance (categories only; contributors are never disclosed)');
  printTable(
    ['field', 'sources', 'corroboration', 'first seen', 'last seen'],
    Object.entries(d.provenance).map(([f, p]) => [
      f,
      p.pinned ? 'corrected by the person' : p.sources.join(', '),
      p.pinned ? '' : p.corroboration,
      p.firstSeen?.slice(0, 10),
      p.lastSeen?.slice(0, 10),
    ]),
  );
  if (d.jobHistory.length) {
    console.log('\njob history');
    printTable(
      ['changed', 'from', 'to'],
      d.jobHistory.map((j) => [
        j.changedAt.slice(0, 10),
        [j.oldTitle, j.oldCompany].filter(Boolean).join(', '),
        [j.newTitle, j.newCompany].filter(Boolean).join(', ') || '(left: automatic reply)',
      ]),
    );
  }
}
