// Case-insensitive lexicon patterns tested on the lower-cased line (parsers/lexicon/caseless.ts) must
// answer exactly as the pattern as written, whatever the line holds.
import { describe, expect, it } from 'vitest';
import { alt } from '../../parsers/lexicon/index.ts';
import { caseless, caselessMatch, lowerCasedSource } from '../../parsers/lexicon/caseless.ts';
import { startsWithUnitWord } from '../../parsers/department.ts';

const TITLE = String.raw`(?<![\p{L}\p{N}_])(?:${alt('titleNouns')})(?![\p{L}\p{N}_])`;
const VALEDICTION = String.raw`^[\s>*_-]*(?:${alt('valedictions')})(?![\p{L}\p{N}_])[\s,.!:;،-]*$`;
const FUNCTION_WORD = `(?:^|[\\s-])(?:${alt('functions')})(?=$|[\\s,])`;
const STREET = String.raw`\b\d{1,6}[a-z]?,? [A-Za-z .'-]{0,40}\b(?:${alt('streetWords')})\b\.?`;

/** Letters whose case folding is not their lower case, or that fold across scripts or to two letters. */
const TRICKY = [
  'ſ',
  '\u212a',
  'İ',
  'ı',
  'µ',
  'ẞ',
  'ß',
  'ς',
  'Σ',
  '\u2126',
  'Ÿ',
  'ÿ',
  '\u212b',
  'ǅ',
  'Ꭰ',
  'ꭰ',
  'ﬀ',
  'Ａ',
];

describe('a case-insensitive pattern tested on the lower-cased line', () => {
  const lines = [
    'Senior Sales Manager',
    'SENIOR SALES MANAGER',
    'Vertriebsleiterin',
    'Satış Müdürü',
    'SATIŞ MÜDÜRÜ',
    'генеральный директор',
    'ГЕНЕРАЛЬНЫЙ ДИРЕКТОР',
    'Directeur général – Acme',
    '営業部長',
    'Hello there, how are you?',
    '1400 Smith STREET, Houston',
    '12 rue des Lilas',
    'Υπεύθυνος Πωλήσεων',
    'ΥΠΕΥΘΥΝΟΣ ΠΩΛΗΣΕΩΝ',
    'Με εκτίμηση,',
    'Giám đốc Kinh doanh',
    'GIÁM ĐỐC',
    'Trân trọng,',
    'Președinte',
    'Cu stimă,',
    'İyi günler',
    'iyi günler',
    'Best regards,',
  ];
  const withTricky = lines.flatMap((l) => TRICKY.flatMap((t) => [`${t}${l}`, l.replace(/[sSkKiI]/, t)]));

  it.each([
    ['title nouns (iu)', TITLE, 'iu' as const],
    ['street words (i)', STREET, 'i' as const],
    ['valedictions (iu)', VALEDICTION, 'iu' as const],
  ])('answers as the pattern as written: %s', (_name, source, flags) => {
    const written = new RegExp(source, flags);
    const fast = caseless(source, flags);
    for (const line of [...lines, ...withTricky]) expect(fast.test(line), line).toBe(written.test(line));
  });

  it('cuts the same first match from the line as exec of the pattern as written', () => {
    const written = new RegExp(FUNCTION_WORD, 'i');
    const fast = caselessMatch(FUNCTION_WORD, 'i');
    const heads = [
      'Mid-Market SALES',
      'Head of HR',
      'Inbound Operations EMEA',
      'Vertrieb Nord',
      'Make It Happen',
    ];
    for (const line of [...heads, ...lines, ...withTricky])
      expect(fast.match(line), line).toBe(written.exec(line)?.[0] ?? null);
    expect(fast.match('Head of HR')).toBe(' HR');
  });

  it('reads a unit word at the start of a cell only', () => {
    expect(startsWithUnitWord('Department of Physics')).toBe(true);
    expect(startsWithUnitWord('(Department of Physics)')).toBe(true);
    expect(startsWithUnitWord('Ufficio Tecnico')).toBe(true);
    expect(startsWithUnitWord('Physics Department')).toBe(false);
  });

  it('finds a title noun whatever its case, and none in prose', () => {
    const title = caseless(TITLE, 'iu');
    expect(title.test('SENIOR SALES MANAGER')).toBe(true);
    expect(title.test('ГЕНЕРАЛЬНЫЙ ДИРЕКТОР')).toBe(true);
    expect(title.test('Hello there, how are you?')).toBe(false);
    // Under /iu the long s folds to s: "Conſultant" is a consultant, as the written pattern says.
    expect(title.test('Conſultant')).toBe(true);
  });

  it('keeps a pattern as written when lower-casing could change what it matches', () => {
    expect(lowerCasedSource(String.raw`(?<word>Manager)\k<word>`, true)).toBeNull();
    expect(lowerCasedSource(String.raw`\p{Lu}\p{Ll}+ Manager`, true)).toBeNull();
    expect(lowerCasedSource(String.raw`[À-Þ]anager`, true)).toBeNull();
    expect(lowerCasedSource(String.raw`\u0041cme`, true)).toBeNull();
    // A letter that a simple one matches case-insensitively: the Kelvin sign (k), capital sharp s (ß), ſ (S).
    expect(lowerCasedSource('\u212aelvin', true)).toBeNull();
    expect(lowerCasedSource('Gro\u1e9ee', true)).toBeNull();
    expect(lowerCasedSource('\u017fir', true)).toBeNull();
    expect(lowerCasedSource(String.raw`[A-Z]{2} Manager\.`, false)).toBe(String.raw`[a-z]{2} manager\.`);
    // Greek, Vietnamese, Romanian and Turkish letters that no simple letter matches stay as written.
    expect(lowerCasedSource('Υπεύθυνος|Giám đốc|Președinte|(?:i|İ)yi', true)).toBe(
      'Υπεύθυνος|giám đốc|președinte|(?:i|İ)yi',
    );
  });
});
