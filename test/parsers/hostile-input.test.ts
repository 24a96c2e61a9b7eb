import { describe, expect, it } from 'vitest';
import { extractRaw } from '../../parsers/extract.ts';
import { MAX_MESSAGE_BYTES } from '../../parsers/budget.ts';
import { matchesDomain } from '../../parsers/fields/company.ts';

const head = 'From: Eve Mallory <eve@attacker.example>\nMessage-ID: <h@x>\n';
const msg = (headers: string, body: string | Buffer) =>
  Buffer.concat([Buffer.from(headers + '\n'), typeof body === 'string' ? Buffer.from(body) : body]);

/** Runs extractRaw and returns the result with the wall time it took. */
function timed(bytes: Uint8Array) {
  const t = performance.now();
  const r = extractRaw(bytes, 'hostile.eml');
  return { r, ms: performance.now() - t };
}

describe('hostile input', () => {
  it('handles a 1 MB single-line body and a 1 MB From header without hanging', () => {
    const { r } = timed(
      msg(head + 'Content-Type: text/plain\n', 'a'.repeat(1024 * 1024) + '\n\nEve Mallory\nCTO\n'),
    );
    expect(r.from.email).toBe('eve@attacker.example');
    expect(['unreadable', null]).toContain(r.discarded);
    const { r: r2 } = timed(msg(`From: ${'<'.repeat(1024 * 1024)}x@y.example\n`, 'hi\n'));
    expect(r2.discarded === 'no-sender' || r2.discarded === 'unreadable').toBe(true);
  });

  it('compares a line of many repeated words with a domain label they could spell in many ways', () => {
    // The company step asks whether the sender's domain spells some of a line's words in order: each (position,
    // word) pair is tried once, not every subsequence of the words (2^40 here).
    const cell = `Abab ${Array(40).fill('ab').join(' ')}`;
    expect(matchesDomain(cell, [`abab${'ab'.repeat(30)}x`])).toBe(false);
    expect(matchesDomain(cell, [`abab${'ab'.repeat(30)}`])).toBe(true);
  });

  it('reports a message over 50 MiB as unreadable with the size in the reason', () => {
    const big = Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x61);
    Buffer.from(head + '\n').copy(big);
    const { r } = timed(big);
    expect(r.discarded).toBe('unreadable');
    expect(r.reason).toMatch(/50 MiB budget/);
  });

  it('reads the text of a 45 MB message without decoding its attachment', () => {
    const attachment = Buffer.alloc(45 * 1024 * 1024, 0x41);
    const bytes = Buffer.concat([
      Buffer.from(
        head +
          'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nSee attached.\n\nEve Mallory\nChief Technology Officer\nMallory Labs Ltd.\nTel. +44 20 7946 0000\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n',
      ),
      attachment,
      Buffer.from('\n--b--\n'),
    ]);
    const { r } = timed(bytes);
    expect(r.discarded).toBeNull();
    expect(r.signature?.lines ?? []).toContain('Chief Technology Officer');
  });

  it('stops at deeply nested multiparts with a clear reason', () => {
    let body = 'deep text\n';
    for (let i = 0; i < 200; i++)
      body = `--b${i}\nContent-Type: ${i === 0 ? 'text/plain' : `multipart/mixed; boundary="b${i - 1}"`}\n\n${body}\n--b${i}--\n`;
    const { r } = timed(msg(head + 'Content-Type: multipart/mixed; boundary="b199"\n', body));
    expect(r.discarded).toBe('unreadable');
    expect(r.reason).toMatch(/nesting deeper than 32/);
    expect(r.from.email).toBe('eve@attacker.example');
    expect(r.messageId).toBe('<h@x>');
  });

  it('stops at a message with thousands of MIME parts', () => {
    const parts = Array.from({ length: 5000 }, () => '--b\nContent-Type: image/png\n\nx\n').join('');
    const { r } = timed(msg(head + 'Content-Type: multipart/mixed; boundary="b"\n', parts + '--b--\n'));
    expect(r.discarded).toBe('unreadable');
    expect(r.reason).toMatch(/more than 2000 MIME parts/);
  });

  it('stays linear when many parts name boundaries that never appear, in front of a large tail', () => {
    const siblings = Array.from(
      { length: 1500 },
      (_, i) => `--b\nContent-Type: multipart/mixed; boundary="missing${i}"\n\nx\n`,
    ).join('');
    const bytes = Buffer.concat([
      Buffer.from(
        head + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nHello.\n',
      ),
      Buffer.from(siblings),
      Buffer.from('--b\nContent-Type: application/octet-stream\n\n'),
      Buffer.alloc(12 * 1024 * 1024, 0x41),
      Buffer.from('\n--b--\n'),
    ]);
    const { r } = timed(bytes);
    expect(r.reason).toBeUndefined();
    expect(r.discarded).toBeNull();
  });

  it('reports binary garbage as unreadable', () => {
    const garbage = Buffer.alloc(200_000);
    let x = 12345;
    for (let i = 0; i < garbage.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      garbage[i] = x >>> 24;
    }
    garbage[0] = 0x00;
    const { r } = timed(garbage);
    expect(r.discarded).toBe('unreadable');
    expect(r.reason).toMatch(/header block/);
  });

  it('survives regex bait: long runs of digits, spaces, dots, @ and unclosed HTML tags', () => {
    const bait = [
      '1'.repeat(50_000),
      ' '.repeat(50_000) + 'x',
      'a.'.repeat(30_000) + '@',
      '@'.repeat(30_000),
      'Tel: ' + '+1 (2'.repeat(10_000),
      'http://' + 'a.'.repeat(20_000),
      '-- '.repeat(20_000),
    ].join('\n');
    const { r } = timed(msg(head + 'Content-Type: text/plain\n', `hello\n\n${bait}\n`));
    expect(r.from.email).toBe('eve@attacker.example');
    const html =
      '<div class="gmail_signature">' + '<div '.repeat(100_000) + '<td>'.repeat(50_000) + '&#'.repeat(50_000);
    const { r: r2 } = timed(msg(head + 'Content-Type: text/html\n', html));
    expect(r2.from.email).toBe('eve@attacker.example');
  });

  it('never throws on truncated MIME or broken encodings', () => {
    const cases = [
      head +
        'Content-Type: multipart/alternative; boundary="zz"\n\n--zz\nContent-Type: text/plain\n\ntruncated',
      head + 'Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!not base64***\n',
      head +
        'Content-Type: text/plain; charset=x-no-such-charset\nContent-Transfer-Encoding: quoted-printable\n\n=ZZ=4=\n',
      head + 'Content-Type: multipart/mixed\n\nno boundary\n',
      'From: =?utf-8?B?####?= <a@b.example>\n\nbody',
    ];
    for (const c of cases) expect(() => extractRaw(Buffer.from(c))).not.toThrow();
  });
});
