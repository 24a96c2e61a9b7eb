/**
 * The privacy center's export as a vCard, and dates that never single out a contributor (issue 11 §4): the
 * .vcf download holds the person's own contact data only, escaped as RFC 6350 says and folded at 75 octets,
 * and is logged as an access request like the JSON one (looking at the page is not); where fewer than three
 * members saw a value, its dates show by month in the page and in both downloads. SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { addMember, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import { escapeText, exportToVCard, foldLine } from '../../src/privacy/vcard.ts';
import type { OutgoingNotice } from '../../src/notices/transport.ts';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { sameOriginForms } from '../helpers/member-web.ts';

const PUBLIC = 'http://privacy.test';
const KEY = 'f'.repeat(64);
const config = loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: KEY });
const PAT = 'pat.lee@acme-robotics.com';

/** RFC 6350 §3.2 unfolding: a CRLF followed by one space or tab disappears. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('vCard formatting (RFC 6350)', () => {
  it('escapes backslash, comma, semicolon and newlines in text values', () => {
    expect(escapeText('Acme, Inc.; R&D\\Labs\r\nfloor 2')).toBe('Acme\\, Inc.\\; R&D\\\\Labs\\nfloor 2');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character, and unfolds to the original', () => {
    const line = `TITLE:${'Directrice générale adjointe — ventes Europe du Nord, Ørestad & Malmö '.repeat(3)}`;
    const folded = foldLine(line);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(line);
  });

  it('makes one card per profile, with only the contact fields, and none when nothing is held', () => {
    const card = exportToVCard({
      exportedAt: '2026-12-06T10:11:12.000Z',
      profiles: [
        {
          email: PAT,
          name: 'Pat Lee',
          company: 'Acme, Inc.',
          department: 'R;D',
          phones: [US_PHONE, { type: 'mobile', e164: null, raw: '0171 55 55' }],
          provenance: [{ field: 'name', value: 'Pat Lee', source: 'signature' }],
        },
      ],
    });
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(card).toContain('FN:Pat Lee\r\n');
    expect(card).toContain('ORG:Acme\\, Inc.;R\\;D\r\n');
    expect(card).toContain('TEL;VALUE=uri;TYPE="work,voice":tel:+12125550142\r\n');
    expect(card).toContain('TEL;VALUE=text;TYPE="cell":0171 55 55\r\n');
    expect(card).toContain('REV:20261206T101112Z\r\n');
    expect(card).not.toContain('signature');
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
    expect(exportToVCard({ profiles: [] })).toBe('');
  });
});

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`the vCard download and month-only dates on ${dialect}`, () => {
    let t: TestDatabase;
    let sent: OutgoingNotice[];
    let mails: ReturnType<typeof createMailQueue>;
    let app: ReturnType<typeof createApp>;
    beforeEach(async () => {
      t = await freshDatabase(dialect);
      sent = [];
      mails = createMailQueue(silentLogger);
      app = createApp({
        database: t,
        config,
        transport: {
          name: 'memory',
          async send(n) {
            sent.push(n);
            return { providerMessageId: `<${sent.length}@t>` };
          },
        },
        mailQueue: mails,
      });
    });
    afterEach(async () => t.dispose());

    const { post, get } = sameOriginForms(() => app, PUBLIC);
    async function session(): Promise<string> {
      await post('/privacy/link', { email: PAT });
      await mails.idle();
      const m = /\/privacy\/me\?t=(\S+)/.exec(sent.at(-1)!.body)!;
      const open = await post('/privacy/open', { t: decodeURIComponent(m[1]!) });
      return open.headers.get('set-cookie')!.split(';')[0]!;
    }
    const exportRequests = async () =>
      (await t.db.selectFrom('privacy_requests').select('kind').where('kind', '=', 'export').execute())
        .length;

    /** Pat's title seen by `n` members on different days; the company by one member only. */
    async function seed(n: number) {
      for (let i = 0; i < n; i++) {
        const m = await addMember(t.db, `m${i}`);
        const day = `2026-10-0${i + 1}T08:00:00.000Z`;
        const fields =
          i === 0
            ? { name: 'Pat Lee', title: 'VP Engineering', company: 'Acme, Inc.', phones: [US_PHONE] }
            : { name: 'Pat Lee', title: 'VP Engineering' };
        await ingest(t.db, m, [signed(`<p${i}@x>`, PAT, day, fields)], '2026-11-01T00:00:00.000Z', KEY);
      }
    }

    it('downloads the vCard with only their own data, logged as an access request like the JSON; viewing the page is not', async () => {
      await seed(1);
      const cookie = await session();
      const page = await (await get('/privacy/me', cookie)).text();
      expect(page).toContain('href="/privacy/export.vcf"');
      expect(await exportRequests()).toBe(0);

      const res = await get('/privacy/export.vcf', cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/vcard/);
      expect(res.headers.get('content-disposition')).toContain('.vcf');
      const card = unfold(await res.text());
      expect(card).toContain('FN:Pat Lee\r\n');
      expect(card).toContain('TITLE:VP Engineering\r\n');
      expect(card).toContain('ORG:Acme\\, Inc.\r\n');
      expect(card).toContain(`EMAIL;TYPE=work;PREF=1:${PAT}\r\n`);
      expect(card).toContain('tel:+12125550142');
      expect(card).not.toContain('members.example.org'); // never a contributor
      expect(await exportRequests()).toBe(1);
      await get('/privacy/export.json', cookie);
      expect(await exportRequests()).toBe(2);
      expect((await app.request(`${PUBLIC}/privacy/export.vcf`)).status).toBe(403);
    });

    it('shows dates by month where fewer than three members saw a value, by day from three on', async () => {
      await seed(3);
      const cookie = await session();
      const data = (await (await get('/privacy/export.json', cookie)).json()) as {
        profiles: Array<{ firstSeen: string; provenance: Array<Record<string, string | number>> }>;
      };
      const rows = data.profiles[0]!.provenance;
      const title = rows.find((r) => r.field === 'title')!;
      const company = rows.find((r) => r.field === 'company')!;
      expect(title.corroboration).toBe(3);
      expect(title.firstSeen).toMatch(/^2026-10-01T/);
      expect(company.corroboration).toBe(1);
      expect(company.firstSeen).toBe('2026-10');
      expect(company.lastSeen).toBe('2026-10');
      expect(data.profiles[0]!.firstSeen).toMatch(/^2026-10-01T/); // three members saw Pat

      const page = await (await get('/privacy/me', cookie)).text();
      expect(page).toContain('2026-10-01');
      // The company's provenance row: by month; the title's (three members): by day.
      const tableRows = [...page.replace(/&#39;/g, "'").matchAll(/<tr>(?:(?!<\/tr>).)*<\/tr>/gs)].map(
        (m) => m[0],
      );
      const dated = (v: string) => tableRows.filter((r) => r.includes(v) && r.includes('2026-10'));
      expect(dated('Acme, Inc.')).toHaveLength(1);
      expect(dated('Acme, Inc.')[0]).not.toMatch(/2026-10-\d\d/);
      expect(dated('VP Engineering')[0]).toMatch(/2026-10-01/);
    });

    it.skipIf(dialect !== 'sqlite')(
      '`sigmine privacy export EMAIL --vcard` prints the card and logs the request',
      async () => {
        await seed(1);
        const r = await runCli(['privacy', 'export', PAT, '--vcard'], {
          env: cleanEnv({ SIGMINE_DATABASE: t.url, SIGMINE_SECRET_KEY: KEY }),
        });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
        expect(unfold(r.stdout)).toContain('ORG:Acme\\, Inc.\r\n');
        expect(await exportRequests()).toBe(1);
      },
    );

    it('shows the profile dates by month too when one member alone saw the person', async () => {
      await seed(1);
      const cookie = await session();
      const data = (await (await get('/privacy/export.json', cookie)).json()) as {
        profiles: Array<{ firstSeen: string; lastSeen: string; provenance: Array<{ firstSeen: string }> }>;
      };
      const p = data.profiles[0]!;
      expect([p.firstSeen, p.lastSeen]).toEqual(['2026-10', '2026-10']);
      expect(p.provenance.every((r) => /^\d{4}-\d{2}$/.test(r.firstSeen))).toBe(true);
      const page = await (await get('/privacy/me', cookie)).text();
      expect(page).not.toMatch(/2026-10-0\d/);
    });
  });
}
