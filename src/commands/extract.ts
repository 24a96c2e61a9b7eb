/**
 * `sigmine extract PATH... [--json]`: runs the pure extract path over .eml files, folders, mbox files
 * and Maildir folders. `--json` prints one ExtractResult per line (the contract in parsers/types.ts);
 * otherwise a readable table. A missing path is reported (on stderr, and with `--json` as an `unreadable`
 * result with reason `not-found: ...`) and the other paths are still read. Exit 0 ok, 2 when some messages
 * were unreadable or some paths missing, 1 when no path exists at all. Files are read ahead, several at
 * once, and the results printed in input order as they come.
 */
import { AppError } from '../errors.ts';
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { EXIT, setExit } from './lib/exit.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { extractRaw } from '../../parsers/extract.ts';
import type { ExtractResult } from '../../parsers/types.ts';
import { textBeyondBudget } from '../../connectors/over-budget.ts';
import { type PathStat, readMailboxPaths } from '../../connectors/mailbox-files.ts';
import { readAhead } from '../../connectors/read-ahead.ts';

const TABLE_BATCH = 500;
/**
 * Files read at once while earlier messages are parsed: enough to keep Node's 4 file-system threads busy
 * (each read is an open, a read and a close), small enough that the results held for their turn stay a
 * few MiB (messages over 1 MiB are read at their turn, connectors/mailbox-files.ts).
 */
const READ_AHEAD = 16;
const HEADERS = ['file', 'from', 'result', 'name', 'title', 'company', 'phones', 'emails'];

function row(r: ExtractResult): string[] {
  const c = r.contact;
  const result = r.discarded
    ? r.reason
      ? `unreadable: ${r.reason}`
      : r.discarded
    : r.signature
      ? 'signature'
      : 'no signature';
  return [
    r.file ?? '',
    r.from.email ?? '',
    result,
    c?.name ?? '',
    c?.title ?? '',
    c?.company ?? '',
    (c?.phones ?? []).map((p) => `${p.type[0]}:${p.e164 ?? p.raw}`).join(' '),
    (c?.emails ?? []).join(' '),
  ];
}

export function register(program: Command): void {
  program
    .command('extract')
    .description(
      'extract sender signatures and contact fields from .eml files, folders, mbox files and Maildir',
    )
    .argument('<paths...>', '.eml files, folders of them, mbox files or Maildir folders')
    .option('--json', 'one JSON object per message (the ExtractResult contract)')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const present: string[] = [];
      const missing: string[] = [];
      // The stats are handed on to the reader, which would take them again otherwise.
      const stats = new Map<string, PathStat>();
      const exists = paths.map(
        (p) => () =>
          stat(p).then(
            (st) => st,
            () => null,
          ),
      );
      let at = 0;
      for await (const st of readAhead(exists, READ_AHEAD)) {
        const p = paths[at++]!;
        if (st) {
          present.push(p);
          stats.set(p, st);
        } else missing.push(p);
      }
      if (present.length === 0) {
        throw new AppError('not-found', `no such file or folder: ${missing.join(', ')}`);
      }
      let rows: string[][] = [];
      let total = 0;
      let unreadable = 0;
      let withSignature = 0;
      for (const p of missing) {
        process.stderr.write(
          `sigmine: [not-found] no such file or folder: ${p} (the other paths are read)\n`,
        );
        if (opts.json) printJsonLine(missingResult(p));
      }
      for await (const item of readMailboxPaths(present, {}, { readAhead: READ_AHEAD, stats })) {
        const r: ExtractResult = item.bytes
          ? overBudget(extractRaw(item.bytes, item.file), item.bytes)
          : {
              file: item.file,
              messageId: null,
              from: { name: null, email: null },
              discarded: 'unreadable',
              signature: null,
              contact: null,
              reason: item.error ?? 'could not be read',
            };
        total++;
        if (r.discarded === 'unreadable') unreadable++;
        if (r.signature) withSignature++;
        if (opts.json) printJsonLine(r);
        else {
          rows.push(row(r));
          if (rows.length >= TABLE_BATCH) {
            printTable(HEADERS, rows);
            rows = [];
          }
        }
      }
      if (!opts.json) {
        if (rows.length > 0 || total === 0) printTable(HEADERS, rows);
        process.stdout.write(
          `\n${total} messages, ${withSignature} with a signature, ${unreadable} unreadable` +
            `${missing.length ? `; ${missing.length} path(s) not found: ${missing.join(', ')}` : ''}\n`,
        );
      }
      if (unreadable > 0 || missing.length > 0) setExit(EXIT.partial);
    });
}

/** A message whose text part lay beyond the bytes walked is `unreadable` with that budget, not "no signature". */
function overBudget(r: ExtractResult, bytes: Uint8Array): ExtractResult {
  if (r.discarded !== null || r.signature !== null) return r;
  const reason = textBeyondBudget(bytes);
  return reason ? { ...r, discarded: 'unreadable', reason } : r;
}

/** A path that does not exist, in the ExtractResult shape (`--json`), so a reader sees it in the stream. */
function missingResult(file: string): ExtractResult {
  return {
    file,
    messageId: null,
    from: { name: null, email: null },
    discarded: 'unreadable',
    signature: null,
    contact: null,
    reason: 'not-found: no such file or folder',
  };
}
