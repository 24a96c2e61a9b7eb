/**
 * `sigmine notices list [--status queued,sent,bounced,failed] [--json]`
 * `sigmine notices send [--transport file|smtp] [--outbox DIR] [--limit N] [--no-promote] [--json]` (default
 * `smtp` when SIGMINE_SMTP_URL is set, else `file`)
 * `sigmine notices bounce ID | --provider-id MESSAGE-ID | --dsn FILE... [--json]`, `sigmine notices retry ID [--json]`
 * `notices send` also sends the queued Art. 19 notifications to members who revealed a person who corrected or
 * erased their data (src/notices/recipient-notices.ts; `--json` events `recipient-notice`).
 * `sigmine notices promote [--json]`: lists pending contacts whose notice was sent and whose objection window
 * passed without objection (also done at the end of `notices send` unless --no-promote).
 * Environment: SIGMINE_NOTICE_OUTBOX (default ./data/outbox), SIGMINE_SMTP_URL and SIGMINE_SMTP_PASSWORD_FILE,
 * SIGMINE_MAIL_FROM (or SIGMINE_NOTICE_FROM), SIGMINE_OBJECTION_WINDOW_DAYS, SIGMINE_NOTICE_HOLD (see
 * src/jurisdiction/policy.ts).
 */
import { AppError } from '../errors.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { loadConfig, type Config } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../key-admin/resolve.ts';
import { EXIT, setExit } from './lib/exit.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import type { JurisdictionPolicy } from '../jurisdiction/policy.ts';
import { listNotices } from '../notices/outbox.ts';
import { readDsn } from '../notices/dsn.ts';
import { recordBounce, requeueNotice, sendQueued } from '../notices/send.ts';
import { sendRecipientNotices } from '../notices/recipient-notices.ts';
import { subjectHash } from '../privacy/subject.ts';
import { requireControllerDetails } from '../notices/controller.ts';
import { defaultTransportName, TRANSPORTS, type NoticeTransport } from '../notices/transport.ts';
import { mailFrom } from '../mail-config.ts';
import type { NoticeStatus } from '../privacy/tables.ts';
import { promoteDue } from '../privacy/gates.ts';
import { listContact } from '../store/ledger.ts';
import { privacyGate } from '../privacy/gate.ts';
import { noticeGate } from '../privacy/notice-gate.ts';

const STATUSES: NoticeStatus[] = ['queued', 'sent', 'bounced', 'failed'];

function badInput(message: string): Error {
  return new AppError('bad-input', message);
}

type ListOptions = { status?: string; json?: boolean };
type SendOptions = { transport?: string; outbox?: string; limit: string; promote: boolean; json?: boolean };
type BounceOptions = { providerId?: string; dsn?: string[]; json?: boolean };
type BounceKey = { id?: string; providerMessageId?: string; file?: string };

export function register(program: Command): void {
  const notices = program
    .command('notices')
    .description('pre-add notices to contacts (outbox, sending, bounces, listing)');

  notices
    .command('list')
    .description('notices in the outbox, newest first')
    .option('--status <list>', 'comma-separated: queued, sent, bounced, failed')
    .option('--json', 'one JSON object per line')
    .action(listAction);

  notices
    .command('send')
    .description('send queued notices, then list contacts whose objection window passed')
    .option(
      '--transport <name>',
      `one of: ${Object.keys(TRANSPORTS).join(', ')} (default smtp when SIGMINE_SMTP_URL is set, else file)`,
    )
    .option(
      '--outbox <dir>',
      'directory for the file transport (default SIGMINE_NOTICE_OUTBOX or ./data/outbox)',
    )
    .option('--limit <n>', 'most notices to send in this run', '1000')
    .option('--no-promote', 'do not list contacts whose window passed')
    .option('--json', 'one JSON object per line')
    .action(sendAction);

  notices
    .command('bounce')
    .description(
      'record a bounced notice (its contact stays pending): by id, provider id, or bounce messages',
    )
    .argument('[id]', 'notice id')
    .option('--provider-id <id>', 'the provider message id (Message-ID) instead of the notice id')
    .option('--dsn <files...>', 'bounce messages (RFC 3464 delivery status notifications) as .eml files')
    .option('--json', 'one JSON object per line')
    .action(bounceAction);

  notices
    .command('retry')
    .description('queue a bounced or failed notice again (after the address or relay was fixed)')
    .argument('<id>', 'notice id')
    .option('--json', 'one JSON object')
    .action(retryAction);

  notices
    .command('promote')
    .description('list pending contacts whose notice was sent and objection window passed without objection')
    .option('--json', 'one JSON object per line')
    .action(promoteAction);
}

/** `notices list`: the outbox as a table or JSON lines, optionally filtered by status. */
async function listAction(opts: ListOptions): Promise<void> {
  const status = parseStatuses(opts.status);
  await usingDatabase(loadConfig().database, async ({ db }) => {
    const list = await listNotices(db, status);
    if (opts.json) {
      for (const n of list) printJsonLine(n);
      return;
    }
    printTable(
      ['id', 'status', 'recipient', 'language', 'jurisdiction', 'queued', 'sent', 'provider id'],
      list.map((n) => [
        n.id,
        n.status,
        n.recipient ?? '(erased)',
        n.language,
        n.jurisdiction.join(','),
        n.queuedAt.slice(0, 16),
        n.sentAt?.slice(0, 16),
        n.providerMessageId,
      ]),
    );
  });
}

/** The `--status` list, each checked against the known statuses. */
function parseStatuses(raw: string | undefined): NoticeStatus[] | undefined {
  const status = raw
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) as NoticeStatus[] | undefined;
  for (const s of status ?? [])
    if (!STATUSES.includes(s)) throw badInput(`--status must be among ${STATUSES.join(', ')}`);
  return status;
}

/** What one `notices send` run needs, read from flags and config before the database opens. */
interface SendRun {
  config: Readonly<Config>;
  name: string;
  outbox: string;
  limit: number;
  transport: NoticeTransport;
  policy: Readonly<JurisdictionPolicy>;
}

/** `notices send`: queued notices, then Art. 19 notifications, then (unless --no-promote) promotion. */
async function sendAction(opts: SendOptions): Promise<void> {
  const run = prepareSend(opts);
  await usingDatabase(run.config.database, async ({ db }) => {
    try {
      await sendAndPromote(db, run, opts);
    } finally {
      run.transport.close?.();
    }
  });
}

/** Checks the flags and builds the transport; throws bad-input before anything is sent. */
function prepareSend(opts: SendOptions): SendRun {
  const config = loadConfig();
  const name = opts.transport ?? defaultTransportName(config.mail.smtp);
  const make = TRANSPORTS[name];
  if (!make) throw badInput(`unknown transport "${name}"`);
  // Real mail must name the controller and the officer; the file transport (demo) marks the gap instead.
  if (name !== 'file') requireControllerDetails(config.controller, 'notices send');
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw badInput('--limit must be a positive integer');
  const outbox = opts.outbox ? resolve(opts.outbox) : config.noticeOutbox;
  const host = new URL(config.publicUrl).hostname || 'sigmine.local';
  const transport = make({ outbox, host, smtp: config.mail.smtp });
  return { config, name, outbox, limit, transport, policy: config.policy };
}

async function sendAndPromote(db: Kysely<DB>, run: SendRun, opts: SendOptions): Promise<void> {
  const { config, transport, limit } = run;
  // Listing checks the suppression list (keyed hashes): another key stops here, before any mail goes.
  if (opts.promote) await resolveKeys(db, config);
  const sent = await sendQueued(db, {
    gate: noticeGate,
    transport,
    policy: run.policy,
    publicUrl: config.publicUrl,
    from: mailFrom(config.mail, config.publicUrl),
    controller: config.controller,
    limit,
  });
  for (const s of sent) if (opts.json) printJsonLine({ event: 'notice', ...s });
  const failed = sent.filter((s) => s.status !== 'sent').length;
  if (failed) setExit(EXIT.partial);
  // GDPR Art. 19: members who revealed a person who since corrected or erased their data.
  const told = await sendRecipientNotices(db, {
    transport,
    from: mailFrom(config.mail, config.publicUrl),
    publicUrl: config.publicUrl,
    subjectHashOf: (email) => subjectHash(db, email, config.secretKey),
    policy: run.policy,
    limit,
  });
  for (const r of told) if (opts.json) printJsonLine({ event: 'recipient-notice', ...r });
  if (told.some((r) => r.status !== 'sent')) setExit(EXIT.partial);
  const promoted = opts.promote
    ? await promoteDue(db, (trx, id, now) =>
        listContact(trx, privacyGate({ secretKey: config.secretKey, policy: config.policy }), id, now),
      )
    : [];
  for (const p of promoted) if (opts.json) printJsonLine({ event: 'promote', ...p });
  if (!opts.json) printSendSummary(run, opts, { sent: sent.length, failed, told, promoted });
}

/** The human summary of a `notices send` run (the JSON lines carry the same outcomes one by one). */
function printSendSummary(
  run: SendRun,
  opts: SendOptions,
  r: {
    sent: number;
    failed: number;
    told: Array<{ status: string }>;
    promoted: Array<{ result: string }>;
  },
): void {
  const { config, name, outbox } = run;
  const { failed, told, promoted } = r;
  console.log(
    `sent ${r.sent - failed} notice(s)${failed ? `, ${failed} not sent (see notices list)` : ''}; ${
      name === 'smtp' && config.mail.smtp ? `relay ${config.mail.smtp.display}` : `outbox ${outbox}`
    }`,
  );
  if (told.length)
    console.log(
      `told ${told.filter((t) => t.status === 'sent').length} of ${told.length} member(s) about a correction or erasure of a contact they revealed`,
    );
  if (opts.promote)
    console.log(
      `listed ${promoted.filter((p) => p.result === 'listed').length} contact(s) whose objection window passed`,
    );
}

/** `notices bounce`: marks notices bounced by id, provider id or the failures reported in DSN files. */
async function bounceAction(id: string | undefined, opts: BounceOptions): Promise<void> {
  if (!id && !opts.providerId && !opts.dsn?.length)
    throw badInput('give a notice ID, --provider-id or --dsn FILE');
  await usingDatabase(loadConfig().database, async ({ db }) => {
    const keys: BounceKey[] = [];
    if (id) keys.push({ id });
    if (opts.providerId) keys.push({ providerMessageId: opts.providerId });
    for (const file of opts.dsn ?? []) keys.push(...bounceKeysFromDsn(file, opts.json));
    let found = 0;
    for (const k of keys) {
      const r = await recordBounce(db, noticeGate, k);
      if (!r) continue;
      found++;
      if (opts.json) printJsonLine({ noticeId: r.noticeId, status: 'bounced', contact: r.gate });
      else console.log(`notice ${r.noticeId} bounced; contact ${r.gate ?? 'n/a'}`);
    }
    if (found === 0 && keys.length > 0 && !opts.dsn?.length) {
      throw new AppError('not-found', 'no such notice');
    }
  });
}

/** The failed messages one bounce file reports; a delay or non-failure is reported and yields none. */
function bounceKeysFromDsn(file: string, json: boolean | undefined): BounceKey[] {
  const report = readDsn(readFileSync(file));
  if (!report.failed) {
    if (json) printJsonLine({ file, status: report.delayedOnly ? 'delayed' : 'not-a-failure' });
    else
      console.log(`${file}: ${report.delayedOnly ? 'delay only' : 'no failure reported'}, nothing recorded`);
    return [];
  }
  return report.messageIds.map((m) => ({ providerMessageId: m, file }));
}

/** `notices retry ID [--json]`: queues a bounced or failed notice again (JSON: `{ id, status: "queued" }`). */
async function retryAction(id: string, opts: { json?: boolean }): Promise<void> {
  await usingDatabase(loadConfig().database, async ({ db }) => {
    if (!(await requeueNotice(db, id)))
      throw new AppError('not-found', 'no bounced or failed notice with that id');
    if (opts.json) printJsonLine({ id, status: 'queued' });
    else console.log(`notice ${id} queued again`);
  });
}

/** `notices promote`: lists contacts whose objection window passed without objection. */
async function promoteAction(opts: { json?: boolean }): Promise<void> {
  const config = loadConfig();
  const gate = privacyGate({ secretKey: config.secretKey, policy: config.policy });
  await usingDatabase(config.database, async ({ db }) => {
    const promoted = await promoteDue(db, (trx, id, now) => listContact(trx, gate, id, now));
    if (opts.json) for (const p of promoted) printJsonLine(p);
    else console.log(`listed ${promoted.filter((p) => p.result === 'listed').length} contact(s)`);
  });
}
