/**
 * Slovenian word lists of the signature parser. What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts. Legal forms (d.o.o., d.d.) are in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const sl: Lexicon = {
  lang: 'sl',
  // "Lep pozdrav" (kind regards), "S spoštovanjem" (respectfully).
  valedictions: ['lep pozdrav', 'lepe pozdrave', 's spoštovanjem', 'hvala(?: lepa)?'],
  quoteWrote: ['je napisal(?:a)?'],
  // Outlook: Od / Poslano / Za / Kp / Zadeva.
  quoteFromLabels: ['Od'],
  quoteHeaderLabels: ['Poslano', 'Za', 'Kp', 'Zadeva'],
  noticeCues: ['zaupn', 'naslovnik'],
  // direktor / direktorica, vodja (head), svetovalec / svetovalka (adviser), referent / referentka,
  // pravnik / pravnica (lawyer), odvetnik / odvetnica (attorney), računovodja (accountant), prokurist.
  titleNouns: [
    'direktor(?:ica)?',
    'vodja',
    'svetoval(?:ec|ka)',
    'referent(?:ka)?',
    'pravni(?:k|ca)',
    'odvetni(?:k|ca)',
    'računovodja',
    'prokurist(?:ka)?',
    'inženir(?:ka)?',
    'strokovn(?:i|a) sodelav(?:ec|ka)',
  ],
  // oddelek (department), sektor, služba (service), urad (office).
  unitWords: ['oddelek', '^sektor(?= )', 'služba', 'urad'],
  streetWords: ['ulica', 'cesta', 'trg'],
  // "Dunajska cesta 5", "Slovenska ulica 12".
  streetWordsSpaced: ['ulica', 'cesta', 'trg'],
  countries: ['slovenija', 'slovenia'],
  phoneMobile: ['gsm', 'mob\\.?'],
  phoneFax: ['faks'],
};
