/**
 * Swedish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const sv: Lexicon = {
  lang: 'sv',
  // Greetings opening a message: a reply under its quote has at most one above it.
  greetings: ['hej', 'hejsan', 'god morgon'],
  valedictions: [
    'tack(?: så mycket| på förhand| och hälsningar)?',
    'stort tack',
    '(?:med )?(?:vänliga|bästa|varma|många) hälsningar',
    'med vänlig hälsning',
    '(?:med )?vänlig hilsen',
    'hälsningar',
    'allt gott',
    'trevlig helg',
  ],
  quoteWrote: ['\\bskrev'],
  quoteIntroStarts: ['Den', 'På'],
  quoteFromLabels: ['Från'],
  quoteHeaderLabels: ['Skickat', 'Till', 'Ämne', 'Skickat den', 'Kopia', 'Datum'],
  quoteSeparators: ['Vidarebefordrat av', 'Ursprungligt meddelande', 'Vidarebefordrat meddelande'],
  lotusToLabels: ['Till'],
  clientFooters: ['Skickat från min\\b', 'Skickat från\\b', 'Hämta Outlook för'],
  noticeCues: ['\\bkonfidentiell', '\\badressat'],
  followCues: ['Följ oss'],
  ecoCues: ['Tänk på miljön'],
  titleNouns: [
    'direktör',
    'rådgivare',
    'lektor',
    'säljare',
    'inköpare',
    'konsult',
    'handläggare',
    'ekonom',
    'vd',
    'verkställande direktör',
    'chef',
    'controller',
    'koordinator',
    'projektledare',
    'ingenjör',
    'utvecklare',
    'grundare',
    'delägare',
    'ordförande',
    'vice vd',
    'forskare',
    'doktorand',
    'advokat',
    'jurist',
    'revisor',
    'sekreterare',
    'analytiker',
    'arkitekt',
    'ägare',
    'styrelseledamot',
    // Planners: "Nätplanerare" (network planner), "Produktionsplanerare".
    'planerare',
    // Health care: apotekare (pharmacist), läkare (physician), sjuksköterska (nurse), forskningssjuksköterska.
    'apotekare',
    'läkare',
    'sjuksköterska',
    'tekniker',
    // Managers of a holding: "Portföljförvaltare" (portfolio manager), "Fastighetsförvaltare".
    'förvaltare',
    // Producers (film, sound, events): "Producent", "Exekutiv producent".
    'producent',
    // Geologists; design engineers ("Elektronikkonstruktör").
    'geolog',
    'konstruktör',
  ],
  titleSuffixes: [
    // "Forskningssjuksköterska" (research nurse).
    'sjuksköterska',
    'konstruktör',
    'förvaltare',
    'planerare',
    'rådgivare',
    'ingenjör',
    'konsult',
    'samordnare',
    'ansvarig',
    'lektor',
    'säljare',
    'inköpare',
    'chef',
    'ledare',
    'handläggare',
    'utvecklare',
    'tekniker',
    'ekonom',
    'analytiker',
    'arkitekt',
    'forskare',
    'direktör',
  ],
  unitWords: [
    'avdelning',
    'institutionen för',
    'sektion',
    // The unit, definite ("Enheten för avtal och förvärv").
    'enheten',
  ],
  unitSuffixes: [
    'avdelning',
    'avdelningen',
    'enheten',
    'enhet',
    'sektionen',
    // An office of an institution: "Innovationskontoret".
    'kontoret',
    // A municipality's administration: "Samhällsbyggnadsförvaltningen".
    'förvaltningen',
  ],
  // FoU: forskning och utveckling (R&D).
  // ...and law firms' practice groups: "Tvistlösning & Skiljeförfarande" (dispute resolution and arbitration).
  functions: [
    // Group finance: "Ekonomichef, Koncernekonomi".
    'koncernekonomi',
    'inköp',
    'försäljning',
    'ekonomi',
    'marknad',
    'kundtjänst',
    'logistik',
    'FoU',
    'analys',
    'tvistlösning',
    'skiljeförfarande',
    'processrätt',
    // Aftermarket (service and parts): "Servicetekniker, Eftermarknad".
    'eftermarknad',
  ],
  // Compounds naming a function by its last part: "Makroanalys", "Kreditanalys", "Centralinköp", "IT-förvaltning".
  functionSuffixes: ['analys', 'inköp', 'försäljning', 'förvaltning'],
  legalForms: ['AB'],
  // ...and hospitals: "Norrviks universitetssjukhus", "Sjukhuset i Ådal".
  // ...and foundations: "Stiftelsen för akademiskt utbyte".
  orgWords: [
    'högskola',
    'högskolan',
    'universitet',
    'universitetssjukhus',
    'sjukhus',
    'sjukhuset',
    'stiftelsen?',
  ],
  streetSuffixes: [
    'gatan',
    'gata',
    'vägen',
    'väg',
    'torget',
    'torg',
    'gränd',
    'allén',
    'backen',
    'kajen',
    'platsen',
    'esplanaden',
  ],
  poBoxAbbrevs: ['Box'],
  countries: ['sverige'],
  phoneWork: ['tfn', 'växel', 'vaxel'],
  phoneMobile: ['mobiltelefon'],
  // Besöks-/Post-/Leveransadress: the visiting, postal and delivery address labels before the address.
  fieldLabels: ['Namn', 'Befattning', 'Företag', 'Adress', 'Besöksadress', 'Postadress', 'Leveransadress'],
  // Shared mailboxes (sales@, accounting@... in sv): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // A press office ("presstjänst").
    'presstjanst',
    // A platform's notification sender.
    'notiser',
    'notifieringar',
    'ekonomi',
    'faktura',
    'fakturor',
    'inkop',
    'kundtjanst',
    'forsaljning',
    'order',
    'reception',
    'kontakt',
    'lager',
  ],
  // Continents and regions of a sales territory ("Exportchef, Mellanöstern och Afrika").
  regionWords: [
    'europa',
    'afrika',
    'asien',
    'mellanöstern',
    'nordamerika',
    'sydamerika',
    'latinamerika',
    'norden',
    'östeuropa',
  ],
};
