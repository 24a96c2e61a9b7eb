// One signature block per language whose lexicon (parsers/lexicon/) names its title, unit, phone labels
// and street words: invented people and companies, written as a native business-mail reader would.
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../parsers/fields.ts';
import { findPhoneSpans } from '../../parsers/phones.ts';

interface Want {
  name: string;
  title: string;
  department?: string;
  company: string;
  /** Phone types in the order of the block. */
  types: string[];
  address?: string;
}

const BLOCKS: { lang: string; from: { name: string; email: string }; lines: string[]; want: Want }[] = [
  {
    lang: 'el',
    from: { name: 'Ελένη Δημητρίου', email: 'eleni.dimitriou@thalassini.example' },
    lines: [
      'Ελένη Δημητρίου',
      'Υπεύθυνη Εξαγωγών',
      'Τμήμα Εξαγωγών',
      'Θαλασσινή Λογιστική Α.Ε.',
      'Λεωφ. Κηφισίας 124, 115 26 Αθήνα',
      'Τηλ.: +30 210 555 0142',
      'Κιν.: +30 697 555 0143',
      'Φαξ: +30 210 555 0144',
    ],
    want: {
      name: 'Ελένη Δημητρίου',
      title: 'Υπεύθυνη Εξαγωγών',
      department: 'Τμήμα Εξαγωγών',
      company: 'Θαλασσινή Λογιστική Α.Ε.',
      types: ['work', 'mobile', 'fax'],
      address: 'Λεωφ. Κηφισίας 124, 115 26 Αθήνα',
    },
  },
  {
    lang: 'zh-Hant',
    from: { name: '陳怡君', email: 'yichun.chen@xinghe.example' },
    lines: [
      '陳怡君',
      '產品經理',
      '研發中心',
      '台灣星河科技股份有限公司',
      '台北市信義區松高路11號',
      '電話：+886 2 5555 0123',
      '手機：+886 912 555 012',
      '傳真：+886 2 5555 0124',
    ],
    want: {
      name: '陳怡君',
      title: '產品經理',
      department: '研發中心',
      company: '台灣星河科技股份有限公司',
      types: ['work', 'mobile', 'fax'],
      address: '台北市信義區松高路11號',
    },
  },
  {
    lang: 'ko',
    from: { name: '이준호', email: 'junho.lee@hanbit.example' },
    lines: [
      '이준호 책임연구원',
      '미래기술연구소',
      '(주)한빛테크',
      '대표번호: 02-555-0100',
      '모바일: 010-5555-0123',
      '팩스: 02-555-0199',
    ],
    want: {
      name: '이준호',
      title: '책임연구원',
      department: '미래기술연구소',
      company: '(주)한빛테크',
      types: ['work', 'mobile', 'fax'],
    },
  },
  {
    lang: 'ja',
    from: { name: '佐藤 健一', email: 'k.sato@sakura-seiki.example' },
    lines: [
      '株式会社サクラ精機',
      '大阪支店 営業課',
      '課長代理 佐藤 健一',
      '〒530-0001 大阪府大阪市北区梅田1-2-3',
      '代表：06-5555-0100',
      '携帯番号：090-5555-0123',
      'ファクス：06-5555-0101',
    ],
    want: {
      name: '佐藤 健一',
      title: '課長代理',
      department: '大阪支店 営業課',
      company: '株式会社サクラ精機',
      types: ['work', 'mobile', 'fax'],
      address: '〒530-0001 大阪府大阪市北区梅田1-2-3',
    },
  },
  {
    lang: 'ru',
    from: { name: 'Анна Смирнова', email: 'a.smirnova@severveter.example' },
    lines: [
      'Анна Смирнова',
      'Разработчик',
      'Лаборатория машинного обучения',
      'ООО «Северный ветер»',
      'ул. Лесная, д. 10, Москва',
      'Тел.: +7 495 555-01-23',
      'Моб.: +7 916 555-01-24',
      'Факс: +7 495 555-01-25',
    ],
    want: {
      name: 'Анна Смирнова',
      title: 'Разработчик',
      department: 'Лаборатория машинного обучения',
      company: 'ООО «Северный ветер»',
      types: ['work', 'mobile', 'fax'],
      address: 'ул. Лесная, д. 10, Москва',
    },
  },
  {
    lang: 'uk',
    from: { name: 'Олена Коваленко', email: 'o.kovalenko@dnipro-data.example' },
    lines: [
      'Олена Коваленко',
      'Провідний фахівець',
      'Відділ продажів',
      'ТОВ «Дніпро Дата»',
      'вул. Садова, 22, Київ, 01001',
      'Тел.: +380 44 555 0123',
      'Мобільний: +380 67 555 0124',
    ],
    want: {
      name: 'Олена Коваленко',
      title: 'Провідний фахівець',
      department: 'Відділ продажів',
      company: 'ТОВ «Дніпро Дата»',
      types: ['work', 'mobile'],
      address: 'вул. Садова, 22, Київ, 01001',
    },
  },
  {
    lang: 'cs',
    from: { name: 'Petra Nováková', email: 'petra.novakova@vltava-stroje.example' },
    lines: [
      'Petra Nováková',
      'Manažerka nákupu',
      'Oddělení nákupu',
      'Vltava Stroje s.r.o.',
      'nám. Míru 15, 120 00 Praha 2',
      'Tel.: +420 222 555 012',
      'Mobil: +420 777 555 013',
    ],
    want: {
      name: 'Petra Nováková',
      title: 'Manažerka nákupu',
      department: 'Oddělení nákupu',
      company: 'Vltava Stroje s.r.o.',
      types: ['work', 'mobile'],
      address: 'nám. Míru 15, 120 00 Praha 2',
    },
  },
  {
    lang: 'hu',
    from: { name: 'Kovács Anna', email: 'kovacs.anna@dunagep.example' },
    lines: [
      'Kovács Anna',
      'Értékesítési vezető',
      'Értékesítési osztály',
      'Duna Gépgyár Kft.',
      '1138 Budapest, Váci út 12.',
      'Tel.: +36 1 555 0123',
      'Mobil: +36 30 555 0124',
    ],
    want: {
      name: 'Kovács Anna',
      title: 'Értékesítési vezető',
      department: 'Értékesítési osztály',
      company: 'Duna Gépgyár Kft.',
      types: ['work', 'mobile'],
      address: '1138 Budapest, Váci út 12.',
    },
  },
  {
    lang: 'fi',
    from: { name: 'Matti Virtanen', email: 'matti.virtanen@revontuli.example' },
    lines: [
      'Matti Virtanen',
      'Myyntipäällikkö',
      'Asiakaspalvelu',
      'Revontuli Oy',
      'Eteläranta 10, 00130 Helsinki',
      'Puh. +358 9 555 0123',
      'Matkap. +358 40 555 0124',
    ],
    want: {
      name: 'Matti Virtanen',
      title: 'Myyntipäällikkö',
      department: 'Asiakaspalvelu',
      company: 'Revontuli Oy',
      types: ['work', 'mobile'],
      address: 'Eteläranta 10, 00130 Helsinki',
    },
  },
  {
    lang: 'da',
    from: { name: 'Mette Jensen', email: 'mette.jensen@havndesign.example' },
    lines: [
      'Mette Jensen',
      'Salgschef',
      'Salgsafdelingen',
      'Havn Design ApS',
      'Frederiks Allé 4, 8000 Aarhus C',
      'Hovednummer: +45 33 55 01 23',
      'Mobiltlf.: +45 20 55 01 24',
    ],
    want: {
      name: 'Mette Jensen',
      title: 'Salgschef',
      department: 'Salgsafdelingen',
      company: 'Havn Design ApS',
      types: ['work', 'mobile'],
      address: 'Frederiks Allé 4, 8000 Aarhus C',
    },
  },
  {
    lang: 'no',
    from: { name: 'Kari Nordmann', email: 'kari.nordmann@fjordlys.example' },
    lines: [
      'Kari Nordmann',
      'Saksbehandler',
      'Innkjøpsseksjonen',
      'Fjordlys AS',
      'Karl Johans gate 12, 0154 Oslo',
      'Sentralbord: +47 22 55 01 23',
      'Pb. 123 Sentrum',
      'Mobil: +47 915 55 012',
    ],
    want: {
      name: 'Kari Nordmann',
      title: 'Saksbehandler',
      department: 'Innkjøpsseksjonen',
      company: 'Fjordlys AS',
      types: ['work', 'mobile'],
      address: 'Karl Johans gate 12, 0154 Oslo, Pb. 123 Sentrum',
    },
  },
  {
    lang: 'sv',
    from: { name: 'Anna Lindqvist', email: 'anna.lindqvist@norrsken.example' },
    lines: [
      'Anna Lindqvist',
      'Redovisningsekonom',
      'Ekonomienheten',
      'Norrsken Data AB',
      'Stortorget 3, 111 29 Stockholm',
      'Växel: +46 8 555 012 00',
      'Mobil: +46 70 555 01 23',
    ],
    want: {
      name: 'Anna Lindqvist',
      title: 'Redovisningsekonom',
      department: 'Ekonomienheten',
      company: 'Norrsken Data AB',
      types: ['work', 'mobile'],
      address: 'Stortorget 3, 111 29 Stockholm',
    },
  },
  {
    lang: 'tr',
    from: { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@anadolutekstil.example' },
    lines: [
      'Ayşe Yılmaz',
      'Satış Temsilcisi',
      'Dış Ticaret Bölümü',
      'Anadolu Tekstil A.Ş.',
      'Atatürk Cad. No: 12, 34000 İstanbul',
      'Tel: +90 212 555 01 23',
      'Cep: +90 532 555 01 24',
    ],
    want: {
      name: 'Ayşe Yılmaz',
      title: 'Satış Temsilcisi',
      department: 'Dış Ticaret Bölümü',
      company: 'Anadolu Tekstil A.Ş.',
      types: ['work', 'mobile'],
      address: 'Atatürk Cad. No: 12, 34000 İstanbul',
    },
  },
  {
    lang: 'ro',
    from: { name: 'Ana Popescu', email: 'ana.popescu@carpati-soft.example' },
    lines: [
      'Ana Popescu',
      'Director vânzări',
      'Departamentul Vânzări',
      'Carpați Soft S.R.L.',
      'Str. Lipscani nr. 12, București',
      'Tel: +40 21 555 0123',
      'Mobil: +40 722 555 012',
    ],
    want: {
      name: 'Ana Popescu',
      title: 'Director vânzări',
      department: 'Departamentul Vânzări',
      company: 'Carpați Soft S.R.L.',
      types: ['work', 'mobile'],
      address: 'Str. Lipscani nr. 12, București',
    },
  },
  {
    lang: 'id',
    from: { name: 'Budi Santoso', email: 'budi.santoso@nusantara-data.example' },
    lines: [
      'Budi Santoso',
      'Manajer Pemasaran',
      'Divisi Pemasaran',
      'PT Nusantara Data Tbk',
      'Jl. Jend. Sudirman Kav. 52, Jakarta 12190',
      'Telp: +62 21 555 0123',
      'Ponsel: +62 812 555 0124',
    ],
    want: {
      name: 'Budi Santoso',
      title: 'Manajer Pemasaran',
      department: 'Divisi Pemasaran',
      company: 'PT Nusantara Data Tbk',
      types: ['work', 'mobile'],
      address: 'Jl. Jend. Sudirman Kav. 52, Jakarta 12190',
    },
  },
  {
    lang: 'vi',
    from: { name: 'Nguyễn Văn An', email: 'an.nguyen@saomai.example' },
    lines: [
      'Nguyễn Văn An',
      'Trưởng phòng Kinh doanh',
      'Công ty TNHH Sao Mai',
      'Tầng 5, 12 Lê Lợi, Quận 1, TP. Hồ Chí Minh',
      'ĐT: +84 28 5555 0123',
      'DĐ: +84 90 555 0124',
    ],
    want: {
      name: 'Nguyễn Văn An',
      title: 'Trưởng phòng Kinh doanh',
      company: 'Công ty TNHH Sao Mai',
      types: ['work', 'mobile'],
      address: 'Tầng 5, 12 Lê Lợi, Quận 1, TP. Hồ Chí Minh',
    },
  },
  {
    lang: 'pl',
    from: { name: 'Anna Kowalska', email: 'anna.kowalska@wisla-serwis.example' },
    lines: [
      'Anna Kowalska',
      'Programistka',
      'Pracownia Projektowa',
      'Wisła Serwis Sp. z o.o.',
      'pl. Grunwaldzki 5, 50-384 Wrocław',
      'Tel.: +48 71 555 01 23',
      'Tel. kom.: +48 601 555 012',
    ],
    want: {
      name: 'Anna Kowalska',
      title: 'Programistka',
      department: 'Pracownia Projektowa',
      company: 'Wisła Serwis Sp. z o.o.',
      types: ['work', 'mobile'],
      address: 'pl. Grunwaldzki 5, 50-384 Wrocław',
    },
  },
  {
    // "Mobile No.:" is a phone label with its "No.", not a reference number.
    lang: 'en-IN',
    from: { name: 'Rahul Sharma', email: 'rahul.sharma@acmetech.example' },
    lines: [
      'Rahul Sharma',
      'Senior Manager - Procurement',
      'Acme Technologies Pvt. Ltd.',
      'Plot No. 12, Sector 18, Gurugram, Haryana 122015',
      'Mobile No.: +91 98100 12345',
      'Landline: +91 124 455 6677',
      'Fax No.: +91 124 455 6600',
      'Resi.: +91 124 400 1234',
    ],
    want: {
      name: 'Rahul Sharma',
      title: 'Senior Manager',
      department: 'Procurement',
      company: 'Acme Technologies Pvt. Ltd.',
      types: ['mobile', 'work', 'fax', 'other'],
      address: 'Plot No. 12, Sector 18, Gurugram, Haryana 122015',
    },
  },
  {
    lang: 'is',
    from: { name: 'Sigríður Jónsdóttir', email: 'sigga@nordurljos.example' },
    lines: [
      'Sigríður Jónsdóttir',
      'Sölustjóri, Söludeild',
      'Norðurljós Útgerð hf.',
      'Sími: 555 4120',
      'GSM: 855 4121',
      'Fiskislóð 14, 101 Reykjavík',
    ],
    want: {
      name: 'Sigríður Jónsdóttir',
      title: 'Sölustjóri',
      department: 'Söludeild',
      company: 'Norðurljós Útgerð hf.',
      types: ['work', 'mobile'],
      address: 'Fiskislóð 14, 101 Reykjavík',
    },
  },
  // Hindi writes English titles in Devanagari ("फील्ड सुपरवाइज़र"), and a unit in the plural after the comma.
  {
    lang: 'hi',
    from: { name: 'Sunil Verma', email: 'sunil.verma@prakashnet.example' },
    lines: [
      'सुनील कुमार वर्मा',
      'साइट सुपरवाइज़र, केबल परियोजनाएं',
      'प्रकाश नेटवर्क्स प्रा. लि.',
      'मोबाइल: +91 98555 04411',
    ],
    want: {
      name: 'सुनील कुमार वर्मा',
      title: 'साइट सुपरवाइज़र',
      department: 'केबल परियोजनाएं',
      company: 'प्रकाश नेटवर्क्स प्रा. लि.',
      types: ['mobile'],
    },
  },
  {
    lang: 'bn',
    from: { name: 'Rafiq Hasan', email: 'rafiq.hasan@meghnatel.example' },
    lines: ['রফিক হাসান', 'সিনিয়র ম্যানেজার, রেডিও প্ল্যানিং', 'মেঘনা টেল লিমিটেড', 'মোবাইল: +880 1711 555012'],
    want: {
      name: 'রফিক হাসান',
      title: 'সিনিয়র ম্যানেজার',
      department: 'রেডিও প্ল্যানিং',
      company: 'মেঘনা টেল লিমিটেড',
      types: ['mobile'],
    },
  },
  // Sinhala: the romanised name in brackets stays with the name; "site acquisition" after a pipe is the unit.
  {
    lang: 'si',
    from: { name: 'Kasun Silva', email: 'kasun.silva@dialnet.example' },
    lines: [
      'කසුන් සිල්වා (Kasun Silva)',
      'කළමනාකරු | ඉඩම් අත්පත් කර ගැනීම',
      'ඩයල්නෙට් (පුද්ගලික) සමාගම',
      'ජංගම: +94 77 555 0456',
    ],
    want: {
      name: 'කසුන් සිල්වා (Kasun Silva)',
      title: 'කළමනාකරු',
      department: 'ඉඩම් අත්පත් කර ගැනීම',
      company: 'ඩයල්නෙට් (පුද්ගලික) සමාගම',
      types: ['mobile'],
    },
  },
  {
    lang: 'am',
    from: { name: 'Dawit Bekele', email: 'dawit.bekele@abaybuild.example' },
    lines: ['ዳዊት በቀለ', 'የፕሮጀክት ተቆጣጣሪ', 'አባይ ግንባታ ኃ.የተ.የግ.ማ.', 'ሞባይል: +251 91 155 5012'],
    want: {
      name: 'ዳዊት በቀለ',
      title: 'የፕሮጀክት ተቆጣጣሪ',
      company: 'አባይ ግንባታ ኃ.የተ.የግ.ማ.',
      types: ['mobile'],
    },
  },
  // A sales territory after a title stays in the title, in Hebrew and Swedish too.
  {
    lang: 'he',
    from: { name: 'Noa Levi', email: 'noa.levi@galilwave.example' },
    lines: ['נועה לוי', 'מנהלת פיתוח עסקי, אירופה', 'גליל ווייב בע"מ', 'נייד: 054-5550123'],
    want: {
      name: 'נועה לוי',
      title: 'מנהלת פיתוח עסקי, אירופה',
      company: 'גליל ווייב בע"מ',
      types: ['mobile'],
    },
  },
  {
    lang: 'sv',
    from: { name: 'Erik Lund', email: 'erik.lund@norrkabel.example' },
    lines: [
      'Erik Lund',
      'Försäljningschef, Asien och Mellanöstern',
      'Norrkabel AB',
      'Mobil: +46 70 555 01 23',
    ],
    want: {
      name: 'Erik Lund',
      title: 'Försäljningschef, Asien och Mellanöstern',
      company: 'Norrkabel AB',
      types: ['mobile'],
    },
  },
  // A registered planner's prefix before the name (Kenya); an Indian institution's cell as the unit.
  {
    lang: 'en',
    from: { name: 'Peter Mwangi', email: 'p.mwangi@nakurucounty.example' },
    lines: [
      'Plan. Peter Kamau Mwangi',
      'Senior Physical Planner',
      'County Government of Nakuru',
      'Cell: +254 722 555 014',
    ],
    want: {
      name: 'Peter Kamau Mwangi',
      title: 'Senior Physical Planner',
      company: 'County Government of Nakuru',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Anitha Rao', email: 'anitha.rao@mvit.example' },
    lines: [
      'Anitha Rao',
      'Placement Officer',
      'Training & Placement Cell',
      'Malnad Valley Institute of Technology',
      'Mobile: +91 98455 50333',
    ],
    want: {
      name: 'Anitha Rao',
      title: 'Placement Officer',
      department: 'Training & Placement Cell',
      company: 'Malnad Valley Institute of Technology',
      types: ['mobile'],
    },
  },
  // An en dash before a PO box parts the address like a line break; a Korean numbered road keeps its
  // building number and bracketed postcode (no phone).
  {
    lang: 'fr',
    from: { name: 'Awa Diop', email: 'awa.diop@teranga-tours.example' },
    lines: [
      'Awa Diop',
      'Directrice commerciale',
      'Teranga Tours SA',
      'Tél. : +221 33 555 01 23',
      '12 avenue Cheikh Anta Diop – BP 4455 Dakar',
    ],
    want: {
      name: 'Awa Diop',
      title: 'Directrice commerciale',
      company: 'Teranga Tours SA',
      types: ['work'],
      address: '12 avenue Cheikh Anta Diop, BP 4455 Dakar',
    },
  },
  {
    lang: 'ko',
    from: { name: 'Park Jiwoo', email: 'jiwoo.park@hanul-cable.example' },
    lines: [
      '박지우 과장',
      '한울케이블(주) | 구매팀',
      'T. +82 31 555 0123',
      '경기도 성남시 분당구 판교역2로 55 (13555)',
    ],
    want: {
      name: '박지우',
      title: '과장',
      department: '구매팀',
      company: '한울케이블(주)',
      types: ['work'],
      address: '경기도 성남시 분당구 판교역2로 55 (13555)',
    },
  },
  // Turkish possessive titles ("Proje Yöneticisi"); a Hebrew function after a pipe is the unit.
  {
    lang: 'tr',
    from: { name: 'Deniz Aydın', email: 'deniz.aydin@egeorganizasyon.example' },
    lines: [
      'Deniz Aydın',
      'Etkinlik Yöneticisi, Kurumsal Etkinlikler Departmanı',
      'Ege Organizasyon A.Ş.',
      'Cep: +90 532 555 12 34',
    ],
    want: {
      name: 'Deniz Aydın',
      title: 'Etkinlik Yöneticisi',
      department: 'Kurumsal Etkinlikler Departmanı',
      company: 'Ege Organizasyon A.Ş.',
      types: ['mobile'],
    },
  },
  {
    lang: 'he',
    from: { name: 'Yael Cohen', email: 'yael.cohen@orbitech.example' },
    lines: ['יעל כהן', 'מנהלת גיוס | משאבי אנוש', 'אורביטק בע"מ', 'נייד: 052-5550198'],
    want: {
      name: 'יעל כהן',
      title: 'מנהלת גיוס',
      department: 'משאבי אנוש',
      company: 'אורביטק בע"מ',
      types: ['mobile'],
    },
  },
  // Meetings-and-incentives (MICE) as a unit after a dash; a Gulf territory stays in the title; a Flemish
  // street ("...lei") with its box number ("bus 3").
  {
    lang: 'en',
    from: { name: 'Kiran Shah', email: 'kiran.shah@lotusjourneys.example' },
    lines: ['Kiran Shah', 'Manager - Inbound MICE', 'Lotus Journeys Pvt. Ltd.', 'Mob: +91 98205 55001'],
    want: {
      name: 'Kiran Shah',
      title: 'Manager',
      department: 'Inbound MICE',
      company: 'Lotus Journeys Pvt. Ltd.',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Omar Haddad', email: 'omar.haddad@staysphere.example' },
    lines: ['Omar Haddad', 'Area Manager, GCC & Levant', 'Staysphere FZ-LLC', 'M: +971 50 555 0177'],
    want: {
      name: 'Omar Haddad',
      title: 'Area Manager, GCC & Levant',
      company: 'Staysphere FZ-LLC',
      types: ['mobile'],
    },
  },
  {
    lang: 'nl',
    from: { name: 'Lien Peeters', email: 'lien.peeters@havenevents.example' },
    lines: [
      'Lien Peeters',
      'Accountmanager',
      'Haven Events bv',
      'T +32 3 555 20 11',
      'Italiëlei 12 bus 4 | 2000 Antwerpen',
    ],
    want: {
      name: 'Lien Peeters',
      title: 'Accountmanager',
      company: 'Haven Events bv',
      types: ['work'],
      address: 'Italiëlei 12 bus 4, 2000 Antwerpen',
    },
  },
  // An icon as the address label; a unit after the title that the sender's domain spells, under which a line
  // names the organisation the domain spells too.
  {
    lang: 'no',
    from: { name: 'Ingrid Moe', email: 'ingrid.moe@nordkystsjomat.example' },
    lines: [
      'Ingrid Moe',
      'Innkjøpssjef',
      'Nordkyst Sjømat AS',
      '📱 +47 915 55 201',
      '📍 Havnegata 4, 9900 Kirkenes',
    ],
    want: {
      name: 'Ingrid Moe',
      title: 'Innkjøpssjef',
      company: 'Nordkyst Sjømat AS',
      types: ['mobile'],
      address: 'Havnegata 4, 9900 Kirkenes',
    },
  },
  {
    lang: 'en',
    from: { name: 'Ewan Reid', email: 'ewan.reid@environmentalhealth.grampian.gov.example' },
    lines: [
      'Ewan Reid',
      'Principal Officer, Environmental Health',
      'Grampian Environmental Health Authority',
      'Tel: 01632 960411',
    ],
    want: {
      name: 'Ewan Reid',
      title: 'Principal Officer',
      department: 'Environmental Health',
      company: 'Grampian Environmental Health Authority',
      types: ['work'],
    },
  },
  // A role with its grade after an institution word ("University Researcher II"), its unit after the comma; a
  // territory of a state ("Northern QLD") stays in the title; a site under the sender's domain is the website.
  {
    lang: 'en',
    from: { name: 'Jose Ramos', email: 'jramos@visayasagri.example' },
    lines: [
      'Jose Ramos',
      'University Extension Associate III, Soil Science Division',
      'Visayas Agricultural University',
      'Mobile +63 917 555 0133',
    ],
    want: {
      name: 'Jose Ramos',
      title: 'University Extension Associate III',
      department: 'Soil Science Division',
      company: 'Visayas Agricultural University',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Amy Tran', email: 'amy.tran@tablelandag.example' },
    lines: [
      'Amy Tran',
      'Territory Agronomist – Northern QLD',
      'Tableland Ag Supplies Pty Ltd',
      'M 0491 570 222',
    ],
    want: {
      name: 'Amy Tran',
      title: 'Territory Agronomist – Northern QLD',
      company: 'Tableland Ag Supplies Pty Ltd',
      types: ['mobile'],
    },
  },
  // Bulgarian villages and municipalities open an address (с., общ.); a Greek agronomist at a co-operative.
  {
    lang: 'bg',
    from: { name: 'Petar Ivanov', email: 'p.ivanov@zlatnoagro.example' },
    lines: [
      'Петър Иванов',
      'Агроном',
      'Златно Агро ООД',
      'с. Кралево, общ. Търговище, 7700',
      'Моб.: +359 888 555 101',
    ],
    want: {
      name: 'Петър Иванов',
      title: 'Агроном',
      company: 'Златно Агро ООД',
      types: ['mobile'],
      address: 'с. Кралево, общ. Търговище, 7700',
    },
  },
  {
    lang: 'el',
    from: { name: 'Eleni Georgiou', email: 'e.georgiou@makedoniacoop.example' },
    lines: [
      'Ελένη Γεωργίου',
      'Γεωπόνος',
      'Γεωργικός Συνεταιρισμός Κεντρικής Μακεδονίας',
      'Κιν.: +30 697 555 0101',
    ],
    want: {
      name: 'Ελένη Γεωργίου',
      title: 'Γεωπόνος',
      company: 'Γεωργικός Συνεταιρισμός Κεντρικής Μακεδονίας',
      types: ['mobile'],
    },
  },
  // A Thai academic title joined to the name is dropped; a department and its faculty are one unit.
  {
    lang: 'th',
    from: { name: 'Somchai Dee', email: 'somchai.d@nru.ac.example' },
    lines: [
      'ผศ.ดร.สมชาย ดีมาก (Somchai Deemak)',
      'อาจารย์ | ภาควิชาประมง คณะเกษตรศาสตร์',
      'มหาวิทยาลัยเกษตรภาคเหนือ',
      'มือถือ 081-555-0199',
    ],
    want: {
      name: 'สมชาย ดีมาก (Somchai Deemak)',
      title: 'อาจารย์',
      department: 'ภาควิชาประมง คณะเกษตรศาสตร์',
      company: 'มหาวิทยาลัยเกษตรภาคเหนือ',
      types: ['mobile'],
    },
  },
  // A support unit after a pipe is no second role ("Suporte Técnico": the adjective is no title); a unit named
  // with the code of the rule it works under; an Arabic airline's name opening its line.
  {
    lang: 'pt',
    from: { name: 'Ana Lima', email: 'ana.lima@ipeaero.example' },
    lines: [
      'Ana Lima',
      'Analista de Contratos | Suporte Técnico a Operadores',
      'Ipê Aeroespacial S.A.',
      'Cel.: +55 12 99555-0102',
    ],
    want: {
      name: 'Ana Lima',
      title: 'Analista de Contratos',
      department: 'Suporte Técnico a Operadores',
      company: 'Ipê Aeroespacial S.A.',
      types: ['mobile'],
    },
  },
  {
    lang: 'pl',
    from: { name: 'Jan Kowal', email: 'j.kowal@baltaero.example' },
    lines: [
      'Jan Kowal',
      'Kierownik zmiany',
      'Dział Obsługi Part-145',
      'Bałtyckie Zakłady Lotnicze Sp. z o.o.',
      'kom. +48 601 555 102',
    ],
    want: {
      name: 'Jan Kowal',
      title: 'Kierownik zmiany',
      department: 'Dział Obsługi Part-145',
      company: 'Bałtyckie Zakłady Lotnicze Sp. z o.o.',
      types: ['mobile'],
    },
  },
  {
    lang: 'ar',
    from: { name: 'Khalid Salem', email: 'k.salem@najmair.example' },
    lines: [
      'خالد سالم',
      'مدير المشتريات، إدارة الصيانة',
      'طيران النجم الساطع',
      'جوال: +966 55 555 0102',
      'Khalid Salem',
      'Procurement Manager',
      'Najm Air',
    ],
    want: {
      name: 'خالد سالم',
      title: 'مدير المشتريات',
      department: 'إدارة الصيانة',
      company: 'طيران النجم الساطع',
      types: ['mobile'],
    },
  },
  // A hospital's operating unit after the title; a Hungarian list of two roles in lower case and a firm of
  // partners; an Arabic fund; a Thai physician's title before the name; a Japanese katakana unit of 13 characters.
  {
    lang: 'it',
    from: { name: 'Marta Ricci', email: 'marta.ricci@aou-collina.example' },
    lines: [
      'Dott.ssa Marta Ricci',
      'Dirigente Medico, Unità Operativa Complessa di Cardiologia',
      'Azienda Ospedaliera Collina',
      'Tel. +39 06 5550 1201',
    ],
    want: {
      name: 'Marta Ricci',
      title: 'Dirigente Medico',
      department: 'Unità Operativa Complessa di Cardiologia',
      company: 'Azienda Ospedaliera Collina',
      types: ['work'],
    },
  },
  {
    lang: 'hu',
    from: { name: 'Kiss Anna', email: 'kiss.anna@toth-partners.example' },
    lines: [
      'Dr. Kiss Anna',
      'szabadalmi ügyvivő, európai védjegy ügyvivő',
      'Tóth & Társai',
      'Tel.: +36 1 555 0101',
    ],
    want: {
      name: 'Kiss Anna',
      title: 'szabadalmi ügyvivő, európai védjegy ügyvivő',
      company: 'Tóth & Társai',
      types: ['work'],
    },
  },
  {
    lang: 'ar',
    from: { name: 'Omar Nasser', email: 'o.nasser@gulfgrowth.example' },
    lines: ['عمر ناصر', 'مدير الاستثمار', 'صندوق الخليج للنمو', 'جوال: +971 50 555 0102'],
    want: {
      name: 'عمر ناصر',
      title: 'مدير الاستثمار',
      company: 'صندوق الخليج للنمو',
      types: ['mobile'],
    },
  },
  {
    lang: 'th',
    from: { name: 'Anan Suk', email: 'anan.s@bangkokcare.example' },
    lines: ['นพ. อนันต์ สุขใจ', 'ผู้อำนวยการ', 'ศูนย์หัวใจ', 'โรงพยาบาลบางกอกแคร์', 'มือถือ 081 555 0102'],
    want: {
      name: 'อนันต์ สุขใจ',
      title: 'ผู้อำนวยการ',
      department: 'ศูนย์หัวใจ',
      company: 'โรงพยาบาลบางกอกแคร์',
      types: ['mobile'],
    },
  },
  {
    lang: 'ja',
    from: { name: 'Taro Yamada', email: 't.yamada@hikari-pharma.example' },
    lines: [
      '株式会社 光ファーマ',
      '営業本部　プロダクトマーケティング部　課長',
      '山田 太郎（Taro Yamada）',
      '携帯：090-5555-0102',
    ],
    want: {
      name: '山田 太郎（Taro Yamada）',
      title: '課長',
      department: '営業本部 プロダクトマーケティング部',
      company: '株式会社 光ファーマ',
      types: ['mobile'],
    },
  },
  // A unit named by its function, then what it covers; investments as a function.
  {
    lang: 'en',
    from: { name: 'Lena Ford', email: 'lena.ford@norvale-bio.example' },
    lines: [
      'Lena Ford',
      'Executive Director, Business Development, Immunology',
      'Norvale Biosciences Inc.',
      'M: +1 617 555 0102',
    ],
    want: {
      name: 'Lena Ford',
      title: 'Executive Director',
      department: 'Business Development, Immunology',
      company: 'Norvale Biosciences Inc.',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Raj Menon', email: 'raj@lionrock.example' },
    lines: ['Raj Menon', 'Principal, Investments', 'Lion Rock Capital Pte. Ltd.', 'M: +65 9555 0102'],
    want: {
      name: 'Raj Menon',
      title: 'Principal',
      department: 'Investments',
      company: 'Lion Rock Capital Pte. Ltd.',
      types: ['mobile'],
    },
  },
  // A Korean team named by a code and its number, under its division.
  {
    lang: 'ko',
    from: { name: 'Lee Sora', email: 'sora.lee@hanmaeum-sec.example' },
    lines: ['이소라 차장', '한마음증권 | 자산관리본부 PB3팀', 'M. 010-5555-0102'],
    want: {
      name: '이소라',
      title: '차장',
      department: '자산관리본부 PB3팀',
      company: '한마음증권',
      types: ['mobile'],
    },
  },
  // A block in Amharic and English: the first version's company and address (the English address is the same
  // again), each phone once; Addis Ababa sub-cities and woredas make an address, the legal form with slashes.
  {
    lang: 'am',
    from: { name: 'Abebe Kebede', email: 'abebe@sidamaseed.example' },
    lines: [
      'አበበ ከበደ',
      'የሽያጭ ሥራ አስኪያጅ',
      'ሲዳማ ዘር አቅራቢ ኃ/የተ/የግ/ማ',
      'ቂርቆስ ክፍለ ከተማ፣ ወረዳ 05፣ አዲስ አበባ፣ ኢትዮጵያ',
      'ሞባይል: +251 911 555 102',
      'Abebe Kebede',
      'Sales Manager',
      'Sidama Seed Suppliers PLC',
      'Kirkos Sub-City, Woreda 05, Addis Ababa, Ethiopia',
      'Mobile: +251 911 555 102',
    ],
    want: {
      name: 'አበበ ከበደ',
      title: 'የሽያጭ ሥራ አስኪያጅ',
      company: 'ሲዳማ ዘር አቅራቢ ኃ/የተ/የግ/ማ',
      types: ['mobile'],
      address: 'ቂርቆስ ክፍለ ከተማ፣ ወረዳ 05፣ አዲስ አበባ፣ ኢትዮጵያ',
    },
  },
  // A Korean rank after a slash on the name line; a Spanish service as the unit after the title even when it
  // lists two fields with "y"; a South-East Asian bloc after a title.
  {
    lang: 'ko',
    from: { name: 'Kim Dohyun', email: 'dohyun.kim@saebit-fm.example' },
    lines: ['김도현 / 과장', '(주)새빛시설관리 | 기술지원팀', 'M. 010-5555-0199'],
    want: {
      name: '김도현',
      title: '과장',
      department: '기술지원팀',
      company: '(주)새빛시설관리',
      types: ['mobile'],
    },
  },
  {
    lang: 'es',
    from: { name: 'Lucía Vidal', email: 'lvidal@hospitalmarina.example' },
    lines: [
      'Lucía Vidal',
      'Jefa de Compras, Servicio de Suministros y Logística',
      'Hospital Marina Alta',
      'Tel. 96 555 01 02',
    ],
    want: {
      name: 'Lucía Vidal',
      title: 'Jefa de Compras',
      department: 'Servicio de Suministros y Logística',
      company: 'Hospital Marina Alta',
      types: ['work'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Daniel Tan', email: 'daniel.tan@merlionpumps.example' },
    lines: ['Daniel Tan', 'Key Account Manager, ASEAN', 'Merlion Pumps Pte Ltd', 'M: +65 9555 0102'],
    want: {
      name: 'Daniel Tan',
      title: 'Key Account Manager, ASEAN',
      company: 'Merlion Pumps Pte Ltd',
      types: ['mobile'],
    },
  },
  // A run of post-nominals with a mixed-case membership in it goes whole; a firm named by its first word and
  // some of the others, as its domain spells it.
  {
    lang: 'en',
    from: { name: 'Seán Ó Raghallaigh', email: 'sean@corriblifts.example' },
    lines: [
      'Seán Ó Raghallaigh BE CEng MIEI',
      'Senior Lift Engineer',
      'Corrib Lift Consulting Ltd',
      '+353 91 555 0102',
    ],
    want: {
      name: 'Seán Ó Raghallaigh',
      title: 'Senior Lift Engineer',
      company: 'Corrib Lift Consulting Ltd',
      types: ['work'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Nia Powell', email: 'nia@kestrelwaterlab.example' },
    lines: ['Nia Powell', 'Lab Director', 'Kestrel Water Quality Lab', 'O: 510-555-0102'],
    want: {
      name: 'Nia Powell',
      title: 'Lab Director',
      company: 'Kestrel Water Quality Lab',
      types: ['work'],
    },
  },
  // Academic titles in lower case under the name (Polish, Czech) and Turkish; a Czech public research institution's
  // legal form after a comma; a Spanish firm whose legal form follows a comma; an Arabic society; ORCID as a link
  // label; CMC as a pharmaceutical function; a firm whose hyphenated domain shortens a word of its name.
  {
    lang: 'pl',
    from: { name: 'Ewa Zając', email: 'ewa.zajac@uni-opole.example' },
    lines: [
      'dr Ewa Zając',
      'adiunkt, Katedra Historii Sztuki',
      'Uniwersytet Opolski',
      'tel. +48 77 555 01 02',
    ],
    want: {
      name: 'Ewa Zając',
      title: 'adiunkt',
      department: 'Katedra Historii Sztuki',
      company: 'Uniwersytet Opolski',
      types: ['work'],
    },
  },
  {
    lang: 'cs',
    from: { name: 'Petr Novak', email: 'novak@ustav-geologie.example' },
    lines: [
      'Ing. Petr Novák, Ph.D.',
      'vědecký pracovník, Oddělení geochemie',
      'Ústav aplikované geologie, v. v. i.',
      'tel.: +420 225 555 102',
    ],
    want: {
      name: 'Petr Novák',
      title: 'vědecký pracovník',
      department: 'Oddělení geochemie',
      company: 'Ústav aplikované geologie, v. v. i.',
      types: ['work'],
    },
  },
  {
    lang: 'tr',
    from: { name: 'Ayse Demir', email: 'ayse.demir@anadolu-uni.example' },
    lines: [
      'Doç. Dr. Ayşe Demir',
      'Öğretim Üyesi, Kimya Bölümü',
      'Anadolu Teknik Üniversitesi',
      'Cep: +90 532 555 01 02',
    ],
    want: {
      name: 'Ayşe Demir',
      title: 'Öğretim Üyesi',
      department: 'Kimya Bölümü',
      company: 'Anadolu Teknik Üniversitesi',
      types: ['mobile'],
    },
  },
  {
    lang: 'es',
    from: { name: 'Marta Gil', email: 'm.gil@quimicaduero.example' },
    lines: [
      'Marta Gil',
      'Responsable de Cuentas Clave - Farma',
      'Química Duero Excipientes, S.L.',
      'Móvil +34 655 512 102',
    ],
    want: {
      name: 'Marta Gil',
      title: 'Responsable de Cuentas Clave',
      company: 'Química Duero Excipientes, S.L.',
      types: ['mobile'],
    },
  },
  {
    lang: 'ar',
    from: { name: 'Hana Farouk', email: 'h.farouk@egyhist.example' },
    lines: [
      'هناء فاروق',
      'مديرة المطبوعات',
      'الجمعية المصرية للدراسات التاريخية',
      'جوال: +20 100 555 0102',
      'Hana Farouk',
      'Publications Manager',
      'Egyptian Historical Society',
    ],
    want: {
      name: 'هناء فاروق',
      title: 'مديرة المطبوعات',
      company: 'الجمعية المصرية للدراسات التاريخية',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Tom Reyes', email: 'tom.reyes@orvane-bio.example' },
    lines: ['Tom Reyes', 'Director, CMC Drug Substance', 'Orvane Biologics Inc.', 'M: +1 617 555 0102'],
    want: {
      name: 'Tom Reyes',
      title: 'Director',
      department: 'CMC Drug Substance',
      company: 'Orvane Biologics Inc.',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Gwen Ellis', email: 'gwen.ellis@eastway-infra.example' },
    lines: [
      'Gwen Ellis',
      'Lead Engineer | Signalling Systems',
      'Eastway Rail Infrastructure',
      'M: 07700 900102',
    ],
    want: {
      name: 'Gwen Ellis',
      title: 'Lead Engineer',
      department: 'Signalling Systems',
      company: 'Eastway Rail Infrastructure',
      types: ['mobile'],
    },
  },
  // Irish: a block in Irish and English, read by its first version (the unit's English half on its row is the
  // same unit again).
  {
    lang: 'ga',
    from: { name: 'Aoife Ni Bhriain', email: 'aoife.nibhriain@heritage.gov.example' },
    lines: [
      'Aoife Ní Bhriain',
      'Oifigeach Feidhmiúcháin | Executive Officer',
      'Aonad na Séadchomharthaí | Monuments Unit',
      'An Roinn Oidhreachta | Department of Heritage',
      'T: +353 1 555 0102',
    ],
    want: {
      name: 'Aoife Ní Bhriain',
      title: 'Oifigeach Feidhmiúcháin',
      department: 'Aonad na Séadchomharthaí',
      company: 'An Roinn Oidhreachta',
      types: ['work'],
    },
  },
  // A Chinese firm named after its city and district is the firm, not an address line; veterinarians' titles
  // before the name (Czech, Turkish, Indonesian) and after it (MVB MRCVS); a Danish veterinarian; a Czech title of
  // four words in lower case with its unit; a Portuguese floor after a dash kept as written.
  {
    lang: 'zh',
    from: { name: 'Wang Li', email: 'wangli@haiyuntoys.example' },
    lines: [
      '王力',
      '业务经理',
      '东莞市长安镇海韵玩具有限公司',
      '地址：广东省东莞市长安镇工业路88号',
      '手机：+86 138 2555 0102',
    ],
    want: {
      name: '王力',
      title: '业务经理',
      company: '东莞市长安镇海韵玩具有限公司',
      types: ['mobile'],
      address: '广东省东莞市长安镇工业路88号',
    },
  },
  {
    lang: 'cs',
    from: { name: 'Jan Novak', email: 'novak@vakcinyplus.example' },
    lines: [
      'MVDr. Jan Novák',
      'oblastní manažer pro export, Obchodní oddělení',
      'Vakcíny Plus s.r.o.',
      'mobil: +420 605 555 102',
    ],
    want: {
      name: 'Jan Novák',
      title: 'oblastní manažer pro export',
      department: 'Obchodní oddělení',
      company: 'Vakcíny Plus s.r.o.',
      types: ['mobile'],
    },
  },
  {
    lang: 'tr',
    from: { name: 'Ali Kaya', email: 'ali.kaya@egevet.example' },
    lines: [
      'Vet. Hek. Ali Kaya',
      'Teknik Müdür',
      'Ege Veteriner Ürünleri A.Ş.',
      'Cep: +90 532 555 01 02',
      'Atatürk Cad. No:12, 35210 İzmir',
    ],
    want: {
      name: 'Ali Kaya',
      title: 'Teknik Müdür',
      company: 'Ege Veteriner Ürünleri A.Ş.',
      types: ['mobile'],
      address: 'Atatürk Cad. No:12, 35210 İzmir',
    },
  },
  {
    lang: 'en',
    from: { name: 'Niamh Walsh', email: 'niamh@corribvets.example' },
    lines: [
      'Niamh Walsh MVB MRCVS',
      'Clinical Director',
      'Corrib Veterinary Hospital Ltd',
      'M: +353 87 555 0102',
    ],
    want: {
      name: 'Niamh Walsh',
      title: 'Clinical Director',
      company: 'Corrib Veterinary Hospital Ltd',
      types: ['mobile'],
    },
  },
  {
    lang: 'da',
    from: { name: 'Mads Holm', email: 'mh@vestjyskdyr.example' },
    lines: ['Mads Holm', 'Dyrlæge', 'Vestjysk Dyrlægecenter ApS', 'Mobil: +45 20 55 01 02'],
    want: {
      name: 'Mads Holm',
      title: 'Dyrlæge',
      company: 'Vestjysk Dyrlægecenter ApS',
      types: ['mobile'],
    },
  },
  {
    lang: 'pt',
    from: { name: 'Rita Sousa', email: 'rita.sousa@atlanticotours.example' },
    lines: [
      'Rita Sousa',
      'Diretora de Operações',
      'Atlântico Tours, Lda.',
      'Rua do Carmo, 21 – 3.º, 1200-093 Lisboa',
    ],
    want: {
      name: 'Rita Sousa',
      title: 'Diretora de Operações',
      company: 'Atlântico Tours, Lda.',
      types: [],
      address: 'Rua do Carmo, 21 – 3.º, 1200-093 Lisboa',
    },
  },
  {
    lang: 'id',
    from: { name: 'Dewi Lestari', email: 'dewi@sinarternak.example' },
    lines: [
      'drh. Dewi Lestari',
      'Technical Service Manager',
      'PT Sinar Ternak Nusantara',
      'HP: +62 812 5555 0102',
    ],
    want: {
      name: 'Dewi Lestari',
      title: 'Technical Service Manager',
      company: 'PT Sinar Ternak Nusantara',
      types: ['mobile'],
    },
  },
  {
    // A title, its unit, then brackets that qualify the unit: the unit keeps them.
    lang: 'en',
    from: { name: 'Nasrin Akter', email: 'nasrin.akter@meghnaloom.example' },
    lines: [
      'Nasrin Akter',
      'Manager, Merchandising (Nordic & Baltic Accounts)',
      'Meghna Loom Textiles Ltd.',
      'Cell: +880 1711 555 210',
    ],
    want: {
      name: 'Nasrin Akter',
      title: 'Manager',
      department: 'Merchandising (Nordic & Baltic Accounts)',
      company: 'Meghna Loom Textiles Ltd.',
      types: ['mobile'],
    },
  },
  {
    // A title noun of colour matching; a bare registration number after the firm is no part of its name.
    lang: 'en',
    from: { name: 'Aida Rahman', email: 'aida@kilaufilms.example' },
    lines: [
      'Aida Rahman',
      'Senior Colourist, Colour Matching Laboratory',
      'Kilau Films Sdn. Bhd. (1555123-X)',
      'HP: +60 12 555 0190',
    ],
    want: {
      name: 'Aida Rahman',
      title: 'Senior Colourist',
      department: 'Colour Matching Laboratory',
      company: 'Kilau Films Sdn. Bhd.',
      types: ['mobile'],
    },
  },
  {
    lang: 'es',
    from: { name: 'Iker Etxeberria', email: 'iker@ebroseguidores.example' },
    lines: [
      'Iker Etxeberria',
      'Jefe de Proyecto | Oficina Técnica',
      'Ebro Seguidores S.L.',
      'Móvil +34 655 555 801',
    ],
    want: {
      name: 'Iker Etxeberria',
      title: 'Jefe de Proyecto',
      department: 'Oficina Técnica',
      company: 'Ebro Seguidores S.L.',
      types: ['mobile'],
    },
  },
  {
    lang: 'he',
    from: { name: 'מיכל לוי', email: 'michal@orbit-control.example' },
    lines: ['מיכל לוי', 'מנהלת פרויקטים | לקוחות בינלאומיים', 'אורביט בקרה בע"מ', 'נייד: 052-555-8831'],
    want: {
      name: 'מיכל לוי',
      title: 'מנהלת פרויקטים',
      department: 'לקוחות בינלאומיים',
      company: 'אורביט בקרה בע"מ',
      types: ['mobile'],
    },
  },
  {
    // Marine insurance: "P&I and Claims" a unit; "Loss Adjuster at <firm>"; an out-of-hours line is no work number.
    lang: 'en',
    from: { name: 'Ravi Menon', email: 'ravi.menon@coastline-agencies.example' },
    lines: [
      'Ravi Menon',
      'Deputy General Manager - P&I and Claims',
      'Coastline Shipping Agencies Pvt. Ltd.',
      'Direct: 01632 960412',
      'Out of hours: 01632 960999',
    ],
    want: {
      name: 'Ravi Menon',
      title: 'Deputy General Manager',
      department: 'P&I and Claims',
      company: 'Coastline Shipping Agencies Pvt. Ltd.',
      types: ['work', 'other'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Kelvin Lau', email: 'kelvin.lau@pierpoint-adjusters.example' },
    lines: ['Kelvin Lau', 'Senior Loss Adjuster at Pierpoint Adjusters Ltd', 'M +852 5555 0191'],
    want: {
      name: 'Kelvin Lau',
      title: 'Senior Loss Adjuster',
      company: 'Pierpoint Adjusters Ltd',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Ewan Birch', email: 'ewan.birch@moorside-adr.example' },
    lines: [
      'Ewan Birch',
      'Transport Planner – Bulk & Packaged Dangerous Goods',
      'Moorside ADR Logistics Ltd',
      'Mobile: 07700 900816',
    ],
    want: {
      name: 'Ewan Birch',
      title: 'Transport Planner',
      department: 'Bulk & Packaged Dangerous Goods',
      company: 'Moorside ADR Logistics Ltd',
      types: ['mobile'],
    },
  },
  {
    lang: 'fr',
    from: { name: 'Luc Martel', email: 'l.martel@cabinet-martel.example' },
    lines: [
      'Luc Martel',
      "Commissaire d'avaries – Département Facultés",
      'Cabinet Martel & Associés',
      'Portable : +33 6 39 98 14 60',
    ],
    want: {
      name: 'Luc Martel',
      title: "Commissaire d'avaries",
      department: 'Département Facultés',
      company: 'Cabinet Martel & Associés',
      types: ['mobile'],
    },
  },
  {
    lang: 'pt',
    from: { name: 'Bruno Teixeira', email: 'bruno@portovistorias.example' },
    lines: [
      'Bruno Teixeira',
      'Vistoriador Sênior | Sinistros de Carga',
      'Porto Vistorias Marítimas Ltda.',
      'Cel.: +55 13 95555-0170',
    ],
    want: {
      name: 'Bruno Teixeira',
      title: 'Vistoriador Sênior',
      department: 'Sinistros de Carga',
      company: 'Porto Vistorias Marítimas Ltda.',
      types: ['mobile'],
    },
  },
  {
    lang: 'pl',
    from: { name: 'Adam Nowicki', email: 'a.nowicki@baltekspert.example' },
    lines: [
      'Adam Nowicki',
      'Rzeczoznawca ds. szkód w ładunkach',
      'Balt-Ekspert Sp. z o.o.',
      'kom. +48 601 555 170',
    ],
    want: {
      name: 'Adam Nowicki',
      title: 'Rzeczoznawca ds. szkód w ładunkach',
      company: 'Balt-Ekspert Sp. z o.o.',
      types: ['mobile'],
    },
  },
  {
    lang: 'it',
    from: { name: 'Giulia Ferri', email: 'g.ferri@aromilano.example' },
    lines: [
      'Dott.ssa Giulia Ferri',
      'Tecnologa Alimentare – Ricerca & Sviluppo',
      'Aromi Lombardi S.r.l.',
      'Cell. +39 347 555 0920',
    ],
    want: {
      name: 'Giulia Ferri',
      title: 'Tecnologa Alimentare',
      department: 'Ricerca & Sviluppo',
      company: 'Aromi Lombardi S.r.l.',
      types: ['mobile'],
    },
  },
  {
    lang: 'vi',
    from: { name: 'Trần Văn Nam', email: 'nam.tran@namhaisurvey.example' },
    lines: ['Trần Văn Nam', 'Trưởng phòng Giám định', 'Công ty CP Giám định Nam Hải', 'DĐ: +84 912 555 070'],
    want: {
      name: 'Trần Văn Nam',
      title: 'Trưởng phòng Giám định',
      company: 'Công ty CP Giám định Nam Hải',
      types: ['mobile'],
    },
  },
  {
    lang: 'he',
    from: { name: 'רונית כהן', email: 'ronit@galil-aroma.example' },
    lines: [
      'רונית כהן',
      'מנהלת רגולציה, מחלקת איכות ורגולציה',
      'גליל ארומה בע"מ',
      'אזור התעשייה צפון, ת.ד. 555, כרמיאל 2165500',
      'נייד: 052-5550410',
    ],
    want: {
      name: 'רונית כהן',
      title: 'מנהלת רגולציה',
      department: 'מחלקת איכות ורגולציה',
      company: 'גליל ארומה בע"מ',
      types: ['mobile'],
      address: 'אזור התעשייה צפון, ת.ד. 555, כרמיאל 2165500',
    },
  },
  {
    lang: 'en',
    from: { name: 'Grace Holloway', email: 'gholloway@osp.northlake-univ.example' },
    lines: [
      'Grace Holloway',
      'Senior Contract Negotiator, Office of Sponsored Programs',
      'Northlake State University',
      '(414) 555-0127',
    ],
    want: {
      name: 'Grace Holloway',
      title: 'Senior Contract Negotiator',
      department: 'Office of Sponsored Programs',
      company: 'Northlake State University',
      types: ['work'],
    },
  },
  {
    // The firm after the title, its domain spelling the ampersand; a coast as a sales territory stays in the title.
    lang: 'en',
    from: { name: 'Amelia Crane', email: 'amelia@thymeandsorrel.example' },
    lines: ['Amelia Crane', 'Group Head Sommelier, Thyme & Sorrel Restaurants', '07700 900 881'],
    want: {
      name: 'Amelia Crane',
      title: 'Group Head Sommelier',
      company: 'Thyme & Sorrel Restaurants',
      types: ['work'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Dan Ortiz', email: 'dan@pacificcork.example' },
    lines: [
      'Dan Ortiz',
      'Regional Sales Manager, West Coast',
      'Pacific Cork & Closure Inc.',
      'M: (707) 555-0142',
    ],
    want: {
      name: 'Dan Ortiz',
      title: 'Regional Sales Manager, West Coast',
      company: 'Pacific Cork & Closure Inc.',
      types: ['mobile'],
    },
  },
  {
    lang: 'pt',
    from: { name: 'Paula Meireles', email: 'paula@cpc-campinas.example' },
    lines: [
      'Paula Meireles',
      'Gerente de Contratos | Pesquisa Clínica',
      'Centro de Pesquisa Clínica Campinas',
      'Cel.: +55 19 95555-0270',
    ],
    want: {
      name: 'Paula Meireles',
      title: 'Gerente de Contratos',
      department: 'Pesquisa Clínica',
      company: 'Centro de Pesquisa Clínica Campinas',
      types: ['mobile'],
    },
  },
  {
    lang: 'da',
    from: { name: 'Sofie Lund', email: 'sofie.lund@hen-forskning.example' },
    lines: [
      'Sofie Lund',
      'Kontraktjurist, Forskningsjura og Kontrakter',
      'Hospitalsenhed Nord',
      'Mobil +45 2155 4970',
    ],
    want: {
      name: 'Sofie Lund',
      title: 'Kontraktjurist',
      department: 'Forskningsjura og Kontrakter',
      company: 'Hospitalsenhed Nord',
      types: ['mobile'],
    },
  },
  {
    lang: 'ro',
    from: { name: 'Elena Marin', email: 'elena.marin@scju-olt.example' },
    lines: [
      'Elena Marin',
      'Consilier juridic',
      'Biroul Studii Clinice',
      'Spitalul Clinic Județean Olt',
      'Mobil: +40 722 555 480',
    ],
    want: {
      name: 'Elena Marin',
      title: 'Consilier juridic',
      department: 'Biroul Studii Clinice',
      company: 'Spitalul Clinic Județean Olt',
      types: ['mobile'],
    },
  },
  {
    lang: 'nl',
    from: { name: 'Bram de Wit', email: 'bram@dewijnkelder.example' },
    lines: ['Bram de Wit', 'Hoofd Inkoop | De Wijnkelder Rotterdam B.V.', 'M 06 5555 3140'],
    want: {
      name: 'Bram de Wit',
      title: 'Hoofd Inkoop',
      company: 'De Wijnkelder Rotterdam B.V.',
      types: ['mobile'],
    },
  },
  {
    lang: 'cs',
    from: { name: 'Petra Malá', email: 'mala@vinoteka-olomouc.example' },
    lines: [
      'Petra Malá',
      'nákupčí, Oddělení dovozu vín',
      'Vinotéka Olomouc s.r.o.',
      'mobil: +420 605 555 730',
    ],
    want: {
      name: 'Petra Malá',
      title: 'nákupčí',
      department: 'Oddělení dovozu vín',
      company: 'Vinotéka Olomouc s.r.o.',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Hamish Reid', email: 'hamish.reid@cvx-uw.example' },
    lines: [
      'Hamish Reid',
      'Class Underwriter – Casualty Treaty',
      'Corvane Syndicate 5550',
      'Mobile: +44 7700 900730',
    ],
    want: {
      name: 'Hamish Reid',
      title: 'Class Underwriter',
      department: 'Casualty Treaty',
      company: 'Corvane Syndicate 5550',
      types: ['mobile'],
    },
  },
  {
    lang: 'es',
    from: { name: 'Lucía Prieto', email: 'lprieto@cantabria-re.example' },
    lines: [
      'Lucía Prieto',
      'Suscriptora Senior | Reaseguro de Daños',
      'Cantabria Reaseguros, S.A.',
      'Móvil +34 655 501 270',
    ],
    want: {
      name: 'Lucía Prieto',
      title: 'Suscriptora Senior',
      department: 'Reaseguro de Daños',
      company: 'Cantabria Reaseguros, S.A.',
      types: ['mobile'],
    },
  },
  {
    lang: 'it',
    from: { name: 'Marco Serra', email: 'm.serra@peritiliguri.example' },
    lines: [
      'Ing. Marco Serra',
      'Perito Senior – Area Grandi Rischi',
      'Studio Peritale Ligure S.r.l.',
      'Cell. +39 347 555 0190',
    ],
    want: {
      name: 'Marco Serra',
      title: 'Perito Senior',
      department: 'Area Grandi Rischi',
      company: 'Studio Peritale Ligure S.r.l.',
      types: ['mobile'],
    },
  },
  {
    lang: 'hu',
    from: { name: 'Kiss Anna', email: 'anna.kiss@innovacio.gov.example' },
    lines: [
      'Dr. Kiss Anna',
      'programmenedzser, Egyetemi Innovációs Főosztály',
      'Nemzeti Innovációs Programiroda',
      'Mobil: +36 30 555 0410',
    ],
    want: {
      name: 'Kiss Anna',
      title: 'programmenedzser',
      department: 'Egyetemi Innovációs Főosztály',
      company: 'Nemzeti Innovációs Programiroda',
      types: ['mobile'],
    },
  },
  {
    lang: 'de',
    from: { name: 'Julia Brandt', email: 'j.brandt@hkb-wpg.example' },
    lines: [
      'Dr. Julia Brandt, WP, StB',
      'Partnerin | Audit & Assurance',
      'Holm Kessler Brandt Wirtschaftsprüfungsgesellschaft Steuerberatungsgesellschaft',
      'Mobil: +49 171 555 3090',
    ],
    want: {
      name: 'Julia Brandt',
      title: 'Partnerin',
      department: 'Audit & Assurance',
      company: 'Holm Kessler Brandt Wirtschaftsprüfungsgesellschaft Steuerberatungsgesellschaft',
      types: ['mobile'],
    },
  },
  {
    lang: 'it',
    from: { name: 'Paolo Greco', email: 'p.greco@studiogreco.example' },
    lines: [
      'Dott. Paolo Greco',
      'Dottore Commercialista – Revisore Legale',
      'Studio Greco & Associati',
      'Cell. +39 347 555 0920',
    ],
    want: {
      name: 'Paolo Greco',
      title: 'Dottore Commercialista – Revisore Legale',
      company: 'Studio Greco & Associati',
      types: ['mobile'],
    },
  },
  {
    lang: 'he',
    from: { name: 'דנה לוי', email: 'dana@tavor-med.example' },
    lines: ['דנה לוי', 'חשבת ראשית, אגף הכספים', 'תבור טכנולוגיות רפואיות בע"מ', 'נייד: 052-5550180'],
    want: {
      name: 'דנה לוי',
      title: 'חשבת ראשית',
      department: 'אגף הכספים',
      company: 'תבור טכנולוגיות רפואיות בע"מ',
      types: ['mobile'],
    },
  },
  {
    lang: 'sv',
    from: { name: 'Ebba Lind', email: 'ebba.lind@sjobygg.example' },
    lines: ['Ebba Lind', 'Ekonomichef, Koncernekonomi', 'Sjöstad Bygg AB', 'Mobil: 070-555 12 40'],
    want: {
      name: 'Ebba Lind',
      title: 'Ekonomichef',
      department: 'Koncernekonomi',
      company: 'Sjöstad Bygg AB',
      types: ['mobile'],
    },
  },
  {
    lang: 'hu',
    from: { name: 'Tóth Gábor', email: 'toth.gabor@auditpartner.example' },
    lines: ['Dr. Tóth Gábor', 'Igazgató, Könyvvizsgálat', 'Audit Partner Kft.', 'Mobil: +36 30 555 0411'],
    want: {
      name: 'Tóth Gábor',
      title: 'Igazgató',
      department: 'Könyvvizsgálat',
      company: 'Audit Partner Kft.',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Ruby Walsh', email: 'ruby.walsh@threadline.example' },
    lines: ['Ruby Walsh', 'Senior Merchandiser, E-commerce', 'Threadline Retail Ltd', 'M: 07700 900 361'],
    want: {
      name: 'Ruby Walsh',
      title: 'Senior Merchandiser',
      department: 'E-commerce',
      company: 'Threadline Retail Ltd',
      types: ['mobile'],
    },
  },
  {
    // After a role bound to a site, the place stays in the title; a purchasing function after a dash is the unit.
    lang: 'en',
    from: { name: 'Dale Hoffman', email: 'dale.hoffman@prairiebearing.example' },
    lines: [
      'Dale Hoffman',
      'Branch Manager, Sioux Falls',
      'Prairie Bearing Supply Inc.',
      'Cell: (605) 555-0143',
    ],
    want: {
      name: 'Dale Hoffman',
      title: 'Branch Manager, Sioux Falls',
      company: 'Prairie Bearing Supply Inc.',
      types: ['mobile'],
    },
  },
  {
    lang: 'en',
    from: { name: 'Nikhil Joshi', email: 'nikhil.joshi@deccantractors.example' },
    lines: [
      'Nikhil Joshi',
      'Deputy Manager - Strategic Sourcing (Transmission)',
      'Deccan Tractors Ltd.',
      'Mobile: +91 98555 04120',
    ],
    want: {
      name: 'Nikhil Joshi',
      title: 'Deputy Manager',
      department: 'Strategic Sourcing (Transmission)',
      company: 'Deccan Tractors Ltd.',
      types: ['mobile'],
    },
  },
  {
    lang: 'uk',
    from: { name: 'Олена Коваль', email: 'o.koval@skhidna-nadiya.example' },
    lines: [
      'Олена Коваль',
      'Координаторка з логістики, Гуманітарний відділ',
      'БФ «Світла надія»',
      'моб.: +380 67 555 41 20',
    ],
    want: {
      name: 'Олена Коваль',
      title: 'Координаторка з логістики',
      department: 'Гуманітарний відділ',
      company: 'БФ «Світла надія»',
      types: ['mobile'],
    },
  },
  {
    lang: 'ru',
    from: { name: 'Азамат Токтогулов', email: 'azamat@alatoo-trans.example' },
    lines: ['Азамат Токтогулов', 'Менеджер по перевозкам', 'ОсОО "Нарын Транс"', 'моб.: +996 555 41 20 17'],
    want: {
      name: 'Азамат Токтогулов',
      title: 'Менеджер по перевозкам',
      company: 'ОсОО "Нарын Транс"',
      types: ['mobile'],
    },
  },
  {
    lang: 'pt',
    from: { name: 'Rui Almeida', email: 'rui.almeida@frioclima.example' },
    lines: [
      'Rui Almeida',
      'Diretor Técnico | Climatização e AVAC',
      'Frioclima Instalações, Lda.',
      'Telem.: +351 912 555 140',
    ],
    want: {
      name: 'Rui Almeida',
      title: 'Diretor Técnico',
      department: 'Climatização e AVAC',
      company: 'Frioclima Instalações, Lda.',
      types: ['mobile'],
    },
  },
  {
    lang: 'es',
    from: { name: 'Marta Soler', email: 'marta.soler@esterilvalles.example' },
    lines: [
      'Marta Soler',
      'Responsable de Calidad – Planta de Óxido de Etileno',
      'Esteril Vallès, S.L.',
      'Edificio 55, Ciudad del Saber, Clayton, Panamá',
      'Móvil +34 655 501 271',
    ],
    want: {
      name: 'Marta Soler',
      title: 'Responsable de Calidad',
      department: 'Planta de Óxido de Etileno',
      company: 'Esteril Vallès, S.L.',
      types: ['mobile'],
      address: 'Edificio 55, Ciudad del Saber, Clayton, Panamá',
    },
  },
  {
    lang: 'cs',
    from: { name: 'Jana Horáková', email: 'horakova@kalibrace-brno.example' },
    lines: [
      'Jana Horáková',
      'metroložka, Oddělení délkových měřidel',
      'Kalibrace Brno s.r.o.',
      'mobil: +420 605 555 732',
    ],
    want: {
      name: 'Jana Horáková',
      title: 'metroložka',
      department: 'Oddělení délkových měřidel',
      company: 'Kalibrace Brno s.r.o.',
      types: ['mobile'],
    },
  },
];

describe('a signature block in each language of the lexicons', () => {
  it.each(BLOCKS)(
    '$lang: reads name, title, unit, company, typed phones and address',
    ({ lines, from, want }) => {
      const c = extractFields(lines, from);
      expect({
        name: c.name,
        title: c.title,
        department: c.department ?? undefined,
        company: c.company,
        types: c.phones.map((p) => p.type),
        address: c.address ?? undefined,
      }).toEqual(want);
    },
  );

  it('reads a phone label written with "No." as a label, and an order or reference number as no phone', () => {
    const spans = (l: string) => findPhoneSpans(l).map((s) => s.raw);
    expect(spans('Contact No.: +91 98100 12345')).toEqual(['+91 98100 12345']);
    expect(spans('Tel. No. 0711 1234567')).toEqual(['0711 1234567']);
    expect(spans('Order No.: 45000123456')).toEqual([]);
    expect(spans('Ref No. 4500012345')).toEqual([]);
  });
});
