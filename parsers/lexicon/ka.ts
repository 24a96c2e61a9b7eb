/**
 * Georgian word lists of the signature parser. What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts. Georgian has no capitals: names are read by
 * the caseless-script rule of parsers/lines.ts.
 */
import type { Lexicon } from './types.ts';

export const ka: Lexicon = {
  lang: 'ka',
  // Gmail ka: "... X <x@y> დაწერა:".
  quoteWrote: ['დაწერა'],
  // პატივისცემით (respectfully), საუკეთესო სურვილებით (best wishes), მადლობა (thanks).
  valedictions: ['პატივისცემით', 'საუკეთესო სურვილებით', 'მადლობა'],
  noticeCues: ['კონფიდენციალურ'],
  // პროფესორი (professor), დირექტორი, მენეჯერი, სპეციალისტი, უფროსი (head), იურისტი (lawyer), ბუღალტერი.
  titleNouns: [
    'პროფესორი',
    'დირექტორი',
    'მენეჯერი',
    'სპეციალისტი',
    'უფროსი',
    'იურისტი',
    'ბუღალტერი',
    'კონსულტანტი',
    // A producer: "პროდიუსერი".
    'პროდიუსერი',
  ],
  // ინსტიტუტი (institute), დეპარტამენტი, განყოფილება (department), სამსახური (service).
  unitWords: ['ინსტიტუტი', 'დეპარტამენტი', 'განყოფილება', 'სამსახური', 'ფაკულტეტი'],
  // უნივერსიტეტი (university); შპს (LLC), სს (JSC).
  orgWords: ['უნივერსიტეტი', 'შპს', 'სს'],
  // ქუჩა (street), გამზ. / გამზირი (avenue).
  streetWords: ['ქუჩა', 'ქ\\.', 'გამზ\\.', 'გამზირი'],
  countries: ['საქართველო'],
  phoneWork: ['ტელ\\.?', 'ტელეფონი'],
  phoneMobile: ['მობ\\.?', 'მობილური'],
};
