/**
 * Operations metrics in Prometheus text format: counts by state, never people. Read by monitoring;
 * the names and labels are stable.
 *
 * A scrape reads `metric_counters` (a few dozen rows), which database triggers keep in step with the
 * profiles, notices, connections, privacy requests and suppressions in the same transaction as each change
 * (migrations/0080-metric-counters.ts), and counts the open requests past their deadline through an index
 * (only those rows). It never scans a table: at 200k profiles the old per-scrape COUNT held SQLite's
 * synchronous driver, and with it every other request, for tens of milliseconds per scrape.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { readCounters } from '../db/metric-counters.ts';
import { countOverdueRequests } from '../privacy/requests.ts';

/** Gauges, in the order they are printed: counter name in metric_counters, help text, label name. */
const GAUGES = [
  { metric: 'profiles', help: 'Directory profiles by status.', label: 'status' },
  { metric: 'notices', help: 'Pre-add notices by status.', label: 'status' },
  { metric: 'connections', help: 'Contributor connections by status.', label: 'status' },
  { metric: 'privacy_requests_open', help: 'Privacy requests not yet completed.', label: null },
  {
    metric: 'privacy_requests_overdue',
    help: 'Open privacy requests past their legal deadline.',
    label: null,
  },
  {
    metric: 'suppressed_readds_blocked',
    help: 'Harvest re-adds blocked by the suppression list.',
    label: null,
  },
  {
    metric: 'connections_last_error',
    help: 'Connections whose last harvest ended in an error.',
    label: null,
  },
] as const;

export async function metricsText(db: Kysely<DB>, now: Date = new Date()): Promise<string> {
  const counters = await readCounters(db);
  counters.set('privacy_requests_overdue', new Map([['', await countOverdueRequests(db, now)]]));
  const lines: string[] = [];
  for (const g of GAUGES) {
    const name = `sigmine_${g.metric}`;
    const values = counters.get(g.metric) ?? new Map<string, number>();
    lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`);
    if (g.label === null) {
      lines.push(`${name} ${values.get('') ?? 0}`);
      continue;
    }
    // As a GROUP BY listed them: the states that have rows, in label order.
    for (const [label, n] of [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (n !== 0) lines.push(`${name}{${g.label}="${label}"} ${n}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `metricsText` shared by the scrapes of the same second: concurrent scrapes wait for one read instead of
 * each running their own, and a text younger than `maxAgeMs` is served as it is. Prometheus scrapes every
 * 15 s or more, so a second of age changes nothing it sees; twenty clients polling in a loop cost one read
 * per second instead of two queries per request.
 */
export function metricsSource(
  db: Kysely<DB>,
  maxAgeMs = 1000,
  clock: () => number = Date.now,
): () => Promise<string> {
  let text: string | null = null;
  let at = 0;
  let inFlight: Promise<string> | null = null;
  return () => {
    if (text !== null && clock() - at < maxAgeMs) return Promise.resolve(text);
    inFlight ??= metricsText(db, new Date(clock()))
      .then((t) => {
        text = t;
        at = clock();
        return t;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}
