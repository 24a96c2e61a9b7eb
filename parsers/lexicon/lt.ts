/**
 * Lithuanian word lists of the signature parser. What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts. Legal forms (UAB, AB) are in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const lt: Lexicon = {
  lang: 'lt',
  // "Pagarbiai" (respectfully), "Su pagarba", "Geriausi linkėjimai" (best wishes), "Ačiū" (thanks).
  valedictions: ['pagarbiai', 'su pagarba', 'geriausi(?:ų)? linkėjim(?:ai|ų)', 'linkėjimai', 'ačiū'],
  quoteWrote: ['rašė'],
  // Outlook: Nuo / Išsiųsta / Kam / Kopija / Tema.
  quoteFromLabels: ['Nuo'],
  quoteHeaderLabels: ['Išsiųsta', 'Kam', 'Kopija', 'Tema'],
  noticeCues: ['konfidencial', 'adresat'],
  // direktorius / direktorė, vadovas / vadovė (head), vadybininkas / -ė (manager), specialistas / -ė,
  // teisininkas / -ė (lawyer), buhalteris / -ė, inžinierius / -ė, analitikas / -ė, konsultantas / -ė.
  titleNouns: [
    'direktori(?:us|ė)',
    'direktorė',
    'vadov(?:as|ė)',
    'vadybinink(?:as|ė)',
    'specialist(?:as|ė)',
    'teisinink(?:as|ė)',
    'buhalter(?:is|ė)',
    'inžinier(?:ius|ė)',
    'analitik(?:as|ė)',
    'konsultant(?:as|ė)',
  ],
  // skyrius (department; "Teisės skyriaus vadovė": the head of the legal department), departamentas.
  unitWords: ['skyrius', 'departamentas', 'padalinys'],
  // Shared mailboxes: dispatch (ekspedicija), logistics, sales (pardavimai), accounting (buhalterija), orders.
  roleMailboxes: ['ekspedicija', 'logistika', 'pardavimai', 'buhalterija', 'uzsakymai'],
  unitRoleNouns: ['vadov(?:as|ė)'],
  streetPrefixes: ['g\\.', 'gatvė', 'pr\\.', 'prospektas', 'al\\.'],
  streetWords: ['g\\.', 'gatvė', 'pr\\.', 'prospektas'],
  // "Gedimino pr. 5", "Konstitucijos g. 7".
  streetWordsSpaced: ['g\\.', 'gatvė', 'pr\\.', 'prospektas'],
  countries: ['lietuva', 'lithuania'],
  phoneMobile: ['mob\\.?'],
  phoneFax: ['faks\\.?'],
};
