/**
 * Finnish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const fi: Lexicon = {
  lang: 'fi',
  valedictions: ['ystävällisin terveisin', 'terveisin'],
  quoteWrote: ['\\bkirjoitti'],
  quoteFromLabels: ['Lähettäjä'],
  quoteHeaderLabels: ['Lähetetty', 'Vastaanottaja', 'Aihe'],
  clientFooters: ['Lähetetty (?:iPhonesta|iPadista|Android)'],
  noticeCues: ['luottamuksellinen', '\\bvastaanottaja'],
  registerCues: ['Y-tunnus'],
  titleSuffixes: [
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
  ],
  unitWords: ['osasto', 'yksikkö'],
  unitSuffixes: ['osasto'],
  functions: ['myynti', 'hankinnat', 'talous', 'henkilöstöhallinto'],
  legalForms: ['Oy', 'Oyj'],
  streetSuffixes: ['tie', 'katu', 'kuja', 'polku', 'tori'],
  poBoxAbbrevs: ['PL'],
  countries: ['suomi'],
  phoneWork: ['puh', 'puhelin'],
  phoneMobile: ['matkapuhelin', 'kännykkä'],
  fieldLabels: ['Nimi', 'Nimike', 'Yritys', 'Osoite'],
  titleNouns: [
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
  ],
};
