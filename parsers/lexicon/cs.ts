/**
 * Czech word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const cs: Lexicon = {
  lang: 'cs',
  valedictions: ['s pozdravem'],
  quoteWrote: ['\\bnapsal(?:\\(a\\)|a)?'],
  quoteHeaderLabels: ['Odesláno', 'Komu', 'Předmět', 'Kopie'],
  lotusToLabels: ['Komu'],
  clientFooters: ['Odesláno z (?:mého|iPhonu)\\b'],
  noticeCues: ['\\bpoufn', '\\bdůvěrn', '\\badresát'],
  registerCues: ['IČO', 'DIČ'],
  titleNouns: ['jednatel(?:ka)?', 'ředitel(?:ka)?', 'vedoucí', 'projektant', 'prokurista'],
  legalForms: ['s\\.r\\.o', 'spol\\. s r\\.o', 'v\\.o\\.s'],
  legalFormsAtEnd: ['a\\.s'],
  fieldLabels: ['Jméno', 'Funkce', 'Adresa'],
  phoneExtensions: ['lok\\.'],
};
