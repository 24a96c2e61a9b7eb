/**
 * Czech and Slovak word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge). "Od:" and
 * "ul." are in ./pl.ts, "mobil" in ./de.ts.
 */
import type { Lexicon } from './types.ts';

export const cs: Lexicon = {
  lang: 'cs',
  // Greetings that open a reply (newest-part.ts: a reply under its quote).
  greetings: ['dobrý den', 'ahoj', 'vážen(?:ý|á|í)'],
  universityWords: ['univerzit'],
  valedictions: [
    's (?:přátelským |srdečným |pěkným )?pozdravem',
    's (?:priateľským |pekným )?pozdravom',
    's úctou',
    's pozdravem a (?:díky|poděkováním)',
    '(?:předem )?děkuji',
    'díky',
    'ďakujem',
    '(?:srdečně )?zdravím',
    '(?:hezký|pěkný) den',
    'pekný deň',
  ],
  quoteWrote: ['\\bnapsal(?:\\(a\\)|a)?', '\\bnapísal(?:\\(a\\)|a)?'],
  // Outlook cs: Odesláno / Komu / Kopie / Předmět; sk: Odoslané / Komu / Kópia / Predmet.
  quoteHeaderLabels: [
    'Odesláno',
    'Komu',
    'Předmět',
    'Kopie',
    'Odoslané',
    'Predmet',
    'Kópia',
    'Datum',
    'Dátum',
  ],
  quoteSeparators: ['Původní zpráva', 'Přeposlaná zpráva', 'Pôvodná správa', 'Preposlaná správa'],
  lotusToLabels: ['Komu'],
  clientFooters: ['Odesláno z (?:mého|iPhonu)\\b', 'Odoslané z (?:môjho|iPhonu|iPadu)'],
  noticeCues: ['\\bpoufn', '\\bdůvěrn', '\\badresát', 'dôvern'],
  // "Společnost je zapsána v obchodním rejstříku vedeném Krajským soudem" (cs), "zapísaná v obchodnom registri" (sk).
  registerCues: ['IČO', 'DIČ', 'obchodním rejstříku', 'obchodnom registri'],
  // univerzita (university), nemocnica / nemocnice (hospital); sekretariát (the office's line).
  orgWords: [
    'univerzit[aá]',
    'univerzitn[áí] nemocnic[ae]',
    'nemocnic[ae]',
    // A publicly funded body: "..., příspěvková organizace".
    'příspěvková organizace',
    // A cooperative: "Zemědělské družstvo Pohledec" (an agricultural cooperative).
    'družstvo',
    // A law office: "Novák & spol., advokátní kancelář"; a firm "& spol." (and company).
    'advokátní kancelář',
    '& spol\\.',
    // Universities named by their form: "Vysoké učení technické v Brně", "Vysoká škola ekonomická".
    'vysoké učení',
    'vysoká škola',
  ],
  phoneOther: ['sekretariát'],
  titleNouns: [
    // Court interpreters and translators: "soudní tlumočnice", "překladatel".
    'tlumočník',
    'tlumočnice',
    'překladatel(?:ka)?',
    // Pharmacists: "lékárník", "lékárnice".
    'lékárník',
    'lékárnice',
    // Metrologists, lower-case and feminine: "metroložka".
    'metrolog',
    'metroložka',
    // Buyers, lower-case: "nákupčí".
    'nákupčí',
    // Researchers: vědecký / výzkumný pracovník.
    '(?:vědecký|výzkumný|odborný) pracovník',
    '(?:vědecká|výzkumná|odborná) pracovnice',
    // Producers: "výkonná producentka" (executive producer), "producent".
    'producent(?:ka)?',
    // Accountant (capitalised as a title of its own: "Účetní, Oddělení pohledávek").
    'účetní',
    'prednost(?:a|ka)',
    'jednatel(?:ka)?',
    'konateľ(?:ka)?',
    'ředitel(?:ka)?',
    'riaditeľ(?:ka)?',
    // zástupca / zástupkyňa (deputy), zástupce / zástupkyně (cs).
    'zástupc(?:a|e)',
    'zástupky(?:ňa|ně)',
    'vedoucí',
    'vedúc(?:i|a)',
    'projektant',
    'prokurista',
    'manažer(?:ka)?',
    'manažér(?:ka)?',
    'specialist(?:a|ka)',
    'špecialist(?:a|ka)',
    'referent(?:ka)?',
    'obchodní zástupce',
    'obchodný zástupca',
    'konzultant(?:ka)?',
    'poradce',
    'poradkyně',
    'analytik',
    'inženýr',
    // Construction: statik (structural engineer), stavbyvedoucí (site manager), mistr (foreman),
    // rozpočtář (estimator), technický dozor (clerk of works).
    'statik',
    'stavbyvedoucí',
    'stavbyvedúci',
    'mistr',
    'majster',
    'rozpočtář(?:ka)?',
    'rozpočtár(?:ka)?',
    'technický dozor',
    'programátor(?:ka)?',
    'vývojář(?:ka)?',
    'předsed(?:a|kyně)(?: představenstva)?',
    'místopředsed(?:a|kyně)',
    'člen představenstva',
    'advokát(?:ka)?',
    'koordinátor(?:ka)?',
    // Hospitals and universities: primář / primár (head of a clinic), lékař / lekár, vrchní / vrchná
    // sestra (head nurse), docent, profesor, odborný asistent.
    'primá(?:ř|r)(?:ka)?',
    'lékař(?:ka)?',
    'lekár(?:ka)?',
    'vrchní sestra',
    'vrchná sestra',
    'docent(?:ka)?',
    'profesor(?:ka)?',
    'odborn(?:ý|á) asistent(?:ka)?',
  ],
  // oddělení / oddelenie (department), odbor (division), úsek (section), divize, útvar; a hospital's
  // klinika and a university's katedra (chair) and fakulta.
  unitWords: [
    // A university's institute under its faculty: "Ústav světových dějin".
    'ústav',
    // A cost or operating centre: "Středisko mechanizace".
    'středisko',
    'oddělení',
    'oddelenie',
    'odbor',
    'úsek',
    'divize',
    'divízia',
    'útvar',
    'klinika',
    'katedra',
    'fakulta',
  ],
  // Academic degrees written before the name: Mgr., Bc., Ing., JUDr., MUDr., PhDr., RNDr.
  // "doc. MUDr." (docent, then the doctorate): both before the name.
  honorifics: [
    // A doctorate in pharmacy (PharmDr.).
    'PharmDr\\.',
    // A veterinary doctor (MVDr.).
    'MVDr\\.',
    'doc\\.(?: (?:MUDr|JUDr|Ing|RNDr|PhDr)\\.)?',
    'Mgr\\.',
    'Bc\\.',
    'Ing\\.',
    'JUDr\\.',
    'MUDr\\.',
    'PhDr\\.',
    'RNDr\\.',
  ],
  legalForms: [
    's\\.r\\.o',
    'spol\\. s r\\.o',
    'v\\.o\\.s',
    // A public research institution (veřejná výzkumná instituce): "..., v. v. i.".
    'v\\. ?v\\. ?i',
  ],
  legalFormsAtEnd: ['a\\.s'],
  streetPrefixes: ['nám\\.', 'náměstí', 'námestie', 'nábř\\.', 'třída', 'tř\\.'],
  countries: ['česká republika', 'česko', 'slovensko', 'slovenská republika', 'czechia', 'slovakia'],
  fieldLabels: ['Jméno', 'Funkce', 'Adresa', 'Pozice'],
  // Czech and Slovak "kl." (klapka, the extension of a switchboard line).
  phoneExtensions: ['lok\\.', 'kl\\.'],
  // Shared mailboxes (sales@, accounting@... in cs): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // A complaints desk.
    'reklamace',
    // A press office.
    'tisk',
    'obchod',
    'fakturace',
    'ucetni',
    'ucetnictvi',
    'nakup',
    'prodej',
    'objednavky',
    'podatelna',
    'sekretariat',
    'kontakt',
    'recepce',
  ],
};
