/**
 * The IMAP connector against a real Dovecot (test/helpers/dovecot.ts): read-only, incremental, and the
 * signature survives the partial fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.ts';
import { createImapConnector } from '../../connectors/imap/index.ts';
import { connectorFactory } from '../../connectors/registry.ts';
import { extractMinimal, extractRaw } from '../../parsers/extract.ts';
import { parseRaw, toMinimal } from '../../parsers/message.ts';
import { loadConfig } from '../../src/config.ts';
import type { ConnectionInfo, Connector, ConnectorEvent, Cursor, Page } from '../../connectors/types.ts';
import type { ImapMinimalMessage } from '../../connectors/imap/message.ts';

const USER = 'alice@acme.example';
const PASS = 'correct horse battery staple';
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus', 'dev');
const config = loadConfig({});

interface Gold {
  file: string;
  has_signature: boolean;
  signature_lines: string[];
}

let server: DovecotServer;
const gold: Gold[] = existsSync(join(CORPUS, 'gold.jsonl'))
  ? readFileSync(join(CORPUS, 'gold.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Gold)
  : [];
if (gold.length === 0)
  process.stderr.write(
    `\n*** corpus not found at ${CORPUS}: corpus checks use the hand-made fixtures only ***\n`,
  );

const quoted = Array.from(
  { length: 600 },
  (_, i) => `> earlier thread line ${i} with SECRET-HISTORY words to pad it out`,
).join('\r\n');
/** Apple Mail style: inline images split the text into several text/plain parts; the signature is the 6th. */
const inlinePieces = (() => {
  const part = (text: string) => [
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Disposition: inline',
    '',
    text,
    '',
  ];
  const image = [
    '--b',
    'Content-Type: image/png; name=p.png',
    'Content-Disposition: inline; filename=p.png',
    'Content-Transfer-Encoding: base64',
    '',
    'iVBORw0KGgo=',
    '',
  ];
  return [
    'From: Ines Amaral <ines.amaral@tejo-ceramics.example>',
    `To: ${USER}`,
    'Subject: samples',
    'Message-ID: <inline-pieces@tejo-ceramics.example>',
    'Date: Wed, 04 Nov 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary=b',
    '',
    ...part('Here are the glazes we discussed:'),
    ...image,
    ...part('Blue first,'),
    ...image,
    ...part('then green,'),
    ...image,
    ...part('then the matte white.'),
    ...image,
    ...part('Prices follow next week.'),
    ...image,
    ...part('Ines Amaral\nExport Manager | Tejo Ceramics Lda\n+351 21 000 0421'),
    '--b--',
    '',
  ].join('\r\n');
})();

const handMade = {
  longReply: [
    'From: "Dana Whitfield" <dana.whitfield@northwind.example>',
    `To: ${USER}`,
    'Subject: Re: pallet quote',
    'Message-ID: <long-reply@northwind.example>',
    'Date: Tue, 03 Nov 2026 10:15:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Works for us, see you Thursday.',
    '',
    'Dana Whitfield',
    'Head of Logistics | Northwind Freight GmbH',
    'Tel +49 30 1234 5678',
    '',
    'On Mon, Nov 2, 2026 at 9:00 AM Alice <alice@acme.example> wrote:',
    quoted,
    '',
  ].join('\r\n'),
  latin1Qp: [
    'From: =?iso-8859-1?Q?Ren=E9_M=FCller?= <rene.mueller@brasserie.example>',
    `To: ${USER}`,
    'Subject: =?iso-8859-1?Q?Caf=E9?=',
    'Message-ID: <qp@brasserie.example>',
    'Date: Wed, 04 Nov 2026 08:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mix"',
    '',
    '--mix',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=iso-8859-1',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Merci =93beaucoup=94 pour le devis =80 1200.',
    '',
    'Ren=E9 M=FCller',
    'Directeur commercial, Brasserie du Nord SARL',
    '+33 1 23 45 67 89',
    '--alt',
    'Content-Type: text/html; charset=iso-8859-1',
    '',
    '<p>html version</p>',
    '--alt--',
    '--mix',
    'Content-Type: application/pdf; name="quote.pdf"',
    'Content-Disposition: attachment; filename="quote.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4 ATTACHMENT-BYTES-NEVER-READ').toString('base64'),
    '--mix--',
    '',
  ].join('\r\n'),
  htmlBase64: [
    'From: Kenji Sato <k.sato@kaisha.example>',
    `To: ${USER}`,
    'Message-ID: <html@kaisha.example>',
    'Date: Thu, 05 Nov 2026 01:00:00 +0900',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(
      '<html><body><div>Thanks, will do.</div><br><div id="Signature"><div>Kenji Sato</div><div>Senior Engineer, Kaisha Robotics K.K.</div><div>+81 3 1234 5678</div></div></body></html>',
    )
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n'),
    '',
  ].join('\r\n'),
  sent: [
    `From: Alice Example <${USER}>`,
    'To: Dana Whitfield <dana.whitfield@northwind.example>',
    'Message-ID: <sent-1@acme.example>',
    'Date: Mon, 02 Nov 2026 09:00:00 +0000',
    'Content-Type: text/plain',
    '',
    'Can you quote 20 pallets?',
    '',
  ].join('\r\n'),
  trash: [
    'From: Spam Person <spam@trash.example>',
    `To: ${USER}`,
    'Message-ID: <trash@x>',
    '',
    'TRASHED-BODY',
    '',
  ].join('\r\n'),
};

const FLAG_SETS = [
  [],
  ['\\Seen'],
  ['\\Flagged'],
  ['\\Seen', '\\Answered', '$Label1'],
  ['\\Draft'],
  ['\\Seen', '\\Flagged', 'Custom'],
];

function conn(extra: Record<string, unknown> = {}, secret = PASS): ConnectionInfo {
  return {
    id: 'c1',
    kind: 'imap',
    account: USER,
    config: {
      host: server.host,
      port: server.port,
      tls: false,
      insecurePlaintext: true,
      user: USER,
      ...extra,
    },
    secret,
  };
}

interface Run {
  pages: Page[];
  messages: ImapMinimalMessage[];
  cursor: Cursor;
  commands: string[];
  events: ConnectorEvent[];
  apiCalls: number;
}

async function harvest(
  cursor: Cursor | null,
  extra: Record<string, unknown> = {},
  since?: Date,
): Promise<Run> {
  const commands: string[] = [];
  const events: ConnectorEvent[] = [];
  const record = (o: unknown) => {
    const e = o as { src?: string; msg?: string };
    if (e && e.src === 'c' && typeof e.msg === 'string') commands.push(e.msg);
  };
  const logger = { debug: record, info: record, warn: () => {}, error: () => {} };
  const connector: Connector = createImapConnector(
    conn(extra),
    { endpoints: config, onEvent: (e) => events.push(e) },
    { makeClient: (o) => new ImapFlow({ ...o, logger }) },
  );
  const pages: Page[] = [];
  try {
    for await (const p of connector.pages(cursor, since ? { since } : {})) pages.push(p);
  } finally {
    await connector.close();
  }
  return {
    pages,
    messages: pages.flatMap((p) => p.messages) as ImapMinimalMessage[],
    cursor: pages[pages.length - 1]!.cursor,
    commands,
    events,
    apiCalls: connector.stats().apiCalls,
  };
}

async function allFlags(): Promise<Record<string, string[]>> {
  const c = await server.client(USER, PASS);
  const out: Record<string, string[]> = {};
  try {
    for (const box of ['INBOX', 'Sent', 'Trash', 'Archive']) {
      const lock = await c.getMailboxLock(box, { readOnly: true });
      try {
        const rows = await c.fetchAll('1:*', { uid: true, flags: true }, { uid: true }).catch(() => []);
        for (const r of rows) out[`${box}:${r.uid}`] = [...(r.flags ?? [])].sort();
      } finally {
        lock.release();
      }
    }
  } finally {
    await c.logout();
  }
  return out;
}

const corpusRaw = gold.map((g) => readFileSync(join(CORPUS, g.file)));
let first: Run;

beforeAll(async () => {
  server = await startDovecot({ [USER]: PASS });
  const inbox = [handMade.longReply, handMade.latin1Qp, handMade.htmlBase64, ...corpusRaw, inlinePieces];
  await server.append(
    USER,
    PASS,
    'INBOX',
    inbox.map((raw, i) => ({ raw, flags: FLAG_SETS[i % FLAG_SETS.length] })),
  );
  await server.append(USER, PASS, 'Sent', [{ raw: handMade.sent, flags: ['\\Seen'] }]);
  await server.append(USER, PASS, 'Trash', [{ raw: handMade.trash }]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('IMAP harvest from a real Dovecot', () => {
  it('reads INBOX and Sent in pages of at most 100, skipping Trash, and leaves every flag exactly as it was', async () => {
    const before = await allFlags();
    first = await harvest(null);
    const after = await allFlags();
    expect(after).toEqual(before);
    expect(Object.values(before).some((f) => !f.includes('\\Seen'))).toBe(true); // unseen messages stayed unseen
    const expected = 3 + corpusRaw.length + 1 + 1; // + Sent + the inline-pieces message
    expect(first.messages).toHaveLength(expected);
    for (const p of first.pages) expect(p.messages.length).toBeLessThanOrEqual(100);
    expect(first.pages[first.pages.length - 1]!.done).toBe(true);
    expect(first.pages.slice(0, -1).every((p) => !p.done)).toBe(true);
    expect(first.messages.some((m) => m.sourceId.startsWith('Sent:'))).toBe(true);
    expect(first.messages.some((m) => m.tail.includes('TRASHED-BODY'))).toBe(false);
  }, 60_000);

  it('never sends a command that could change the mailbox, and opens folders only with EXAMINE', () => {
    const verbs = first.commands.map((c) =>
      c
        .replace(/^\S+\s+/, '')
        .split(/\s+/)
        .slice(0, 2)
        .join(' ')
        .toUpperCase(),
    );
    expect(verbs.some((v) => v.startsWith('EXAMINE'))).toBe(true);
    for (const v of verbs)
      expect(v).not.toMatch(
        /^(SELECT|STORE|UID STORE|COPY|UID COPY|MOVE|UID MOVE|EXPUNGE|UID EXPUNGE|APPEND|DELETE|RENAME|CREATE)\b/,
      );
    const fetches = first.commands.filter((c) => /FETCH/i.test(c));
    expect(fetches.length).toBeGreaterThan(0);
    for (const f of fetches) {
      expect(f).not.toMatch(/BODY\[/i); // always BODY.PEEK
      expect(f).not.toMatch(/RFC822(?!\.SIZE)|BODY\.PEEK\[\]|BODY\.PEEK\[TEXT\]/i); // never whole messages
    }
    expect(fetches.some((f) => /BODY\.PEEK\[[\d.]+\]<0\.\d+>/i.test(f))).toBe(true);
    expect(fetches.some((f) => /HEADER\.FIELDS/i.test(f) && !/SUBJECT/i.test(f))).toBe(true);
  });

  it('keeps the signature at the top of a long reply and drops the quoted history', () => {
    const m = first.messages.find((x) => x.headers['message-id'] === '<long-reply@northwind.example>')!;
    expect(m.tail).toContain('Head of Logistics | Northwind Freight GmbH');
    expect(m.tail).not.toContain('SECRET-HISTORY');
    expect(m.headers.from).toBe('"Dana Whitfield" <dana.whitfield@northwind.example>');
    expect(m.headers.subject).toBeUndefined();
    expect(m.date).toBe('2026-11-03T10:15:00.000Z');
  });

  it('reads a signature in the sixth inline text part, as the parser does from the file', () => {
    const m = first.messages.find(
      (x) => x.headers['message-id'] === '<inline-pieces@tejo-ceramics.example>',
    )!;
    expect(m.tail).toContain('Export Manager | Tejo Ceramics Lda');
    expect(m.tail).toBe(toMinimal(parseRaw(Buffer.from(inlinePieces)), 'x').tail);
  });

  it('decodes quoted-printable Latin-1 with Windows-1252 punctuation and RFC 2047 names, never touching the attachment', () => {
    const m = first.messages.find((x) => x.headers['message-id'] === '<qp@brasserie.example>')!;
    expect(m.headers.from).toBe('René Müller <rene.mueller@brasserie.example>');
    expect(m.tail).toContain('René Müller');
    expect(m.tail).toContain('Merci “beaucoup” pour le devis € 1200.');
    expect(m.tail).not.toContain('html version');
    expect(m.tail).not.toContain('PDF');
  });

  it('turns a base64 HTML-only message into text lines and passes the marked signature block on', () => {
    const m = first.messages.find((x) => x.headers['message-id'] === '<html@kaisha.example>')!;
    expect(m.tail).toContain('Senior Engineer, Kaisha Robotics K.K.');
    expect(m.tail).not.toContain('<div');
    expect(m.signatureHint ?? '').toContain('Kenji Sato');
  });

  it.skipIf(gold.length === 0)(
    'gives every corpus message the same extract result as reading its file',
    async () => {
      const inboxMsgs = first.messages.filter((m) => m.sourceId.startsWith('INBOX:'));
      let signed = 0;
      for (let i = 0; i < gold.length; i++) {
        // INBOX UIDs are 1-based in APPEND order: three hand-made messages, then the corpus.
        const m = inboxMsgs.find((x) => x.sourceId.endsWith(`:${i + 4}`))!;
        const fromFile = extractRaw(corpusRaw[i]!);
        expect(extractMinimal(m), gold[i]!.file).toEqual(fromFile);
        if (fromFile.signature) signed++;
      }
      expect(signed).toBeGreaterThan(50);
    },
    60_000,
  );

  it('fetches nothing on a second harvest with no new mail', async () => {
    const again = await harvest(first.cursor);
    expect(again.messages).toHaveLength(0);
    expect(again.commands.filter((c) => /FETCH|SEARCH/i.test(c))).toEqual([]);
    expect(again.cursor).toEqual(first.cursor);
  });

  it('picks up only the new message when one arrives', async () => {
    await server.append(USER, PASS, 'INBOX', [{ raw: handMade.sent.replace('sent-1', 'new-1') }]);
    const again = await harvest(first.cursor);
    expect(again.messages.map((m) => m.headers['message-id'])).toEqual(['<new-1@acme.example>']);
    first = { ...first, cursor: again.cursor };
  });

  it('reads a mailbox again from the start when its UIDVALIDITY changed', async () => {
    const c = await server.client(USER, PASS);
    await c.mailboxDelete('Sent');
    await c.mailboxCreate('Sent');
    await c.logout();
    await server.append(USER, PASS, 'Sent', [{ raw: handMade.sent.replace('sent-1', 'sent-2') }]);
    const old = (first.cursor.mailboxes as Record<string, { uidValidity: string }>).Sent!;
    const again = await harvest(first.cursor);
    expect(again.events).toContainEqual({ type: 'resync', reason: 'UIDVALIDITY of Sent changed' });
    expect(again.messages.map((m) => m.headers['message-id'])).toEqual(['<sent-2@acme.example>']);
    const now = (again.cursor.mailboxes as Record<string, { uidValidity: string; lastUid: number }>).Sent!;
    expect(now.uidValidity).not.toBe(old.uidValidity);
    expect(now.lastUid).toBe(1);
  });

  it('saves a cursor per page, so a run stopped after the first page resumes where it stopped', async () => {
    const firstPage = (await harvest(null)).pages[0]!;
    const resumed = await harvest(firstPage.cursor);
    const full = await harvest(null);
    const ids = (r: Page[]) => r.flatMap((p) => p.messages.map((m) => m.sourceId));
    expect([...firstPage.messages.map((m) => m.sourceId), ...ids(resumed.pages)].sort()).toEqual(
      ids(full.pages).sort(),
    );
  }, 60_000);

  it('reports a wrong password as revoked and a closed port as unavailable', async () => {
    const bad = createImapConnector({ ...conn(), secret: 'wrong' }, { endpoints: config });
    await expect(async () => {
      for await (const _ of bad.pages(null)) void _;
    }).rejects.toMatchObject({ name: 'ConnectorError', code: 'revoked' });
    await bad.close();
    const closed = createImapConnector({ ...conn({ port: 1 }) }, { endpoints: config });
    await expect(async () => {
      for await (const _ of closed.pages(null)) void _;
    }).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('reads extra folders when configured, and with --since only mail received since that day', async () => {
    const archived = (id: string) => handMade.sent.replace('sent-1', id);
    await server.append(USER, PASS, 'Archive', [
      { raw: archived('old-archive'), internalDate: new Date('2019-05-01T10:00:00Z') },
      { raw: archived('new-archive'), internalDate: new Date('2026-10-01T10:00:00Z') },
    ]);
    const all = await harvest(null, { mailboxes: ['Archive'] });
    expect(
      all.messages
        .filter((m) => m.sourceId.startsWith('Archive:'))
        .map((m) => m.headers['message-id'])
        .sort(),
    ).toEqual(['<new-archive@acme.example>', '<old-archive@acme.example>']);
    const recent = await harvest(null, { mailboxes: ['Archive'] }, new Date('2026-01-01T00:00:00Z'));
    expect(
      recent.messages.filter((m) => m.sourceId.startsWith('Archive:')).map((m) => m.headers['message-id']),
    ).toEqual(['<new-archive@acme.example>']);
    // imapflow sends SINCE, or YOUNGER seconds where the server has WITHIN (RFC 5032).
    expect(recent.commands.some((c) => /SEARCH .*(SINCE|YOUNGER)/i.test(c))).toBe(true);
  });

  it('reads a 5 MB one-line message and a 120-level nested multipart within budget without stopping the others', async () => {
    const c = await server.client(USER, PASS);
    await c.mailboxCreate('Hostile');
    await c.logout();
    let nested = 'Content-Type: text/plain\r\n\r\nDeep Signature Line\r\n';
    for (let i = 0; i < 120; i++)
      nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--\r\n`;
    await server.append(USER, PASS, 'Hostile', [
      {
        raw: `From: Deep <deep@corp.example>\r\nMessage-ID: <deep@corp.example>\r\nMIME-Version: 1.0\r\n${nested}`,
      },
      {
        raw: `From: Big <big@corp.example>\r\nMessage-ID: <big@corp.example>\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(5_000_000)}\r\n`,
      },
      { raw: handMade.sent.replace('sent-1', 'after-hostile') },
    ]);
    const r = await harvest(null, { mailboxes: ['Hostile'] });
    const hostile = r.messages.filter((m) => m.sourceId.startsWith('Hostile:'));
    expect(hostile.map((m) => m.headers['message-id'])).toEqual([
      '<deep@corp.example>',
      '<big@corp.example>',
      '<after-hostile@acme.example>',
    ]);
    for (const m of hostile) expect(m.tail.length).toBeLessThanOrEqual(8 * 1024);
    // Only heads of parts cross the wire: no partial fetch asks for more than 64 KiB.
    const sizes = r.commands.flatMap((x) => [...x.matchAll(/<0\.(\d+)>/g)].map((g) => Number(g[1])));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024);
  });

  it('skips a message whose FETCH response the client rejects and still reads the rest of the page', async () => {
    const POISON = 2; // the hand-made Latin-1 message in INBOX
    const events: ConnectorEvent[] = [];
    const connector = createImapConnector(
      conn(),
      { endpoints: config, onEvent: (e) => events.push(e) },
      {
        makeClient: (o) => {
          const real = new ImapFlow(o);
          const fetchAll = real.fetchAll.bind(real);
          // Fault injection at the library boundary: imapflow's parser refusing one message's response.
          real.fetchAll = (async (range: string, q: unknown, opt: unknown) => {
            if (
              String(range).split(',').map(Number).includes(POISON) &&
              (q as { bodyStructure?: boolean }).bodyStructure
            ) {
              throw Object.assign(new Error('Unexpected token'), { code: 'ParserError3' });
            }
            return fetchAll(range, q as never, opt as never);
          }) as typeof real.fetchAll;
          return real;
        },
      },
    );
    const ids: string[] = [];
    for await (const p of connector.pages(null)) ids.push(...p.messages.map((m) => m.sourceId));
    await connector.close();
    const inbox = ids.filter((x) => x.startsWith('INBOX:'));
    expect(inbox.some((x) => x.endsWith(`:${POISON}`))).toBe(false);
    expect(inbox.some((x) => x.endsWith(':1')) && inbox.some((x) => x.endsWith(':3'))).toBe(true);
    expect(inbox).toHaveLength(first.messages.filter((m) => m.sourceId.startsWith('INBOX:')).length); // one more (new-1) since the first harvest, one skipped
    expect(events).toContainEqual({ type: 'retry', attempt: 1, code: 'skipped-unreadable-message' });
  });

  it('stops between pages when the harvest is aborted', async () => {
    const ac = new AbortController();
    const connector = createImapConnector(conn(), { endpoints: config });
    const seen: Page[] = [];
    await expect(async () => {
      for await (const p of connector.pages(null, { signal: ac.signal })) {
        seen.push(p);
        ac.abort(new Error('stop now'));
      }
    }).rejects.toThrow('stop now');
    await connector.close();
    expect(seen).toHaveLength(1);
  });

  it('is found in the connector registry and rejects a cursor from another provider', async () => {
    const f = await connectorFactory('imap');
    const c = f.create(conn(), { endpoints: config });
    await expect(async () => {
      for await (const _ of c.pages({ kind: 'gmail', v: 1, historyId: '5' })) void _;
    }).rejects.toMatchObject({ code: 'bad-input' });
    await c.close();
  });
});
