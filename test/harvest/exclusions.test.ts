/**
 * A member keeps people, whole domains and folders out of sharing (issue 11, contributor control before
 * sharing): an excluded person yields no observation, notice or credit; a dry run shows exactly what the
 * harvest would share; removing a rule takes effect on the next harvest, even for mail read before (an
 * excluded message is not remembered as processed). Real local mailbox folders, SQLite and PostgreSQL; the
 * CLI on SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, noProgress } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { addExclusion, listExclusions, removeExclusion } from '../../src/connections/exclusions.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { gmailToMinimal } from '../../connectors/gmail/message.ts';
import { pageItems } from '../../src/harvest/harvest-connection.ts';
import { emptyHarvestCounts } from '../../src/harvest/types.ts';
import { listNotices } from '../../src/notices/outbox.ts';
import type { HarvestEnv } from '../../src/harvest/harvest-connection.ts';
import { testPrivacy } from '../helpers/privacy-options.ts';
import { memberWeb } from '../helpers/member-web.ts';

const KEY = 'd'.repeat(64);
const config = loadConfig({ SIGMINE_SECRET_KEY: KEY });
const MEMBER = 'owner@agency.example';

const eml = (from: string, id: string, body: string) =>
  `From: ${from}\r\nTo: ${MEMBER}\r\nSubject: plans\r\nDate: Tue, 03 Nov 2026 09:00:00 +0000\r\nMessage-ID: <${id}@test>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\n${body.replace(/\n/g, '\r\n')}\r\n`;
const signed = (name: string, email: string, id: string, title: string, company: string, tel: string) =>
  eml(
    `${name} <${email}>`,
    id,
    `Noted, thanks.\n\nBest regards,\n${name}\n${title}\n${company}\nTel: ${tel}`,
  );

const QUINN = signed(
  'Quinn Abara',
  'quinn.abara@clientco.example',
  'q1',
  'CFO',
  'ClientCo Ltd',
  '+1 312 555 0110',
);
const RIO = signed(
  'Rio Tamsin',
  'rio.tamsin@eu.clientco.example',
  'r1',
  'Controller',
  'ClientCo EU',
  '+1 312 555 0111',
);
const UMA = signed(
  'Uma Vance',
  'uma.vance@partnerfirm.example',
  'u1',
  'Partner',
  'Partner Firm LLP',
  '+1 646 555 0123',
);
const WES = signed(
  'Wes Lorne',
  'wes.lorne@supplier.example',
  'w1',
  'Account Manager',
  'Supplier Inc',
  '+1 415 555 0177',
);

describe('a Gmail label excluded from sharing', () => {
  it('a message filed under the label contributes nothing and is not remembered; the same message elsewhere is shared', () => {
    const body = Buffer.from(
      'Noted.\r\n\r\nBest regards,\r\nUma Vance\r\nPartner\r\nPartner Firm LLP\r\nTel: +1 646 555 0123\r\n',
    ).toString('base64url');
    const message = (labelIds: string[]) => ({
      id: 'g1',
      labelIds,
      internalDate: '1793786400000',
      payload: {
        mimeType: 'text/plain',
        headers: [
          { name: 'From', value: 'Uma Vance <uma.vance@partnerfirm.example>' },
          { name: 'Message-ID', value: '<g1@test>' },
          { name: 'Content-Type', value: 'text/plain; charset=utf-8' },
        ],
        body: { data: body },
      },
    });
    const rules = { addresses: new Set<string>(), domains: new Set<string>(), folders: new Set(['Label_7']) };
    const page = (labels: string[]) => ({
      messages: [gmailToMinimal(message(labels))],
      contacts: [],
      cursor: { kind: 'gmail', v: 1 },
      done: true,
    });
    const filed = pageItems(
      page(['INBOX', 'Label_7']),
      new Date().toISOString(),
      emptyHarvestCounts(),
      undefined,
      undefined,
      rules,
    );
    expect(filed).toEqual([]);
    const counts = emptyHarvestCounts();
    const elsewhere = pageItems(
      page(['INBOX']),
      new Date().toISOString(),
      counts,
      undefined,
      undefined,
      rules,
    );
    expect(elsewhere.map((i) => i.messageKey)).toEqual(['<g1@test>']);
    expect(elsewhere[0]!.observations.some((o) => o.field === 'title' && o.raw === 'Partner')).toBe(true);
    expect(counts.excluded).toBe(0);
  });
});

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`exclusions before sharing, on ${dialect}`, () => {
    let t: TestDatabase;
    let dir: string;
    let env: HarvestEnv;
    const write = (rel: string, text: string) => {
      const p = join(dir, rel);
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, text);
    };
    const connect = async () =>
      (
        await registerConnection(
          t.db,
          { contributorEmail: MEMBER, kind: 'mailbox', account: 'mail', config: { path: dir } },
          null,
        )
      ).connection;
    const profiles = async () =>
      (await t.db.selectFrom('profiles').select('email').orderBy('email').execute()).map((r) => r.email);
    const observedAddresses = async () =>
      (
        await t.db
          .selectFrom('observations')
          .innerJoin('profiles', 'profiles.id', 'observations.profile_id')
          .select('profiles.email')
          .distinct()
          .orderBy('profiles.email')
          .execute()
      ).map((r) => r.email);

    beforeEach(async () => {
      t = await freshDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'sigmine-exclusions-'));
      env = { db: t.db, config, logger: silentLogger, progress: noProgress, holder: 'test' };
    });
    afterEach(async () => {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('an excluded domain (and its subdomains) yields no observation, notice or credit, in a dry run as in a harvest', async () => {
      write('1.eml', QUINN);
      write('2.eml', RIO);
      write('3.eml', UMA);
      const c = await connect();
      await addExclusion(t.db, MEMBER, { kind: 'domain', value: '@ClientCo.example' });

      const dry = await runHarvest(env, [c.id], { dryRun: true });
      expect(dry.results[0]!.preview!.map((p) => p.email)).toEqual(['uma.vance@partnerfirm.example']);
      expect(dry.results[0]!.counts.excluded).toBe(2);

      const real = await runHarvest(env, [c.id]);
      expect(real.results[0]!.status).toBe('ok');
      expect(real.results[0]!.counts.excluded).toBe(2);
      expect(await profiles()).toEqual(['uma.vance@partnerfirm.example']);
      expect(await observedAddresses()).toEqual(['uma.vance@partnerfirm.example']);
      expect((await listNotices(t.db)).map((n) => n.recipient)).toEqual(['uma.vance@partnerfirm.example']);
      // Credits for Uma only (her listing or nothing yet), never for Quinn or Rio.
      const uma = await t.db.selectFrom('profiles').select('id').executeTakeFirstOrThrow();
      const credited = await t.db
        .selectFrom('ledger_entries')
        .select('profile_id')
        .where('kind', '!=', 'connection-bonus')
        .execute();
      expect(credited.map((e) => e.profile_id).filter((p) => p !== uma.id)).toEqual([]);
      // Not remembered as processed: only Uma's message is.
      const processed = await t.db.selectFrom('processed_messages').select('connection_id').execute();
      expect(processed).toHaveLength(1);
    });

    it('removing the exclusion takes effect on the next harvest, including mail read while it held', async () => {
      write('1.eml', QUINN);
      write('2.eml', UMA);
      const c = await connect();
      await addExclusion(t.db, MEMBER, { kind: 'address', value: 'Quinn.Abara@clientco.example' });
      await runHarvest(env, [c.id]);
      expect(await profiles()).toEqual(['uma.vance@partnerfirm.example']);

      await removeExclusion(t.db, MEMBER, { kind: 'address', value: 'quinn.abara@clientco.example' });
      expect(await listExclusions(t.db, MEMBER)).toEqual([]);
      // New mail is shared at once...
      write('3.eml', RIO);
      await runHarvest(env, [c.id]);
      expect(await profiles()).toEqual(['rio.tamsin@eu.clientco.example', 'uma.vance@partnerfirm.example']);
      // ...and a harvest that reads the mailbox again finds the message the rule held back.
      await runHarvest(env, [c.id], { fromStart: true });
      expect(await profiles()).toEqual([
        'quinn.abara@clientco.example',
        'rio.tamsin@eu.clientco.example',
        'uma.vance@partnerfirm.example',
      ]);
    });

    it('an excluded folder of one connection contributes nothing; the rest of the mailbox is shared', async () => {
      write('1.eml', UMA);
      write('Clients/acme/1.eml', QUINN);
      write('Suppliers/1.eml', WES);
      const c = await connect();
      await addExclusion(t.db, MEMBER, { kind: 'folder', connectionId: c.id, value: 'Clients/acme' });
      const dry = await runHarvest(env, [c.id], { dryRun: true });
      expect(dry.results[0]!.preview!.map((p) => p.email)).toEqual([
        'uma.vance@partnerfirm.example',
        'wes.lorne@supplier.example',
      ]);
      await runHarvest(env, [c.id]);
      expect(await profiles()).toEqual(['uma.vance@partnerfirm.example', 'wes.lorne@supplier.example']);
    });

    it('rules are kept per member, checked, and a folder rule needs a connection of that member', async () => {
      const c = await connect();
      const other = (
        await registerConnection(
          t.db,
          { contributorEmail: 'someone@else.example', kind: 'mailbox', account: 'x', config: { path: dir } },
          null,
        )
      ).connection;
      await addExclusion(t.db, MEMBER, { kind: 'domain', value: 'clientco.example' });
      await addExclusion(t.db, MEMBER, { kind: 'domain', value: 'clientco.example' }); // again: no change
      expect(await listExclusions(t.db, MEMBER)).toHaveLength(1);
      expect(await listExclusions(t.db, 'someone@else.example')).toEqual([]);
      await expect(
        addExclusion(t.db, MEMBER, { kind: 'domain', value: 'not a domain' }),
      ).rejects.toMatchObject({
        code: 'bad-input',
      });
      await expect(
        addExclusion(t.db, MEMBER, { kind: 'folder', connectionId: other.id, value: 'Inbox' }),
      ).rejects.toMatchObject({ code: 'not-found' });
      await expect(
        removeExclusion(t.db, MEMBER, { kind: 'address', value: 'nobody@clientco.example' }),
      ).rejects.toMatchObject({ code: 'not-found' });
      expect(c.contributorId).not.toBe(other.contributorId);
    });

    it("a person's erasure deletes members' rules naming their address (the suppression list keeps them out)", async () => {
      write('1.eml', QUINN);
      const c = await connect();
      await addExclusion(t.db, MEMBER, { kind: 'address', value: 'quinn.abara@clientco.example' });
      await addExclusion(t.db, MEMBER, { kind: 'domain', value: 'other.example' });
      await erasePerson(t, 'Quinn.Abara@clientco.example', 'erase', {
        ...testPrivacy,
        secretKey: KEY,
        outboxDir: false,
      });
      expect((await listExclusions(t.db, MEMBER)).map((e) => e.value)).toEqual(['other.example']);
      await runHarvest(env, [c.id]);
      expect(await profiles()).toEqual([]);
    });

    it('works on the member page: the preview offers "exclude this domain", and the domain stays out of the next preview and harvest', async () => {
      write('1.eml', QUINN);
      write('2.eml', UMA);
      const c = await connect();
      const { PUBLIC, app, post, signIn } = memberWeb(t, KEY);
      const cookie = await signIn(MEMBER);

      // Preview is a job: its page reloads itself until the result is in.
      const preview = async () => {
        const started = await post('/member/preview', { connection: c.id }, cookie);
        expect(started.status).toBe(303);
        const at = started.headers.get('location')!;
        for (let i = 0; i < 500; i++) {
          const html = await (await app.request(`${PUBLIC}${at}`, { headers: { Cookie: cookie } })).text();
          if (!html.includes('data-testid="preview-progress"')) return html;
          await new Promise((r) => setTimeout(r, 20));
        }
        throw new Error('the preview did not finish');
      };
      const before = await preview();
      expect(before).toContain('quinn.abara@clientco.example');
      expect(before).toContain('value="clientco.example"'); // the "exclude this domain" button
      const added = await post('/member/exclusions', { kind: 'domain', value: 'clientco.example' }, cookie);
      expect(added.status).toBe(200);
      expect(await added.text()).toMatch(/data-testid="exclusion">[\s\S]*clientco\.example/);

      const after = await preview();
      expect(after).not.toContain('quinn.abara@clientco.example');
      expect(after).toContain('uma.vance@partnerfirm.example');
      await runHarvest(env, [c.id]);
      expect(await profiles()).toEqual(['uma.vance@partnerfirm.example']);

      const bad = await post('/member/exclusions', { kind: 'domain', value: '<script>' }, cookie);
      expect(bad.status).toBe(400);
      expect(await bad.text()).not.toContain('<script>');
      const [rule] = await listExclusions(t.db, MEMBER);
      const removed = await post('/member/exclusions/remove', { id: rule!.id }, cookie);
      expect(await removed.text()).toContain('Nothing is excluded.');
      // A folder of one of the member's own connections, from the page's form; never someone else's.
      const folder = await post(
        '/member/exclusions',
        { kind: 'folder', connection: c.id, value: 'Clients' },
        cookie,
      );
      expect(await folder.text()).toMatch(/data-testid="exclusion">[\s\S]*Clients[\s\S]*mailbox mail/);
      const theirs = await registerConnection(
        t.db,
        {
          contributorEmail: 'other@elsewhere.example',
          kind: 'mailbox',
          account: 'theirs',
          config: { path: dir },
        },
        null,
      );
      const refused = await post(
        '/member/exclusions',
        { kind: 'folder', connection: theirs.connection.id, value: 'Inbox' },
        cookie,
      );
      expect(refused.status).toBe(404);
      expect((await app.request(`${PUBLIC}/member/exclusions`)).status).toBe(403); // signed-in members only
    });

    it.skipIf(dialect !== 'sqlite')(
      'works through `sigmine exclusions add|list|remove --json`, and `harvest --dry-run` applies the rules',
      async () => {
        write('1.eml', QUINN);
        write('2.eml', UMA);
        const c = await connect();
        const cli = cleanEnv({ SIGMINE_DATABASE: t.url, SIGMINE_SECRET_KEY: KEY });
        const run = (...args: string[]) =>
          runCli(['exclusions', ...args, '--member', MEMBER, '--json'], { env: cli });
        const added = await run('add', '--domain', 'clientco.example');
        expect(added.code, added.stderr).toBe(0);
        expect(JSON.parse(added.stdout)).toMatchObject({
          kind: 'domain',
          value: 'clientco.example',
          connectionId: null,
        });
        const folder = await run('add', '--folder', `${c.id}:Clients`);
        expect(JSON.parse(folder.stdout)).toMatchObject({
          kind: 'folder',
          value: 'Clients',
          connectionId: c.id,
        });
        const listed = await run('list');
        expect(
          listed.stdout
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l).kind),
        ).toEqual(['domain', 'folder']);
        const both = await run('add', '--domain', 'a.example', '--address', 'x@a.example');
        expect(both.code).toBe(1);
        expect(JSON.parse(both.stdout).error.code).toBe('bad-input');

        const dry = await runCli(['harvest', '--connection', c.id, '--dry-run', '--json'], { env: cli });
        expect(dry.stdout).toContain('uma.vance@partnerfirm.example');
        expect(dry.stdout).not.toContain('quinn.abara');

        const removed = await run('remove', '--domain', 'clientco.example');
        expect(removed.code, removed.stderr).toBe(0);
        const gone = await run('remove', '--domain', 'clientco.example');
        expect(gone.code).toBe(1);
        expect(JSON.parse(gone.stdout).error.code).toBe('not-found');
      },
    );
  });
}
