/**
 * Catalan word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const ca: Lexicon = {
  lang: 'ca',
  // Gmail and Thunderbird ca: "El 24/2/26 a les 18:03, X ha escrit:".
  quoteWrote: ['\\bha escrit', '\\bva escriure'],
  // Units: departament, grup de recerca (research group), àrea, servei, unitat, direcció, secció.
  unitWords: [
    // A council's service: "Servei de Mobilitat i Espai Públic".
    'servei',
    'departament',
    'grup de recerca',
    'àrea de',
    'servei de',
    'unitat de',
    'direcció de',
    'secció de',
  ],
  // Edifici (building), despatx (office room), planta (floor).
  premisesWords: ['edifici', 'despatx', 'planta'],
  buildingWords: ['Edifici'],
  streetPrefixes: ['carrer', 'passeig', 'c\\/'],
  // Tècnic / tècnica (officer, specialist: "Tècnica de Mobilitat"), cap (head), director / directora.
  titleNouns: ['tècnic(?:a)?', 'cap de', 'director(?:a)?', 'coordinador(?:a)?'],
  // Ajuntament (a town council), Generalitat, Diputació (a province's council), universitat.
  orgWords: ['ajuntament', 'generalitat', 'diputació', 'universitat'],
  // Telèfon (telephone), mòbil (mobile).
  phoneWork: ['telèfon'],
  phoneMobile: ['mòbil', 'mobil'],
};
