/**
 * Italian word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const it: Lexicon = {
  lang: 'it',
  valedictions: ['cordiali saluti', 'saluti', 'distinti saluti', 'grazie', 'un caro saluto', 'ciao'],
  quoteWrote: ['\\bha scritto', '\\bscrisse'],
  quoteIntroStarts: ['Il'],
  quoteFromLabels: ['Da'],
  quoteHeaderLabels: ['Inviato', 'Data', 'A', 'Oggetto', 'Inviato il'],
  quoteSeparators: ['Inoltrato da', 'Messaggio originale', 'Messaggio inoltrato'],
  forwardIntros: ['Inizio messaggio inoltrato'],
  clientFooters: ['Inviato dal mio\\b', 'Inviato da\\b'],
  noticeCues: ['riservat', '\\bconfiden(?:cial|ziale|cialidade)', 'avviso legale', 'per errore'],
  registerCues: ['P\\.\\s?IVA', 'Partita IVA', 'Capitale sociale'],
  followCues: ['Seguici'],
  ecoCues: ['Prima di stampare'],
  titleNouns: [
    'direttore',
    'responsabile',
    'ingegnere',
    'amministratore',
    'consulente',
    'titolare',
    'impiegat[oa]',
    'tecnico',
    'avvocato',
  ],
  unitWords: ['dipartimento', 'ufficio', 'divisione'],
  functions: ['risorse umane', 'acquisti', 'vendite', 'amministrazione', 'contabilità', 'ufficio legale'],
  legalForms: ['SRL', 'S\\.r\\.l', 'SpA', 'S\\.p\\.A'],
  orgWords: ['università'],
  weakOrgWords: ['gruppo', 'ospedale'],
  streetPrefixes: ['via', 'viale', 'piazza', 'corso', 'largo'],
  poBoxes: ['Casella postale'],
  poBoxAbbrevs: ['CP'],
  countries: ['italia', 'svizzera'],
  phoneWork: ['telefono', 'centralino', 'ufficio'],
  phoneMobile: ['cellulare'],
  fieldLabels: ['Nome', 'Ruolo', 'Società', 'Azienda', 'Indirizzo'],
  premisesWords: ['sala'],
  honorifics: ['Arch\\.', 'Ing\\.', 'Avv\\.', 'Dott\\.', 'Dott\\.ssa', 'Geom\\.'],
  linkLabels: ['sito web'],
  phoneExtensions: ['int\\.'],
};
