/** Printing harvest outcomes: `--json` lines (one per connection, then the summary) or tables for people. */
import { printJsonLine, printTable } from './output.ts';
import type { ConnectionResult, HarvestSummary } from '../../harvest/types.ts';

export function printJsonResults(
  results: ConnectionResult[],
  summary: HarvestSummary,
  out: NodeJS.WritableStream = process.stdout,
): void {
  for (const r of results) printJsonLine({ type: 'connection', ...r }, out);
  printJsonLine({ type: 'summary', ...summary }, out);
}

export function printResultTables(
  results: ConnectionResult[],
  summary: HarvestSummary,
  out: NodeJS.WritableStream = process.stdout,
): void {
  printTable(
    ['connection', 'kind', 'contributor', 'result', 'messages', 'contacts new', 'updated', 'api calls'],
    results.map((r) => [
      r.connectionId, // in full: the id `harvest --connection` takes
      r.kind,
      r.contributor,
      r.status === 'ok' ? 'ok' : `${r.status}: ${r.code}`,
      r.counts.messagesScanned + r.counts.entriesScanned,
      r.counts.contactsNew,
      r.counts.contactsUpdated,
      r.counts.apiCalls,
    ]),
    out,
  );
  const c = summary.counts;
  const discarded = Object.entries(c.discarded)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  out.write('\n');
  printTable(
    ['summary', summary.dryRun ? 'would be (dry run)' : 'value'],
    [
      ['connections ok / failed / skipped', `${summary.ok} / ${summary.failed} / ${summary.skipped}`],
      ['messages scanned', c.messagesScanned],
      ['calendar / address-book entries', c.entriesScanned],
      [
        'discarded',
        `${Object.values(c.discarded).reduce((a, b) => a + (b ?? 0), 0)}${discarded ? ` (${discarded})` : ''}`,
      ],
      ['with a signature', c.withSignature],
      ["kept out by the member's exclusions", c.excluded],
      ['contacts new', summary.dryRun ? '-' : c.contactsNew],
      ['contacts updated', summary.dryRun ? '-' : c.contactsUpdated],
      ['already processed (replayed)', c.messagesReplayed],
      ['blocked by suppression', c.suppressedBlocked],
      ['notices queued', c.noticesQueued],
      ['credits awarded', c.creditsAwarded],
      ['API calls', c.apiCalls],
      ['rate-limit waits', c.rateLimitWaits],
    ],
    out,
  );
  const unreadable = results.flatMap((r) => r.unreadable ?? []);
  if (unreadable.length) {
    out.write(`\nUnreadable (over a budget or refused; first ${unreadable.length}):\n`);
    printTable(
      ['message', 'reason'],
      unreadable.map((u) => [u.source, u.reason]),
      out,
    );
  }
}

/** A dry run's preview: contacts the connection would contribute. */
export function printPreview(results: ConnectionResult[], out: NodeJS.WritableStream = process.stdout): void {
  for (const r of results) {
    if (!r.preview) continue;
    out.write(`\n${r.kind} ${r.contributor}: ${r.preview.length} contacts would be contributed\n`);
    printTable(
      ['email', 'name', 'title', 'company', 'phones', 'seen'],
      r.preview.map((p) => [p.email, p.name, p.title, p.company, p.phones.join(', '), p.seen]),
      out,
    );
  }
}
