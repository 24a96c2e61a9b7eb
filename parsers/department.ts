/**
 * Is a signature cell the sender's unit (department, division, team, service) rather than a title or the
 * organisation? Two kinds of evidence, in many languages:
 * - a unit word anywhere in the cell ("Department of ...", "Abteilung Informatik", "Direction des Achats",
 *   "Departamento Comercial", "Dział Logistyki", "R&D Division", "Cloud Platform Team", "営業部");
 * - the whole cell is a business function, optionally with one or two qualifiers ("Human Resources",
 *   "Corporate Banking", "Supply Chain", "Vertrieb", "Ressources humaines", "Recursos Humanos").
 *
 * Callers test title vocabulary and legal forms first: "Marketing Director" is a title, "Acme Services
 * GmbH" a company. Every pattern is a flat alternation anchored on word edges (linear time); callers cap
 * line length first.
 */
import { alt, rtlAlt, wordsOf } from './lexicon/index.ts';
import { caseless, caselessMatch } from './lexicon/caseless.ts';
import { hasLatinLetters, hasRtlLetters, isCountryLine, mayHaveCjk, mayHaveOtherScript } from './lines.ts';

const UNIT_RE = caseless(String.raw`(?:^|[\s(&/-])(?:${alt('unitWords')})(?=$|[\s,.)'’])`, 'i');
/** UNIT_RE matching at the start of the cell (its first match there, as startsWithUnitWord asks). */
const UNIT_START_RE = caseless(String.raw`^[\s(&/-]?(?:${alt('unitWords')})(?=$|[\s,.)'’])`, 'i');

/** Qualifiers that may precede a function name: "Corporate Banking", "Global Supply Chain". */
const QUALIFIER = `(?:${alt('functionQualifiers')})`;

const FUNCTION = `(?:${alt('functions')})`;

/**
 * A whole cell that is a business function: `^(?:QUALIFIER ){0,2}FUNCTION(?: CONJ (?:FUNCTION|contracts|
 * contratos|verträge))?$`, case-insensitive; two functions joined ("Legal & Compliance", "Procurement &
 * Contracts") name one unit too. Tested as its parts at each space of the cell (same matches): written as one
 * pattern, V8 spent 30-50 ms compiling it in every process (the function list after the qualifiers, and
 * again after the conjunction, multiplies its analysis), a tenth of a `sigmine extract` run.
 */
const FUNCTION_WHOLE_RE = caseless(`^${FUNCTION}$`, 'i');
const QUALIFIER_WHOLE_RE = caseless(`^${QUALIFIER}$`, 'i');
/**
 * "and" in the languages of the lexicons (ve: Turkish, och: Swedish, og: Nordic, en: Dutch, és: Hungarian,
 * a / i: Czech, Polish, và: Vietnamese), as a pattern's alternation: between two functions here, in a role's
 * list of functions in fields/title.ts.
 */
export const AND_WORDS = '&|and|und|et|y|e|ve|och|og|en|és|a|i|và';
const CONJ_WHOLE_RE = new RegExp(`^(?:${AND_WORDS})$`, 'i');
const JOINED_ONLY_RE = /^(?:contracts|contratos|verträge)$/i;

/** `(?:QUALIFIER ){0,q}FUNCTION` over the whole of s[from, to). */
function qualifiedFunction(s: string, from: number, to: number, q: number): boolean {
  if (FUNCTION_WHOLE_RE.test(s.slice(from, to))) return true;
  if (q === 0) return false;
  for (let i = s.indexOf(' ', from); i >= 0 && i < to; i = s.indexOf(' ', i + 1))
    if (QUALIFIER_WHOLE_RE.test(s.slice(from, i)) && qualifiedFunction(s, i + 1, to, q - 1)) return true;
  return false;
}

/** Two sectors joined before a function: "Consumer & Retail Equity Research", "Oil and Gas Sales". */
const SECTOR_PAIR_RE = /^\p{Lu}[\p{L}-]{1,20} (?:&|and) \p{Lu}[\p{L}-]{1,20} /u;

function isFunctionCell(s: string): boolean {
  if (qualifiedFunction(s, 0, s.length, 2)) return true;
  const pair = SECTOR_PAIR_RE.exec(s);
  if (pair !== null && qualifiedFunction(s, pair[0].length, s.length, 2)) return true;
  // "A CONJ B": the conjunction between two spaces, B a function or one of the joined-only words.
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) {
    const j = s.indexOf(' ', i + 1);
    if (j < 0) break;
    if (!CONJ_WHOLE_RE.test(s.slice(i + 1, j))) continue;
    const b = s.slice(j + 1);
    // "Integrasjon og API", "Sales & CRM": a function and a field known by its initials.
    if (
      (FUNCTION_WHOLE_RE.test(b) || JOINED_ONLY_RE.test(b) || /^[A-Z]{2,4}$/.test(b)) &&
      qualifiedFunction(s, 0, i, 2)
    )
      return true;
  }
  return false;
}

/** A function name among the words of a cell: "Mid-Market Sales", "Inbound Operations", "Vertrieb Nord". */
const FUNCTION_WORD_RE = caselessMatch(`(?:^|[\\s-])${FUNCTION}(?=$|[\\s,])`, 'i');
/**
 * Capitalised words, words of scripts without capitals ("משאבי אנוש") and the connectors of unit names; anything
 * else (digits, prose) is no heading.
 */
const HEADING_TOKEN_RE =
  /^(?:\p{Lu}[\p{L}'’.-]{0,30}|\p{Lu}&\p{Lu}|\p{Lo}[\p{L}\p{M}'’.-]{0,30}|&|and|und|et|y|e|de|du|des|of|la|le)$/u;

/**
 * A short capitalised heading that names a business function with other words around it ("Mid-Market
 * Sales", "Inbound Operations", "Vertrieb Nord", "Service Informatique", "Supply Chain Advisory"). Such a
 * heading may also be a company ("Harbourline Logistics"), so it is a unit only where the layout says
 * so: callers require a company found elsewhere and the heading next to the title.
 */
/** A function written as one compound word: "Zentraleinkauf", "Konzernvertrieb". */
// ...also after a field's initials and a hyphen: "IT-förvaltning", "HR-avdelingen"; or a word and a hyphen:
// "Lento-operaatiot" (flight operations).
const COMPOUND_FUNCTION_RE = new RegExp(
  String.raw`^(?:\p{Lu}\p{Ll}{2,30}-?|\p{Lu}{2,4}-)(?:${alt('functionSuffixes')})$`,
  'u',
);

/**
 * Sales regions written after a title ("Regional Sales Manager, APAC") are neither company nor unit; US states,
 * Australian states and Canadian provinces are regions too ("Regional Manager, NSW", "Sales Manager, CA").
 */
export const REGION_RE = new RegExp(`^(?:${alt('regions')}|${alt('stateCodes')})$`);

/** Geographic words of sales regions ("Midwest", "Northern Europe", "Asia Pacific"). */
const REGION_WORD_RE = caseless(`^(?:${alt('regionWords')})$`, 'i');

/** What joins the words of a territory: "and" in the lexicons' languages, "of", "de". */
const TERRITORY_JOINER_RE = new RegExp(`^(?:${AND_WORDS}|of|de)$`, 'i');

/**
 * A territory ("Midwest", "Northern Europe", "Asia Pacific", "EMEA Region"): every word a geographic
 * word or a connector. Written beside a title it stays in the title; it is never a unit.
 */
export function namesTerritory(cell: string): boolean {
  const t = cell.trim();
  if (t === '' || t.length > 50) return false;
  const toks = t.split(/\s+/).filter((w) => !TERRITORY_JOINER_RE.test(w));
  if (toks.length === 0 || toks.length > 4) return false;
  // Two-word regions ("Middle East", "Latin America") are one entry.
  for (let i = 0; i < toks.length; i++) {
    if (REGION_WORD_RE.test(toks[i]!)) continue;
    // "Western Canada", "Southern Africa", "Southern NSW": a part of a country, continent or state.
    if (
      i > 0 &&
      REGION_WORD_RE.test(toks[i - 1]!) &&
      (isCountryLine(toks.slice(i).join(' ')) || REGION_RE.test(toks.slice(i).join(' ')))
    )
      return true;
    if (i + 1 < toks.length && REGION_WORD_RE.test(`${toks[i]} ${toks[i + 1]}`)) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

export function namesFunction(cell: string): boolean {
  // A qualifier in brackets after the function ("Procurement (Castings & Forgings)") names what it covers.
  const t = cell.trim().replace(/\s\([^()]{2,40}\)$/, '');
  if (t === '' || t.length > 50) return false;
  if (COMPOUND_FUNCTION_RE.test(t)) return true;
  const toks = t.split(' ');
  if (toks.length > 4) return false;
  for (const tok of toks) if (!HEADING_TOKEN_RE.test(tok)) return false;
  const m = FUNCTION_WORD_RE.match(t);
  if (m === null) return false;
  // Two-letter functions ("IT", "HR") only in capitals: "Make It Happen" is a slogan.
  const word = m.trim();
  return word.length > 2 || /^[A-Z]{2}$/.test(word);
}

/** Two to four words of a heading: capitalised first, then words, connectors or lower-case qualifiers. */
// Four words and an "&" at most: "Revenue Assurance & Fraud Management".
const UNIT_HEADING_RE =
  /^\p{Lu}[\p{L}'’-]{1,30}(?: (?:&|[\p{L}'’&-]{1,30})){1,3}$|^\p{Lu}[\p{L}'’-]{1,30}(?: [\p{L}'’-]{1,30}){0,2} & [\p{L}'’-]{1,30}(?: [\p{L}'’-]{1,30})?$/u;

/**
 * A short heading written in its own segment beside a title ("Operations Manager | Import Freight",
 * "Avocate associée – Droit social"): the shape of a unit name, whatever its vocabulary. Weaker evidence
 * than namesFunction, so callers also require the title in the other segment, a company found on another
 * line, and no word shared with the address (a city beside a title is a place, not a unit).
 */
export function looksLikeUnitHeading(cell: string): boolean {
  const t = cell.trim();
  return t.length <= 50 && UNIT_HEADING_RE.test(t) && !/\b(?:and|und|et|y|e|&)$/i.test(t);
}

/** A one-word function by its ending ("Intralogistics", "Corporate", "Personalentwicklung"). */
const UNIT_WORD_RE = new RegExp(String.raw`^\p{Lu}\p{Ll}{3,30}(?:${alt('functionEndings')})$`, 'u');

/** "Phòng Giải pháp Doanh nghiệp": a unit head word, then a capitalised name, the whole cell. */
const UNIT_HEAD_RE = new RegExp(String.raw`^(?:${alt('unitHeads')}) \p{Lu}[\p{L}&' -]{2,60}$`, 'u');

/** Cities that name an office ("London", "New York"); compared whole, case-insensitively. */
const CITY_RE = caseless(`^(?:${alt('cities')})$`, 'i');

/** Is the cell a city (a place beside a title, "Partner | London"), never a unit? */
export function namesCity(cell: string): boolean {
  return CITY_RE.test(cell.trim());
}

/**
 * A unit name written beside a title in any vocabulary: a heading of two to four words, or one word with
 * the ending of a field of work ("Sales Engineer | Intralogistics", "Associate, Corporate"). Not a city,
 * and no capitals-only token: "Insights API", "AWS Marketplace" are products, which stay in the title.
 */
export function looksLikeUnitName(cell: string): boolean {
  const t = cell.trim();
  // A capitals-only token makes a product ("Insights API"), unless "&" joins two fields ("Electrical & EMC Approvals").
  if (namesCity(t) || (/(?:^|\s)[A-Z]{2,6}(?=$|\s)/.test(t) && !/\s&\s/.test(t))) return false;
  // A unit head word ("Ban Quan hệ Đối tác & Hải quan") may head a longer name than a bare heading.
  return looksLikeUnitHeading(t) || UNIT_WORD_RE.test(t) || UNIT_HEAD_RE.test(t);
}

/** A heading of one to four words in a script without capitals (see CASELESS_HEADING_RE). */
export function caselessHeading(cell: string): boolean {
  return CASELESS_HEADING_RE.test(cell.trim());
}

/**
 * Scripts without capitals write a heading as one to four words: "תחום רכב", "ऑटोमोटिव लॉजिस्टिक्स",
 * "الموارد البشرية". Hebrew, Arabic and Devanagari only (Thai and CJK write no spaces between words).
 */
const CASELESS_HEADING_RE =
  /^[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{M}"'׳״]{2,20}(?: [\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{M}"'׳״]{2,20}){0,3}$/u;

/** Japanese and Chinese unit names end with 部 (department), 課 (section), 室 (office), センター or 中心 (centre). */
/** Nordic and German compounds: "Økonomiavdelingen", "Personalabteilung", "Talousosasto". */
const COMPOUND_UNIT_RE = new RegExp(String.raw`^\p{Lu}\p{Ll}{2,30}(?:${alt('unitSuffixes')})$`, 'u');

/**
 * "営業本部 第二営業部": a unit and its sub-unit. Korean units end with 팀 (team), 부, 본부, 실, 센터, also
 * after their parent unit ("마케팅본부 디지털마케팅팀", "네트워크사업본부 / 해외영업팀"), also numbered ("해외영업2팀").
 */
const CJK_UNIT_RE = new RegExp(
  // A Latin section code may open a level: "CRC課"; a Korean team may be a code and its number ("WM2팀").
  String.raw`^(?:(?:[A-Z0-9]{1,6})?[\p{Script=Han}\p{Script=Katakana}ー・&]{1,12}(?:[ 　]| ?\/ ?)){0,2}(?:[A-Z0-9]{1,6}[\p{Script=Han}\p{Script=Katakana}ー・&]{0,12}|[\p{Script=Han}\p{Script=Katakana}ー・&]{1,12})(?:${[...wordsOf('ja', 'unitSuffixesNative'), ...wordsOf('zh', 'unitSuffixesNative')].join('|')})$|^(?:\p{Script=Hangul}{1,10}(?:[ 　]| ?\/ ?))?(?:[A-Z]{1,6}\d{1,3}|(?:[A-Z]{1,6})?\p{Script=Hangul}[\p{Script=Hangul}\d·]{0,9})(?:${wordsOf('ko', 'unitSuffixesNative').join('|')})$`,
  'u',
);

/** Does the cell open with a unit word or a unit head ("Department of ...", "Phòng Tài chính")? */
export function opensWithUnit(cell: string): boolean {
  const t = cell.trim();
  return UNIT_START_RE.test(t) || UNIT_HEAD_RE.test(t);
}

/** Does the cell start with a unit word ("Ufficio Tecnico", "Department of Physics")? Then it is no title. */
export function startsWithUnitWord(cell: string): boolean {
  return UNIT_START_RE.test(cell.trim());
}

/**
 * Arabic and Hebrew units open with their unit word: قسم (department), إدارة (directorate), دائرة
 * (division); מחלקת / מחלקה (department), אגף (division). The article may be attached (ال, ה).
 */
const RTL_UNIT_RE = new RegExp(
  rtlAlt('unitWordsRtl', { edges: false, start: '^', end: String.raw`(?:\s\S|$)` }),
  'u',
);

/**
 * Thai units open with their unit word joined to the name: "ฝ่ายลูกค้าองค์กร" (corporate clients division); up to
 * three levels apart ("ภาควิชาพืชไร่นา คณะเกษตร": a department, then its faculty).
 */
const THAI_UNIT_RE = new RegExp(
  String.raw`^(?:${alt('unitPrefixesNative')})\p{Script=Thai}{2,60}(?: (?:${alt('unitPrefixesNative')})\p{Script=Thai}{2,60}){0,2}$`,
  'u',
);

/** An association's regional section named after its acronym ("USTA Texas Section"): an organisation. */
const ACRONYM_SECTION_RE = /^\p{Lu}{2,6}\s.{0,60}\sSection$/u;

/**
 * The number closing a numbered unit: "№ 2", "Nr. 3", "No. 4", "nº 5"; or the code of the rule it works under,
 * letters and digits joined by a hyphen ("Dział Szkoleń Part-147", "Abteilung CAMO-2").
 */
const UNIT_NUMBER_RE = /\s(?:(?:№|No\.|Nr\.|n[º°]|#)\s?\d{1,3}|\p{L}{2,8}-\d{1,4}[A-Z]?)$/u;

/** Does the cell (title and company already ruled out by the caller) name a unit of the organisation? */
export function looksLikeDepartment(cell: string): boolean {
  // A numbered plant or shop ("Обогатительная фабрика № 2", "Werk Nr. 3", "Plant No. 4"): the unit without its number.
  // ...and a unit's bare number in a script without Latin letters ("กองส่งเสริมการลงทุนต่างประเทศ 2").
  const unnumbered = cell.trim().replace(UNIT_NUMBER_RE, '');
  const t = hasLatinLetters(unnumbered) ? unnumbered : unnumbered.replace(/\s\d{1,2}$/, '');
  // Digits name no unit, except inside a CJK unit's name ("해외영업2팀", overseas sales team 2).
  if (t === '' || t.length > 80 || (/\d/.test(t) && !mayHaveCjk(t)) || ACRONYM_SECTION_RE.test(t))
    return false;
  // ...or a function written as one compound word ("Zentraleinkauf", "Vertriebsinnendienst").
  if (UNIT_RE.test(t) || UNIT_HEAD_RE.test(t) || COMPOUND_UNIT_RE.test(t) || COMPOUND_FUNCTION_RE.test(t))
    return true;
  // The script patterns only where their script may be: their Unicode classes are costly to compile.
  if (hasRtlLetters(t) && RTL_UNIT_RE.test(t)) return true;
  if (mayHaveOtherScript(t) && THAI_UNIT_RE.test(t)) return true;
  if (mayHaveCjk(t) && CJK_UNIT_RE.test(t)) return true;
  // A bare function name must be written as a heading, not inside a sentence ("it", "sales").
  return /^[\p{Lu}]/u.test(t) && isFunctionCell(t);
}

/** A role that heads a unit, anywhere in a cell ("Director Customer Support", "VP Engineering"). */
const HEAD_ROLE_RE = caseless(String.raw`(?<!\p{L})(?:${alt('unitRoleNouns')})(?!\p{L})`, 'iu');

/**
 * Does the cell name a role that heads a unit? Then a cell ending with a unit or a function
 * ("Director Customer Support") is that role's title, not the unit.
 */
export function namesHeadRole(cell: string): boolean {
  return HEAD_ROLE_RE.test(cell);
}

/** Unit keywords anywhere in a cell ("Trading Support", "Research Group"), ASCII word edges. */
const DEPT_RE = caseless(String.raw`\b(?:${alt('unitKeywords')})\b`, 'i');

/** A unit of the organisation: the legacy keywords, or the multilingual vocabulary of department.ts. */
export function isDepartment(s: string): boolean {
  if (DEPT_RE.test(s) || looksLikeDepartment(s)) return true;
  // "Lieferantenqualität / Erstmusterprüfung", "Einkauf / Logistik": two or three units written as one.
  const parts = s.split(' / ');
  if (parts.length >= 2 && parts.length <= 3 && parts.every((p) => looksLikeDepartment(p))) return true;
  // "Mine Permitting Branch, Northwest Region": a unit, then the territory it covers.
  const comma = s.lastIndexOf(', ');
  return comma > 0 && namesTerritory(s.slice(comma + 2)) && looksLikeDepartment(s.slice(0, comma));
}
