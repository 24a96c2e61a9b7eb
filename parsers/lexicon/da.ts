/**
 * Danish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const da: Lexicon = {
  lang: 'da',
  // A hospital unit or hospital: "Hospitalsenhed Vestkyst".
  orgWords: ['hospitalsenhed', 'hospital', 'sygehus'],
  // Greetings opening a message: a reply under its quote has at most one above it.
  greetings: ['hej', 'kære'],
  valedictions: [
    '(?:med )?venlig hilsen',
    '(?:med )?venlige hilsner',
    '(?:de )?bedste hilsner',
    'kærlig hilsen',
    'hilsen',
    'hilsner',
    '(?:mange )?tak(?: på forhånd)?',
    'på forhånd tak',
    'god weekend',
    'vh',
  ],
  quoteFromLabels: ['Fra'],
  quoteHeaderLabels: ['Sendt', 'Til', 'Emne', 'Dato'],
  quoteSeparators: [
    'Videresendt af',
    'Oprindelig meddelelse',
    'Oprindelig besked',
    'Videresendt besked',
    'Videresendt meddelelse',
  ],
  // Apple Mail: "Start på videresendt besked:".
  forwardIntros: ['Start på videresendt besked'],
  lotusToLabels: ['Til'],
  clientFooters: ['Sendt fra min\\b'],
  noticeCues: ['\\bfortrolig'],
  followCues: ['Følg os'],
  titleNouns: [
    // A veterinarian (dyrlæge).
    'dyrlæge',
    'direktør',
    'konsulent',
    'rådgiver',
    'sælger',
    'indkøber',
    'chef',
    'ingeniør',
    'udvikler',
    'ejer',
    'stifter',
    'partner',
    'bogholder',
    'administrerende direktør',
    'adm\. direktør',
    'revisor',
    'advokat',
    'adjunkt',
    'sekretær',
    'analytiker',
    'arkitekt',
    'indehaver',
    '(?:bestyrelses|næst)?formand',
  ],
  titleSuffixes: [
    // Lawyers: "Kontraktjurist", "Virksomhedsjurist".
    'jurist',
    // Case officers: "Byggesagsbehandler", "Sagsbehandler".
    'behandler',
    'konsulent',
    'ingeniør',
    'specialist',
    'leder',
    'sælger',
    'chef',
    'udvikler',
    'medarbejder',
    'assistent',
    'koordinator',
    'direktør',
    'rådgiver',
    'analytiker',
    'arkitekt',
    'ansvarlig',
    'sekretær',
    'tekniker',
    // "Fødevareinspektør" (food inspector).
    'inspektør',
  ],
  // "Salgsafdelingen", "Afdeling for Kundeservice", "Institut for Datalogi".
  unitWords: ['institutionen for', 'afdeling', 'afdelingen', 'institut for'],
  unitSuffixes: [
    'afdeling',
    'afdelingen',
    // An inspection unit: "Importkontrollen".
    'kontrollen',
  ],
  // A municipality's building, planning and environment department: "Byg, Plan og Miljø", "Teknik og Miljø".
  // ...and a hotel's or bank's corporate segment: "Salgschef, Erhverv".
  functions: [
    // Research and contracts: "Forskningsjura og Kontrakter".
    'kontrakter',
    'forskning',
    'jura',
    'salg',
    'indkøb',
    'økonomi',
    'kundeservice',
    'regnskab',
    'byg',
    'miljø',
    'erhverv',
  ],
  // Danish compounds named by their field: "Kontraktsalg", "Eksportsalg", "Kundeservice".
  functionSuffixes: ['salg', 'indkøb', 'service', 'regnskab', 'logistik'],
  legalForms: ['A\\/S', 'ApS'],
  streetSuffixes: ['vej', 'gade', 'allé', 'stræde', 'plads', 'torv', 'vænget', 'vejen', 'gaden'],
  // "H.C. Andersens Boulevard 2", "Frederiks Allé 4", "Kongens Vej 3".
  streetWordsSpaced: ['Boulevard', 'Allé', 'Vej', 'Gade', 'Plads'],
  poBoxAbbrevs: ['Boks'],
  countries: ['danmark'],
  // hovednummer (main number), fastnet (landline), mobiltlf. (mobile).
  phoneWork: ['tlf', 'hovednummer', 'fastnet'],
  phoneMobile: ['mobiltlf'],
  phoneFax: ['tlf\\.? ?fax'],
  fieldLabels: ['Navn', 'Stilling', 'Besøgsadresse', 'Postadresse', 'Adresse'],
  floorWords: ['sal'],
  // Shared mailboxes (sales@, accounting@... in da): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: ['bogholderi', 'faktura', 'salg', 'indkob', 'kontakt', 'kundeservice', 'ordre'],
};
