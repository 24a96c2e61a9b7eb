/**
 * Sinhala word lists of the signature parser (Sri Lanka). What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts.
 */
import type { Lexicon } from './types.ts';

export const si: Lexicon = {
  lang: 'si',
  // ස්තූතියි (thank you), මෙයට විශ්වාසී (yours faithfully), සුභ පැතුම් සමඟ (with best wishes).
  valedictions: ['ස්තූතියි', 'මෙයට විශ්වාසී', 'සුභ පැතුම් සමඟ'],
  // කළමනාකරු (manager), අධ්‍යක්ෂ (director), නිලධාරී (officer), ඉංජිනේරු (engineer), ප්‍රධානී (head).
  titleNouns: ['කළමනාකරු', 'අධ්‍යක්ෂ', 'නිලධාරී', 'ඉංජිනේරු', 'ප්‍රධානී'],
  // අංශය (division, department), ඒකකය (unit).
  unitWords: [
    'අංශය',
    'ඒකකය',
    // අත්පත් කර ගැනීම (acquisition: "අඩවි අත්පත් කර ගැනීම", site acquisition).
    'අත්පත් කර ගැනීම',
  ],
  // සමාගම (company), විශ්වවිද්‍යාලය (university).
  orgWords: ['සමාගම', 'විශ්වවිද්‍යාලය'],
  // දුරකථන (telephone), ජංගම (mobile), ෆැක්ස් (fax).
  phoneWork: ['දුරකථන'],
  phoneMobile: ['ජංගම(?: දුරකථන)?'],
  phoneFax: ['ෆැක්ස්'],
  // අංක (number: "අංක 555, ..."), පාර (road).
  streetWords: ['පාර'],
  countries: ['ශ්‍රී ලංකාව'],
  // අංක (number: "අංක 555, කැලණිය පාර").
  streetPrefixes: ['අංක'],
};
