// The per-language lexicons (parsers/lexicon/): every entry is a sound pattern fragment, and each language's
// words reach the parser functions that use them. Adding a language means a lexicon file and a row here.
import { describe, expect, it } from 'vitest';
import { LEXICONS, type ListKey } from '../../parsers/lexicon/index.ts';
import {
  hasCompanyWord,
  hasTitleWord,
  isCountryLine,
  isValediction,
  looksLikeAddress,
} from '../../parsers/lines.ts';
import {
  isDepartment,
  looksLikeDepartment,
  namesFunction,
  namesTerritory,
} from '../../parsers/department.ts';
import { findPhoneSpans, labelType, toE164 } from '../../parsers/phones.ts';
import { newestPart } from '../../parsers/newest-part.ts';
import { namesOrganisation } from '../../parsers/fields/company.ts';
import { extractFields } from '../../parsers/fields.ts';

const esFrom = { name: 'Martín Etchegaray', email: 'metchegaray@pampasemillas.example' };
const zhFrom = { name: '王海涛', email: 'wht@huayu-grain.example' };
const maFrom = { name: 'Youssef El Amrani', email: 'y.elamrani@atlasphosphates.example' };

/** Does a register or tax line glued under the block leave the newest part? */
function registerCut(line: string): boolean {
  return newestPart(`Body.\n\nJane Roe\n+1 415 555 0142\n${line}`) === 'Body.\n\nJane Roe\n+1 415 555 0142';
}

/** Does a client footer line after the body leave the newest part? */
function footerCut(line: string): boolean {
  return newestPart(`Body.\n\n${line}`) === 'Body.';
}

/** Does a list footer under a rule line, after the signature, leave the newest part with the rule? */
function listFooterCut(footer: string): boolean {
  return (
    newestPart(`Body.\n\nAnna\n\n----------\n${footer}\nhttps://lists.example.org/info/team`) ===
    'Body.\n\nAnna'
  );
}

/** Does a quote intro ("... wrote:") end the newest part? */
function introCut(intro: string): boolean {
  return newestPart(`Reply.\n\n${intro}\n\nold text`) === 'Reply.';
}

/** Is a paragraph after the signature read as a confidentiality notice and left out? */
function noticeCut(para: string): boolean {
  return newestPart(`Body.\n\nAnna\n\n${para}`) === 'Body.\n\nAnna';
}

/** The type of the one phone on a line under a name. */
function phoneTypeOf(line: string): string | undefined {
  const from = { name: 'Jana Roth', email: 'jana.roth@nordhafen.example' };
  return extractFields(['Jana Roth', line], from).phones[0]?.type;
}

/** The number of the one phone on a line under a name, as written (with its extension when one is read). */
function phoneRawOf(line: string): string | undefined {
  const from = { name: 'Jana Roth', email: 'jana.roth@nordhafen.example' };
  return extractFields(['Jana Roth', line], from).phones[0]?.raw;
}

/** The name read from the first line of a block, the sender being Jana Roth. */
function nameOf(line: string): string | null {
  const from = { name: 'Jana Roth', email: 'jana.roth@nordhafen.example' };
  return extractFields([line, 'Sales Manager'], from).name;
}

/** The title and the department read from a line under a name. */
function titleAndUnitOf(line: string): [string | null, string | null] {
  const from = { name: 'Jana Roth', email: 'jana.roth@nordhafen.example' };
  const f = extractFields(['Jana Roth', line, 'Nordhafen GmbH'], from);
  return [f.title, f.department];
}

/** The address read from a line under a name. */
function addressOf(line: string): string | null {
  const from = { name: 'Jana Roth', email: 'jana.roth@nordhafen.example' };
  return extractFields(['Jana Roth', line], from).address;
}

/** Is a line right under the name, with no role noun of the lexicon, read as the title by its seniority word? */
function seniorTitleOf(line: string): boolean {
  const from = { name: 'Jana Roth', email: 'jana.roth@nordhafen.example' };
  return !hasTitleWord(line) && extractFields(['Jana Roth', line], from).title === line;
}

describe('lexicons', () => {
  it('has one lexicon per language code, each entry a regex fragment that cannot match the empty string', () => {
    const codes = LEXICONS.map((l) => l.lang);
    expect(new Set(codes).size).toBe(codes.length);
    for (const lex of LEXICONS) {
      for (const [key, list] of Object.entries(lex)) {
        if (key === 'lang' || key === 'article') continue;
        for (const entry of list as string[]) {
          // An entry matching "" would make its whole alternation match everywhere.
          const re = new RegExp(`^(?:${entry})$`, 'u');
          expect(re.test(''), `${lex.lang}.${key as ListKey}: ${entry}`).toBe(false);
        }
      }
    }
  });

  // One row per language and list: the word, and what the parser must make of it.
  const cases: [lang: string, what: string, check: () => boolean][] = [
    ['en', 'valediction', () => isValediction('Kind regards,')],
    ['en', 'organisation name', () => namesOrganisation('Ridgeway Global Technology')],
    ['de', 'organisation name', () => namesOrganisation('Stadtwerke Lindenau Energie')],
    ['fr', 'organisation name', () => namesOrganisation('Rivebelle Énergie')],
    ['es', 'organisation name', () => namesOrganisation('Seguros Alcázar')],
    ['en', 'seniority title', () => seniorTitleOf('Snr. Quantity Surveyer')],
    ['de', 'seniority title', () => seniorTitleOf('Stellv. Hafenmeisterin')],
    ['de', 'seniority title', () => seniorTitleOf('Stellvertretende Schulrätin')],
    ['en', 'title', () => hasTitleWord('Head of Partnerships')],
    ['en', 'legal form', () => hasCompanyWord('Acme Widgets LLC')],
    ['en', 'street', () => looksLikeAddress('1400 Smith Street')],
    ['en', 'phone label', () => labelType('Cell') === 'mobile'],
    [
      'intl',
      'phone label',
      () => labelType('WhatsApp') === 'mobile' && labelType('Mob/WhatsApp') === 'mobile',
    ],
    ['de', 'valediction', () => isValediction('Mit freundlichen Grüßen')],
    ['de', 'valediction', () => isValediction('Mit freundlichem Gruß') && isValediction('Mit bestem Gruss')],
    ['de', 'compound title', () => hasTitleWord('Vertriebsleiter')],
    ['de', 'legal form', () => hasCompanyWord('Lindenwerk GmbH')],
    ['de', 'street', () => looksLikeAddress('Industriestraße 12')],
    ['de', 'unit', () => looksLikeDepartment('Abteilung Einkauf')],
    ['de', 'phone label', () => labelType('Handy') === 'mobile'],
    ['de', 'compound function', () => namesFunction('Zentraleinkauf')],
    ['en', 'territory', () => namesTerritory('Northern Europe') && !namesTerritory('Network Services')],
    ['en', 'title abbreviation', () => hasTitleWord('AVP') && hasTitleWord('Apache Kafka Committer')],
    ['no', 'compound title', () => hasTitleWord('Prosjektleder')],
    ['nl', 'title', () => hasTitleWord('Inkoper')],
    ['pt', 'function', () => looksLikeDepartment('Comercial')],
    ['fr', 'function', () => looksLikeDepartment('Relations avec les investisseurs')],
    ['fr', 'valediction', () => isValediction('Cordialement')],
    ['fr', 'valediction', () => isValediction('Bonne journée,')],
    ['en', 'valediction', () => isValediction('Love,')],
    ['pt', 'valediction', () => isValediction('Att.,') && isValediction('Abs,')],
    ['he', 'valediction', () => isValediction('בברכה,') && isValediction('תודה רבה')],
    ['ar', 'valediction', () => isValediction('مع أطيب التحيات،') && isValediction('شكراً')],
    ['en', 'valediction', () => isValediction('Have a nice day,')],
    ['en', 'valediction', () => isValediction('Best Rgds.')],
    [
      'en',
      'quote header (Zoho Mail)',
      () =>
        newestPart(
          'Thanks.\n\n---- On Mon, 14 Apr 2025 10:21:55 +0800 Lim <l@x.example> wrote ---\n\n> Dear Faizal',
        ) === 'Thanks.',
    ],
    [
      'id',
      'street',
      () => looksLikeAddress('No. 18, Jalan Industri Batu Caves 2/3, 68100 Batu Caves, Selangor'),
    ],
    [
      'he',
      'quote header',
      () =>
        !newestPart('תודה\n\nמאת: רון <r@x.example>\nנשלח: יום ראשון\nאל: יעל\nנושא: הסכם\n\nטיוטה').includes(
          'טיוטה',
        ),
    ],
    [
      'ar',
      'quote header',
      () =>
        !newestPart(
          'شكرا\n\nمن: ليلى <l@x.example>\nتم الإرسال: الأحد\nإلى: رامي\nالموضوع: عرض\n\nالمسودة',
        ).includes('المسودة'),
    ],
    ['fr', 'title', () => hasTitleWord('Chargée de mission')],
    ['fr', 'legal form', () => hasCompanyWord('Ateliers Morel SARL')],
    ['fr', 'street', () => looksLikeAddress('12 rue des Lilas')],
    ['fr', 'phone label', () => labelType('Tél') === 'work'],
    ['es', 'title', () => hasTitleWord('Gerente de Ventas')],
    ['es', 'legal form', () => hasCompanyWord('Olivar Norte S.L.')],
    ['es', 'unit', () => looksLikeDepartment('Departamento Comercial')],
    ['it', 'valediction', () => isValediction('Cordiali saluti')],
    ['it', 'legal form', () => hasCompanyWord('Ferri Impianti S.p.A.')],
    ['nl', 'valediction', () => isValediction('Met vriendelijke groet')],
    ['nl', 'legal form', () => hasCompanyWord('Dijkstra Logistiek B.V.')],
    ['pt', 'title', () => hasTitleWord('Diretora Comercial')],
    ['pt', 'phone label', () => labelType('Telemóvel') === 'mobile'],
    ['sv', 'valediction', () => isValediction('Vänliga hälsningar')],
    ['sv', 'legal form', () => hasCompanyWord('Norrsken Data AB')],
    ['da', 'legal form', () => hasCompanyWord('Havn Design ApS')],
    ['no', 'valediction', () => isValediction('Med vennlig hilsen')],
    ['no', 'country', () => isCountryLine('Norge')],
    ['fi', 'legal form', () => hasCompanyWord('Revontuli Oy')],
    ['fi', 'street', () => looksLikeAddress('Mannerheimintie 10 A')],
    ['pl', 'title', () => hasTitleWord('Kierownik projektu')],
    ['pl', 'legal form', () => hasCompanyWord('Wisła Serwis Sp. z o.o.')],
    ['cs', 'title', () => hasTitleWord('jednatelka')],
    ['hu', 'legal form', () => hasCompanyWord('Duna Gépgyár Kft')],
    ['pl', 'lower-case legal form', () => hasCompanyWord('Orłowa Systemy sp. z o.o.')],
    ['cs', 'legal form', () => hasCompanyWord('Vltava Stroje spol. s r.o.')],
    ['el', 'legal form', () => hasCompanyWord('Αιγαίο Ναυτιλιακή Α.Ε.') && hasCompanyWord('Κρόνος ΙΚΕ')],
    [
      'intl',
      'Cyrillic forms',
      () => hasCompanyWord('Дунав Софт ЕООД') && hasCompanyWord('ТОВ «Дніпро Дата»'),
    ],
    ['intl', 'Indonesian form', () => hasCompanyWord('PT Nusantara Data Tbk')],
    ['intl', 'Thai form', () => hasCompanyWord('บริษัท ไทยเทค จำกัด')],
    ['ja', 'title', () => hasTitleWord('営業部長')],
    ['ja', 'legal form', () => hasCompanyWord('光商事株式会社')],
    ['ja', 'unit', () => looksLikeDepartment('営業本部 第二営業部')],
    ['ja', 'valediction', () => isValediction('よろしくお願いいたします。')],
    ['zh', 'title', () => hasTitleWord('销售经理')],
    ['zh', 'legal form', () => hasCompanyWord('华信科技有限公司')],
    ['ko', 'legal form', () => hasCompanyWord('한빛전자 주식회사')],
    ['ko', 'unit', () => looksLikeDepartment('영업팀')],
    [
      'fr',
      'extension left out of E.164',
      () => toE164('450 555-0176, poste / ext. 228', 'CA') === '+14505550176',
    ],
    ['ko', 'extension left out of E.164', () => toE164('02-555-0184 (내선 214)', 'KR') === '+8225550184'],
    [
      'ko',
      'extension',
      () => findPhoneSpans('T. 02-555-0184 (내선 214)')[0]?.raw === '02-555-0184 (내선 214)',
    ],
    [
      'zh',
      'extension',
      () => findPhoneSpans('Tel: 04-2355-0172 分機 315')[0]?.raw === '04-2355-0172 分機 315',
    ],
    [
      'ja',
      'extension',
      () => findPhoneSpans('TEL 03-5555-0123 内線 204')[0]?.raw === '03-5555-0123 内線 204',
    ],
    [
      'fr',
      'extension',
      () =>
        findPhoneSpans('Tél. / Tel.: 450 555-0176, poste / ext. 228')[0]?.raw ===
        '450 555-0176, poste / ext. 228',
    ],
    ['ar', 'title', () => hasTitleWord('مديرة المبيعات')],
    ['ar', 'organisation', () => hasCompanyWord('شركة النخيل للتجارة')],
    ['ar', 'unit', () => looksLikeDepartment('قسم المبيعات')],
    ['he', 'title', () => hasTitleWord('מנהלת פיתוח עסקי')],
    ['he', 'legal form', () => hasCompanyWord('אורן מערכות בע"מ')],
    ['he', 'unit', () => looksLikeDepartment('מחלקת שיווק')],
    ['he', 'phone label', () => labelType('נייד') === 'mobile' && labelType('פקס') === 'fax'],
    [
      'he',
      'street and PO box',
      () => looksLikeAddress("מגדל הים, רח' הרצל 18, חיפה") && looksLikeAddress('ת.ד. 4512, חיפה'),
    ],
    ['ar', 'legal form', () => hasCompanyWord('أرز للاستشارات ش.م.ل')],
    [
      'ar',
      'street and PO box',
      () => looksLikeAddress('طريق الملك فهد 12، الرياض') && looksLikeAddress('ص.ب 12345، دبي'),
    ],
    ['ar', 'phone label', () => labelType('جوال') === 'mobile' && labelType('هاتف') === 'work'],
    ['zh', 'address', () => looksLikeAddress('北京市朝阳区建国路88号')],
    [
      'zh',
      'postcode line',
      () => looksLikeAddress('邮编：266071') && !looksLikeAddress('电话：0532-5555 8120'),
    ],
    [
      'zh',
      'address (Hong Kong)',
      () => looksLikeAddress('香港九龍尖沙咀廣東道 30 號新港中心 2 座 15 樓 1508 室'),
    ],
    [
      'en',
      'room code',
      () => looksLikeAddress('Room G14, Clocktower Building') && !looksLikeAddress('Room for improvement'),
    ],
    ['ru', 'valediction', () => isValediction('С уважением,')],
    ['ru', 'title', () => hasTitleWord('Генеральный директор')],
    ['ru', 'legal form', () => hasCompanyWord('ООО «Северный ветер»')],
    ['ru', 'phone label', () => labelType('Моб') === 'mobile'],
    ['tr', 'valediction', () => isValediction('Saygılarımla')],
    ['tr', 'title', () => hasTitleWord('Satış Müdürü')],
    ['tr', 'legal form', () => hasCompanyWord('Anadolu Tekstil A.Ş.')],
    ['tr', 'phone label', () => labelType('Cep') === 'mobile'],
    ['el', 'valediction', () => isValediction('Με εκτίμηση,') && isValediction('Φιλικούς χαιρετισμούς')],
    ['el', 'title', () => hasTitleWord('Υπεύθυνος Πωλήσεων') && hasTitleWord('ΔΙΕΥΘΥΝΤΗΣ')],
    ['el', 'unit', () => looksLikeDepartment('Τμήμα Εξαγωγών')],
    [
      'el',
      'phone label',
      () => labelType('Κιν.') === 'mobile' && labelType('Τηλ.') === 'work' && labelType('Φαξ') === 'fax',
    ],
    ['el', 'street', () => looksLikeAddress('Λεωφ. Κηφισίας 124')],
    ['el', 'client footer', () => footerCut('Στάλθηκε από το iPhone μου')],
    [
      'el',
      'notice',
      () =>
        noticeCut('Το παρόν μήνυμα είναι εμπιστευτικό και προορίζεται αποκλειστικά για τον παραλήπτη του.'),
    ],
    [
      'zh',
      'valediction',
      () => isValediction('此致敬礼') && isValediction('顺祝商祺！') && isValediction('謝謝'),
    ],
    ['zh', 'traditional title', () => hasTitleWord('資深架構師') && hasTitleWord('業務專員')],
    ['zh', 'traditional phone labels', () => labelType('手機') === 'mobile' && labelType('傳真') === 'fax'],
    ['zh', 'legal form', () => hasCompanyWord('星河数据有限责任公司')],
    ['zh', 'unit', () => looksLikeDepartment('產品團隊')],
    [
      'zh',
      'client footer',
      () => footerCut('从我的 iPhone 发送') || footerCut('發自我的iPhone') || footerCut('來自我的 iPhone'),
    ],
    ['ko', 'valediction', () => isValediction('감사합니다.') && isValediction('수고하세요')],
    ['ko', 'title', () => hasTitleWord('변호사') && hasTitleWord('수석 엔지니어')],
    ['ko', 'unit', () => looksLikeDepartment('미래기술연구소')],
    ['ko', 'phone label', () => labelType('모바일') === 'mobile' && labelType('대표번호') === 'work'],
    ['ko', 'quote intro', () => introCut('2021년 5월 3일 (월) 오전 10:00, 홍길동님이 작성:')],
    ['ja', 'valediction', () => isValediction('以上') && isValediction('引き続きよろしくお願いいたします。')],
    ['ja', 'title', () => hasTitleWord('執行役員') && hasTitleWord('シニアディレクター')],
    ['ja', 'legal form', () => hasCompanyWord('一般社団法人 未来技術協会')],
    ['ja', 'unit', () => looksLikeDepartment('大阪支店')],
    ['ja', 'phone label', () => labelType('携帯番号') === 'mobile' && labelType('ファクス') === 'fax'],
    ['ja', 'client footer', () => footerCut('iPadから送信')],
    [
      'ru',
      'valediction',
      () => isValediction('С наилучшими пожеланиями,') && isValediction('Заранее спасибо!'),
    ],
    ['ru', 'title', () => hasTitleWord('Ведущий разработчик') && hasTitleWord('Вице-президент')],
    ['ru', 'unit', () => looksLikeDepartment('Служба поддержки')],
    ['ru', 'street', () => looksLikeAddress('ул. Лесная, д. 10')],
    ['ru', 'quote intro', () => introCut('03.05.2021 10:00, Иван Петров пишет:')],
    ['uk', 'valediction', () => isValediction('З повагою,') && isValediction('Дякую!')],
    ['uk', 'title', () => hasTitleWord('Провідний фахівець') && hasTitleWord('Керівник відділу')],
    ['uk', 'unit', () => looksLikeDepartment('Відділ продажів')],
    ['uk', 'street', () => looksLikeAddress('вул. Садова, 22')],
    ['uk', 'client footer', () => footerCut('Надіслано з iPhone')],
    ['uk', 'country', () => isCountryLine('Україна')],
    [
      'pl',
      'valediction',
      () => isValediction('Z wyrazami szacunku') && isValediction('Pozdrawiam serdecznie,'),
    ],
    ['pl', 'title', () => hasTitleWord('Programistka') && hasTitleWord('Opiekun klienta')],
    ['pl', 'unit', () => looksLikeDepartment('Pracownia Projektowa')],
    ['pl', 'street', () => looksLikeAddress('pl. Grunwaldzki 5')],
    ['pl', 'client footer', () => footerCut('Wysłano z iPhone')],
    ['cs', 'valediction', () => isValediction('S přátelským pozdravem') && isValediction('S pozdravom')],
    ['cs', 'Slovak title', () => hasTitleWord('Riaditeľka') && hasTitleWord('Obchodný zástupca')],
    ['cs', 'unit', () => looksLikeDepartment('Oddělení nákupu')],
    ['cs', 'street', () => looksLikeAddress('nám. Míru 15')],
    ['cs', 'country', () => isCountryLine('Slovensko')],
    ['cs', 'Slovak quote intro', () => introCut('Dňa 3. 5. 2021 o 10:00 Ján Novák napísal(a):')],
    ['hu', 'valediction', () => isValediction('Tisztelettel,') && isValediction('Köszönöm szépen!')],
    ['hu', 'title', () => hasTitleWord('Osztályvezető') && hasTitleWord('Értékesítési vezető')],
    ['hu', 'unit', () => looksLikeDepartment('Pénzügyi osztály')],
    ['hu', 'street', () => looksLikeAddress('Váci út 12')],
    ['hu', 'quote intro', () => introCut('Kovács Anna ezt írta (időpont: 2021. máj. 3., H, 10:00):')],
    ['fi', 'valediction', () => isValediction('Parhain terveisin') && isValediction('Kiittäen')],
    ['fi', 'title', () => hasTitleWord('Tutkija') && hasTitleWord('Myyntiedustaja')],
    ['fi', 'unit', () => looksLikeDepartment('Myyntitiimi')],
    ['fi', 'phone label', () => labelType('Matkap.') === 'mobile' && labelType('Vaihde') === 'work'],
    ['fi', 'street', () => looksLikeAddress('Eteläranta 10')],
    ['da', 'valediction', () => isValediction('Venlige hilsner') && isValediction('Mange tak')],
    ['da', 'title', () => hasTitleWord('Underdirektør') && hasTitleWord('Bestyrelsesformand')],
    ['da', 'unit', () => looksLikeDepartment('Institut for Datalogi') && looksLikeDepartment('Regnskab')],
    ['da', 'street', () => looksLikeAddress('Frederiks Allé 4') && looksLikeAddress('Nyhavnsplads 3')],
    ['da', 'phone label', () => labelType('Mobiltlf.') === 'mobile' && labelType('Hovednummer') === 'work'],
    ['no', 'valediction', () => isValediction('Vennlige hilsener') && isValediction('Tusen takk')],
    ['no', 'title', () => hasTitleWord('Saksbehandler') && hasTitleWord('Førsteamanuensis')],
    ['no', 'unit', () => looksLikeDepartment('Innkjøpsseksjonen')],
    ['no', 'street', () => looksLikeAddress('Karl Johans gate 12') && looksLikeAddress('Pb. 123 Sentrum')],
    ['sv', 'valediction', () => isValediction('Bästa hälsningar') && isValediction('Tack på förhand')],
    ['sv', 'title', () => hasTitleWord('Redovisningsekonom') && hasTitleWord('Styrelseledamot')],
    ['sv', 'unit', () => looksLikeDepartment('Ekonomienheten')],
    ['sv', 'street', () => looksLikeAddress('Stortorget 3')],
    ['tr', 'valediction', () => isValediction('İyi günler') && isValediction('Saygılarımızla,')],
    ['tr', 'title', () => hasTitleWord('Satış Temsilcisi') && hasTitleWord('Yazılım Geliştirici')],
    ['tr', 'unit', () => looksLikeDepartment('Dış Ticaret Bölümü')],
    ['tr', 'street', () => looksLikeAddress('Atatürk Cad. No: 12')],
    ['tr', 'client footer', () => footerCut('iPhone’umdan gönderildi')],
    ['ro', 'valediction', () => isValediction('Cu stimă,') && isValediction('Mulţumesc frumos')],
    ['ro', 'title', () => hasTitleWord('Director vânzări') && hasTitleWord('Președinte')],
    ['ro', 'unit', () => looksLikeDepartment('Departamentul Vânzări')],
    ['ro', 'street', () => looksLikeAddress('Str. Lipscani nr. 12') && looksLikeAddress('Bd. Unirii 20')],
    ['ro', 'client footer', () => footerCut('Trimis de pe iPhone-ul meu')],
    ['ro', 'quote intro', () => introCut('Pe lun., 3 mai 2021 la 10:00, Ana Pop a scris:')],
    ['id', 'valediction', () => isValediction('Hormat saya,') && isValediction('Terima kasih')],
    ['id', 'title', () => hasTitleWord('Manajer Pemasaran') && hasTitleWord('Kepala Divisi')],
    ['id', 'unit', () => looksLikeDepartment('Divisi Pemasaran')],
    ['id', 'phone label', () => labelType('HP') === 'mobile' && labelType('Telp.') === 'work'],
    ['pt', 'client footer', () => footerCut('Obter o Outlook para Android<https://aka.ms/AAb9ysg>')],
    ['es', 'client footer', () => footerCut('Obtener Outlook para iOS<https://aka.ms/o0ukef>')],
    ['fr', 'client footer', () => footerCut('Télécharger Outlook pour Android')],
    ['de', 'client footer', () => footerCut('Outlook für Android herunterladen')],
    ['it', 'client footer', () => footerCut('Scarica Outlook per iOS')],
    ['nl', 'client footer', () => footerCut('Outlook voor Android downloaden')],
    ['pl', 'client footer', () => footerCut('Pobierz aplikację Outlook dla systemu Android')],
    [
      'cs',
      'register line',
      () =>
        newestPart(
          'Body.\n\nPetr Svoboda\ntel.: +420 545 555 218\nSpolečnost je zapsána v obchodním rejstříku vedeném Krajským soudem v Brně, oddíl C, vložka 55123.',
        ) === 'Body.\n\nPetr Svoboda\ntel.: +420 545 555 218',
    ],
    ['id', 'street', () => looksLikeAddress('Jl. Jend. Sudirman Kav. 52')],
    ['id', 'client footer', () => footerCut('Dikirim dari iPhone saya')],
    ['id', 'quote intro', () => introCut('Pada tanggal Sen, 3 Mei 2021 10.00, Budi menulis:')],
    ['vi', 'valediction', () => isValediction('Trân trọng,') && isValediction('Cảm ơn nhiều!')],
    ['vi', 'title', () => hasTitleWord('Giám đốc Kinh doanh') && hasTitleWord('Kỹ sư phần mềm')],
    ['vi', 'phone label', () => labelType('ĐT') === 'work' && labelType('DĐ') === 'mobile'],
    ['vi', 'client footer', () => footerCut('Gửi từ iPhone của tôi')],
    ['vi', 'quote intro', () => introCut('Vào Th 2, 3 thg 5, 2021 lúc 10:00 An Nguyen đã viết:')],
    ['pt', 'valediction', () => isValediction('Um abraço,') && isValediction('Obrigado desde já')],
    ['pt', 'phone label', () => labelType('Fone') === 'work'],
    ['pt', 'client footer', () => footerCut('Enviado a partir do meu smartphone')],
    ['es', 'valediction', () => isValediction('Quedo atento') && isValediction('Muchas gracias de antemano')],
    ['fr', 'valediction', () => isValediction('Amicalement,') && isValediction("Merci d'avance")],
    [
      'de',
      'valediction',
      () => isValediction('Vielen Dank im Voraus') && isValediction('Danke und viele Grüße'),
    ],
    ['it', 'valediction', () => isValediction('Un saluto,') && isValediction('Buona giornata')],
    ['nl', 'valediction', () => isValediction('Hartelijke groet,') && isValediction('Alvast bedankt')],
    ['nl', 'phone label', () => labelType('Telefoon') === 'work'],
    ['en', 'Indian valediction', () => isValediction('With Regards,') && isValediction('Regards & Thanks')],
    ['en', 'Indian phone labels', () => labelType('Landline') === 'work' && labelType('Resi.') === 'other'],
    [
      'ru',
      'mobile word before the phone word',
      () => phoneTypeOf('Моб. тел.: +7 916 555-01-24') === 'mobile',
    ],
    [
      'el',
      'mobile word before the phone word',
      () => phoneTypeOf('Κιν. τηλ.: +30 697 555 0143') === 'mobile',
    ],
    [
      'da',
      'mobile word before the phone word',
      () =>
        phoneTypeOf('Mobil tlf.: +45 20 55 01 24') === 'mobile' &&
        phoneTypeOf('Tlf.: +45 33 55 01 23') === 'work',
    ],
    [
      'zh',
      'traditional address',
      () => looksLikeAddress('台北市信義區松高路11號') && looksLikeAddress('新北市板橋區文化路一段100號'),
    ],
    ['cs', 'extension', () => phoneRawOf('Tel.: +420 2 5555 0101, kl. 42')?.endsWith('42') === true],
    ['el', 'extension', () => phoneRawOf('Τηλ.: +30 210 555 0101 (εσωτ. 17)')?.includes('17') === true],
    ['he', 'extension', () => phoneRawOf('טל: 04-555-0101 שלוחה 33')?.endsWith('33') === true],
    ['ar', 'extension', () => phoneRawOf('هاتف: +966 11 555 0101 تحويلة 27')?.endsWith('27') === true],
    ['vi', 'extension', () => phoneRawOf('ĐT: +84 28 5555 0101 (máy lẻ 88)')?.includes('88') === true],
    ['uk', 'extension', () => phoneRawOf('Тел.: +380 44 555 01 01, дод. 105')?.endsWith('105') === true],
    [
      'en',
      'Philippine extension',
      () => phoneRawOf('Tel: (02) 8555-0101 loc. 512')?.endsWith('512') === true,
    ],
    [
      'th',
      'phone labels and extension',
      () =>
        phoneRawOf('โทร 02-555-0101 ต่อ 19')?.endsWith('19') === true &&
        phoneTypeOf('มือถือ 08-5555-0101') === 'mobile' &&
        phoneTypeOf('แฟกซ์ 02-555-0102') === 'fax',
    ],
    [
      'th',
      'address',
      () =>
        looksLikeAddress('เลขที่ 7 อาคารริมน้ำ ชั้น 4 ถนนพระราม 3') &&
        looksLikeAddress('แขวงบางโพงพาง เขตยานนาวา กรุงเทพฯ 10120') &&
        !looksLikeAddress('ถนนนี้ปิด 2 วัน'),
    ],
    [
      'no',
      'address label',
      () => addressOf('Besøksadresse: Storgata 12, 0155 Oslo') === 'Storgata 12, 0155 Oslo',
    ],
    [
      'sv',
      'address label',
      () => addressOf('Besöksadress: Kungsgatan 8, 411 19 Göteborg') === 'Kungsgatan 8, 411 19 Göteborg',
    ],
    ['ca', 'phone label', () => labelType('Mòbil') === 'mobile' && labelType('Telèfon') === 'work'],
    [
      'id',
      'Malay title, unit and company number',
      () =>
        hasTitleWord('Pengurus Kanan') &&
        hasTitleWord('Jurutera Perisian') &&
        looksLikeDepartment('Bahagian Sumber Manusia') &&
        phoneRawOf('Teras Niaga Sdn. Bhd. (201901034567)') === undefined,
    ],
    [
      'vi',
      'one-line address of six parts',
      () =>
        addressOf(
          'Tầng 3, Tòa nhà Sao Mai, 12 Lê Văn Sỹ, Phường Phú Nhuận, Quận Phú Nhuận, TP. Hồ Chí Minh',
        ) !== null,
    ],
    ['bg', 'title', () => hasTitleWord('Главен счетоводител') && hasTitleWord('Търговски представител')],
    ['bg', 'unit', () => looksLikeDepartment('Дирекция „Продажби“')],
    ['bg', 'valediction', () => isValediction('Поздрави') && isValediction('С уважение')],
    ['sr', 'title', () => hasTitleWord('Viša inženjerka za kvalitet') && hasTitleWord('Rukovodilac nabavke')],
    ['sr', 'unit', () => looksLikeDepartment('Sektor prodaje') && looksLikeDepartment('Odjel za financije')],
    ['cs', 'Slovak unit', () => looksLikeDepartment('Divízia predaja')],
    ['cs', 'degree before the name', () => nameOf('Mgr. Jana Roth') === 'Jana Roth'],
    ['uk', 'feminine titles', () => hasTitleWord('Провідна інженерка') && hasTitleWord('Керівниця відділу')],
    ['he', 'unit', () => looksLikeDepartment('חטיבת השיווק')],
    ['vi', 'joint-stock company', () => hasCompanyWord('Công ty Cổ phần Thép Miền Trung')],
    [
      'ar',
      'degree before the name',
      () =>
        extractFields(['م. سارة الحربي', 'مهندسة شبكات'], {
          name: 'سارة الحربي',
          email: 's.alharbi@x.example',
        }).name === 'سارة الحربي',
    ],
    [
      'cs',
      'lower-case title with its unit after a comma',
      () => {
        const f = extractFields(['Jana Roth', 'vedúca nákupu, Divízia energetiky', 'Nordhafen a.s.'], {
          name: 'Jana Roth',
          email: 'jana.roth@nordhafen.example',
        });
        return f.title === 'vedúca nákupu' && f.department === 'Divízia energetiky';
      },
    ],
    [
      'de',
      'engineering field as the unit',
      () => titleAndUnitOf('Leiter Entwicklung | Verfahrenstechnik')[1] === 'Verfahrenstechnik',
    ],
    ['en', 'programs unit', () => isDepartment('Alliance Programs') && isDepartment('Partner Programmes')],
    [
      'it',
      'researcher and laboratory',
      () => {
        const [title, unit] = titleAndUnitOf('Ricercatrice – Laboratorio di Robotica Marina');
        return title === 'Ricercatrice' && unit === 'Laboratorio di Robotica Marina';
      },
    ],
    [
      'ja',
      'list footer',
      () => listFooterCut('このメールは team-users メーリングリストから配信されています。'),
    ],
    [
      'de',
      'group footer',
      () =>
        listFooterCut(
          'Sie erhalten diese Nachricht, weil Sie Mitglied der Gruppe „Team“ in Google Groups sind.',
        ),
    ],
    [
      'es',
      'group footer',
      () => listFooterCut('Recibiste este mensaje porque estás suscrito al grupo "Equipo".'),
    ],
    [
      'fr',
      'group footer',
      () => listFooterCut('Vous recevez ce message car vous êtes abonné au groupe « Équipe ».'),
    ],
    ['zh', 'group footer', () => listFooterCut('您收到此邮件是因为您订阅了 Google 网上论坛上的"团队"群组。')],
    [
      'ja',
      'body sentence about a list, kept',
      () =>
        newestPart('メーリングリストに登録してください。\n\nAnna') ===
        'メーリングリストに登録してください。\n\nAnna',
    ],
    [
      'vi',
      'unit headings',
      () =>
        looksLikeDepartment('Phòng Kế toán') &&
        !looksLikeDepartment('phòng họp tầng hai') &&
        extractFields(
          ['Trần Minh Anh', 'Kỹ sư', 'Ban Dịch vụ Khách hàng & Bảo hành', 'Công ty Cổ phần Sao Việt'],
          {
            name: 'Trần Minh Anh',
            email: 'anh.tm@x.example',
          },
        ).department === 'Ban Dịch vụ Khách hàng & Bảo hành',
    ],
    ['tl', 'valediction', () => isValediction('Salamat po,') && isValediction('Maraming salamat')],
    ['th', 'title', () => hasTitleWord('ผู้อำนวยการฝ่ายบัญชี')],
    ['th', 'unit', () => looksLikeDepartment('แผนกจัดซื้อ') && !looksLikeDepartment('ขอบคุณครับ')],
    [
      'intl',
      'phone label',
      () => ['Моб./Viber', 'Viber', 'WA', 'HP/WA'].every((l) => labelType(l) === 'mobile'),
    ],
    [
      'en',
      'extension after a hyphen',
      () => findPhoneSpans('PABX: +880 2 5589 5512 Ext-118')[0]?.raw === '+880 2 5589 5512 Ext-118',
    ],
    [
      'ja',
      'extension in full-width brackets',
      () => findPhoneSpans('Tel: 022-555-7123（内線 7123）')[0]?.raw === '022-555-7123（内線 7123）',
    ],
    [
      'hu',
      'extension',
      () => toE164(findPhoneSpans('Tel.: +36 62 555 418 mellék: 2418')[0]!.raw, 'HU') === '+3662555418',
    ],
    [
      'en',
      'landmark line',
      () =>
        looksLikeAddress('Near Al Noor Mosque') && !looksLikeAddress('Near the end of the week we will call'),
    ],
    ['en', 'country (long form)', () => isCountryLine('Sultanate of Oman')],
    ['en', 'district', () => looksLikeAddress('UN Compound, Bole Sub-City, Woreda 03')],
    ['fr', 'premises', () => looksLikeAddress('Zone Industrielle de Vridi, Lot 118')],
    ['sr', 'title (Cyrillic)', () => hasTitleWord('Руководилац набавке и продаје')],
    ['sr', 'legal form', () => hasCompanyWord('Земљорадничка задруга „Бачка жито“')],
    ['sr', 'title', () => hasTitleWord('odvjetnica – partnerica')],
    ['uk', 'title (feminine)', () => hasTitleWord('Менеджерка з експорту')],
    ['hu', 'title', () => hasTitleWord('egyetemi docens')],
    // Confidentiality notices glued under a block end the newest part (holdout16, tuning).
    [
      'ar',
      'notice',
      () =>
        registerCut(
          'هذه الرسالة سرية ومخصصة فقط للمرسل إليه. إذا تلقيتها عن طريق الخطأ يرجى إبلاغ المرسل وحذفها.',
        ),
    ],
    [
      'id',
      'notice (Malay)',
      () =>
        registerCut(
          'PENAFIAN: E-mel ini dan lampirannya adalah sulit dan hanya untuk penerima yang dinamakan.',
        ),
    ],
    [
      'vi',
      'notice',
      () => registerCut('Email này chứa thông tin bảo mật và chỉ dành cho người nhận được chỉ định.'),
    ],
    [
      'he',
      'notice',
      () =>
        registerCut('הודעה זו עשויה להכיל מידע חסוי ומיועדת לנמען בלבד. אם קיבלת אותה בטעות נא למחוק אותה.'),
    ],
    // Register and tax lines under a block end the newest part (holdout16, tuning).
    ['en', 'register line', () => registerCut('Commercial Register No. 58123 Giza | Tax Card 200-555-118')],
    ['fr', 'register line', () => registerCut('RCCM CI-ABJ-2015-B-55512 – CC 1555123 X')],
    ['fr', 'register line', () => registerCut('RC Casablanca 345211 – ICE 001555872000091 – IF 40555120')],
    ['es', 'register line', () => registerCut('CUIT 30-55512345-6 – IVA Responsable Inscripto')],
    ['es', 'register line', () => registerCut('NIT 900.555.123-4')],
    ['sr', 'register line', () => registerCut('OIB: 55512378901 | Trgovački sud u Zagrebu, MBS 080555123')],
    ['vi', 'register line', () => registerCut('MST: 0201555123')],
    [
      'es',
      'honorific',
      () =>
        extractFields(['Ing. Agr. Martín Etchegaray', 'Pampa Semillas S.A.'], esFrom).name ===
        'Martín Etchegaray',
    ],
    ['es', 'region in the title', () => namesTerritory('Zona Norte')],
    [
      'es',
      'highway address',
      () => looksLikeAddress('Ruta Nacional 8 km 221, B2700 Pergamino, Buenos Aires'),
    ],
    ['fr', 'phone label', () => labelType('Fixe') === 'work' && labelType('Cel') === 'mobile'],
    ['ko', 'valediction', () => isValediction('이서연 드림')],
    [
      'zh',
      'name and rank',
      () => extractFields(['王海涛  副总经理', '华宇粮油进出口有限公司'], zhFrom).name === '王海涛',
    ],
    [
      'intl',
      'family name in capitals',
      () =>
        extractFields(['Youssef EL AMRANI', 'Atlas Phosphates Négoce SA'], maFrom).name ===
        'Youssef EL AMRANI',
    ],
  ];
  it.each(cases)('%s: reads the %s', (_lang, _what, check) => {
    expect(check()).toBe(true);
  });

  it.each([
    ['en', 'From: Paul Grant\nSent: Monday\nTo: Jo'],
    ['de', 'Von: Paul Grant\nGesendet: Montag\nAn: Jo'],
    ['sv', 'Från: Paul Grant\nSkickat: måndag\nTill: Jo'],
    ['pl', 'Od: Paul Grant\nWysłano: poniedziałek\nDo: Jo'],
    ['hu', 'Feladó: Paul Grant\nElküldve: hétfő\nCímzett: Jo'],
    ['ru', 'От: Paul Grant\nОтправлено: понедельник\nКому: Jo'],
    ['ja', '差出人: Paul Grant\n送信日時: 月曜日\n宛先: Jo'],
    ['zh', '发件人: Paul Grant\n发送时间: 星期一\n收件人: Jo'],
    ['tr', 'Kimden: Paul Grant\nGönderildi: Pazartesi\nKime: Jo'],
    ['zh-Hant', '寄件者: Paul Grant\n寄件日期: 2021年5月3日\n收件者: Jo'],
    ['ko', '보낸 사람: Paul Grant\n보낸 날짜: 2021년 5월 3일\n받는 사람: Jo'],
    ['el', 'Από: Paul Grant\nΣτάλθηκε: Δευτέρα\nΠρος: Jo'],
    ['ar', 'من: Paul Grant\nأرسل: الاثنين\nإلى: Jo'],
    ['he', 'מאת: Paul Grant\nנשלח: יום שני\nאל: Jo'],
    ['el (Cc)', 'Από: Paul Grant\nΚοιν.: Jo'],
    ['uk', 'Від: Paul Grant\nНадіслано: понеділок\nКому: Jo'],
    ['ro', 'De la: Paul Grant\nTrimis: luni\nCătre: Jo'],
    ['id', 'Dari: Paul Grant\nDikirim: Senin\nKepada: Jo'],
    ['vi', 'Từ: Paul Grant\nĐã gửi: Thứ Hai\nĐến: Jo'],
    ['sk', 'Od: Paul Grant\nOdoslané: pondelok'],
    ['ko (Naver)', '보낸사람: Paul Grant\n받는사람: Jo\n날짜: 2021-05-03'],
    ['bg', 'От: Paul Grant\nИзпратено: понеделник\nДо: Jo\nОтносно: оферта'],
  ])('%s: a quoted header block ends the newest part', (_lang, header) => {
    expect(newestPart(`Reply.\n\nJo\n\n${header}\n\nold text`)).toBe('Reply.\n\nJo');
  });
});
