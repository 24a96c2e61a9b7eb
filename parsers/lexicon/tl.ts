/**
 * Filipino (Tagalog) word lists of the signature parser; Philippine business mail mixes them with
 * English ("Taglish"), whose words are in ./en.ts. What each list is and how it is matched: ./types.ts.
 */
import type { Lexicon } from './types.ts';

export const tl: Lexicon = {
  lang: 'tl',
  // "Salamat po," (thank you, with the polite po), "Maraming salamat", "Lubos na gumagalang" (respectfully).
  valedictions: ['(?:maraming )?salamat(?: po)?(?: ulit)?', 'lubos na gumagalang'],
  // A barangay (the smallest district) in an address: "Brgy. San Vicente".
  streetPrefixes: ['brgy\\.', 'barangay'],
};
