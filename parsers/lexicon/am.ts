/**
 * Amharic word lists of the signature parser (Ethiopic script, no capitals; words are set apart by spaces and
 * lists by the Ethiopic comma "፣"). What each list is and how it is matched: ./types.ts; compiled once into the
 * parsers' patterns by ./index.ts. Entries are regular-expression fragments.
 */
import type { Lexicon } from './types.ts';

export const am: Lexicon = {
  lang: 'am',
  // "ከሰላምታ ጋር" (with greetings), "ከአክብሮት ጋር" (respectfully), "እናመሰግናለን" / "አመሰግናለሁ" (thank you).
  valedictions: ['ከሰላምታ ጋር', 'ከአክብሮት ጋር', 'እናመሰግናለን', 'አመሰግናለሁ'],
  // ኃላፊ (head), ሥራ አስኪያጅ (manager), ዳይሬክተር (director), ባለሙያ (specialist), አስተባባሪ (coordinator),
  // ሰራተኛ / ሠራተኛ (officer, employee).
  titleNouns: [
    'ኃላፊ',
    'ሥራ አስኪያጅ',
    'ስራ አስኪያጅ',
    'ዳይሬክተር',
    'ባለሙያ',
    'አስተባባሪ',
    // ተቆጣጣሪ (supervisor: "የሳይት ተቆጣጣሪ", site supervisor).
    'ተቆጣጣሪ',
  ],
  // ክፍል (department, section), መምሪያ (division), ዘርፍ (sector), ቡድን (team): the unit's last word.
  // ...and ዳይሬክቶሬት (directorate).
  unitWords: ['ክፍል', 'መምሪያ', 'ዘርፍ', 'ቡድን', 'ዳይሬክቶሬት'],
  // ኤጀንሲ (agency), ሚኒስቴር (ministry), ባለሥልጣን (authority).
  orgWords: ['ኤጀንሲ', 'ሚኒስቴር', 'ባለሥልጣን'],
  // ኃ.የተ.የግ.ማ. (private limited company), አ.ማ. (share company).
  // ...written with slashes too ("ኃ/የተ/የግ/ማ").
  legalFormsNative: ['ኃ[./]የተ[./]የግ[./]ማ\\.?', 'አ\\.ማ\\.?'],
  // Addis Ababa addresses: ክፍለ ከተማ (sub-city), ወረዳ (woreda, district), ቀበሌ (kebele, ward).
  premisesWords: ['ክፍለ ከተማ', 'ወረዳ', 'ቀበሌ'],
  // ስልክ (telephone), ቢሮ (office), ሞባይል / ተንቀሳቃሽ (mobile), ፋክስ (fax).
  phoneWork: ['ስልክ', 'ቢሮ'],
  phoneMobile: ['ሞባይል', 'ተንቀሳቃሽ'],
  phoneFax: ['ፋክስ'],
  countries: ['ኢትዮጵያ'],
};
