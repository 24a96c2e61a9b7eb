/**
 * Estonian word lists of the signature parser. What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts. Titles are compounds ("vanem|analüütik",
 * "müügi|juht"): their endings are titleSuffixes. Legal forms (OÜ, AS) are in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const et: Lexicon = {
  lang: 'et',
  // "Lugupidamisega" (respectfully), "Parimate soovidega" (best wishes), "Tervitades" (greetings).
  valedictions: [
    'lugupidamisega',
    'parimate soovidega',
    'heade soovidega',
    'tervitades',
    'tervitustega',
    'aitäh',
  ],
  quoteWrote: ['kirjutas'],
  // Outlook: Saatja / Saadetud / Adressaat / Koopia / Teema.
  quoteFromLabels: ['Saatja'],
  quoteHeaderLabels: ['Saadetud', 'Adressaat', 'Kellele', 'Koopia', 'Teema'],
  noticeCues: ['konfidentsiaalne', 'adressaadi'],
  titleNouns: ['juhataja', 'juhatuse liige', 'direktor', 'jurist', 'konsultant', 'nõunik', 'spetsialist'],
  titleSuffixes: ['juht', 'analüütik', 'spetsialist', 'insener', 'raamatupidaja', 'nõunik', 'konsultant'],
  // osakond (department), talitus (service), üksus (unit), büroo (office).
  unitWords: ['osakond', 'talitus', 'üksus', 'büroo'],
  unitSuffixes: ['osakond', 'talitus'],
  // tn / tänav (street), mnt / maantee (road), pst / puiestee (avenue).
  streetWords: ['tn', 'tänav', 'mnt', 'maantee', 'pst', 'puiestee'],
  // "Narva mnt 5", "Pärnu pst 12".
  streetWordsSpaced: ['tn', 'tänav', 'mnt', 'maantee', 'pst', 'puiestee'],
  countries: ['eesti', 'estonia'],
  phoneWork: ['telefon'],
  phoneMobile: ['mob', 'mobiil'],
  // OÜ as a keyboard without Ü writes it, at the end of the firm's name: "Baltvac Service OU".
  legalFormsAtEnd: ['OU'],
};
