import { describe, expect, it } from 'vitest';
import { extractFields } from '../../parsers/fields.ts';
import { textCells, splitCells, readRows } from '../../parsers/fields/cells.ts';
import { secondVersionCells } from '../../parsers/fields/versions.ts';

describe('a block written twice, in two scripts', () => {
  it('reads the title and unit from the first version, not the translation under it', () => {
    const c = extractFields(
      [
        'د. سلمى الحسيني',
        'مديرة العقود، وحدة البحوث السريرية',
        'مستشفى الأمل الجامعي',
        'جوال: +20 100 555 1270',
        'Dr. Salma Elhusseiny',
        'Contracts Manager, Clinical Research Unit',
        'salma.elhusseiny@amaluh.example',
      ],
      { name: 'Salma Elhusseiny', email: 'salma.elhusseiny@amaluh.example' },
    );
    expect([c.name, c.title, c.department]).toEqual(['سلمى الحسيني', 'مديرة العقود', 'وحدة البحوث السريرية']);
  });

  it("takes no unit from the second version's title line", () => {
    const c = extractFields(
      [
        'د. سلمى الحسيني',
        'مديرة العقود',
        'مستشفى الأمل الجامعي',
        'جوال: +20 100 555 1270',
        'Dr. Salma Elhusseiny',
        'Contracts Manager, Clinical Research Unit',
        'Amal University Hospital',
        'salma.elhusseiny@amaluh.example',
      ],
      { name: 'Salma Elhusseiny', email: 'salma.elhusseiny@amaluh.example' },
    );
    expect([c.title, c.department, c.company]).toEqual(['مديرة العقود', null, 'مستشفى الأمل الجامعي']);
  });

  it('reads an Urdu title in English words written in Urdu letters, the English version dropped', () => {
    const c = extractFields(
      ['عمران بھٹی', 'چیف ایگزیکٹو', 'Imran Bhatti', 'Chief Executive', 'Cell: +92 300 555 6620'],
      { name: 'Imran Bhatti', email: 'imran@loomcraft.example' },
    );
    expect([c.name, c.title]).toEqual(['عمران بھٹی', 'چیف ایگزیکٹو']);
  });

  const rows: [string, string[], string[]][] = [
    // what, block lines, the cells left out
    [
      'the second name and its title; the address and the firm kept',
      [
        'محمد عمران',
        'چیف ایگزیکٹو',
        'Muhammad Imran',
        'Chief Executive | Chenab Loom Craft (Pvt.) Ltd.',
        'Sargodha Road, Faisalabad, Pakistan',
      ],
      ['Muhammad Imran', 'Chief Executive'],
    ],
    ['a block written once', ['Jan Nowak', 'Kierownik Sprzedaży', 'Tektura Sp. z o.o.'], []],
    // An English firm's name in a Russian block is no second version: no name line in Latin letters.
    [
      'a firm named in the other script',
      ['Иван Петров', 'Директор', 'Baltic Bulk Stevedoring AS', 'Tallinn'],
      [],
    ],
    // Only the name in the first script: nothing to translate.
    ['a name in two scripts, then one version', ['陳家豪', 'Kelvin Chan', 'Senior Loss Adjuster'], []],
  ];
  for (const [what, lines, want] of rows)
    it(`leaves out ${want.length === 0 ? 'nothing' : want.join(', ')}: ${what}`, () => {
      const texts = textCells(splitCells(readRows(lines)));
      expect(secondVersionCells(texts, 0).map((j) => texts[j]!.text)).toEqual(want);
    });
});
