/**
 * Finnish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const fi: Lexicon = {
  lang: 'fi',
  // Greetings that open a reply (newest-part.ts: a reply under its quote).
  greetings: ['hei', 'moi', 'hyvä'],
  universityWords: ['yliopisto'],
  valedictions: [
    '(?:ystävällisin|parhain|lämpimin|kiitos ja) terveisin',
    'terveisin',
    'ystävällisesti',
    'kiitos(?: paljon)?',
    'kiittäen',
    'hyvää päivänjatkoa',
  ],
  quoteWrote: ['\\bkirjoitti'],
  quoteFromLabels: ['Lähettäjä'],
  quoteHeaderLabels: ['Lähetetty', 'Vastaanottaja', 'Aihe', 'Kopio', 'Päivämäärä'],
  quoteSeparators: ['Alkuperäinen viesti', 'Välitetty viesti'],
  clientFooters: ['Lähetetty (?:iPhonesta|iPadista|Android|mobiilista|puhelimesta|matkapuhelimesta|Samsung)'],
  // luottamuksellinen / luottamuksellista / luottamuksellisia: the stem.
  noticeCues: ['luottamukselli', '\\bvastaanottaja'],
  registerCues: ['Y-tunnus'],
  titleSuffixes: [
    // Agents and attorneys: "patenttiasiamies" (patent attorney), "tavaramerkkiasiamies".
    'asiamies',
    // Chemists: "Käyttökemisti" (operations chemist), "Laboratoriokemisti".
    'kemisti',
    'päällikkö',
    'johtaja',
    'insinööri',
    'asiantuntija',
    'myyjä',
    'konsultti',
    'kehittäjä',
    'suunnittelija',
    'koordinaattori',
    'vastaava',
    'tutkija',
    'arkkitehti',
    'analyytikko',
    'assistentti',
    'sihteeri',
    'edustaja',
    'esimies',
    // yliopisto|nlehtori (university lecturer), lehtori (lecturer), professori.
    'lehtori',
    'professori',
  ],
  // yliopisto (university), korkeakoulu (university of applied sciences).
  orgWords: ['yliopisto', 'korkeakoulu', 'ammattikorkeakoulu'],
  // laitos: a university department ("Tietojenkäsittelytieteen laitos").
  unitWords: ['osasto', 'yksikkö', 'tiimi', 'laitos'],
  unitSuffixes: ['osasto', 'yksikkö', 'tiimi', 'laitos', 'tutkimusryhmä'],
  // Compounds naming a function by their last part: "Vientimyynti" (export sales), "Konsernihankinnat".
  functionSuffixes: [
    // Services: "Lokalisointipalvelut".
    'palvelut',
    // Trade: "Vähittäiskauppa" (retail).
    'kauppa',
    // Operations: "Lento-operaatiot" (flight operations).
    'operaatiot',
    'myynti',
    'hankinnat',
    'markkinointi',
  ],
  functions: [
    // Product development.
    'tuotekehitys',
    'myynti',
    'hankinnat',
    'talous',
    'henkilöstöhallinto',
    'markkinointi',
    'asiakaspalvelu',
    'tuotanto',
    'logistiikka',
    'viestintä',
    'taloushallinto',
  ],
  legalForms: ['Oy', 'Oyj'],
  streetSuffixes: [
    'tie',
    'katu',
    'kuja',
    'polku',
    'tori',
    'väylä',
    'kaari',
    'ranta',
    'aukio',
    'rinne',
    'piha',
  ],
  poBoxAbbrevs: ['PL'],
  countries: ['suomi'],
  // vaihde (switchboard), suora (direct line), matkap. (matkapuhelin, mobile).
  phoneWork: ['puh', 'puhelin', 'vaihde', 'suora'],
  phoneMobile: ['matkapuhelin', 'matkapuh', 'matkap', 'kännykkä'],
  phoneFax: ['faksi'],
  fieldLabels: ['Nimi', 'Nimike', 'Yritys', 'Osoite'],
  titleNouns: [
    // Researchers: tutkijatohtori (postdoc), erikoistutkija, tutkija.
    'tutkijatohtori',
    'erikoistutkija',
    'tutkija',
    'toimitusjohtaja',
    'myyjä',
    'ostaja',
    'konsultti',
    'kehittäjä',
    'insinööri',
    'asiantuntija',
    'suunnittelija',
    'koordinaattori',
    'yrittäjä',
    'johtaja',
    'päällikkö',
    'puheenjohtaja',
    'tutkija',
    'professori',
    'lakimies',
    'asianajaja',
    'kirjanpitäjä',
    'sihteeri',
    'assistentti',
    'analyytikko',
    'arkkitehti',
    'osakas',
    'perustaja',
    'omistaja',
  ],
  // Shared mailboxes (sales@, accounting@... in fi): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    'laskutus',
    'myynti',
    'hankinta',
    'hankinnat',
    'asiakaspalvelu',
    'kirjanpito',
    'toimisto',
    'tilaukset',
    'rekry',
  ],
};
