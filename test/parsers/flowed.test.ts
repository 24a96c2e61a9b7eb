// format=flowed (RFC 3676) plain text, as Thunderbird, Apple Mail and many list clients send it: soft line
// breaks are joined and space-stuffing removed before the signature search, on every path a text takes.
import { describe, expect, it } from 'vitest';
import { unflow } from '../../parsers/flowed.ts';
import { extractRaw } from '../../parsers/extract.ts';
import { partText } from '../../connectors/gmail/message.ts';
import { buildMinimal, chooseTextParts } from '../../connectors/imap/message.ts';

const FLOWED_BODY = [
  'Hi Sam,',
  '',
  'The revised drawings are attached; the survey crew can be on site on ',
  'Tuesday morning.',
  '',
  'The boundary pins are confirmed.',
  '',
  '-- ',
  'Priya Raman, P.Eng.',
  'Project Surveyor',
  'Northshore Geomatics Ltd.',
  '  Suite 410, 88 Harbour Road, Halifax, NS B3H ',
  '4R2',
  '  T 902-555-0181 | C 902-555-0117',
  '',
].join('\r\n');

const message = (contentType: string) =>
  Buffer.from(
    [
      'From: Priya Raman <priya.raman@northshore-geo.example>',
      'To: Sam Okoro <sam@harbourworks.example>',
      'Subject: Re: survey',
      'Date: Tue, 03 Mar 2026 09:12:00 -0400',
      'Message-ID: <flowed-1@northshore-geo.example>',
      'MIME-Version: 1.0',
      `Content-Type: ${contentType}`,
      'Content-Transfer-Encoding: 7bit',
      '',
      FLOWED_BODY,
    ].join('\r\n'),
  );

describe('format=flowed text', () => {
  it('joins soft breaks, keeps hard ones and the "-- " delimiter, and removes one stuffed space', () => {
    expect(unflow('one \r\ntwo\r\n-- \r\n  indented\r\n', false)).toBe('one two\n-- \n indented\n');
    expect(unflow('a ver \r\ny long line', true)).toBe('a very long line');
    expect(unflow('> quoted soft \r\n> part\r\n>> deeper\r\nplain', false)).toBe(
      '> quoted soft part\n>> deeper\nplain',
    );
  });

  it('is read as its writer wrote it from a message file: the address wrapped by the client is one line', () => {
    const r = extractRaw(message('text/plain; charset=utf-8; format=flowed'));
    expect(r.signature?.lines).toEqual([
      '--',
      'Priya Raman, P.Eng.',
      'Project Surveyor',
      'Northshore Geomatics Ltd.',
      ' Suite 410, 88 Harbour Road, Halifax, NS B3H 4R2',
      ' T 902-555-0181 | C 902-555-0117',
    ]);
    expect(r.contact?.address).toBe('Suite 410, 88 Harbour Road, Halifax, NS B3H 4R2');
  });

  it('is left alone without the parameter (fixed lines stay as sent)', () => {
    const r = extractRaw(message('text/plain; charset=utf-8'));
    expect(r.signature?.lines).toContain('4R2');
  });

  it('is unflowed by the Gmail connector (its part headers carry the parameter)', () => {
    const text = partText({
      mimeType: 'text/plain',
      headers: [{ name: 'Content-Type', value: 'text/plain; charset="UTF-8"; format=flowed; delsp=yes' }],
      body: { data: Buffer.from('Wrapped by the cli \r\nent here\r\nNext').toString('base64url') },
    });
    expect(text).toBe('Wrapped by the client here\nNext');
  });

  it('is unflowed by the IMAP connector (BODYSTRUCTURE carries the parameter into the rebuilt part)', () => {
    const parts = chooseTextParts({
      type: 'text/plain',
      parameters: { charset: 'utf-8', format: 'flowed' },
      encoding: '7bit',
      size: FLOWED_BODY.length,
    });
    const m = buildMinimal({
      sourceId: 'INBOX/1',
      headers: Buffer.from(
        'From: Priya Raman <priya.raman@northshore-geo.example>\r\nSubject: Re: survey\r\nMessage-ID: <flowed-2@northshore-geo.example>\r\n\r\n',
      ),
      texts: [{ part: parts.plain[0]!, raw: Buffer.from(FLOWED_BODY), requested: FLOWED_BODY.length + 1 }],
    });
    expect(m.tail).toContain(' Suite 410, 88 Harbour Road, Halifax, NS B3H 4R2');
  });
});
