// Line features that the signature finder, the line labeller and the field reader share (parsers/lines.ts):
// table-driven cases for the word lists and shapes, including the scripts and record lines of issue 14.
import { describe, expect, it } from 'vitest';
import {
  hasCompanyWord,
  hasEmail,
  hasPhone,
  hasTitleWord,
  isKeyValueRecord,
  isValediction,
  looksLikeAddress,
  looksLikeName,
  splitLines,
} from '../../parsers/lines.ts';
import { extractMinimal } from '../../parsers/extract.ts';

describe('line features', () => {
  it.each([
    ['Gruß', true],
    ['Viele Grüße,', true],
    ['Grüßen aus Köln', false],
    ['Best regards,', true],
    ['Cordialement', true],
    // Two languages on one line, and a valediction with a name after a slash (no valediction line).
    ['Med vennlig hilsen / Kind regards,', true],
    ['Cordialement | Best regards', true],
    ['Regards / Ana', false],
  ])('isValediction(%j) is %s (Unicode word edges)', (line, want) => {
    expect(isValediction(line)).toBe(want);
  });

  it.each([
    ['Partnerübersicht', false],
    ['Leadé', false],
    ['Direktør', true],
    ['ügyvezető', true],
    ['Senior Director', true],
    ['مديرة المبيعات', true],
    ['מנהלת פיתוח עסקי', true],
    ['销售经理', true],
  ])('hasTitleWord(%j) is %s', (line, want) => {
    expect(hasTitleWord(line)).toBe(want);
  });

  it.each([
    ['Co-founder & CEO', false],
    ['Harbour Supply Co.', true],
    ['Valley Growers Co-op', true],
    ['Université Laval', true],
    ['Lindenwerk Ltée', true],
    ['شركة النخيل للتجارة', true],
    ['אורן מערכות בע"מ', true],
    // School systems by their form; a school's own name stays a weak word.
    ['Maple Valley Public Schools', true],
    ['Harlow Unified School District', true],
  ])('hasCompanyWord(%j) is %s', (line, want) => {
    expect(hasCompanyWord(line)).toBe(want);
  });

  it.each([
    ['ليلى حداد', true],
    ['\u200fנועה לוי', true],
    ['مديرة المبيعات', false],
    ['قسم المبيعات', false],
    ['山田太郎', true],
    ['Łukasz Nowak', true],
    ['Žaneta Dvořáková', true],
    ['Иван Петров', true],
    ['Νίκος Παπαδόπουλος', true],
    // Pronouns after the name.
    ['Chris Alvarez (they/them)', true],
    ['Andre Whitfield [he/him]', true],
    ['Chris Alvarez (speaker)', false],
  ])('looksLikeName(%j) is %s', (line, want) => {
    expect(looksLikeName(line)).toBe(want);
  });

  it('reads a span of two years as no phone number, unless a phone label says so', () => {
    expect(hasPhone('~~ Northwind Labs · 1987-2027 · 40 years ~~')).toBe(false);
    expect(hasPhone('Serving the valley 2004 – 2024')).toBe(false);
    expect(hasPhone('Tel. 2019-2024')).toBe(true);
    expect(hasPhone('+1 415 555 0142')).toBe(true);
  });

  it('treats machine-generated KEY = value records as lines without fields', () => {
    for (const line of [
      'CONTACT_PHONE = 713-555-0142',
      'Counterparty = Northwind Trading Inc.',
      'SETTLEMENT_ADDRESS = 1200 Main Street, Houston, TX 77002',
      'notify.email = ops@gridco.example',
    ]) {
      expect(isKeyValueRecord(line)).toBe(true);
      expect([hasPhone(line), hasCompanyWord(line), looksLikeAddress(line), hasEmail(line)]).toEqual([
        false,
        false,
        false,
        false,
      ]);
    }
    expect(isKeyValueRecord('=====================')).toBe(false);
    expect(isKeyValueRecord('Tel: +1 713 555 0142')).toBe(false);
  });

  it('finds no signature in a message that ends with a KEY = value record', () => {
    const tail = [
      'The overnight batch finished with two warnings.',
      '',
      'TRADE_ID = 44721',
      'COUNTERPARTY = Northwind Trading Inc.',
      'DESK = Gas Daily',
      'TRADER = Lena Marsh',
      'CONTACT_PHONE = 713-555-0142',
      'SETTLEMENT_ADDRESS = 1200 Main Street, Houston, TX 77002',
    ].join('\n');
    const r = extractMinimal({
      sourceId: 'kv',
      headers: { from: 'Ops Batch <lena.marsh@gridco.example>' },
      tail,
      date: null,
    });
    expect(r.discarded).toBeNull();
    expect(r.signature).toBeNull();
    expect(r.contact).toBeNull();
  });
});

describe('splitLines', () => {
  it('gives the same lines whatever characters the text holds (Latin-1 lines are copied one-byte)', () => {
    for (const text of [
      'Jo Coe\nSales lead\n\nExample Ltd',
      'Jo Coe\r\nVerkäufer – Example GmbH\r\nMünchen\rtel. 1',
      '“Quoted” line\nplain line\n',
      '',
    ])
      expect(splitLines(text)).toEqual(text.split(/\r?\n|\r/));
  });
});
