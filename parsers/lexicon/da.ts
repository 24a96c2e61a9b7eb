/**
 * Danish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const da: Lexicon = {
  lang: 'da',
  valedictions: ['(?:med )?venlig hilsen', 'hilsen'],
  quoteFromLabels: ['Fra'],
  quoteHeaderLabels: ['Sendt', 'Til', 'Emne'],
  quoteSeparators: ['Videresendt af'],
  lotusToLabels: ['Til'],
  clientFooters: ['Sendt fra min\\b'],
  noticeCues: ['\\bfortrolig'],
  followCues: ['Følg os'],
  titleNouns: [
    'direktør',
    'konsulent',
    'rådgiver',
    'sælger',
    'indkøber',
    'chef',
    'ingeniør',
    'udvikler',
    'ejer',
    'stifter',
    'partner',
    'bogholder',
    'administrerende direktør',
    'adm\. direktør',
  ],
  titleSuffixes: [
    'konsulent',
    'ingeniør',
    'specialist',
    'leder',
    'sælger',
    'chef',
    'udvikler',
    'medarbejder',
    'assistent',
    'koordinator',
  ],
  unitWords: ['institutionen for'],
  legalForms: ['A\\/S', 'ApS'],
  streetSuffixes: ['vej', 'gade'],
  countries: ['danmark'],
  phoneWork: ['tlf'],
  phoneFax: ['tlf\\.? ?fax'],
  fieldLabels: ['Navn', 'Stilling'],
  floorWords: ['sal'],
};
