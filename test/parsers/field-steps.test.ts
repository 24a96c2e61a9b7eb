// The steps of field extraction (parsers/fields/): each a pure function, tested on its own with a table of
// cells in and fields out, so a rule can be changed and checked where it lives. Invented people, .example domains.
import { describe, expect, it } from 'vitest';
import { cleanLine, readRows, splitCells, textCells, textOf } from '../../parsers/fields/cells.ts';
import { emailsOfCells, phonesOfRows } from '../../parsers/fields/contacts.ts';
import { emptyDraft, type Draft } from '../../parsers/fields/draft.ts';
import { findName, stripName } from '../../parsers/fields/name.ts';
import { addressOf, markAddresses } from '../../parsers/fields/address.ts';
import { readTitles, unitBesideTitle } from '../../parsers/fields/title.ts';
import { chooseCompany, matchesDomain, orgLabels } from '../../parsers/fields/company.ts';

const from = { name: 'Jane Roe', email: 'jane.roe@acme-widgets.example' };
/** Text cells of a block, as extractFields builds them. */
const cellsOf = (lines: string[]) => textCells(splitCells(readRows(lines)));

describe('cells', () => {
  it.each([
    ['Navn:     Henrik Lund', 'Henrik Lund'],
    ['jane@acme.example<mailto:jane@acme.example>', 'jane@acme.example'],
    ['*Jane Roe*', 'Jane Roe'],
    ['[cid:logo.png] Acme', ' Acme'],
    ['TRADE_ID = 44721', ''],
    ['\u200fליאת כהן', 'ליאת כהן'],
  ])('cleanLine(%j) is %j', (line, want) => {
    expect(cleanLine(line)).toBe(want);
  });

  it.each([
    ['Jane Roe | Head of Partnerships | Acme', ['Jane Roe', 'Head of Partnerships', 'Acme']],
    ['Jane Roe ‖ CFO', ['Jane Roe', 'CFO']],
    ['Tel: 0711 1234567   Fax: 0711 1234568', ['Tel: 0711 1234567', 'Fax: 0711 1234568']],
    ['Houston, Texas   77002', ['Houston, Texas   77002']],
  ])('splitCells(%j)', (row, want) => {
    expect(splitCells([row]).map((c) => c.text)).toEqual(want);
  });

  it.each([
    ['T: +1 415 555 0134', ''],
    ['E-mail: jane@acme.example', ''],
    ['Alphacomm.net', 'Alphacomm.net'],
    ['Acme Widgets Inc. – www.acme.example', 'Acme Widgets Inc.'],
  ])('textOf(%j) is %j', (cell, want) => {
    expect(textOf(cell)).toBe(want);
  });
});

describe('contacts', () => {
  it.each([
    [['Tel: 0711 1234567', 'Handy: 0170 7654321'], 'DE', ['work 0711 1234567', 'mobile 0170 7654321']],
    [
      ['Mobile: +1 415 555 0177', '       +1 415 555 0178'],
      'US',
      ['mobile +1 415 555 0177', 'mobile +1 415 555 0178'],
    ],
    [['Ext. 4412'], 'US', ['work 4412']],
    [['3-4412'], 'US', ['work 3-4412']],
    [
      ['Mobile', '+44 7700 900 123', 'F:', '+44 20 7946 0322'],
      'GB',
      ['mobile +44 7700 900 123', 'fax +44 20 7946 0322'],
    ],
    [['Mobile', '+44 20 7946 0321 (office)'], 'GB', ['work +44 20 7946 0321']],
  ] as const)('phonesOfRows(%j)', (rows, region, want) => {
    expect(phonesOfRows([...rows], region).map((p) => `${p.type} ${p.raw}`)).toEqual(want);
  });

  it('emailsOfCells keeps each address once, as first written', () => {
    expect(
      emailsOfCells([
        { row: 0, text: 'Jane.Roe@acme.example' },
        { row: 1, text: 'mailto:jane.roe@acme.example' },
      ]),
    ).toEqual(['Jane.Roe@acme.example']);
  });
});

describe('name', () => {
  it.each([
    ['Dr. Jane Roe', 'Jane Roe'],
    ['Dipl.-Ing. Max Weber', 'Max Weber'],
    ['i. A. Dipl.-Ing. (FH) Max Weber', 'Max Weber'],
    ['Oliver Smythe MRICS', 'Oliver Smythe'],
    ['Ciarán Ó Briain ACA', 'Ciarán Ó Briain'],
    ['JOHN SMITH', 'JOHN SMITH'],
    ['Eng. Faisal Al-Otaibi', 'Faisal Al-Otaibi'],
    ['Engr. Ada Okafor', 'Ada Okafor'],
    ['Tan Wei Ling (Ms)', 'Tan Wei Ling'],
    ['Sam Lee (they/them)', 'Sam Lee'],
    ['Rgds,Rory Quinn', 'Rory Quinn'],
  ])('stripName(%j) is %j', (head, want) => {
    expect(stripName(head)).toBe(want);
  });

  it.each([
    [['Jane Roe', 'CFO'], { name: 'Jane Roe', title: null }],
    [['Jane Roe, CFO, Acme Widgets Inc.'], { name: 'Jane Roe', title: 'CFO', company: 'Acme Widgets Inc.' }],
    [['Jane Roe CFO'], { name: 'Jane Roe', title: 'CFO' }],
    [
      ['Jane Roe - Head of Partnerships - Acme'],
      { name: 'Jane Roe', title: 'Head of Partnerships', company: 'Acme' },
    ],
    [['Acme Widgets Inc.', 'Jane Roe'], { name: 'Jane Roe' }],
    [['Marketing', 'Pat Quill'], { name: null }],
    // findName keeps a rank beside the name aside; the title step makes it the title when no line writes one.
    [['課長 山田 太郎'], { name: '山田 太郎', title: null, rankTitle: '課長' }],
    [['Regards,', 'Jane Roe'], { name: 'Jane Roe' }],
    [['Wei Zhang (张伟)'], { name: 'Wei Zhang (张伟)' }],
    [['佐藤 健一（Kenichi Sato）', 'Sales'], { name: '佐藤 健一（Kenichi Sato）' }],
  ])('findName(%j)', (lines, want) => {
    const r = findName(cellsOf(lines), from, orgLabels(lines, from), emptyDraft());
    expect(r.draft).toMatchObject(want);
  });
});

describe('address', () => {
  it.each([
    [
      ['1400 Smith Street, Suite 2083', 'Houston, Texas 77002'],
      '1400 Smith Street, Suite 2083, Houston, Texas 77002',
    ],
    [['Am Wolfsmantel 33', 'D 91058 Erlangen', 'Germany'], 'Am Wolfsmantel 33, D 91058 Erlangen, Germany'],
    [['Research Director, UK'], null],
    [['1400 Smith, 38th Floor, Legal'], '1400 Smith, 38th Floor'],
    [['A 10 Harbour Exchange Square, London E14 9GE'], '10 Harbour Exchange Square, London E14 9GE'],
    [['A: 10 Harbour Exchange Square, London E14 9GE'], '10 Harbour Exchange Square, London E14 9GE'],
    [
      [
        'Mumbai: 402, Marathon Icon, Lower Parel (W), Mumbai - 400013',
        'Chennai: 2nd Floor, 61 Rajaji Salai, Chennai - 600001',
      ],
      '402, Marathon Icon, Lower Parel (W), Mumbai - 400013, 2nd Floor, 61 Rajaji Salai, Chennai - 600001',
    ],
    [
      ['Sydney: Level 5, 9 Castlereagh Street, Sydney NSW 2000'],
      'Level 5, 9 Castlereagh Street, Sydney NSW 2000',
    ],
  ])('markAddresses + addressOf(%j)', (lines, want) => {
    const texts = cellsOf(lines);
    const m = markAddresses(texts, emptyDraft(), new Set(), []);
    expect(addressOf(texts, m.isAddr, m.draft).address).toBe(want);
  });

  it('gives company and address for "Organisation, City, Country" and leaves its input untouched', () => {
    const texts = cellsOf(['Oracle EMEA, Dublin, Ireland']);
    const draft = emptyDraft();
    const m = markAddresses(texts, draft, new Set(), ['oracle']);
    expect(m.draft).toMatchObject({ company: 'Oracle EMEA', address: 'Dublin, Ireland' });
    expect(draft).toEqual(emptyDraft());
  });
});

describe('title and unit', () => {
  const run = (lines: string[], draft: Draft = emptyDraft()) => {
    const texts = cellsOf(lines);
    const isAddr = texts.map(() => false);
    return readTitles({
      texts,
      isAddr,
      used: new Set(),
      draft,
      nameRow: -1,
      labels: orgLabels(lines, from),
      besideTitle: unitBesideTitle(texts, isAddr, from),
    });
  };
  it.each([
    [
      ['Senior Account Manager, Corporate Banking'],
      { title: 'Senior Account Manager', department: 'Corporate Banking' },
    ],
    [['Research Director, UK'], { title: 'Research Director, UK', department: null }],
    [['Acme Widgets Inc., CFO'], { title: 'CFO' }],
    [['Head of Partnerships at Acme Widgets Inc.'], { title: 'Head of Partnerships' }],
    [['営業部 部長'], { title: '部長', department: '営業部' }],
    [
      ['Gerente de Vendas – Departamento Comercial'],
      { title: 'Gerente de Vendas', department: 'Departamento Comercial' },
    ],
    [['Co-founder & CEO'], { title: 'Co-founder & CEO' }],
    [['Board Chair'], { title: 'Board Chair' }],
    [['Abteilung Einkauf'], { title: null, department: 'Abteilung Einkauf' }],
    [
      ['Abastecimiento Estratégico / Compradora Senior'],
      { title: 'Compradora Senior', department: 'Abastecimiento Estratégico' },
    ],
    [['Sales / Marketing Director'], { title: 'Sales / Marketing Director' }],
    [['Programme Manager | WASH Unit'], { title: 'Programme Manager', department: 'WASH Unit' }],
    [['Inside Sales Manager | OEM Accounts'], { title: 'Inside Sales Manager', department: 'OEM Accounts' }],
    [['Spedytor międzynarodowy'], { title: 'Spedytor międzynarodowy' }],
    [['Directrice commerciale | Sales Director'], { title: 'Directrice commerciale' }],
    [
      ['Chargée des sinistres Transport / Marine Claims Officer'],
      { title: 'Chargée des sinistres Transport' },
    ],
    [['Director / Partner'], { title: 'Director / Partner' }],
    [['General Manager - Exports'], { title: 'General Manager', department: 'Exports' }],
    [['Logistics Coordinator | Warehousing'], { title: 'Logistics Coordinator', department: 'Warehousing' }],
  ])('readTitles(%j)', (lines, want) => {
    expect(run(lines).draft).toMatchObject(want);
  });

  it('hands organisation candidates to the company step', () => {
    expect(run(['Acme Widgets Inc., CFO']).orgCands).toEqual([
      { i: 0, text: 'Acme Widgets Inc.', strong: true, legal: true },
    ]);
    expect(run(['Head of Partnerships at Acme Widgets Inc.']).orgCands[0]?.text).toBe('Acme Widgets Inc.');
  });
});

describe('company', () => {
  it.each([
    ['Acme Widgets', ['acme'], true],
    ['Fleishman-Hillard Saunders', ['fhs'], true],
    ['Northgate Customs Brokerage', ['northgate-customs'], true],
    ['NWL', ['nwl-freight'], true],
    ['Nwl', ['nwl-freight'], false],
    ['FREIGHT', ['nwl-freight'], false],
    ['Harbour Freight', ['acme'], false],
  ])('matchesDomain(%j, %j) is %s', (cell, labels, want) => {
    expect(matchesDomain(cell, labels)).toBe(want);
  });

  it('takes no organisation from a social link host', () => {
    expect(orgLabels(['https://www.linkedin.com/in/jane-roe'], from)).toEqual(['acme-widgets']);
    expect(orgLabels(['http://www.virCIO.Com'], from)).toEqual(['acme-widgets', 'vircio']);
  });

  const choose = (lines: string[]) => {
    const texts = cellsOf(lines);
    const isAddr = texts.map(() => false);
    const labels = orgLabels(lines, from);
    const besideTitle = unitBesideTitle(texts, isAddr, from);
    const t = readTitles({
      texts,
      isAddr,
      used: new Set(),
      draft: emptyDraft(),
      nameRow: -1,
      labels,
      besideTitle,
    });
    return chooseCompany({
      texts,
      isAddr,
      used: t.used,
      draft: t.draft,
      orgCands: t.orgCands,
      looseUnit: t.looseUnit,
      titleRow: t.titleRow,
      labels,
      besideTitle,
    }).draft;
  };
  it.each([
    [['Halcyon Corp. - Global Finance'], { company: 'Halcyon Corp.', department: 'Global Finance' }],
    [['Acme Services', 'Acme Widgets GmbH'], { company: 'Acme Widgets GmbH', department: 'Acme Services' }],
    [['光商事株式会社 営業部'], { company: '光商事株式会社', department: '営業部' }],
    // A company and two unit levels on one cell, the legal form before or after the name.
    [
      ['株式会社星空電機 技術開発本部 ソフトウェア開発部'],
      { company: '株式会社星空電機', department: '技術開発本部 ソフトウェア開発部' },
    ],
    [['华信科技有限公司 研发中心'], { company: '华信科技有限公司', department: '研发中心' }],
    [
      ['Senior Account Executive | Mid-Market Sales', 'Acme Widgets Inc.'],
      { title: 'Senior Account Executive', department: 'Mid-Market Sales', company: 'Acme Widgets Inc.' },
    ],
    [
      ['Max Planck Institute', 'of Cognitive Science'],
      { company: 'Max Planck Institute of Cognitive Science' },
    ],
  ])('chooseCompany(%j)', (lines, want) => {
    expect(choose(lines)).toMatchObject(want);
  });
});
