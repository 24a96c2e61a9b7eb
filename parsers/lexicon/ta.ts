/**
 * Tamil word lists of the signature parser (Tamil Nadu, Sri Lanka, Singapore). What each list is and how it is
 * matched: ./types.ts; compiled once into the parsers' patterns by ./index.ts.
 */
import type { Lexicon } from './types.ts';

export const ta: Lexicon = {
  lang: 'ta',
  // அன்புடன் (with love), நன்றி (thank you), வணக்கத்துடன் (with respect).
  valedictions: ['அன்புடன்', 'நன்றி(?:யுடன்)?', 'வணக்கத்துடன்', 'இப்படிக்கு'],
  // மேலாளர் (manager), இயக்குநர் (director), அலுவலர் (officer), பொறியாளர் (engineer), தலைவர் (head, chair),
  // ஆலோசகர் (consultant), ஒருங்கிணைப்பாளர் (coordinator).
  titleNouns: ['மேலாளர்', 'இயக்குநர்', 'அலுவலர்', 'பொறியாளர்', 'தலைவர்', 'ஆலோசகர்', 'ஒருங்கிணைப்பாளர்'],
  // பிரிவு (division, section), துறை (department).
  unitWords: ['பிரிவு', 'துறை'],
  // மில்ஸ் (mills), நிறுவனம் (company), லிமிடெட் (limited), பல்கலைக்கழகம் (university).
  orgWords: ['மில்ஸ்', 'நிறுவனம்', 'லிமிடெட்', 'பல்கலைக்கழகம்'],
  // கைபேசி / அலைபேசி (mobile), அலுவலகம் (office), தொலைபேசி (telephone).
  phoneMobile: ['கைபேசி', 'அலைபேசி'],
  phoneWork: ['அலுவலகம்', 'தொலைபேசி'],
  countries: ['இந்தியா', 'இலங்கை'],
  // எண் (number: "எண் 55, ..."), சாலை (road), தெரு (street).
  streetPrefixes: ['எண்', 'சாலை', 'தெரு'],
};
