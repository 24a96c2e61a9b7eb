/**
 * Polish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const pl: Lexicon = {
  lang: 'pl',
  valedictions: ['z poważaniem', 'pozdrawiam', 'pozdrowienia'],
  quoteWrote: ['\\bnapisał(?:\\(a\\)|a)?', '\\bpisze'],
  quoteFromLabels: ['Od'],
  quoteHeaderLabels: ['Wysłano', 'Wysłane', 'Do', 'DW', 'Temat'],
  lotusToLabels: ['Do'],
  clientFooters: ['Wysłane z mojego\\b'],
  noticeCues: ['\\badresat'],
  registerCues: ['NIP:', 'KRS:'],
  titleNouns: [
    'specjalista',
    'kierownik',
    'dyrektor',
    'prezes',
    'właściciel',
    'menedżer',
    'doradca',
    'asystent(?:ka)?',
    'księgow[ay]',
  ],
  unitWords: ['dział', 'wydział', 'departament'],
  functions: ['logistyka', 'sprzedaż', 'kadry', 'księgowość', 'zakupy'],
  legalForms: ['Sp\\. z o\\.o'],
  orgWords: ['uniwersytet', 'politechnika'],
  streetPrefixes: ['ul\\.', 'al\\.', 'os\\.', 'ulica', 'aleja'],
  countries: ['polska'],
  phoneMobile: ['kom', 'komórka', 'tel\\. kom'],
  phoneFax: ['faks'],
  fieldLabels: ['Imię i nazwisko', 'Stanowisko', 'Adres'],
  phoneExtensions: ['wew\\.'],
};
