import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import {
  DIALECTS,
  freshDatabase,
  PG_URL,
  postgresAvailable,
  postgresBackend,
  type TestDatabase,
} from '../helpers/databases.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import { listContacts } from '../../src/store/directory.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { correctField } from '../../src/privacy/correct.ts';
import { exportPerson } from '../../src/privacy/export.ts';
import { listRequests } from '../../src/privacy/requests.ts';
import { sendQueued } from '../../src/notices/send.ts';
import { fileTransport } from '../../src/notices/transport.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noticeGate } from '../../src/privacy/notice-gate.ts';
import { testPrivacy } from '../helpers/privacy-options.ts';

const ERASED = 'Gretchen.Mueller@Erasable-Werke.de';
const ERASED_LC = ERASED.toLowerCase();

/** Two contacts, one of whom lists the other's address in her signature; notices sent. */
async function seed(t: TestDatabase) {
  const a = await addMember(t.db, 'ann');
  const b = await addMember(t.db, 'bob');
  const msg = (id: string, date: string) =>
    signed(id, ERASED_LC, date, {
      name: 'Gretchen Müller',
      title: 'Leiterin Einkauf',
      company: 'Erasable Werke GmbH',
      phones: [DE_PHONE],
      emails: [ERASED_LC],
      address: 'Werkstraße 5, 10115 Berlin, Germany',
    });
  await ingest(t.db, a, [msg('<e1@x>', '2026-09-01T00:00:00Z'), msg('<e2@x>', '2026-10-01T00:00:00Z')]);
  await ingest(t.db, b, [
    msg('<e3@x>', '2026-10-02T00:00:00Z'),
    // Her assistant's signature names her address too.
    signed('<e4@x>', 'assistant@erasable-werke.com', '2026-10-03T00:00:00Z', {
      name: 'Max Assistent',
      phones: [US_PHONE],
      emails: ['assistant@erasable-werke.com', ERASED_LC],
    }),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'sigmine-erasure-outbox-'));
  await sendQueued(t.db, {
    gate: noticeGate,
    transport: fileTransport(dir),
    policy: loadPolicy({}),
    publicUrl: 'https://privacy.example.net',
    from: 'privacy@example.net',
  });
  rmSync(dir, { recursive: true, force: true });
  // A request logged before the erasure (an export) must not keep the address either.
  await exportPerson(t.db, ERASED, testPrivacy);
}

/** Whether the PostgreSQL table file of `table` contains `needle` (after a CHECKPOINT). */
async function pgFileContains(t: TestDatabase, table: string, needle: string): Promise<boolean> {
  await sql`CHECKPOINT`.execute(t.db);
  const path = (await sql<{ p: string }>`select pg_relation_filepath(${table}) as p`.execute(t.db)).rows[0]!
    .p;
  const bytes = (await sql<{ b: Buffer }>`select pg_read_binary_file(${path}) as b`.execute(t.db)).rows[0]!.b;
  return bytes.includes(Buffer.from(needle));
}

/** Every row of every table in the test's schema, as text, that contains `needle` (PostgreSQL). */
async function pgRowsContaining(t: TestDatabase, needle: string): Promise<string[]> {
  const tables = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = ${t.pgSchema!} and table_type = 'BASE TABLE'`.execute(
    t.db,
  );
  const hits: string[] = [];
  for (const { table_name } of tables.rows) {
    const r = await sql<{
      c: number;
    }>`select count(*)::int as c from ${sql.table(table_name)} x where lower(x::text) like ${`%${needle}%`}`.execute(
      t.db,
    );
    if (r.rows[0]!.c > 0) hits.push(table_name);
  }
  return hits;
}

// The PostgreSQL-file checks talk to the server itself (a second session, its table files): not on PGlite.
const pgServer = (await postgresBackend()) === 'server';

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`erasure on ${dialect}`, () => {
    it('erasing a person deletes the profile and every row that names them, keeping only keyed hashes', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seed(t);
        expect(
          (await listContacts(t.db, { status: 'all' })).find((c) => c.email.startsWith('assistant'))!.emails,
        ).toContain(ERASED_LC);
        const out = await erasePerson(t, ERASED, 'erase', testPrivacy);
        expect(out).toMatchObject({
          kind: 'erase',
          profilesDeleted: 1,
          regime: 'gdpr',
          alreadySuppressed: false,
        });
        expect(out.observationsDeleted).toBeGreaterThan(5);
        expect((await listContacts(t.db, { status: 'all' })).map((c) => c.email)).toEqual([
          'assistant@erasable-werke.com',
        ]);
        expect((await listContacts(t.db, { status: 'all' }))[0]!.emails).not.toContain(ERASED_LC);
        const reqs = await listRequests(t.db);
        expect(reqs.map((r) => r.kind).sort()).toEqual(['erase', 'export']);
        expect(JSON.stringify(reqs)).not.toContain('gretchen');
        expect(await exportPerson(t.db, ERASED, testPrivacy)).toMatchObject({
          profiles: [],
          suppressed: { reason: 'erasure' },
        });
        if (dialect === 'postgres') {
          expect(await pgRowsContaining(t, 'gretchen')).toEqual([]);
          expect(await pgRowsContaining(t, 'müller')).toEqual([]);
          expect(out.scrub).toBe('vacuum-full');
        }
      } finally {
        await t.dispose();
      }
    });

    it('erasing a Gmail address also forgets its dot/plus variants stored before, and only those', async () => {
      const t = await freshDatabase(dialect);
      try {
        const a = await addMember(t.db, 'ann');
        // A colleague's signature listed variants of the address; a business address with dots stays.
        await ingest(t.db, a, [
          signed('<g1@x>', 'colleague@acme-tools.com', '2026-10-03T00:00:00Z', {
            name: 'Cora Colleague',
            phones: [US_PHONE],
            emails: ['colleague@acme-tools.com', 'j.doe+work@gmail.com', 'j.d.o.e@googlemail.com'],
            websites: ['mailto:jdoe+site@gmail.com'],
          }),
          signed('<g2@x>', 'j.doe@acme-tools.com', '2026-10-04T00:00:00Z', {
            name: 'Jo Doe',
            phones: [DE_PHONE],
            emails: ['j.doe@acme-tools.com', 'jdoe2@gmail.com'],
          }),
        ]);
        const colleague = async () =>
          (await listContacts(t.db, { status: 'all' })).find((c) => c.email === 'colleague@acme-tools.com')!;
        expect((await colleague()).emails).toEqual(
          expect.arrayContaining(['j.doe+work@gmail.com', 'j.d.o.e@googlemail.com']),
        );
        expect(JSON.stringify(await colleague())).toContain('mailto:jdoe+site@gmail.com');
        // Jo pinned a list naming a variant too (a correction made before the erasure).
        await correctField(
          t.db,
          'j.doe@acme-tools.com',
          'emails',
          ['jdoe2@gmail.com', 'Jd.oe+Pin@gmail.com'],
          testPrivacy,
        );
        const jo = async () =>
          (await listContacts(t.db, { status: 'all' })).find((c) => c.email === 'j.doe@acme-tools.com');
        expect((await jo())?.emails).toContain('jd.oe+pin@gmail.com');
        const out = await erasePerson(t, 'JDoe@gmail.com', 'erase', testPrivacy);
        expect(out.observationsDeleted).toBeGreaterThanOrEqual(3);
        const left = await colleague();
        expect(JSON.stringify(left)).not.toMatch(/j\.?d\.?o\.?e.*@(gmail|googlemail)\.com/);
        expect(JSON.stringify(left)).not.toContain('jdoe+site');
        // Another Gmail user and a business address that merely looks alike are untouched.
        expect((await jo())?.emails).toEqual(['jdoe2@gmail.com']);
      } finally {
        await t.dispose();
      }
    });

    it.skipIf(dialect !== 'sqlite')(
      'no plain copy of an erased address remains in the SQLite file or its WAL',
      async () => {
        const t = await freshDatabase(dialect);
        try {
          await seed(t);
          const files = () => [t.url, `${t.url}-wal`].filter(existsSync).map((f) => readFileSync(f));
          // Before: the address is in the files (so the check below can fail).
          expect(files().some((b) => b.includes(Buffer.from(ERASED_LC)))).toBe(true);
          const out = await erasePerson(t, ERASED, 'erase', testPrivacy);
          expect(out.scrub).toBe('wal-checkpoint');
          for (const needle of [ERASED_LC, 'gretchen.mueller', 'Gretchen M', 'Leiterin Einkauf']) {
            for (const bytes of files()) expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
          }
          // The other contact's data is still there.
          expect(files()[0]!.includes(Buffer.from('assistant@erasable-werke.com'))).toBe(true);
        } finally {
          await t.dispose();
        }
      },
    );

    it.skipIf(dialect !== 'postgres' || !pgServer)(
      'a session holding an older snapshot delays the PostgreSQL scrub until it ends',
      async () => {
        const t = await freshDatabase(dialect);
        const other = new pg.Client({ connectionString: PG_URL });
        try {
          await seed(t);
          await other.connect();
          await other.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
          await other.query('SELECT 1'); // takes the snapshot: it could still see the rows erased below
          const started = Date.now();
          setTimeout(() => void other.query('COMMIT'), 1500);
          const out = await erasePerson(t, ERASED, 'erase', testPrivacy);
          expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
          expect(out.scrub).toBe('vacuum-full');
          expect(await pgFileContains(t, 'profiles', ERASED_LC)).toBe(false);
          // Had it not waited: an open old snapshot keeps the row version through VACUUM FULL.
          await other.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
          await other.query('SELECT 1');
          const late = await erasePerson(t, 'assistant@erasable-werke.com', 'erase', {
            ...testPrivacy,
            pgWaitMs: 300,
          });
          expect(late.scrub).toBe('vacuum-full-incomplete');
          expect(await pgFileContains(t, 'profiles', 'assistant@erasable-werke.com')).toBe(true);
          await other.query('COMMIT');
        } finally {
          await other.end().catch(() => {});
          await t.dispose();
        }
      },
    );

    it.skipIf(dialect !== 'postgres' || !pgServer)(
      'after VACUUM FULL the PostgreSQL table files hold no copy of the erased address',
      async () => {
        const t = await freshDatabase(dialect);
        try {
          await seed(t);
          for (const table of ['profiles', 'observations', 'notices', 'privacy_gates']) {
            expect(await pgFileContains(t, table, ERASED_LC), `${table} before`).toBe(
              table !== 'privacy_gates',
            );
          }
          await erasePerson(t, ERASED, 'erase', testPrivacy);
          for (const table of ['profiles', 'observations', 'notices', 'privacy_gates']) {
            expect(await pgFileContains(t, table, ERASED_LC), table).toBe(false);
          }
        } finally {
          await t.dispose();
        }
      },
    );
  });
}
