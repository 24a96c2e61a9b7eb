/**
 * `/metrics` counts (src/web/metrics.ts) come from counters the database keeps with the data
 * (migrations/0080-metric-counters.ts). After pages, replays, listing, notices sent, restriction, erasure,
 * a blocked re-add, connection errors, deletes and a rolled-back page, every gauge must equal a COUNT over
 * the tables, on both dialects; and the migration's fill gives the same numbers from existing rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DIALECTS, freshDatabase, postgresAvailable } from '../helpers/databases.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import type { DB } from '../../src/db/schema.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { metricsSource, metricsText } from '../../src/web/metrics.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { restrictPerson } from '../../src/privacy/restrict.ts';
import { sendQueued } from '../../src/notices/send.ts';
import { fileTransport } from '../../src/notices/transport.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import { down as countersDown, up as countersUp } from '../../migrations/0080-metric-counters.ts';
import { noticeGate } from '../../src/privacy/notice-gate.ts';
import { testPolicy, testPrivacy } from '../helpers/privacy-options.ts';

const NOW = new Date('2026-11-20T00:00:00Z');

/** The metrics text as the old scrape computed it: COUNTs over the tables. */
async function countedText(db: Kysely<DB>): Promise<string> {
  const lines: string[] = [];
  const gauge = (name: string, help: string, rows: Array<{ label?: string; n: number }>) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const r of rows)
      lines.push(r.label === undefined ? `${name} ${r.n}` : `${name}{status="${r.label}"} ${r.n}`);
  };
  const by = async (table: 'profiles' | 'notices' | 'connections') => {
    const rows = await db
      .selectFrom(table as 'profiles')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return rows
      .map((r) => ({ label: String(r.status), n: Number(r.n) }))
      .sort((a, b) => (a.label < b.label ? -1 : 1));
  };
  const one = async (q: Promise<{ n: unknown } | undefined>) => [{ n: Number((await q)?.n ?? 0) }];
  gauge('sigmine_profiles', 'Directory profiles by status.', await by('profiles'));
  gauge('sigmine_notices', 'Pre-add notices by status.', await by('notices'));
  gauge('sigmine_connections', 'Contributor connections by status.', await by('connections'));
  const requests = db
    .selectFrom('privacy_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open');
  gauge(
    'sigmine_privacy_requests_open',
    'Privacy requests not yet completed.',
    await one(requests.executeTakeFirst()),
  );
  gauge(
    'sigmine_privacy_requests_overdue',
    'Open privacy requests past their legal deadline.',
    await one(requests.where('due_at', '<', NOW.toISOString()).executeTakeFirst()),
  );
  gauge(
    'sigmine_suppressed_readds_blocked',
    'Harvest re-adds blocked by the suppression list.',
    await one(
      db
        .selectFrom('suppressions')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('blocked_count'), eb.lit(0)).as('n'))
        .executeTakeFirst(),
    ),
  );
  gauge(
    'sigmine_connections_last_error',
    'Connections whose last harvest ended in an error.',
    await one(
      db
        .selectFrom('connections')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('last_error_code', 'is not', null)
        .executeTakeFirst(),
    ),
  );
  return `${lines.join('\n')}\n`;
}

const german = (id: string, email: string, date: string) =>
  signed(id, email, date, {
    name: 'Gretchen Müller',
    title: 'Leiterin Einkauf',
    company: 'Werke GmbH',
    phones: [DE_PHONE],
  });
const american = (id: string, email: string, date: string) =>
  signed(id, email, date, { name: 'Sam Smith', title: 'CTO', company: 'Acme Inc', phones: [US_PHONE] });

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`metrics counters on ${dialect}`, () => {
    it('equal a count over the tables after pages, replays, notices, restriction, erasure and a rolled-back page', async () => {
      const t = await freshDatabase(dialect);
      const outbox = mkdtempSync(join(tmpdir(), 'sigmine-metrics-outbox-'));
      try {
        const ann = await addMember(t.db, 'ann');
        const bob = await addMember(t.db, 'bob');
        const page1 = [
          german('<m1@x>', 'gretchen@werke.de', '2026-10-01T00:00:00Z'),
          german('<m2@x>', 'hans@werke.de', '2026-10-01T00:00:00Z'),
          american('<m3@x>', 'sam@acme.com', '2026-10-02T00:00:00Z'),
          american('<m4@x>', 'jo@acme.com', '2026-10-02T00:00:00Z'),
        ];
        await ingest(t.db, ann, page1);
        const afterFirst = await metricsText(t.db, NOW);
        expect(afterFirst).toMatch(/sigmine_profiles\{status="pending"\} 2\n/);
        expect(afterFirst).toMatch(/sigmine_profiles\{status="listed"\} 2\n/);
        expect(afterFirst).toBe(await countedText(t.db));

        // A replay changes nothing; the same people from a second mailbox add no profile.
        await ingest(t.db, ann, page1);
        await ingest(
          t.db,
          bob,
          page1.map((i) => ({ ...i, messageKey: `${i.messageKey}-bob` })),
        );
        expect(await metricsText(t.db, NOW)).toBe(afterFirst);

        // A page that fails halfway rolls its counts back with its rows.
        await expect(
          t.db.transaction().execute(async (trx) => {
            const ctx = {
              connectionId: ann.connectionId,
              contributorId: ann.contributorId,
              now: '2026-11-01T00:00:00.000Z',
            };
            const out = await ingestPage(
              trx,
              ctx,
              [american('<m5@x>', 'new@acme.com', '2026-10-03T00:00:00Z')],
              privacyGate({ policy: testPolicy }),
            );
            expect(out.contactsNew).toBe(1);
            throw new Error('crash after the page');
          }),
        ).rejects.toThrow('crash after the page');
        expect(await metricsText(t.db, NOW)).toBe(afterFirst);

        // Notices sent, a restriction, an erasure (request opened and completed, suppression), a re-add
        // blocked by the suppression, a failing connection, a deleted connection.
        const policy = loadPolicy({});
        await sendQueued(t.db, {
          gate: noticeGate,
          transport: fileTransport(outbox),
          policy,
          publicUrl: 'https://p.example.net',
          from: 'p@example.net',
        });
        await restrictPerson(t.db, 'hans@werke.de', { ...testPrivacy, now: NOW });
        await erasePerson(t, 'sam@acme.com', 'erase', { ...testPrivacy, outboxDir: false });
        await ingest(t.db, bob, [american('<m6@x>', 'sam@acme.com', '2026-10-05T00:00:00Z')]);
        await t.db
          .updateTable('connections')
          .set({ last_error_code: 'revoked', status: 'needs-reconnect' })
          .where('id', '=', bob.connectionId)
          .execute();
        await t.db
          .updateTable('connections')
          .set({ last_error_code: 'rate-limited' })
          .where('id', '=', bob.connectionId)
          .execute();
        await t.db
          .insertInto('privacy_requests')
          .values({
            id: 'r-overdue',
            kind: 'export',
            subject_hash: 'h',
            regime: 'gdpr',
            received_at: '2026-09-01T00:00:00.000Z',
            due_at: '2026-10-01T00:00:00.000Z',
            status: 'open',
            channel: 'cli',
          })
          .execute();
        const later = await metricsText(t.db, NOW);
        expect(later).toMatch(/sigmine_profiles\{status="restricted"\} 1\n/);
        expect(later).toMatch(/sigmine_suppressed_readds_blocked 1\n/);
        expect(later).toMatch(/sigmine_connections_last_error 1\n/);
        expect(later).toMatch(/sigmine_privacy_requests_overdue 1\n/);
        expect(later).toBe(await countedText(t.db));

        await t.db.deleteFrom('notices').execute();
        await t.db.deleteFrom('connections').where('id', '=', bob.connectionId).execute();
        const end = await metricsText(t.db, NOW);
        expect(end).not.toContain('sigmine_notices{');
        expect(end).toMatch(/sigmine_connections_last_error 0\n/);
        expect(end).toBe(await countedText(t.db));

        // The migration fills the counters from the rows as they are.
        await countersDown(t.db);
        await countersUp(t.db);
        expect(await metricsText(t.db, NOW)).toBe(end);
      } finally {
        rmSync(outbox, { recursive: true, force: true });
        await t.dispose();
      }
    });
  });
}

describe('metrics source', () => {
  it('serves concurrent scrapes from one read and reads again once the text is older than its age limit', async () => {
    const t = await freshDatabase('sqlite');
    try {
      let clock = 1_000_000;
      const source = metricsSource(t.db, 1000, () => clock);
      const [a, b] = await Promise.all([source(), source()]);
      expect(a).toBe(b);
      expect(a).not.toContain('sigmine_profiles{');
      await addMember(t.db, 'ann').then((ann) =>
        ingest(t.db, ann, [american('<s1@x>', 'sam@acme.com', '2026-10-02T00:00:00Z')]),
      );
      clock += 999;
      expect(await source()).toBe(a);
      clock += 1;
      expect(await source()).toMatch(/sigmine_profiles\{status="listed"\} 1\n/);
    } finally {
      await t.dispose();
    }
  });
});
