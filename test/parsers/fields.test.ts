import { describe, expect, it } from 'vitest';
import { extractFields } from '../../parsers/fields.ts';
import { hasCompanyWord, hasTitleWord } from '../../parsers/lines.ts';
import { emptyContact } from '../../parsers/types.ts';

/** A block's fields for a sender who signs no display name ("a.b@firm.example" unless told). */
const fieldsOf = (lines: string[], email = 'a.b@firm.example') => extractFields(lines, { name: null, email });
const titleAndUnit = (lines: string[]) => {
  const c = fieldsOf(lines);
  return [c.title, c.department];
};
const titleUnitCompany = (lines: string[]) => {
  const c = fieldsOf(lines);
  return [c.title, c.department, c.company];
};

describe('contact fields of a signature block', () => {
  it('reads a pipe-and-bullet block: name, title, company, typed phones with extensions, website and LinkedIn', () => {
    const c = extractFields(
      [
        '--',
        'Jane Roe | Head of Partnerships | Acme Widgets Inc.',
        'T +1 415 555 0134 ext. 22 • M +1 415 555 0177 • F +1 415 555 0100',
        'www.acme-widgets.com | https://www.linkedin.com/in/janeroe',
      ],
      { name: 'Jane Roe', email: 'jane.roe@acme-widgets.com' },
    );
    expect(c.name).toBe('Jane Roe');
    expect(c.title).toBe('Head of Partnerships');
    expect(c.company).toBe('Acme Widgets Inc.');
    expect(c.phones).toEqual([
      { type: 'work', e164: '+14155550134', raw: '+1 415 555 0134 ext. 22' },
      { type: 'mobile', e164: '+14155550177', raw: '+1 415 555 0177' },
      { type: 'fax', e164: '+14155550100', raw: '+1 415 555 0100' },
    ]);
    expect(c.websites).toEqual(['www.acme-widgets.com']);
    expect(c.social).toEqual(['https://www.linkedin.com/in/janeroe']);
  });

  it('joins back a line a plain-text client hard-wrapped at 72 or 76 columns, and only such a line', () => {
    const from = { name: 'Dana Whitfield', email: 'dana@prairie-freight.example' };
    const wrapped = extractFields(
      [
        'Dana Whitfield',
        'Senior Director, Strategic Sourcing, Carrier Development and Network',
        'Planning',
        'Prairie Freight Systems, Inc.',
        '4400 Westown Parkway, Suite 310, Building C, West Des Moines, Iowa',
        '50266, USA',
      ],
      from,
    );
    // The wrapped word is joined back; the line is then "Title, Unit, what the unit covers".
    expect([wrapped.title, wrapped.department]).toEqual([
      'Senior Director',
      'Strategic Sourcing, Carrier Development and Network Planning',
    ]);
    expect(wrapped.company).toBe('Prairie Freight Systems, Inc.');
    expect(wrapped.address).toBe(
      '4400 Westown Parkway, Suite 310, Building C, West Des Moines, Iowa 50266, USA',
    );
    // A company under a long title line is its own line, however long the title.
    const own = extractFields(
      [
        'Dana Whitfield',
        'Senior Talent Acquisition Partner – Legal & Professional Services',
        'TalentBridge Search Asia, Inc.',
      ],
      from,
    );
    expect([own.title, own.department, own.company]).toEqual([
      'Senior Talent Acquisition Partner',
      'Legal & Professional Services',
      'TalentBridge Search Asia, Inc.',
    ]);
  });

  it('splits a long "Title – Unit" line and reads a unit with a bracketed qualifier', () => {
    const fr = extractFields(
      [
        'Hélène Marchand',
        'Responsable des achats – Pôle Approvisionnement, Logistique et Qualité Fournisseurs',
        'Atelier Boisvert SAS',
      ],
      { name: 'Hélène Marchand', email: 'h.marchand@boisvert.example' },
    );
    expect([fr.title, fr.department]).toEqual([
      'Responsable des achats',
      'Pôle Approvisionnement, Logistique et Qualité Fournisseurs',
    ]);
    const en = extractFields(
      [
        'Rohit Deshmukh',
        'Deputy General Manager - Procurement (Castings & Forgings)',
        'Sahyadri Components Pvt. Ltd.',
      ],
      { name: 'Rohit Deshmukh', email: 'rohit@sahyadri.example' },
    );
    expect([en.title, en.department]).toEqual([
      'Deputy General Manager',
      'Procurement (Castings & Forgings)',
    ]);
  });

  it('reads internationalised addresses, one site from an Outlook link and its text, post-nominals with their college', () => {
    const c = extractFields(
      [
        'Dr Alasdair Roe MBChB FRCP(Edin) FRSC',
        'Consultant Neurologist',
        'Royal Strathmore Infirmary',
        'E-Mail Jörg.Müller@firma.example',
        '<http://www.firma.example> www.firma.example',
      ],
      { name: 'Alasdair Roe', email: 'alasdair.roe@firma.example' },
    );
    expect([c.name, c.company, c.emails, c.websites]).toEqual([
      'Alasdair Roe',
      'Royal Strathmore Infirmary',
      ['Jörg.Müller@firma.example'],
      ['http://www.firma.example'],
    ]);
    const gov = extractFields(
      [
        'Usman Qureshi',
        'Section Officer (Legislation)',
        'Law and Justice Division',
        'Government of Pakistan',
      ],
      { name: 'Usman Qureshi', email: 'usman.qureshi@molaw.example' },
    );
    expect([gov.department, gov.company]).toEqual(['Law and Justice Division', 'Government of Pakistan']);
  });

  it('heads an address with named places above it (floor, building, street without a number), not with a label', () => {
    const c = extractFields(
      [
        'Gabe Holt',
        'First Floor, Harbour Buildings',
        'Victoria Street, Douglas',
        'IM1 2SH, Isle of Man, UK',
        'Celler +44 1624 555 092',
      ],
      { name: 'Gabe Holt', email: 'gabe@holt-probe.example' },
    );
    expect(c.address).toBe(
      'First Floor, Harbour Buildings, Victoria Street, Douglas, IM1 2SH, Isle of Man, UK',
    );
  });

  it('reads no number across " // " cells, and an address of named places over a PO box', () => {
    const c = extractFields(
      [
        'Alex Doe',
        'Helpdesk Probe GmbH // Beispielweg 11 // 10117 Berlin // Germany',
        'P: +49 (0) 30 555 01 00-0',
      ],
      { name: 'Alex Doe', email: 'alex@helpdesk.example' },
    );
    expect(c.phones.map((p) => p.raw)).toEqual(['+49 (0) 30 555 01 00-0']);
    const ke = extractFields(
      [
        'Wanjiru Kamau',
        'Regional Sales Manager',
        'Savanna Agro-Inputs Ltd',
        'Sameer Business Park, Block B, Mombasa Road',
        'P.O. Box 55512-00200, Nairobi, Kenya',
      ],
      { name: 'Wanjiru Kamau', email: 'wanjiru@savanna-agro.example' },
    );
    expect(ke.address).toBe(
      'Sameer Business Park, Block B, Mombasa Road, P.O. Box 55512-00200, Nairobi, Kenya',
    );
  });

  it('reads a centre, laboratory or nursing service after a title as its unit, and as the employer when alone', () => {
    const from = { name: 'Jo Roe', email: 'jo.roe@calloway.example' };
    const uni = extractFields(
      ['Jo Roe', 'Associate Director, Center for Health Economics Research', 'Calloway University'],
      from,
    );
    expect([uni.title, uni.department, uni.company]).toEqual([
      'Associate Director',
      'Center for Health Economics Research',
      'Calloway University',
    ]);
    const ward = extractFields(
      ['Jo Roe', 'Nurse Supervisor, Medical-Surgical Nursing Service', 'St. Brigid Medical Center'],
      from,
    );
    expect([ward.title, ward.department]).toEqual(['Nurse Supervisor', 'Medical-Surgical Nursing Service']);
    const alone = extractFields(
      ['Jo Roe', 'Senior Fellow', 'Center for Strategic and Regional Studies', '+1 202 555 0100'],
      from,
    );
    expect([alone.department, alone.company]).toEqual([null, 'Center for Strategic and Regional Studies']);
    const named = extractFields(
      ['Jo Roe', 'High Energy Division', 'Harvard-Smithsonian Center for Astrophysics'],
      from,
    );
    expect([named.department, named.company]).toEqual([
      'High Energy Division',
      'Harvard-Smithsonian Center for Astrophysics',
    ]);
  });

  it('takes the university over its institute, and closes an address with its DX box or a building and office room', () => {
    const from = { name: 'Anna Huber', email: 'anna.huber@uni-donauland.example' };
    const c = extractFields(
      [
        'Anna Huber',
        'Institutssekretärin',
        'Institut für Angewandte Geologie',
        'Universität Donauland',
        'Althanstraße 55, 1090 Wien',
      ],
      from,
    );
    expect([c.department, c.company]).toEqual(['Institut für Angewandte Geologie', 'Universität Donauland']);
    // A company with its legal form stays the employer beside a university the sender also works at.
    const firm = extractFields(['Jo Roe', 'R&D, VoiceSoft Corporation', 'University of Sherbrooke'], from);
    expect(firm.company).toBe('VoiceSoft Corporation');
    const dx = extractFields(
      [
        'Jo Roe',
        'Solicitor Advocate',
        'Roe & Co LLP',
        '14 Lauriston Crescent, Edinburgh EH3 9XY',
        'DX ED 555 Edinburgh',
      ],
      from,
    );
    expect(dx.address).toBe('14 Lauriston Crescent, Edinburgh EH3 9XY, DX ED 555 Edinburgh');
    const ca = extractFields(
      [
        'Jo Roe',
        'Professora agregada',
        'Edifici Josep Carner, despatx 3.12',
        'Gran Via de les Corts Catalanes, 555, 08007 Barcelona',
      ],
      from,
    );
    expect(ca.address).toBe(
      'Edifici Josep Carner, despatx 3.12, Gran Via de les Corts Catalanes, 555, 08007 Barcelona',
    );
  });

  it('reads "CEO, Name" as the role and the organisation it heads when no other line names one', () => {
    const from = { name: 'Jo Roe', email: 'jo@medivista.example' };
    const c = extractFields(['Jo Roe', 'CEO, MediVista', '+1 212 555 0100'], from);
    expect([c.title, c.company]).toEqual(['CEO', 'MediVista']);
    // A place or a territory after the role stays in the title.
    const city = extractFields(['Jo Roe', 'Managing Director, Munich', 'Acme GmbH'], from);
    expect([city.title, city.company]).toEqual(['Managing Director, Munich', 'Acme GmbH']);
    const country = extractFields(['Jo Roe', 'Managing Director, Germany', 'Acme GmbH'], from);
    expect([country.title, country.company]).toEqual(['Managing Director, Germany', 'Acme GmbH']);
  });

  it('splits a Korean profession written after the name, and reads a law firm by its corporate form', () => {
    const c = extractFields(['박서준 변호사', '법무법인 새누리 | 기업자문그룹', 'T. 02-555-3817'], {
      name: '박서준',
      email: 'seojun.park@saenuri-law.example',
    });
    expect([c.name, c.title, c.department, c.company]).toEqual([
      '박서준',
      '변호사',
      '기업자문그룹',
      '법무법인 새누리',
    ]);
  });

  it.each([
    [
      'el',
      [
        'Ελένη Γεωργίου',
        'Προϊσταμένη',
        'Διεύθυνση Ηλεκτρονικής Διακυβέρνησης',
        'Υπουργείο Νησιωτικών Υποδομών',
      ],
      ['Προϊσταμένη', 'Διεύθυνση Ηλεκτρονικής Διακυβέρνησης', 'Υπουργείο Νησιωτικών Υποδομών'],
    ],
    [
      'pt',
      ['Beatriz Nogueira', 'Médica Cardiologista', 'Serviço de Cardiologia', 'Hospital Santa Clara'],
      ['Médica Cardiologista', 'Serviço de Cardiologia', 'Hospital Santa Clara'],
    ],
    [
      'no',
      ['Ingrid Haugen', 'Seniormegler, Valutadesk', 'Fjordvik Sparebank'],
      ['Seniormegler', 'Valutadesk', 'Fjordvik Sparebank'],
    ],
    [
      'tr',
      ['Emre Yıldız', 'Kıdemli Uzman (Hazine Yönetimi)', 'Boğaziçi Tekstil A.Ş.'],
      ['Kıdemli Uzman', 'Hazine Yönetimi', 'Boğaziçi Tekstil A.Ş.'],
    ],
    [
      'th',
      ['สมชาย ใจดี', 'ผู้จัดการอาวุโส ฝ่ายจัดซื้อ', 'บริษัท สยามพลาสติก จำกัด'],
      ['ผู้จัดการอาวุโส', 'ฝ่ายจัดซื้อ', 'บริษัท สยามพลาสติก จำกัด'],
    ],
    [
      'bn',
      ['নাসরিন আক্তার', 'প্রোগ্রাম অফিসার, জলবায়ু সহনশীলতা ইউনিট', 'উপকূলীয় জনকল্যাণ সংস্থা (উজস)'],
      ['প্রোগ্রাম অফিসার', 'জলবায়ু সহনশীলতা ইউনিট', 'উপকূলীয় জনকল্যাণ সংস্থা (উজস)'],
    ],
  ])('reads the title, unit and organisation of a %s block', (_lang, lines, want) => {
    const c = extractFields(lines, { name: lines[0]!, email: 'someone@org.example' });
    expect([c.title, c.department, c.company]).toEqual(want);
  });

  it('keeps a unit written first and then translated on the next line as the first version', () => {
    const c = extractFields(
      [
        'خالد المنصوري',
        'مدير',
        'إدارة المخاطر المؤسسية',
        'Enterprise Risk Management Department',
        'شركة الخليج ذ.م.م',
      ],
      { name: 'خالد المنصوري', email: 'khaled@gulf.example' },
    );
    expect(c.department).toBe('إدارة المخاطر المؤسسية');
  });

  it('reads the levels of a ministry or an agency as one department, and its public bodies as organisations', () => {
    const c = extractFields(
      [
        'Amaka Obi',
        'Deputy Director',
        'Multilateral Cooperation Division',
        'Department of International Economic Relations',
        'Federal Ministry of Budget and Planning',
      ],
      { name: 'Amaka Obi', email: 'amaka.obi@budget.example' },
    );
    expect([c.department, c.company]).toEqual([
      'Multilateral Cooperation Division, Department of International Economic Relations',
      'Federal Ministry of Budget and Planning',
    ]);
    // A school's faculty, a research group's department: not joined.
    const uni = extractFields(
      [
        'Jo Roe',
        'Associate Professor',
        'School of Chemical Engineering',
        'Faculty of Engineering',
        'University of Dunmore',
      ],
      { name: 'Jo Roe', email: 'jo.roe@dunmore.example' },
    );
    expect(uni.department).toBe('School of Chemical Engineering');
    const sw = extractFields(
      [
        'Bw. Juma Mwakalinga',
        'Afisa Mipango Mkuu',
        'Idara ya Sera na Mipango',
        'Wizara ya Maji',
        'S.L.P. 555, Dodoma',
      ],
      { name: 'Juma Mwakalinga', email: 'juma@maji.example' },
    );
    expect([sw.name, sw.title, sw.department, sw.company]).toEqual([
      'Juma Mwakalinga',
      'Afisa Mipango Mkuu',
      'Idara ya Sera na Mipango',
      'Wizara ya Maji',
    ]);
  });

  it('reads a line of named places ending in a country as the address, and a civil-service grade as none', () => {
    const c = extractFields(
      [
        'Jo Roe',
        'Oficial Nacional de Programa',
        'Programa de las Naciones Unidas para la Nutrición (PNUN)',
        'Col. Palmira, Edificio Naciones Unidas, Tegucigalpa, Honduras',
      ],
      { name: 'Jo Roe', email: 'jo.roe@pnun.example' },
    );
    expect([c.company, c.address]).toEqual([
      'Programa de las Naciones Unidas para la Nutrición (PNUN)',
      'Col. Palmira, Edificio Naciones Unidas, Tegucigalpa, Honduras',
    ]);
    const grade = extractFields(
      ['Amaka Obi', 'Deputy Director', 'Grade Level 16', 'Federal Ministry of Budget'],
      {
        name: 'Amaka Obi',
        email: 'amaka.obi@budget.example',
      },
    );
    expect(grade.address).toBeNull();
  });

  it.each([
    [
      'Counsellor (Development and Humanitarian Affairs)',
      'Counsellor',
      'Development and Humanitarian Affairs',
    ],
    ['Section Officer (UN-II)', 'Section Officer', 'UN-II'],
    ['अवर सचिव (अंतर्राष्ट्रीय सहयोग)', 'अवर सचिव', 'अंतर्राष्ट्रीय सहयोग'],
    ['Sales Manager (Interim)', 'Sales Manager (Interim)', null],
    ['Account Executive (she/her)', 'Account Executive (she/her)', null],
    ['Managing Director (Germany & Austria)', 'Managing Director (Germany & Austria)', null],
  ])(
    'reads the portfolio in brackets after a title as its unit, not a standing, pronouns or a territory: %s',
    (line, title, unit) => {
      const c = extractFields(['Jo Roe', line], { name: 'Jo Roe', email: 'jo.roe@mission.example' });
      expect([c.title, c.department]).toEqual([title, unit]);
    },
  );

  it('opens a Bulgarian address with its town line ("гр. Пловдив 4000")', () => {
    const c = extractFields(
      [
        'Мария Петрова',
        'Главен счетоводител',
        '„Тракия Агро“ ЕООД',
        'гр. Пловдив 4000',
        'бул. „Марица“ № 55, ет. 3',
      ],
      { name: 'Мария Петрова', email: 'm.petrova@trakia-agro.example' },
    );
    expect(c.address).toBe('гр. Пловдив 4000, бул. „Марица“ № 55, ет. 3');
  });

  it('keeps a firm named by its partners before a comma whole ("Dethier & Vanhamme, Notaires associés SRL")', () => {
    const c = extractFields(
      ['Marie Dethier', 'Notaire associée', 'Dethier & Vanhamme, Notaires associés SRL'],
      {
        name: 'Marie Dethier',
        email: 'm.dethier@dv-notaires.example',
      },
    );
    expect([c.department, c.company]).toEqual([null, 'Dethier & Vanhamme, Notaires associés SRL']);
  });

  it('reads a lab after "at" as the unit when another line names the organisation, a firm after "at" as the employer', () => {
    const from = { name: 'Jo Roe', email: 'jo.roe@uno.example' };
    const lab = extractFields(
      ['Jo Roe', 'Postdoctoral Fellow at Applied Perception Lab', 'University of Northern Ontario'],
      from,
    );
    expect([lab.title, lab.department, lab.company]).toEqual([
      'Postdoctoral Fellow',
      'Applied Perception Lab',
      'University of Northern Ontario',
    ]);
    const firm = extractFields(['Jo Roe', 'Software Engineer at Northwind Traders'], from);
    expect([firm.title, firm.department, firm.company]).toEqual([
      'Software Engineer',
      null,
      'Northwind Traders',
    ]);
  });

  it('drops institution memberships after a name ("CEng FIChemE") and reads construction units beside a title', () => {
    const from = { name: 'Priya Anand', email: 'p.anand@corrow-eng.example' };
    const c = extractFields(
      [
        'Priya Anand CEng FIChemE',
        'Principal Engineer | Structures',
        'Corrow Consulting Engineers',
        'T: 0161 496 0999',
      ],
      from,
    );
    expect([c.name, c.title, c.department]).toEqual(['Priya Anand', 'Principal Engineer', 'Structures']);
    const dashed = extractFields(
      ['Arjun Mehta', 'Deputy General Manager - Projects', 'Sundaram Lifts Pvt. Ltd.'],
      {
        name: 'Arjun Mehta',
        email: 'arjun.m@sundaramlifts.example',
      },
    );
    expect([dashed.title, dashed.department]).toEqual(['Deputy General Manager', 'Projects']);
    const comma = extractFields(['Lena Fox', 'Senior Estimator, Estimating', 'Fox & Pine Builders Ltd'], {
      name: 'Lena Fox',
      email: 'lena@foxpine.example',
    });
    expect([comma.title, comma.department]).toEqual(['Senior Estimator', 'Estimating']);
  });

  it('matches an organisation written with accents to the ASCII domain that spells it', () => {
    const c = extractFields(
      [
        'Tane Hōhepa',
        'Claims Manager, Marine Cargo',
        'Tōtara Mutual',
        'DDI +64 9 555 0111',
        'totaramutual.example',
      ],
      { name: 'Tane Hōhepa', email: 'tane.hohepa@totaramutual.example' },
    );
    expect([c.title, c.department, c.company]).toEqual(['Claims Manager', 'Marine Cargo', 'Tōtara Mutual']);
    const de = extractFields(
      ['Jonas Weber', 'Disponent, Logistik', 'Grüner Kran', 'Tel. +49 711 555 0101', 'gruenerkran.example'],
      {
        name: 'Jonas Weber',
        email: 'j.weber@gruenerkran.example',
      },
    );
    expect(de.company).toBe('Grüner Kran');
  });

  it('reads British public bodies by their form after a title ("..., Northshire County Council")', () => {
    const from = { name: 'Sam Lee', email: 'sam.lee@northshire.example' };
    for (const org of [
      'Northshire County Council',
      'Eastbrook NHS Foundation Trust',
      'Glenmor Health Board',
    ]) {
      const c = extractFields(['Sam Lee', `Building Control Officer, ${org}`, '01632 960777'], {
        ...from,
        email: 'sam.lee@mail.other.example',
      });
      expect([c.title, c.company]).toEqual(['Building Control Officer', org]);
    }
  });

  it('reads a Czech site title (statik, stavbyvedoucí) before its unit', () => {
    const c = extractFields(
      ['Ing. Pavel Dvořák', 'stavbyvedoucí, Oddělení inženýrských staveb', 'STAVBY DVOŘÁK s.r.o.'],
      {
        name: 'Pavel Dvořák',
        email: 'dvorak@stavby-dvorak.example',
      },
    );
    expect([c.title, c.department]).toEqual(['stavbyvedoucí', 'Oddělení inženýrských staveb']);
  });

  it('reads a Russian street named before its word and a Korean road address with its bracketed postcode', () => {
    const ru = extractFields(
      [
        'Ольга Смирнова',
        'Менеджер по продажам',
        'ООО «Кранлифт»',
        '125167, г. Москва, Ленинградское шоссе, д. 16',
      ],
      {
        name: 'Ольга Смирнова',
        email: 'o.smirnova@kranlift.example',
      },
    );
    expect(ru.address).toBe('125167, г. Москва, Ленинградское шоссе, д. 16');
    const ko = extractFields(
      ['박지훈 과장', '새솔은행 | 기업금융팀', 'T. +82 2 555 0101', '서울특별시 종로구 세종대로 77 (03155)'],
      {
        name: '박지훈',
        email: 'jihoon.park@saesolbank.example',
      },
    );
    expect([ko.company, ko.address, ko.phones.map((p) => p.raw)]).toEqual([
      '새솔은행',
      '서울특별시 종로구 세종대로 77 (03155)',
      ['+82 2 555 0101'],
    ]);
  });

  it('reads a Welsh block: title, unit and council by their Welsh words, "Ffôn symudol" as a mobile', () => {
    const c = extractFields(
      [
        'Gwen Morgan',
        'Swyddog Cyfathrebu',
        'Adran Cyfathrebu',
        'Cyngor Sir Afonwy',
        'Ffôn symudol: 07700 900123',
      ],
      { name: 'Gwen Morgan', email: 'gwen.morgan@afonwy.gov.example' },
    );
    expect([c.title, c.department, c.company, c.phones.map((p) => p.type)]).toEqual([
      'Swyddog Cyfathrebu',
      'Adran Cyfathrebu',
      'Cyngor Sir Afonwy',
      ['mobile'],
    ]);
  });

  it('joins the unit levels of one row, and a level under the title line unit; a translation on the row is no level', () => {
    const pipes = extractFields(
      [
        'Amina Yusuf',
        'Programme Officer | Water Security Unit | Eastern Africa Regional Office',
        'Global Water Partnership Fund (GWPF)',
      ],
      { name: 'Amina Yusuf', email: 'a.yusuf@gwpf.example' },
    );
    expect([pipes.title, pipes.department]).toEqual([
      'Programme Officer',
      'Water Security Unit, Eastern Africa Regional Office',
    ]);
    const under = extractFields(
      [
        'Lucas Ortega',
        'Chief, Contracts Section',
        'Procurement Service',
        'Department of Coastal Fisheries',
        'Tel. (02) 8555 1000',
      ],
      { name: 'Lucas Ortega', email: 'lortega@dcf-gov.example' },
    );
    expect([under.title, under.department, under.company]).toEqual([
      'Chief',
      'Contracts Section, Procurement Service',
      'Department of Coastal Fisheries',
    ]);
    const bilingual = extractFields(
      [
        'Élise Roy',
        'Electrical Designer, Building Services | Concepteur électrique, Services du bâtiment',
        'Norvik Engineering Inc.',
      ],
      { name: 'Élise Roy', email: 'eroy@norvik.example' },
    );
    expect([bilingual.title, bilingual.department]).toEqual(['Electrical Designer', 'Building Services']);
    const org = extractFields(
      ['Tom Hale', 'Property Consultant, Sales', 'Northcove Property Group', '0400 555 111'],
      {
        name: 'Tom Hale',
        email: 'tom@ncpg.example',
      },
    );
    expect([org.department, org.company]).toEqual(['Sales', 'Northcove Property Group']);
  });

  it('reads a public body with a long name and its initials, a Vietnamese ministry and a Korean agency', () => {
    const un = extractFields(
      [
        'Ana Ruiz',
        'Oficial de Programa',
        'Fondo de las Naciones Unidas para la Infancia Rural (FNUIR)',
        'Tegucigalpa, Honduras',
      ],
      { name: 'Ana Ruiz', email: 'ana.ruiz@fnuir.example' },
    );
    expect(un.company).toBe('Fondo de las Naciones Unidas para la Infancia Rural (FNUIR)');
    const vi = extractFields(
      [
        'Trần Văn Minh',
        'Chuyên viên, Phòng Kế hoạch',
        'Bộ Tài chính',
        'Số 28 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội',
        'Số điện thoại: 0912 555 777',
      ],
      { name: 'Trần Văn Minh', email: 'minh.tv@mof-gov.example' },
    );
    expect([vi.company, vi.address, vi.phones.map((p) => p.raw)]).toEqual([
      'Bộ Tài chính',
      'Số 28 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội',
      ['0912 555 777'],
    ]);
    const ko = extractFields(['이수민 선임', '한국해양진흥원 | 국제협력팀'], {
      name: '이수민',
      email: 'smlee@kmpa.example',
    });
    expect([ko.company, ko.department]).toEqual(['한국해양진흥원', '국제협력팀']);
  });

  it('reads a branch office after a title as the unit, in several languages', () => {
    const cases: [string, string, string][] = [
      ['Logistics Manager – Cape Town Branch', 'Logistics Manager', 'Cape Town Branch'],
      ['Responsable Achats – Agence de Lyon', 'Responsable Achats', 'Agence de Lyon'],
      ['Responsabile Vendite – Sede di Torino', 'Responsabile Vendite', 'Sede di Torino'],
    ];
    for (const [line, title, unit] of cases) {
      const c = extractFields(['Kim Roe', line, 'Orvell Freight Ltd', 'Tel: +44 20 7946 0100'], {
        name: 'Kim Roe',
        email: 'kim.roe@orvell.example',
      });
      expect([c.title, c.department]).toEqual([title, unit]);
    }
    const th = extractFields(['สมชาย ใจดี', 'ผู้จัดการฝ่ายขาย', 'สาขาชลบุรี', 'บริษัท ทะเลทอง โลจิสติกส์ จำกัด'], {
      name: 'สมชาย ใจดี',
      email: 'somchai@thalethong.example',
    });
    expect(th.department).toBe('สาขาชลบุรี');
  });

  it('takes the first of an organisation named in two languages across " / ", and a unit heading beside the title above the unit line', () => {
    const two = extractFields(
      [
        'Luc Martel',
        'Senior Analyst, Compliance Services',
        'Rivebelle Freight Inc. / Fret Rivebelle inc.',
        'T 514-555-0100',
      ],
      { name: 'Luc Martel', email: 'luc.martel@rivebelle.example' },
    );
    expect([two.title, two.department, two.company]).toEqual([
      'Senior Analyst',
      'Compliance Services',
      'Rivebelle Freight Inc.',
    ]);
    const levels = extractFields(
      [
        'Ivy Chan',
        'Director, Treasury Operations',
        'Corporate Banking',
        'Northbay Bank Limited',
        'Direct: +852 5550 1000',
      ],
      { name: 'Ivy Chan', email: 'ivy.chan@northbaybank.example' },
    );
    expect([levels.title, levels.department]).toEqual(['Director', 'Treasury Operations, Corporate Banking']);
    const oneLine = extractFields(['Dana Oyelaran', 'SVP, Procurement, Bluefield Dairy', '402-555-0100'], {
      name: 'Dana Oyelaran',
      email: 'doyelaran@bluefielddairy.example',
    });
    expect([oneLine.title, oneLine.department, oneLine.company]).toEqual([
      'SVP',
      'Procurement',
      'Bluefield Dairy',
    ]);
  });

  it('reads Turkish premises ("Kat:2 No:55") and Thai provincial abbreviations (ต. อ. จ.) as addresses', () => {
    const tr = extractFields(['Ayşe Demir', 'Lojistik Binası, Kat:3 No:12, Gebze / KOCAELİ'], {
      name: 'Ayşe Demir',
      email: 'ayse@ornek.example',
    });
    expect(tr.address).toBe('Lojistik Binası, Kat:3 No:12, Gebze / KOCAELİ');
    const th = extractFields(['สมชาย ใจดี', '12/3 หมู่ 5 ต.บ้านบึง อ.บ้านบึง จ.ชลบุรี 20170'], {
      name: 'สมชาย ใจดี',
      email: 'somchai@thalethong.example',
    });
    expect(th.address).toBe('12/3 หมู่ 5 ต.บ้านบึง อ.บ้านบึง จ.ชลบุรี 20170');
  });

  it('takes no organisation name from a unit site under the sender domain ("energy.uni.example")', () => {
    const c = extractFields(
      [
        'Dr Niamh Folan',
        'Lecturer, Power Electronics Research Group',
        'School of Engineering',
        'University of Westmere',
        'https://power.westmere.example/people/nfolan',
      ],
      { name: 'Niamh Folan', email: 'niamh.folan@westmere.example' },
    );
    expect([c.title, c.department, c.company]).toEqual([
      'Lecturer',
      'Power Electronics Research Group',
      'University of Westmere',
    ]);
  });

  it('reads local governments as organisations (Comune di, Ayuntamiento de, Mairie de, Câmara Municipal, Stadtverwaltung)', () => {
    for (const org of [
      'Comune di Valmora',
      'Ayuntamiento de Villaralto',
      'Mairie de Saint-Aubin',
      'Câmara Municipal de Ourela',
      'Stadtverwaltung Kornheim',
    ]) {
      const c = extractFields(['Ana Test', 'Planning Officer', 'Urban Planning Department', org], {
        name: 'Ana Test',
        email: 'ana.test@mail.example',
      });
      expect([c.department, c.company]).toEqual(['Urban Planning Department', org]);
    }
  });

  it('reads Swedish planners, Ukrainian academic ranks without the degree before them, an institute above its university', () => {
    const sv = extractFields(['Jonas Ek', 'Produktionsplanerare, Logistik', 'Nordvik Papper AB'], {
      name: 'Jonas Ek',
      email: 'jonas.ek@nordvik.example',
    });
    expect([sv.title, sv.department]).toEqual(['Produktionsplanerare', 'Logistik']);
    const uk = extractFields(
      [
        'Ірина Бондар',
        'к.е.н., доцент кафедри фінансів',
        'Економічний факультет',
        'Західний національний університет',
      ],
      { name: 'Ірина Бондар', email: 'i.bondar@znu.example' },
    );
    expect([uk.title, uk.department, uk.company]).toEqual([
      'доцент кафедри фінансів',
      'Економічний факультет',
      'Західний національний університет',
    ]);
  });

  it('reads the sender\'s name written without its spaces ("RITAOKAFOR") as the name line, not the organisation', () => {
    const c = extractFields(['RITAOKAFOR', 'Partnerships Executive', 'Tradepress Media Ltd'], {
      name: 'Rita Okafor',
      email: 'rokafor@tradepress.example',
    });
    expect([c.name, c.company]).toEqual(['RITAOKAFOR', 'Tradepress Media Ltd']);
  });

  it('reads a Russian internal extension ("вн. 2214") with its number', () => {
    const c = extractFields(['Айгерим Жумабаева', 'тел.: +7 727 555 41 87, вн. 2214'], {
      name: 'Айгерим Жумабаева',
      email: 'a@bank.example',
    });
    expect(c.phones.map((p) => p.raw)).toEqual(['+7 727 555 41 87, вн. 2214']);
  });

  it('drops South African professional registrations after a name and reads a Hindi sector address', () => {
    expect(
      extractFields(['Lerato Khumalo Pr.Eng.', 'Senior Engineer'], {
        name: 'Lerato Khumalo',
        email: 'l@k.example',
      }).name,
    ).toBe('Lerato Khumalo');
    expect(
      extractFields(['राहुल वर्मा', '१२, सेक्टर १८, नोएडा – २०१३०१'], { name: 'राहुल वर्मा', email: 'r@v.example' })
        .address,
    ).toBe('१२, सेक्टर १८, नोएडा – २०१३०१');
  });

  it('reads no title from a register entry naming someone else, no register segment in the address, no content id as an e-mail', () => {
    const c = extractFields(
      [
        'Vogt Systems GmbH,           Managing Director: Hans Vogt',
        'HRB 555555 Munich, Office: Hauptstr. 5, D-82194 Groebenzell, Germany',
        'cid:image002.jpg@01D270F2.948E3570',
      ],
      { name: 'Erik Lang', email: 'el@vogtsys.example' },
    );
    expect([c.title, c.company, c.address, c.emails]).toEqual([
      null,
      'Vogt Systems GmbH',
      'Hauptstr. 5, D-82194 Groebenzell, Germany',
      [],
    ]);
    const own = extractFields(['Hans Vogt', 'Managing Director: Hans Vogt', 'Vogt Systems GmbH'], {
      name: 'Hans Vogt',
      email: 'hv@vogtsys.example',
    });
    expect(own.title).toBe('Managing Director: Hans Vogt');
  });

  it('reads a name with its CJK form in square brackets, a name with its team after a slash, the site under another TLD', () => {
    const from = { name: 'Owen Park', email: 'owen.park@armvale.example' };
    const bracketed = extractFields(
      ['Owen Park [朴欧文]', 'Senior Technical Lead', 'Armvale.example │ Open source software for Arm SoCs'],
      from,
    );
    // A box-drawing bar separates cells like "|".
    expect([bracketed.name, bracketed.company]).toEqual(['Owen Park [朴欧文]', 'Armvale.example']);
    const team = extractFields(['Marie Roux / Opensys Labs Storage Team', 'Opensys Software GmbH'], {
      name: 'Marie Roux',
      email: 'marie.roux@opensys.example',
    });
    expect([team.name, team.department, team.company]).toEqual([
      'Marie Roux',
      'Opensys Labs Storage Team',
      'Opensys Software GmbH',
    ]);
    const site = extractFields(
      ['Fiona Reid', 'Head of Communications', 'Harbour Trust Scotland', 'harbourtrust.org'],
      {
        name: 'Fiona Reid',
        email: 'fiona.reid@harbourtrust.org.uk',
      },
    );
    expect(site.websites).toEqual(['harbourtrust.org']);
  });

  it('takes an ORCID link behind its label as a social profile, and keeps a dash before a floor in an address', () => {
    const from = { name: 'Ana Costa', email: 'ana.costa@lagoa-uni.example' };
    const c = extractFields(
      [
        'Ana Costa',
        'Professora Associada',
        'Universidade da Lagoa',
        'Av. Atlântica, 500 – 3º andar, Niterói – RJ',
        'ORCID<https://orcid.org/0000-0002-5550-0102>',
      ],
      from,
    );
    expect(c.social).toEqual(['https://orcid.org/0000-0002-5550-0102']);
    expect(c.address).toBe('Av. Atlântica, 500 – 3º andar, Niterói – RJ');
  });

  it("takes a site under the sender's domain written alone as the website, not a deeper or foreign host", () => {
    const from = { name: 'Rosa Lind', email: 'rlind@lakeshore-state.example' };
    const site = (l: string) => extractFields(['Rosa Lind', 'Extension Specialist', l], from).websites;
    expect(site('cropdiag.lakeshore-state.example')).toEqual(['cropdiag.lakeshore-state.example']);
    expect(site('a.b.lakeshore-state.example')).toEqual([]);
    expect(site('cropdiag.othershore.example')).toEqual([]);
  });

  it('reads clinical and hospital blocks: liaisons, investigators and -ologists, life-science functions, a clinic of a university hospital', () => {
    const t = (lines: string[], email: string) => {
      const c = extractFields(lines, { name: lines[0]!, email });
      return [c.title, c.department, c.company];
    };
    expect(
      t(
        ['Jon Vale', 'Medical Science Liaison, Northeast Region', 'Medical Affairs', 'Orrin Biopharma, Inc.'],
        'j@orrin.example',
      ),
    ).toEqual(['Medical Science Liaison, Northeast Region', 'Medical Affairs', 'Orrin Biopharma, Inc.']);
    expect(t(['Ana Lee', 'Finance Manager, R&D Finance', 'Orrin Biopharma'], 'a@orrin.example')).toEqual([
      'Finance Manager',
      'R&D Finance',
      'Orrin Biopharma',
    ]);
    expect(
      t(
        [
          'Raj Iyer',
          'Oncologist & Principal Investigator',
          'Division of Oncology',
          'Northbay University Hospital',
        ],
        'r@nbuh.example',
      ),
    ).toEqual([
      'Oncologist & Principal Investigator',
      'Division of Oncology',
      'Northbay University Hospital',
    ]);
    expect(
      t(
        [
          'Eva Brandt',
          'Study Nurse',
          'Klinik für Neurologie',
          'Studienzentrale',
          'Universitätsklinikum Talheim',
        ],
        'e@uk-talheim.example',
      ),
    ).toEqual(['Study Nurse', 'Klinik für Neurologie, Studienzentrale', 'Universitätsklinikum Talheim']);
    expect(
      t(
        ['MUDr. Petr Král', 'primář', 'I. chirurgická klinika – cévní chirurgie', 'Fakultní nemocnice Lesná'],
        'kral@fnl.example',
      ),
    ).toEqual(['primář', 'I. chirurgická klinika – cévní chirurgie', 'Fakultní nemocnice Lesná']);
  });

  it('reads clinical titles and units in Polish, Swedish, Greek, Bulgarian, Korean and Hebrew', () => {
    const t = (lines: string[]) => {
      const c = extractFields(lines, { name: lines[0]!, email: 'x@site.example' });
      return [c.name, c.title, c.department, c.company];
    };
    expect(
      t([
        'Jan Nowak',
        'Monitor Badań Klinicznych',
        'Dział Operacji Klinicznych',
        'Wisła Research Sp. z o.o.',
      ]),
    ).toEqual([
      'Jan Nowak',
      'Monitor Badań Klinicznych',
      'Dział Operacji Klinicznych',
      'Wisła Research Sp. z o.o.',
    ]);
    expect(t(['Sara Holm', 'Leg. apotekare, Läkemedelsenhet', 'Holm Vård AB']).slice(1, 3)).toEqual([
      'Leg. apotekare',
      'Läkemedelsenhet',
    ]);
    expect(
      t(['Νίκος Δήμου', "Συντονίστρια Μελετών, Α' Παθολογική Κλινική", 'Γενικό Νοσοκομείο Πατρών']).slice(1),
    ).toEqual(['Συντονίστρια Μελετών', "Α' Παθολογική Κλινική", 'Γενικό Νοσοκομείο Πατρών']);
    expect(
      t(['Иван Петров', 'Клиничен монитор | Клинични операции', 'Рила Изследвания ООД']).slice(1),
    ).toEqual(['Клиничен монитор', 'Клинични операции', 'Рила Изследвания ООД']);
    expect(t(['김민지 연구간호사', '한빛대학교병원 | 임상시험센터'])).toEqual([
      '김민지',
      '연구간호사',
      '임상시험센터',
      '한빛대학교병원',
    ]);
    expect(t(['נועה כהן', 'רכזת מחקר', 'היחידה למחקר קליני', 'המרכז הרפואי גליל']).slice(2)).toEqual([
      'היחידה למחקר קליני',
      'המרכז הרפואי גליל',
    ]);
  });

  it('reads a Brazilian address of dash-separated parts on a street named after a professor', () => {
    const c = extractFields(
      [
        'Lia Souza',
        'Coordenadora de Pesquisa',
        'Rua Professor Joaquim Nabuco, 120 - 3º andar - Funcionários - Belo Horizonte/MG - CEP 30130-010',
      ],
      { name: 'Lia Souza', email: 'lia@clinica.example' },
    );
    expect([c.title, c.address]).toEqual([
      'Coordenadora de Pesquisa',
      'Rua Professor Joaquim Nabuco, 120 - 3º andar - Funcionários - Belo Horizonte/MG - CEP 30130-010',
    ]);
  });

  it('splits cells at doubled pipes and round or square bullets, and keeps a German extension after a spaced dash', () => {
    const one = extractFields(['Ola Nord || Principal Engineer || Fjordvik Instruments'], {
      name: 'Ola Nord',
      email: 'ola@fjordvik.example',
    });
    expect([one.name, one.title, one.company]).toEqual([
      'Ola Nord',
      'Principal Engineer',
      'Fjordvik Instruments',
    ]);
    const bullets = extractFields(
      [
        'Lea Marin – Head of Support, Centre Normatif',
        'CN ● www.cnorm.example ● lea.marin@cnorm.example',
        'Phone: +33 4 55 55 01 23 ● Mobile: +33 6 55 55 04 56',
      ],
      {
        name: 'Lea Marin',
        email: 'lea.marin@cnorm.example',
      },
    );
    expect([bullets.websites, bullets.phones.map((p) => p.type)]).toEqual([
      ['www.cnorm.example'],
      ['work', 'mobile'],
    ]);
    const ext = extractFields(['Alex Probe', 'Musterbank AG', 'Telefon: (069) 555 1234 – 113'], {
      name: 'Alex Probe',
      email: 'a@musterbank.example',
    });
    expect(ext.phones.map((p) => p.raw)).toEqual(['(069) 555 1234 – 113']);
  });

  it('reads a research institute above its corporation as the unit, a compound German function as the unit, the legal-form side of a dash as the organisation', () => {
    const inst = extractFields(
      [
        'Wei Li',
        'Research Engineer, Standards Delegate',
        'Radio Research Institute',
        'Huaxin Telecom Corporation',
      ],
      {
        name: 'Wei Li',
        email: 'wei.li@huaxin.example',
      },
    );
    expect([inst.title, inst.department, inst.company]).toEqual([
      'Research Engineer, Standards Delegate',
      'Radio Research Institute',
      'Huaxin Telecom Corporation',
    ]);
    const de = extractFields(['Jana Beispiel', 'Vertriebsinnendienst', 'Muster Logistik GmbH'], {
      name: 'Jana Beispiel',
      email: 'j@muster.example',
    });
    expect(de.department).toBe('Vertriebsinnendienst');
    const dash = extractFields(
      [
        'Alex Probe',
        'Abteilung IT-Strategie',
        'Muster – Musterbank GmbH',
        '(Deutsche Musterbank)',
        'Langstraße 5',
      ],
      {
        name: 'Alex Probe',
        email: 'a.probe@musterbank.example',
      },
    );
    expect([dash.department, dash.company]).toEqual(['Abteilung IT-Strategie', 'Musterbank GmbH']);
  });

  it("reads banking units after a title, in English, Turkish and Portuguese, and keeps a role's own list of functions whole", () => {
    const t = (line: string) => {
      const c = extractFields(['Ana Test', line, 'Northbay Bank Limited'], {
        name: 'Ana Test',
        email: 'ana@northbaybank.example',
      });
      return [c.title, c.department];
    };
    expect(t('Senior Underwriter, Trade Credit & Political Risk')).toEqual([
      'Senior Underwriter',
      'Trade Credit & Political Risk',
    ]);
    expect(t('Head, Correspondent Banking & Financial Institutions')).toEqual([
      'Head',
      'Correspondent Banking & Financial Institutions',
    ]);
    expect(t('Implementation Manager – Global Transaction Services')).toEqual([
      'Implementation Manager',
      'Global Transaction Services',
    ]);
    expect(t('Müdür Yardımcısı, Dış Ticaret Finansmanı ve Muhabir Bankacılık')).toEqual([
      'Müdür Yardımcısı',
      'Dış Ticaret Finansmanı ve Muhabir Bankacılık',
    ]);
    expect(t('Direttore Amministrazione, Finanza e Controllo')).toEqual([
      'Direttore Amministrazione, Finanza e Controllo',
      null,
    ]);
  });

  it('reads an organisation with its branch after a comma as the organisation, a Vietnamese title and unit across a dash, Japanese unit levels before a rank', () => {
    const sg = extractFields(
      [
        'Tan Wei Ling',
        'Assistant Vice President | Trade Finance Operations',
        'Northbay Bank, Singapore Branch',
      ],
      {
        name: 'Tan Wei Ling',
        email: 'wl@northbaybank.example',
      },
    );
    expect([sg.department, sg.company]).toEqual([
      'Trade Finance Operations',
      'Northbay Bank, Singapore Branch',
    ]);
    const vi = extractFields(
      [
        'Lê Văn Nam',
        'Kế toán trưởng - Phòng Tài chính Kế toán',
        'CÔNG TY CỔ PHẦN SÔNG XANH',
        'Lô 12, KCN Hòa Khánh, Q. Liên Chiểu, TP. Đà Nẵng',
      ],
      {
        name: 'Lê Văn Nam',
        email: 'nam@songxanh.example',
      },
    );
    expect([vi.title, vi.department, vi.address]).toEqual([
      'Kế toán trưởng',
      'Phòng Tài chính Kế toán',
      'Lô 12, KCN Hòa Khánh, Q. Liên Chiểu, TP. Đà Nẵng',
    ]);
    const ja = extractFields(['山田 太郎', 'あおば商事株式会社', '財務本部 財務部 資金グループ 課長'], {
      name: '山田 太郎',
      email: 'yamada@aoba.example',
    });
    expect([ja.title, ja.department]).toEqual(['課長', '財務本部 財務部 資金グループ']);
  });

  it('types numbers by the icons written as their labels (📱 mobile, ☎️ work, 📠 fax)', () => {
    const c = extractFields(
      ['Jo Coe', 'Buyer', '📱 +1 415 555 0123', '☎️ +1 415 555 0100', '📠 +1 415 555 0101'],
      { name: 'Jo Coe', email: 'jo@acme.example' },
    );
    expect(c.phones.map((p) => p.type)).toEqual(['mobile', 'work', 'fax']);
  });

  it('reads a markdown rendering: "**bold**" cells, and an image line that is no website', () => {
    const c = extractFields(
      [
        '**Jo Coe**,',
        'The People Hub',
        '0345 555 0147',
        'jo@acme-retail.example',
        '**Acme Retail**',
        '![Acme](https://acme-retail.example/logo.png)',
      ],
      { name: 'Jo Coe', email: 'jo@acme-retail.example' },
    );
    expect([c.name, c.company, c.websites]).toEqual(['Jo Coe', 'Acme Retail', []]);
  });

  it('types phones from labels in several languages and takes the region from the sender ccTLD', () => {
    const c = extractFields(
      [
        'Katrin Vogel',
        'Lindenwerk GmbH',
        'Telefon: 0711 1234567',
        'Handy: 0170 7654321',
        'Telefax: 0711 1234568',
      ],
      { name: 'Katrin Vogel', email: 'katrin.vogel@lindenwerk.de' },
    );
    expect(c.phones.map((p) => [p.type, p.e164, p.raw])).toEqual([
      ['work', '+497111234567', '0711 1234567'],
      ['mobile', '+491707654321', '0170 7654321'],
      ['fax', '+497111234568', '0711 1234568'],
    ]);
  });

  it('keeps labels written after the number and extensions as written', () => {
    const c = extractFields(
      [
        'Bill Town',
        'President',
        'Friedline Inc.',
        '(303)447-0288- extension 24',
        '713-853-6577 Office',
        '281-300-8286 Wireless',
        '(713) 646-3490 (fax)',
      ],
      { name: 'Bill Town', email: 'bill@friedline.com' },
    );
    expect(c.title).toBe('President');
    expect(c.phones.map((p) => `${p.type} ${p.raw}`)).toEqual([
      'work (303)447-0288- extension 24',
      'work 713-853-6577',
      'mobile 281-300-8286',
      'fax (713) 646-3490',
    ]);
  });

  it('joins the address lines with ", " and splits "Company - Department"', () => {
    const c = extractFields(
      [
        'Nora Dobbs',
        'Senior Counsel',
        'Halcyon Corp. - Global Finance',
        '1400 Smith Street, Suite 2083',
        'Houston, Texas 77002',
        'Phone:  713/345-7723',
      ],
      { name: 'Nora Dobbs', email: 'nora.dobbs@halcyon.com' },
    );
    expect(c.company).toBe('Halcyon Corp.');
    expect(c.department).toBe('Global Finance');
    expect(c.address).toBe('1400 Smith Street, Suite 2083, Houston, Texas 77002');
  });

  it('reads the visible text of HTML-flattened links, not their targets, and drops credentials from the name', () => {
    const c = extractFields(
      [
        'Dipl.-Ing. Max Weber | Phone: +49 9131 776 6019',
        'Weber IIS            | max.weber@weber-iis.de<mailto:max.weber@weber-iis.de>',
        'weber-iis.de<http://www.weber-iis.de/>',
      ],
      { name: 'Weber, Max', email: 'max.weber@weber-iis.de' },
    );
    expect(c.name).toBe('Max Weber');
    expect(c.emails).toEqual(['max.weber@weber-iis.de']);
    expect(c.websites).toEqual(['weber-iis.de']);
  });

  it('does not turn a company page or a tagline into a title or a social profile', () => {
    const c = extractFields(
      [
        'Keith Sava',
        'Making brands better since 1999',
        'Follow us: https://twitter.com/brandco https://www.facebook.com/brandco',
      ],
      { name: 'Keith Sava', email: 'keith@brandco.com' },
    );
    expect(c.title).toBeNull();
    expect(c.social).toEqual([]);
  });

  it('recognises compound titles and legal forms across languages and keeps postcodes out of phones', () => {
    const c = extractFields(
      [
        'Rafael Souza',
        'Gerente de Exportação',
        'Café Serra Ltda.',
        'Rua das Flores 220, Varginha - MG, 37010-000',
        'Cel.: +55 35 99876-5432',
      ],
      { name: 'Rafael Souza', email: 'rafael@cafeserra.com.br' },
    );
    expect(c.company).toBe('Café Serra Ltda.');
    expect(c.phones.map((p) => [p.type, p.e164])).toEqual([['mobile', '+5535998765432']]);
    const d = extractFields(['Jürgen Köhler', 'Vertriebsleiter Süd', 'Kessel-Technik GmbH'], {
      name: 'Jürgen Köhler',
      email: 'j.koehler@kessel-technik.de',
    });
    expect(d.title).toBe('Vertriebsleiter Süd');
  });

  it('keeps obfuscated e-mails as written and ignores IM handles and key ids as phones', () => {
    const c = extractFields(
      [
        'Chris Hale',
        'e: chris.hale at horizon-hts.ie',
        'ICQ# 11466242',
        'Key fingerprint = 5508 B563 6791 5C84',
      ],
      {
        name: 'Chris Hale',
        email: 'chris.hale@horizon-hts.ie',
      },
    );
    expect(c.emails).toEqual(['chris.hale at horizon-hts.ie']);
    expect(c.phones).toEqual([]);
  });
  it.each([
    [
      'pl kom. / wew.',
      'tel. +48 12 000 00 00 wew. 45',
      'kom. +48 500 000 000',
      ['work', '+48 12 000 00 00 wew. 45'],
      ['mobile', '+48 500 000 000'],
    ],
    [
      'pt Telem.',
      'Telef.: +351 22 000 0000',
      'Telem.: +351 910 000 000',
      ['work', '+351 22 000 0000'],
      ['mobile', '+351 910 000 000'],
    ],
    [
      'sg DID / HP',
      'DID: +65 6000 0000',
      'HP: +65 9000 0000',
      ['work', '+65 6000 0000'],
      ['mobile', '+65 9000 0000'],
    ],
    ['ca D / C', 'D: 416-555-0100', 'C: 647-555-0100', ['work', '416-555-0100'], ['mobile', '647-555-0100']],
    [
      'it int.',
      'Tel. +39 06 0000 0000 int. 7',
      'Cell. +39 340 000 0000',
      ['work', '+39 06 0000 0000 int. 7'],
      ['mobile', '+39 340 000 0000'],
    ],
    [
      'fr-CA poste',
      'Tél. : 418 555-0100, poste 12',
      'Téléc. : 418 555-0101',
      ['work', '418 555-0100, poste 12'],
      ['fax', '418 555-0101'],
    ],
    [
      'sv Växel / Direkt',
      'Växel: +46 8 000 000 00',
      'Direkt: +46 8 000 000 01',
      ['work', '+46 8 000 000 00'],
      ['work', '+46 8 000 000 01'],
    ],
    [
      'cs Tel./fax',
      'Tel./fax: +420 200 000 000',
      'Mobil: +420 600 000 000',
      ['other', '+420 200 000 000'],
      ['mobile', '+420 600 000 000'],
    ],
    [
      'ja 携帯',
      'TEL: 03-0000-0000',
      '携帯: 090-0000-0000',
      ['work', '03-0000-0000'],
      ['mobile', '090-0000-0000'],
    ],
  ])('types %s phone labels and keeps local extensions', (_case, l1, l2, p1, p2) => {
    const c = extractFields(['Jo Smith', 'Acme Ltd', l1, l2], { name: 'Jo Smith', email: 'jo@example.com' });
    expect(c.phones.map((p) => [p.type, p.raw])).toEqual([p1, p2]);
  });
  it('reads a vCard-like block: values without their Norwegian labels', () => {
    const c = extractFields(
      [
        '--',
        'Navn:     Kari Nordmann',
        'Stilling: Senior Developer',
        'Firma:    Eksempel AS',
        'Adresse:  Storgata 1, 0155 Oslo',
      ],
      { name: 'Kari Nordmann', email: 'kari@example.no' },
    );
    expect([c.name, c.title, c.company, c.address]).toEqual([
      'Kari Nordmann',
      'Senior Developer',
      'Eksempel AS',
      'Storgata 1, 0155 Oslo',
    ]);
  });

  it.each([
    ['Jo Bloggs MRICS', 'Jo Bloggs'],
    ['Jo Bloggs CA(SA)', 'Jo Bloggs'],
    ['Lim Mei Hua (Ms)', 'Lim Mei Hua'],
    ['JO BLOGGS', 'JO BLOGGS'],
  ])('drops post-nominals and bracketed honorifics from the name %s', (line, name) => {
    const c = extractFields([line, 'Finance Manager', 'Acme Ltd'], { name: null, email: 'jb@example.com' });
    expect(c.name).toBe(name);
  });

  it('splits a Korean rank from the name and reads the team and the Korean legal form', () => {
    const c = extractFields(['이서연 대리 | 마케팅팀', '(주)예시전자', 'Tel. 02-000-0000'], {
      name: '이서연',
      email: 'sy.lee@example.kr',
    });
    expect([c.name, c.title, c.department, c.company]).toEqual([
      '이서연',
      '대리',
      '마케팅팀',
      '(주)예시전자',
    ]);
  });

  it('reads a Japanese block that opens with the company, with the rank before the name', () => {
    const c = extractFields(
      ['株式会社テスト工業', '技術本部 第一技術部', '部長 佐藤 花子（Hanako Sato）', 'TEL: 06-0000-1111'],
      { name: null, email: 'h.sato@example.jp' },
    );
    expect([c.company, c.department, c.title, c.name]).toEqual([
      '株式会社テスト工業',
      '技術本部 第一技術部',
      '部長',
      '佐藤 花子（Hanako Sato）',
    ]);
  });

  it("keeps a CJK name's reading in brackets, as written, and tests the name without it", () => {
    const kana = extractFields(['山本 彩（やまもと あや）', '准教授', 'Tel: 022-555-0100'], {
      name: null,
      email: 'aya@example.ac.jp',
    });
    expect(kana.name).toBe('山本 彩（やまもと あや）');
    const latin = extractFields(['Wei Zhang (张伟)', 'Sales Manager', 'Tel: +86 21 5555 0100'], {
      name: 'Wei Zhang',
      email: 'wei.zhang@example.cn',
    });
    expect(latin.name).toBe('Wei Zhang (张伟)');
  });

  it('splits a Japanese line of organisation, units and rank', () => {
    const c = extractFields(
      ['鈴木 一郎', '東都工科大学 大学院理工学研究科 電気工学専攻 准教授', 'Tel: 03-5555-0100'],
      { name: null, email: 'suzuki@example.ac.jp' },
    );
    expect([c.name, c.title, c.department, c.company]).toEqual([
      '鈴木 一郎',
      '准教授',
      '大学院理工学研究科 電気工学専攻',
      '東都工科大学',
    ]);
  });

  it('reads a Taiwanese doctor: the rank after the name yields to the title line, a 財團法人 hospital', () => {
    const c = extractFields(
      ['陳美玲 醫師', '小兒科 主治醫師', '財團法人安和紀念醫院', '總機：(02)2555-0100'],
      { name: null, email: 'mlchen@example.tw' },
    );
    expect([c.name, c.title, c.department, c.company]).toEqual([
      '陳美玲',
      '主治醫師',
      '小兒科',
      '財團法人安和紀念醫院',
    ]);
    // Without a title line the rank beside the name is the title.
    const k = extractFields(['김민준 과장', '(주)예시전자', 'Tel: 02-555-0100'], {
      name: null,
      email: 'mj@example.kr',
    });
    expect([k.name, k.title]).toEqual(['김민준', '과장']);
  });

  it('takes a lower-case title right under the name, but not a lower-case line elsewhere', () => {
    const c = extractFields(['Jan Dvořák', 'jednatel', 'Příklad s.r.o.', 'Tel.: +420 200 000 000'], {
      name: 'Jan Dvořák',
      email: 'dvorak@example.cz',
    });
    expect(c.title).toBe('jednatel');
    const d = extractFields(['Jan Dvořák', 'Příklad s.r.o.', 'our manager on duty'], {
      name: 'Jan Dvořák',
      email: 'dvorak@example.cz',
    });
    expect(d.title).toBeNull();
  });

  it('recognises cooperatives and "& Asoc." firms as companies and "Procurement & Contracts" as a unit', () => {
    const c = extractFields(['Ana Ruiz', 'Contadora', 'Estudio Ruiz & Asoc.', 'Procurement & Contracts'], {
      name: 'Ana Ruiz',
      email: 'ana@example.com.ar',
    });
    expect([c.company, c.department]).toEqual(['Estudio Ruiz & Asoc.', 'Procurement & Contracts']);
    expect(
      extractFields(['Rui Costa', 'Cooperativa Agrícola do Sul'], {
        name: 'Rui Costa',
        email: 'r@example.pt',
      }).company,
    ).toBe('Cooperativa Agrícola do Sul');
  });
  it('takes scheme-less personal profile URLs (linkedin.com/in/..., twitter.com/...) as social profiles', () => {
    const c = extractFields(
      ['Jane Doe', 'Director, Acme Inc.', 'linkedin.com/in/jane-doe-example', 'twitter.com/janedoe_example'],
      { name: 'Jane Doe', email: 'jane@acme.example.com' },
    );
    expect(c.social).toEqual(['linkedin.com/in/jane-doe-example', 'twitter.com/janedoe_example']);
    expect(c.websites).toEqual([]);
  });

  it('takes an unsuffixed company line spelled by a hyphenated sender domain ("Larkspur Freight Forwarding" at larkspur-freight)', () => {
    const c = extractFields(['Owen Pryce', 'Larkspur Freight Forwarding', 'Tel 604-555-0131'], {
      name: 'Owen Pryce',
      email: 'opryce@larkspur-freight.example',
    });
    expect(c.company).toBe('Larkspur Freight Forwarding');
    // A hyphenated label does not make a line that merely shares one of its words the company.
    const d = extractFields(['Owen Pryce', 'Freight Desk Lead', 'Tel 604-555-0131'], {
      name: 'Owen Pryce',
      email: 'opryce@larkspur-freight.example',
    });
    expect(d.company).toBeNull();
  });

  it('keeps a state or province after a title in the title, never as the company ("Area Manager, QLD")', () => {
    const c = extractFields(['Priya Nair | Area Manager, QLD', 'Saltbush Haulage Group', 'M 0412 555 000'], {
      name: 'Priya Nair',
      email: 'priya@saltbush.example',
    });
    expect([c.title, c.company]).toEqual(['Area Manager, QLD', 'Saltbush Haulage Group']);
  });

  it('reads buying and inspection roles and German feminine titles as titles ("Senior Buyer", "Projektmanagerin")', () => {
    const c = extractFields(['Ida Holm', 'Senior Buyer', 'Fjordline Shipping A/S'], {
      name: 'Ida Holm',
      email: 'ih@fjordline.example',
    });
    expect(c.title).toBe('Senior Buyer');
    const d = extractFields(['Jana Roth', 'Key Account Managerin', 'Beispiel Papier GmbH'], {
      name: 'Jana Roth',
      email: 'jana.roth@beispiel-papier.example',
    });
    expect(d.title).toBe('Key Account Managerin');
  });

  describe('a unit written beside the title', () => {
    const from = { name: 'Lena Park', email: 'lena.park@tidewater.example' };
    it('reads "Title | Unit", "Title, Unit", "Title – Unit" and a unit line under the title', () => {
      const pipe = extractFields(
        ['Lena Park', 'Account Executive | Enterprise Retail Sales', 'Tidewater Analytics Inc.'],
        from,
      );
      expect([pipe.title, pipe.department]).toEqual(['Account Executive', 'Enterprise Retail Sales']);
      const comma = extractFields(
        ['Lena Park', 'Principal Consultant, Tax Advisory', 'Tidewater Analytics Inc.'],
        from,
      );
      expect([comma.title, comma.department]).toEqual(['Principal Consultant', 'Tax Advisory']);
      const dash = extractFields(
        ['Lena Park', 'Responsable de projet – Service Comptabilité', 'Tidewater Analytics SA'],
        from,
      );
      expect([dash.title, dash.department]).toEqual(['Responsable de projet', 'Service Comptabilité']);
      const under = extractFields(
        ['Lena Park', 'Shift Supervisor', 'Outbound Logistics', 'Tidewater Analytics Inc.'],
        from,
      );
      expect([under.title, under.department]).toEqual(['Shift Supervisor', 'Outbound Logistics']);
    });

    it('leaves the heading alone when no company is found elsewhere or when it is the company', () => {
      const alone = extractFields(['Lena Park', 'Shift Supervisor', 'Bayside Logistics'], from);
      expect([alone.title, alone.department]).toEqual(['Shift Supervisor', null]);
      const comma = extractFields(['Lena Park', 'Shift Supervisor, Bayside Logistics'], from);
      expect([comma.title, comma.department]).toEqual(['Shift Supervisor, Bayside Logistics', null]);
      // The sender's domain names the second heading: it is the company, the first one the unit.
      const both = extractFields(
        ['Lena Park', 'Shift Supervisor', 'Inbound Operations', 'Tidewater Logistics'],
        from,
      );
      expect([both.department, both.company]).toEqual(['Inbound Operations', 'Tidewater Logistics']);
      // A slogan or a far-away line is no unit.
      const far = extractFields(
        ['Lena Park', 'Shift Supervisor', 'Tidewater Analytics Inc.', 'Make It Happen'],
        from,
      );
      expect(far.department).toBeNull();
    });
  });

  it('reads "Street 12 - 20145 City" as an address, not as a phone, and "Oficina:" as a work label', () => {
    const c = extractFields(
      [
        'Paolo Riva',
        'Riva Imballaggi S.r.l.',
        'Via dei Mulini 12 - 20145 Milano (MI)',
        'Oficina: +39 02 555 0147',
      ],
      { name: 'Paolo Riva', email: 'paolo@riva-imballaggi.example' },
    );
    expect(c.phones.map((p) => p.raw)).toEqual(['+39 02 555 0147']);
    expect(c.address).toBe('Via dei Mulini 12 - 20145 Milano (MI)');
    // A number labelled as a phone on either side stays a phone.
    const d = extractFields(['Paolo Riva', 'Tel 02 - 55501 Ufficio'], {
      name: 'Paolo Riva',
      email: 'p@riva.example',
    });
    expect(d.phones.map((p) => p.raw)).toEqual(['02 - 55501']);
    const e = extractFields(['Paolo Riva', 'Acme 02 - 55501 Office'], {
      name: 'Paolo Riva',
      email: 'p@riva.example',
    });
    expect(e.phones.map((p) => p.raw)).toEqual(['02 - 55501']);
  });

  it('reads a Brazilian highway address and a "City - UF, CEP" line as one address', () => {
    const c = extractFields(
      [
        'Júlia Prado',
        'Ipê Embalagens Ltda.',
        'Rod. SP-330, km 98 - Distrito Industrial',
        'Jundiaí - SP, 13213-080',
        'Tel.: +55 11 4555-0100',
      ],
      { name: 'Júlia Prado', email: 'julia@ipe-embalagens.example' },
    );
    expect(c.address).toBe('Rod. SP-330, km 98 - Distrito Industrial, Jundiaí - SP, 13213-080');
    expect(c.phones.map((p) => p.raw)).toEqual(['+55 11 4555-0100']);
  });

  it('takes a bare website after a web label whatever its top-level domain ("w: kestrelmills.dk")', () => {
    const c = extractFields(
      [
        'Ole Berg | Head of IT | Kestrel Mills',
        't: 33 55 01 01 | w: kestrelmills.dk',
        'Web: firma.pl/kontakt',
      ],
      {
        name: 'Ole Berg',
        email: 'ole@kestrelmills.dk',
      },
    );
    expect(c.websites).toEqual(['kestrelmills.dk', 'firma.pl/kontakt']);
    // Without a label, an unknown top-level domain is not taken: "see report.final" is prose.
    const d = extractFields(['Ole Berg', 'see report.final', 'Site: Building 4'], {
      name: 'Ole Berg',
      email: 'ole@kestrelmills.dk',
    });
    expect(d.websites).toEqual([]);
  });

  it('reads a unit heading beside the title ("Title | Unit", "Title – Unit") once the company is on its own line', () => {
    const c = extractFields(
      [
        'Tom Keane',
        'Shift Supervisor | Bulk Haulage',
        'Ridgeway Carriers Pty Ltd',
        'PO Box 88, Geelong VIC 3220',
      ],
      { name: 'Tom Keane', email: 'tom.keane@ridgeway.example' },
    );
    expect(c.title).toBe('Shift Supervisor');
    expect(c.department).toBe('Bulk Haulage');
    const d = extractFields(
      [
        'Anne Marchal',
        'Juriste – Droit fiscal',
        'Cabinet Orme & Associés SELARL',
        '12, rue Vaubecour – 69002 Lyon',
      ],
      { name: 'Anne Marchal', email: 'a.marchal@orme.example' },
    );
    expect(d.title).toBe('Juriste');
    expect(d.department).toBe('Droit fiscal');
  });

  it('leaves a place beside the title out of the department (a word of the address, a country)', () => {
    const c = extractFields(
      [
        'Tom Keane',
        'Account Manager | New Plymouth',
        'Ridgeway Carriers Ltd',
        '4 Quay Street, New Plymouth 4310',
      ],
      { name: 'Tom Keane', email: 'tom.keane@ridgeway.example' },
    );
    expect(c.department).toBeNull();
    const d = extractFields(['Tom Keane', 'Sales Director – United Kingdom', 'Ridgeway Carriers Ltd'], {
      name: 'Tom Keane',
      email: 'tom.keane@ridgeway.example',
    });
    expect(d.department).toBeNull();
    // No company on another line: the heading may itself be the organisation.
    const e = extractFields(['Tom Keane', 'Shift Supervisor | Bulk Haulage'], {
      name: 'Tom Keane',
      email: 'tom.keane@ridgeway.example',
    });
    expect(e.department).toBeNull();
  });

  it('drops "Maître" and the faculty of "Dr. med." from the name, and reads physicians, lecturers and brokers as titles', () => {
    const c = extractFields(['Dr. med. Lena Hartwig', 'Oberärztin', 'Kreisklinik Talheim gGmbH'], {
      name: 'Lena Hartwig',
      email: 'l.hartwig@kreisklinik.example',
    });
    expect(c.name).toBe('Lena Hartwig');
    expect(c.title).toBe('Oberärztin');
    const d = extractFields(['Maître Paul Rivet', 'Avocat', 'Rivet Avocats SELARL'], {
      name: 'Paul Rivet',
      email: 'p.rivet@rivet.example',
    });
    expect(d.name).toBe('Paul Rivet');
    for (const title of ['Universitetslektor', 'Courtière en douane', 'Associate', 'Główna Księgowa']) {
      const e = extractFields(['Ola Nyberg', title, 'Nyberg Konsult AB'], {
        name: 'Ola Nyberg',
        email: 'ola@nyberg.example',
      });
      expect(e.title).toBe(title);
    }
  });

  it('reads a Swedish university unit ("Institutionen för ...") after a comma and a högskola as the organisation', () => {
    const c = extractFields(
      ['Ola Nyberg', 'Universitetslektor, Institutionen för fysik', 'Västra tekniska högskola'],
      {
        name: 'Ola Nyberg',
        email: 'ola.nyberg@vth.example',
      },
    );
    expect(c.title).toBe('Universitetslektor');
    expect(c.department).toBe('Institutionen för fysik');
    expect(c.company).toBe('Västra tekniska högskola');
  });

  it('reads a block that opens with its city line as the address, not as a name before the comma', () => {
    const c = extractFields(['Falls Church, VA  22042', 'julie.gibson@example.org'], {
      name: 'Julie Gibson',
      email: 'julie.gibson@example.org',
    });
    expect(c).toMatchObject({ name: null, address: 'Falls Church, VA 22042' });
  });

  it("takes the sender's own domain written alone as the website, but not when it is capitalised as the company name", () => {
    const c = extractFields(
      ['Ruth Quayle', 'Partner', 'Quayle Moss LLP', 'ruth@quaylemoss.example | quaylemoss.example'],
      { name: 'Ruth Quayle', email: 'ruth@quaylemoss.example' },
    );
    expect(c.websites).toEqual(['quaylemoss.example']);
    const d = extractFields(['Ruth Quayle', 'Quaylemoss.example', 'Network Administrator'], {
      name: 'Ruth Quayle',
      email: 'ruth@quaylemoss.example',
    });
    expect(d.websites).toEqual([]);
    // Another domain alone on a line is no website without a label.
    const e = extractFields(['Ruth Quayle', 'Partner', 'othersite.example'], {
      name: 'Ruth Quayle',
      email: 'ruth@quaylemoss.example',
    });
    expect(e.websites).toEqual([]);
    // With a path ("the meetings page of our site"), it is still the company's site.
    const f = extractFields(['Ruth Quayle', 'Partner', 'quaylemoss.example/meetings'], {
      name: 'Ruth Quayle',
      email: 'ruth@quaylemoss.example',
    });
    expect(f.websites).toEqual(['quaylemoss.example/meetings']);
  });

  it('reads "Off:" as an office phone label, so the label never joins the address', () => {
    const c = extractFields(
      [
        'Arjun Rao',
        'Kaveri Systems Pvt. Ltd.',
        '3rd Floor, Orion Park, Pune 411014, India',
        'Mob: +91 98220 55111 | Off: +91 20 5555 0101',
      ],
      { name: 'Arjun Rao', email: 'arjun@kaveri.example' },
    );
    expect(c.address).toBe('3rd Floor, Orion Park, Pune 411014, India');
    expect(c.phones.map((p) => p.type)).toEqual(['mobile', 'work']);
  });

  it('takes an institution heading an address line as the organisation when no other line names one', () => {
    const c = extractFields(
      [
        'Niamh Walsh',
        'Research Fellow',
        'University of the Midlands, Athlone, N37 F6D4, Ireland',
        '+353 90 555 0100',
      ],
      { name: 'Niamh Walsh', email: 'niamh.walsh@uotm.example' },
    );
    expect(c.company).toBe('University of the Midlands');
    expect(c.address).toBe('Athlone, N37 F6D4, Ireland');
    // With the organisation on its own line, the address line stays whole.
    const d = extractFields(
      [
        'Niamh Walsh',
        'Research Fellow',
        'Midlands Analytics Ltd',
        'University of the Midlands, Athlone, N37 F6D4, Ireland',
      ],
      { name: 'Niamh Walsh', email: 'niamh.walsh@uotm.example' },
    );
    expect(d.company).toBe('Midlands Analytics Ltd');
    expect(d.address).toBe('University of the Midlands, Athlone, N37 F6D4, Ireland');
  });

  it('splits a partnerships unit after a comma from the title, but keeps a region in the title', () => {
    const c = extractFields(['Lee Ortiz', 'Director, Strategic Alliances', 'Bayfront Mobility Inc.'], {
      name: 'Lee Ortiz',
      email: 'lee@bayfront.example',
    });
    expect([c.title, c.department]).toEqual(['Director', 'Strategic Alliances']);
    const d = extractFields(['Lee Ortiz', 'Regional Sales Director, APAC', 'Bayfront Mobility Inc.'], {
      name: 'Lee Ortiz',
      email: 'lee@bayfront.example',
    });
    expect([d.title, d.department]).toEqual(['Regional Sales Director, APAC', null]);
  });

  it.each(['Dr.-Ing. Lena Hartwig', 'Dipl.-Kfm. Lena Hartwig', 'Dipl.-Wirt.-Ing. Lena Hartwig'])(
    'leaves a German degree with its subject out of the name: %s',
    (line) => {
      const c = extractFields([line, 'Einkaufsleiterin', 'Hartwig Pumpen GmbH'], {
        name: 'Lena Hartwig',
        email: 'l.hartwig@hartwig-pumpen.example',
      });
      expect(c.name).toBe('Lena Hartwig');
    },
  );

  it('reads a public-affairs or French service unit after a comma as the department', () => {
    const c = extractFields(['Sam Okafor', 'Policy Adviser, Government Affairs', 'Tidewell Energy plc'], {
      name: 'Sam Okafor',
      email: 'sam.okafor@tidewell.example',
    });
    expect([c.title, c.department]).toEqual(['Policy Adviser', 'Government Affairs']);
    const d = extractFields(['Luc Perrin', 'Technicien principal, Service Qualité', 'Perrin Mécanique SAS'], {
      name: 'Luc Perrin',
      email: 'luc.perrin@perrin-meca.example',
    });
    expect([d.title, d.department]).toEqual(['Technicien principal', 'Service Qualité']);
  });

  it('does not let a French switchboard label join the address', () => {
    const c = extractFields(
      ['Luc Perrin', 'Perrin Mécanique SAS', '12 rue des Lilas, 69003 Lyon', 'Standard : 04 00 00 00 00'],
      { name: 'Luc Perrin', email: 'luc.perrin@perrin-meca.example' },
    );
    expect(c.address).toBe('12 rue des Lilas, 69003 Lyon');
    expect(c.phones.map((p) => p.type)).toEqual(['work']);
  });
});

describe('field failure classes of real mail (issue 14)', () => {
  const from = { name: 'Jane Roe', email: 'jane.roe@acme.example' };

  it.each([
    ['Jane Roe | Head of Partnerships | Acme Widgets Inc.'],
    ['Jane Roe ‖ Head of Partnerships ‖ Acme Widgets Inc.'],
    ['Jane Roe - Head of Partnerships - Acme Widgets Inc.'],
    ['Jane Roe * Head of Partnerships * Acme Widgets Inc.'],
    ['Jane Roe | Head of Partnerships at Acme Widgets Inc.'],
    ['Jane Roe, Head of Partnerships at Acme Widgets Inc.'],
  ])('splits the one-line block "%s" into name, title and company', (line) => {
    const c = extractFields([line], from);
    expect([c.name, c.title, c.company]).toEqual(['Jane Roe', 'Head of Partnerships', 'Acme Widgets Inc.']);
  });

  it('does not read "Co-founder" as the legal form "Co", but still reads "Acme Co." and "Co-op"', () => {
    const c = extractFields(
      ['Jane Roe', 'Co-founder & CEO', 'Brightpath Analytics Ltd', '+1 415 555 0134'],
      from,
    );
    expect(c.title).toBe('Co-founder & CEO');
    expect(c.company).toBe('Brightpath Analytics Ltd');
    expect(hasCompanyWord('Co-founder & CEO')).toBe(false);
    expect(hasCompanyWord('Harbour Supply Co.')).toBe(true);
    expect(hasCompanyWord('Valley Growers Co-op')).toBe(true);
  });

  it('reads a role after the name as the title: "Jane Roe, CFO", "Jane Roe CFO", and "Acme Widgets, CFO"', () => {
    expect(extractFields(['Jane Roe, CFO', 'Acme Widgets Inc.'], from)).toMatchObject({
      name: 'Jane Roe',
      title: 'CFO',
      company: 'Acme Widgets Inc.',
    });
    expect(extractFields(['Jane Roe CFO', 'Acme Widgets Inc.'], from)).toMatchObject({
      name: 'Jane Roe',
      title: 'CFO',
    });
    expect(extractFields(['Jane Roe', 'Acme Widgets Inc., CFO'], from)).toMatchObject({
      title: 'CFO',
      company: 'Acme Widgets Inc.',
    });
    // A credential is still no title.
    expect(extractFields(['Oliver Smythe MRICS', 'Acme Widgets Inc.'], from).title).toBeNull();
  });

  it('keeps a territory after a title in the title, not in the address', () => {
    const c = extractFields(
      ['Jane Roe', 'Research Director, UK', 'Acme Widgets Ltd', '+44 20 7946 0958'],
      from,
    );
    expect(c.title).toBe('Research Director, UK');
    expect(c.address).toBeNull();
  });

  it('reads right-to-left names, titles, units and companies (Arabic, Hebrew)', () => {
    const ar = extractFields(
      ['\u200fليلى حداد', 'مديرة المبيعات', 'قسم المبيعات الدولية', 'شركة النخيل للتجارة', '+971 4 555 0123'],
      { name: 'Layla Haddad', email: 'layla.haddad@nakheel-trading.example' },
    );
    expect(ar).toMatchObject({
      name: 'ليلى حداد',
      title: 'مديرة المبيعات',
      department: 'قسم المبيعات الدولية',
      company: 'شركة النخيل للتجارة',
    });
    const he = extractFields(['נועה לוי', 'מנהלת פיתוח עסקי', 'אורן מערכות בע"מ', '03-555-0142'], {
      name: 'Noa Levi',
      email: 'noa@oren-systems.example',
    });
    expect(he).toMatchObject({ name: 'נועה לוי', title: 'מנהלת פיתוח עסקי', company: 'אורן מערכות בע"מ' });
    // A block in Hebrew script with no other country evidence: the number is Israeli.
    expect(he.phones).toEqual([{ type: 'work', e164: '+97235550142', raw: '03-555-0142' }]);
  });

  it('reads CJK names written without a space and splits a unit and rank on one line', () => {
    const ja = extractFields(['山田太郎', '営業部 部長', '光商事株式会社', 'TEL 03-5555-0123'], {
      name: 'Taro Yamada',
      email: 'yamada@hikari-shoji.example',
    });
    expect(ja).toMatchObject({
      name: '山田太郎',
      title: '部長',
      department: '営業部',
      company: '光商事株式会社',
    });
    // Japanese script and no ccTLD or country name: the number is Japanese.
    expect(ja.phones).toEqual([{ type: 'work', e164: '+81355550123', raw: '03-5555-0123' }]);
    const zh = extractFields(['王小明', '销售部 经理', '电话 010-5555-0123'], {
      name: 'Wang Xiaoming',
      email: 'wang@huaxin.example',
    });
    expect(zh).toMatchObject({ name: '王小明', title: '经理', department: '销售部' });
    expect(zh.phones[0]?.e164).toBe('+861055550123');
    // Traditional script with a Taiwanese city: the number is Taiwan's, not China's.
    const tw = extractFields(
      ['林志明', '財團法人康寧紀念醫院', '臺北市北投區石牌路二段555號', '總機：(02)2555-1234'],
      {
        name: 'Lin Chih-ming',
        email: 'cmlin@kangning-hosp.example',
      },
    );
    expect(tw.phones[0]?.e164).toBe('+886225551234');
    const ko = extractFields(['김민준', '영업부 과장', '한빛전자 주식회사', '02-555-0123'], {
      name: 'Minjun Kim',
      email: 'mj.kim@hanbit.example',
    });
    expect(ko).toMatchObject({
      name: '김민준',
      title: '과장',
      department: '영업부',
      company: '한빛전자 주식회사',
    });
    expect(ko.phones[0]?.e164).toBe('+8225550123');
  });

  it('uses Unicode word edges: a title word inside a longer word ("Partnerübersicht") is no title', () => {
    expect(hasTitleWord('Partnerübersicht')).toBe(false);
    expect(hasTitleWord('Leadé')).toBe(false);
    expect(hasTitleWord('Direktør')).toBe(true);
    expect(hasTitleWord('ügyvezető igazgató')).toBe(true);
    expect(hasCompanyWord('Université Laval')).toBe(true);
  });

  it('reads no field from machine-generated KEY = value records', () => {
    const c = extractFields(
      ['TRADE_ID = 44721', 'COUNTERPARTY = Northwind Trading Inc.', 'CONTACT_PHONE = 713-555-0142'],
      from,
    );
    expect(c).toEqual(emptyContact());
  });

  it('takes the link target when the label is no value, and never a second copy of a number or address', () => {
    const c = extractFields(
      [
        'Jane Roe',
        'Mobile: +1 415 555 0177<tel:+14155550177>',
        'jane.roe@acme.example<mailto:jane.roe@acme.example>',
        'LinkedIn<https://www.linkedin.com/in/jane-roe-example> | Website<https://www.acme.example/>',
      ],
      from,
    );
    expect(c.phones).toEqual([{ type: 'mobile', e164: '+14155550177', raw: '+1 415 555 0177' }]);
    expect(c.emails).toEqual(['jane.roe@acme.example']);
    expect(c.social).toEqual(['https://www.linkedin.com/in/jane-roe-example']);
    expect(c.websites).toEqual(['https://www.acme.example/']);
    expect(c.company).toBeNull();
  });

  it('keeps the value of <mailto:x>, <http://...> and <URL: ...> wrappers', () => {
    const c = extractFields(
      [
        'Jane Roe',
        'E-mail: <mailto:jane.roe@acme.example>',
        'Web: <http://www.acme.example/>',
        '<URL: http://www.acme.example/docs>',
      ],
      from,
    );
    expect(c.emails).toEqual(['jane.roe@acme.example']);
    expect(c.websites).toEqual(['http://www.acme.example/', 'http://www.acme.example/docs']);
  });

  it('keeps visible text as the value and company pages out of social ("Join us on facebook <...>")', () => {
    const c = extractFields(
      [
        'Jane Roe',
        'W • acme.com <https://www.acme.com/>',
        'Join us on facebook <https://www.facebook.com/acme> or twitter <https://twitter.com/acme>',
      ],
      { name: 'Acme', email: 'jane.roe@acme.com' },
    );
    expect(c.websites).toEqual(['acme.com']);
    expect(c.social).toEqual([]);
  });
});

describe('"Title, Unit" and territories (issue 14 item 5 conventions)', () => {
  const from = { name: 'Jane Roe', email: 'jane.roe@acme.example' };
  it.each([
    [['Jane Roe', 'Engineer, Network Services', 'Acme Widgets Ltd'], 'Engineer', 'Network Services'],
    [['Jane Roe', 'Coordinator, Real Estate', 'Acme Widgets Ltd'], 'Coordinator', 'Real Estate'],
    [
      ['Jane Roe', 'Delivery Lead, Cloud Infrastructure Services', 'Acme Widgets Ltd'],
      'Delivery Lead',
      'Cloud Infrastructure Services',
    ],
    [['Jane Roe', 'Analyst, Trade Settlements', 'Acme Widgets Ltd'], 'Analyst', 'Trade Settlements'],
    [
      ['Jane Roe', 'Chargée de mission, Relations investisseurs', 'Acme Widgets SA'],
      'Chargée de mission',
      'Relations investisseurs',
    ],
    [
      ['Jane Roe', 'Leiter Vertriebsinnendienst | Konzernvertrieb', 'Acme Widgets GmbH'],
      'Leiter Vertriebsinnendienst',
      'Konzernvertrieb',
    ],
    [['Jane Roe', 'Salgsleder', 'Avdeling for salg', 'Acme Widgets AS'], 'Salgsleder', 'Avdeling for salg'],
    // A unit in any vocabulary once a legal form names the organisation: a heading of two to four words,
    // or one word ending like a field of work (-ics, -tion, -ance, -ung, -ate ...).
    [['Jane Roe', 'Field Engineer | Hydraulics', 'Acme Widgets GmbH'], 'Field Engineer', 'Hydraulics'],
    [['Jane Roe', 'Counsel, Arbitration', 'Acme Widgets LLP'], 'Counsel', 'Arbitration'],
    [['Jane Roe', 'Analyst, Reinsurance', 'Acme Widgets Ltd'], 'Analyst', 'Reinsurance'],
    [
      ['Jane Roe', 'Referent, Unternehmensentwicklung', 'Acme Widgets AG'],
      'Referent',
      'Unternehmensentwicklung',
    ],
    [['Jane Roe', 'Planner, Outbound Freight', 'Acme Widgets Inc.'], 'Planner', 'Outbound Freight'],
    [['Jane Roe', 'Senior Associate | Corporate', 'Acme Widgets LLP'], 'Senior Associate', 'Corporate'],
  ])('splits %j into title and unit', (lines, title, department) => {
    expect(extractFields(lines, from)).toMatchObject({ title, department });
  });

  it.each([
    [
      ['Jane Roe', 'Account Director - Northern Europe', 'Acme Widgets Ltd'],
      'Account Director - Northern Europe',
    ],
    [['Jane Roe', 'Sales Manager, Asia Pacific', 'Acme Widgets Ltd'], 'Sales Manager, Asia Pacific'],
    [['Jane Roe', 'Regional Director | Midwest', 'Acme Widgets Ltd'], 'Regional Director'],
    [['Jane Roe', 'Account Manager – Italy', 'Acme Widgets S.p.A.'], 'Account Manager – Italy'],
    [['Jane Roe', 'Sales Lead - EMEA', 'Acme Widgets Ltd'], 'Sales Lead - EMEA'],
    // A city, a country and a product (a capitals-only token) are no unit either.
    [['Jane Roe', 'Partner | Frankfurt', 'Acme Widgets LLP'], 'Partner'],
    [['Jane Roe', 'Associate, San Francisco', 'Acme Widgets LLP'], 'Associate, San Francisco'],
    [['Jane Roe', 'Research Director, UK', 'Acme Widgets Ltd'], 'Research Director, UK'],
    [['Jane Roe', 'Product Manager, Payments SDK', 'Acme Widgets Inc.'], 'Product Manager, Payments SDK'],
    [
      ['Jane Roe', 'Solutions Engineer, AWS Marketplace', 'Acme Widgets Inc.'],
      'Solutions Engineer, AWS Marketplace',
    ],
  ])('keeps a territory out of the unit: %j', (lines, title) => {
    const c = extractFields(lines, from);
    expect(c.title).toBe(title);
    expect(c.department).toBeNull();
  });

  it('reads a weak organisation word beside the title as the unit only once a legal form names the organisation', () => {
    expect(
      extractFields(['Jane Roe', 'Project Engineer, Structures Group', 'Acme Widgets Ltd'], from),
    ).toMatchObject({
      title: 'Project Engineer',
      department: 'Structures Group',
      company: 'Acme Widgets Ltd',
    });
    expect(
      extractFields(['Jane Roe', 'Project Engineer, Infrastructure Group', 'Acme Widgets Ltd'], from),
    ).toMatchObject({
      title: 'Project Engineer',
      department: 'Infrastructure Group',
      company: 'Acme Widgets Ltd',
    });
    // Without a legal form elsewhere the heading may be the organisation itself.
    expect(extractFields(['Jane Roe', 'Project Engineer, Infrastructure Group'], from).department).toBeNull();
  });

  it('reads Dutch purchaser and seller titles', () => {
    expect(extractFields(['Jane Roe', 'Verkoper', 'Acme Widgets B.V.'], from).title).toBe('Verkoper');
  });
});

describe('phones and addresses of more layouts (issue 14)', () => {
  it('reads labels written with a full-width colon and ideographic space (Japanese blocks)', () => {
    const c = extractFields(
      ['株式会社ミドリ商会', 'TEL：06-5555-0123　FAX：06-5555-0124', '携帯：080-5555-0125'],
      {
        name: 'Hanako Suzuki',
        email: 'suzuki@midori-shokai.example',
      },
    );
    expect(c.phones.map((p) => `${p.type} ${p.raw}`)).toEqual([
      'work 06-5555-0123',
      'fax 06-5555-0124',
      'mobile 080-5555-0125',
    ]);
  });

  it('keeps an extension written in brackets with its number ("(toestel 231)")', () => {
    const c = extractFields(['Jan de Wit', 'Tel: 020 - 555 12 34 (toestel 45)'], {
      name: 'Jan de Wit',
      email: 'jan@dewit.example',
    });
    expect(c.phones.map((p) => p.raw)).toEqual(['020 - 555 12 34 (toestel 45)']);
  });

  it('reads a long one-line address of comma-separated parts, and a street-word line heading the address', () => {
    const from = { name: 'Ana Ruiz', email: 'ana@olivos.example' };
    expect(
      extractFields(
        [
          'Ana Ruiz',
          'Av. de los Insurgentes Sur 1602, Piso 4, Colonia Crédito Constructor, 03940 Ciudad de México',
        ],
        from,
      ).address,
    ).toBe('Av. de los Insurgentes Sur 1602, Piso 4, Colonia Crédito Constructor, 03940 Ciudad de México');
    expect(
      extractFields(
        [
          'Ana Ruiz',
          'Olivos Envases, S.L.',
          'Polígono Industrial Los Almendros',
          'C/ Mayor, 5',
          '28001 Madrid',
        ],
        from,
      ).address,
    ).toBe('Polígono Industrial Los Almendros, C/ Mayor, 5, 28001 Madrid');
    // A sentence is no address line, however many commas it has.
    expect(
      extractFields(
        [
          'Ana Ruiz',
          'Visit us at Suite 4, the blue building, next to the station, by the old harbour, in town.',
        ],
        from,
      ).address,
    ).toBeNull();
  });
});

describe('labelled fields in CJK and right-to-left blocks', () => {
  it('reads a Chinese address after its label and a full-width colon', () => {
    const c = extractFields(
      ['李明', '市场部 总监', '北京华信科技有限公司', '电话：010-5555-0123', '地址：北京市朝阳区建国路88号'],
      {
        name: 'Li Ming',
        email: 'liming@huaxin.example',
      },
    );
    expect(c).toMatchObject({
      name: '李明',
      title: '总监',
      department: '市场部',
      address: '北京市朝阳区建国路88号',
    });
  });

  it('types Hebrew and Arabic phone labels', () => {
    const he = extractFields(
      ['יעל כהן', 'אורן מערכות בע"מ', 'טל: 03-555-0142', 'נייד: 052-555-0142', 'פקס: 03-555-0143'],
      {
        name: 'Yael Cohen',
        email: 'yael@oren.example',
      },
    );
    expect(he.phones.map((p) => p.type)).toEqual(['work', 'mobile', 'fax']);
    const ar = extractFields(
      ['أحمد منصور', 'شركة الرمال للمقاولات', 'هاتف: 02-2555-0123', 'جوال: 050-555-0123'],
      {
        name: 'Ahmed Mansour',
        email: 'ahmed@rimal.example',
      },
    );
    expect(ar.phones.map((p) => p.type)).toEqual(['work', 'mobile']);
  });
});

describe('Russian and Turkish blocks (lexicon files ru.ts, tr.ts)', () => {
  it('reads name, title, unit, company and typed phones', () => {
    expect(
      extractFields(
        [
          'Иван Петров',
          'Менеджер по продажам',
          'Отдел продаж',
          'ООО «Северный ветер»',
          'Тел.: +7 495 555-01-23',
          'Моб.: +7 916 555-01-23',
        ],
        { name: 'Ivan Petrov', email: 'i.petrov@sever.example' },
      ),
    ).toMatchObject({
      name: 'Иван Петров',
      title: 'Менеджер по продажам',
      department: 'Отдел продаж',
      company: 'ООО «Северный ветер»',
      phones: [
        { type: 'work', e164: '+74955550123', raw: '+7 495 555-01-23' },
        { type: 'mobile', e164: '+79165550123', raw: '+7 916 555-01-23' },
      ],
    });
    expect(
      extractFields(['Ayşe Yılmaz', 'Satış Müdürü', 'Anadolu Tekstil A.Ş.', 'Cep: +90 532 555 01 23'], {
        name: 'Ayse Yilmaz',
        email: 'ayse@anadolu.example',
      }),
    ).toMatchObject({ name: 'Ayşe Yılmaz', title: 'Satış Müdürü', company: 'Anadolu Tekstil A.Ş.' });
  });
});

describe('short blocks: first name with company acronym, nickname with phone (issue 14 item 4)', () => {
  const jo = { name: 'Joanna Smith', email: 'jo.smith@acme.example' };
  it.each([[['Jo', 'ACME']], [['Jo - ACME']], [['Jo (ACME)']]])('reads %j as name and company', (lines) => {
    expect(extractFields(lines, jo)).toMatchObject({ name: 'Jo', company: 'ACME' });
  });

  it('reads a lone nickname above a phone number as the name', () => {
    const c = extractFields(['Bobby', '(713) 555-0100'], {
      name: 'Robert Lang',
      email: 'rlang@lang-energy.example',
    });
    expect(c.name).toBe('Bobby');
    expect(c.phones.map((p) => p.raw)).toEqual(['(713) 555-0100']);
  });

  it('takes no unit, organisation or title word as a lone name', () => {
    for (const word of ['Sales', 'Marketing', 'Director', 'Acme Ltd', 'Germany']) {
      expect(
        extractFields([word, '(713) 555-0100'], { name: 'Robert Lang', email: 'rlang@lang.example' }).name,
      ).toBeNull();
    }
  });
});

describe('"Title - Company" and "Company - Title" (issue 14 item 4, field splits)', () => {
  const from = { name: 'Dana Holt', email: 'dana@redhat.example' };
  it.each([
    [['Dana Holt', 'Software Engineer - Red Hat'], 'Red Hat'],
    [['Dana Holt', 'Software Engineer – Red Hat Inc.'], 'Red Hat Inc.'],
    [['Dana Holt', 'Red Hat - Software Engineer'], 'Red Hat'],
    [['Dana Holt | Software Engineer - Red Hat'], 'Red Hat'],
  ])('reads %j as title and company', (lines, company) => {
    expect(extractFields(lines, from)).toMatchObject({ title: 'Software Engineer', company });
  });

  it('takes no role with a weak organisation word ("Software Engineer") as the company', () => {
    const c = extractFields(['Dana Holt', 'Software Engineer – Cobalt Ridge Inc.'], from);
    expect(c.company).toBe('Cobalt Ridge Inc.');
    expect(c.title).toBe('Software Engineer');
  });

  it('takes a place after "Company - " for no unit', () => {
    const c = extractFields(['Dana Holt', 'Software Engineer', 'Red Hat Czech s.r.o. - Brno'], from);
    expect(c).toMatchObject({ company: 'Red Hat Czech s.r.o.', department: null });
    expect(extractFields(['Dana Holt', 'Halcyon Corp. - Global Finance'], from)).toMatchObject({
      company: 'Halcyon Corp.',
      department: 'Global Finance',
    });
  });
});

describe('city and state lines, and state codes after a title', () => {
  const from = { name: 'Jane Roe', email: 'jane@acmeclinic.example' };
  it.each([
    [['Jane Roe', 'Research Scientist', 'Broad Harbor Institute', 'Cambridge, MA'], 'Cambridge, MA'],
    [
      ['Jane Roe', 'Engineer', 'Acme Corp.', '100 Main Street', 'Mountain View, CA'],
      '100 Main Street, Mountain View, CA',
    ],
    [['Jane Roe', 'Analyst', 'Northern Shield Insurance Ltd.', 'Toronto, ON'], 'Toronto, ON'],
    [['Jane Roe, MD', 'Acme Clinic', '(617) 555-0100'], null],
    [['Jane Roe', 'Nordljus AB', 'Box 1234', '111 82 Stockholm'], 'Box 1234, 111 82 Stockholm'],
  ])('reads the address of %j as %j', (lines, address) => {
    expect(extractFields(lines, from).address).toBe(address);
  });

  it('keeps a state code after a title in the title, never as the company', () => {
    expect(extractFields(['Jane Roe', 'Sales Manager, CA', 'Acme Corp.'], from)).toMatchObject({
      title: 'Sales Manager, CA',
      company: 'Acme Corp.',
    });
  });
});

describe('short sign-offs and organisations signing alone', () => {
  it.each([
    [['Bill', '4-2210'], { name: null, email: 'william.hartley@ridgeway.example' }, 'Bill'],
    [['Kat x58812'], { name: null, email: 'katarina.voss@ridgeway.example' }, 'Kat'],
    [['wes', 'x41107'], { name: null, email: 'wes.porter@ridgeway.example' }, 'wes'],
    [['MQ    4-7731'], { name: null, email: 'marta.quinn@ridgeway.example' }, 'MQ'],
  ])('reads the sender signing %j by a short form of their name', (lines, from, name) => {
    expect(extractFields(lines, from).name).toBe(name);
  });

  it('reads an internal extension in a column after initials as a work phone', () => {
    const c = extractFields(['MQ    4-7731'], { name: null, email: 'marta.quinn@ridgeway.example' });
    expect(c.phones.map((p) => [p.type, p.raw])).toEqual([['work', '4-7731']]);
  });

  it('does not take another first name above an extension as the name', () => {
    expect(
      extractFields(['Bob', '4-2210'], { name: null, email: 'william.hartley@ridgeway.example' }).name,
    ).toBeNull();
  });

  it('reads "Company, Inc." alone as the company, not a name', () => {
    expect(
      extractFields(['Halvorsen Clearing, Inc.'], { name: null, email: 'statements@halvorsen.example' }),
    ).toMatchObject({ name: null, company: 'Halvorsen Clearing, Inc.' });
  });

  it('keeps "Name, Company Inc." a name and a company', () => {
    expect(
      extractFields(['Jane Roe, Acme Widgets Inc.'], { name: 'Jane Roe', email: 'jane.roe@acme.example' }),
    ).toMatchObject({ name: 'Jane Roe', company: 'Acme Widgets Inc.' });
  });

  it.each([
    [['Ridgeway Global Technology'], { name: null, email: 'notices@ridgeway.example' }, 'company'],
    [
      ['Harbourline Energy Global Infrastructure'],
      { name: 'Harbourline Energy Global Infrastructure', email: 'infra.team@mailhub.example' },
      'company',
    ],
    [['Ridgeway Americas'], { name: null, email: 'ops.desk@ridgeway.example' }, 'company'],
    [
      ['Payroll Support Team'],
      { name: 'Payroll Support Team', email: 'payroll.ops@ridgeway.example' },
      'department',
    ],
  ] as const)(
    'reads an organisation or team signing alone (%j) as such, not as a person, even under its own display name',
    (lines, from, key) => {
      const c = extractFields([...lines], from);
      expect(c.name).toBeNull();
      expect(c[key]).toBe(lines[0]);
    },
  );

  it.each([[{ name: null, email: 'lee@kim.example' }], [{ name: 'Kim Lee', email: 'klee@kim.example' }]])(
    'keeps a person whose name opens with the domain label a person (%j)',
    (from) => {
      expect(extractFields(['Kim Lee', 'Account Manager'], from)).toMatchObject({
        name: 'Kim Lee',
        title: 'Account Manager',
        company: null,
      });
    },
  );

  it('keeps a person who signs with the display name of a person, whatever the words', () => {
    expect(
      extractFields(['Jane Sales', 'Account Manager', 'Ridgeway Inc.'], {
        name: 'Jane Sales',
        email: 'jane.sales@ridgeway.example',
      }).name,
    ).toBe('Jane Sales');
  });

  it("takes a Mastodon profile on any instance as social when its handle is the sender's", () => {
    const c = extractFields(
      [
        'Karin Vogelsang',
        'Nordlicht IT GmbH',
        'https://nordlicht-it.example',
        'https://norden.social/@kvogelsang',
      ],
      { name: 'Karin Vogelsang', email: 'k.vogelsang@nordlicht-it.example' },
    );
    expect(c.social).toEqual(['https://norden.social/@kvogelsang']);
    expect(c.websites).toEqual(['https://nordlicht-it.example']);
    // Someone else's handle on an instance is not the sender's profile.
    const other = extractFields(
      ['Karin Vogelsang', 'Nordlicht IT GmbH', 'https://fosstodon.org/@projectnews'],
      {
        name: 'Karin Vogelsang',
        email: 'k.vogelsang@nordlicht-it.example',
      },
    );
    expect(other.social).toEqual([]);
  });

  it('reads an icon link whose placeholder a plain-text rendering wrapped over two lines', () => {
    const c = extractFields(
      [
        'María González',
        'Gerente de Proyectos',
        'Andes Data S.A.',
        '[image: LinkedIn] <https://www.linkedin.com/in/mariagonzalez-example>  [image:',
        'Twitter] <https://twitter.com/mgonzalez_ex>',
      ],
      { name: 'Maria Gonzalez', email: 'mgonzalez@andesdata.example' },
    );
    expect(c.social).toEqual([
      'https://www.linkedin.com/in/mariagonzalez-example',
      'https://twitter.com/mgonzalez_ex',
    ]);
  });

  it('does not read a business function heading as a name', () => {
    expect(
      extractFields(['Ridgeway Global Infrastructure'], { name: null, email: 'infra.desk@ridgeway.example' })
        .name,
    ).toBeNull();
  });
});

describe('titles and units in more languages (lexicon entries, issue 14)', () => {
  const from = { name: 'Jane Roe', email: 'jane.roe@acme.example' };
  it.each([
    // Italian, Portuguese, Spanish, French, Dutch, Polish and German titles with a unit line under them.
    [['Sofia Russo', 'Direttrice Commerciale', 'Acme Tessile S.r.l.'], 'Direttrice Commerciale', null],
    [
      ['Luca Gatti', 'Capo Progetto', 'Direzione Tecnica', 'Acme Impianti S.p.A.'],
      'Capo Progetto',
      'Direzione Tecnica',
    ],
    [
      ['João Silva', 'Gestor de Projetos', 'Departamento de Engenharia', 'Acme Obras S.A.'],
      'Gestor de Projetos',
      'Departamento de Engenharia',
    ],
    [
      ['Rita Sousa', 'Engenheira de Processos', 'Direção de Produção', 'Acme Têxteis, Lda.'],
      'Engenheira de Processos',
      'Direção de Produção',
    ],
    [
      ['Pilar Vidal', 'Analista de Datos', 'Área de Sistemas', 'Acme Datos S.L.'],
      'Analista de Datos',
      'Área de Sistemas',
    ],
    [
      ['Marie Dupont', "Chargée d'affaires", 'Direction Régionale Ouest', 'Acme Énergie SA'],
      "Chargée d'affaires",
      'Direction Régionale Ouest',
    ],
    [
      ['Paul Girard', 'Gestionnaire de paie', 'Service Paie', 'Acme Conseil SAS'],
      'Gestionnaire de paie',
      'Service Paie',
    ],
    [
      ['Bas Kok', 'Beheerder applicaties', 'Directie Bedrijfsvoering', 'Acme Zorg B.V.'],
      'Beheerder applicaties',
      'Directie Bedrijfsvoering',
    ],
    [
      ['Ewa Lis', 'Koordynatorka projektów', 'Zespół Wdrożeń', 'Acme Polska Sp. z o.o.'],
      'Koordynatorka projektów',
      'Zespół Wdrożeń',
    ],
    [
      ['Uwe Roth', 'Leitung Einkauf', 'Stabsstelle Recht', 'Acme Antriebe GmbH'],
      'Leitung Einkauf',
      'Stabsstelle Recht',
    ],
    [
      ['Uwe Roth', 'Industriekaufmann', 'Kundendienst', 'Acme Antriebe GmbH'],
      'Industriekaufmann',
      'Kundendienst',
    ],
  ])('reads %j', (lines, title, department) => {
    expect(extractFields(lines, from)).toMatchObject({ title, department });
  });
});

describe('social profiles behind icons and labels (issue 14 link renderings)', () => {
  const from = { name: 'Jo Bloggs', email: 'jo.bloggs@acme.example' };
  it.each([
    [
      '[image: LinkedIn icon] <https://www.linkedin.com/in/jo-bloggs-a>',
      ['https://www.linkedin.com/in/jo-bloggs-a'],
    ],
    [
      '[image: Twitter logo] <https://twitter.com/jobloggs> [image: GitHub icon] <https://github.com/jobloggs>',
      ['https://twitter.com/jobloggs', 'https://github.com/jobloggs'],
    ],
    // An icon whose placeholder is the image's own address or file name: the link's site says what it is.
    [
      '[https://cdn.acme.example/sig/in.png]<https://www.linkedin.com/in/jo-bloggs-b>',
      ['https://www.linkedin.com/in/jo-bloggs-b'],
    ],
    ['[li-icon.png]<https://www.linkedin.com/in/jo-bloggs-c>', ['https://www.linkedin.com/in/jo-bloggs-c']],
    // Visible text that is only the end of the profile's path or the handle: the target is the value.
    ['in/jo-bloggs-d<https://www.linkedin.com/in/jo-bloggs-d>', ['https://www.linkedin.com/in/jo-bloggs-d']],
    ['@jobloggs<https://x.com/jobloggs>', ['https://x.com/jobloggs']],
    // A visible profile address stays the value as written.
    ['linkedin.com/in/jo-bloggs-e<https://www.linkedin.com/in/jo-bloggs-e>', ['linkedin.com/in/jo-bloggs-e']],
    // A company page behind an icon is no personal profile.
    ['[image: LinkedIn] <https://www.linkedin.com/company/acme-widgets>', []],
  ])('reads %j', (line, social) => {
    expect(extractFields(['Jo Bloggs', 'Engineer', 'Acme Widgets Ltd', line], from).social).toEqual(social);
  });
});

describe('CJK names, units and addresses, and long one-line addresses (issue 14)', () => {
  const from = { name: null, email: 'contact@acme.example' };
  it.each([
    [
      ['林志明 Jimmy Lin', '業務部 經理', '光遠科技股份有限公司', '220 新北市板橋區文化路一段 100 號 12 樓'],
      {
        name: '林志明 Jimmy Lin',
        title: '經理',
        department: '業務部',
        address: '220 新北市板橋區文化路一段 100 號 12 樓',
      },
    ],
    [
      ['이서연', '영업본부 해외영업팀 | 선임', '(주)한빛소재', '서울특별시 강남구 테헤란로 152, 12층'],
      {
        name: '이서연',
        title: '선임',
        department: '영업본부 해외영업팀',
        address: '서울특별시 강남구 테헤란로 152, 12층',
      },
    ],
    [
      [
        'Ali Hassan',
        'Sales Manager',
        'Acme Trading LLC',
        'Office 1204, Marina Plaza Tower B, JLT, Dubai, UAE',
      ],
      { title: 'Sales Manager', address: 'Office 1204, Marina Plaza Tower B, JLT, Dubai, UAE' },
    ],
  ])('reads %j', (lines, want) => {
    expect(extractFields(lines, from)).toMatchObject(want);
  });

  it('keeps a comma list ending with a country out of the address when it carries no number or a title', () => {
    const c = extractFields(
      ['Ali Hassan', 'Head of Sales, Gulf, Levant, North Africa, UAE', 'Acme Trading LLC'],
      from,
    );
    expect(c.address).toBeNull();
  });
});

describe('role nouns of more trades and professions (lexicon entries, issue 14)', () => {
  const from = { name: 'Jane Roe', email: 'jane@acme-widgets.example' };
  it.each([
    'Scrum Master',
    'Bookkeeper',
    'Nurse Practitioner',
    'PhD Candidate',
    'Copywriter',
    'Actuary',
    'Site Electrician',
    'Trainee',
    'Physiotherapist',
    'CMO',
  ])('reads %j under the name as the title', (title) => {
    const c = extractFields(['Jane Roe', title, 'Acme Widgets Ltd', 'T: +44 20 7946 0321'], from);
    expect(c).toMatchObject({ name: 'Jane Roe', title, company: 'Acme Widgets Ltd' });
  });
});

describe('an organisation named without a legal form, next to the title (issue 14)', () => {
  const from = { name: 'Jane Roe', email: 'jane.roe@mailhost.example' };
  it.each([
    [
      ['Jane Roe', 'Account Executive', 'Bayside Provisions', '+1 312 555 0100'],
      'Account Executive',
      'Bayside Provisions',
    ],
    [['Jane Roe', 'Marketing Manager | Bayside Provisions'], 'Marketing Manager', 'Bayside Provisions'],
    [
      ['Jane Roe', 'Bayside Provisions', 'Customer Success Manager'],
      'Customer Success Manager',
      'Bayside Provisions',
    ],
    [
      [
        'Jane Roe',
        'Account Executive',
        'Bayside Provisions | 12 Pier Street, Suite 4 | Springfield, IL 62701',
      ],
      'Account Executive',
      'Bayside Provisions',
    ],
    [
      ['Jane Roe', 'Director of Engineering', 'HALVERSON & BYRNE'],
      'Director of Engineering',
      'HALVERSON & BYRNE',
    ],
  ])('reads %j', (lines, title, company) => {
    expect(extractFields(lines, from)).toMatchObject({ title, company });
  });

  it.each([
    [['Jane Roe', 'Account Executive', 'Building Better Harbours', '+1 312 555 0100']],
    [['Jane Roe', 'Account Executive', 'Chicago', '+1 312 555 0100']],
    [['Jane Roe', 'Account Executive', 'Customer Operations', '+1 312 555 0100']],
    [['Jane Roe', 'Account Executive', 'Personal WebLog: http://jane.example/']],
    [['Jane Roe', 'Account Executive', 'LinkedIn']],
    [['Jane Roe', 'Account Executive', 'Ask me about our spring offers.']],
  ])('names no organisation in %j', (lines) => {
    expect(extractFields(lines, from).company).toBeNull();
  });
});

describe('the last line of an address under its street line (issue 14)', () => {
  const from = { name: 'Jane Roe', email: 'jane@acme-widgets.example' };
  it.each([
    [['PO Box 4410', 'Wellington 6140'], 'PO Box 4410, Wellington 6140'],
    [['Plot 77, Marina Road', 'Victoria Island, Lagos'], 'Plot 77, Marina Road, Victoria Island, Lagos'],
    [
      ['Av. Apoquindo 3000, of. 801', 'Las Condes, Santiago'],
      'Av. Apoquindo 3000, of. 801, Las Condes, Santiago',
    ],
    [
      ['Rua Funchal, 418 - 12º andar', 'Vila Olímpia, São Paulo - SP', '04551-060'],
      'Rua Funchal, 418 - 12º andar, Vila Olímpia, São Paulo - SP, 04551-060',
    ],
  ])('joins %j', (addr, address) => {
    const c = extractFields(
      ['Jane Roe', 'Account Manager', 'Acme Widgets Ltd', ...addr, 'T: +44 20 7946 0321'],
      from,
    );
    expect(c.address).toBe(address);
  });

  it('leaves a unit or a two-word name under the address out of it', () => {
    const c = extractFields(
      ['Jane Roe', 'Account Manager', '12 Pier Street', 'Springfield, IL 62701', 'Customer Operations'],
      from,
    );
    expect(c.address).toBe('12 Pier Street, Springfield, IL 62701');
    const d = extractFields(['Jane Roe', 'Account Manager', '12 Pier Street', 'Bayside Provisions'], from);
    expect(d.address).not.toContain('Bayside');
  });
});

describe('units beside the organisation, unit-then-role titles and Nordic titles (issue 14)', () => {
  const from = { name: 'Jane Roe', email: 'jane@mailhost.example' };
  it.each([
    [
      ['Jane Roe', 'Account Manager', 'Reefer Logistics | Bayside Provisions Inc.'],
      'Account Manager',
      'Reefer Logistics',
      'Bayside Provisions Inc.',
    ],
    [
      ['Jane Roe', 'Account Manager', 'Bayside Provisions Inc. | Reefer Logistics'],
      'Account Manager',
      'Reefer Logistics',
      'Bayside Provisions Inc.',
    ],
    [
      ['Jane Roe', 'Account Manager', 'Reefer Logistics, Bayside Provisions Inc.'],
      'Account Manager',
      'Reefer Logistics',
      'Bayside Provisions Inc.',
    ],
    [
      ['Jane Roe', 'Account Manager', 'Bayside Provisions Inc., Marine Division'],
      'Account Manager',
      'Marine Division',
      'Bayside Provisions Inc.',
    ],
    [
      ['Jane Roe', 'Account Manager', 'Reefer Logistics', 'Bayside Provisions Inc.'],
      'Account Manager',
      'Reefer Logistics',
      'Bayside Provisions Inc.',
    ],
    [
      ['Jane Roe', 'Department Head, Cardiology', 'Bayside Clinic Ltd'],
      'Department Head',
      'Cardiology',
      'Bayside Clinic Ltd',
    ],
    [['Jane Roe', 'Säljare', 'Nordvik AB'], 'Säljare', null, 'Nordvik AB'],
    [['Jane Roe', 'Daglig leder', 'Nordvik AS'], 'Daglig leder', null, 'Nordvik AS'],
    [['Jane Roe', 'Toimitusjohtaja', 'Pohjoisranta Oy'], 'Toimitusjohtaja', null, 'Pohjoisranta Oy'],
  ])('reads %j', (lines, title, department, company) => {
    expect(extractFields(lines, from)).toMatchObject({ title, department, company });
  });

  it('keeps a city beside the organisation out of the unit', () => {
    const c = extractFields(['Jane Roe', 'Account Manager', 'Bayside Provisions Inc. | Toronto'], from);
    expect(c.department).toBeNull();
  });

  it.each([
    [['Jane Roe', 'Gerente', 'Grupo Ribera Suministros, S.L.'], 'Grupo Ribera Suministros, S.L.'],
    [['Jane Roe', 'Gestora', 'Vinhos do Lima, Lda.'], 'Vinhos do Lima, Lda.'],
    [['Jane Roe', 'Ufficio Tecnico', 'Officine Brenta S.r.l.'], 'Officine Brenta S.r.l.'],
  ])(
    'keeps a legal form after a comma with its organisation, and a unit line out of the title: %j',
    (lines, company) => {
      expect(extractFields(lines, from)).toMatchObject({ company });
      expect(extractFields(lines, from).department).not.toBe(company.split(',')[0]);
    },
  );
});

describe('more separators between title and organisation (issue 14 one-line blocks)', () => {
  const from = { name: 'Jane Roe', email: 'jane@mailhost.example' };
  it.each([
    [['Jane Roe', 'Account Manager / Bayside Provisions Inc.']],
    [['Jane Roe', 'Account Manager — Bayside Provisions Inc.']],
    [['Jane Roe', 'Account Manager // Bayside Provisions Inc.']],
    [['Jane Roe / Account Manager / Bayside Provisions Inc.']],
    [['Jane Roe — Account Manager — Bayside Provisions Inc.']],
  ])('splits %j into name, title and company', (lines) => {
    expect(extractFields(lines, from)).toMatchObject({
      name: 'Jane Roe',
      title: 'Account Manager',
      company: 'Bayside Provisions Inc.',
    });
  });

  it('keeps a slash inside one field and takes the side with the legal form as the organisation', () => {
    expect(
      extractFields(['Jane Roe', 'Sales / Marketing Director', 'Bayside Provisions Inc.'], from).title,
    ).toBe('Sales / Marketing Director');
    expect(
      extractFields(['Jane Roe', 'Account Manager, Reefer Logistics – Bayside Provisions Inc.'], from),
    ).toMatchObject({
      title: 'Account Manager',
      department: 'Reefer Logistics',
      company: 'Bayside Provisions Inc.',
    });
  });
});

describe('Hebrew honorifics and firms of partners (lexicon entries, issue 14)', () => {
  it('drops עו"ד and ד"ר from the name and reads ושות\' as a legal form', () => {
    const from = { name: null, email: 'office@levin-law.example' };
    expect(extractFields(['עו"ד מיכל לוין', 'שותפה', "לוין ושות'", 'טל: 03-5550199'], from)).toMatchObject({
      name: 'מיכל לוין',
      title: 'שותפה',
      company: "לוין ושות'",
    });
    expect(extractFields(['ד"ר אורי כץ', 'מנהל מחקר', 'ביומד פתרונות בע"מ'], from).name).toBe('אורי כץ');
  });
});

describe('units over two lines and "Company _ Unit" (issue 14, short internal blocks)', () => {
  it('reads a name with its extension and a bracketed team, then "Company _ Unit" under it', () => {
    const c = extractFields(['Sam x4-1120 (Billing Team)', 'Ridgeway Freight _ Revenue Operations'], {
      name: 'Sam Porter',
      email: 'sam.porter@ridgeway.example',
    });
    expect(c).toMatchObject({
      name: 'Sam',
      department: 'Billing Team, Revenue Operations',
      company: 'Ridgeway Freight',
    });
    expect(c.phones.map((p) => p.raw)).toEqual(['x4-1120']);
  });

  it('splits "Company _ Unit" like "Company - Unit"', () => {
    expect(
      extractFields(['Jane Roe', 'Halvorsen Clearing LLC _ Settlements'], {
        name: 'Jane Roe',
        email: 'jane.roe@halvorsen.example',
      }),
    ).toMatchObject({ company: 'Halvorsen Clearing LLC', department: 'Settlements' });
  });

  const from = { name: 'Jane Roe', email: 'jane.roe@ridgeway.example' };
  it.each([
    [
      ['Jane Roe', 'Human Resources', 'Graduate Recruitment Program', 'Ext. 4412'],
      'Human Resources, Graduate Recruitment Program',
    ],
    [['Jane Roe', 'Associate Analyst Program'], 'Associate Analyst Program'],
    [['Jane Roe', 'Human Resources', 'Payroll Team', 'Ext. 4412'], 'Human Resources, Payroll Team'],
    // Not on consecutive lines: the first unit only.
    [['Jane Roe', 'Human Resources', 'Ridgeway Inc.', 'Payroll Team'], 'Human Resources'],
    // A unit opening with its unit word under a research group is the institution's, written above it.
    [
      [
        'Jane Roe',
        'Research Group on Coastal Hydrology',
        'Department of Civil Engineering',
        'University of Westmoor',
      ],
      'Research Group on Coastal Hydrology',
    ],
  ])(
    'joins unit lines written one under the other, and reads a line ending with a unit word as a unit: %j',
    (lines, department) => {
      const c = extractFields(lines, from);
      expect(c.department).toBe(department);
      expect(c.title).toBeNull();
    },
  );
});

describe('titles by their seniority word, and unit lines that carry role nouns (issue 14)', () => {
  const from = { name: 'Jane Roe', email: 'jane.roe@ridgeway.example' };
  it.each([
    [['Jane Roe', 'Sr. Human Resource Represenative', 'x4-1120'], 'Sr. Human Resource Represenative', null],
    [['Jane Roe', 'Deputy Harbour Master', 'Port of Westmoor'], 'Deputy Harbour Master', 'Port of Westmoor'],
    [['Jane Roe', 'Jr. Payroll Clerk'], 'Jr. Payroll Clerk', null],
    [['Jane Roe', 'Head of Customer Support', 'Ridgeway Inc.'], 'Head of Customer Support', 'Ridgeway Inc.'],
    [['Jane Roe', 'Program Officer', 'Ridgeway Foundation'], 'Program Officer', 'Ridgeway Foundation'],
    // A role heading a unit keeps a line that ends with the unit a title.
    [
      ['Jane Roe', 'Director Customer Support', 'Ridgeway Inc.'],
      'Director Customer Support',
      'Ridgeway Inc.',
    ],
    [['Jane Roe', 'VP Sales Team', 'Ridgeway Inc.'], 'VP Sales Team', 'Ridgeway Inc.'],
  ])('reads the title of %j (and takes no extension for a company)', (lines, title, company) => {
    expect(extractFields(lines, from)).toMatchObject({ title, company });
  });

  it.each([
    [['Jane Roe', 'Senior Living Services LLC'], { title: null, company: 'Senior Living Services LLC' }],
    [['Jane Roe', 'Ridgeway Inc.', 'Senior Care Options'], { title: null, company: 'Ridgeway Inc.' }],
  ])('takes no organisation, and no line away from the name, as a seniority title: %j', (lines, expected) => {
    expect(extractFields(lines, from)).toMatchObject(expected);
  });
});

describe('a function qualified by a role noun under the title (issue 14 "Title, Unit" convention)', () => {
  const from = { name: 'Jane Roe', email: 'jane@acme.example' };
  it.each([
    [['Jane Roe', 'Solutions Architect', 'Partner Engineering', 'Acme Widgets Inc.'], 'Partner Engineering'],
    [['Jane Roe', 'Account Manager', 'Customer Success', 'Acme Widgets Inc.'], 'Customer Success'],
    // A role heading the line keeps it a (second) title, never the unit.
    [['Jane Roe', 'Co-founder', 'VP Engineering', 'Acme Widgets Inc.'], null],
    [['Jane Roe', 'Software Engineer', 'Senior Engineer', 'Acme Widgets Inc.'], null],
  ])('reads the unit of %j', (lines, department) => {
    expect(extractFields(lines, from)).toMatchObject({ department, company: 'Acme Widgets Inc.' });
  });
});

describe('names the rules of other cultures write', () => {
  it.each([
    ['Núria Puigdomènech i Soler', 'nuria@vinyes.example'],
    ['Nurul Aisyah binti Ahmad', 'nurul.aisyah@tanjungmaju.example'],
    ['Maria Cristina "Tina" Dela Cruz', 'tina.delacruz@bagongaraw.example'],
    ['अनिल वर्मा / Anil Verma', 'anil.verma@sagar.example'],
    ['สุภาพร วงศ์ใหญ่', 'supaporn@siamdatalink.example'],
  ])('reads %j heading a block', (name, email) => {
    const c = extractFields([name, 'Senior Finance Manager', 'Northwind Labs Inc.', 'Tel +1 415 555 0142'], {
      name: null,
      email,
    });
    expect(c.name).toBe(name);
  });

  it('does not take a Thai company line for a name', () => {
    const c = extractFields(['บริษัท สยามดาต้าลิงก์ จำกัด', 'โทร 02-555-0142'], {
      name: null,
      email: 'x@siam.example',
    });
    expect(c.name).toBe(null);
  });
});

describe('names, titles and companies of the field-split tuning set (holdout21)', () => {
  it.each([
    // A generation stays in the name; medical post-nominals and degrees written before it go.
    [['Robert T. Alvarez III', 'Partner', 'Alvarez Kent LLP'], 'Robert T. Alvarez III'],
    [
      ['Dr Hannah Okafor-Lee MBBS FRCP', 'Consultant Physician', 'Northbridge Hospitals NHS Trust'],
      'Hannah Okafor-Lee',
    ],
    [['mgr inż. Paweł Zieliński', 'Kierownik Działu Jakości', 'Przykład Sp. z o.o.'], 'Paweł Zieliński'],
    [['Δρ. Ελένη Κωνσταντίνου', 'Διευθύντρια Πωλήσεων', 'ΠΑΡΑΔΕΙΓΜΑ Α.Ε.'], 'Ελένη Κωνσταντίνου'],
    [
      ['Siti Aminah binte Rahman', 'Senior Consultant', 'Harbourview Clinic Pte. Ltd.'],
      'Siti Aminah binte Rahman',
    ],
  ])('reads the name of %j', (lines, name) => {
    expect(extractFields(lines, { name: null, email: 'someone@example.com' }).name).toBe(name);
  });

  it('keeps countries joined by "&" after a dash in the title, and "GM" before them is a title', () => {
    const c = extractFields(['Declan Byrne', 'GM – Spain & Portugal', 'Iberline Freight Ltd'], {
      name: null,
      email: 'declan@iberline.example',
    });
    expect([c.title, c.department, c.company]).toEqual([
      'GM – Spain & Portugal',
      null,
      'Iberline Freight Ltd',
    ]);
    // "GM" before another capitalised word is no title.
    expect(
      extractFields(['Ana Ruiz', 'GM Financial Services Ltd'], { name: null, email: 'a@x.example' }).title,
    ).toBe(null);
  });

  it('takes a long company name when it has a legal form', () => {
    const c = extractFields(
      [
        'Jonas Weber',
        'Geschäftsführer',
        'Schmidt & Söhne Feinwerktechnik GmbH & Co. KG',
        'Hauptstraße 5 · 70173 Stuttgart',
      ],
      { name: null, email: 'j.weber@schmidt-soehne.example' },
    );
    expect(c.company).toBe('Schmidt & Söhne Feinwerktechnik GmbH & Co. KG');
  });
});

describe('title rows, groups and public bodies (holdout21 classes)', () => {
  const f = (lines: string[], email: string) => extractFields(lines, { name: null, email });

  it('keeps two roles of one row whole, but reads one title in two languages by its first version', () => {
    expect(
      f(['Jana Nováková', 'jednatelka | obchodní ředitelka', 'PŘÍKLAD s.r.o.'], 'jana@priklad.example').title,
    ).toBe('jednatelka | obchodní ředitelka');
    expect(
      f(['Inês Costa', 'Diretora Financeira | CFO', 'Exemplo Energia, Lda.'], 'ines@exemplo.example').title,
    ).toBe('Diretora Financeira | CFO');
    expect(
      f(['Élise Martin', 'Cheffe de projet | Project Manager', 'Exemple SA'], 'elise@exemple.example').title,
    ).toBe('Cheffe de projet');
    expect(f(['Jón Jónsson', 'Sölustjóri | Sales Manager', 'Dæmi hf.'], 'jon@daemi.example').title).toBe(
      'Sölustjóri',
    );
  });

  it('leaves out the parent group written above the firm', () => {
    const c = f(
      [
        'Inês Costa',
        'Diretora Financeira',
        'Grupo Costa Verde',
        'Costa Verde Energias, Lda.',
        'Tel.: +351 21 555 0100',
      ],
      'ines@costaverde.example',
    );
    expect([c.department, c.company]).toEqual([null, 'Costa Verde Energias, Lda.']);
  });

  it('splits "Title, Unit at Company"', () => {
    const c = f(
      ['Mei Tran', 'Senior Manager, Assurance Services at Pike Ward LLP', 'T 416-555-0176'],
      'mt@pikeward.example',
    );
    expect([c.title, c.department, c.company]).toEqual([
      'Senior Manager',
      'Assurance Services',
      'Pike Ward LLP',
    ]);
  });

  it('reads a long unit that opens with its unit word', () => {
    const c = f(
      [
        'Anil Rao',
        'Professor & Head',
        'Department of Operations & Supply Chain Management',
        'Example Institute of Technology',
      ],
      'anil@eit.example',
    );
    expect([c.title, c.department, c.company]).toEqual([
      'Professor & Head',
      'Department of Operations & Supply Chain Management',
      'Example Institute of Technology',
    ]);
  });

  it('takes a ministry whose name spells the sender domain as the organisation, a university department not', () => {
    const gov = f(
      [
        'Sam Clarke',
        'Deputy Director, Net Zero Buildings Division',
        'Department for Energy Transition',
        'Tel: 020 7946 0583',
      ],
      'sam.clarke@energytransition.gov.example',
    );
    expect([gov.department, gov.company]).toEqual([
      'Net Zero Buildings Division',
      'Department for Energy Transition',
    ]);
    const uni = f(
      ['Ann Lee', 'Lecturer', 'Department of Physics', 'University of Example'],
      'ann.lee@physics.example.ac.uk',
    );
    expect([uni.department, uni.company]).toEqual(['Department of Physics', 'University of Example']);
  });
});

describe('names, addresses and contacts of the field-split tuning set (holdout21), continued', () => {
  it('keeps an English given name after the family and given names when the sender has it', () => {
    const c = extractFields(
      ['Lim Kok Wai, Daniel', 'Regional Director, APAC', 'Example Biologics Pte. Ltd.'],
      {
        name: null,
        email: 'daniel.lim@example-bio.example',
      },
    );
    expect(c.name).toBe('Lim Kok Wai, Daniel');
    // A word the sender's address does not have is not read as their name.
    const d = extractFields(['Lim Kok Wai, Daniel', 'Regional Director'], {
      name: null,
      email: 'kw.lim@x.example',
    });
    expect(d.name).toBe('Lim Kok Wai');
  });

  it("heads the address with a building's name in the cell before it", () => {
    const c = extractFields(
      ['Oliver Benn', 'Associate', 'Example LLP', 'Harrow House • 14 Park Row • Leeds LS1 5JL'],
      {
        name: null,
        email: 'o.benn@example-llp.example',
      },
    );
    expect(c.address).toBe('Harrow House, 14 Park Row, Leeds LS1 5JL');
  });

  it('reads two numbers either side of " / " under one label, an extension after an en dash, and x.com without a scheme', () => {
    const c = extractFields(
      [
        'Vincent Leung',
        'Tel (852) 5550 2210 / (852) 5550 2211   Fax (852) 5550 2219',
        'ĐT: +84 24 5555 3184 – Máy lẻ: 215',
        'x.com/vleung_hk · github.com/vleung',
      ],
      { name: 'Vincent Leung', email: 'vincent@example.hk' },
    );
    expect(c.phones.map((p) => [p.type, p.raw])).toEqual([
      ['work', '(852) 5550 2210'],
      ['work', '(852) 5550 2211'],
      ['fax', '(852) 5550 2219'],
      ['work', '+84 24 5555 3184 – Máy lẻ: 215'],
    ]);
    expect(c.social).toEqual(['x.com/vleung_hk', 'github.com/vleung']);
    // An area code before a slash stays part of its number.
    const a = extractFields(['Tel. 0174 / 62 45 00'], { name: null, email: 'x@example.at' });
    expect(a.phones.map((p) => p.raw)).toEqual(['0174 / 62 45 00']);
  });
});

describe('addresses and companies of the discard tuning set (holdout19)', () => {
  it('reads "Title, Company" when the company spells a hyphenated sender domain', () => {
    const c = extractFields(['Greg Hollis', 'Owner, Hollis Custom Millwork', '(828) 555-0124 shop'], {
      name: 'Greg Hollis',
      email: 'greg@hollis-millwork.example',
    });
    expect([c.title, c.company]).toEqual(['Owner', 'Hollis Custom Millwork']);
    // The name's first word, then a short form of the rest ("northwold-tx").
    const t = extractFields(['Rhys Pemberton', 'Clinical QA Lead, Northwold Therapeutics', '07700 900 861'], {
      name: 'Rhys Pemberton',
      email: 'rhys.pemberton@northwold-tx.example',
    });
    expect([t.title, t.company]).toEqual(['Clinical QA Lead', 'Northwold Therapeutics']);
  });

  it('reads a Spanish road address (Ctra. ..., km 12) and one ending with a capitals abbreviation', () => {
    const es = extractFields(
      ['Lucía Gil', 'Aceites Gil, S.L.', 'Ctra. de Córdoba, km 12 · 41400 Écija (Sevilla)'],
      {
        name: null,
        email: 'lucia@aceitesgil.example',
      },
    );
    expect(es.address).toBe('Ctra. de Córdoba, km 12, 41400 Écija (Sevilla)');
    const hk = extractFields(
      [
        'Vincent Leung | Managing Director | Example Holdings Ltd',
        'Room 1203, 12/F, Tower B, Crestwell Plaza, 4 Kwai Fung Crescent, Kwai Chung, N.T.',
      ],
      { name: null, email: 'vincent@example.hk' },
    );
    expect(hk.address).toBe(
      'Room 1203, 12/F, Tower B, Crestwell Plaza, 4 Kwai Fung Crescent, Kwai Chung, N.T.',
    );
  });
});

describe('classes of the regional tuning set (holdout16), continued', () => {
  const f = (lines: string[], email: string) => extractFields(lines, { name: null, email });

  it('ends an address with a postcode row under it (its Chinese label dropped)', () => {
    const c = f(
      [
        '王海涛  副总经理',
        '华宇粮油进出口有限公司',
        '地址：山东省青岛市市南区香港中路55号华宇大厦21楼',
        '邮编：266071',
      ],
      'w@huayu.example',
    );
    expect(c.address).toBe('山东省青岛市市南区香港中路55号华宇大厦21楼, 266071');
  });

  it('takes a name spelled by its own initials in brackets as the organisation', () => {
    const c = f(
      [
        'Hiwot Tesfaye',
        'Procurement Officer, Supply Chain Unit',
        'East Africa Food Security Programme (EAFSP)',
      ],
      'hiwot@eafsp.example',
    );
    expect([c.department, c.company]).toEqual([
      'Supply Chain Unit',
      'East Africa Food Security Programme (EAFSP)',
    ]);
  });

  it('keeps two roles either side of a dash as one title', () => {
    expect(
      f(['Ivana Horvat', 'odvjetnica – partnerica', 'Horvat d.o.o.'], 'ivana@horvat.example').title,
    ).toBe('odvjetnica – partnerica');
  });

  it('reads a Costa Rican address given as directions from a landmark', () => {
    const c = f(
      [
        'Ana Mora',
        'Hospital San Rafael',
        'Del Parque Central 300 metros norte y 50 este',
        'Alajuela, Costa Rica',
      ],
      'ana@hsr.example',
    );
    expect(c.address).toBe('Del Parque Central 300 metros norte y 50 este, Alajuela, Costa Rica');
  });

  it('keeps a name written in two scripts either side of " | "', () => {
    expect(
      f(['Salma Bennani | سلمى بناني', 'Directrice Commerciale', 'Hôtel Atlas SA'], 'salma@atlas.example')
        .name,
    ).toBe('Salma Bennani | سلمى بناني');
  });
});

describe('a Korean unit and its sub-unit around a slash', () => {
  it('takes a CJK name with its rank under the company and unit lines, with no display name to match', () => {
    const c = extractFields(
      ['株式会社テスト商事', '営業本部 第一営業部', '課長 山田 太郎', 'TEL: 03-5555-0100'],
      {
        name: null,
        email: 't.yamada@example.jp',
      },
    );
    expect([c.name, c.title]).toEqual(['山田 太郎', '課長']);
  });

  it('reads "본부 / 팀" as one department', () => {
    const c = extractFields(
      ['(주)예시텔레콤', '네트워크사업본부 / 해외영업팀', '이서연 차장', '전화 02-555-3120'],
      {
        name: '이서연',
        email: 'sy.lee@example.kr',
      },
    );
    expect([c.company, c.department, c.name, c.title]).toEqual([
      '(주)예시텔레콤',
      '네트워크사업본부 / 해외영업팀',
      '이서연',
      '차장',
    ]);
  });
});

describe('HTML signature tuning set classes (holdout23)', () => {
  it('splits an Arabic "Title، Unit" at the Arabic comma', () => {
    const c = extractFields(
      ['خالد المنصوري', 'مدير المشاريع، إدارة التطوير العقاري', 'شركة المثال العقارية'],
      {
        name: 'خالد المنصوري',
        email: 'khaled@example.ae',
      },
    );
    expect([c.title, c.department]).toEqual(['مدير المشاريع', 'إدارة التطوير العقاري']);
  });

  it('keeps a CJK name written with a space, then its romanised form, as one name', () => {
    const c = extractFields(['高橋 美咲 Misaki Takahashi', '営業部 課長', '株式会社テスト'], {
      name: null,
      email: 'm.takahashi@example.jp',
    });
    expect(c.name).toBe('高橋 美咲 Misaki Takahashi');
  });
});

describe('labelled and bracketed fields (holdout24 classes)', () => {
  it('drops vCard-like labels from values', () => {
    const c = extractFields(
      [
        'Ayesha Siddiqui',
        'Designation: Assistant Vice President',
        'Department: Credit Administration',
        'Organization: Example Bank Limited',
        'Head office: 9th Floor, Example Tower, I.I. Chundrigar Road, Karachi-74000',
      ],
      { name: null, email: 'ayesha@examplebank.example' },
    );
    expect([c.title, c.department, c.company, c.address]).toEqual([
      'Assistant Vice President',
      'Credit Administration',
      'Example Bank Limited',
      '9th Floor, Example Tower, I.I. Chundrigar Road, Karachi-74000',
    ]);
  });

  it('splits a unit in brackets after the title', () => {
    const c = extractFields(
      ['Adebayo Okafor', 'Deputy General Manager (Treasury Operations)', 'Coral Bank Limited'],
      {
        name: null,
        email: 'a.okafor@coralbank.example',
      },
    );
    expect([c.title, c.department]).toEqual(['Deputy General Manager', 'Treasury Operations']);
  });
});

describe('Baltic, Slovenian, Georgian, Finnish, Norwegian, Slovak and Mexican titles and streets (holdout24 lexicons)', () => {
  it.each([
    [
      ['Kadri Tamm', 'Vanemanalüütik, riskijuhtimise osakond', 'Näide AS', 'Narva mnt 5, 10117 Tallinn'],
      'Vanemanalüütik',
      'Narva mnt 5, 10117 Tallinn',
    ],
    [
      ['Ilze Ozola', 'Direktora vietniece', 'SIA Piemērs', 'Krasta iela 55, Rīga, LV-1019'],
      'Direktora vietniece',
      'Krasta iela 55, Rīga, LV-1019',
    ],
    [
      ['Rūta Kazlauskienė', 'Teisės skyriaus vadovė', 'UAB Pavyzdys', 'Gedimino pr. 5, LT-01103 Vilnius'],
      'Teisės skyriaus vadovė',
      'Gedimino pr. 5, LT-01103 Vilnius',
    ],
    [
      ['Matej Novak', 'Samostojni svetovalec', 'Primer d.o.o.', 'Dunajska cesta 5, 1000 Ljubljana'],
      'Samostojni svetovalec',
      'Dunajska cesta 5, 1000 Ljubljana',
    ],
    [['Liisa Virtanen', 'Yliopistonlehtori', 'Esimerkin yliopisto'], 'Yliopistonlehtori', null],
    [['Kari Nordmann', 'Leder for juridisk avdeling', 'Eksempel AS'], 'Leder for juridisk avdeling', null],
    [
      ['Jana Kováčová', 'Zástupkyňa vedúceho oddelenia', 'Príklad s.r.o.'],
      'Zástupkyňa vedúceho oddelenia',
      null,
    ],
    [['Laura Pérez', 'Subgerente de Tesorería', 'Ejemplo S.A. de C.V.'], 'Subgerente de Tesorería', null],
  ])('reads the title (and address) of %j', (lines, title, address) => {
    const c = extractFields(lines, { name: null, email: 'someone@example.com' });
    expect(c.title).toBe(title);
    if (address) expect(c.address).toBe(address);
  });

  it('reads a Georgian university block', () => {
    const c = extractFields(
      ['ნინო ბერიძე', 'ასოცირებული პროფესორი', 'ეკონომიკის ინსტიტუტი', 'თბილისის ეკონომიკური უნივერსიტეტი'],
      {
        name: null,
        email: 'n.beridze@example.ge',
      },
    );
    expect([c.title, c.department, c.company]).toEqual([
      'ასოცირებული პროფესორი',
      'ეკონომიკის ინსტიტუტი',
      'თბილისის ეკონომიკური უნივერსიტეტი',
    ]);
  });
});

describe('Gmail renderings of signature-tool icons', () => {
  it("reads an icon's alt text before a number as its label", () => {
    const c = extractFields(
      [
        'Lucía Navarro',
        'Directora de Exportación',
        '[image: teléfono] +34 955 550 184 <tel:+34955550184>',
        '[image: móvil] +34 655 550 271 <tel:+34655550271>',
      ],
      { name: null, email: 'lucia@olivar.example' },
    );
    expect(c.phones.map((p) => p.type)).toEqual(['work', 'mobile']);
  });
});

describe('more field classes of holdout24', () => {
  it.each([
    [
      ['สมชาย ศรีสวัสดิ์ (Somchai Srisawat)', 'ผู้จัดการอาวุโส', 'บริษัท ตัวอย่าง จำกัด'],
      'name',
      'สมชาย ศรีสวัสดิ์ (Somchai Srisawat)',
    ],
    [['Fraser McAllister BEng (Hons)', 'Principal Engineer', 'Example Ltd'], 'name', 'Fraser McAllister'],
    [
      ['Ann Njeri', 'Regional Sales Manager', 'Savanna Agro-Inputs Ltd, Nairobi'],
      'company',
      'Savanna Agro-Inputs Ltd',
    ],
    [
      ['Grace Tan', 'Senior Nurse Manager', 'Pantai Cempaka Specialist Hospital'],
      'company',
      'Pantai Cempaka Specialist Hospital',
    ],
    [
      ['Ayesha Khan', 'Assistant Vice President', 'Group: Corporate Banking', 'Example Bank Limited'],
      'department',
      'Corporate Banking',
    ],
    [
      [
        'Karim Alaoui',
        'Chef de projet',
        'Exemple SA',
        'Siège social : 55, boulevard Zerktouni, 20250 Casablanca',
      ],
      'address',
      '55, boulevard Zerktouni, 20250 Casablanca',
    ],
  ] as const)('reads %j', (lines, field, value) => {
    const c = extractFields([...lines], { name: null, email: 'someone@example.com' });
    expect(c[field]).toBe(value);
  });

  it('reads no phone in a PO box number with its postcode, and no name in "敬祝 商祺"', () => {
    const c = extractFields(['Ann Njeri', 'Savanna Ltd', 'P.O. Box 55512-00200, Nairobi, Kenya'], {
      name: null,
      email: 'a@x.example',
    });
    expect(c.phones).toEqual([]);
    const t = extractFields(['敬祝 商祺', '陳怡如 Yi-Ju Chen', '業務部 資深經理'], {
      name: 'Yi-Ju Chen',
      email: 'yj@x.example',
    });
    expect(t.name).toBe('陳怡如 Yi-Ju Chen');
  });
});

describe('addresses of holdout24, continued', () => {
  it.each([
    [
      [
        'Siobhán Ní Bhriain',
        'Acting Financial Controller',
        'Lee Valley Dairies Ltd',
        'Head office: Ballincollig Business Park, Co. Cork P31 XY55',
        'Dublin office: 14 Fitzwilliam Place, Dublin 2, D02 K555',
      ],
      'Ballincollig Business Park, Co. Cork P31 XY55, 14 Fitzwilliam Place, Dublin 2, D02 K555',
    ],
    [
      [
        'Kwabena Mensah',
        'Volta Packaging Industries Ltd.',
        'No. 14 Spintex Road, Baatsona',
        'P.O. Box CT 5551, Cantonments, Accra',
        'Ghana',
      ],
      'No. 14 Spintex Road, Baatsona, P.O. Box CT 5551, Cantonments, Accra, Ghana',
    ],
    [
      [
        'Kristina Dela Cruz',
        'Example BPO Solutions, Inc.',
        '18th Floor, Example Tower 2 · 6796 Ayala Ave. · Legaspi Village, Makati City 1229',
      ],
      '18th Floor, Example Tower 2, 6796 Ayala Ave., Legaspi Village, Makati City 1229',
    ],
  ])('reads the address of %j', (lines, address) => {
    expect(extractFields(lines, { name: null, email: 'someone@example.com' }).address).toBe(address);
  });
});

describe('academic, medical and legal blocks (holdout26 classes)', () => {
  const f = (lines: string[], email = 'someone@example.com', name: string | null = null) =>
    extractFields(lines, { name, email });

  it('reads ORCID and Google Scholar links as social profiles, and no phone in an ORCID iD', () => {
    const c = f([
      'Maya Lindqvist',
      'Postdoctoral Research Fellow',
      'Tel: +1 847 555 0129',
      'ORCID: https://orcid.org/0000-0002-5550-1234',
      'https://scholar.google.com/citations?user=PR4gh5XAAAAJ',
    ]);
    expect(c.social).toEqual([
      'https://orcid.org/0000-0002-5550-1234',
      'https://scholar.google.com/citations?user=PR4gh5XAAAAJ',
    ]);
    expect(c.phones.map((p) => p.raw)).toEqual(['+1 847 555 0129']);
  });

  it.each([
    ['CA Venkatesh Subramaniam', 'Venkatesh Subramaniam'],
    ['CPA Otieno Kiprono Ochieng', 'Otieno Kiprono Ochieng'],
    ['Professor Helen Marsh', 'Helen Marsh'],
    ['DR. NORAZLINA BINTI MOHD YUSOF', 'NORAZLINA BINTI MOHD YUSOF'],
    ['EU. Carolina Pizarro Soto', 'Carolina Pizarro Soto'],
    ['doc. MUDr. Peter Hrušovský', 'Peter Hrušovský'],
  ])('drops the prefix of %j', (line, name) => {
    expect(f([line, 'Senior Manager', 'Example Ltd']).name).toBe(name);
  });

  it('reads a Taiwanese lawyer: 律師 after the name, a full-width bar between title and unit', () => {
    const c = f(
      ['林佩君 律師', '合夥律師｜智慧財產權部', '恆信國際法律事務所'],
      'pclin@example.tw',
      '林佩君',
    );
    expect([c.name, c.title, c.department]).toEqual(['林佩君', '合夥律師', '智慧財產權部']);
  });

  it("takes barristers' chambers and a cantonal hospital as the organisation", () => {
    expect(
      f([
        'Ken Lau',
        'Senior Clerk',
        'Harcourt Chambers',
        '15/F, Wing On Building, 88 Des Voeux Road Central, Hong Kong',
      ]).company,
    ).toBe('Harcourt Chambers');
    expect(
      f(['Andreas Meier', 'Chefarzt', 'Klinik für Gastroenterologie', 'Kantonsspital Reusstal']).company,
    ).toBe('Kantonsspital Reusstal');
  });
});

describe('Hindi, Bengali and Urdu blocks (new lexicons)', () => {
  it.each([
    [
      [
        'राजेश कुमार मिश्र',
        'अवर सचिव, भारत सरकार',
        'ग्रामीण जल संसाधन मंत्रालय',
        'कक्ष सं. 255, बी-विंग, जल भवन, नई दिल्ली – 110001',
        'दूरभाष: 011-2555 0147',
      ],
      'अवर सचिव, भारत सरकार',
      'ग्रामीण जल संसाधन मंत्रालय',
    ],
    [
      [
        'নুসরাত জাহান',
        'সহযোগী অধ্যাপক',
        'শিশু স্বাস্থ্য বিভাগ',
        'পদ্মা মেডিকেল কলেজ হাসপাতাল',
        'বাড়ি ৫৫, রোড ৭, ধানমন্ডি, ঢাকা-১২০৫',
        'মোবাইল: ০১৭১১-৫৫৫০১২',
      ],
      'সহযোগী অধ্যাপক',
      'পদ্মা মেডিকেল কলেজ হাসপাতাল',
    ],
    [
      [
        'عائشہ صدیقی',
        'ایسوسی ایٹ پروفیسر',
        'شعبہ امراضِ قلب',
        'راوی میڈیکل کالج اینڈ ہسپتال',
        'فیروزپور روڈ، لاہور',
      ],
      'ایسوسی ایٹ پروفیسر',
      'راوی میڈیکل کالج اینڈ ہسپتال',
    ],
  ])('reads the title and organisation of %j', (lines, title, company) => {
    const c = extractFields(lines, { name: null, email: 'someone@example.com' });
    expect([c.title, c.company]).toEqual([title, company]);
    expect(c.address).not.toBeNull();
  });

  it('reads Bengali digits in a number and returns it as written', () => {
    const c = extractFields(['নুসরাত জাহান', 'মোবাইল: ০১৭১১-৫৫৫০১২'], { name: null, email: 'n@example.bd' });
    expect(c.phones).toEqual([{ type: 'mobile', e164: '+8801711555012', raw: '০১৭১১-৫৫৫০১২' }]);
  });
});

describe('institutions, academic titles and secretaries in more languages (holdout26 lexicons)', () => {
  const f = (lines: string[]) => extractFields(lines, { name: null, email: 'someone@example.com' });

  it("types a secretary's or assistant's number in the block as other", () => {
    expect(
      f([
        'Olu Clarke',
        'Consultant Cardiologist',
        'Direct: 0114 496 0231',
        'Secretary: 0114 496 0218',
      ]).phones.map((p) => p.type),
    ).toEqual(['work', 'other']);
    expect(
      f(['Andreas Meier', 'Chefarzt', 'Tel. +41 56 555 32 10', 'Sekretariat +41 56 555 32 11']).phones.map(
        (p) => p.type,
      ),
    ).toEqual(['work', 'other']);
  });

  it.each([
    [
      ['Peter Hrušovský', 'prednosta kliniky', 'Univerzitná nemocnica Považie'],
      'prednosta kliniky',
      'Univerzitná nemocnica Považie',
    ],
    [
      ['Olena Kovalenko', 'старша наукова співробітниця', 'Науково-дослідний інститут фізики «Поділля»'],
      'старша наукова співробітниця',
      'Науково-дослідний інститут фізики «Поділля»',
    ],
    [
      ['Laura Gómez', 'Investigadora Adjunta', 'Universidad Nacional del Litoral'],
      'Investigadora Adjunta',
      'Universidad Nacional del Litoral',
    ],
    [
      ['Norazlina Yusof', 'Pensyarah Kanan', 'Universiti Sains Semenanjung'],
      'Pensyarah Kanan',
      'Universiti Sains Semenanjung',
    ],
  ])('reads the title and institution of %j', (lines, title, company) => {
    const c = f(lines);
    expect([c.title, c.company]).toEqual([title, company]);
  });
});

describe('a long "Head of" title and Irish legal forms', () => {
  it('reads a title that names what it heads at length, and a CLG', () => {
    const c = extractFields(
      [
        'Aoife Byrne',
        "Head of Programmes and Partnerships for Children's Rights in Education and Early Years Services",
        'Example Trust for Children CLG',
      ],
      { name: null, email: 'aoife@example.ie' },
    );
    expect([c.title, c.company]).toEqual([
      "Head of Programmes and Partnerships for Children's Rights in Education and Early Years Services",
      'Example Trust for Children CLG',
    ]);
  });
});

describe('Korean and Chinese institutions, Malay units, Philippine trunklines', () => {
  const f = (lines: string[], name: string | null = null) =>
    extractFields(lines, { name, email: 'someone@example.com' });

  it('reads a Korean professor: title / department around a slash, the university as organisation', () => {
    const c = f(['김도윤', '부교수 / 조선해양공학과', '한빛해양대학교'], '김도윤');
    expect([c.title, c.department, c.company]).toEqual(['부교수', '조선해양공학과', '한빛해양대학교']);
  });

  it('takes a Taiwanese law firm (法律事務所) as the organisation', () => {
    expect(f(['林佩君 律師', '合夥律師', '恆信國際法律事務所'], '林佩君').company).toBe('恆信國際法律事務所');
  });

  it('reads a Malay "Pusat ..." line as the unit, and a trunkline as a work number', () => {
    const m = f([
      'Norazlina Yusof',
      'Pensyarah Kanan',
      'Pusat Pengajian Sains Kesihatan',
      'Universiti Sains Semenanjung',
    ]);
    expect([m.department, m.company]).toEqual([
      'Pusat Pengajian Sains Kesihatan',
      'Universiti Sains Semenanjung',
    ]);
    const p = f([
      'Maria Santos',
      'Nurse Supervisor',
      'Example Medical Center',
      '2nd Floor, Main Building, 555 Rizal Avenue, Batangas City 4200',
      'Trunkline: (043) 555 0100 loc. 214',
    ]);
    expect(p.phones.map((x) => x.type)).toEqual(['work']);
    expect(p.address).toBe('2nd Floor, Main Building, 555 Rizal Avenue, Batangas City 4200');
  });

  it('reads an industrial block: a unit known by its initials, a gerund unit beside the title, a numbered plant, an authority after the title', () => {
    const f = (lines: string[], email = 'a.b@firm.example', name: string | null = null) =>
      extractFields(lines, { name, email });
    const q = f([
      'Helen Ashworth',
      'Quality Manager, QHSE',
      'Brackwell Pumps & Valves Ltd',
      'Tel: +44 114 496 0619',
    ]);
    expect([q.title, q.department, q.company]).toEqual([
      'Quality Manager',
      'QHSE',
      'Brackwell Pumps & Valves Ltd',
    ]);
    // An acronym that is no function after the title is still the organisation.
    expect(f(['Ann Test', 'Sales Director, ACME']).company).toBe('ACME');
    const r = f([
      'Trent Holloway',
      'Senior Reliability Engineer | Rotating Equipment',
      'Sabine Bend Refining Company',
    ]);
    expect([r.title, r.department]).toEqual(['Senior Reliability Engineer', 'Rotating Equipment']);
    // Under the title a gerund heading is a slogan, not a unit.
    expect(
      f(['Trent Holloway', 'Senior Engineer', 'Building Better Harbours', 'Sabine Bend Refining Company'])
        .department,
    ).toBeNull();
    const ru = f(['Ержан Сапаров', 'Главный механик, Обогатительная фабрика № 2', 'ТОО «Кенгир Мыс»']);
    expect([ru.title, ru.department, ru.company]).toEqual([
      'Главный механик',
      'Обогатительная фабрика № 2',
      'ТОО «Кенгир Мыс»',
    ]);
    const ca = f([
      'Shannon Leclair',
      'Operations Supervisor, Northbrook Regional Water Authority',
      '905-555-0186',
    ]);
    expect([ca.title, ca.company]).toEqual(['Operations Supervisor', 'Northbrook Regional Water Authority']);
    const cl = f([
      'Rodrigo Fuentealba Araya',
      'Superintendente de Mantenimiento Planta',
      'Gerencia de Operaciones Concentradora',
      'Compañía Minera Santa Inés',
      'Cel.: +56 9 5555 3184',
    ]);
    expect([cl.title, cl.department, cl.company]).toEqual([
      'Superintendente de Mantenimiento Planta',
      'Gerencia de Operaciones Concentradora',
      'Compañía Minera Santa Inés',
    ]);
  });

  it('takes the full name under a first-name sign-off and a logo, and a public body from a government domain', () => {
    const t = extractFields(
      [
        'Trent',
        '[cid:image001.png@01DCC8F1.9A2B7C40]',
        'Trent Holloway, P.E.',
        'Senior Reliability Engineer',
      ],
      { name: 'Holloway, Trent', email: 'trent.holloway@refining.example' },
    );
    expect(t.name).toBe('Trent Holloway');
    const gov = (email: string) =>
      extractFields(
        [
          'Olivia Chaudhry',
          'International Trade Adviser',
          'Energy Sector Team',
          'Office for Export Promotion',
        ],
        {
          name: null,
          email,
        },
      );
    expect([
      gov('o.c@exportoffice.gov.example').company,
      gov('o.c@exportoffice.gov.example').department,
    ]).toEqual(['Office for Export Promotion', 'Energy Sector Team']);
    // From a company's domain the same line is no organisation of its own.
    expect(gov('o.c@exportoffice.example').company).toBeNull();
  });

  it('keeps a brand before a generic legal name, and reads no extension from a postcode or a private bag', () => {
    const he = extractFields(['מיכל ברגר', 'מהנדסת תפעול', 'מי הגליל – תאגיד המים והביוב בע"מ'], {
      name: null,
      email: 'michal@mei-hagalil.example',
    });
    expect(he.company).toBe('מי הגליל – תאגיד המים והביוב בע"מ');
    const z = extractFields(
      [
        'Thabo Mokoena',
        'Kolobe Platinum Mines (Pty) Ltd',
        'Tel: +27 14 555 0192',
        'Private Bag X5512, Rustenburg, 0300',
      ],
      { name: null, email: 't@kolobe.example' },
    );
    expect(z.address).toBe('Private Bag X5512, Rustenburg, 0300');
    expect(z.phones.map((p) => p.raw)).toEqual(['+27 14 555 0192']);
    const ie = extractFields(
      ['Aoife Brennan', 'Ballyduff Road, Mitchelstown, Co. Cork, P67 X555', 'Vince   X31545'],
      {
        name: null,
        email: 'a@dairies.example',
      },
    );
    // An Eircode's second half is no extension; an Enron-style "X31545" is.
    expect(ie.phones.map((p) => p.raw)).toEqual(['X31545']);
  });

  it('reads a shipping block: a rank before the name, port titles, a branch place kept in the title, and titles in more languages', () => {
    const f = (lines: string[], email = 'a.b@firm.example') => extractFields(lines, { name: null, email });
    const hm = f([
      'Capt. Fiona Strachan',
      'Deputy Harbour Master, Marine Operations',
      'Northsound Harbour Board',
      'Harbour Office, 18 Marischal Wharf, Aberdeen AB11 5XQ',
    ]);
    expect([hm.name, hm.title, hm.department]).toEqual([
      'Fiona Strachan',
      'Deputy Harbour Master',
      'Marine Operations',
    ]);
    const br = f([
      'Lewis Hargreaves',
      'Branch Manager – Liverpool',
      'Kestrelmoor Shipping Agency Ltd',
      'Suite 4, Waterloo Dock Offices, Liverpool L3 7BE',
    ]);
    expect([br.title, br.department]).toEqual(['Branch Manager – Liverpool', null]);
    const nl = f([
      'Joost van der Meulen',
      'Teamleider Operations, Vestiging Rotterdam',
      'Kestrelmoor Scheepsagentuur B.V.',
    ]);
    expect([nl.title, nl.department]).toEqual(['Teamleider Operations', 'Vestiging Rotterdam']);
    const fr = f([
      'Yannick Le Goff',
      'Capitaine d’armement – Direction Technique & Maritime',
      'Compagnie Maritime de l’Iroise SAS',
    ]);
    expect([fr.title, fr.department]).toEqual(['Capitaine d’armement', 'Direction Technique & Maritime']);
    const el = f(['Νικόλαος Καραγιάννης', 'Επιθεωρητής Πλοίων, Τεχνικό Τμήμα', 'Αστερόεσσα Ναυτιλιακή Α.Ε.']);
    expect([el.title, el.department]).toEqual(['Επιθεωρητής Πλοίων', 'Τεχνικό Τμήμα']);
    const th = f(['วรรณา ศรีประเสริฐ', 'ผู้ประสานงานอาวุโส, ฝ่ายเปลี่ยนถ่ายลูกเรือ', 'บริษัท แหลมทอง มารีน เอเจนซี่ จำกัด']);
    expect([th.title, th.department]).toEqual(['ผู้ประสานงานอาวุโส', 'ฝ่ายเปลี่ยนถ่ายลูกเรือ']);
    const hi = f(['राजेश कुमार शर्मा', 'वरिष्ठ प्रबंधक, पोत संचालन विभाग', 'कच्छ मरीन एजेंसीज़ प्रा. लि.']);
    expect([hi.title, hi.department, hi.company]).toEqual([
      'वरिष्ठ प्रबंधक',
      'पोत संचालन विभाग',
      'कच्छ मरीन एजेंसीज़ प्रा. लि.',
    ]);
  });

  it('reads a Japanese number with a four-digit area code, which is no date', () => {
    const j = extractFields(
      [
        '瀬戸内汽船株式会社',
        '森田 健一',
        '〒794-0055 愛媛県今治市港町5-5',
        'TEL：0898-55-0143　FAX：0898-55-0144',
      ],
      {
        name: null,
        email: 'k@setouchi.example',
      },
    );
    expect(j.phones.map((p) => [p.type, p.raw])).toEqual([
      ['work', '0898-55-0143'],
      ['fax', '0898-55-0144'],
    ]);
    expect(
      extractFields(['Ann Test', 'Updated 2025-03-14 12:00'], { name: null, email: 'a@b.example' }).phones,
    ).toEqual([]);
  });

  it('reads a unit after a title written without capitals, or joining a field with "&", and keeps a translated title whole', () => {
    const f = (lines: string[]) => extractFields(lines, { name: null, email: 'a.b@firm.example' });
    const he = f(['מיכל לוי', 'מהנדסת יישומים, תחום רכב', 'שבבי גליל בע"מ']);
    expect([he.title, he.department]).toEqual(['מהנדסת יישומים', 'תחום רכב']);
    const hi = f(['अनिल वर्मा', 'संचालन प्रबंधक, ऑटोमोटिव लॉजिस्टिक्स', 'वर्मा ट्रांसपोर्ट प्रा. लि.']);
    expect([hi.title, hi.department]).toEqual(['संचालन प्रबंधक', 'ऑटोमोटिव लॉजिस्टिक्स']);
    // A country's government after a title is no unit.
    expect(f(['राम शर्मा', 'अवर सचिव, भारत सरकार', 'ग्रामीण जल संसाधन मंत्रालय']).department).toBeNull();
    const emc = f([
      'Ann Test',
      'Senior Certification Engineer, Electrical & EMC Approvals',
      'Vehicle Approvals Agency Ltd',
    ]);
    expect([emc.title, emc.department]).toEqual([
      'Senior Certification Engineer',
      'Electrical & EMC Approvals',
    ]);
    // A product with a capitals-only token stays in the title.
    expect(f(['Ann Test', 'Senior Account Manager, Insights API', 'Northwind Ltd']).department).toBeNull();
    const sv = f(['Lina Berg', 'Inköpare, Hyttelektronik', 'Nordvik Lastvagnar AB']);
    expect([sv.title, sv.department]).toEqual(['Inköpare', 'Hyttelektronik']);
    const ar = f([
      'Salma Idrissi',
      'Responsable des Ventes Groupes | مسؤولة مبيعات المجموعات',
      'Hôtels Riad SARL',
    ]);
    expect(ar.title).toBe('Responsable des Ventes Groupes');
  });

  it("reads a design practice's blocks: units in Danish, Greek, Bulgarian and Portuguese, a Hindi plot address, a showroom's address label", () => {
    const f = (lines: string[]) => extractFields(lines, { name: null, email: 'a.b@firm.example' });
    expect(
      f(['Mads Kjærgaard', 'Key Account Manager · Kontraktsalg', 'Nordværk Møbler A/S']).department,
    ).toBe('Kontraktsalg');
    const el = f(['Ελένη Παππά', 'Διευθύντρια Έργων, Τεχνική Διεύθυνση', 'Ξενοδοχεία Αιγαίου Α.Ε.']);
    expect([el.title, el.department]).toEqual(['Διευθύντρια Έργων', 'Τεχνική Διεύθυνση']);
    const bg = f(['Иван Петров', 'Търговски мениджър, Експорт', 'Родопски Камък ЕООД']);
    expect([bg.title, bg.department]).toEqual(['Търговски мениджър', 'Експорт']);
    expect(
      f(['Inês Carvalho', 'Arquiteta Sénior | Estúdio de Design de Interiores', 'Ashgrove Pell Lda'])
        .department,
    ).toBe('Estúdio de Design de Interiores');
    const hi = f([
      'विकास अग्रवाल',
      'परियोजना प्रबंधक',
      'शिल्पकला स्टोन इनले प्रा. लि.',
      'प्लॉट नं. 55, सीतापुरा औद्योगिक क्षेत्र, जयपुर, राजस्थान 302022',
    ]);
    expect(hi.address).toBe('प्लॉट नं. 55, सीतापुरा औद्योगिक क्षेत्र, जयपुर, राजस्थान 302022');
    expect(
      f([
        'Claire Morel',
        'Chargée d’affaires',
        'Lumière Atelier SAS',
        'Showroom : 48, rue de Turenne, 75003 Paris',
      ]).address,
    ).toBe('48, rue de Turenne, 75003 Paris');
  });

  it('reads academic and technology-transfer blocks: a role named last after an institution word, Hungarian and Italian forms, institutions with their units', () => {
    const f = (lines: string[], name: string | null = null, email = 'a.b@firm.example') =>
      extractFields(lines, { name, email });
    const uk = f([
      'Owen Callaghan',
      'University Partnerships Manager, Research & Technology',
      'Hallbrook Aerospace plc',
    ]);
    expect([uk.title, uk.department, uk.company]).toEqual([
      'University Partnerships Manager',
      'Research & Technology',
      'Hallbrook Aerospace plc',
    ]);
    const hu = f(
      [
        'dr. Szabó Ildikó',
        'szabadalmi ügyvivő, partner',
        'Kovács és Társa Szabadalmi Ügyvivői Iroda',
        '1055 Budapest, Falk Miksa utca 55.',
      ],
      'Szabó Ildikó',
      'szabo.ildiko@kovacspatent.example',
    );
    expect([hu.name, hu.title, hu.company]).toEqual([
      'Szabó Ildikó',
      'szabadalmi ügyvivő, partner',
      'Kovács és Társa Szabadalmi Ügyvivői Iroda',
    ]);
    const it = f(
      [
        'Prof.ssa Giulia Benedetti',
        'Professoressa ordinaria di Chimica Organica',
        'Dipartimento di Scienze Chimiche',
        'Università degli Studi di Montalto',
      ],
      'Giulia Benedetti',
      'giulia.benedetti@unimontalto.example',
    );
    expect([it.name, it.title, it.department]).toEqual([
      'Giulia Benedetti',
      'Professoressa ordinaria di Chimica Organica',
      'Dipartimento di Scienze Chimiche',
    ]);
    const sv = f(['Eva Lund', 'Innovationsrådgivare, Innovationskontoret', 'Norrlands universitet']);
    expect([sv.title, sv.department]).toEqual(['Innovationsrådgivare', 'Innovationskontoret']);
    const ja = f([
      '北陽大学　産学連携推進本部　知的財産部門',
      '特任准教授（ライセンス担当）',
      '田中 美穂（Miho Tanaka）',
    ]);
    expect([ja.company, ja.department]).toEqual(['北陽大学', '産学連携推進本部 知的財産部門']);
    const th = f([
      'พิมพ์ชนก วงศ์สวัสดิ์',
      'เจ้าหน้าที่บริหารงานทรัพย์สินทางปัญญา',
      'สำนักงานจัดการทรัพย์สินทางปัญญาและถ่ายทอดเทคโนโลยี',
      'มหาวิทยาลัยเจ้าพระยา',
    ]);
    expect([th.department, th.company]).toEqual([
      'สำนักงานจัดการทรัพย์สินทางปัญญาและถ่ายทอดเทคโนโลยี',
      'มหาวิทยาลัยเจ้าพระยา',
    ]);
  });

  it('reads an aircraft maintenance block: a line station as the unit, a hangar address, titles in Polish, Portuguese and Czech one-line blocks', () => {
    const f = (lines: string[]) => extractFields(lines, { name: null, email: 'a.b@firm.example' });
    const st = f([
      'Faisal Rahman',
      'Station Manager',
      'Line Maintenance Station DXB',
      'Kestrel Vale Aero Services Ltd',
    ]);
    expect([st.title, st.department]).toEqual(['Station Manager', 'Line Maintenance Station DXB']);
    expect(
      f([
        'Thandiwe Mokoena',
        'Senior Buyer',
        'Karoo Air (Pty) Ltd',
        'Technical Base, Hangar 2, O.R. Tambo International Airport, Kempton Park, 1627',
      ]).address,
    ).toBe('Technical Base, Hangar 2, O.R. Tambo International Airport, Kempton Park, 1627');
    expect(
      f([
        'Katarzyna Wróblewska',
        'Planistka',
        'Dział Planowania Obsługi Technicznej',
        'Kestrel Vale Polska Sp. z o.o.',
      ]).title,
    ).toBe('Planistka');
    const br = f([
      'Ana Souza',
      'Despachante Aduaneiro | Importação Aeronáutica',
      'Souza Comércio Exterior Ltda.',
    ]);
    expect([br.title, br.department]).toEqual(['Despachante Aduaneiro', 'Importação Aeronáutica']);
    const cz = f(['Ing. Tomáš Vlček | vedoucí zakázek | Vrtule Morava s.r.o. | +420 555 318 442']);
    expect([cz.name, cz.title, cz.company]).toEqual([
      'Tomáš Vlček',
      'vedoucí zakázek',
      'Vrtule Morava s.r.o.',
    ]);
    expect(
      f([
        'สมชาย วงศ์สุวรรณ',
        'หัวหน้างานคลังพัสดุ – สถานีซ่อมบำรุงอากาศยานกรุงเทพฯ',
        'Kestrel Vale Aero Services (Thailand) Co., Ltd.',
      ]).department,
    ).toBe('สถานีซ่อมบำรุงอากาศยานกรุงเทพฯ');
  });

  it("reads a food-ingredients block: a next number's label, units with R&D or in full-width brackets, a list of regions in a title, Danish compounds, a rabbi's title", () => {
    const f = (lines: string[]) => extractFields(lines, { name: null, email: 'a.b@firm.example' });
    expect(f(['Kevin Osterhout', 'Lab: 608-555-0151  Fax: 608-555-0152']).phones.map((p) => p.type)).toEqual([
      'work',
      'fax',
    ]);
    expect(
      f([
        'Alicia Moreno-Tate',
        'Senior Flavor Scientist | Beverage Applications R&D',
        'Summit Harvest Foods, Inc.',
      ]).department,
    ).toBe('Beverage Applications R&D');
    const zh = f(['王静', '法规注册经理（质量管理部）', '浙江香源生物科技有限公司']);
    expect([zh.title, zh.department]).toEqual(['法规注册经理', '质量管理部']);
    const au = f(['Dave Smith', 'Technical Sales Manager – QLD & NT', 'Bluegum Ingredients Pty Ltd']);
    expect([au.title, au.department]).toEqual(['Technical Sales Manager – QLD & NT', null]);
    const da = f(['Mette Kjærgaard', 'Fødevareinspektør, Importkontrollen', 'Danmarks Fødevaretilsyn A/S']);
    expect([da.title, da.department]).toEqual(['Fødevareinspektør', 'Importkontrollen']);
    expect(f(['הרב אליהו גולדברג', 'מנהל כשרות', 'כשרות צפון בע"מ']).name).toBe('אליהו גולדברג');
  });

  it("reads public bodies' blocks: a councillor, a Czech head of a unit and a funded body, Hindi and Thai authorities; a bare website is no organisation", () => {
    const f = (lines: string[], email = 'a.b@firm.example') => extractFields(lines, { name: null, email });
    const cllr = f([
      'Cllr Naveed Rahman',
      'Ward Councillor, Eastfield & Marsh Lane',
      'Northshire County Council',
    ]);
    expect([cllr.name, cllr.title, cllr.company]).toEqual([
      'Naveed Rahman',
      'Ward Councillor',
      'Northshire County Council',
    ]);
    const cz = f([
      'Ing. Petr Novák',
      'vedoucí oddělení velkých sportovních akcí',
      'Agentura sportovních akcí Vltava, příspěvková organizace',
    ]);
    expect([cz.title, cz.department, cz.company]).toEqual([
      'vedoucí oddělení velkých sportovních akcí',
      null,
      'Agentura sportovních akcí Vltava, příspěvková organizace',
    ]);
    expect(f(['सुनील वर्मा', 'उप निदेशक, खेल विकास विभाग', 'मालवा राज्य खेल प्राधिकरण']).company).toBe(
      'मालवा राज्य खेल प्राधिकरण',
    );
    const th = f(['สมศรี ใจดี', 'นักวิชาการพัสดุชำนาญการ', 'กองพัสดุและทรัพย์สิน', 'เทศบาลนครลำธาร']);
    expect([th.title, th.department, th.company]).toEqual([
      'นักวิชาการพัสดุชำนาญการ',
      'กองพัสดุและทรัพย์สิน',
      'เทศบาลนครลำธาร',
    ]);
    const web = f(
      ['Geneviève Tremblay-Ross', 'Manager, Event Attraction', 'rideausport.example'],
      'g@rideausport.example',
    );
    expect([web.company, web.websites]).toEqual([null, ['rideausport.example']]);
  });

  it('reads telecom and energy blocks: an AS number is no address, a long unit joined by "&", scientists, practice groups, Czech title then unit, a Hindi address label', () => {
    const f = (lines: string[]) => extractFields(lines, { name: null, email: 'a.b@firm.example' });
    expect(
      f([
        'Jo Reyes | Director, IP Transit & Peering | Cobaltline Networks',
        'm +1 312-555-0166 | AS64512 | cobaltline.example',
      ]).address,
    ).toBeNull();
    const fr = f([
      'Kevin Ode',
      'Fraud Analyst II, Revenue Assurance & Fraud Management',
      'Northline Telecom Inc.',
    ]);
    expect([fr.title, fr.department]).toEqual(['Fraud Analyst II', 'Revenue Assurance & Fraud Management']);
    const eco = f(['Aroha Ngata', 'Senior Ecologist – Avifauna & Bats', 'Kahu Environmental Ltd']);
    expect([eco.title, eco.department]).toEqual(['Senior Ecologist', 'Avifauna & Bats']);
    const ua = f([
      'Олена Коваль',
      'Старший юрист, Практика енергетики та природних ресурсів',
      'ЮФ «Дніпро Лігал»',
    ]);
    expect([ua.title, ua.department]).toEqual(['Старший юрист', 'Практика енергетики та природних ресурсів']);
    const cz = f(['Ing. Jana Malá', 'obchodní manažer, Mezinárodní velkoobchod', 'Česká Datová Síť a.s.']);
    expect([cz.title, cz.department]).toEqual(['obchodní manažer', 'Mezinárodní velkoobchod']);
    expect(
      f(['राजेश सिंह', 'भूमि अधिग्रहण प्रबंधक', 'पता: प्लॉट 55, औद्योगिक क्षेत्र, बासनी, जोधपुर - 342005']).address,
    ).toBe('प्लॉट 55, औद्योगिक क्षेत्र, बासनी, जोधपुर - 342005');
  });

  it('reads investment, education and water blocks: one-word titles before a unit in Swedish, Greek, Hindi, Finnish and Czech, a street named after a trade, partners listed before a Hebrew "& Co.", school systems and a college of a university', () => {
    expect(
      titleAndUnit(['Maja Berg', 'Fastighetsförvaltare, Kommersiella fastigheter', 'Solvik Fastigheter AB']),
    ).toEqual(['Fastighetsförvaltare', 'Kommersiella fastigheter']);
    expect(
      titleAndUnit([
        'Γιώργος Αλεξίου',
        'Υποδιευθύντρια, Διεύθυνση Εταιρικής Τραπεζικής',
        'Τράπεζα Βορρά Α.Ε.',
      ]),
    ).toEqual(['Υποδιευθύντρια', 'Διεύθυνση Εταιρικής Τραπεζικής']);
    expect(titleAndUnit(['सुनील मेहता', 'लेखा नियंत्रक, लेखा विभाग', 'प्रगति इंजीनियरिंग प्रा. लि.'])).toEqual([
      'लेखा नियंत्रक',
      'लेखा विभाग',
    ]);
    expect(titleAndUnit(['Aino Virta', 'Laboratoriokemisti, Laatu ja ympäristö', 'Järvisähkö Oy'])).toEqual([
      'Laboratoriokemisti',
      'Laatu ja ympäristö',
    ]);
    expect(titleAndUnit(['Petra Nová', 'Účetní, Oddělení závazků', 'Vltava Servis s.r.o.'])).toEqual([
      'Účetní',
      'Oddělení závazků',
    ]);
    // "Harbourmaster Quay" holds a title word, but names a street of an address with an Eircode.
    const ie = fieldsOf([
      'Aoife Byrne',
      'Tarnwell Trust Services Limited',
      'Unit 4, Harbourmaster Quay, Dublin 1, D01 R2X8',
    ]);
    expect([ie.title, ie.address]).toEqual([null, 'Unit 4, Harbourmaster Quay, Dublin 1, D01 R2X8']);
    // A caseless script has no capitals to make a list of partners' names an acronym unit.
    expect(fieldsOf(['מיכל אדלר', 'שותפה', "אדלר, רון ושות'"]).company).toBe("אדלר, רון ושות'");
    // School systems, a college of a university, municipal and council bodies, a Thai school with its city.
    expect(fieldsOf(['Dana Cole', 'Director of Assessment', 'Lakeshore Public Schools']).company).toBe(
      'Lakeshore Public Schools',
    );
    expect(
      fieldsOf([
        'Omar Reed, Ph.D.',
        'Assistant Professor of Nursing',
        'College of Health Sciences | Brookfield State University',
      ]).company,
    ).toBe('Brookfield State University');
    expect(
      fieldsOf([
        'Claire Morin',
        "Chargée de mission, Direction de l'eau",
        "Communauté d'agglomération des Deux Rives",
      ]).company,
    ).toBe("Communauté d'agglomération des Deux Rives");
    expect(fieldsOf(['Ірина Бойко', 'Начальник лабораторії', 'КП «Міськводоканал»']).company).toBe(
      'КП «Міськводоканал»',
    );
    expect(fieldsOf(['अनिता राव', 'सहायक अभियंता', 'नगर निगम रामपुर']).company).toBe('नगर निगम रामपुर');
    expect(fieldsOf(['سارة حسن', 'مديرة التطوير الأكاديمي', 'مدارس الأفق الدولية']).company).toBe(
      'مدارس الأفق الدولية',
    );
    expect(fieldsOf(['สมชาย ใจดี', 'ครูใหญ่', 'โรงเรียนนานาชาติสายน้ำ ขอนแก่น']).company).toBe(
      'โรงเรียนนานาชาติสายน้ำ ขอนแก่น',
    );
    expect(fieldsOf(['Mrs K. Lowe', 'Headteacher', 'Elmfield Primary School']).title).toBe('Headteacher');
    expect(
      fieldsOf(['Laura Gómez', 'Profesional Especializado', 'Secretaría de Educación de Bolívar']).title,
    ).toBe('Profesional Especializado');
  });

  it("reads a number in a Thai, Greek or Devanagari block with that script's country when nothing else says it", () => {
    const phone = (lines: string[]) =>
      extractFields(lines, { name: null, email: 'a@firm.example' }).phones[0]?.e164;
    expect(phone(['สมชาย ใจดี', 'ผู้จัดการฝ่ายขาย', 'โทร. 02 555 0147'])).toBe('+6625550147');
    expect(phone(['Γιώργος Αλεξίου', 'Υπεύθυνος Πωλήσεων', 'Τηλ.: 210 555 0147'])).toBe('+302105550147');
    expect(phone(['राजेश वर्मा', 'बिक्री प्रबंधक', 'मोबाइल: 98220 55514'])).toBe('+919822055514');
  });

  it("reads production blocks: producers in Swedish, Polish, Czech, Turkish and Hebrew, post-production as a unit, a katakana title after a unit, the firm the domain spells above its address, a British postcode's numbers", () => {
    expect(titleAndUnit(['Elin Sandberg', 'Producent, Ljud & Bild', 'Ljusgård Film AB'])).toEqual([
      'Producent',
      'Ljud & Bild',
    ]);
    expect(fieldsOf(['Marta Wiśniewska', 'Producentka wykonawcza', 'Kadr Studio Sp. z o.o.']).title).toBe(
      'Producentka wykonawcza',
    );
    expect(
      titleAndUnit(['Jana Horáková', 'výkonná producentka, Reklamní produkce', 'Kamera Praha s.r.o.']),
    ).toEqual(['výkonná producentka', 'Reklamní produkce']);
    expect(fieldsOf(['Deniz Aksoy', 'Yapımcı', 'Boğaz Film Yapım A.Ş.']).title).toBe('Yapımcı');
    expect(fieldsOf(['יעל שגב', 'מפיקה ראשית', 'גל הפקות בע"מ']).title).toBe('מפיקה ראשית');
    expect(titleAndUnit(['Rafael Lima', 'Editor Sênior | Pós-produção', 'Quadro Filmes Ltda.'])).toEqual([
      'Editor Sênior',
      'Pós-produção',
    ]);
    expect(titleAndUnit(['山田 花子', '映像制作部 プロデューサー', '株式会社ひかり映像'])).toEqual([
      'プロデューサー',
      '映像制作部',
    ]);
    // "Fenwick Row" reads as a street, but the sender's domain spells it: the firm, above its address.
    const firm = fieldsOf(
      ['Ana Price', 'Head of Post', 'Fenwick Row', '12 Dean Street, London W1D 3RP', 'T: 020 7946 0135'],
      'ana@fenwickrow.example',
    );
    expect([firm.company, firm.address, firm.phones[0]?.e164]).toEqual([
      'Fenwick Row',
      '12 Dean Street, London W1D 3RP',
      '+442079460135',
    ]);
  });

  it('reads intellectual-property blocks: attorneys and agents in many languages, IP practice units, a list of three roles, a firm spelled by its word and initials, a qualification before a Japanese name', () => {
    expect(titleAndUnit(['Naledi Dube', 'Associate – Trade Marks', 'Acacia Botha Inc.'])).toEqual([
      'Associate',
      'Trade Marks',
    ]);
    expect(titleAndUnit(['Wei Ling Tan', 'Paralegal, Oppositions', 'Merlion IP Pte. Ltd.'])).toEqual([
      'Paralegal',
      'Oppositions',
    ]);
    expect(
      titleAndUnit(['Rohan Iyer', 'Team Lead - Annuity Payments', 'Keystone IP Services Pvt. Ltd.']),
    ).toEqual(['Team Lead', 'Annuity Payments']);
    expect(
      fieldsOf(['Claire Dubois', 'Conseil en propriété industrielle', 'Cabinet Lumière SAS']).title,
    ).toBe('Conseil en propriété industrielle');
    expect(fieldsOf(['Paulo Souza', 'Agente da Propriedade Industrial', 'Marca Forte Ltda.']).title).toBe(
      'Agente da Propriedade Industrial',
    );
    expect(
      titleAndUnit(['Ville Laine', 'tavaramerkkiasiamies, Tavaramerkit ja mallit', 'Aurora IP Oy']),
    ).toEqual(['tavaramerkkiasiamies', 'Tavaramerkit ja mallit']);
    expect(fieldsOf(['Anna Zając', 'rzecznik patentowy', 'Kancelaria Patentowa Wisła Sp. j.']).title).toBe(
      'rzecznik patentowy',
    );
    expect(titleAndUnit(['Emre Kaya', 'Patent Vekili, Patent Birimi', 'Anadolu Patent A.Ş.'])).toEqual([
      'Patent Vekili',
      'Patent Birimi',
    ]);
    expect(fieldsOf(['Олег Мельник', 'Патентний повірений', 'ТОВ «Патент Груп»']).title).toBe(
      'Патентний повірений',
    );
    expect(fieldsOf(['أحمد سامي', 'وكيل براءات اختراع', 'شركة النيل للملكية الفكرية']).title).toBe(
      'وكيل براءات اختراع',
    );
    expect(fieldsOf(['王磊', '高级专利代理师', '北京华文知识产权代理有限公司']).title).toBe('高级专利代理师');
    expect(fieldsOf(['김서준', '변리사', '한강국제특허법률사무소']).company).toBe('한강국제특허법률사무소');
    // A list of three roles on one row stays one title.
    expect(
      fieldsOf([
        'Hugh Marsh',
        'Partner | Chartered Patent Attorney | European Patent Attorney',
        'Marsh Avery LLP',
      ]).title,
    ).toBe('Partner | Chartered Patent Attorney | European Patent Attorney');
    const tm = fieldsOf(
      ['Kate Lowe', 'Director, Bluegum Trade Marks', '0491 570 110'],
      'kate@bluegum-tm.example',
    );
    expect([tm.title, tm.company]).toEqual(['Director', 'Bluegum Trade Marks']);
    const jp = fieldsOf([
      '特許業務法人 若葉国際特許事務所',
      '国際部　商標課　課長',
      '弁理士　高橋 美咲（Misaki Takahashi）',
    ]);
    expect([jp.name, jp.title]).toEqual(['高橋 美咲（Misaki Takahashi）', '課長']);
  });

  it('reads mining and electronics blocks: a unit and its territory, a part of a country kept in the title, satellite phones, a lettered post-office box, business units, Taiwanese ranks, R&D and product development in three languages, a bare website after an e-mail with its link target', () => {
    expect(
      titleAndUnit([
        'Rosa Klein',
        'Senior Geologist',
        'Exploration Licensing Branch, Southwest Region',
        'Ministry of Mines',
      ]),
    ).toEqual(['Senior Geologist', 'Exploration Licensing Branch, Southwest Region']);
    const drill = fieldsOf([
      'Ian Muir',
      'Site Manager – Northern Australia',
      'Spinifex Drilling Pty Ltd',
      'Sat: +881 631 555 021',
    ]);
    expect([drill.title, drill.department, drill.phones.map((p) => p.type)]).toEqual([
      'Site Manager – Northern Australia',
      null,
      ['other'],
    ]);
    expect(
      fieldsOf([
        'Awa Koné',
        'Directrice',
        'Société Minière du Bandama SA',
        'Immeuble Kharrat, 3e étage, Abidjan-Plateau',
        'BP V 120 Abidjan',
      ]).address,
    ).toBe('Immeuble Kharrat, 3e étage, Abidjan-Plateau, BP V 120 Abidjan');
    expect(titleAndUnit(['Amy Chen', 'Senior FAE | Analog Power BU', 'Lumen Semiconductor Corp.'])).toEqual([
      'Senior FAE',
      'Analog Power BU',
    ]);
    expect(titleAndUnit(['陳建宏 Jason Chen', '業務處 國內業務一部 副理', '新光電子股份有限公司'])).toEqual([
      '副理',
      '業務處 國內業務一部',
    ]);
    expect(titleAndUnit(['Oskar Lind', 'Hårdvarukonstruktör, FoU', 'Nordkrets AB'])).toEqual([
      'Hårdvarukonstruktör',
      'FoU',
    ]);
    expect(titleAndUnit(['Ana Reis', 'Engenheira de Hardware | P&D', 'Inversa Eletrônica Ltda.'])).toEqual([
      'Engenheira de Hardware',
      'P&D',
    ]);
    expect(
      titleAndUnit(['Mikko Salo', 'Ohjelmistosuunnittelija, Tuotekehitys', 'Kide Elektroniikka Oy']),
    ).toEqual(['Ohjelmistosuunnittelija', 'Tuotekehitys']);
    expect(titleAndUnit(['Can Demir', 'Jeolog, Ruhsat Birimi', 'Toros Madencilik A.Ş.'])).toEqual([
      'Jeolog',
      'Ruhsat Birimi',
    ]);
    const web = fieldsOf(
      [
        'Lee Ford',
        'lford@ridgeenv.example<mailto:lford@ridgeenv.example> | ridgeenv.example<https://www.ridgeenv.example/>',
      ],
      'lford@ridgeenv.example',
    );
    expect(web.websites).toEqual(['ridgeenv.example']);
  });

  it("reads farm and property blocks: a Czech cooperative and its centre, an Arabic authority, a Hebrew advocate's credential after the name, Danish case officers, real-estate practices and lending, a bank's branch named by its place", () => {
    const cz = fieldsOf([
      'Ing. Petr Novák',
      'vedoucí střediska, Středisko rostlinné výroby',
      'Zemědělské družstvo Vysočina',
    ]);
    expect([cz.title, cz.department, cz.company]).toEqual([
      'vedoucí střediska',
      'Středisko rostlinné výroby',
      'Zemědělské družstvo Vysočina',
    ]);
    expect(fieldsOf(['م. خالد منصور', 'مدير إدارة التشغيل', 'الهيئة العامة للموانئ']).company).toBe(
      'الهيئة العامة للموانئ',
    );
    const he = fieldsOf(['רונית כהן, עו"ד', 'שותפה, מחלקת מקרקעין', "כהן, לוי ושות'"]);
    expect([he.name, he.title, he.department]).toEqual(['רונית כהן', 'שותפה', 'מחלקת מקרקעין']);
    expect(fieldsOf(['Lars Holm', 'Sagsbehandler', 'Fjordby Kommune']).title).toBe('Sagsbehandler');
    const pt = fieldsOf(['Rita Lopes', 'Advogada Associada | Imobiliário', 'Lopes & Reis Advogados']);
    expect([pt.title, pt.department]).toEqual(['Advogada Associada', 'Imobiliário']);
    const bank = fieldsOf([
      'Omar Haddad',
      'Vice President, Real Estate Finance',
      'Eastgate Bank PJSC – London Branch',
    ]);
    expect([bank.title, bank.department, bank.company]).toEqual([
      'Vice President',
      'Real Estate Finance',
      'Eastgate Bank PJSC – London Branch',
    ]);
  });

  it('reads travel blocks: a Korean airline beside its unit, an Arabic address by its floor and box, a Danish corporate segment, a firm whose domain joins its first and last words', () => {
    expect(fieldsOf(['박지훈 과장', '푸른항공 | 여객영업본부 기업영업팀', 'T. 02-5550-3100']).company).toBe(
      '푸른항공',
    );
    expect(
      fieldsOf(['سالم الكعبي', 'مدير المبيعات', 'برج النخلة، الطابق 8، ص.ب. 4521، أبوظبي']).address,
    ).toBe('برج النخلة، الطابق 8، ص.ب. 4521، أبوظبي');
    const dk = fieldsOf(['Sofie Holm', 'Salgschef, Erhverv', 'Hotel Kanalen A/S']);
    expect([dk.title, dk.department]).toEqual(['Salgschef', 'Erhverv']);
    const cars = fieldsOf(
      ['Ewan Ross', 'Operations Manager, Glenbrae Executive Cars', '07700 900123'],
      'ewan@glenbraecars.example',
    );
    expect([cars.title, cars.company]).toEqual(['Operations Manager', 'Glenbrae Executive Cars']);
  });

  it('reads sustainability functions as units in English, French and German', () => {
    expect(titleAndUnit(['Mia Grant', 'Senior Manager, Sustainability', 'Northfold Packaging Ltd'])).toEqual([
      'Senior Manager',
      'Sustainability',
    ]);
    expect(titleAndUnit(['Julie Morel', 'Chargée de mission – Éco-conception', 'Recypac SAS'])).toEqual([
      'Chargée de mission',
      'Éco-conception',
    ]);
    expect(titleAndUnit(['Jonas Weber', 'Referent | Nachhaltigkeit', 'Kartonwerk Süd GmbH'])).toEqual([
      'Referent',
      'Nachhaltigkeit',
    ]);
  });

  it('reads research blocks: professors and research fellows in Greek and Hungarian, institutes and laboratories as employers or units, research teams, a deanship, a Japanese lab, a core facility, a faculty whose name holds commas', () => {
    expect(
      titleUnitCompany([
        'Μαρία Νικολάου',
        'Αναπληρώτρια Καθηγήτρια, Τμήμα Χημικών Μηχανικών',
        'Πολυτεχνείο Θεσσαλίας',
      ]),
    ).toEqual(['Αναπληρώτρια Καθηγήτρια', 'Τμήμα Χημικών Μηχανικών', 'Πολυτεχνείο Θεσσαλίας']);
    expect(
      titleUnitCompany([
        'Dr. Kovács Anna',
        'tudományos főmunkatárs, Felületfizikai Osztály',
        'Tiszai Fizikai Kutatóközpont',
      ]),
    ).toEqual(['tudományos főmunkatárs', 'Felületfizikai Osztály', 'Tiszai Fizikai Kutatóközpont']);
    expect(
      fieldsOf(['Иванова Мария Петровна', 'Научный сотрудник', 'Институт химии поверхности']).company,
    ).toBe('Институт химии поверхности');
    expect(
      titleUnitCompany([
        'Luc Morel',
        'Ingénieur de recherche – Équipe Spectroscopie',
        'Laboratoire de Physique des Solides de Lyon (LPSL)',
      ]),
    ).toEqual([
      'Ingénieur de recherche',
      'Équipe Spectroscopie',
      'Laboratoire de Physique des Solides de Lyon (LPSL)',
    ]);
    expect(
      titleUnitCompany([
        'Júlia Prado',
        'Pesquisadora | Laboratório de Polímeros',
        'Universidade Federal do Cerrado',
      ]),
    ).toEqual(['Pesquisadora', 'Laboratório de Polímeros', 'Universidade Federal do Cerrado']);
    expect(
      titleUnitCompany(['نورة القحطاني', 'مديرة البرامج، عمادة الدراسات العليا', 'جامعة الشمال']),
    ).toEqual(['مديرة البرامج', 'عمادة الدراسات العليا', 'جامعة الشمال']);
    expect(titleUnitCompany(['株式会社ミライ分析', '分析アプリケーションラボ 主任', '佐藤 花子'])).toEqual([
      '主任',
      '分析アプリケーションラボ',
      '株式会社ミライ分析',
    ]);
    expect(
      titleUnitCompany(['Ana Ruiz', 'Manager, Electron Microscopy Core Facility', 'Lakeshore University']),
    ).toEqual(['Manager', 'Electron Microscopy Core Facility', 'Lakeshore University']);
    expect(
      titleUnitCompany([
        'Kate Hill',
        'Safety Adviser, Faculty of Science, Agriculture & Engineering',
        'Tynebridge University',
      ]),
    ).toEqual(['Safety Adviser', 'Faculty of Science, Agriculture & Engineering', 'Tynebridge University']);
  });

  it('reads small-business blocks: a nickname @ the firm, a label typed with a semicolon, a branch place with its district, a legal form wrapped onto its own row, building-services units', () => {
    const ger = extractFields(['Mick @ Shannon Valves', '+353 61 555 0174'], {
      name: 'Michael Ryan',
      email: 'mick@shannonvalves.example',
    });
    expect([ger.name, ger.company]).toEqual(['Mick', 'Shannon Valves']);
    expect(fieldsOf(['Jo Bell', 't; 01632 960 101  //  m; 07700 900 101']).phones.map((p) => p.type)).toEqual(
      ['work', 'mobile'],
    );
    expect(
      fieldsOf([
        'Dan Pike',
        'Branch Manager – Leeds (Hunslet)',
        'Airflow Supplies Ltd',
        'Unit 2, Hunslet Trade Park, Leeds LS10 1AB',
      ]).title,
    ).toBe('Branch Manager – Leeds (Hunslet)');
    expect(
      fieldsOf(['Fiona Reid | Contracts Engineer | Clydebank Air Systems', 'Ltd', 'T 0141 496 0275']).company,
    ).toBe('Clydebank Air Systems Ltd');
    const mep = fieldsOf([
      'Karthik S',
      'Project Manager - MEP Coordination',
      'Vista Draft Services Pvt. Ltd.',
    ]);
    expect([mep.title, mep.department]).toEqual(['Project Manager', 'MEP Coordination']);
  });

  it('reads clinical blocks: a pager number, two roles joined by "&", Swedish and Norwegian hospital titles and bodies, a Polish medical doctorate, a Portuguese public hospital and its committee, a Ukrainian monitor, a Japanese unit with a Latin code, a firm spelled by its first word and a short code', () => {
    const pi = fieldsOf([
      'Professor Ruth Ames MBBS PhD',
      'Consultant Haematologist & Honorary Professor of Translational Haematology',
      'Northvale University Hospital',
      'Tel: 0113 496 0100 | Bleep 5521',
      'Ward 12, Infirmary Road, Northvale NV1 2AB',
    ]);
    expect([pi.title, pi.phones.map((p) => `${p.type}:${p.raw}`), pi.address]).toEqual([
      'Consultant Haematologist & Honorary Professor of Translational Haematology',
      ['work:0113 496 0100', 'other:5521'],
      'Ward 12, Infirmary Road, Northvale NV1 2AB',
    ]);
    const sv = fieldsOf([
      'Lena Berg',
      'Forskningssjuksköterska, Kliniska prövningsenheten',
      'Ådals universitetssjukhus',
    ]);
    expect([sv.title, sv.department, sv.company]).toEqual([
      'Forskningssjuksköterska',
      'Kliniska prövningsenheten',
      'Ådals universitetssjukhus',
    ]);
    const no = fieldsOf([
      'Kari Nilsen',
      'Provisorfarmasøyt, Seksjon for kliniske studier',
      'Sykehusapoteket Nordfjord HF',
    ]);
    expect([no.title, no.department, no.company]).toEqual([
      'Provisorfarmasøyt',
      'Seksjon for kliniske studier',
      'Sykehusapoteket Nordfjord HF',
    ]);
    expect(
      fieldsOf(['dr n. med. Ewa Nowak', 'Kierownik Ośrodka Badań Klinicznych', 'Szpital Kliniczny w Borowie'])
        .name,
    ).toBe('Ewa Nowak');
    const pt = fieldsOf([
      'Rita Duarte',
      'Secretária Técnica | Comissão de Ética',
      'Centro Hospitalar do Sado, E.P.E.',
      'Rua do Hospital, 12, 2900-123 Setúbal',
    ]);
    expect([pt.department, pt.company, pt.address]).toEqual([
      'Comissão de Ética',
      'Centro Hospitalar do Sado, E.P.E.',
      'Rua do Hospital, 12, 2900-123 Setúbal',
    ]);
    expect(fieldsOf(['Олена Бондар', 'Монітор клінічних досліджень', 'ТОВ «Клінтест»']).title).toBe(
      'Монітор клінічних досліджень',
    );
    const ja = fieldsOf(['株式会社さくら臨床', '臨床開発本部 CRA課 主任', '山本 美紀']);
    expect([ja.title, ja.department]).toEqual(['主任', '臨床開発本部 CRA課']);
    const tx = fieldsOf(
      ['Sam Ortiz', 'Medical Director, Aurelia Therapeutics', '+1 617 555 0100'],
      'sam.ortiz@aureliatx.example',
    );
    expect([tx.title, tx.company]).toEqual(['Medical Director', 'Aurelia Therapeutics']);
  });

  it('reads trade blocks: a Dutch planner and service department, a brand the domain spells before a legal name, Arabic places ending with a country as an address, countries joined after a title', () => {
    const nl = fieldsOf(['Sanne Vos', 'Productieplanner | Technische Dienst', 'Koeltech B.V.']);
    expect([nl.title, nl.department]).toEqual(['Productieplanner', 'Technische Dienst']);
    expect(
      fieldsOf(
        ['Rui Lopes', 'Diretor Comercial', 'Quinta da Serra – Vinhos do Douro, Lda.'],
        'rui@quintadaserra.example',
      ).company,
    ).toBe('Quinta da Serra – Vinhos do Douro, Lda.');
    expect(fieldsOf(['سامر خوري', 'مدير التصدير', 'المنطقة الصناعية، زحلة، لبنان']).address).toBe(
      'المنطقة الصناعية، زحلة، لبنان',
    );
    const ie = fieldsOf([
      'Aoife Kane',
      'Export Sales Manager, UK & Europe',
      'Glenrua Distillery',
      'Main Street, Macroom, Co. Cork, P12 X5Y6',
    ]);
    expect([ie.title, ie.department]).toEqual(['Export Sales Manager, UK & Europe', null]);
  });

  it('reads newsroom and press-office blocks: media titles, a bureau, PR and research desks, two sectors before a function, Swedish compounds, Arabic and Hebrew spokespeople and economists, an abbreviated Russian embankment', () => {
    const desk = fieldsOf(
      ['Owen Hale', 'Markets Correspondent | City Desk', 'The Harbour Ledger'],
      'owen.hale@harbourledger.example',
    );
    expect([desk.title, desk.department, desk.company]).toEqual([
      'Markets Correspondent',
      'City Desk',
      'The Harbour Ledger',
    ]);
    // A bureau named by a city that the address repeats is still the unit.
    const hk = fieldsOf([
      'Mei Cheung',
      'Bureau Chief, Hong Kong Bureau',
      'The Harbour Ledger',
      'Suite 1203, 88 Queensway, Admiralty, Hong Kong',
    ]);
    expect([hk.title, hk.department]).toEqual(['Bureau Chief', 'Hong Kong Bureau']);
    const pr = fieldsOf(
      ['Fay Arden', 'Associate Director – Financial PR', 'Arden Grey Communications'],
      'fay@ardengrey.example',
    );
    expect([pr.title, pr.department]).toEqual(['Associate Director', 'Financial PR']);
    const eq = fieldsOf([
      'Ray Cole',
      'Senior Analyst, Consumer & Retail Equity Research',
      'Cole Securities LLC',
    ]);
    expect([eq.title, eq.department]).toEqual(['Senior Analyst', 'Consumer & Retail Equity Research']);
    // A trade before a title stays in it: no function follows the pair.
    expect(fieldsOf(['Ann Bell', 'Food & Beverage Manager', 'Harbour Hotels Ltd']).title).toBe(
      'Food & Beverage Manager',
    );
    const sv = fieldsOf(['Erik Lund', 'Chefekonom, Makroanalys', 'Nordbanken AB']);
    expect([sv.title, sv.department]).toEqual(['Chefekonom', 'Makroanalys']);
    const ar = fieldsOf(['نادية سالم', 'كبيرة الاقتصاديين، إدارة البحوث', 'شركة النيل للاستثمار']);
    expect([ar.title, ar.department]).toEqual(['كبيرة الاقتصاديين', 'إدارة البحوث']);
    const he = fieldsOf(['נועה לוי', 'דוברת, מחלקת תקשורת', 'אופק טכנולוגיות בע"מ']);
    expect([he.title, he.department]).toEqual(['דוברת', 'מחלקת תקשורת']);
    expect(
      fieldsOf([
        'Андрей Волков',
        'Пресс-секретарь',
        'ПАО «Северток»',
        '123112, Москва, Пресненская наб., д. 10',
      ]).address,
    ).toBe('123112, Москва, Пресненская наб., д. 10');
  });

  it('reads law-firm and marketplace blocks: practice groups as units in five languages, Dutch and Turkish titles before the name, bailiffs, sworn translators, appraisers, a Czech law office, a qualification after the name, an Azerbaijani block, a French authority, an address repeated in Arabic', () => {
    const t = (lines: string[], email?: string) => {
      const c = fieldsOf(lines, email);
      return [c.name, c.title, c.department, c.company];
    };
    expect(
      t(['Arjun Rao', 'Principal Associate - Disputes', 'Menon Rao & Associates'], 'arjun@menonrao.example'),
    ).toEqual(['Arjun Rao', 'Principal Associate', 'Disputes', 'Menon Rao & Associates']);
    expect(
      t(
        ['mr. Sanne de Vries', 'Kandidaat-gerechtsdeurwaarder', 'Van Dam & De Vries Gerechtsdeurwaarders'],
        's@vandamdevries.example',
      ),
    ).toEqual([
      'Sanne de Vries',
      'Kandidaat-gerechtsdeurwaarder',
      null,
      'Van Dam & De Vries Gerechtsdeurwaarders',
    ]);
    expect(
      t(
        ['Karin Alm', 'Advokat | Delägare', 'Tvistlösning & Skiljeförfarande', 'Alm Wennberg Advokatbyrå KB'],
        'k@almwennberg.example',
      ),
    ).toEqual([
      'Karin Alm',
      'Advokat | Delägare',
      'Tvistlösning & Skiljeförfarande',
      'Alm Wennberg Advokatbyrå KB',
    ]);
    expect(
      t([
        'Mgr. Petr Novák, LL.M.',
        'advokát, Oddělení sporné agendy',
        'Novák Černá & spol., advokátní kancelář',
      ]),
    ).toEqual(['Petr Novák', 'advokát', 'Oddělení sporné agendy', 'Novák Černá & spol., advokátní kancelář']);
    expect(
      t(
        ['Av. Deniz Erdem', 'Kıdemli Ortak, Uyuşmazlık Çözümü', 'Erdem Hukuk Bürosu'],
        'd@erdemhukuk.example',
      ),
    ).toEqual(['Deniz Erdem', 'Kıdemli Ortak', 'Uyuşmazlık Çözümü', 'Erdem Hukuk Bürosu']);
    expect(t(['אורית כהן', 'שמאית ומומחית לכלכלה משפטית', 'כהן אנליטיקה בע"מ'])[1]).toBe(
      'שמאית ומומחית לכלכלה משפטית',
    );
    expect(t(['נועה ברגמן', 'מנהלת לקוחות בכירה | תחום מסחר מקוון', 'מגן מערכות בע"מ']).slice(1, 3)).toEqual([
      'מנהלת לקוחות בכירה',
      'תחום מסחר מקוון',
    ]);
    // A unit-worded line that the sender's domain spells is the firm when nothing else names one.
    expect(
      t(
        ['Anna Kmiecik', 'Tłumacz przysięgły języka angielskiego', 'Biuro Tłumaczeń Prawniczych LEXPOL'],
        'a@lexpol.example',
      ),
    ).toEqual([
      'Anna Kmiecik',
      'Tłumacz przysięgły języka angielskiego',
      null,
      'Biuro Tłumaczeń Prawniczych LEXPOL',
    ]);
    // A qualification after the name gives way to the title line; alone, it is the title.
    expect(
      t([
        'Aoife Flynn, AITI Chartered Tax Adviser',
        'Director, Indirect Tax',
        'Flynn VAT Advisory Ltd',
      ]).slice(1, 3),
    ).toEqual(['Director', 'Indirect Tax']);
    expect(t(['Aoife Flynn, Chartered Tax Adviser', 'Flynn VAT Advisory Ltd'])[1]).toBe(
      'Chartered Tax Adviser',
    );
    const az = fieldsOf(
      [
        'Elvin Həsənov',
        'Kommersiya direktorunun müavini, Çarter şöbəsi',
        '"Xəzər Gəmi Xidmətləri" MMC',
        'Liman küçəsi 55, Bayıl qəsəbəsi, Bakı AZ1003, Azərbaycan',
      ],
      'e.hasanov@xezergemi.example',
    );
    expect([az.title, az.department, az.company, az.address]).toEqual([
      'Kommersiya direktorunun müavini',
      'Çarter şöbəsi',
      '"Xəzər Gəmi Xidmətləri" MMC',
      'Liman küçəsi 55, Bayıl qəsəbəsi, Bakı AZ1003, Azərbaycan',
    ]);
    expect(
      t([
        'Camille Azoulay',
        'Inspectrice principale – Service national des enquêtes commerce en ligne',
        'Autorité de contrôle des pratiques commerciales',
      ]).slice(2),
    ).toEqual([
      'Service national des enquêtes commerce en ligne',
      'Autorité de contrôle des pratiques commerciales',
    ]);
    expect(
      fieldsOf([
        'Omar Al Suwaidi',
        'Senior Buyer',
        'Gulf Energy Services LLC',
        'P.O. Box 55123, Abu Dhabi, United Arab Emirates',
        'ص.ب. 55123، أبوظبي، الإمارات العربية المتحدة',
      ]).address,
    ).toBe('P.O. Box 55123, Abu Dhabi, United Arab Emirates');
  });

  it('reads trade-promotion blocks: "Title: Unit", trade commissioners, chambers of commerce in English, Greek and Arabic, an embassy and its office, Ukrainian councils, Chinese promotion centres, a numbered Thai division, a Vietnamese centre whose name lists its fields, a name with its romanised form, labels in two languages', () => {
    const t = (lines: string[], email?: string) => {
      const c = fieldsOf(lines, email);
      return [c.title, c.department, c.company];
    };
    expect(
      t(['Thandi Mokoena', 'Manager: Investment Facilitation', 'Lowveld Trade & Investment Agency (LTIA)']),
    ).toEqual(['Manager', 'Investment Facilitation', 'Lowveld Trade & Investment Agency (LTIA)']);
    expect(t(['Sipho Dube', 'Director: Corporate Affairs', 'Karoo Mining Ltd'])).toEqual([
      'Director',
      'Corporate Affairs',
      'Karoo Mining Ltd',
    ]);
    expect(t(['Kim Lowe', 'Trade & Investment Commissioner – Europe', 'Queensland Trade Office'])[0]).toBe(
      'Trade & Investment Commissioner – Europe',
    );
    expect(
      t([
        'Wanjiru Kamau',
        'Head, Trade Missions & Partnerships',
        'Rift Valley Chamber of Commerce & Industry',
      ]),
    ).toEqual(['Head', 'Trade Missions & Partnerships', 'Rift Valley Chamber of Commerce & Industry']);
    expect(
      t([
        'Ελένη Παππά',
        'Προϊσταμένη, Τμήμα Διεθνών Σχέσεων',
        'Εμπορικό και Βιομηχανικό Επιμελητήριο Κυκλάδων',
      ]),
    ).toEqual(['Προϊσταμένη', 'Τμήμα Διεθνών Σχέσεων', 'Εμπορικό και Βιομηχανικό Επιμελητήριο Κυκλάδων']);
    expect(t(['أحمد سامي', 'مستشار تجاري، المكتب التجاري', 'سفارة جمهورية مصر العربية في فالدوريا'])).toEqual(
      ['مستشار تجاري', 'المكتب التجاري', 'سفارة جمهورية مصر العربية في فالدوريا'],
    );
    // Without its article, an office names a firm, not a unit.
    expect(t(['منى فؤاد', 'وكيلة علامات تجارية', 'مكتب دلتا النيل للملكية الفكرية'])[1]).toBeNull();
    expect(
      t([
        'Олена Мирошник',
        'Начальниця відділу залучення інвестицій',
        'Департамент економічного розвитку',
        'Вінницька міська рада',
      ]),
    ).toEqual([
      'Начальниця відділу залучення інвестицій',
      'Департамент економічного розвитку',
      'Вінницька міська рада',
    ]);
    expect(fieldsOf(['张丽华 | 处长', '江川市投资促进中心 欧洲投资促进处']).company).toBe(
      '江川市投资促进中心',
    );
    expect(t(['ปิยะนุช วงศ์สวัสดิ์', 'นักวิเคราะห์การลงทุนชำนาญการ', 'กองส่งเสริมการลงทุนต่างประเทศ 2'])[1]).toBe(
      'กองส่งเสริมการลงทุนต่างประเทศ 2',
    );
    expect(
      t([
        'Lê Thu Hà',
        'Trưởng phòng Xúc tiến Đầu tư',
        'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Bình Khánh',
      ])[2],
    ).toBe('Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Bình Khánh');
    expect(
      fieldsOf(['נועה בן-דוד (Noa Ben-David)', 'סמנכ"לית פיתוח עסקי'], 'noa@agrosense.example').name,
    ).toBe('נועה בן-דוד (Noa Ben-David)');
    expect(
      fieldsOf(['Claire Roy', 'Tel./Tél. : +388 21 555 0311', 'Cell./Cell. : +388 91 555 0386']).phones.map(
        (p) => p.type,
      ),
    ).toEqual(['work', 'mobile']);
  });

  it('reads university blocks: academic ranks and deans in French, Polish, Thai and Turkish, Czech universities and Swedish foundations, a faculty above the department left out, an office named by what it runs, a Japanese rank naming its section, Korean diplomatic ranks and embassies', () => {
    const t = (lines: string[], email?: string) => {
      const c = fieldsOf(lines, email);
      return [c.name, c.title, c.department, c.company];
    };
    expect(t(['Claire Dubois', 'Maîtresse de conférences HDR', 'Université de Toulouse'])[1]).toBe(
      'Maîtresse de conférences HDR',
    );
    expect(
      t(['Anna Nowak', 'Prodziekan ds. Współpracy Międzynarodowej', 'Politechnika Nadwiślańska'])[1],
    ).toBe('Prodziekan ds. Współpracy Międzynarodowej');
    expect(t(['Jan Novák', 'proděkan', 'Vysoké učení technické v Jihlavě'])[3]).toBe(
      'Vysoké učení technické v Jihlavě',
    );
    expect(t(['Sara Lind', 'Handläggare', 'Stiftelsen för akademiskt utbyte'])[3]).toBe(
      'Stiftelsen för akademiskt utbyte',
    );
    expect(
      t([
        'Doç. Dr. Elif Kaya',
        'Erasmus+ Koordinatörü, Endüstri Mühendisliği Bölümü',
        'Mühendislik Fakültesi',
        'Ege Kıyısı Üniversitesi',
      ]),
    ).toEqual([
      'Elif Kaya',
      'Erasmus+ Koordinatörü',
      'Endüstri Mühendisliği Bölümü',
      'Ege Kıyısı Üniversitesi',
    ]);
    expect(
      t(['สุภาวดี วงศ์ประเสริฐ', 'รองคณบดีฝ่ายวิเทศสัมพันธ์', 'คณะวิศวกรรมศาสตร์', 'มหาวิทยาลัยเชียงรายวิทยาการ']).slice(1),
    ).toEqual(['รองคณบดีฝ่ายวิเทศสัมพันธ์', 'คณะวิศวกรรมศาสตร์', 'มหาวิทยาลัยเชียงรายวิทยาการ']);
    expect(
      t([
        'Aroha Wiremu',
        'Senior Exchange Adviser',
        'International Student Exchange Office',
        'Kahurangi University',
      ])[2],
    ).toBe('International Student Exchange Office');
    expect(
      t(['Lindiwe Nkosi', 'Programme Officer: International Scholarships', 'Ubuntu Scholarship Trust']).slice(
        1,
        3,
      ),
    ).toEqual(['Programme Officer', 'International Scholarships']);
    const ja = fieldsOf(['北陽大学', '国際部 国際交流課 留学生交流係長', '佐藤 美咲']);
    expect([ja.title, ja.department]).toEqual(['留学生交流係長', '国際部 国際交流課']);
    const ko = fieldsOf(['김지훈 참사관', '주영국 대한민국 대사관']);
    expect([ko.name, ko.title, ko.company]).toEqual(['김지훈', '참사관', '주영국 대한민국 대사관']);
    expect(t(['ليث العمري', 'ملحق ثقافي، قسم شؤون الطلبة'])[1]).toBe('ملحق ثقافي');
  });

  it('reads wine-trade blocks: a street named by an ordinal, a firm the domain spells after "The", Greek sommeliers and groups, an Arabic buyer; "Register now at www..." is no e-mail address', () => {
    expect(
      fieldsOf([
        'Marcus Whitfield',
        'Vice President',
        'Brightwater Imports, LLC',
        '220 West 19th Street, Suite 5B | New York, NY 10011',
      ]).address,
    ).toBe('220 West 19th Street, Suite 5B, New York, NY 10011');
    expect(
      fieldsOf(
        ['Cristina Santos', 'Beverage Manager', 'The Aurelia Hotels & Residences Manila'],
        'cristina@aureliahotels.example',
      ).company,
    ).toBe('The Aurelia Hotels & Residences Manila');
    const el = fieldsOf(['Νίκος Παππάς', 'Αρχισομελιέ | Τμήμα Οίνου & Ποτών', 'Όμιλος Εστίασης Αιγαίον']);
    expect([el.title, el.department, el.company]).toEqual([
      'Αρχισομελιέ',
      'Τμήμα Οίνου & Ποτών',
      'Όμιλος Εστίασης Αιγαίον',
    ]);
    const ar = fieldsOf(['خالد المنصوري', 'مشتري أول، إدارة المشتريات', 'شركة واحة السفر ذ.م.م']);
    expect([ar.title, ar.department]).toEqual(['مشتري أول', 'إدارة المشتريات']);
    expect(
      fieldsOf(['Karina Leung', 'Register now at www.winefair.example/visit', 'karina at winefair.example'])
        .emails,
    ).toEqual(['karina at winefair.example']);
  });

  it('reads consulting, port, chemicals and relief blocks: practices and plants as units, healthcare practices as organisations, port authorities and public corporations, captains and heads of units, long street parts, Israeli postcodes after a comma, compounds and bracketed regions, territories in four languages, messengers after a phone label, an Amharic block', () => {
    const t = (lines: string[], email?: string) => {
      const c = fieldsOf(lines, email);
      return [c.name, c.title, c.department, c.company];
    };
    expect(
      t(['Ann Roe', 'Principal, Consulting & Professional Services Practice', 'Harbour Search Ltd']).slice(
        1,
        3,
      ),
    ).toEqual(['Principal', 'Consulting & Professional Services Practice']);
    expect(
      t(['Ann Roe', 'Plant Manager, Germiston Converting Plant', 'Karoo Paper Ltd']).slice(1, 3),
    ).toEqual(['Plant Manager', 'Germiston Converting Plant']);
    expect(t(['Dr Ann Roe', 'GP Partner', 'Oakwood Medical Practice']).slice(2)).toEqual([
      null,
      'Oakwood Medical Practice',
    ]);
    expect(t(['Ayşe Kaya', 'Fabrika Müdürü, Gebze Fabrikası', 'Anadolu Ambalaj A.Ş.']).slice(1, 3)).toEqual([
      'Fabrika Müdürü',
      'Gebze Fabrikası',
    ]);
    const es = fieldsOf([
      'Ana Ruiz',
      'Jefa de Departamento',
      'Autoridad Portuaria de Punta Arenal',
      'Muelle de Levante, s/n',
      '11207 Punta Arenal (Cádiz)',
    ]);
    expect([es.company, es.address]).toEqual([
      'Autoridad Portuaria de Punta Arenal',
      'Muelle de Levante, s/n, 11207 Punta Arenal (Cádiz)',
    ]);
    expect(
      t(['Cap. Salvatore Ruggiero', 'Responsabile Commerciale', 'Rimorchiatori Riuniti S.p.A.'])[0],
    ).toBe('Salvatore Ruggiero');
    expect(t(['Capt. Ravi Menon', 'Marine Superintendent', 'Coastline Shipping Ltd'])[0]).toBe('Ravi Menon');
    expect(t(['Иван Петров', 'Началник на отдел „Търговия и маркетинг“', 'Пристанище Варна ЕАД'])[1]).toBe(
      'Началник на отдел „Търговия и маркетинг“',
    );
    expect(t(['김민수 차장', '남해항만공사 | 마케팅팀'])).toEqual([
      '김민수',
      '차장',
      '마케팅팀',
      '남해항만공사',
    ]);
    expect(
      fieldsOf([
        'Dewi Wibowo',
        'Supervisor Formulasi',
        'PT Nusa Ayu Kosmetika',
        'Kawasan Industri Jababeka II, Jl. Industri Selatan 5 Blok GG No. 55, Cikarang, Bekasi 17550',
      ]).address,
    ).toBe('Kawasan Industri Jababeka II, Jl. Industri Selatan 5 Blok GG No. 55, Cikarang, Bekasi 17550');
    const he = fieldsOf([
      'נועה שפירא',
      'כימאית פורמולציה, מחלקת פיתוח מוצרים',
      "רח' התעשייה 55, אזור התעשייה בר-לב, 2015500",
      "טל': 04-5550172",
    ]);
    expect([he.title, he.department, he.address, he.phones.length]).toEqual([
      'כימאית פורמולציה',
      'מחלקת פיתוח מוצרים',
      "רח' התעשייה 55, אזור התעשייה בר-לב, 2015500",
      1,
    ]);
    expect(
      t(['Jussi Lehtonen', 'myyntipäällikkö, Vientimyynti', 'Vaskiluoto Chemicals Oy']).slice(1, 3),
    ).toEqual(['myyntipäällikkö', 'Vientimyynti']);
    expect(t(['王丽', '国际贸易部 区域经理（欧洲）', '江苏华硅新材料有限公司']).slice(1, 3)).toEqual([
      '区域经理（欧洲）',
      '国际贸易部',
    ]);
    expect(
      t(['Giulia Ferri', 'Area Manager Export – Benelux e Africa Occidentale', 'Pigmenti Ferri S.p.A.'])[1],
    ).toBe('Area Manager Export – Benelux e Africa Occidentale');
    expect(
      fieldsOf([
        'Wang Li',
        '电话：+86-576-8555-2317',
        '手机/微信：+86 138 5555 0726',
        'جوال / واتساب: +249 912 555 377',
      ]).phones.map((p) => p.type),
    ).toEqual(['work', 'mobile', 'mobile']);
    expect(
      t(['ዳዊት ገብረመድህን (Dawit Gebremedhin)', 'የኦፕሬሽን ኃላፊ፣ የጭነት ትራንስፖርት ክፍል', 'አባይ የጭነት አገልግሎት ኃ.የተ.የግ.ማ.']),
    ).toEqual([
      'ዳዊት ገብረመድህን (Dawit Gebremedhin)',
      'የኦፕሬሽን ኃላፊ',
      'የጭነት ትራንስፖርት ክፍል',
      'አባይ የጭነት አገልግሎት ኃ.የተ.የግ.ማ.',
    ]);
    expect(fieldsOf(['Иван Орлов', 'Директор', 'SAIF Zone, офис Q3-555, Шарджа, ОАЭ']).address).toBe(
      'SAIF Zone, офис Q3-555, Шарджа, ОАЭ',
    );
  });

  it('writes an en dash before a number inside an address as the comma of a line break, keeps a hyphen and the dash before an Indian PIN', () => {
    const a = (line: string) => fieldsOf(['Camille Roy', 'Directrice', 'Acme SAS', line]).address;
    expect(a('12, rue des Mathurins – 75009 Paris')).toBe('12, rue des Mathurins, 75009 Paris');
    expect(a("Parc d'activités de la Valentine – 55, chemin de la Bastide Longue – 13011 Marseille")).toBe(
      "Parc d'activités de la Valentine, 55, chemin de la Bastide Longue, 13011 Marseille",
    );
    expect(a('Plot No. 555, Phase II, GIDC Vatva, Ahmedabad – 382445, Gujarat, India')).toBe(
      'Plot No. 555, Phase II, GIDC Vatva, Ahmedabad – 382445, Gujarat, India',
    );
    expect(a('Rua Augusta, 1500 - 5º andar, São Paulo - SP')).toBe(
      'Rua Augusta, 1500 - 5º andar, São Paulo - SP',
    );
  });

  it('reads garment, IT-services and car-trade blocks: plot and house numbers with a number sign, a group aside after the firm, product departments, Tamil, Sinhala and Khmer blocks, Nordic and Romanian units, a Korean numbered team, UAE free-zone firms, a floor ordinal after a house number, a corner address', () => {
    const t = (lines: string[], email?: string) => {
      const c = fieldsOf(lines, email);
      return [c.name, c.title, c.department, c.company, c.address];
    };
    expect(
      t([
        'Md. Shahriar Kabir',
        'Sr. Merchandiser',
        'Meghna Knitwears Ltd. (A concern of Meghna Group)',
        'Plot # 55-57, Sector # 4, Dhaka Export Processing Zone (DEPZ)',
        'Ganakbari, Savar, Dhaka-1349, Bangladesh',
      ]).slice(3),
    ).toEqual([
      'Meghna Knitwears Ltd.',
      'Plot # 55-57, Sector # 4, Dhaka Export Processing Zone (DEPZ), Ganakbari, Savar, Dhaka-1349, Bangladesh',
    ]);
    expect(t(['Aoife Byrne', 'Garment Technologist, Kidswear', 'Harbour Retail Ltd']).slice(1, 3)).toEqual([
      'Garment Technologist',
      'Kidswear',
    ]);
    expect(
      t([
        'செந்தில்குமார் ராமசாமி',
        'தர மேலாளர், தர உறுதிப் பிரிவு',
        'கவின் டையிங் & ப்ராசஸிங் மில்ஸ்',
        'எண் 55, சிப்காட் தொழிற்பேட்டை, பெருந்துறை, ஈரோடு – 638052',
      ]),
    ).toEqual([
      'செந்தில்குமார் ராமசாமி',
      'தர மேலாளர்',
      'தர உறுதிப் பிரிவு',
      'கவின் டையிங் & ப்ராசஸிங் மில்ஸ்',
      'எண் 55, சிப்காட் தொழிற்பேட்டை, பெருந்துறை, ஈரோடு – 638052',
    ]);
    expect(
      t(['නිමල් ජයසූරිය', 'විකුණුම් කළමනාකරු | අපනයන අංශය', 'ලංකා ඉලාස්ටික්ස් (පුද්ගලික) සමාගම', 'අංක 555, කැලණිය පාර, බියගම']),
    ).toEqual([
      'නිමල් ජයසූරිය',
      'විකුණුම් කළමනාකරු',
      'අපනයන අංශය',
      'ලංකා ඉලාස්ටික්ස් (පුද්ගලික) සමාගම',
      'අංක 555, කැලණිය පාර, බියගම',
    ]);
    expect(t(['សុខ វណ្ណា', 'ប្រធានផ្នែកផលិតកម្ម', 'ក្រុមហ៊ុន តន្លេសាប ហ្គាមេន ខូ. អិលធីឌី']).slice(0, 2)).toEqual([
      'សុខ វណ្ណា',
      'ប្រធានផ្នែកផលិតកម្ម',
    ]);
    expect(
      fieldsOf([
        'Sok Vanna',
        'ទូរស័ព្ទ: +855 23 555 418',
        'ទូរស័ព្ទដៃ: +855 12 555 907',
        'கைபேசி: +91 94433 55508',
      ]).phones.map((p) => p.type),
    ).toEqual(['work', 'mobile', 'mobile']);
    expect(t(['Erik Lund', 'Leveransansvarig, IT-förvaltning', 'Norrkraft AB']).slice(1, 3)).toEqual([
      'Leveransansvarig',
      'IT-förvaltning',
    ]);
    expect(t(['Kari Dahl', 'Seksjonsleder, Integrasjon og API', 'Fjordnett AS']).slice(1, 3)).toEqual([
      'Seksjonsleder',
      'Integrasjon og API',
    ]);
    expect(
      t(['Andrei Pop', 'Inginer software', 'Centrul de dezvoltare Cluj', 'Tessarine Infotech SRL'])[2],
    ).toBe('Centrul de dezvoltare Cluj');
    expect(t(['Sanne Vos', 'Productowner Klantportaal | Zuiderhaven Energie B.V.'])[1]).toBe(
      'Productowner Klantportaal',
    );
    expect(t(['박지훈 차장 | 해외영업2팀', '(주)대성오토텍']).slice(0, 4)).toEqual([
      '박지훈',
      '차장',
      '해외영업2팀',
      '(주)대성오토텍',
    ]);
    expect(
      t([
        'Rashid Al Mansoori (راشد المنصوري)',
        'Regional Manager, Fleet & Remarketing',
        'Halvard Motor Middle East & Africa FZE',
      ]).slice(0, 4),
    ).toEqual([
      'Rashid Al Mansoori (راشد المنصوري)',
      'Regional Manager',
      'Fleet & Remarketing',
      'Halvard Motor Middle East & Africa FZE',
    ]);
    const br = fieldsOf([
      'Paula Reis',
      'Gerente Comercial',
      'Locadora Sul Ltda.',
      'Av. das Nações Unidas, 55.555 - 12º andar - Brooklin, São Paulo - SP, 04578-000',
      'Tel. +55 11 5555-0142',
    ]);
    expect([br.address, br.phones.length]).toEqual([
      'Av. das Nações Unidas, 55.555 - 12º andar - Brooklin, São Paulo - SP, 04578-000',
      1,
    ]);
    expect(
      fieldsOf([
        'Sipho Dube',
        'Dealer Principal',
        'Midrand Motors (Pty) Ltd',
        'Cnr New Road & Lever Road, Midrand, 1685',
      ]).address,
    ).toBe('Cnr New Road & Lever Road, Midrand, 1685');
    expect(fieldsOf(['Markus Braun', 'Sachverständiger', 'Prüfdienst Süd GmbH']).title).toBe(
      'Sachverständiger',
    );
  });

  it('reads public-tender, equipment-hire and energy-trade blocks: private mail bags and lettered PO boxes, government departments and directorates, a unit before its organisation and place, honorifics of Peru, Mozambique and Egypt, Amharic, Bengali, Hindi, Nepali, Urdu and Russian public bodies, territories written in French, Spanish and German, aftermarket units, Ukrainian mechanics, Chinese traders, berths', () => {
    const t = (lines: string[], email?: string) => {
      const c = fieldsOf(lines, email);
      return [c.name, c.title, c.department, c.company, c.address];
    };
    expect(
      t([
        'Chidi Okafor',
        'Head of Procurement',
        'Procurement Unit, Federal Medical Centre, Agbara-Oke',
        'P.M.B. 5551, Agbara-Oke, Ogun State',
      ]).slice(2),
    ).toEqual([
      'Procurement Unit',
      'Federal Medical Centre, Agbara-Oke',
      'P.M.B. 5551, Agbara-Oke, Ogun State',
    ]);
    expect(
      t([
        'Abena Owusu',
        'Ag. Head of Procurement',
        'Procurement & Supply Chain Directorate',
        'Ministry of Health',
        'P.O. Box M.555, Ministries, Accra',
      ]).slice(2),
    ).toEqual([
      'Procurement & Supply Chain Directorate',
      'Ministry of Health',
      'P.O. Box M.555, Ministries, Accra',
    ]);
    expect(
      t(['Sipho Dube', 'Deputy Director: Supply Chain Management', 'Mpumalanga Department of Health']).slice(
        1,
        4,
      ),
    ).toEqual(['Deputy Director', 'Supply Chain Management', 'Mpumalanga Department of Health']);
    expect(fieldsOf(['Neema Mushi', 'Afisa Ugavi', 'S.L.P 555, Dodoma']).address).toBe('S.L.P 555, Dodoma');
    expect(t(['CPC. Rosa Quispe Mamani', 'Jefa de Logística', 'Hospital Regional del Sur'])[0]).toBe(
      'Rosa Quispe Mamani',
    );
    expect(t(['Dr.ª Celeste Nhantumbo', 'Directora de Aquisições', 'Central de Medicamentos, E.P.'])[0]).toBe(
      'Celeste Nhantumbo',
    );
    expect(
      t([
        'محاسب/ أحمد الشناوي',
        'مدير إدارة التعاقدات، الإدارة العامة للمشتريات',
        'الهيئة الوطنية للإمداد الطبي',
      ]).slice(0, 3),
    ).toEqual(['أحمد الشناوي', 'مدير إدارة التعاقدات', 'الإدارة العامة للمشتريات']);
    expect(t(['ዳዊት ገብሬ', 'የግዥ ባለሙያ IV፣ የሕክምና መሣሪያዎች ግዥ ዳይሬክቶሬት', 'የጤና ምርቶች አቅርቦት ኤጀንሲ']).slice(1, 4)).toEqual(
      ['የግዥ ባለሙያ IV', 'የሕክምና መሣሪያዎች ግዥ ዳይሬክቶሬት', 'የጤና ምርቶች አቅርቦት ኤጀንሲ'],
    );
    expect(
      t(['রহিম উদ্দিন', 'উপপরিচালক (ক্রয়)', 'চিকিৎসা যন্ত্রপাতি শাখা', 'স্বাস্থ্য সেবা অধিদপ্তর']).slice(1, 4),
    ).toEqual(['উপপরিচালক (ক্রয়)', 'চিকিৎসা যন্ত্রপাতি শাখা', 'স্বাস্থ্য সেবা অধিদপ্তর']);
    expect(t(['Ivan Petrov', 'Главный специалист', 'Агентство по закупкам в сфере здравоохранения'])[3]).toBe(
      'Агентство по закупкам в сфере здравоохранения',
    );
    expect(t(['عمران خان', 'ڈپٹی میڈیکل سپرنٹنڈنٹ', 'پروکیورمنٹ سیل'])[1]).toBe('ڈپٹی میڈیکل سپرنٹنڈنٹ');
    expect(t(['Luc Martin', 'Responsable Export – Royaume-Uni & Irlande', 'Manitech SAS'])[1]).toBe(
      'Responsable Export – Royaume-Uni & Irlande',
    );
    expect(t(['Anna Berg', 'Servicetekniker, Eftermarknad', 'Brokk Sverige AB']).slice(1, 3)).toEqual([
      'Servicetekniker',
      'Eftermarknad',
    ]);
    expect(
      t(['Олег Коваль', 'Механік-діагност', 'Виїзна сервісна служба', 'Hire Ireland Ltd']).slice(1, 3),
    ).toEqual(['Механік-діагност', 'Виїзна сервісна служба']);
    expect(t(['王伟', '高级交易员', '国际原油交易部', '华海石油国际贸易有限公司'])[1]).toBe('高级交易员');
    expect(
      fieldsOf([
        'Lindiwe Ndlovu',
        'Terminal Manager',
        'Saldanha Tank Storage (Pty) Ltd',
        'Berth 2, Port of Saldanha, Saldanha Bay, 7395',
      ]).address,
    ).toBe('Berth 2, Port of Saldanha, Saldanha Bay, 7395');
  });

  it('reads clinic and film blocks: a college or specialty in brackets after a post-nominal, dental degrees, Hungarian specialists, Arabic consultant physicians, Thai centres, IMDb name pages as profiles, Georgian producers', () => {
    expect(
      fieldsOf(
        ['Mr Jonathan Pryce FDS RCS (Eng) FRCS (OMFS)', 'Consultant Oral & Maxillofacial Surgeon'],
        'j.pryce@severnvale.example',
      ).name,
    ).toBe('Jonathan Pryce');
    expect(fieldsOf(['Martin Ashcombe BDS MJDF', 'Associate Dentist', 'Harbour Dental Care Ltd']).name).toBe(
      'Martin Ashcombe',
    );
    const hu = fieldsOf([
      'Dr. Kovács Anna',
      'implantológus szakorvos, Szájsebészeti Osztály',
      'Szent Lukács Kórház',
    ]);
    expect([hu.title, hu.department]).toEqual(['implantológus szakorvos', 'Szájsebészeti Osztály']);
    const ar = fieldsOf(['د. ريم الشهري', 'استشارية تقويم الأسنان، قسم طب الأسنان', 'مجمع النخبة الطبي']);
    expect([ar.title, ar.department]).toEqual(['استشارية تقويم الأسنان', 'قسم طب الأسنان']);
    const th = fieldsOf(['สมศรี ใจดี', 'ผู้ประสานงานผู้ป่วยต่างชาติ ศูนย์ทันตกรรม', 'โรงพยาบาลกรุงเทพ']);
    expect([th.title, th.department]).toEqual(['ผู้ประสานงานผู้ป่วยต่างชาติ', 'ศูนย์ทันตกรรม']);
    expect(
      fieldsOf(['Dana Whitcombe', 'Line Producer', 'IMDb<https://www.imdb.com/name/nm5550142>']).social,
    ).toEqual(['https://www.imdb.com/name/nm5550142']);
    expect(fieldsOf(['ნინო ბერიძე', 'პროდიუსერი, საერთაშორისო პროდუქციის განყოფილება']).title).toBe(
      'პროდიუსერი',
    );
  });

  it('reads courier and infrastructure blocks: Catalan councils, shopping centres, Korean units with a middle dot, Bulgarian agencies and engineers, Greek translators, Maghreb streets, abbreviated Azerbaijani streets', () => {
    const t = (lines: string[]) => {
      const c = fieldsOf(lines);
      return [c.name, c.title, c.department, c.company, c.address];
    };
    expect(
      t([
        'Núria Puig',
        'Tècnica de Mobilitat',
        'Servei de Mobilitat i Espai Públic',
        'Ajuntament de Vilanova de Mar',
      ]).slice(1, 4),
    ).toEqual([
      'Tècnica de Mobilitat',
      'Servei de Mobilitat i Espai Públic',
      'Ajuntament de Vilanova de Mar',
    ]);
    expect(
      t(['Rita Sousa', 'Gestora', 'Direção de Centro, Centro Comercial Tejo Nascente']).slice(2, 4),
    ).toEqual(['Direção de Centro', 'Centro Comercial Tejo Nascente']);
    expect(t(['김민수 차장', '한빛건설(주) | 해외사업본부 도로·교통부'])[2]).toBe('해외사업본부 도로·교통부');
    expect(
      t(['инж. Стоян Петков', 'Главен експерт', 'Национална агенция за пътни проекти']).filter(
        (x, i) => i !== 2 && i !== 4,
      ),
    ).toEqual(['Стоян Петков', 'Главен експерт', 'Национална агенция за пътни проекти']);
    expect(
      t([
        'Ελένη Ζαχαρίου',
        'Μεταφράστρια - Διερμηνέας, Τμήμα Τεχνικών Μεταφράσεων',
        'Lexis Translations ΙΚΕ',
      ]).slice(1, 3),
    ).toEqual(['Μεταφράστρια - Διερμηνέας', 'Τμήμα Τεχνικών Μεταφράσεων']);
    expect(
      t([
        'يوسف بنعلي',
        'مدير المبيعات',
        'فريغوفان المغرب ش.م.م',
        'الحي الصناعي عين السبع، زنقة 55، الدار البيضاء',
      ])[4],
    ).toBe('الحي الصناعي عين السبع، زنقة 55، الدار البيضاء');
    expect(t(['Rauf Məmmədov', 'Baş mühəndis', 'Bakı şəhəri, AZ1010, Dilarə Əliyeva küç. 55'])[4]).toBe(
      'Bakı şəhəri, AZ1010, Dilarə Əliyeva küç. 55',
    );
  });

  it('reads school and events blocks: schools in Italian, Russian, Hebrew, Chinese and Hindi, hotels in Chinese and Korean, a rectorate and its delegation, Hindi principals, German banqueting units, a long Chinese rank, a Korean unit opening with Latin letters, the Portuguese Telm. label', () => {
    const t = (lines: string[]) => {
      const c = fieldsOf(lines);
      return [c.name, c.title, c.department, c.company];
    };
    expect(
      t(['Laura Bianchi', 'Dirigente Scolastica', 'Liceo Scientifico Statale "Ettore Valdani"'])[3],
    ).toBe('Liceo Scientifico Statale "Ettore Valdani"');
    expect(t(['Ирина Соколова', 'Заместитель директора', 'Гимназия 155 г. Казани'])[3]).toBe(
      'Гимназия 155 г. Казани',
    );
    expect(t(['ד"ר מיכל לוי', 'מנהלת', 'תיכון הים'])[3]).toBe('תיכון הים');
    expect(t(['王芳 | 国际部主任', '上海浦江双语学校'])[3]).toBe('上海浦江双语学校');
    expect(t(['डॉ. सुनीता वर्मा', 'प्रधानाचार्या', 'ज्ञानदीप विद्यालय']).slice(1, 4)).toEqual([
      'प्रधानाचार्या',
      null,
      'ज्ञानदीप विद्यालय',
    ]);
    expect(t(['Lin Wei', '销售部 会议及宴会销售经理', '上海外滩云庭酒店']).slice(1)).toEqual([
      '会议及宴会销售经理',
      '销售部',
      '上海外滩云庭酒店',
    ]);
    expect(t(['김민지 과장', 'MICE세일즈팀 과장', '한빛호텔앤리조트']).slice(1)).toEqual([
      '과장',
      'MICE세일즈팀',
      '한빛호텔앤리조트',
    ]);
    expect(
      t([
        'Claire Martin',
        'Chargée de mission',
        'Délégation académique aux relations européennes et internationales',
        "Rectorat de l'académie de Garonne",
      ]).slice(2),
    ).toEqual([
      'Délégation académique aux relations européennes et internationales',
      "Rectorat de l'académie de Garonne",
    ]);
    expect(
      t(['Anna Huber', 'Bankettleiterin | Bankett & Veranstaltungen', 'Ringstraße Palais GmbH']).slice(1, 3),
    ).toEqual(['Bankettleiterin', 'Bankett & Veranstaltungen']);
    expect(
      fieldsOf(['Rita Sousa', 'Tel. +351 21 555 0782', 'Telm. +351 91 555 3046']).phones.map((p) => p.type),
    ).toEqual(['work', 'mobile']);
  });

  it('reads banking and municipal blocks: SME lending desks, Swedish municipal administrations, a Hindi cell before its council', () => {
    const ph = fieldsOf([
      'Maria Cruz',
      'Senior Credit Officer, SME Lending Group',
      'Pacific Harbor Bank, Inc.',
    ]);
    expect([ph.title, ph.department]).toEqual(['Senior Credit Officer', 'SME Lending Group']);
    const sv = fieldsOf([
      'Anna Berg',
      'Energi- och klimatrådgivare, Samhällsbyggnadsförvaltningen',
      'Vallby kommun',
    ]);
    expect([sv.title, sv.department]).toEqual([
      'Energi- och klimatrådgivare',
      'Samhällsbyggnadsförvaltningen',
    ]);
    const hi = fieldsOf(['राजेश शर्मा', 'अधिशासी अभियंता', 'ऊर्जा प्रकोष्ठ, नगर परिषद नवलगढ़']);
    expect([hi.department, hi.company]).toEqual(['ऊर्जा प्रकोष्ठ', 'नगर परिषद नवलगढ़']);
  });
});
