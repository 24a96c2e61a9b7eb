/**
 * Turkish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const tr: Lexicon = {
  lang: 'tr',
  // Greetings that open a reply (newest-part.ts: a reply under its quote).
  greetings: ['merhaba', 'sayın', 'iyi günler'],
  universityWords: ['üniversite'],
  quoteWrote: ['\\byazdı'],
  valedictions: [
    'saygılarımla',
    'saygılarımızla',
    'saygılar',
    // İ has no simple case folding: a capital İ is matched by its own alternative.
    '(?:i|İ)yi çalışmalar',
    '(?:i|İ)yi günler',
    'kolay gelsin',
    '(?:şimdiden )?teşekkürler',
    'teşekkür ederim',
    'sevgiler',
    'selamlar',
    'en iyi dileklerimle',
  ],
  quoteFromLabels: ['Kimden', 'Gönderen'],
  quoteHeaderLabels: ['Gönderildi', 'Gönderilen', 'Kime', 'Konu', 'Bilgi', 'Tarih', 'Alıcı'],
  quoteSeparators: ['Orijinal Mesaj', 'İletilen ileti', 'Özgün İleti'],
  lotusToLabels: ['Kime'],
  titleNouns: [
    // A (sworn) translator: "Yeminli Tercüman".
    'tercüman',
    // Academic posts: öğretim üyesi (faculty member), öğretim görevlisi (lecturer), araştırma görevlisi (research
    // assistant).
    'öğretim üyesi',
    'öğretim görevlisi',
    'araştırma görevlisi',
    // Partners of a firm: "Kıdemli Ortak" (senior partner), "Yönetici Ortak" (managing partner); the noun ends
    // the title, so "Ortak Yayınlar Birimi" (joint publications unit) is no partner.
    'ortak(?! [a-zçğıöşüi̇])',
    'ortağı',
    // Geologist.
    'jeolog',
    // Attorneys and agents: "Marka ve Patent Vekili".
    'vekili',
    // Producer (film, advertising): "Yapımcı", "Yürütücü Yapımcı".
    'yapımcı',
    'müdür',
    'müdürü',
    'genel müdür',
    'uzman',
    'uzmanı',
    'mühendis',
    'mühendisi',
    'yönetici(?:si)?',
    'danışman',
    'avukat',
    'muhasebe müdürü',
    'satış müdürü',
    'direktör(?:ü)?',
    'yönetmen(?:i)?',
    'koordinatör(?:ü)?',
    'geliştirici(?:si)?',
    'mimar(?:ı)?',
    'analist(?:i)?',
    'muhasebeci',
    'müşavir(?:i)?',
    'temsilci(?:si)?',
    'sorumlusu',
    'şef(?:i)?',
    'başkanı',
    'başkan yardımcısı',
    'kurucu(?: ortak)?',
    'asistan(?:ı)?',
    'sekreter(?:i)?',
  ],
  // "İnsan Kaynakları Departmanı", "Satış Bölümü", "Bilgi İşlem Müdürlüğü", "Satış Ekibi".
  // ... Yönetimi (management of): "Hazine Yönetimi" (treasury), "Risk Yönetimi".
  // Banking functions: "Dış Ticaret Finansmanı ve Muhabir Bankacılık", "Kurumsal Bankacılık".
  functions: [
    // Law firms' practice groups: "Uyuşmazlık Çözümü" (dispute resolution), "Dava ve Tahkim" (litigation, arbitration).
    'uyuşmazlık çözümü',
    'dava',
    'tahkim',
    'dış ticaret(?: finansmanı)?',
    'muhabir bankacılık',
    '(?:kurumsal |ticari )?bankacılık',
    'hazine',
  ],
  unitWords: [
    'departmanı',
    // A branch office: "İzmir Şubesi".
    'şubesi',
    'müdürlüğü',
    'birimi',
    'bölümü',
    'direktörlüğü',
    'ekibi',
    'başkanlığı',
    'yönetimi',
    // A university's faculty and institute: "Mühendislik Fakültesi", "Fen Bilimleri Enstitüsü".
    'fakültesi',
    'enstitüsü',
    // A plant: "Gebze Fabrikası".
    'fabrikası',
  ],
  legalForms: ['A\\.Ş', 'Ltd\\. Şti', 'Şti'],
  // Av. (Avukat, attorney), Dr., and academic ranks (Prof. Dr., Doç. Dr. associate professor, Dr. Öğr. Üyesi
  // assistant professor) written before the name and dropped from it.
  honorifics: [
    // A pharmacist (Eczacı): "Ecz.".
    'Ecz\\.',
    'Av\\.',
    'Doç\\. Dr\\.',
    'Prof\\. Dr\\.',
    'Dr\\. Öğr\\. Üyesi',
    'Dr\\.',
    // A veterinary physician (Veteriner Hekim): "Vet. Hek.".
    'Vet\\. ?Hek\\.',
  ],
  // A university ("Ege Kıyısı Üniversitesi") names the organisation; its faculty (Fakültesi), department (Bölümü)
  // and institute (Enstitüsü) are units.
  orgWords: ['üniversitesi'],
  phoneMobile: ['cep', 'gsm', 'cep tel'],
  phoneWork: ['sabit'],
  // "dahili 123" (the extension).
  phoneExtensions: ['dahili'],
  // "Atatürk Cad. No: 12", "Bağdat Caddesi No:45", "Çiçek Sok. 3", "Kültür Mah.": the street word follows
  // the name, so as a prefix it reads the rest of the line (which must hold a digit).
  streetPrefixes: [
    'cad\\.',
    'caddesi',
    'sok\\.',
    'sokak',
    'sokağı',
    'mah\\.',
    'mahallesi',
    'bulvarı',
    'blv\\.',
  ],
  // "Kat:2" / "Kat 4" (floor), "No:55" (door number): premises as Turkish addresses write them.
  premisesWords: ['kat:?', 'no:'],
  fieldLabels: ['Ünvan', 'Unvan', 'Adres', 'Şirket', 'Görev'],
  // "Bu e-posta ve ekleri gizlidir", "6698 sayılı KVKK" (the personal-data protection law).
  noticeCues: ['gizlilik uyarısı', 'gizli (?:ve|bilgi)', 'muhatab', 'gizlidir', 'KVKK'],
  phoneFax: ['faks'],
  countries: ['türkiye', 'turkey'],
  clientFooters: [
    "iPhone['’]umdan gönderildi",
    "iPad['’]imden gönderildi",
    'Samsung (?:Galaxy )?akıllı telefonumdan gönderildi',
  ],
  // Shared mailboxes (sales@, accounting@... in tr): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // Quality-control desks: "kalitekontrol", "kalite".
    'kalitekontrol',
    'kalite',
    // A shipments (sevkiyat) desk.
    'sevkiyat',
    // A spare-parts desk (yedek parça).
    'yedekparca',
    // A press office ("basın").
    'basin',
    'basinofisi',
    'muhasebe',
    'satis',
    // Group sales (airlines, hotels).
    'grupsatis',
    'satinalma',
    'fatura',
    'insankaynaklari',
    'destek',
    'iletisim',
    'bilgi',
    'siparis',
  ],
  registerCues: [
    // A tourism licence (TÜRSAB belge no) and any certificate number ("Belge No: 5551").
    'TÜRSAB',
    'belge no',
  ],
};
