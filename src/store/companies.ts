/**
 * Companies, keyed by registrable domain (tldts): name, website and address by majority over the domain's
 * visible (pending or listed) profiles; `contacts_count` counts LISTED profiles only.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chunks, IN_LIST } from './sql-util.ts';
import { insertRows, onConflict, takeExcluded } from '../db/insert-rows.ts';

function majority(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n || (c === n && best !== null && v < best)) [best, n] = [v, c];
  return best;
}

export async function refreshCompanies(trx: Kysely<DB>, domains: string[], now: string): Promise<void> {
  const rows: Insertable<DB['companies']>[] = [];
  const empty: string[] = [];
  for (const part of chunks([...new Set(domains)].sort(), IN_LIST)) {
    const ps = await trx
      .selectFrom('profiles')
      .select(['domain', 'status', 'company', 'address', 'websites_json'])
      .where('domain', 'in', part)
      .where('status', '!=', 'restricted')
      .execute();
    const by = new Map<string, typeof ps>();
    for (const p of ps) {
      const l = by.get(p.domain);
      if (l) l.push(p);
      else by.set(p.domain, [p]);
    }
    for (const d of part) {
      const list = by.get(d);
      if (!list) {
        empty.push(d);
        continue;
      }
      const sites = list.flatMap((p) => (JSON.parse(p.websites_json) as string[]).filter((w) => w.toLowerCase().includes(d)));
      rows.push({
        domain: d,
        name: majority(list.map((p) => p.company)),
        website: majority(sites) ?? null,
        address: majority(list.map((p) => p.address)),
        contacts_count: list.filter((p) => p.status === 'listed').length,
        updated_at: now,
      });
    }
  }
  await insertRows(trx, 'companies', rows, {
    conflict: onConflict(['domain'], takeExcluded(['name', 'website', 'address', 'contacts_count', 'updated_at'])),
  });
  for (const part of chunks(empty, IN_LIST)) await trx.deleteFrom('companies').where('domain', 'in', part).execute();
}
