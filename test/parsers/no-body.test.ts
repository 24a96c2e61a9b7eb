/**
 * Minimal by construction: after harvesting the real development corpus through the front door
 * (parseRaw -> toMinimal -> extractMinimal -> decide -> ingestPage), no table holds a line of any message
 * body (outside the signature), a subject line or a plain Message-ID.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { addMember } from '../helpers/store-fixtures.ts';
import { sampleMail } from '../helpers/corpus.ts';
import { parseRaw, toMinimal } from '../../parsers/message.ts';
import { extractMinimal } from '../../parsers/extract.ts';
import { decide } from '../../src/pipeline/decide.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import type { PageItem } from '../../src/store/types.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { testPolicy } from '../helpers/privacy-options.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

const MAIL = sampleMail('test/parsers/no-body.test.ts');
/** Lower bounds for the sample (150 corpus messages, or the two dozen fixtures): the check is not empty. */
const AT_LEAST = MAIL.fromCorpus
  ? { items: 100, bodyLines: 500, stored: 100, cells: 500 }
  : { items: 15, bodyLines: 20, stored: 15, cells: 100 };
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Secret {
  kind: 'body line' | 'subject' | 'message-id';
  text: string;
}

function harvestCorpus(): { items: PageItem[]; secrets: Secret[] } {
  const items: PageItem[] = [];
  const secrets: Secret[] = [];
  for (const path of MAIL.files) {
    const f = basename(path);
    const bytes = readFileSync(path);
    let parsed;
    try {
      parsed = parseRaw(bytes);
    } catch {
      continue;
    }
    const m = toMinimal(parsed, f);
    const r = extractMinimal(m, f);
    const d = decide(r, m, '2026-11-01T00:00:00.000Z');
    items.push(d.item);
    const sig = new Set((r.signature?.lines ?? []).map(squash));
    for (const line of parsed.text.split('\n')) {
      const l = squash(line);
      // Long lines only: short ones ("Thanks,", a name) may legitimately equal a signature field.
      if (l.length >= 40 && !sig.has(l) && ![...sig].some((s) => s.includes(l) || l.includes(s)))
        secrets.push({ kind: 'body line', text: l });
    }
    const subject = squash(parsed.rawHeaders.get('subject') ?? '');
    if (subject.length >= 16) secrets.push({ kind: 'subject', text: subject });
    const mid = (parsed.rawHeaders.get('message-id') ?? '').trim().replace(/^<|>$/g, '');
    if (mid.length >= 8) secrets.push({ kind: 'message-id', text: mid });
  }
  return { items, secrets };
}

async function everyCell(t: TestDatabase): Promise<string[]> {
  const db = t.db as unknown as Kysely<any>;
  const tables =
    t.dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = ${t.pgSchema}`.execute(
            db,
          )
        ).rows.map((r) => r.name);
  const cells: string[] = [];
  for (const name of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
    for (const row of rows)
      for (const v of Object.values(row)) if (v !== null && v !== undefined) cells.push(squash(String(v)));
  }
  return cells;
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`no message body in the store on ${dialect}`, () => {
    it('after harvesting the real corpus, no table holds a body line, a subject or a plain Message-ID', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        const { items, secrets } = harvestCorpus();
        expect(items.length).toBeGreaterThan(AT_LEAST.items);
        expect(secrets.filter((s) => s.kind === 'body line').length).toBeGreaterThan(AT_LEAST.bodyLines);
        let stored = 0;
        for (let i = 0; i < items.length; i += 25) {
          const out = await t.db
            .transaction()
            .execute((trx) =>
              ingestPage(
                trx,
                { connectionId: a.connectionId, contributorId: a.contributorId, now: '2026-11-01T00:00:00Z' },
                items.slice(i, i + 25),
                gate,
              ),
            );
          stored += out.observationsStored;
        }
        expect(stored).toBeGreaterThan(AT_LEAST.stored);
        const cells = await everyCell(t);
        expect(cells.length).toBeGreaterThan(AT_LEAST.cells);
        const blob = cells.join('\n');
        const leaks = secrets.filter((s) => blob.includes(s.text));
        expect(leaks).toEqual([]);
      } finally {
        await t.dispose();
      }
    });
  });
}
