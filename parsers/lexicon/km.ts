/**
 * Khmer word lists of the signature parser (Cambodia). Khmer writes no spaces between the words of a phrase;
 * the titles are matched anywhere in a cell (titleNounsNative). What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts.
 */
import type { Lexicon } from './types.ts';

export const km: Lexicon = {
  lang: 'km',
  // សូមអរគុណ (thank you), ដោយក្តីគោរព (respectfully).
  valedictions: ['សូមអរគុណ', 'ដោយក្តីគោរព'],
  // ប្រធាន (head, chief: "ប្រធានផ្នែកផលិតកម្ម"), អ្នកគ្រប់គ្រង (manager), នាយក (director), មន្ត្រី (officer).
  titleNounsNative: ['ប្រធាន', 'អ្នកគ្រប់គ្រង', 'នាយក', 'មន្ត្រី'],
  // ក្រុមហ៊ុន (company).
  orgWords: ['ក្រុមហ៊ុន'],
  // ទូរស័ព្ទ (telephone), ទូរស័ព្ទដៃ (mobile).
  phoneWork: ['ទូរស័ព្ទ'],
  phoneMobile: ['ទូរស័ព្ទដៃ'],
  countries: ['កម្ពុជា'],
  // ឡូតិ៍ (lot), ផ្លូវ (street).
  streetPrefixes: ['ឡូតិ៍', 'ផ្លូវ'],
};
