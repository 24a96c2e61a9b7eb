import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRaw, toMinimal } from '../../parsers/message.ts';
import { decodeText, decodeWords } from '../../parsers/charset.ts';
import { htmlToText } from '../../parsers/html-to-text.ts';
import { TAIL_CHARS } from '../../parsers/budget.ts';
import { parseAddress } from '../../parsers/sender-class.ts';
import { extractRaw } from '../../parsers/extract.ts';
import { gmailToMinimal } from '../../connectors/gmail/message.ts';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'mail', name));
const minimal = (name: string) => toMinimal(parseRaw(fixture(name)), name);

describe('message decoding', () => {
  it('decodes a Latin-1 body and keeps only the newest part of a German reply', () => {
    const m = minimal('german-reply-latin1.eml');
    expect(m.tail).toContain('Geschäftsführerin');
    expect(m.tail).toContain('Hauptstraße 21');
    expect(m.tail).not.toContain('Mehlhandel Wendt');
  });

  it('reads a body declared UTF-8 that is really windows-1252, and its lying encoded-word display name', () => {
    const m = minimal('lying-charset-utf8-is-cp1252.eml');
    expect(m.headers.from).toBe('José García Peña <jose.garcia@termicas-ibericas.example>');
    expect(m.tail).toContain('Soluciones Térmicas Ibéricas S.L.');
    expect(m.tail).toContain('Móvil: +34 612 34 56 78');
    expect(m.tail).not.toContain('\uFFFD');
  });

  it('composes the combining tone marks of a windows-1258 (Vietnamese) body', () => {
    // "Trưởng phòng" in windows-1258: ư = 0xFD, "ở" = ơ (0xF5) + U+0309 (0xD2), then ng ph, "ò" = o + U+0300 (0xCC).
    const bytes = Uint8Array.from([
      0x54, 0x72, 0xfd, 0xf5, 0xd2, 0x6e, 0x67, 0x20, 0x70, 0x68, 0x6f, 0xcc, 0x6e, 0x67,
    ]);
    expect(decodeText(bytes, 'windows-1258')).toBe('Trưởng phòng'.normalize('NFC'));
    expect(decodeText(bytes, 'windows-1258').length).toBe(12);
  });

  it('decodes a 7-bit ISO-2022-JP body (Japanese mail), which is all ASCII bytes on the wire', () => {
    // 「課長」 and 「株式会社」 in ISO-2022-JP: ESC $ B ... ESC ( B around JIS X 0208 pairs.
    const jis = '\x1b$B2]D9\x1b(B\r\n\x1b$B3t<02q<R\x1b(B\r\n';
    const raw = Buffer.from(
      'From: =?ISO-2022-JP?B?GyRCOWI2NhsoQiAbJEJCZ0plGyhC?= <d.takahashi@minato.example>\r\n' +
        'To: a@b.example\r\nSubject: test\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n' +
        jis,
      'latin1',
    );
    const m = toMinimal(parseRaw(raw), 'jis.eml');
    expect(m.tail).toContain('課長');
    expect(m.tail).toContain('株式会社');
    expect(m.headers.from).toContain('高橋 大輔');
  });

  it('keeps mostly-UTF-8 text readable when one byte sequence is broken', () => {
    const body = Buffer.concat([
      Buffer.from('Grüße aus München, Straße 5, Größe L, Äpfel und Öl\n'),
      Buffer.from([0xc3]),
      Buffer.from('\nJürgen\n'),
    ]);
    const p = parseRaw(
      Buffer.concat([Buffer.from('From: a@b.example\nContent-Type: text/plain; charset=utf-8\n\n'), body]),
    );
    expect(p.text).toContain('Grüße aus München');
    expect(p.text).toContain('Jürgen');
  });

  it('reads raw UTF-8 headers and a body without a declared charset', () => {
    const m = minimal('raw-utf8-headers-no-charset.eml');
    expect(m.headers.from).toContain('Päivi Jääskeläinen');
    expect(m.tail).toContain('Myyntipäällikkö');
  });

  it('decodes base64 UTF-8 bodies and RFC 2047 B-encoded names', () => {
    const m = minimal('french-reply-base64.eml');
    expect(m.headers.from).toBe('Étienne Lefèvre <e.lefevre@atelier-lefevre.example>');
    expect(m.tail).toContain('Tél. : +33 4 72 00 12 34');
    expect(m.tail).not.toContain('Maison Martin');
  });

  it('joins adjacent encoded-words without the space between them and keeps split multi-byte characters', () => {
    expect(decodeWords('=?UTF-8?B?w4l0aWVu?= =?UTF-8?B?bmU=?= Lef=?x?')).toBe('Étienne Lef=?x?');
    // "ü" (C3 BC) split over two Q words
    expect(decodeWords('=?utf-8?Q?M=C3?= =?utf-8?Q?=BCller?=')).toBe('Müller');
    expect(decodeWords('plain "Name" <a@b.example>')).toBe('plain "Name" <a@b.example>');
  });

  it('keeps an encoded display name with a comma as one name', () => {
    const m = toMinimal(
      parseRaw(Buffer.from('From: =?utf-8?Q?M=C3=BCller=2C_Hans?= <hans@firm.example>\n\nhi\n')),
      'x',
    );
    expect(m.headers.from).toBe('"Müller, Hans" <hans@firm.example>');
    expect(parseAddress(m.headers.from)).toEqual({ name: 'Müller, Hans', email: 'hans@firm.example' });
  });

  it('turns HTML-only Outlook mail into lines and exposes the Signature block as a hint', () => {
    const p = parseRaw(fixture('html-only-outlook-de.eml'));
    expect(p.textKind).toBe('html');
    const lines = p.text.split('\n');
    expect(lines).toContain('Vertriebsleiter Süd');
    expect(lines).toContain('Industriestraße 7, 80939 München');
    expect(lines).toContain('anbei unser Angebot für die Kesselanlage & Montage.');
    expect(p.text).not.toContain('MsoNormal');
    // The unlinked logo image shows no text: it is no line.
    expect(p.signatureHint?.split('\n')).toEqual([
      'Jürgen Köhler',
      'Vertriebsleiter Süd',
      'Kessel-Technik GmbH',
      'Industriestraße 7, 80939 München',
      'Tel.: +49 89 4520 1180',
      'Fax: +49 89 4520 1199',
      'www.kessel-technik.example',
    ]);
  });

  it('prefers the text/plain alternative and takes the Gmail signature of the newest message only', () => {
    const p = parseRaw(fixture('gmail-alternative-reply.eml'));
    expect(p.textKind).toBe('plain');
    expect(p.signatureHint).toBe(
      "Marco Bianchi\nResponsabile commerciale\nVetreria Lago S.r.l.\nVia dell'Industria 12, 22100 Como\nTel. +39 031 123 4567\nCell. +39 333 123 4567",
    );
  });

  it('takes the classic Outlook _MailAutoSig bookmark of the newest message, not a signature in the quoted part', () => {
    const p = parseRaw(fixture('outlook-desktop-mailautosig.eml'));
    expect(p.signatureHint).toBe(
      'Marcus Webb, P.E.\nDirector, Transmission Planning\nBrightwater Energy LLC\nOffice: (617) 555-0175',
    );
  });

  it('uses the RFC 3676 "-- " delimiter as a hint when there is no HTML marker', () => {
    const m = minimal('german-reply-latin1.eml');
    expect(m.signatureHint?.split('\n')[0]).toBe('Sabine Huber');
    expect(m.signatureHint).toContain('Mobil +49 171 5550 123');
  });

  it('joins inline text parts of multipart/mixed and never decodes the attachment', () => {
    const p = parseRaw(fixture('mixed-signature-part-and-attachment.eml'));
    expect(p.text).toContain('Spec sheet attached');
    expect(p.text).toContain('Operations Manager');
    expect(p.text).not.toContain('PDF');
    expect(p.text.length).toBeLessThan(400);
  });

  it('treats a named text part that is not marked inline as an attached file', () => {
    const p = parseRaw(
      Buffer.from(
        'From: a@b.example\nContent-Type: multipart/mixed; boundary="q"\n\n--q\nContent-Type: text/plain\n\nBody text\n' +
          '--q\nContent-Type: text/plain; name="notes.txt"\n\nsecret notes\n--q--\n',
      ),
    );
    expect(p.text).toBe('Body text');
  });

  it('hands on only selected headers (never the subject) and a bounded tail', () => {
    const m = minimal('outlook-reply-en.eml');
    expect(Object.keys(m.headers).sort()).toEqual(['date', 'from', 'message-id', 'to', 'x-mailer']);
    expect(m.date).toBe('2024-03-12T09:14:20.000Z');
    const big = Buffer.concat([
      Buffer.from('From: A B <a@b.example>\nContent-Type: text/plain\n\n'),
      Buffer.from('x'.repeat(80) + '\n').subarray(0, 81),
      Buffer.from(('lorem ipsum dolor sit amet '.repeat(3) + '\n').repeat(2000)),
      Buffer.from('A B\nChief Tester\n'),
    ]);
    const t = toMinimal(parseRaw(big), 'big');
    expect(t.tail.length).toBeLessThanOrEqual(TAIL_CHARS);
    expect(t.tail.endsWith('Chief Tester\n') || t.tail.endsWith('Chief Tester')).toBe(true);
  });

  it('keeps table cells and list items on their own lines and decodes entities', () => {
    expect(
      htmlToText(
        '<table><tr><td>A&nbsp;B</td><td>T: 1 &amp; 2</td></tr></table><ul><li>x</li><li>y&#233;</li></ul>',
      ),
    ).toBe('A B\nT: 1 & 2\nx\nyé');
    expect(htmlToText('<p>a<script>var x="<p>b</p>";</script>c</p><!-- <p>hidden</p> -->')).toBe('ac');
  });

  describe('a plain part that stops at a bare sign-off while the HTML part carries the block', () => {
    const plain = 'Hi Jo,\n\nThe revised quote is attached.\n\nKind regards,\n';
    const block = ['Mara Quint', 'Bid Manager', 'Tallowmere Civil Pty Ltd', 'Tel: 02 5550 4411'];
    const html = (after: string[]) =>
      `<html><body><p>Hi Jo,</p><p>The revised quote is attached.</p><p>Kind regards,</p>${after.map((l) => `<div>${l}</div>`).join('')}</body></html>`;
    const eml = (htmlBody: string) =>
      Buffer.from(
        [
          'From: Mara Quint <mara.quint@tallowmere.example>',
          'To: jo@client.example',
          'Subject: Quote',
          'MIME-Version: 1.0',
          'Content-Type: multipart/alternative; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain; charset=utf-8',
          '',
          plain,
          '--b',
          'Content-Type: text/html; charset=utf-8',
          '',
          htmlBody,
          '--b--',
          '',
        ].join('\r\n'),
      );

    it('reads the block from the HTML part (a server-side signature tool, a CRM), in files and from Gmail', () => {
      const r = extractRaw(eml(html(block)));
      expect(r.signature?.lines).toEqual(block);
      expect(r.contact?.company).toBe('Tallowmere Civil Pty Ltd');
      const b64 = (t: string) => Buffer.from(t).toString('base64url');
      const m = gmailToMinimal({
        id: 'g1',
        payload: {
          mimeType: 'multipart/alternative',
          headers: [{ name: 'From', value: 'Mara Quint <mara.quint@tallowmere.example>' }],
          parts: [
            { mimeType: 'text/plain', body: { data: b64(plain) } },
            { mimeType: 'text/html', body: { data: b64(html(block)) } },
          ],
        },
      });
      expect(m.tail).toContain('Tallowmere Civil Pty Ltd');
    });

    it('keeps the plain part when the HTML part adds only a name under the sign-off, or the plain part goes on', () => {
      expect(extractRaw(eml(html(['Mara']))).signature).toBeNull();
      expect(toMinimal(parseRaw(eml(html(['Mara']))), 'x').tail).not.toContain('Mara');
    });
  });
});
