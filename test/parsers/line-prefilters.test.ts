import { describe, expect, it } from 'vitest';
import {
  findEmails,
  findUrls,
  hasEmail,
  isRuleLine,
  looksLikeAddress,
  looksLikeName,
  mayHaveCjk,
  mayHaveOtherScript,
  wordCount,
} from '../../parsers/lines.ts';
import { findPhoneSpans } from '../../parsers/phones.ts';
import { capLines } from '../../parsers/budget.ts';

// The cheap checks that skip the line regexes must never skip a line the regexes would accept.
describe('line feature shortcuts', () => {
  it('counts words across every whitespace that trim and \\s know, the same as splitting', () => {
    const spaces = ['\t', '\u000b', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff'];
    for (const s of spaces) {
      const line = `${s}Jane${s}${s}Doe ${s}CEO${s}`;
      expect(wordCount(line)).toBe(line.trim().split(/\s+/).length);
    }
    expect(wordCount(' \u3000 ')).toBe(0);
    expect(wordCount('a\u200bb')).toBe(1); // a zero-width space is no whitespace
  });

  it('still finds a scheme URL without a dot and a host without a scheme', () => {
    expect(findUrls('see http://intranet/wiki').map((u) => u.text)).toEqual(['http://intranet/wiki']);
    expect(findUrls('web: example.dk').map((u) => u.text)).toEqual(['example.dk']);
    expect(findUrls('no links here at all')).toEqual([]);
  });

  it('finds a bare host under the country codes businesses sign with, not a script file name', () => {
    const texts = (l: string) => findUrls(l).map((u) => u.text);
    expect(texts('alseefgrand.ae/meetings')).toEqual(['alseefgrand.ae/meetings']);
    expect(texts('seabridgelogistics.in | +91 22 5550 4127')).toEqual(['seabridgelogistics.in']);
    expect(texts('acme.com.sg')).toEqual(['acme.com.sg']);
    expect(texts('run deploy.sh then build.py')).toEqual([]);
    expect(texts('acme.company')).toEqual([]);
  });

  it('still finds plain and spelled-out addresses, and nothing on a line without a dot', () => {
    expect(findEmails('mail jane.doe@example.com now')).toEqual(['jane.doe@example.com']);
    expect(findEmails('jdoe at example.com')).toEqual(['jdoe at example.com']);
    expect(hasEmail('jdoe at example.com')).toBe(true);
    expect(findEmails('E: jane.doe at example.com | T: 555 0101')).toEqual(['jane.doe at example.com']);
    // A word after another in a sentence is no obfuscated address.
    expect(hasEmail("Spring range now live – see what's new at thornvale.example")).toBe(false);
    expect(findEmails("see what's new at thornvale.example")).toEqual([]);
    expect(hasEmail('jdoe@localhost')).toBe(false);
  });

  it('still reads addresses without digits: prefectures, wards, countries, Brazilian city/state', () => {
    expect(looksLikeAddress('東京都千代田区')).toBe(true);
    expect(looksLikeAddress('Chiyoda-ku')).toBe(true);
    expect(looksLikeAddress('Germany')).toBe(true);
    expect(looksLikeAddress('Bela Vista - São Paulo - SP')).toBe(true);
    expect(looksLikeAddress('1400 Smith Street')).toBe(true);
    expect(looksLikeAddress('Kind regards')).toBe(false);
    // A city with its postcode and country, an Indian PIN after a dash, an Argentine CPA.
    expect(looksLikeAddress('Makati City 1226, Philippines')).toBe(true);
    expect(looksLikeAddress('Gurugram, Haryana – 122002')).toBe(true);
    expect(looksLikeAddress('C1043AAZ – Ciudad Autónoma de Buenos Aires')).toBe(true);
    expect(looksLikeAddress('Release Train 2024, Planning')).toBe(false);
  });

  it('lets every mark and every letter of the caseless and CJK scripts through to the script patterns', () => {
    const caseless =
      /[\p{M}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Georgian}\p{Script=Ethiopic}]/u;
    const cjk = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    const missed: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if ((caseless.test(ch) && !mayHaveOtherScript(ch)) || (cjk.test(ch) && !mayHaveCjk(ch)))
        missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
    expect(mayHaveCjk('\u{20000}')).toBe(true); // a supplementary ideograph, as a surrogate pair
    // Typographic punctuation of Latin text lets neither through.
    expect(mayHaveOtherScript('Jane Doe – “Sales” ’')).toBe(false);
    expect(mayHaveCjk('Jane Doe – “Sales” ’')).toBe(false);
  });

  it('still reads names and addresses of those scripts', () => {
    expect(looksLikeName('สมชาย ใจดี')).toBe(true);
    expect(looksLikeName('अनिल वर्मा')).toBe(true);
    expect(looksLikeName('山田 太郎')).toBe(true);
    expect(looksLikeAddress('北京市朝阳区')).toBe(true);
    expect(looksLikeAddress('서울특별시 강남구')).toBe(true);
    expect(looksLikeAddress('2-3-1 Marunouchi')).toBe(true);
  });

  it('counts box-drawing and ASCII rule symbols, and no phone comes from fewer than seven digits', () => {
    expect(isRuleLine('━━━━━━━━')).toBe(true);
    expect(isRuleLine('*-----*')).toBe(true);
    expect(isRuleLine('-- AB --')).toBe(false);
    // Japanese frames of geometric shapes and stars.
    expect(isRuleLine('□■□■□■□■□■□■')).toBe(true);
    expect(isRuleLine('◆◇◆◇◆◇◆◇')).toBe(true);
    expect(isRuleLine('★☆★☆★☆')).toBe(true);
    expect(findPhoneSpans('room 12-3456')).toEqual([]);
    expect(findPhoneSpans('call 555-123-4567').map((s) => s.raw)).toEqual(['555-123-4567']);
  });

  it('reads a seven-digit run after a city closing an address line as an Israeli postcode, not a phone', () => {
    expect(findPhoneSpans("רח' הברזל 30, קומה 7, תל אביב 6971000")).toEqual([]);
    expect(findPhoneSpans('P.O.B. 4512, Haifa 3104501, Israel')).toEqual([]);
    // Behind a label it is a number.
    expect(findPhoneSpans('Tel 6971000').map((s) => s.raw)).toEqual(['6971000']);
  });

  it('reads "Tel. No." and "Mobile No." as phone labels, while a bare "No." still names a register number', () => {
    expect(findPhoneSpans('Tel. No.: (02) 8555-0123 loc. 2231').map((s) => s.raw)).toEqual([
      '(02) 8555-0123 loc. 2231',
    ]);
    expect(findPhoneSpans('Mobile No. +63 917 555 0123').map((s) => s.raw)).toEqual(['+63 917 555 0123']);
    expect(findPhoneSpans('Company Reg. No. 2001 0100 0000')).toEqual([]);
  });

  it('caps only the long lines, the last one included', () => {
    expect(capLines('ab\ncd', 3)).toBe('ab\ncd');
    expect(capLines('ab\ncdefg', 3)).toBe('ab\ncde');
    expect(capLines('abcdef\ncd', 3)).toBe('abc\ncd');
  });
});
