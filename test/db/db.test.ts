import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrateToLatest, migrator } from '../../src/db/migrate.ts';
import {
  DIALECTS,
  freshDatabase,
  PG_URL,
  postgresAvailable,
  postgresServerAvailable,
  withScratchDatabase,
} from '../helpers/databases.ts';
import pg from 'pg';
import { candidatesOf, type ObservationRow } from '../../src/store/merge.ts';
import { companyFromProfiles } from '../../src/store/companies.ts';
import { openDatabase } from '../../src/db/database.ts';

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`database on ${dialect}`, () => {
    it('applies every migration on first open and can store a contributor', async () => {
      const t = await freshDatabase(dialect);
      try {
        await t.db
          .insertInto('contributors')
          .values({ id: 'c1', email: 'member@example.org', created_at: new Date().toISOString() })
          .execute();
        const row = await t.db.selectFrom('contributors').selectAll().executeTakeFirstOrThrow();
        expect(row.status).toBe('active');
      } finally {
        await t.dispose();
      }
    });
  });
}

describe('upgrading a SQLite database made before migrations 0050 and 0051', () => {
  it('keeps every observation and processed message, fills profile_values and rebuilds the tables without rowid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-upgrade-'));
    const db = new Kysely<any>({
      dialect: new SqliteDialect({ database: new Database(join(dir, 'old.db')) }),
    });
    try {
      const to0040 = await migrator(db).migrateTo('0040-harvest');
      expect(to0040.error).toBeUndefined();
      const at = '2026-05-01T00:00:00.000Z';
      await db
        .insertInto('contributors')
        .values([
          { id: 'u1', email: 'a@m.example', created_at: at },
          { id: 'u2', email: 'b@m.example', created_at: at },
        ])
        .execute();
      await db
        .insertInto('connections')
        .values([
          { id: 'k1', contributor_id: 'u1', kind: 'mailbox', account: 'a', created_at: at, updated_at: at },
          { id: 'k2', contributor_id: 'u2', kind: 'mailbox', account: 'b', created_at: at, updated_at: at },
        ])
        .execute();
      await db
        .insertInto('profiles')
        .values({
          id: 'p1',
          email: 'jo@acme.example',
          domain: 'acme.example',
          first_seen: at,
          last_seen: at,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const obs = (k: string, u: string, value: string, last: string) => ({
        profile_id: 'p1',
        field: 'title',
        value_norm: value.toLowerCase(),
        raw: value,
        source: 'signature',
        connection_id: k,
        contributor_id: u,
        first_observed: '2026-01-01T00:00:00.000Z',
        last_observed: last,
        stored_at: at,
      });
      await db
        .insertInto('observations')
        .values([
          obs('k1', 'u1', 'CTO', '2026-03-01T00:00:00.000Z'),
          obs('k2', 'u2', 'CTO', '2026-04-01T00:00:00.000Z'),
          obs('k2', 'u2', 'Engineer', '2026-02-01T00:00:00.000Z'),
        ])
        .execute();
      await db
        .insertInto('processed_messages')
        .values([
          { connection_id: 'k1', message_hash: 'h1', processed_at: at },
          { connection_id: 'k2', message_hash: 'h2', processed_at: at },
        ])
        .execute();

      const latest = await migrateToLatest(db);
      expect(latest.error).toBeUndefined();
      expect(
        await db
          .selectFrom('observations')
          .select(['connection_id', 'value_norm'])
          .orderBy('connection_id')
          .orderBy('value_norm')
          .execute(),
      ).toEqual([
        { connection_id: 'k1', value_norm: 'cto' },
        { connection_id: 'k2', value_norm: 'cto' },
        { connection_id: 'k2', value_norm: 'engineer' },
      ]);
      expect(
        (
          await db.selectFrom('processed_messages').select('message_hash').orderBy('message_hash').execute()
        ).map((r) => r.message_hash),
      ).toEqual(['h1', 'h2']);
      expect(
        await db
          .selectFrom('profile_values')
          .select(['value_norm', 'contributors', 'first_observed', 'last_observed'])
          .orderBy('value_norm')
          .execute(),
      ).toEqual([
        {
          value_norm: 'cto',
          contributors: 2,
          first_observed: '2026-01-01T00:00:00.000Z',
          last_observed: '2026-04-01T00:00:00.000Z',
        },
        {
          value_norm: 'engineer',
          contributors: 1,
          first_observed: '2026-01-01T00:00:00.000Z',
          last_observed: '2026-02-01T00:00:00.000Z',
        },
      ]);
      const schema = await sql<{
        name: string;
        sql: string;
      }>`select name, sql from sqlite_master where name in ('observations', 'processed_messages', 'profile_values', 'observations_connection_idx') order by name`.execute(
        db,
      );
      expect(schema.rows.map((r) => [r.name, /without rowid$/i.test(r.sql)])).toEqual([
        ['observations', true],
        ['processed_messages', true],
        ['profile_values', true],
      ]);
      // The foreign key to profiles survived the rebuild: deleting the profile deletes its observations.
      await sql`pragma foreign_keys = on`.execute(db);
      await db.deleteFrom('profiles').where('id', '=', 'p1').execute();
      expect(await db.selectFrom('observations').selectAll().execute()).toEqual([]);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const dialect of DIALECTS) {
  const skip =
    dialect === 'postgres' &&
    !(await postgresServerAvailable('upgrade to running value aggregates on postgres'));
  describe.skipIf(skip)(
    `upgrading a ${dialect} database made at 0053 to running value and company aggregates (0060, 0061)`,
    () => {
      it('fills the contributor rows and company tallies, and recomputes every value and company as a merge from scratch would', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'sigmine-upgrade-'));
        const pgSchema = `up_${process.pid}_${Date.now() % 100000}`;
        const d = await openDatabase(dialect === 'sqlite' ? join(dir, 'old.db') : PG_URL, {
          migrate: false,
          ...(dialect === 'postgres' ? { pgSchema } : {}),
        });
        const db = d.db as Kysely<any>;
        try {
          const to0053 = await migrator(db, dialect === 'postgres' ? pgSchema : undefined).migrateTo(
            '0053-web-guards',
          );
          expect(to0053.error).toBeUndefined();
          const at = '2026-05-01T00:00:00.000Z';
          await db
            .insertInto('contributors')
            .values([
              { id: 'u1', email: 'a@m.example', created_at: at },
              { id: 'u2', email: 'b@m.example', created_at: at },
            ])
            .execute();
          await db
            .insertInto('profiles')
            .values({
              id: 'p1',
              email: 'jo@acme.example',
              domain: 'acme.example',
              first_seen: at,
              last_seen: at,
              created_at: at,
              updated_at: at,
            })
            .execute();
          // Three more people at the company: listed, pending and restricted; and a company row as it stood.
          const person = (id: string, status: string, company: string, websites: string[]) => ({
            id,
            email: `${id}@acme.example`,
            domain: 'acme.example',
            status,
            company,
            address: '1 Road',
            websites_json: JSON.stringify(websites),
            first_seen: at,
            last_seen: at,
            created_at: at,
            updated_at: at,
          });
          await db
            .insertInto('profiles')
            .values([
              person('p2', 'listed', 'Acme', ['https://acme.example', 'https://blog.other.example']),
              person('p3', 'pending', 'ACME Inc', ['https://acme.example']),
              person('p4', 'restricted', 'ACME Inc', []),
            ])
            .execute();
          await db
            .insertInto('companies')
            .values({
              domain: 'acme.example',
              name: 'ACME Inc',
              website: null,
              address: '1 Road',
              contacts_count: 1,
              updated_at: at,
            })
            .execute();
          const obs = (k: string, u: string, raw: string, last: string, source = 'signature') => ({
            profile_id: 'p1',
            field: 'title',
            value_norm: raw.toLowerCase(),
            raw,
            source,
            connection_id: k,
            contributor_id: u,
            first_observed: '2026-01-01T00:00:00.000Z',
            last_observed: last,
            stored_at: at,
          });
          // u1 through two mailboxes (one contributor), u2 once; 'cto' and 'CTO' seen at the same instant.
          await db
            .insertInto('observations')
            .values([
              obs('k1', 'u1', 'cto', '2026-04-01T00:00:00.000Z'),
              obs('k3', 'u1', 'Cto', '2026-03-01T00:00:00.000Z', 'header'),
              obs('k2', 'u2', 'CTO', '2026-04-01T00:00:00.000Z'),
              obs('k2', 'u2', 'Engineer', '2026-02-01T00:00:00.000Z'),
            ])
            .execute();
          // As the store before 0060 kept them: the raw form of whichever row it read first.
          const value = (
            value_norm: string,
            raw: string,
            sources: string,
            contributors: number,
            last: string,
          ) => ({
            profile_id: 'p1',
            field: 'title',
            value_norm,
            raw,
            sources,
            contributors,
            first_observed: '2026-01-01T00:00:00.000Z',
            last_observed: last,
          });
          await db
            .insertInto('profile_values')
            .values([
              value('cto', 'cto', 'header,signature', 2, '2026-04-01T00:00:00.000Z'),
              value('engineer', 'Engineer', 'signature', 1, '2026-02-01T00:00:00.000Z'),
            ])
            .execute();

          const latest = await migrateToLatest(db, dialect === 'postgres' ? pgSchema : undefined);
          expect(latest.error).toBeUndefined();
          const rows = (await db.selectFrom('observations').selectAll().execute()) as ObservationRow[];
          const expected = [...candidatesOf(rows).values()].flat().map((c) => ({
            value_norm: c.value,
            raw: c.raw,
            sources: [...c.sources].sort().join(','),
            contributors: c.corroboration,
            first_observed: c.first,
            last_observed: c.last,
          }));
          const stored = await db
            .selectFrom('profile_values')
            .select(['value_norm', 'raw', 'sources', 'contributors', 'first_observed', 'last_observed'])
            .orderBy('value_norm')
            .execute();
          expect(stored.map((r) => ({ ...r, contributors: Number(r.contributors) }))).toEqual(
            expected.sort((a, b) => a.value_norm.localeCompare(b.value_norm)),
          );
          expect(stored[0]).toMatchObject({ value_norm: 'cto', raw: 'CTO', contributors: 2 });
          expect(
            await db
              .selectFrom('profile_value_contributors')
              .select(['value_norm', 'contributor_id'])
              .orderBy('value_norm')
              .orderBy('contributor_id')
              .execute(),
          ).toEqual([
            { value_norm: 'cto', contributor_id: 'u1' },
            { value_norm: 'cto', contributor_id: 'u2' },
            { value_norm: 'engineer', contributor_id: 'u2' },
          ]);
          // Companies as running tallies (0061): the row as a count over the visible profiles gives it.
          const profiles = await db
            .selectFrom('profiles')
            .select(['id', 'domain', 'status', 'company', 'address', 'websites_json'])
            .execute();
          expect(
            await db
              .selectFrom('companies')
              .select(['domain', 'name', 'website', 'address', 'contacts_count'])
              .execute(),
          ).toEqual([companyFromProfiles('acme.example', profiles)]);
          expect(companyFromProfiles('acme.example', profiles)).toEqual({
            domain: 'acme.example',
            name: 'ACME Inc',
            website: 'https://acme.example',
            address: '1 Road',
            contacts_count: 1,
          });
          expect(
            await db
              .selectFrom('company_tallies')
              .select(['kind', 'value', 'n'])
              .orderBy('kind')
              .orderBy('value')
              .execute(),
          ).toEqual([
            { kind: '#listed', value: '', n: 1 },
            { kind: '#visible', value: '', n: 3 },
            { kind: 'address', value: '1 Road', n: 2 },
            { kind: 'name', value: 'ACME Inc', n: 1 },
            { kind: 'name', value: 'Acme', n: 1 },
            { kind: 'website', value: 'https://acme.example', n: 2 },
          ]);
        } finally {
          await d.close();
          rmSync(dir, { recursive: true, force: true });
          if (dialect === 'postgres') {
            const c = new pg.Client({ connectionString: PG_URL });
            await c.connect();
            await c.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
            await c.end();
          }
        }
      });
    },
  );
}

describe('migration names', () => {
  // Migrations that shipped in a release: a database in the field may have applied exactly these, and
  // Kysely refuses to run a new migration whose name sorts before an applied one.
  const RELEASED = [
    '0001-connections',
    '0010-settings',
    '0011-directory',
    '0020-privacy',
    '0021-notice-claims',
    '0030-revocations',
    '0040-harvest',
  ];
  it('sort every new migration after the released ones, so a database already migrated can upgrade', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}-[\w-]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files.slice(0, RELEASED.length)).toEqual(RELEASED);
    for (const f of files.slice(RELEASED.length)) expect(f > RELEASED.at(-1)!, f).toBe(true);
  });
});

describe.skipIf(!(await postgresServerAvailable('PostgreSQL connection loss')))(
  'PostgreSQL connection loss',
  () => {
    it('survives the server ending its idle pooled connections and reconnects on the next query', async () => {
      await withScratchDatabase('sigmine_drop', async (url, admin) => {
        const d = await openDatabase(url);
        try {
          await d.db
            .insertInto('contributors')
            .values({ id: 'c1', email: 'm@example.org', created_at: '2026-11-29T00:00:00Z' })
            .execute();
          // What a server restart or failover does to idle connections.
          const ours = await admin.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`,
            [new URL(url).pathname.slice(1)],
          );
          expect(ours.rowCount).toBeGreaterThan(0);
          await new Promise((r) => setTimeout(r, 200));
          expect(await d.db.selectFrom('contributors').select('email').execute()).toEqual([
            { email: 'm@example.org' },
          ]);
        } finally {
          await d.close();
        }
      });
    }, 60_000);
  },
);

describe('SQLite files are private to their owner', () => {
  it('creates the data folder 0700 and the database, WAL and SHM files 0600, and narrows an existing 0644 file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sigmine-perms-'));
    const old = process.umask(0o022);
    try {
      const path = join(root, 'data', 'sigmine.db');
      const d = await openDatabase(path);
      await d.db
        .insertInto('contributors')
        .values({ id: 'c1', email: 'member@example.org', created_at: new Date().toISOString() })
        .execute();
      const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
      expect(mode(join(root, 'data'))).toBe('700');
      expect(mode(path)).toBe('600');
      expect(mode(`${path}-wal`)).toBe('600');
      expect(mode(`${path}-shm`)).toBe('600');
      await d.close();

      const other = join(root, 'old.db');
      writeFileSync(other, '', { mode: 0o644 });
      chmodSync(other, 0o644);
      await (await openDatabase(other)).close();
      expect(mode(other)).toBe('600');
    } finally {
      process.umask(old);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
