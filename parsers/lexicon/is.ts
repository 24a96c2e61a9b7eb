/**
 * Icelandic word lists of the signature parser. What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression fragments.
 * The legal form "ehf." is in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const is: Lexicon = {
  lang: 'is',
  // Greetings opening a message: "Sæl/Sæll" (to a woman / a man), "Hæ".
  greetings: ['sæl', 'sæll', 'sælir', 'hæ'],
  // "Kveðja," / "Bestu kveðjur," / "Með kveðju," / "Kær kveðja," (regards), "Takk fyrir" (thanks).
  valedictions: [
    '(?:bestu |kær |góðar |með (?:bestu |góðri )?)?kveðj(?:a|u|ur)',
    'takk fyrir(?: mig)?',
    '(?:kærar |bestu )?þakkir',
  ],
  // Outlook's Icelandic quote header: Frá (From), Sent, Til (To), Afrit (Cc), Efni (Subject).
  quoteFromLabels: ['Frá'],
  quoteHeaderLabels: ['Til', 'Afrit', 'Efni'],
  // Gmail: "Þann mán., 2. mar. 2026 kl. 10:12 skrifaði Jón <jon@...>:".
  quoteWrote: ['skrifaði'],
  noticeCues: ['\\btrúnaðarmál', 'trúnaðarupplýsingar'],
  // Compound titles end in -stjóri (manager, director: framkvæmdastjóri CEO, framleiðslustjóri production
  // manager, sölustjóri sales manager), -fræðingur (a professional of a field: verkfræðingur engineer,
  // lögfræðingur lawyer), -ráðgjafi (adviser), -fulltrúi (officer, representative).
  titleNouns: [
    'forstjóri',
    'framkvæmdastjóri',
    'sérfræðingur',
    'ráðgjafi',
    'framleiðandi',
    'stjórnarformaður',
  ],
  titleSuffixes: ['stjóri', 'fræðingur', 'ráðgjafi', 'fulltrúi', 'framleiðandi'],
  // Deild (department: "Söludeild"), svið (division: "Fjármálasvið").
  unitWords: ['deild', 'svið'],
  unitSuffixes: ['deild', 'deildin', 'svið', 'sviðið'],
  legalForms: ['hf'],
  // Street names end in -gata, -vegur, -stræti, -braut, -garður, -tún, -torg, -stígur, -slóð, -hraun: "Grandagarður
  // 55".
  streetSuffixes: [
    'gata',
    'götu',
    'vegur',
    'vegi',
    'stræti',
    'braut',
    'garður',
    'tún',
    'torg',
    'stígur',
    'slóð',
    'hraun',
  ],
  countries: ['ísland'],
  // Sími (telephone), farsími / GSM (mobile), bein lína (direct line).
  phoneWork: ['sími', 'bein lína', 'beinn sími'],
  phoneMobile: ['farsími', 'gsm'],
};
