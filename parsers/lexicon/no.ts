/**
 * Norwegian word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const no: Lexicon = {
  lang: 'no',
  // Greetings opening a message: a reply under its quote has at most one above it.
  greetings: ['hei', 'hallo'],
  valedictions: [
    'mvh',
    '(?:med )?vennlig hilsen',
    '(?:med )?vennlige hilsener',
    'beste hilsen',
    '(?:tusen )?takk(?: på forhånd)?',
    'på forhånd takk',
    'god helg',
  ],
  quoteHeaderLabels: ['Emne', 'Kopi'],
  quoteSeparators: ['Opprinnelig melding', 'Videresendt melding'],
  // Apple Mail: "Start på videresendt melding:".
  forwardIntros: ['Start på videresendt melding'],
  clientFooters: ['Hent Outlook for'],
  noticeCues: ['\\bkonfidensiell', 'taushetsbelagt'],
  followCues: ['Følg oss'],
  titleSuffixes: [
    // Pharmacists: "Provisorfarmasøyt", "Reseptarfarmasøyt".
    'farmasøyt',
    // Brokers: seniormegler, eiendomsmegler, valutamegler.
    'megler',
    'rådgiver',
    'sjef',
    'spesialist',
    'ansvarlig',
    'leder',
    'selger',
    'ingeniør',
    'utvikler',
    'konsulent',
    'medarbeider',
    'koordinator',
    'direktør',
    'forsker',
    'saksbehandler',
    'analytiker',
    'arkitekt',
    'tekniker',
    'sekretær',
  ],
  unitWords: ['avdeling', 'institutt for', 'seksjon'],
  // A bank's desks ("Valutadesk", "Rentedesk").
  unitSuffixes: ['avdelingen', 'avdeling', 'seksjonen', 'seksjon', 'desk'],
  // ...and IT functions: integrasjon (integration), drift (operations), utvikling (development).
  functions: ['salg', 'innkjøp', 'økonomi', 'kundeservice', 'regnskap', 'integrasjon', 'drift', 'utvikling'],
  // HF: a health trust (helseforetak: "Sykehusapoteket Fjordvik HF").
  legalForms: ['AS', 'ASA', 'HF'],
  orgWords: ['universitetet'],
  streetSuffixes: [
    'gaten',
    'veien',
    'vei',
    'gata',
    'gate',
    'vegen',
    'veg',
    'plass',
    'torget',
    'bakken',
    'brygge',
  ],
  // "Karl Johans gate 5", "Kongens gate 12", "Jernbanetorget 1".
  streetWordsSpaced: ['gate', 'gata', 'vei', 'veg', 'plass'],
  poBoxes: ['Postboks', 'Pb\\.'],
  countries: ['norge'],
  phoneWork: ['tele', 'direkte', 'sentralbord', 'omstilling', 'sentral'],
  // Besøks-/Postadresse: the visiting and postal address labels before the address.
  fieldLabels: ['Tittel', 'Besøksadresse', 'Postadresse', 'Adresse'],
  // leder (head): "Leder for juridisk avdeling" heads the unit it names, a title.
  unitRoleNouns: ['leder'],
  titleNouns: [
    'leder',
    'daglig leder',
    'selger',
    'innkjøper',
    'ingeniør',
    'utvikler',
    'konsulent',
    'rådgiver',
    'eier',
    'gründer',
    'styreleder',
    'advokat',
    'advokatfullmektig',
    'revisor',
    'regnskapsfører',
    'forsker',
    'professor',
    'førsteamanuensis',
    'stipendiat',
    'analytiker',
    'arkitekt',
    'styremedlem',
    'saksbehandler',
  ],
  // Shared mailboxes (sales@, accounting@... in no): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // A bookings desk (bestilling).
    'bestilling',
    'regnskap',
    'faktura',
    'salg',
    'innkjop',
    'post',
    'postmottak',
    'kundeservice',
    'ordre',
    'kontakt',
  ],
  // Operations named by their field: "Bakkeoperasjoner" (ground operations).
  functionSuffixes: ['operasjoner'],
};
