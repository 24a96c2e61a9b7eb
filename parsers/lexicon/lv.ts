/**
 * Latvian word lists of the signature parser. What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts. Legal forms (SIA, AS) are in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const lv: Lexicon = {
  lang: 'lv',
  // "Ar cieņu" (respectfully), "Ar labiem vēlējumiem" (best wishes), "Paldies" (thanks).
  valedictions: ['ar cieņu', 'ar labiem vēlējumiem', 'visu labu', 'paldies'],
  quoteWrote: ['rakstīja'],
  // Outlook: No / Nosūtīts / Kam / Kopija / Tēma.
  quoteFromLabels: ['No'],
  quoteHeaderLabels: ['Nosūtīts', 'Kam', 'Kopija', 'Tēma'],
  noticeCues: ['konfidenciāl', 'adresāt'],
  // direktors / direktore, vietnieks / vietniece (deputy), vadītājs / vadītāja (head), speciālists,
  // grāmatvedis / grāmatvede (accountant), valdes loceklis (board member).
  titleNouns: [
    'direktor[se]',
    'direktora vietniek[se]',
    'vietniek[se]',
    'vietniece',
    'vadītāj[sa]',
    'speciālist[se]',
    'jurist[se]',
    'grāmatved(?:is|e)',
    'valdes (?:loceklis|locekle|priekšsēdētāj[sa])',
    'konsultant[se]',
    'inženier(?:is|e)',
    'analītiķ(?:is|e)',
  ],
  // daļa / nodaļa (department), departaments, birojs (office).
  unitWords: ['daļa', 'nodaļa', 'departaments', 'birojs'],
  streetWords: ['iela', 'bulvāris', 'gatve', 'laukums'],
  // "Krasta iela 55": the name, the street word, then the number.
  streetWordsSpaced: ['iela', 'bulvāris', 'gatve'],
  countries: ['latvija', 'latvia'],
  phoneWork: ['tālr\\.?', 'tālrunis'],
  phoneMobile: ['mob\\.?', 'mobilais'],
  phoneFax: ['fakss'],
};
