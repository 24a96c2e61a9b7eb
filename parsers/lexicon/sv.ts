/**
 * Swedish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const sv: Lexicon = {
  lang: 'sv',
  valedictions: ['tack', 'vänliga hälsningar', 'med vänlig hälsning', '(?:med )?vänlig hilsen', 'hälsningar'],
  quoteWrote: ['\\bskrev'],
  quoteIntroStarts: ['Den', 'På'],
  quoteFromLabels: ['Från'],
  quoteHeaderLabels: ['Skickat', 'Till', 'Ämne', 'Skickat den'],
  quoteSeparators: ['Vidarebefordrat av', 'Ursprungligt meddelande', 'Vidarebefordrat meddelande'],
  lotusToLabels: ['Till'],
  clientFooters: ['Skickat från min\\b', 'Skickat från\\b'],
  noticeCues: ['\\bkonfidentiell', '\\badressat'],
  followCues: ['Följ oss'],
  ecoCues: ['Tänk på miljön'],
  titleNouns: ['direktör', 'rådgivare', 'lektor'],
  titleSuffixes: ['rådgivare', 'ingenjör', 'konsult', 'samordnare', 'ansvarig', 'lektor'],
  unitWords: ['avdelning', 'institutionen för'],
  unitSuffixes: ['avdelning', 'avdelningen'],
  functions: ['inköp', 'försäljning', 'ekonomi'],
  legalForms: ['AB'],
  orgWords: ['högskola', 'högskolan', 'universitet'],
  streetSuffixes: ['gatan', 'gata', 'vägen', 'väg'],
  poBoxAbbrevs: ['Box'],
  countries: ['sverige'],
  phoneWork: ['tfn', 'växel', 'vaxel'],
  phoneMobile: ['mobiltelefon'],
  fieldLabels: ['Namn', 'Befattning', 'Företag', 'Adress'],
};
