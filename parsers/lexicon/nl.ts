/**
 * Dutch word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const nl: Lexicon = {
  lang: 'nl',
  valedictions: ['met vriendelijke groet(?:en)?', 'groeten'],
  quoteWrote: ['\\bschreef', '\\bheeft geschreven'],
  quoteIntroStarts: ['Op'],
  quoteFromLabels: ['Van'],
  quoteHeaderLabels: ['Verzonden', 'Aan', 'Onderwerp', 'Verzonden op'],
  quoteSeparators: ['Doorgestuurd door', 'Oorspronkelijk bericht', 'Doorgestuurd bericht'],
  lotusToLabels: ['Aan'],
  clientFooters: ['Verstuurd vanaf mijn\\b', 'Verzonden vanaf\\b'],
  noticeCues: ['\\bvertrouwelijk', '\\bgeadresseerde', 'per abuis'],
  registerCues: ['\\bKvK\\b'],
  followCues: ['Volg ons'],
  ecoCues: ['Denk aan het milieu'],
  titleNouns: [
    'adviseur',
    'eigenaar',
    'bedrijfsleider',
    'medewerker',
    'jurist',
    'advocaat',
    'inkoper',
    'verkoper',
  ],
  titleSuffixes: ['leider'],
  unitWords: ['afdeling', 'departement'],
  unitSuffixes: ['afdelingen', 'afdeling'],
  functions: ['verkoop', 'inkoop', 'personeelszaken', 'financiën', 'juridische zaken', 'klantenservice'],
  legalForms: ['BV', 'B\\.V', 'NV', 'N\\.V'],
  orgWords: ['universiteit'],
  weakOrgWords: ['groep', 'coöperatie', 'ziekenhuis'],
  streetSuffixes: ['laan', 'straat', 'plein', 'gracht', 'kade', 'singel', 'dijk'],
  poBoxes: ['Postbus'],
  countries: ['nederland', 'belgië'],
  phoneMobile: ['mobiel'],
  fieldLabels: ['Naam', 'Functie', 'Bedrijf'],
  floorWords: ['verdieping'],
  phoneExtensions: ['toestel'],
};
