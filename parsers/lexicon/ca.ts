/**
 * Catalan word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const ca: Lexicon = {
  lang: 'ca',
  streetPrefixes: ['carrer', 'passeig', 'c\\/'],
  // Telèfon (telephone), mòbil (mobile).
  phoneWork: ['telèfon'],
  phoneMobile: ['mòbil', 'mobil'],
};
