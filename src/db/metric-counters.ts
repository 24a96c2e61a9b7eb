/**
 * Reads the operations counters (`metric_counters`, src/db/tables.ts) that database triggers keep in step
 * with the data (migrations/0080-metric-counters.ts). A few dozen rows: a read never scans a table.
 */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Every counter's value per label (shards summed). */
export async function readCounters(db: Kysely<DB>): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .selectFrom('metric_counters')
    .select(['metric', 'label', (eb) => eb.fn.sum<number>('n').as('n')])
    .groupBy(['metric', 'label'])
    .execute();
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let m = out.get(r.metric);
    if (!m) out.set(r.metric, (m = new Map()));
    m.set(r.label, Number(r.n));
  }
  return out;
}
