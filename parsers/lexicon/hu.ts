/**
 * Hungarian word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const hu: Lexicon = {
  lang: 'hu',
  // Audit: "Igazgató, Könyvvizsgálat".
  functions: ['könyvvizsgálat'],
  // Greetings that open a reply (newest-part.ts: a reply under its quote).
  greetings: ['kedves', 'jó napot', 'szia', 'üdvözlöm'],
  universityWords: ['egyetem'],
  valedictions: [
    '(?:baráti |szívélyes |meleg |tisztelettel és )?üdvözlettel',
    'tisztelettel',
    'köszönettel',
    'köszönöm(?: szépen)?',
    'köszi',
    'üdv',
    'minden jót',
    '(?:további )?szép napot',
  ],
  // Gmail: "Kovács Anna <a@x> ezt írta (időpont: 2021. máj. 3., H, 10:00):"; Thunderbird: "... írta:".
  // No `\b` before "í" (no ASCII edge there); the date in parentheses is at most 60 characters.
  quoteWrote: ['írta(?: \\(időpont: [^)]{1,60}\\))?'],
  quoteFromLabels: ['Feladó'],
  quoteHeaderLabels: ['Elküldve', 'Küldve', 'Címzett', 'Tárgy', 'Másolatot kap', 'Másolat', 'Dátum'],
  quoteSeparators: ['Eredeti üzenet', 'Továbbított üzenet'],
  lotusToLabels: ['Címzett'],
  clientFooters: ['(?:Az )?iPhone-?(?:om)?r[óo]l küldve', 'iPad-?r[őo]l küldve'],
  noticeCues: ['bizalmas'],
  registerCues: ['Cégjegyzékszám', 'Adószám'],
  // "Tel.: +36 62 555 418 mellék: 2418" (extension).
  phoneExtensions: ['mellék'],
  titleNouns: [
    // Physicians: szakorvos (specialist), főorvos (senior physician), orvos; a field's specialist ending in -lógus.
    'szakorvos',
    'főorvos',
    'orvos',
    // Senior research fellow: "tudományos főmunkatárs" (fő- joined to the noun).
    'főmunkatárs',
    // University ranks: egyetemi docens / tanár, adjunktus.
    'docens',
    'egyetemi tanár',
    'adjunktus',
    'igazgató',
    'ügyvezető',
    'vezérigazgató',
    'tanácsadó',
    'mérnök',
    'fejlesztő',
    'elemző',
    'könyvelő',
    'asszisztens',
    'munkatárs',
    'referens',
    'ügyintéző',
    'szakértő',
    'specialista',
    'koordinátor',
    'tulajdonos',
    'alapító',
    'elnök',
    'alelnök',
    'ügyvéd',
    'titkár(?:nő)?',
    // "vezető" alone is also the adjective "leading": a title only after the field it leads.
    '(?:értékesítési|pénzügyi|műszaki|kereskedelmi|gazdasági|informatikai|marketing|beszerzési|logisztikai|projekt|iroda|csoport|osztály|ügyfélkapcsolati|ügyfélszolgálati|termelési|minőségügyi|gyártási|HR) ?vezető',
    // Patent agent, lawyer, researcher, engineer, director, head, adviser, analyst, accountant, secretary.
    '(?:szabadalmi )?ügyvivő',
    'ügyvéd',
    'kutató',
    'mérnök',
    'igazgató',
    'vezető',
    'tanácsadó',
    'elemző',
    'könyvelő',
    'titkár(?:nő)?',
  ],
  // Hungarian writes "dr." before the family name: "dr. Szabó Ildikó".
  honorifics: ['dr\\.', 'Dr\\.'],
  // Compounds: osztályvezető, csoportvezető, projektvezető, főigazgató, villamosmérnök, szoftverfejlesztő.
  titleSuffixes: [
    // Managers written as one word: "programmenedzser", "projektmenedzser".
    'menedzser',
    'vezető',
    'igazgató',
    'mérnök',
    'tanácsadó',
    'fejlesztő',
    'elemző',
    'munkatárs',
    'ügyintéző',
    'szakértő',
  ],
  // osztály (department), főosztály, részleg (division), igazgatóság (directorate), tanszék (university dept).
  unitWords: ['osztály', 'főosztály', 'részleg', 'igazgatóság', 'tanszék'],
  legalForms: ['Kft', 'Zrt', 'Nyrt', 'Bt', 'Kkt'],
  orgWords: [
    // A programme office of the state: "Nemzeti Innovációs Programiroda".
    'programiroda',
    // A patent firm ("... Szabadalmi Iroda") and a firm of partners ("X & Társai").
    'szabadalmi iroda',
    'társai',
    // Research centres and institutes: "Anyagtudományi Kutatóközpont", "...Kutatóintézet".
    'kutatóközpont',
    'kutatóintézet',
    'egyetem',
    // A law or patent firm ("Kovács és Társa Szabadalmi Ügyvivői Iroda"), a university.
    'ügyvédi iroda',
    'ügyvivői iroda',
    'egyetem',
  ],
  // "Váci út 12", "Petőfi utca 3", "Kossuth tér 1", "Szent István krt. 20".
  streetWordsSpaced: ['út', 'utca', 'u\\.', 'tér', 'körút', 'krt\\.', 'rakpart', 'fasor', 'köz'],
  poBoxes: ['Pf\\.', 'Postafiók'],
  countries: ['magyarország'],
  fieldLabels: ['Név', 'Beosztás', 'Cím', 'Cég'],
  // Shared mailboxes (sales@, accounting@... in hu): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // A logistics (logisztika) desk.
    'logisztika',
    // An events (rendezvények) desk.
    'rendezvenyek',
    'rendezveny',
    'szamlazas',
    'penzugy',
    'ertekesites',
    'beszerzes',
    'ugyfelszolgalat',
    'iroda',
    'titkarsag',
    'konyveles',
    'rendeles',
  ],
};
