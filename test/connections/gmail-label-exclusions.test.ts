/**
 * A member excludes a Gmail label by the name they see in Gmail ("Clients"), although Gmail messages carry
 * label ids (`Label_1`): a real harvest through the local Google (documented labels.list and messages wire
 * formats) keeps out what is labelled with it or with one of its sublabels, whatever case the member typed,
 * and asks for the label names once per run, not per message or page, and not at all in a mailbox without
 * labels of its own.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startGoogleServer, type FakeMessage, type GoogleServer } from '../fakes/google-server.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger, noProgress } from '../../src/log.ts';
import { runHarvest } from '../../src/harvest/run.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { addExclusion, removeExclusion } from '../../src/connections/exclusions.ts';
import { parseSecretKey } from '../../src/secrets/index.ts';
import { memberWeb } from '../helpers/member-web.ts';

const KEY = randomBytes(32).toString('hex');

const signed = (name: string, email: string, company: string, labelIds: string[]): FakeMessage => ({
  headers: [
    ['From', `${name} <${email}>`],
    ['To', 'member@studio.example'],
    ['Subject', 'next steps'],
    ['Date', 'Wed, 04 Nov 2026 11:00:00 +0000'],
    ['Message-ID', `<${email.split('@')[0]}@labels.test>`],
  ],
  text: `Sounds good.\n\nBest regards,\n${name}\nAccount Director\n${company}\nTel: +1 415 555 ${1000 + ((email.length * 379) % 9000)}`,
  labelIds,
});

let g: GoogleServer;
beforeAll(async () => {
  g = await startGoogleServer();
});
afterAll(() => g.close());

describe('Gmail label exclusions by name', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase('sqlite');
  });
  afterEach(async () => t.dispose());

  const config = () => loadConfig({ ...g.env(), SIGMINE_SECRET_KEY: KEY });
  const labelCalls = (who: string) =>
    g.requests.filter((r) => r.user === who && r.path === '/gmail/v1/users/me/labels').length;
  const profiles = async () =>
    (await t.db.selectFrom('profiles').select('email').orderBy('email').execute()).map((r) => r.email);

  async function connect(who: string) {
    const { refreshToken } = g.addUser(who);
    const { connection } = await registerConnection(
      t.db,
      // One message per page: the label names must still be asked for once per run.
      { contributorEmail: who, kind: 'gmail', account: who, config: { pageSize: 1 }, secret: refreshToken },
      parseSecretKey(KEY),
    );
    return connection;
  }

  it('a label excluded by its name keeps out its messages and its sublabels’ messages, with one labels.list per run', async () => {
    const who = 'member@studio.example';
    const c = await connect(who);
    const clients = g.addLabel(who, 'Clients');
    const acme = g.addLabel(who, 'Clients/Acme');
    const travel = g.addLabel(who, 'Travel');
    g.addMessage(who, signed('Quinn Abara', 'quinn@clientco.example', 'ClientCo', ['INBOX', clients]));
    g.addMessage(who, signed('Ada Stone', 'ada@acme-corp.example', 'Acme Corp', ['INBOX', acme]));
    g.addMessage(who, signed('Tom Reyes', 'tom@airline.example', 'Airline Inc', ['INBOX', travel]));
    g.addMessage(who, signed('Uma Vance', 'uma@supplier.example', 'Supplier LLC', ['INBOX']));
    // Typed as the member remembers it, not as Gmail spells it.
    const rule = await addExclusion(t.db, who, { kind: 'folder', connectionId: c.id, value: 'clients' });
    const env = { db: t.db, config: config(), logger: silentLogger, progress: noProgress, holder: 'labels' };

    const first = await runHarvest(env, [c.id]);
    expect(first.results[0]!.code).toBeNull();
    expect(await profiles()).toEqual(['tom@airline.example', 'uma@supplier.example']);
    expect(labelCalls(who)).toBe(1);
    expect(
      g.requests.filter((r) => r.user === who && r.path === '/gmail/v1/users/me/messages').length,
    ).toBeGreaterThanOrEqual(4); // four pages, one labels.list

    // Sharing again: Clients' mail comes in when the mailbox is read again from the start.
    await removeExclusion(t.db, who, { id: rule.id });
    await t.db.updateTable('connections').set({ cursor_json: null }).where('id', '=', c.id).execute();
    await runHarvest(env, [c.id]);
    expect(await profiles()).toEqual([
      'ada@acme-corp.example',
      'quinn@clientco.example',
      'tom@airline.example',
      'uma@supplier.example',
    ]);
    expect(labelCalls(who)).toBe(2); // once more for the second run
  });

  it('a mailbox whose messages carry only Gmail’s own labels costs no labels.list', async () => {
    const who = 'plain@studio.example';
    const c = await connect(who);
    g.addMessage(who, signed('Uma Vance', 'uma@supplier.example', 'Supplier LLC', ['INBOX', 'IMPORTANT']));
    await addExclusion(t.db, who, { kind: 'folder', connectionId: c.id, value: 'Clients' });
    const env = { db: t.db, config: config(), logger: silentLogger, progress: noProgress, holder: 'labels' };
    await runHarvest(env, [c.id]);
    expect(await profiles()).toEqual(['uma@supplier.example']);
    expect(labelCalls(who)).toBe(0);
  });

  it('a system label is matched by its id, which is its name', async () => {
    const who = 'starred@studio.example';
    const c = await connect(who);
    g.addMessage(who, signed('Uma Vance', 'uma@supplier.example', 'Supplier LLC', ['INBOX', 'STARRED']));
    g.addMessage(who, signed('Tom Reyes', 'tom@airline.example', 'Airline Inc', ['INBOX']));
    await addExclusion(t.db, who, { kind: 'folder', connectionId: c.id, value: 'Starred' });
    const env = { db: t.db, config: config(), logger: silentLogger, progress: noProgress, holder: 'labels' };
    await runHarvest(env, [c.id]);
    expect(await profiles()).toEqual(['tom@airline.example']);
  });
});

describe('the exclusions page for sources without folders', () => {
  it('offers folder rules only on sources with folders and says Outlook is read from the Inbox only', async () => {
    const t = await freshDatabase('sqlite');
    try {
      const who = 'both@studio.example';
      const gmail = await registerConnection(
        t.db,
        { contributorEmail: who, kind: 'gmail', account: who, secret: 'r' },
        parseSecretKey(KEY),
      );
      const outlook = await registerConnection(
        t.db,
        { contributorEmail: who, kind: 'outlook', account: who, secret: 'r' },
        parseSecretKey(KEY),
      );
      const { PUBLIC, app, post, signIn } = memberWeb(t, KEY);
      const cookie = await signIn(who);

      const page = await (
        await app.request(`${PUBLIC}/member/exclusions`, { headers: { Cookie: cookie } })
      ).text();
      const options = [...page.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]);
      expect(options).toEqual([gmail.connection.id]);
      expect(page).toContain('Outlook sources are read from the Inbox only');
      expect(page).toContain('the label&#39;s name, &quot;Clients&quot;');

      // A folder rule on the Outlook source anyway (an old form, the CLI): kept, and the member is told.
      const added = await (
        await post(
          '/member/exclusions',
          { kind: 'folder', connection: outlook.connection.id, value: 'Clients' },
          cookie,
        )
      ).text();
      expect(added).toContain('Excluded Clients');
      expect(added).toMatch(/class="flash">[^<]*Outlook sources are read from the Inbox only/);
    } finally {
      await t.dispose();
    }
  });
});
