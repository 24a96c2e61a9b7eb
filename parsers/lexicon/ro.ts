/**
 * Romanian word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge). Romanian is
 * written with comma-below ș ț, the older cedilla ş ţ, or without diacritics: entries accept all three.
 * Legal forms (S.R.L., S.A.) are in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const ro: Lexicon = {
  lang: 'ro',
  // Greetings that open a reply (newest-part.ts: a reply under its quote).
  greetings: ['bună ziua', 'stimate', 'stimată'],
  valedictions: [
    'cu (?:stim[ăa]|respect|drag|bine|considera[țţt]ie|deosebit[ăa] considera[țţt]ie)',
    '(?:v[ăa] )?mul[țţt]umesc(?: frumos| mult)?',
    'toate cele bune',
    'numai bine',
    'o zi bun[ăa]',
    'salut[ăa]ri',
  ],
  // Gmail: "Pe lun., 3 mai 2021 la 10:00, Ana Pop <a@x> a scris:".
  quoteWrote: ['\\ba scris'],
  // Outlook: De la / Trimis / Către / Cc / Subiect.
  quoteFromLabels: ['De la'],
  quoteHeaderLabels: ['Trimis', 'C[ăa]tre', 'Subiect', 'Data'],
  quoteSeparators: ['Mesaj original', 'Mesaj redirec[țţt]ionat'],
  clientFooters: ['Trimis de pe\\b', 'Trimis din (?:Yahoo|Outlook|Mail)'],
  noticeCues: ['confiden[țţ]ial', 'destinatarul'],
  registerCues: ['Nr\\. ?Reg\\. ?Com', 'Cod fiscal', 'C\\.U\\.I'],
  titleNouns: [
    'director(?: general)?',
    'inginer',
    'consultant',
    'specialist',
    'analist',
    'contabil(?: [șşs]ef)?',
    'avocat',
    'consilier',
    '[șş]ef',
    'coordonator',
    'dezvoltator',
    'programator',
    'asistent',
    'reprezentant',
    '(?:co)?fondator',
    '(?:vice)?pre[șşs]edinte',
    'arhitect',
    'economist',
    'referent',
  ],
  // "Departamentul Vânzări", "Direcția Economică", "Serviciul Clienți", "Compartimentul IT".
  // ...and centrul (a centre: "Centrul de dezvoltare Cluj", a development centre).
  unitWords: [
    // An office: "Biroul Studii Clinice".
    'biroul',
    'departamentul',
    'direc[țţt]ia',
    'serviciul',
    'compartimentul',
    'centrul',
  ],
  // str. (street), bd. / b-dul (boulevard), calea, șos. (road), piața (square), splaiul (quay), aleea (alley).
  streetPrefixes: [
    'str\\.',
    'strada',
    'bd\\.',
    'bdul\\.',
    'b-dul',
    'bulevardul',
    'calea',
    '[șşs]os\\.',
    '[șşs]oseaua',
    'pia[țţt]a',
    'splaiul',
    'aleea',
  ],
  countries: ['rom[âa]nia', 'republica moldova', 'moldova'],
  phoneWork: ['birou'],
  fieldLabels: ['Nume', 'Func[țţt]ia', 'Adresa'],
  // Shared mailboxes (sales@, accounting@... in ro): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    'contabilitate',
    'vanzari',
    'achizitii',
    'facturare',
    'comenzi',
    'secretariat',
    'resurseumane',
  ],
  // A pharmacist: "Farm. Ioana ...".
  honorifics: ['Farm\\.'],
};
