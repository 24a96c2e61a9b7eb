/**
 * What members are shown and paid must match what the directory really does (issue 11, "what members see
 * is wrong"): a dry run never offers an erased or restricted person, a name from a From header alone makes
 * no contact and no notice, and the connection bonus waits until a source has actually read something.
 * Through the front door: harvests of a real local mailbox folder, on SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, noProgress } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { restrictPerson } from '../../src/privacy/restrict.ts';
import { balanceOf, ledgerEntries } from '../../src/store/ledger.ts';
import { listNotices } from '../../src/notices/outbox.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { testPolicy } from '../helpers/privacy-options.ts';

const KEY = 'c'.repeat(64);
const config = loadConfig({ SIGMINE_SECRET_KEY: KEY });
const MEMBER = 'member@firm.example';

const eml = (from: string, id: string, body: string) =>
  `From: ${from}\r\nTo: ${MEMBER}\r\nSubject: hello\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\nMessage-ID: <${id}@test>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\n${body.replace(/\n/g, '\r\n')}\r\n`;

const DANA = eml(
  'Dana Whitfield <dana.whitfield@fabrikam.example>',
  'dana',
  'Thursday works.\n\nKind regards,\nDana Whitfield\nHead of Procurement\nFabrikam Ltd\nTel: +1 415 555 0134\nwww.fabrikam.example',
);
const ERIN = eml(
  'Erin Ellery <erin.ellery@northwind.example>',
  'erin',
  'See attached.\n\nBest,\nErin Ellery\nSales Director\nNorthwind Traders\nTel: +1 212 555 0187\nwww.northwind.example',
);
/** No signature: only the From header's name. */
const HARRY = eml('Harry Header <harry.header@contoso.example>', 'harry', 'Thanks, see you then.');

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`what members see and earn, on ${dialect}`, () => {
    let t: TestDatabase;
    let dir: string;
    let env: HarvestEnv;
    const folder = (name: string, files: Record<string, string>) => {
      const p = join(dir, name);
      mkdirSync(p, { recursive: true });
      for (const [f, text] of Object.entries(files)) writeFileSync(join(p, f), text);
      return p;
    };
    const connect = async (path: string, account = path) =>
      (
        await registerConnection(
          t.db,
          { contributorEmail: MEMBER, kind: 'mailbox', account, config: { path } },
          null,
        )
      ).connection;
    const privacy = { secretKey: KEY, policy: testPolicy, outboxDir: false as const };

    beforeEach(async () => {
      t = await freshDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'sigmine-truth-'));
      env = { db: t.db, config, logger: silentLogger, progress: noProgress, holder: 'test' };
    });
    afterEach(async () => {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a dry run never offers an erased person, a restricted profile or a name seen only in a header', async () => {
      const c = await connect(folder('inbox', { 'dana.eml': DANA, 'erin.eml': ERIN, 'harry.eml': HARRY }));
      await erasePerson(t, 'erin.ellery@northwind.example', 'erase', privacy);
      const first = await runHarvest(env, [c.id], { dryRun: true });
      expect(first.results[0]!.status).toBe('ok');
      expect(first.results[0]!.preview!.map((p) => p.email)).toEqual(['dana.whitfield@fabrikam.example']);

      // Dana is harvested, then restricts her profile: frozen, so a preview no longer offers her either.
      await runHarvest(env, [c.id]);
      await restrictPerson(t.db, 'dana.whitfield@fabrikam.example', privacy);
      const again = await runHarvest(env, [c.id], { dryRun: true, fromStart: true });
      expect(again.results[0]!.preview).toEqual([]);
      // The dry run recorded nothing, not even a blocked re-add.
      const sup = await t.db.selectFrom('suppressions').select('blocked_count').executeTakeFirstOrThrow();
      expect(Number(sup.blocked_count)).toBe(1); // the real harvest's block only
    });

    it('a sender with no signature leaves nothing behind: no contact, no notice; a later signature makes the contact', async () => {
      const c = await connect(folder('inbox', { 'dana.eml': DANA, 'harry.eml': HARRY }));
      await runHarvest(env, [c.id]);
      const emails = (await t.db.selectFrom('profiles').select('email').execute()).map((r) => r.email);
      expect(emails).toEqual(['dana.whitfield@fabrikam.example']);
      const notices = await listNotices(t.db);
      expect(notices.map((n) => n.recipient)).toEqual(['dana.whitfield@fabrikam.example']);

      const signedHarry = eml(
        'Harry Header <harry.header@contoso.example>',
        'harry2',
        'Here it is.\n\nRegards,\nHarry Header\nOperations Manager\nContoso GmbH\nTel: +1 303 555 0199',
      );
      writeFileSync(join(dir, 'inbox', 'harry2.eml'), signedHarry);
      await runHarvest(env, [c.id], { fromStart: true });
      const after = (await t.db.selectFrom('profiles').select('email').orderBy('email').execute()).map(
        (r) => r.email,
      );
      expect(after).toEqual(['dana.whitfield@fabrikam.example', 'harry.header@contoso.example']);
      expect((await listNotices(t.db)).length).toBe(2);
    });

    it('the connection bonus is paid after the first harvest that reads a message, once per mailbox', async () => {
      const missing = await connect(join(dir, 'no-such-folder'));
      const empty = await connect(folder('empty', {}));
      expect(await balanceOf(t.db, missing.contributorId)).toBe(0); // nothing for connecting
      const broken = await runHarvest(env, [missing.id, empty.id]);
      expect(broken.results.map((r) => r.status)).toEqual(['error', 'ok']);
      expect(await balanceOf(t.db, missing.contributorId)).toBe(0); // unreachable, and empty: nothing

      const inbox = await connect(folder('inbox', { 'dana.eml': DANA }), 'inbox');
      const r = await runHarvest(env, [inbox.id]);
      const bonus = (await ledgerEntries(t.db, { contributorId: inbox.contributorId })).filter(
        (e) => e.kind === 'connection-bonus',
      );
      expect(bonus.map((e) => e.amount)).toEqual([50]);
      expect(r.summary.counts.creditsAwarded).toBeGreaterThanOrEqual(50);

      // Harvesting again, or reconnecting the same mailbox, pays nothing more.
      await runHarvest(env, [inbox.id]);
      await connect(join(dir, 'inbox'), 'inbox');
      await runHarvest(env, [inbox.id], { fromStart: true });
      const all = (await ledgerEntries(t.db, { contributorId: inbox.contributorId })).filter(
        (e) => e.kind === 'connection-bonus',
      );
      expect(all).toHaveLength(1);
    });
  });
}
