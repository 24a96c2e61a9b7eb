/**
 * `sigmine notices list [--status queued,sent,bounced,failed] [--json]`
 * `sigmine notices send [--transport file|smtp] [--outbox DIR] [--limit N] [--no-promote] [--json]` (default
 * `smtp` when SIGMINE_SMTP_URL is set, else `file`)
 * `sigmine notices bounce ID | --provider-id MESSAGE-ID | --dsn FILE... [--json]`, `sigmine notices retry ID`
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
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../keys/resolve.ts';
import { EXIT, setExit } from './lib/exit.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { loadPolicy } from '../jurisdiction/policy.ts';
import { listNotices } from '../notices/outbox.ts';
import { readDsn } from '../notices/dsn.ts';
import { recordBounce, requeueNotice, sendQueued } from '../notices/send.ts';
import { sendRecipientNotices } from '../notices/recipient-notices.ts';
import { requireControllerDetails } from '../notices/controller.ts';
import { defaultTransportName, TRANSPORTS } from '../notices/transport.ts';
import { mailFrom } from '../mail-config.ts';
import type { NoticeStatus } from '../privacy/tables.ts';
import { promoteDue } from '../privacy/gates.ts';
import { listContact } from '../store/ledger.ts';
import { privacyGate } from '../privacy/gate.ts';

const STATUSES: NoticeStatus[] = ['queued', 'sent', 'bounced', 'failed'];

function badInput(message: string): Error {
  return new AppError('bad-input', message);
}

export function register(program: Command): void {
  const notices = program
    .command('notices')
    .description('pre-add notices to contacts (outbox, sending, bounces, listing)');

  notices
    .command('list')
    .description('notices in the outbox, newest first')
    .option('--status <list>', 'comma-separated: queued, sent, bounced, failed')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { status?: string; json?: boolean }) => {
      const status = opts.status
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean) as NoticeStatus[] | undefined;
      for (const s of status ?? [])
        if (!STATUSES.includes(s)) throw badInput(`--status must be among ${STATUSES.join(', ')}`);
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
    });

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
    .action(
      async (opts: {
        transport?: string;
        outbox?: string;
        limit: string;
        promote: boolean;
        json?: boolean;
      }) => {
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
        const policy = loadPolicy();
        await usingDatabase(config.database, async ({ db }) => {
          try {
            await sendAndPromote(db);
          } finally {
            transport.close?.();
          }
        });
        async function sendAndPromote(db: Kysely<DB>) {
          // Listing checks the suppression list (keyed hashes): another key stops here, before any mail goes.
          if (opts.promote) await resolveKeys(db, config);
          const sent = await sendQueued(db, {
            transport,
            policy,
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
            limit,
          });
          for (const r of told) if (opts.json) printJsonLine({ event: 'recipient-notice', ...r });
          if (told.some((r) => r.status !== 'sent')) setExit(EXIT.partial);
          const promoted = opts.promote
            ? await promoteDue(db, (trx, id, now) =>
                listContact(trx, privacyGate({ secretKey: config.secretKey }), id, now),
              )
            : [];
          for (const p of promoted) if (opts.json) printJsonLine({ event: 'promote', ...p });
          if (!opts.json) {
            console.log(
              `sent ${sent.length - failed} notice(s)${failed ? `, ${failed} not sent (see notices list)` : ''}; ${
                name === 'smtp' && config.mail.smtp ? `relay ${config.mail.smtp.display}` : `outbox ${outbox}`
              }`,
            );
            if (told.length)
              console.log(
                `told ${told.filter((r) => r.status === 'sent').length} of ${told.length} member(s) about a correction or erasure of a contact they revealed`,
              );
            if (opts.promote)
              console.log(
                `listed ${promoted.filter((p) => p.result === 'listed').length} contact(s) whose objection window passed`,
              );
          }
        }
      },
    );

  notices
    .command('bounce')
    .description(
      'record a bounced notice (its contact stays pending): by id, provider id, or bounce messages',
    )
    .argument('[id]', 'notice id')
    .option('--provider-id <id>', 'the provider message id (Message-ID) instead of the notice id')
    .option('--dsn <files...>', 'bounce messages (RFC 3464 delivery status notifications) as .eml files')
    .option('--json', 'one JSON object per line')
    .action(async (id: string | undefined, opts: { providerId?: string; dsn?: string[]; json?: boolean }) => {
      if (!id && !opts.providerId && !opts.dsn?.length)
        throw badInput('give a notice ID, --provider-id or --dsn FILE');
      await usingDatabase(loadConfig().database, async ({ db }) => {
        const keys: Array<{ id?: string; providerMessageId?: string; file?: string }> = [];
        if (id) keys.push({ id });
        if (opts.providerId) keys.push({ providerMessageId: opts.providerId });
        for (const file of opts.dsn ?? []) {
          const report = readDsn(readFileSync(file));
          if (!report.failed) {
            if (opts.json) printJsonLine({ file, status: report.delayedOnly ? 'delayed' : 'not-a-failure' });
            else
              console.log(
                `${file}: ${report.delayedOnly ? 'delay only' : 'no failure reported'}, nothing recorded`,
              );
            continue;
          }
          for (const m of report.messageIds) keys.push({ providerMessageId: m, file });
        }
        let found = 0;
        for (const k of keys) {
          const r = await recordBounce(db, k);
          if (!r) continue;
          found++;
          if (opts.json) printJsonLine({ noticeId: r.noticeId, status: 'bounced', contact: r.gate });
          else console.log(`notice ${r.noticeId} bounced; contact ${r.gate ?? 'n/a'}`);
        }
        if (found === 0 && keys.length > 0 && !opts.dsn?.length) {
          throw new AppError('not-found', 'no such notice');
        }
      });
    });

  notices
    .command('retry')
    .description('queue a bounced or failed notice again (after the address or relay was fixed)')
    .argument('<id>', 'notice id')
    .action(async (id: string) => {
      await usingDatabase(loadConfig().database, async ({ db }) => {
        if (await requeueNotice(db, id)) console.log(`notice ${id} queued again`);
        else throw new AppError('not-found', 'no bounced or failed notice with that id');
      });
    });

  notices
    .command('promote')
    .description('list pending contacts whose notice was sent and objection window passed without objection')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const gate = privacyGate({ secretKey: config.secretKey });
      await usingDatabase(config.database, async ({ db }) => {
        const promoted = await promoteDue(db, (trx, id, now) => listContact(trx, gate, id, now));
        if (opts.json) for (const p of promoted) printJsonLine(p);
        else console.log(`listed ${promoted.filter((p) => p.result === 'listed').length} contact(s)`);
      });
    });
}
