/**
 * Dutch word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const nl: Lexicon = {
  lang: 'nl',
  // Greetings opening a message: a reply under its quote has at most one above it.
  greetings: ['hoi', 'hallo', 'beste', 'goedemorgen', 'goedemiddag'],
  valedictions: [
    '(?:met )?vriendelijke groet(?:en)?',
    '(?:met )?hartelijke groet(?:en)?',
    '(?:met )?(?:beste|veel|hartelijke) groeten',
    'groeten',
    'groetjes',
    'groet',
    'mvg',
    '(?:alvast )?bedankt',
    'dank (?:je|u) wel',
    'fijne dag',
  ],
  quoteWrote: ['\\bschreef', '\\bheeft geschreven'],
  quoteIntroStarts: ['Op'],
  quoteFromLabels: ['Van'],
  quoteHeaderLabels: ['Verzonden', 'Aan', 'Onderwerp', 'Verzonden op', 'Datum', 'Cc'],
  quoteSeparators: ['Doorgestuurd door', 'Oorspronkelijk bericht', 'Doorgestuurd bericht'],
  lotusToLabels: ['Aan'],
  // Outlook mobile: "Outlook voor Android downloaden".
  clientFooters: ['Verstuurd vanaf mijn\\b', 'Verzonden vanaf\\b', 'Outlook voor (?:iOS|Android) downloaden'],
  // Google Groups: "Je ontvangt dit bericht omdat je bent geabonneerd op de groep".
  listFooterCues: ['(?:Je|U) ontvangt dit bericht omdat (?:je|u) (?:bent )?geabonneerd'],
  noticeCues: ['\\bvertrouwelijk', '\\bgeadresseerde', 'per abuis'],
  registerCues: [
    // Forwarders' terms: "Al onze werkzaamheden geschieden onder de Nederlandse Expeditievoorwaarden (FENEX)".
    'Expeditievoorwaarden',
    '\\bKvK\\b',
  ],
  followCues: ['Volg ons'],
  ecoCues: ['Denk aan het milieu'],
  titleNouns: [
    // Negotiator: "Onderhandelaar licenties".
    'onderhandelaar',
    // A head of unit: "Hoofd Inkoop".
    'hoofd',
    // Agile roles written as one word: "Productowner Klantportaal".
    'productowner',
    // Bailiffs: "Kandidaat-gerechtsdeurwaarder", "Toegevoegd gerechtsdeurwaarder".
    'gerechtsdeurwaarder',
    'deurwaarder',
    'adviseur',
    // Construction and installation trades: werkvoorbereider (work planner), uitvoerder (site manager), calculator
    // (estimator), tekenaar (draughtsman).
    'werkvoorbereider',
    'uitvoerder',
    'calculator',
    'tekenaar',
    'eigenaar',
    'bedrijfsleider',
    'medewerker',
    'jurist',
    'advocaat',
    'inkoper',
    'verkoper',
    'beheerder',
    'coördinator',
    'vennoot',
    'eigenares',
    'notaris',
    'stagiair(?:e)?',
    'oprichter',
    'medeoprichter',
    'bestuurder',
    'accountmanager',
  ],
  // ...and planners: "Serviceplanner", "Productieplanner".
  titleSuffixes: [
    'gemachtigde',
    'engineer',
    'leider',
    'coördinator',
    'medewerker',
    'adviseur',
    'beheerder',
    'manager',
    'planner',
  ],
  unitWords: [
    'afdeling',
    'departement',
    'directie',
    'sectie',
    // A branch office: "Vestiging Rotterdam", "Filiaal Gent".
    'vestiging',
    'filiaal',
    // A service department: "Technische Dienst", "Buitendienst".
    'dienst',
  ],
  unitSuffixes: ['afdelingen', 'afdeling', 'dienst'],
  functions: [
    'verkoop',
    'inkoop',
    'personeelszaken',
    'financiën',
    'juridische zaken',
    'klantenservice',
    'marketing',
    'logistiek',
    'communicatie',
    'facilitaire zaken',
    'kwaliteit',
    'planning',
    'financiële administratie',
  ],
  legalForms: ['BV', 'B\\.V', 'NV', 'N\\.V', 'BVBA', 'VZW'],
  orgWords: ['consortium', 'universiteit'],
  weakOrgWords: ['groep', 'coöperatie', 'ziekenhuis'],
  streetSuffixes: [
    'laan',
    'straat',
    'plein',
    'gracht',
    'kade',
    'singel',
    'dijk',
    // Flemish street names: "Frankrijklei", "Boomsesteenweg", "Kasteeldreef".
    'lei',
    'dreef',
    'steenweg',
  ],
  poBoxes: ['Postbus'],
  countries: ['nederland', 'belgië'],
  phoneMobile: ['mobiel'],
  phoneWork: ['telefoon', 'kantoor'],
  fieldLabels: ['Naam', 'Functie', 'Bedrijf'],
  // Academic titles written before the name and dropped from it: mr. (law), drs., ir., ing.
  honorifics: ['mr\\.', 'drs\\.', 'ir\\.', 'ing\\.'],
  floorWords: ['verdieping'],
  phoneExtensions: ['toestel'],
  // Shared mailboxes (sales@, accounting@... in nl): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // A warehouse's goods-in (ontvangst), dispatch (expeditie) and warehouse (magazijn) desks.
    'ontvangst',
    'expeditie',
    'magazijn',
    // HR desks: sick-leave case management (verzuim), payroll (salarisadministratie), recruitment (werving).
    'verzuim',
    'salarisadministratie',
    'salaris',
    'werving',
    // A press office.
    'pers',
    'persvoorlichting',
    // A platform's notification sender.
    'notificaties',
    // Trade-mark and patent desks of an IP firm.
    'merken',
    'octrooien',
    // Rights, customs, claims and logistics desks.
    'rechten',
    'douane',
    'logistiek',
    'expeditie',
    // Freight desks: zeevracht (sea freight), luchtvracht (air freight), wegtransport.
    'zeevracht',
    'luchtvracht',
    'wegtransport',
    // Hotels and venues: reservations, events, groups, the front desk.
    'reserveringen',
    'evenementen',
    'groepen',
    'inkoop',
    'verkoop',
    'administratie',
    'boekhouding',
    'facturen',
    'factuur',
    'facturatie',
    'klantenservice',
    'receptie',
    'bestellingen',
    'offerte',
    'offertes',
    'personeelszaken',
    'vacatures',
    'afdeling',
    // The quality desk of a plant.
    'kwaliteit',
  ],
};
