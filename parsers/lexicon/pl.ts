/**
 * Polish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const pl: Lexicon = {
  lang: 'pl',
  // Greetings that open a reply (newest-part.ts: a reply under its quote).
  greetings: ['dzień dobry', 'witam', 'cześć', 'szanown(?:y|a|i)'],
  universityWords: ['uniwersytet'],
  valedictions: [
    'z poważaniem',
    'z wyrazami szacunku',
    '(?:serdecznie |ciepło )?pozdrawiam(?: serdecznie| ciepło)?',
    '(?:dziękuję|dzięki) i pozdrawiam',
    'pozdrowienia',
    'z pozdrowieniami',
    'łączę (?:wyrazy szacunku|pozdrowienia)',
    '(?:z góry )?dziękuję(?: bardzo)?',
    'dzięki',
    'miłego dnia',
    'pozdr',
  ],
  quoteWrote: ['\\bnapisał(?:\\(a\\)|a)?', '\\bpisze'],
  quoteFromLabels: ['Od'],
  quoteHeaderLabels: ['Wysłano', 'Wysłane', 'Do', 'DW', 'UDW', 'Temat', 'Data'],
  // Outlook "-----Wiadomość oryginalna-----", Gmail "---------- Przekazana wiadomość ---------" (the edge
  // after the pattern is ASCII, so the entry stops before "ść").
  quoteSeparators: ['Wiadomość oryginalna', 'Oryginalna wiadomo(?=ść)', 'Przekazana wiadomo(?=ść)'],
  lotusToLabels: ['Do'],
  // Outlook mobile: "Pobierz aplikację Outlook dla systemu Android".
  clientFooters: [
    'Wysłan[eo] z (?:mojego|mojej|iPhone|iPada?|urządzenia|telefonu|aplikacji|Outlook)',
    'Pobierz (?:aplikację )?Outlook dla\\b',
  ],
  noticeCues: ['\\badresat', 'poufn'],
  registerCues: ['NIP:', 'KRS:'],
  titleNouns: [
    // A (sworn) translator: "tłumacz przysięgły", "tłumaczka".
    'tłumacz(?:ka)?',
    // Appraisers and surveyors: "Rzeczoznawca ds. szkód w ładunkach".
    'rzeczoznawc(?:a|zyni)',
    // Academic posts: adiunkt (assistant professor), asystent, wykładowca (lecturer).
    'adiunkt',
    'asystent(?:ka)?',
    'wykładowca',
    // University offices: dziekan (dean), prodziekan (vice-dean), rektor, prorektor.
    'prodziekan',
    'dziekan',
    'prorektor',
    'rektor',
    // A sworn translator: "Tłumacz przysięgły języka angielskiego".
    'tłumacz(?:ka)?',
    // A garment or food technologist: "Starszy Technolog Odzieży".
    'technolog',
    // Patent attorney: "rzecznik patentowy".
    'rzecznik(?: patentowy)?',
    // Producers: "Producent wykonawczy" (executive producer), "producentka".
    'producent(?:ka)?',
    // Clinical research: monitor badań klinicznych (CRA).
    'monitor(?:ka)?',
    'specjalista',
    // Freight forwarder ("Spedytor międzynarodowy"), in the feminine too.
    'spedytor(?:ka)?',
    'kierownik',
    'dyrektor',
    'prezes',
    'właściciel',
    'menedżer',
    'doradca',
    'asystent(?:ka)?',
    'księgow[ay]',
    'kierowniczka',
    'dyrektorka',
    'koordynator(?:ka)?',
    'inżynier',
    'konsultant(?:ka)?',
    'przedstawiciel(?:ka)?',
    'analityk',
    'radca prawny',
    'adwokat',
    'handlowiec',
    'pełnomocnik',
    'wiceprezes',
    'członek zarządu',
    'założyciel(?:ka)?',
    'specjalistka',
    'programist(?:a|ka)',
    'architekt',
    'ekspert(?:ka)?',
    'menadżer',
    'sekretarz',
    'sekretarka',
    'prokurent',
    'projektant(?:ka)?',
    'rzecznik prasowy',
    'opiekun(?:ka)? klienta',
    'właścicielka',
    'wspólnik',
    'referent',
    'naczelnik',
    // Plant and hangar: Planistka, Kontroler jakości, Zaopatrzeniowiec.
    'planist(?:a|ka)',
    'kontroler(?:ka)?',
    'zaopatrzeniow(?:iec|czyni)',
  ],
  unitWords: [
    'dział',
    'wydział',
    'departament',
    'biuro',
    'zespół',
    'pion',
    'sekcja',
    'oddział',
    'zakład',
    'katedra',
    'pracownia',
  ],
  functions: [
    'logistyka',
    'sprzedaż',
    'kadry',
    'księgowość',
    'zakupy',
    'marketing',
    'kontroling',
    'jakość',
    'produkcja',
    'obsługa klienta',
    'administracja',
  ],
  // Written lower-case as often as not: "Wisła Serwis sp. z o.o.", "... sp.k.", "... sp.j.".
  legalForms: ['Sp\\. z o\\.o', 'sp\\. z o\\.o', '[Ss]p\\. ?k', '[Ss]p\\. ?j'],
  orgWords: ['uniwersytet', 'politechnika'],
  streetPrefixes: ['ul\\.', 'al\\.', 'os\\.', 'ulica', 'aleja', 'pl\\.', 'plac', 'rondo'],
  poBoxes: ['skr\\. poczt\\.', 'skrytka pocztowa'],
  countries: ['polska'],
  phoneMobile: ['kom', 'komórka', 'komórkowy', 'tel\\. kom'],
  phoneWork: ['stacjonarny'],
  phoneFax: ['faks'],
  fieldLabels: ['Imię i nazwisko', 'Stanowisko', 'Adres'],
  phoneExtensions: ['wew\\.'],
  // Degrees written before the name: "mgr inż.", "dr hab. inż.", "prof. dr hab.".
  honorifics: [
    // Doctor of medical sciences: "dr n. med.", "dr hab. n. med.".
    'dr(?: hab\\.)? n\\. med\\.',
    'mgr(?: inż\\.)?',
    'inż\\.',
    'dr(?: hab\\.)?(?: inż\\.)?',
    'prof\\.(?: dr hab\\.)?(?: inż\\.)?',
  ],
  // Shared mailboxes (sales@, accounting@... in pl): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // A recruitment desk.
    'rekrutacja',
    // A dispatch desk and an office's registry (kancelaria).
    'dyspozytornia',
    'kancelaria',
    // A customs-clearance desk.
    'odprawy',
    // A public office's cooperation desk ("wspolpraca.zagraniczna@", foreign cooperation).
    'wspolpraca',
    // A press office.
    'prasa',
    'biuroprasowe',
    'biuro',
    'ksiegowosc',
    'faktury',
    'zamowienia',
    'sprzedaz',
    'zakupy',
    'kadry',
    'handlowy',
    'sekretariat',
    'kontakt',
    'obsluga',
    'logistyka',
  ],
};
