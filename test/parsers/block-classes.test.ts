/**
 * The failure classes of real mail for block detection (issue 14 §4), one message per class, each
 * written for this file: trailing non-field lines under the block, short blocks, older clients' quote
 * headers, machine records. Each test goes through findSignature with the shipped labeller.
 */
import { describe, expect, it } from 'vitest';
import { findSignature } from '../../parsers/signature.ts';
import { newestPart } from '../../parsers/newest-part.ts';
import { extractFields } from '../../parsers/fields.ts';

const dana = { name: 'Dana Whitfield', email: 'dana.whitfield@northwind-labs.example' };
const rob = { name: 'Robert Lindqvist', email: 'robert.lindqvist@harbor-freight.example' };
const note = 'Hi Sam,\n\nThe signed order form is attached; delivery stays on the 14th as agreed.\n\n';

describe('a block that does not reach the last line', () => {
  it('is found above a decorative frame holding years and digits, which stays out', () => {
    const text = `${note}Best regards,\nDana Whitfield\nHead of Partnerships\nNorthwind Labs Inc.\n+1 415 555 0142\n\n~~~~ Northwind Labs · 1987-2027 · 40 years of lab automation ~~~~\n`;
    expect(findSignature(text, dana)).toEqual([
      'Dana Whitfield',
      'Head of Partnerships',
      'Northwind Labs Inc.',
      '+1 415 555 0142',
    ]);
  });
});

describe('company lines under a block', () => {
  it('leave out a travel agency licence line under the address (TÜRSAB belge no)', () => {
    const from = { name: 'Deniz Aksoy', email: 'deniz@egeturizm.example' };
    const text = `Merhaba,\n\nProgram ektedir.\n\nSaygılarımla,\nDeniz Aksoy\nSatış Müdürü\nEge Turizm A.Ş.\nCep: +90 532 555 01 02\nAtatürk Bulvarı No:12, 09400 Kuşadası / AYDIN\nTÜRSAB Belge No: 5512\n`;
    expect(findSignature(text, from)!.at(-1)).toBe('Atatürk Bulvarı No:12, 09400 Kuşadası / AYDIN');
  });

  it('leave out a supervision notice and a sensitivity label under a block signed "p.p."', () => {
    const text = `${note}Kind regards\n\np.p. Dana Whitfield\nHead of Partnerships\nNorthwind Privatbank AG\nPhone +41 44 555 01 42\n\nNorthwind Privatbank AG is authorised and supervised by the Swiss Financial Market Supervisory Authority FINMA.\nClassification: INTERNAL\n`;
    const block = findSignature(text, dana);
    expect(block).toEqual([
      'p.p. Dana Whitfield',
      'Head of Partnerships',
      'Northwind Privatbank AG',
      'Phone +41 44 555 01 42',
    ]);
    expect(extractFields(block!, dana).name).toBe('Dana Whitfield');
  });

  it("keep a one-line block above the regulator's line, which goes", () => {
    const text = `${note}Thanks,\nDana\n\nDana Whitfield | Head of Partnerships | Northwind Capital (DIFC) Limited | +971 50 555 0142\nNorthwind Capital (DIFC) Limited is regulated by the Dubai Financial Services Authority.\n`;
    expect(newestPart(text).split('\n').slice(-1)).toEqual([
      'Dana Whitfield | Head of Partnerships | Northwind Capital (DIFC) Limited | +971 50 555 0142',
    ]);
  });

  it('leave out an award the company advertises, with its badge image right above it', () => {
    const text = `${note}Kind regards\nDana Whitfield\nHead of Partnerships\nNorthwind Labs Inc.\n+1 415 555 0142\n[cid:image002.png@01DA12F3.90B1C640]\nNorthwind Labs - Lab Automation Supplier of the Year 2025, Bay Area Business Awards\n`;
    expect(findSignature(text, dana)).toEqual([
      'Dana Whitfield',
      'Head of Partnerships',
      'Northwind Labs Inc.',
      '+1 415 555 0142',
    ]);
  });

  it('leave out an Acknowledgement of Country under a dash-delimited block', () => {
    const text = `${note}Cheers,\n--\nDana Whitfield\nHead of Partnerships at Northwind Labs\nM 0491 570 156\n\nNorthwind Labs acknowledges the Wurundjeri people, the Traditional Custodians of the land on which we work.\n`;
    expect(findSignature(text, dana)).toEqual([
      '--',
      'Dana Whitfield',
      'Head of Partnerships at Northwind Labs',
      'M 0491 570 156',
    ]);
  });

  it('leave out a one-sentence confidentiality notice set apart under the block', () => {
    const text = `${note}Kind regards,\nDana Whitfield\nHead of Partnerships\nNorthwind Labs Inc.\n+1 415 555 0142\n\nCe message est confidentiel. / This message is confidential.\n`;
    expect(findSignature(text, dana)).toEqual([
      'Dana Whitfield',
      'Head of Partnerships',
      'Northwind Labs Inc.',
      '+1 415 555 0142',
    ]);
  });

  it('keep an address line closing the part right under the e-mail line', () => {
    const from = { name: 'Pieter-Jan van der Merwe', email: 'pj@bergvallei.example' };
    const text = `Dear Charlotte,\n\nWe can allocate 240 cases of the 2023 Reserve to you, shipping from Cape Town at the end of August. Pricing and the pro-forma invoice are attached.\n\nVriendelike groete / Kind regards\n\nPieter-Jan van der Merwe, CA(SA)\nFinancial Director\nKAAPSE WYNGROEP\nBergvallei Estates (Pty) Ltd\nT +27 21 555 0462 :: M +27 83 555 0741\npj@bergvallei.example :: www.bergvallei.example\n14 Dorp Street, Stellenbosch, 7600\n\nOn Mon, 23 Jun 2025 at 12:15, Charlotte Evans <charlotte@wines.example> wrote:\n> Dear Pieter-Jan, could you confirm our allocation?\n> Best, Charlotte\n`;
    expect(findSignature(text, from)!.at(-1)).toBe('14 Dorp Street, Stellenbosch, 7600');
  });

  it('read through a double-spaced rendering of an HTML signature (a blank line under every line)', () => {
    const from = { name: 'Fitzgerald, Eleanor', email: 'eleanor.fitzgerald@northbridge.nhs.example' };
    const text = [
      'Dear Martin,',
      'Thank you for the referral. I have booked Mr Hadley into the clinic on 4 March; the letter goes out today.',
      'Kind regards',
      '[cid:image001.png@01DB8C2A.5F3E1D20]',
      'Dr Eleanor Fitzgerald MBBS FRCP',
      'Consultant Physician in Respiratory Medicine',
      'Department of Respiratory Medicine',
      'Northbridge University Hospitals NHS Foundation Trust',
      'Level 3, Harcourt Wing, Northbridge General Hospital, Eastfield Road, Northbridge NB4 7TD',
      'Direct line: 020 7946 0321 | Switchboard: 020 7946 0000 ext. 4412',
      'eleanor.fitzgerald@northbridge.nhs.example<mailto:eleanor.fitzgerald@northbridge.nhs.example>',
    ].join('\n\n');
    const lines = findSignature(`${text}\n`, from)!;
    expect(lines[1]).toBe('Dr Eleanor Fitzgerald MBBS FRCP');
    expect(lines.at(-1)).toMatch(/^eleanor\.fitzgerald@/);
  });

  it('keep a "Registered office:" address line glued in the block, and cut the notice under it', () => {
    const from = { name: 'Adebayo Okafor', email: 'a.okafor@coralbank.example' };
    const text = `Dear Funmi,\n\nPlease find the settlement instructions attached.\n\nBest regards,\nAdebayo Okafor\nDeputy General Manager\nCORAL MICROFINANCE BANK LIMITED\nRegistered office: Plot 1402, Ademola Adetokunbo Crescent, Victoria Island, Lagos\nTel: +234 1 555 0172\nE: a.okafor@coralbank.example\n\nDISCLAIMER: This e-mail is intended for the addressee only. Coral Microfinance Bank Limited is licensed by the Central Bank of Nigeria.\n`;
    const lines = findSignature(text, from)!;
    expect(lines).toContain(
      'Registered office: Plot 1402, Ademola Adetokunbo Crescent, Victoria Island, Lagos',
    );
    expect(lines.at(-1)).toBe('E: a.okafor@coralbank.example');
  });

  it('find a Persian block with its numbers in Persian digits', () => {
    const from = { name: 'Sara Ahmadi', email: 's.ahmadi@alborzfood.example' };
    const text = `جناب آقای کریمی،\n\nبا سلام، نمونه‌های ارسالی تأیید شد. لطفاً پیش‌فاکتور نهایی را ارسال کنید.\n\nبا احترام،\nمهندس سارا احمدی\nکارشناس ارشد فروش\nواحد فروش سازمانی\nشرکت صنایع غذایی البرز (سهامی خاص)\nتهران، خیابان ولیعصر، پلاک ۵۵، طبقه ۴\nتلفن: ۰۲۱-۵۵۵۰۱۴۷۸\nهمراه: ۰۹۱۲-۵۵۵-۰۱۸۳\n`;
    const lines = findSignature(text, from)!;
    expect(lines[0]).toBe('مهندس سارا احمدی');
    expect(lines.at(-1)).toBe('همراه: ۰۹۱۲-۵۵۵-۰۱۸۳');
    const c = extractFields(lines, from);
    expect(c.phones.map((p) => [p.type, p.raw])).toEqual([
      ['work', '۰۲۱-۵۵۵۰۱۴۷۸'],
      ['mobile', '۰۹۱۲-۵۵۵-۰۱۸۳'],
    ]);
    expect(c.address).toBe('تهران، خیابان ولیعصر، پلاک ۵۵، طبقه ۴');
  });

  it("leave out a signature generator's own link under the block", () => {
    const from = { name: 'Rachel Okafor', email: 'rachel@fernwood.example' };
    const text = `Hi Sam,\n\nThe catalogue is attached.\n\nRachel Okafor\nVP Marketing\nFernwood Outdoor Co.\n(503) 555-0135\nCreate Your Own Free Signature\n`;
    expect(findSignature(text, from)!.at(-1)).toBe('(503) 555-0135');
  });

  it('keep a long one-line address of many comma-separated parts in the block', () => {
    const from = { name: 'Rania Haddad', email: 'r.haddad@petrabank.example' };
    const text = `Thank you for your email. I am out of the office until 12 December with limited access to e-mail.\n\nRania Haddad\nSenior Relationship Manager, Corporate Banking\nPetra Commercial Bank\nرانيا حداد\nمدير علاقات أول، الخدمات المصرفية للشركات\nبنك البتراء التجاري\nBuilding 27, Al Hussein Bin Ali Street, Jabal Amman, P.O. Box 941120, Amman 11194, Jordan\nمبنى 27، شارع الحسين بن علي، جبل عمان، ص.ب 941120 عمان 11194، الأردن\nTel: +962 6 555 8120, Ext. 4312\nMobile: +962 79 555 6621\n`;
    const lines = findSignature(text, from)!;
    expect(lines).toContain(
      'Building 27, Al Hussein Bin Ali Street, Jabal Amman, P.O. Box 941120, Amman 11194, Jordan',
    );
    expect(lines.at(-1)).toBe('Mobile: +962 79 555 6621');
  });

  it('run up through the name and office lines of a double-spaced rendering to the valediction', () => {
    const from = { name: 'Adeyemi-Clarke, Olusegun', email: 'o.adeyemi-clarke@northgate.nhs.example' };
    const text = [
      'Dear Helen,',
      'Thank you for the revised protocol. I am happy with the changes to the inclusion criteria; please send the final version.',
      'Kind regards',
      '[cid:image001.png@01DC8A2C.5F3E1D20]',
      'Dr Olusegun Adeyemi-Clarke MBBS FRCP(Edin) PhD',
      'Consultant Cardiologist | Department of Cardiology',
      'Northgate University Hospitals NHS Foundation Trust',
      'Aldcliffe Heart Centre, Level 3, Northgate General Hospital, Hallam Road, Sheffield S10 9XY',
      'Tel: 0114 496 0231<tel:01144960231>',
      'Secretary (Mrs Janet Pryce): 0114 496 0218',
      'Email: o.adeyemi-clarke@northgate.nhs.example<mailto:o.adeyemi-clarke@northgate.nhs.example>',
    ].join('\n\n');
    const lines = findSignature(`${text}\n`, from)!;
    expect(lines[0]).toBe('[cid:image001.png@01DC8A2C.5F3E1D20]');
    expect(lines).toContain('Dr Olusegun Adeyemi-Clarke MBBS FRCP(Edin) PhD');
  });

  it.each([
    'Bürozeiten: Mo–Do 8:00–12:30 (Teilzeit), freitags nicht erreichbar',
    'Office hours: Monday to Thursday, 9am to 1pm',
    'Je serai absente du 20 au 31 octobre. Pour toute question urgente, merci de contacter le secrétariat.',
  ])('leave out an availability note closing the part under the block: %s', (note) => {
    const from = { name: 'Brigitte Pichler', email: 'brigitte.pichler@uni.example' };
    const text = `Sehr geehrte Frau Huber,\n\nanbei die Unterlagen.\n\nMit freundlichen Grüßen\nBrigitte Pichler\nInstitutssekretärin\nUniversität Donauland\nTel.: +43 1 5555 48210\nbrigitte.pichler@uni.example\n${note}\n`;
    expect(findSignature(text, from)!.at(-1)).toBe('brigitte.pichler@uni.example');
  });

  it('leave out a Turkish notice right under the block ("gizlidir", the KVKK data-protection law)', () => {
    const from = { name: 'Deniz Aksoy', email: 'deniz.aksoy@ornek.example' };
    const text = `Merhaba,\n\nTeklif ektedir.\n\nSaygılarımla,\nDeniz Aksoy\nSatış Müdürü\nÖrnek Makine A.Ş.\nT: +90 212 555 41 27\ndeniz.aksoy@ornek.example\nBu e-posta ve ekleri gizlidir; 6698 sayılı KVKK kapsamında kişisel veri içerebilir.\n`;
    const lines = findSignature(text, from)!;
    expect(lines[0]).toBe('Deniz Aksoy');
    expect(lines.at(-1)).toBe('deniz.aksoy@ornek.example');
  });

  it('keep a lone em dash on top as the delimiter (macOS turns a typed "--" into "—")', () => {
    const text = `${note}Cheers,\n—\nDana Whitfield\nHead of Partnerships at Northwind Labs\nM 0491 570 156\n`;
    expect(findSignature(text, dana)).toEqual([
      '—',
      'Dana Whitfield',
      'Head of Partnerships at Northwind Labs',
      'M 0491 570 156',
    ]);
  });
});

describe('replies written under the quote', () => {
  const block = 'Best regards,\nDana Whitfield\nHead of Partnerships\nNorthwind Labs Inc.\n+1 415 555 0142\n';
  const want = ['Dana Whitfield', 'Head of Partnerships', 'Northwind Labs Inc.', '+1 415 555 0142'];

  it('find the block of a bottom-posted reply', () => {
    const text = `On Tue, 3 Jun 2025 at 10:02, Sam Lee <sam@acme.example> wrote:\n> Can you confirm the delivery date?\n>\n> Sam\n\nYes, the 14th works.\n\n${block}`;
    expect(findSignature(text, dana)).toEqual(want);
  });

  it('find the block of an interleaved reply, without the quoted lines', () => {
    const text = `Sam Lee wrote:\n> Delivery date?\nThe 14th.\n> And the pallet count?\n14 pallets.\n\n${block}`;
    expect(newestPart(text)).toBe(`The 14th.\n14 pallets.\n\n${block.trimEnd()}`);
    expect(findSignature(text, dana)).toEqual(want);
  });

  it('find the block of a reply interleaved under a greeting', () => {
    const text = `Hej Karin,\n\nDen 2024-10-08 kl. 16:05, skrev Karin Berg:\n> Vecka 43?\n\nJa, vecka 43 går bra.\n\n${block}`;
    expect(findSignature(text, dana)).toEqual(want);
  });

  it('take nothing when the quote has no > marks to tell the reply from it', () => {
    expect(
      newestPart(
        'From: Sam Lee <sam@acme.example>\nSent: Tuesday\nTo: Dana\nSubject: Date\n\nDelivery date?\n',
      ),
    ).toBe('');
  });
});

describe('a sign-off glued to the name', () => {
  it('heads the block when the name is three letters or an initial ("Best, Sam", "Cheers, J.")', () => {
    const sam = { name: 'Sam Okafor', email: 'sam@okafor-roofing.example' };
    expect(findSignature(`${note}Best, Sam\nEstimator at Okafor Roofing\n(312) 555-0148\n`, sam)).toEqual([
      'Best, Sam',
      'Estimator at Okafor Roofing',
      '(312) 555-0148',
    ]);
  });

  it('heads the block when signed by the initial alone ("Cheers, J.")', () => {
    const jarrah = { name: 'Jarrah Whitcombe', email: 'j.whitcombe@coastlinegeo.example' };
    const text = `${note}Cheers, J.\nSenior Surveyor | Coastline Geomatics\n0491 570 158\n`;
    expect(findSignature(text, jarrah)).toEqual([
      'Cheers, J.',
      'Senior Surveyor | Coastline Geomatics',
      '0491 570 158',
    ]);
    expect(extractFields(findSignature(text, jarrah)!, jarrah).name).toBe('J.');
  });

  it('heads a one-line block right under it', () => {
    const text = `${note}Best, Dana\nNorthwind Labs Inc. | +1 415 555 0142\n`;
    expect(findSignature(text, dana)).toEqual(['Best, Dana', 'Northwind Labs Inc. | +1 415 555 0142']);
  });
});

describe('an address opening the block', () => {
  it('keeps its street line above the city line', () => {
    const text = `${note}Love,\nJulie\n7008 Aronow Drive\nFalls Church, VA  22042\njulie.gibson@example.org\n`;
    const julie = { name: 'Julie Gibson', email: 'julie.gibson@example.org' };
    expect(findSignature(text, julie)).toEqual(
      expect.arrayContaining(['7008 Aronow Drive', 'Falls Church, VA  22042']),
    );
  });
});

describe('short blocks', () => {
  it('can be one line with " - " separators', () => {
    const text = `${note}Thanks,\nDana Whitfield - Head of Partnerships - Northwind Labs Inc.\n`;
    expect(findSignature(text, dana)).toEqual([
      'Dana Whitfield - Head of Partnerships - Northwind Labs Inc.',
    ]);
  });

  it('can be one line with " * " separators', () => {
    const text = `${note}Thanks,\nDana Whitfield * Head of Partnerships * Northwind Labs Inc.\n`;
    expect(findSignature(text, dana)).toEqual([
      'Dana Whitfield * Head of Partnerships * Northwind Labs Inc.',
    ]);
  });

  it('can be a name over "Title at Company"', () => {
    const text = `${note}Best,\nDana Whitfield\nHead of Partnerships at Northwind Labs\n`;
    expect(findSignature(text, dana)).toEqual(['Dana Whitfield', 'Head of Partnerships at Northwind Labs']);
  });

  it('can be a first name with the company acronym, over a number', () => {
    const text = `${note}Regards,\nDana (NWL)\n+1 415 555 0142\n`;
    expect(findSignature(text, dana)).toEqual(['Dana (NWL)', '+1 415 555 0142']);
  });

  it('can be a nickname over a mobile number', () => {
    const text = `${note}Cheers,\nRob\nm. +44 7700 900321\n`;
    expect(findSignature(text, rob)).toEqual(['Rob', 'm. +44 7700 900321']);
  });
});

describe('the end of the newest part', () => {
  it('is a Lotus Notes quote header with German column labels (An / Kopie / Thema)', () => {
    const text = [
      'Guten Tag Herr Berg,',
      '',
      'die Muster gehen morgen raus.',
      '',
      'Mit freundlichem Gruß',
      'Robert Lindqvist',
      'Harbor Freight AB',
      'Tel. +46 8 555 120 44',
      '',
      '',
      '',
      '                    Jonas Berg',
      '                    <j.berg@berg-handel.example>     An:     robert.lindqvist@harbor-freight.example',
      '                                                     Kopie:',
      '                    02.05.2001 14:12                 Thema:  Muster',
      '',
      'Hallo Herr Lindqvist, wann kommen die Muster?',
      'Jonas Berg',
      'Berg Handel GmbH',
      'Tel. 040 555 0101',
    ].join('\n');
    expect(newestPart(text)).not.toContain('Berg Handel GmbH');
    expect(findSignature(text, rob)).toEqual([
      'Robert Lindqvist',
      'Harbor Freight AB',
      'Tel. +46 8 555 120 44',
    ]);
  });
});

describe('machine records', () => {
  it('are no signature: KEY = value lines pasted above a first-name sign-off', () => {
    const text = `Hi team,\n\nThe overnight import failed again:\n\nJOB = stock-import\nRUN_ID = 20251104-0300\nHOST = etl-02.harbor-freight.example\nEXIT_CODE = 137\nROWS = 48211\n\nRob\n`;
    expect(findSignature(text, rob)).toBeNull();
  });
});

describe('team and company sign-offs', () => {
  const desk = { name: null, email: 'helpdesk@quarrystone.example' };
  const notice =
    'All,\n\nThe VPN gateway will be restarted tonight at 22:00; save your work before then.\n\n';

  it("takes a team named after the sender's domain, with no unit word, under a valediction", () => {
    expect(findSignature(`${notice}Thank you,\nQuarrystone Field Technology\n`, desk)).toEqual([
      'Quarrystone Field Technology',
    ]);
  });

  it('takes a name over "Project Leader, <project>"', () => {
    const from = { name: 'Ilse Marquardt', email: 'ilse.marquardt@quarrystone.example' };
    expect(
      findSignature(`${notice}Thank you.\n\nIlse Marquardt\nProject Leader, Harbour Rollout\n`, from),
    ).toEqual(['Ilse Marquardt', 'Project Leader, Harbour Rollout']);
  });

  it("does not take a capitalised phrase naming the domain from the body's last sentence", () => {
    const text = `${notice}I would rather we move the restart to Quarrystone time zones next quarter, if everyone agrees.\n`;
    expect(findSignature(text, desk)).toBeNull();
  });
});

describe('lists in the body', () => {
  it('are no block: the last of several company-and-address entries is not a signature', () => {
    const from = { name: 'Ana Duarte', email: 'ana.duarte@quarrystone.example' };
    const entries = [
      ['Northgate Minerals Inc.', '410 Lake Shore Drive', 'Chicago, Illinois 60611'],
      ['Redfern Shipping Company', '88 Harbor Boulevard', 'Long Beach, CA 90802'],
      ['Tallis Chemicals Inc.', '12 Commerce Street', 'Houston, Texas 77002'],
    ];
    const text = `Team,\n\nPlease send the netting agreements to these counterparties:\n\n${entries
      .map((e) => e.join('\n'))
      .join('\n\n')}\n`;
    expect(findSignature(text, from)).toBeNull();
  });
});

describe('a block with a tagline inside it', () => {
  it('runs on through its paragraph to the address and numbers under the tagline', () => {
    const from = { name: 'Teodor Balan', email: 'teodor@brightmoss.example' };
    const text = `Hi all,\n\nThe reindex finished overnight; the new shard layout is live.\n\nThanks\n\nTeodor Balan\nHead of Engineering\nBrightmoss Studio\nWe help makers sell\nfrom one small shop\nto many marketplaces.\n220 Riverside Ave. Ste. 4\nDenver, CO 80202\nP • 303.555.0162\nW • brightmoss.example\n`;
    expect(findSignature(text, from)).toEqual([
      'Teodor Balan',
      'Head of Engineering',
      'Brightmoss Studio',
      'We help makers sell',
      'from one small shop',
      'to many marketplaces.',
      '220 Riverside Ave. Ste. 4',
      'Denver, CO 80202',
      'P • 303.555.0162',
      'W • brightmoss.example',
    ]);
  });
});

describe('links and sites under a block', () => {
  const ana = { name: 'Ana Duarte', email: 'ana.duarte@quarrystone-survey.example' };
  const reply = 'Hi Leo,\n\nThe survey crew can start on the 3rd; the permits came through this morning.\n\n';

  it("keeps the sender's own domain written alone as the block's website", () => {
    const text = `${reply}Best,\nAna Duarte\nSurvey Lead\nQuarrystone Survey\n+351 21 555 0187\nquarrystone-survey.example\n`;
    expect(findSignature(text, ana)?.at(-1)).toBe('quarrystone-survey.example');
  });

  it('leaves a company call to action with its link out of the block', () => {
    const text = `${reply}Best,\nAna Duarte\nSurvey Lead\nQuarrystone Survey\n+351 21 555 0187\nRead our 2026 coastal erosion report: https://quarrystone-survey.example/report\n`;
    expect(findSignature(text, ana)).toEqual([
      'Ana Duarte',
      'Survey Lead',
      'Quarrystone Survey',
      '+351 21 555 0187',
    ]);
  });

  it("keeps the writer's own scheduling link, which is theirs and no promotion", () => {
    const text = `${reply}Best,\nAna Duarte\nSurvey Lead\nQuarrystone Survey\n+351 21 555 0187\nPick a time to talk with me: https://meet.quarrystone-survey.example/ana\n`;
    expect(findSignature(text, ana)?.at(-1)).toBe(
      'Pick a time to talk with me: https://meet.quarrystone-survey.example/ana',
    );
  });
});

describe('short organisation sign-offs', () => {
  it("takes a first name over the company acronym that the sender's domain spells", () => {
    const from = { name: 'Leo Brandt', email: 'leo.brandt@qsv-logistics.example' };
    const text = 'Hi Ana,\n\nTrucks are booked for Monday at seven.\n\nThanks,\nLeo\nQSV\n';
    expect(findSignature(text, from)).toEqual(['Leo', 'QSV']);
  });
});

describe('a block an HTML client spaced out', () => {
  it("is headed by the sender's full name a blank line above it", () => {
    const from = { name: 'Mira Castell', email: 'mira.castell@halvard-law.example' };
    const text = [
      'Tom,',
      '',
      'The engagement letter is signed; I will send the countersigned copy on Monday.',
      '',
      'Kind regards,',
      '',
      'Mira Castell',
      '',
      'Counsel',
      '',
      'Halvard Law LLP',
      '',
      '400 Market Street, Floor 12',
      '',
      'Direct: (415) 555-0178',
      '',
    ].join('\n');
    expect(findSignature(text, from)).toEqual([
      'Mira Castell',
      'Counsel',
      'Halvard Law LLP',
      '400 Market Street, Floor 12',
      'Direct: (415) 555-0178',
    ]);
  });
});

describe('right-to-left blocks', () => {
  it('takes a Hebrew block under "בברכה," although no line names the sender in Latin script', () => {
    const from = { name: 'Noa Levin', email: 'noa.levin@orlev-law.example' };
    const text = [
      'שלום דני,',
      '',
      'מצורף החוזה החתום. נשמח לקבל את ההערות שלכם עד יום חמישי.',
      '',
      'בברכה,',
      'עו"ד נועה לוין',
      'שותפה, מחלקת מסחרי',
      "אורלב ושות', משרד עורכי דין",
      "טל': 03-5551234 | פקס: 03-5551235",
    ].join('\n');
    expect(findSignature(text, from)).toEqual([
      'עו"ד נועה לוין',
      'שותפה, מחלקת מסחרי',
      "אורלב ושות', משרד עורכי דין",
      "טל': 03-5551234 | פקס: 03-5551235",
    ]);
  });

  it('leaves an Arabic valediction with the Arabic comma out of the block', () => {
    const from = { name: 'Karim Nassar', email: 'karim.nassar@sanad-advisory.example' };
    const text = [
      'مرحباً رامي،',
      '',
      'أرسلت لك العرض المحدث صباح اليوم.',
      '',
      'مع خالص التحيات،',
      'كريم نصار',
      'مدير أول | قسم التمويل',
      'سند للاستشارات',
      'هاتف: +962 6 555 0143',
      'karim.nassar@sanad-advisory.example',
    ].join('\n');
    expect(findSignature(text, from)?.[0]).toBe('كريم نصار');
  });
});

describe('a short signed block above appended material', () => {
  it('ends at the rule line that separates a posting the writer appended', () => {
    const from = { name: 'Okafor, Nia', email: 'nia.okafor@quarrystone.example' };
    const text = [
      'All,',
      '',
      'We have an opening on the scheduling desk; details below. Please send referrals to me by Friday.',
      '',
      'Thanks,',
      'Nia',
      'x4417',
      '',
      '==========================================',
      'Open position - SCHEDULING ANALYST',
      '',
      'Description of the role',
      'Prepare day-ahead schedules and confirm them with counterparties.',
      'Track outages and report them to the desk.',
      '',
      'Requirements',
      'Degree in finance, engineering or a related field.',
      'Two years of scheduling experience preferred.',
      'Strong spreadsheet skills.',
    ].join('\n');
    expect(findSignature(text, from)).toEqual(['Nia', 'x4417']);
  });
});

describe('delimiters and contact lines that older mail writes', () => {
  const from = { name: 'Theo Marsh', email: 'theo.marsh@kelderwood.example' };
  const body = 'Hi Ruth,\n\nPlease use the second set of drawings; the first had the wrong page numbers.\n\n';

  it('takes a rule standing alone between the body and the block as its delimiter', () => {
    const text = `${body}-------------------------------------------\n\nTheo Marsh\nKelderwood Architects LLP\n14 Quay Street, Bristol BS1 4DB\n0117 496 0321 (telephone)\ntheo.marsh@kelderwood.example\n`;
    expect(findSignature(text, from)).toEqual([
      '-------------------------------------------',
      'Theo Marsh',
      'Kelderwood Architects LLP',
      '14 Quay Street, Bristol BS1 4DB',
      '0117 496 0321 (telephone)',
      'theo.marsh@kelderwood.example',
    ]);
  });

  it('keeps a messenger handle closing the block ("AOL IM:", "Skype:")', () => {
    const text = `${body}Theo Marsh\n14 Quay Street, Bristol BS1 4DB\n0117 496 0321\nAOL IM:   MarshTheoX\n`;
    expect(findSignature(text, from)?.at(-1)).toBe('AOL IM:   MarshTheoX');
  });
});

describe('body text right above or under a short block', () => {
  const from = { name: 'Darla Quint', email: 'darla.quint@kelderwood.example' };

  it('leaves a footnote link under a sign-off out: it belongs to the body\'s "[1]"', () => {
    const text =
      'Hi all,\n\nThe build guide moved [1]; please update your bookmarks before the IDE setup.\n\nCheers,\nDarla\n\n[1] https://wiki.kelderwood.example/build-guide\n';
    expect(findSignature(text, from)).toBeNull();
  });

  it('leaves the wrapped end of the last sentence out of an initials-and-extension block', () => {
    const text =
      'Kim,\n\nI am working on the July settlement issues and will teach a class on Thursday, so I will\nmiss the desk meeting today.\nDQ    4-7120\n';
    expect(findSignature(text, from)).toEqual(['DQ    4-7120']);
  });
});

describe('the last lines of a block', () => {
  it('include a number line glued under the block, whatever its label', () => {
    const from = { name: 'Lindiwe Dube', email: 'lindiwe.dube@karoo-grain.example' };
    const text =
      'Good day Pieter,\n\nThe silo report is attached.\n\nKind regards\n\nLindiwe Dube\nFinancial Accountant\nKaroo Grain Holdings (Pty) Ltd\n12 Voortrekker Road, Bellville, 7530\nTel: +27 21 555 0147\nCell: +27 82 555 0147\nFax: 086 555 0147\n';
    expect(findSignature(text, from)?.at(-1)).toBe('Fax: 086 555 0147');
  });
});

describe('a flattened signature table', () => {
  it('keeps label cells written on lines of their own, a blank line between cells, and types the number by its label', async () => {
    const { extractFields } = await import('../../parsers/fields.ts');
    const text = `${note}Regards,\nDana Whitfield\nHead of Partnerships\nNorthwind Labs Inc.\n\nMobile\n\n+1 415 555 0177\n\nEmail\n\ndana.whitfield@northwind-labs.example\n\nWeb\n\nwww.northwind-labs.example\n`;
    const lines = findSignature(text, dana);
    expect(lines).toEqual([
      'Dana Whitfield',
      'Head of Partnerships',
      'Northwind Labs Inc.',
      'Mobile',
      '+1 415 555 0177',
      'Email',
      'dana.whitfield@northwind-labs.example',
      'Web',
      'www.northwind-labs.example',
    ]);
    const c = extractFields(lines!, dana);
    expect(c.phones).toEqual([{ type: 'mobile', e164: '+14155550177', raw: '+1 415 555 0177' }]);
    expect(c.emails).toEqual(['dana.whitfield@northwind-labs.example']);
    expect(c.websites).toEqual(['www.northwind-labs.example']);
  });

  it('does not take a lone initial above a number for a label', async () => {
    const { isLoneContactLabel } = await import('../../parsers/phones.ts');
    expect(isLoneContactLabel('M')).toBe(false);
    expect(isLoneContactLabel('Mobile:')).toBe(true);
    expect(isLoneContactLabel('Regards')).toBe(false);
  });
});

describe('a logo placeholder above the block', () => {
  it('opens the block when set apart by blank lines under the valediction, as Outlook writes it', () => {
    const text = `${note}Met vriendelijke groet,\n\n[cid:image001.jpg@01D99F8B.4E5F6A70]\n\nDana Whitfield\nHead of Partnerships\nNorthwind Labs Inc.\n+1 415 555 0142\n`;
    expect(findSignature(text, dana)).toEqual([
      '[cid:image001.jpg@01D99F8B.4E5F6A70]',
      'Dana Whitfield',
      'Head of Partnerships',
      'Northwind Labs Inc.',
      '+1 415 555 0142',
    ]);
  });
});

describe('blocks the labeller missed in professional mail of several languages', () => {
  it('names a sender whose display name puts the surname first, under academic degrees before the name', () => {
    const from = { name: 'Kováčik Martin', email: 'martin.kovacik@nemocnica-tatry.example' };
    const text =
      'Vážená pani Nováková,\n\nposudok pošlem do piatku.\n\nS pozdravom\n\ndoc. MUDr. Martin Kováčik, PhD.\nprimár\nKlinika chirurgie\nNemocnica Tatry\nHlavná 12, 058 01 Poprad\ntel.: +421 52 555 01 20, kl. 31\nmartin.kovacik@nemocnica-tatry.example\n';
    const lines = findSignature(text, from)!;
    expect(lines[0]).toBe('doc. MUDr. Martin Kováčik, PhD.');
    const f = extractFields(lines, from);
    expect([f.name, f.title, f.department, f.company]).toEqual([
      'Martin Kováčik',
      'primár',
      'Klinika chirurgie',
      'Nemocnica Tatry',
    ]);
  });

  it('reads a Malay block under "Sekian, terima kasih." with a licensing line glued under it', () => {
    const from = { name: 'Siti Rahimah Yusof', email: 'siti.rahimah@perisai-takaful.example' };
    const text =
      'Tuan Lee,\n\nKami telah menerima dokumen tuntutan tersebut dan akan memaklumkan keputusan dalam masa empat belas hari bekerja.\n\nSekian, terima kasih.\n\nSiti Rahimah binti Yusof\n\nPengurus, Jabatan Tuntutan\n\nPerisai Takaful Berhad\n\nTingkat 8, Menara Perisai, Jalan Ampang, 50450 Kuala Lumpur\n\nTel: +603-5555 2100 | H/P: +6012-555 0199\n\nPerisai Takaful Berhad (200901055555) dilesenkan di bawah Akta Perkhidmatan Kewangan Islam 2013 dan dikawal selia oleh Bank Negara Malaysia.\n';
    const lines = findSignature(text, from)!;
    expect(lines[0]).toBe('Siti Rahimah binti Yusof');
    expect(lines.at(-1)).toBe('Tel: +603-5555 2100 | H/P: +6012-555 0199');
  });

  it('reads a Bengali block whose name line opens with a degree, and keeps a Google Scholar link', () => {
    const from = { name: 'Farhana Akter', email: 'farhana.akter@meghna-uni.example' };
    const text =
      'প্রিয় রাকিব,\n\nখসড়াটি সংযুক্ত করলাম। আগামী সপ্তাহে মতামত জানাবেন।\n\nশুভেচ্ছান্তে,\nড. ফারহানা আক্তার\nসহকারী অধ্যাপক, অর্থনীতি বিভাগ\nমেঘনা বিশ্ববিদ্যালয়\nকক্ষ ২০৪, বিজ্ঞান ভবন, ঢাকা ১০০০\nমোবাইল: +880 1711 555 301\nhttps://scholar.google.com/citations?user=aBc55XyZAAAAJ\n';
    const lines = findSignature(text, from)!;
    expect(lines).toHaveLength(6);
    const f = extractFields(lines, from);
    expect([f.name, f.title, f.department, f.company, f.address]).toEqual([
      'ফারহানা আক্তার',
      'সহকারী অধ্যাপক',
      'অর্থনীতি বিভাগ',
      'মেঘনা বিশ্ববিদ্যালয়',
      'কক্ষ ২০৪, বিজ্ঞান ভবন, ঢাকা ১০০০',
    ]);
    expect(f.social).toEqual(['https://scholar.google.com/citations?user=aBc55XyZAAAAJ']);
  });

  it('reads a Catalan block under a reply written below the quote, and its research group as the unit', () => {
    const from = { name: 'Marta Vilaró', email: 'marta.vilaro@institut-recerca.example' };
    const text =
      'El 2/3/26 a les 10:15, Joan Serra ha escrit:\n> Podries revisar el capítol?\n>\n> Joan\n\nHola Joan,\n\nSí, el tindràs dijous.\n\nSalutacions,\nMarta\n\n-- \nDra. Marta Vilaró\nInvestigadora · Grup de Recerca en Economia Aplicada\nInstitut de Recerca Aplicada\nTel. +34 93 555 10 20\n';
    const lines = findSignature(text, from)!;
    const f = extractFields(
      lines.filter((l) => l !== '--'),
      from,
    );
    expect([f.name, f.title, f.department]).toEqual([
      'Marta Vilaró',
      'Investigadora',
      'Grup de Recerca en Economia Aplicada',
    ]);
  });
});

describe('a Gmail rendering of a signature-tool block', () => {
  it('keeps the address behind its icon and the row of icon links under it', () => {
    const from = { name: 'Bruna Lopes', email: 'bruna.lopes@arara-pag.example' };
    const text =
      'Oi Carla,\n\nSegue a proposta.\n\nAbraço,\n[image: Arara Pagamentos]\nBruna Lopes\nGerente de Parcerias\nArara Pagamentos Ltda.\n[image: celular] +55 11 95555-0101 <tel:+5511955550101>\n[image: email] bruna.lopes@arara-pag.example\n[image: endereço] Av. Paulista, 1500 – 10º andar, São Paulo – SP, 01310-100\n[image: linkedin] <https://www.linkedin.com/in/bruna-lopes-pag> [image: youtube] <https://www.youtube.com/@ararapag>\n';
    const lines = findSignature(text, from)!;
    expect(lines.at(-2)).toBe('[image: endereço] Av. Paulista, 1500 – 10º andar, São Paulo – SP, 01310-100');
    expect(lines.at(-1)).toMatch(/^\[image: linkedin\]/);
    const f = extractFields(lines, from);
    // The dash before a floor's ordinal is kept as written, as every annotated set with one wrote it.
    expect(f.address).toBe('Av. Paulista, 1500 – 10º andar, São Paulo – SP, 01310-100');
    expect(f.social).toEqual(['https://www.linkedin.com/in/bruna-lopes-pag']);
  });
});

describe('a full name signed under the valediction, blank lines above a framed block', () => {
  it('heads the block', () => {
    const from = { name: 'Perrin Aybara', email: 'perrin@two-rivers-forge.example' };
    const text =
      'Hi Egwene,\n\nThe forge order is confirmed for Monday.\n\nKind regards,\nPerrin Aybara\n\n\n______________________________\nperrin@two-rivers-forge.example\n+44 20 7946 0123\n';
    expect(findSignature(text, from)).toEqual([
      'Perrin Aybara',
      '______________________________',
      'perrin@two-rivers-forge.example',
      '+44 20 7946 0123',
    ]);
  });
});

describe("an international organisation's block over its privileges-and-immunities notice", () => {
  it('is found whole, its section, unit and division lines included', () => {
    const from = { name: 'Amina Njoroge', email: 'amina.njoroge@unodr.example' };
    const text =
      'Dear Helena,\n\nThank you for the revised logframe; we have cleared the indicators for outcome 2.\n\nBest regards,\n[cid:image001.png@01DB8C2A.5F1E0A30]\nAmina Njoroge\nProgramme Management Officer\nDrylands Resilience Section\nEcosystems and Livelihoods Unit\nProgramme Division\nUnited Nations Office for Drylands Research (UNODR)\nDuty station: Nairobi, Kenya\nTel: +254 20 555 4172 | Mobile: +254 722 555 018\nwww.unodr.example\n\nThe United Nations Office for Drylands Research enjoys privileges and immunities under the Convention; nothing in this e-mail shall be deemed a waiver of them.\n';
    const lines = findSignature(text, from)!;
    expect(lines.slice(1, 6)).toEqual([
      'Amina Njoroge',
      'Programme Management Officer',
      'Drylands Resilience Section',
      'Ecosystems and Livelihoods Unit',
      'Programme Division',
    ]);
    expect(lines.at(-1)).toBe('www.unodr.example');
    expect(extractFields(lines, from).department).toBe(
      'Drylands Resilience Section, Ecosystems and Livelihoods Unit, Programme Division',
    );
  });
});

describe('a company-register line between the block and a tagline', () => {
  it('is left out of the block, which keeps its contact lines', () => {
    const from = { name: 'Tess Whitby', email: 'tess@ridgeline-ra.example' };
    const text =
      "Hi Rhona,\n\nAttached are our certificates of currency for the shutdown works.\n\nCheers,\n\nTess Whitby\nOperations Manager\nRidgeline Rope Access Pty Ltd\n3/55 Mallard Way, Henderson WA 6166\nP (08) 5550 2847 | M 0491 570 159\ntess@ridgeline-ra.example | www.ridgeline-ra.example\n\nABN 55 555 012 345\nSafety is everyone's business – report every near miss.\n";
    expect(findSignature(text, from)).toEqual([
      'Tess Whitby',
      'Operations Manager',
      'Ridgeline Rope Access Pty Ltd',
      '3/55 Mallard Way, Henderson WA 6166',
      'P (08) 5550 2847 | M 0491 570 159',
      'tess@ridgeline-ra.example | www.ridgeline-ra.example',
    ]);
  });
});

describe('a Vietnamese block whose one-line address runs to four parts of syllables', () => {
  it('is found from the name down, the address read as an address, not prose', () => {
    const from = { name: 'Trần Thị Mai Anh', email: 'anh.ttm@haiduong-kt.example' };
    const text =
      'Chào chị Rhona,\n\nCảm ơn chị đã gửi hồ sơ mời chào giá. Báo giá chi tiết xin gửi kèm.\n\nTrân trọng,\n\nTrần Thị Mai Anh\nChuyên viên cao cấp, Phòng Hợp đồng & Mua sắm\nCông ty TNHH Dịch vụ Kỹ thuật Cơ khí Hải Dương\nSố 55 Đường 30/4, Phường Rạch Dừa, TP. Vũng Tàu, Bà Rịa - Vũng Tàu\nĐT: +84 254 3555 128 - DĐ: +84 903 555 419\nEmail: anh.ttm@haiduong-kt.example\n';
    const lines = findSignature(text, from)!;
    expect(lines[0]).toBe('Trần Thị Mai Anh');
    const c = extractFields(lines, from);
    expect([c.title, c.department, c.company]).toEqual([
      'Chuyên viên cao cấp',
      'Phòng Hợp đồng & Mua sắm',
      'Công ty TNHH Dịch vụ Kỹ thuật Cơ khí Hải Dương',
    ]);
  });
});

describe("an event banner's call to action under the block", () => {
  it('is left out, and lends the block no address or e-mail', () => {
    const from = { name: 'Karina Leung', email: 'karina.leung@harbourfair.example' };
    const text =
      'Dear Lucia,\n\nYour stand allocation is attached.\n\nBest regards,\n\nKarina Leung\nSenior Manager, Exhibitor Relations\nHarbour Wine Fair Ltd\n18/F, Kingsmead Tower, 33 Hysan Avenue, Causeway Bay, Hong Kong\nTel: +852 2555 0183\nkarina.leung@harbourfair.example\nwww.harbourfair.example\n\nHarbour Wine Fair 2026 | 5-7 November 2026 | Hall 3 | Register now at www.harbourfair.example/visit\n';
    const lines = findSignature(text, from)!;
    expect(lines.at(-1)).toBe('www.harbourfair.example');
    const c = extractFields(lines, from);
    expect(c.address).toBe('18/F, Kingsmead Tower, 33 Hysan Avenue, Causeway Bay, Hong Kong');
    expect(c.emails).toEqual(['karina.leung@harbourfair.example']);
  });
});

describe('an Arabic ministry block under a formal closing, with its sector and ministry lines', () => {
  it('is found from the name down', () => {
    const from = { name: 'Ahmed Elshenawy', email: 'a.elshenawy@mot-maritime.gov.example' };
    const text =
      'السيدة/ ريانون فيل المحترمة،\n\nتحية طيبة وبعد،\n\nنرجو التكرم بإرسال البرنامج المقترح للزيارة وأسماء المسؤولين المشاركين من جانبكم.\n\nوتفضلوا بقبول فائق الاحترام والتقدير،\n\nم. أحمد عبد الرحمن الشناوي\nمدير عام، الإدارة العامة للعلاقات الخارجية\nالإدارة المركزية للتعاون الدولي\nقطاع النقل البحري\nوزارة النقل\n55 شارع الجلاء، وسط البلد، القاهرة، جمهورية مصر العربية\nهاتف: +20 2 3555 2140\nجوال: +20 100 555 0187\n';
    const lines = findSignature(text, from)!;
    expect(lines[0]).toBe('م. أحمد عبد الرحمن الشناوي');
    expect(lines).toHaveLength(8);
    expect(extractFields(lines, from).company).toBe('وزارة النقل');
  });
});

describe('closings in Māori and in Hindi above a block', () => {
  it('are read as the valediction, so the block under them is found', () => {
    const nz = { name: 'Hemi Walker', email: 'hemi.walker@kowhaiquality.example' };
    expect(
      findSignature(
        'Kia ora Karthik,\n\nAttached is the framework handover note.\n\nNgā mihi,\nHemi Walker | Lead Test Automation Engineer | Kōwhai Quality Ltd | +64 4 555 0136\n',
        nz,
      ),
    ).toEqual(['Hemi Walker | Lead Test Automation Engineer | Kōwhai Quality Ltd | +64 4 555 0136']);
    const hi = { name: 'Rajiv Sharma', email: 'rajiv.sharma@tessarine.example' };
    const lines = findSignature(
      'नमस्ते,\n\nकृपया पैनल के लिए अपने किसी तकनीकी लीड का नाम बताएं।\n\nधन्यवाद एवं सादर,\n\nराजीव शर्मा\nवरिष्ठ प्रबंधक\nसंसाधन प्रबंधन समूह (RMG)\nटेसरीन इन्फोटेक प्रा. लि.\nमोबाइल: +91 98100 55529\nटावर 5, ग्रीनव्यू टेक पार्क एसईज़ेड, सेक्टर 144, नोएडा - 201304\n',
      hi,
    );
    expect(lines?.[0]).toBe('राजीव शर्मा');
  });
});

describe('a request to the reader closing the block, and a Japanese block framed by horizontal bars', () => {
  it('leaves the request out and keeps the frame lines with the block', () => {
    const from = { name: 'R. Venkatesan', email: 'r.venkatesan@dsmsc.example' };
    const lines = findSignature(
      'Dear Sir/Madam,\n\nThe clarification is attached.\n\nRegards,\nR. Venkatesan\nDy. General Manager – Equipment\nDeccan State Medical Services Corporation Ltd.\nPh: 040-2555 4417 | Fax: 040-2555 4420\nPlease quote the Tender Reference Number in all correspondence.\n',
      from,
    )!;
    expect(lines.at(-1)).toBe('Ph: 040-2555 4417 | Fax: 040-2555 4420');
    const jp = { name: '田中 裕之', email: 'h.tanaka@kobayashi-kenki.example' };
    const framed = findSignature(
      'ご担当者様\n\nお見積りを添付いたします。\nよろしくお願いいたします。\n\n――――――――――――――――――――――\n田中 裕之（Hiroyuki Tanaka）\n小林建機株式会社\n海外営業本部 欧州営業部\nTEL：06-6555-1234　FAX：06-6555-1235\nMail：h.tanaka@kobayashi-kenki.example\n――――――――――――――――――――――\n',
      jp,
    )!;
    expect([framed[0], framed.at(-1)]).toEqual(['――――――――――――――――――――――', '――――――――――――――――――――――']);
  });
});

describe('a casual closing and a first name above an HTML signature rendering', () => {
  it('reads "Talk soon," as the valediction and leaves the sign-off out of the block', () => {
    const from = { name: 'Jordan Whitfield-Ames', email: 'jordan.whitfield-ames@chairsidecloud.example' };
    const lines = findSignature(
      "Hi Priya,\n\nThe migration window is confirmed for Saturday. I've also asked our billing team to move the group onto a single invoice from April, as requested.\n\nTalk soon,\n\nJordan\n\n[cid:image001.png@01DCB0E1.5A7C1D90]\n\nJordan Whitfield-Ames (they/them)\n\nCustomer Success Manager, UK & Ireland\n\nChairSide Cloud, Inc.\n\nO: +1 512-555-0143 | M: +44 7700 900385\n\njordan.whitfield-ames@chairsidecloud.example<mailto:jordan.whitfield-ames@chairsidecloud.example>\n\nLinkedIn<https://www.linkedin.com/in/jordanwhitfieldames>\n",
      from,
    )!;
    expect(lines[0]).toBe('[cid:image001.png@01DCB0E1.5A7C1D90]');
  });
});

describe('the singular Arabic closing "مع خالص التحية"', () => {
  it('is the valediction above the block, not its first line', () => {
    const from = { name: 'Youssef Benali', email: 'y.benali@frigovan-maroc.example' };
    const lines = findSignature(
      'السيد المحترم،\n\nنرسل لكم عرض الأسعار المحدث للشاحنات المبردة.\n\nمع خالص التحية،\nيوسف بنعلي\nمدير المبيعات، قسم التصدير\nفريغوفان المغرب ش.م.م\nهاتف: +212 522 55 50 41\nجوال: +212 661 55 52 87\n',
      from,
    )!;
    expect(lines[0]).toBe('يوسف بنعلي');
  });
});

describe('a first-name sign-off above a one-line block, and a banner with its caption under a block', () => {
  it('leaves the sign-off out, and keeps the block lines above the banner', () => {
    const from = { name: 'Jordan Ellery', email: 'jordan@tallyboard.example' };
    expect(
      findSignature(
        'Hi Sam,\n\nHappy to set up the pilot for the autumn term.\n\nBest,\nJordan\nJordan Ellery | Senior Account Executive | Tallyboard Learning | 628-555-0119\n',
        from,
      ),
    ).toEqual(['Jordan Ellery | Senior Account Executive | Tallyboard Learning | 628-555-0119']);
    const uk = { name: 'Priya Holling', email: 'priya.holling@ardenqual.example' };
    const lines = findSignature(
      'Dear Ms Okafor,\n\nThank you for your centre application; the documents are complete and we will confirm your centre number by Friday.\n\nKind regards,\n\nPriya\n\nPriya Holling\n\nInternational Schools Relationship Manager\n\nArden Qualifications International\n\nTel: +44 (0)121 496 0718\n\nEmail: priya.holling@ardenqual.example<mailto:priya.holling@ardenqual.example>\n\nWeb: ardenqual.example<https://www.ardenqual.example/international>\n\nArden House, 55 Colmore Row, Birmingham B3 2AA, United Kingdom\n\n[cid:b81d1a6e-2f4c-4a9b-8e3d-june-2026-series]<https://www.ardenqual.example/june-2026>\n\nKey dates for the June 2026 series are now live – plan your entries today.\n',
      uk,
    )!;
    expect(lines.at(-1)).toBe('Arden House, 55 Colmore Row, Birmingham B3 2AA, United Kingdom');
  });
});

describe("a lender's licence line under the block", () => {
  it('is left out as a register line', () => {
    const from = { name: 'Danielle Reyes', email: 'danielle@keystonelending.example' };
    const lines = findSignature(
      'Hi Sam,\n\nThe installer agreement is attached for signature.\n\nBest,\nDanielle Reyes (she/her)\nDirector, Installer Partnerships\nKeystone Green Lending\nO: 312-555-0143 | M: 312-555-0178\n225 W. Wacker Drive, 14th Floor\nChicago, IL 60606\nkeystonelending.example\nKeystone Green Lending, LLC | NMLS ID 555012 | Loans are subject to credit approval.\n',
      from,
    )!;
    expect(lines.at(-1)).toBe('keystonelending.example');
  });
});
