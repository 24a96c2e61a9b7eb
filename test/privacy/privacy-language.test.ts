import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { sendQueued } from '../../src/notices/send.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import { addMember, DE_PHONE, signed } from '../helpers/store-fixtures.ts';
import type { NoticeTransport, OutgoingNotice } from '../../src/notices/transport.ts';
import { noticeGate } from '../../src/privacy/notice-gate.ts';
import { testPolicy } from '../helpers/privacy-options.ts';
import { sameOriginForms } from '../helpers/member-web.ts';

const PUBLIC = 'http://privacy.test';
const KEY = 'e'.repeat(64);
const config = loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: KEY });
const ANNA = 'anna.schmidt@beispiel-gmbh.de';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`the privacy center in the notice's language on ${dialect}`, () => {
    let t: TestDatabase;
    let sent: OutgoingNotice[];
    let transport: NoticeTransport;
    let mails: ReturnType<typeof createMailQueue>;
    let app: ReturnType<typeof createApp>;
    beforeEach(async () => {
      t = await freshDatabase(dialect);
      sent = [];
      transport = {
        name: 'memory',
        async send(n) {
          sent.push(n);
          return { providerMessageId: `<${sent.length}@t>` };
        },
      };
      mails = createMailQueue(silentLogger);
      app = createApp({ database: t, config, transport, mailQueue: mails });
      const m = await addMember(t.db, 'ann');
      const item = signed('<n1@x>', ANNA, '2026-10-01T00:00:00Z', {
        name: 'Anna Schmidt',
        title: 'Einkauf',
        phones: [DE_PHONE],
      });
      await t.db.transaction().execute((trx) =>
        ingestPage(
          trx,
          {
            connectionId: m.connectionId,
            contributorId: m.contributorId,
            now: new Date().toISOString(),
            secretKey: KEY,
          },
          [item],
          privacyGate({ policy: testPolicy }),
        ),
      );
    });
    afterEach(async () => t.dispose());

    const { post, get } = sameOriginForms(() => app, PUBLIC);
    async function session(): Promise<string> {
      await post('/privacy/link', { email: ANNA });
      await mails.idle();
      const m = /\/privacy\/me\?t=(\S+)/.exec(sent.at(-1)!.body)!;
      const open = await post('/privacy/open', { t: decodeURIComponent(m[1]!) });
      expect(open.status).toBe(303);
      return open.headers.get('set-cookie')!.split(';')[0]!;
    }

    it('a person whose notice was in German gets the link mail and every page in German, with "pending" and the listing date explained', async () => {
      const cookie = await session();
      const mail = sent.at(-1)!;
      expect(mail).toMatchObject({ language: 'de', subject: 'Ihr Link zum sigmine-Datenschutzcenter' });
      expect(mail.body).toContain('Öffnen Sie diesen Link innerhalb einer Stunde');
      const before = await (await get('/privacy/me', cookie)).text();
      expect(before).toContain('<html lang="de">');
      expect(text(before)).toContain(`Was sigmine über ${ANNA} speichert`);
      expect(text(before)).toContain('ausstehend');
      expect(text(before)).toContain('Ausstehend: nicht im Verzeichnis');
      expect(text(before)).toContain('frühestens 7 Tage nach dem Versand');
      expect(text(before)).toContain('Art. 19 DSGVO');
      expect(before).not.toContain('Correct a field');
      // The notice goes out: the page now gives the day she will be listed.
      await sendQueued(t.db, {
        gate: noticeGate,
        transport,
        policy: loadPolicy({}),
        publicUrl: PUBLIC,
        from: 'p@x',
        now: () => new Date('2026-11-02T00:00:00Z'),
      });
      const after = text(await (await get('/privacy/me', cookie)).text());
      expect(after).toContain('wenn Sie nicht widersprechen, werden Sie am 2026-11-09 veröffentlicht');
      const confirm = text(await (await get('/privacy/erase', cookie)).text());
      expect(confirm).toContain('Ihr Profil löschen?');
      expect(confirm).toContain('Löschungsersuchen (Art. 17 DSGVO)');
      const removed = await (await post('/privacy/erase', {}, cookie)).text();
      expect(removed).toContain('<html lang="de">');
      expect(text(removed)).toContain('Ihr Profil wurde gelöscht');
    });

    it('pages shown before we know who asks follow the browser, and answer the same for a held and an unknown address', async () => {
      const fr = { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' };
      const form = await (await app.request(`${PUBLIC}/privacy`, { headers: fr })).text();
      expect(form).toContain('<html lang="fr">');
      expect(text(form)).toContain('Envoyez-moi un lien');
      const ask = async (email: string) =>
        (
          await app.request(`${PUBLIC}/privacy/link`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PUBLIC, ...fr },
            body: new URLSearchParams({ email }).toString(),
          })
        ).text();
      const known = await ask(ANNA);
      const unknown = await ask('nobody@beispiel-gmbh.de');
      expect(text(known)).toContain('Consultez votre messagerie');
      expect(unknown.replace('nobody@beispiel-gmbh.de', 'X')).toBe(known.replace(ANNA, 'X'));
      // The mail itself is in her notice's language, not the browser's.
      await mails.idle();
      expect(sent.map((s) => [s.to, s.language])).toEqual([[ANNA, 'de']]);
      const en = await (
        await app.request(`${PUBLIC}/privacy`, { headers: { 'Accept-Language': 'ja, *;q=0.1' } })
      ).text();
      expect(en).toContain('<html lang="en">');
    });
  });
}
