/**
 * Operations metrics in Prometheus text format: counts by state, never people. Read by monitoring;
 * the names are stable.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

async function countBy(db: Kysely<DB>, table: 'profiles' | 'notices' | 'connections', column: 'status') {
  const rows = await db
    .selectFrom(table as 'profiles')
    .select([column as 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(column as 'status')
    .execute();
  return rows.map((r) => ({ label: String(r.status), n: Number(r.n) }));
}

export async function metricsText(db: Kysely<DB>): Promise<string> {
  const lines: string[] = [];
  const gauge = (name: string, help: string, rows: Array<{ label?: string; n: number }>, label = 'status') => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const r of rows) lines.push(r.label === undefined ? `${name} ${r.n}` : `${name}{${label}="${r.label}"} ${r.n}`);
  };
  gauge('sigmine_profiles', 'Directory profiles by status.', await countBy(db, 'profiles', 'status'));
  gauge('sigmine_notices', 'Pre-add notices by status.', await countBy(db, 'notices', 'status'));
  gauge('sigmine_connections', 'Contributor connections by status.', await countBy(db, 'connections', 'status'));
  const open = await db
    .selectFrom('privacy_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirst();
  gauge('sigmine_privacy_requests_open', 'Privacy requests not yet completed.', [{ n: Number(open?.n ?? 0) }]);
  const overdue = await db
    .selectFrom('privacy_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .where('due_at', '<', new Date().toISOString())
    .executeTakeFirst();
  gauge('sigmine_privacy_requests_overdue', 'Open privacy requests past their legal deadline.', [
    { n: Number(overdue?.n ?? 0) },
  ]);
  const blocked = await db
    .selectFrom('suppressions')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('blocked_count'), eb.lit(0)).as('n'))
    .executeTakeFirst();
  gauge('sigmine_suppressed_readds_blocked', 'Harvest re-adds blocked by the suppression list.', [
    { n: Number(blocked?.n ?? 0) },
  ]);
  const failing = await db
    .selectFrom('connections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('last_error_code', 'is not', null)
    .executeTakeFirst();
  gauge('sigmine_connections_last_error', 'Connections whose last harvest ended in an error.', [
    { n: Number(failing?.n ?? 0) },
  ]);
  return `${lines.join('\n')}\n`;
}
