/**
 * Norwegian word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const no: Lexicon = {
  lang: 'no',
  valedictions: ['mvh', '(?:med )?vennlig hilsen'],
  quoteHeaderLabels: ['Emne'],
  followCues: ['Følg oss'],
  titleSuffixes: [
    'rådgiver',
    'sjef',
    'spesialist',
    'ansvarlig',
    'leder',
    'selger',
    'ingeniør',
    'utvikler',
    'konsulent',
    'medarbeider',
    'koordinator',
  ],
  unitWords: ['avdeling', 'institutt for'],
  unitSuffixes: ['avdelingen'],
  legalForms: ['AS', 'ASA'],
  orgWords: ['universitetet'],
  streetSuffixes: ['gaten', 'veien', 'vei'],
  poBoxes: ['Postboks'],
  countries: ['norge'],
  phoneWork: ['tele', 'direkte', 'sentralbord', 'omstilling'],
  fieldLabels: ['Tittel'],
  titleNouns: [
    'daglig leder',
    'selger',
    'innkjøper',
    'ingeniør',
    'utvikler',
    'konsulent',
    'rådgiver',
    'eier',
    'gründer',
    'styreleder',
  ],
};
