/**
 * Titles and units (departments) of a signature block: a cell with a role noun and no legal form is the
 * title, split from a unit, an organisation or a rank written on the same cell ("Manager, Corporate
 * Banking", "Acme Widgets, CFO", "営業部 部長"); a cell with unit vocabulary is the department; other
 * cells that may name the organisation become candidates for company.ts. Part of field extraction
 * (../fields.ts); pure functions over the block's text cells.
 */
import type { Address } from '../types.ts';
import { alt, wordsOf } from '../lexicon/index.ts';
import { caseless } from '../lexicon/caseless.ts';
import {
  hasCompanyWord,
  hasLatinLetters,
  hasLegalForm,
  hasStrongCompanyWord,
  hasTitleWord,
  isCountryLine,
  mayHaveCjk,
  lexicalWordCount,
  mentionsSender,
  wordCount,
} from '../lines.ts';
import {
  AND_WORDS,
  caselessHeading,
  looksLikeDepartment,
  isDepartment,
  looksLikeUnitName,
  namesFunction,
  namesCity,
  namesHeadRole,
  namesTerritory,
  opensWithUnit,
  REGION_RE,
  startsWithUnitWord,
} from '../department.ts';
import type { TextCell } from './cells.ts';
import {
  isCompanyCell,
  matchesDomain,
  namesOrganisation,
  orgSegments,
  spelledByAcronym,
  unitNamedByDomain,
} from './company.ts';
import { addUnitLine, type Draft, type LooseUnit, type OrgCandidate } from './draft.ts';

/**
 * "営業部 部長", "销售部 经理", "영업부 과장", "財務本部 財務部 資金グループ 課長": up to three CJK units, a space, then a
 * rank of one to ten characters ("国際交流課 留学生交流係長", "会议及宴会销售经理"), perhaps with its region in
 * brackets ("区域经理（欧洲）"), or a title in katakana of up to sixteen ("海外制作部 プロデューサー", "知財翻訳事業部
 * プロジェクトマネージャー").
 */
// A unit may open with a section code in Latin capitals: "臨床研究支援本部 CRC課 主任"; a unit in katakana runs
// longer ("アライアンスマネジメント部", 13 characters).
const CJK_UNIT_RANK_RE =
  /^((?:[A-Z0-9]{1,6})?[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー・&]{1,16}(?:[ 　](?:[A-Z0-9]{1,6})?[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー・&]{1,16}){0,2})[ 　]([\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー]{1,10}(?:（[^（）]{1,10}）)?|[\p{Script=Katakana}ー]{7,16})$/u;
/** "Deputy General Manager (Treasury Operations)": a title, then a bracketed unit closing the cell. */
// "法规注册经理（质量管理部）": full-width brackets, written without a space.
const BRACKET_UNIT_RE = /^(.{3,60}?)(?: \(([^()]{3,50})\)|（([^（）]{2,50})）)$/;

/**
 * "Manager, Merchandising (UK & EU Accounts)": a title, a comma, a unit with no title word, then brackets; the
 * brackets qualify the unit (its accounts, its region), which keeps them.
 */
function titleUnitBracket(head: string, inner: string): { title: string; unit: string } | null {
  const k = head.lastIndexOf(', ');
  if (k < 0) return null;
  const title = head.slice(0, k).trim();
  const unit = head.slice(k + 2).trim();
  if (!hasTitleWord(title) || hasTitleWord(unit) || hasTitleWord(inner) || hasCompanyWord(unit)) return null;
  return isDepartment(unit) || namesFunction(unit) ? { title, unit: `${unit} (${inner.trim()})` } : null;
}

/** A role bound to one site, whose place follows it: "Branch Manager, Sioux Falls", "Plant Director, Győr". */
const SITE_ROLE_RE =
  /\b(?:branch|store|shop|site|plant|depot|station|hotel|restaurant|warehouse|terminal|mill|factory|yard) (?:manager|director|head|supervisor|lead|leader)$/i;

/** "Head of ...", "Director of ...": a role that names what it heads. */
const HEAD_OF_RE =
  /^(?:Head|Director|Manager|Chief|Vice President|VP|Lead|Leader|Coordinator) (?:of|for) \p{Lu}/u;

/** A run of CJK script (Han, Kana, Hangul) without spaces. */
const CJK_TOKEN_RE = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}ー・&]{1,20}$/u;

/**
 * "北里工業大学 大学院工学研究科 機械工学専攻 准教授", "海洋商事株式会社 輸入第一課 課長": a CJK line of the
 * organisation (a legal form or an institution), one or two of its units and a rank, split by spaces.
 */
function cjkOrgUnitRank(t: string): { org: string; unit: string; rank: string } | null {
  const tokens = t.trim().split(/[ 　]+/);
  if (tokens.length < 3 || tokens.length > 4 || !tokens.every((x) => CJK_TOKEN_RE.test(x))) return null;
  const org = tokens[0]!;
  const rank = tokens[tokens.length - 1]!;
  const unit = tokens.slice(1, -1).join(' ');
  return rank.length <= 6 &&
    hasTitleWord(rank) &&
    hasStrongCompanyWord(org) &&
    looksLikeDepartment(unit) &&
    !hasStrongCompanyWord(unit)
    ? { org, unit, rank }
    : null;
}

/** "Head of Partnerships at Acme Widgets": a title, then its organisation. */
export const TITLE_AT_ORG_RE = /^(.{3,60}?) (?:at|@) ([A-Z][\p{L}&.' -]{1,50})$/u;

/**
 * A heading that may stand beside the title as its unit: unit-shaped (looksLikeUnitName), no title word,
 * no country, not the sender's name, and no word shared with the address cells (a city beside a title is a
 * place, not a unit).
 */
export function unitBesideTitle(
  texts: readonly TextCell[],
  isAddr: readonly boolean[],
  from: Address,
): (cell: string) => boolean {
  const addrWords = new Set(
    texts
      .filter((_, i) => isAddr[i])
      .flatMap((t) => t.text.toLowerCase().split(/[^\p{L}]+/u))
      .filter((w) => w.length >= 3),
  );
  return (x: string): boolean =>
    looksLikeUnitName(x) &&
    !hasTitleWord(x) &&
    !isCountryLine(x) &&
    !namesTerritory(x) &&
    // "UK & Europe": countries and regions joined.
    !countriesLine(x) &&
    !mentionsSender(x, from.name, from.email) &&
    (PLACE_BUREAU_RE.test(x.trim()) ||
      !x
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .some((w) => addrWords.has(w)));
}

/** A news organisation's office named by its place ("Hong Kong Bureau"): a unit even where the address names the place. */
const PLACE_BUREAU_RE = /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2} Bureau$/u;

const PARTNER_NAMES_RE = /^\p{Lu}[\p{L}'’-]+(?: (?:&|and|et|y|e|und|en) \p{Lu}[\p{L}'’-]+)+$/u;

/**
 * Two comma segments, one naming the organisation by a legal form and the other a unit; or three, a unit, then
 * the organisation and its place; or undefined.
 */
function orgAndUnit(segs: readonly string[]): { org: string; unit: string } | undefined {
  // "Procurement Unit, Federal Medical Centre, Agbara-Oke": the unit, then the organisation with its place.
  if (
    segs.length === 3 &&
    isDepartment(segs[0]!) &&
    !hasTitleWord(segs[0]!) &&
    hasCompanyWord(segs[1]!) &&
    !isDepartment(segs[1]!) &&
    placeAfterOrg(segs[2]!)
  )
    return { unit: segs[0]!.trim(), org: `${segs[1]!.trim()}, ${segs[2]!.trim()}` };
  if (segs.length !== 2) return undefined;
  const [a, b] = [segs[0]!.trim(), segs[1]!.trim()];
  if (hasStrongCompanyWord(a) === hasStrongCompanyWord(b)) return undefined;
  const [org, unit] = hasStrongCompanyWord(a) ? [a, b] : [b, a];
  // "Grupo Alboran Distribución, S.L.": a legal form alone after the comma is the organisation's tail.
  if (wordCount(org) < 2 || !/\p{Lu}\p{Ll}{2,}/u.test(org)) return undefined;
  const unitShaped = isDepartment(unit) || looksLikeUnitName(unit);
  if (!unitShaped || hasTitleWord(unit) || isCountryLine(unit) || namesTerritory(unit)) return undefined;
  // "Dethier & Vanhamme, Notaires associés SRL": partners' names joined by "&" head the firm's name.
  if (PARTNER_NAMES_RE.test(unit)) return undefined;
  return { org, unit };
}

/** One to three capitalised words, the shape of a place's name ("Agbara-Oke", "Bristol Avonmouth"). */
const PLACE_WORDS_RE = /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}$/u;

/** A place written after an organisation's name: a place's shape, no unit or company word. */
function placeAfterOrg(x: string): boolean {
  const t = x.trim();
  return PLACE_WORDS_RE.test(t) && !isDepartment(t) && !hasCompanyWord(t);
}

/**
 * "Associate & Analyst Program", "Graduate Support Team": a line whose last word is a unit keyword names
 * the unit, whatever role nouns qualify it. A role of the unit ("Head of Support", "Director Customer
 * Support") stays a title.
 */
const UNIT_TAIL_RE = caseless(String.raw`(?:^|\s)(?:${alt('unitKeywords')})$`, 'i');
const ROLE_OF_RE = /\s(?:of|for)\s/i;

/**
 * "Sr. Human Resource Represenative", "Deputy Harbour Master": a seniority word, then two to five
 * capitalised words (or connectors). Right under the name it is the title even when the role noun is not
 * in the lexicon or is misspelt; callers rule out units, organisations and addresses.
 */
const SENIOR_TITLE_RE = new RegExp(
  String.raw`^(?:${alt('seniorityPrefixes')})\s\p{Lu}[\p{L}'’-]{1,30}(?:\s(?:\p{Lu}[\p{L}'’-]{1,30}|&|and|of|the)){0,4}$`,
  'u',
);

/** A title by its seniority word alone (SENIOR_TITLE_RE), on the line right under the name. */
function seniorTitle(t: string, underName: boolean): boolean {
  return (
    underName &&
    SENIOR_TITLE_RE.test(t) &&
    !isDepartment(t) &&
    !hasCompanyWord(t) &&
    !namesOrganisation(t) &&
    !isCountryLine(t)
  );
}

/** "Team Lead", "Department Head", "Division Manager": a unit word, then the role noun: a title. */
const UNIT_THEN_ROLE_RE = new RegExp(
  String.raw`^(?:${alt('unitWords')})\s(?:${alt('unitRoleNouns')})(?=$|[\s,])`,
  'iu',
);

export interface TitleInput {
  texts: readonly TextCell[];
  isAddr: readonly boolean[];
  used: ReadonlySet<number>;
  draft: Draft;
  /** Row of the name, or -1. */
  nameRow: number;
  labels: string[];
  besideTitle: (cell: string) => boolean;
}

export interface TitleResult {
  draft: Draft;
  used: Set<number>;
  orgCands: OrgCandidate[];
  looseUnit: LooseUnit | undefined;
  /** Row of the title, or -1. */
  titleRow: number;
}

/**
 * A title cell in two parts around " / ": the title in two languages gives its first version, as the
 * annotation convention for bilingual blocks reads them ("Chargée des sinistres Transport / Marine Claims
 * Officer" gives the French); a unit of two words or more and a title give both
 * ("Abastecimiento Estratégico / Compradora Senior"). Anything else ("Sales / Marketing Director", a list
 * of roles) is null.
 */
function slashedTitle(t: string): { title: string; unit: string | null } | null {
  const sides = t.split(' / ');
  if (sides.length !== 2) return null;
  const [a, b] = [sides[0]!.trim(), sides[1]!.trim()];
  const [titleA, titleB] = [hasTitleWord(a), hasTitleWord(b)];
  if (titleA && titleB) {
    // One side English, the other not: the same title in two languages.
    const english = [a, b].filter((x) => ENGLISH_TITLE_RE.test(x));
    return english.length === 1 ? { title: a, unit: null } : null;
  }
  // A CJK unit is one word ("조선해양공학과").
  const unit = (x: string) => (wordCount(x) >= 2 || mayHaveCjk(x)) && isDepartment(x);
  if (titleB && unit(a)) return { title: b, unit: a };
  if (titleA && unit(b)) return { title: a, unit: b };
  return null;
}

/** " - ", " – " or " _ " between two parts of a cell ("Software Engineer – Red Hat Inc.", "Acme _ Sales"). */
const DASH_SEP_RE = /\s[-–_]\s/;
/** A comma that separates segments of a cell, not the one before a legal form ("Acme, Inc."). */

/** What readTitles has gathered so far over the cells, filled in place by the helpers below. */
interface TitleScan {
  c: Draft;
  used: Set<number>;
  orgCands: OrgCandidate[];
  /** A unit written on the same cell as the organisation; a unit line of its own wins over it. */
  headUnit: string | undefined;
  looseUnit: LooseUnit | undefined;
  titleRow: number;
  /** The title's row holds the title in two languages ("Oifigeach ... | Market Surveillance Officer"). */
  bilingualRows?: boolean;
}

/**
 * Titles first (a role noun, no legal form), then units, then the cells that may name the organisation:
 * a legal form, an institution or the sender's domain name beats a unit-like name ("... Services",
 * "... Center"), which becomes the department when both are present (company.ts decides).
 */
export function readTitles(input: TitleInput): TitleResult {
  const { texts, isAddr, nameRow, labels } = input;
  const c: Draft = { ...input.draft };
  const s: TitleScan = {
    c,
    used: new Set(input.used),
    orgCands: [],
    headUnit: undefined,
    looseUnit: undefined,
    titleRow: c.title || c.rankTitle ? nameRow : -1,
  };
  for (const i of englishHalfFirst(texts)) {
    if (s.used.has(i) || isAddr[i]) continue;
    const t = texts[i]!.text;
    // "Head of Programmes and Partnerships for Children's Rights in Education and Early Years Services": a
    // role heading what it runs may run long.
    const long = lexicalWordCount(t) > 9 || t.length > 80;
    // So may a short title ahead of the unit it works in ("Responsable des achats – Pôle Approvisionnement,
    // Logistique et Qualité Fournisseurs").
    const head = /^(.{2,60}?)\s[–—-]\s/.exec(t)?.[1];
    const titledUnit = head !== undefined && wordCount(head) <= 5 && hasTitleWord(head) && t.length <= 120;
    if (
      long &&
      !titledUnit &&
      !(HEAD_OF_RE.test(t) && wordCount(t) <= 16 && t.length <= 120 && !/[.!?]$/.test(t)) &&
      !twoRoles(t) &&
      // "Programa de las Naciones Unidas para la Seguridad Alimentaria (PNUSA)": so may a public body's name.
      // (A final dot after a short word is a legal form's, "... Lachine inc.", not a sentence's.)
      !(
        lexicalWordCount(t) <= 10 &&
        t.length <= 90 &&
        hasStrongCompanyWord(t) &&
        (!/[.!?]$/.test(t) || /(?:^|\s)[\p{L}.]{1,4}\.$/u.test(t))
      )
    )
      continue;
    if (!c.title && takeTitleCell(s, input, i, t)) {
      secondRole(s, input, i);
      continue;
    }
    if (takeDepartmentCell(s, labels, i, t, texts[i]!.row)) continue;
    offerOrganisation(s, labels, i, t);
  }
  if (!c.department && s.headUnit) c.department = s.headUnit;
  // A rank beside the name is the title when no line wrote one.
  if (!c.title && c.rankTitle) c.title = c.rankTitle;
  return { draft: c, used: s.used, orgCands: s.orgCands, looseUnit: s.looseUnit, titleRow: s.titleRow };
}

/**
 * "Consultant Medical Oncologist & Honorary Professor of Experimental Cancer Medicine": two roles joined by
 * "&", each with its role noun, may run long together.
 */
function twoRoles(t: string): boolean {
  const halves = t.split(' & ');
  return (
    halves.length === 2 &&
    t.length <= 120 &&
    !/[.!?]$/.test(t) &&
    halves.every((h) => wordCount(h) <= 8 && hasTitleWord(h))
  );
}

/**
 * "jednatelka | obchodní ředitelka", "Diretora Financeira | CFO": a second role in the next cell of the
 * title's row joins the title (a list of roles stays whole, written with " | ": "Partner | Chartered Patent
 * Attorney | European Patent Attorney", up to three more). Not when the row is one title in two languages
 * (englishHalfFirst read the English half) or another cell of the row is a unit or organisation.
 */
function secondRole(s: TitleScan, input: TitleInput, i: number): void {
  const { texts, isAddr, labels } = input;
  const a = texts[i]!;
  if (s.c.title !== a.text.trim() || (i > 0 && texts[i - 1]!.row === a.row)) return;
  let end = i + 1;
  while (end < texts.length && texts[end]!.row === a.row) end++;
  if (end === i + 1 || end - i > 4) return;
  const more = texts.slice(i + 1, end).map((b) => b.text.trim());
  if (more.length === 1 && hasTitleWord(more[0]!) && bilingual(a.text, more[0]!)) s.bilingualRows = true;
  const role = (t: string, j: number) =>
    !s.used.has(j) &&
    !isAddr[j] &&
    hasTitleWord(t) &&
    wordCount(t) <= 5 &&
    !isCompanyCell(t, labels) &&
    !isDepartment(t) &&
    !bilingual(a.text, t) &&
    !otherScript(a.text, t);
  if (!more.every((t, k) => role(t, i + 1 + k))) return;
  s.c.title = [a.text.trim(), ...more].join(' | ');
  for (let j = i + 1; j < end; j++) s.used.add(j);
}

/** "Responsable des Ventes Groupes | مسؤولة مبيعات المجموعات": one side in Latin letters, the other in none. */
function otherScript(a: string, b: string): boolean {
  return hasLatinLetters(a) !== hasLatinLetters(b);
}

/** A role written as its initials ("CFO", "GM"): another role beside a title, never its translation. */
const ACRONYM_RE = /^\p{Lu}{2,5}$/u;

/** "Cheffe de projet | Project Manager": one title in two languages, one half English (not initials). */
function bilingual(a: string, b: string): boolean {
  const [ea, eb] = [ENGLISH_TITLE_RE.test(a), ENGLISH_TITLE_RE.test(b)];
  if (ea === eb) return false;
  return !ACRONYM_RE.test((ea ? a : b).trim());
}

/** English role nouns and legal forms alone: which half of a bilingual row is the English one. */
const ENGLISH_TITLE_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:${wordsOf('en', 'titleNouns').join('|')})(?![\p{L}])`,
  'iu',
);
const ENGLISH_LEGAL_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:${wordsOf('en', 'legalForms').join('|')})\.?$`,
  'u',
);

/**
 * The cells in reading order, except that an organisation written in two languages on one row ("Mille
 * Collines Télécom SA | Mille Collines Telecom Ltd") is read English half first. A title row in two
 * languages ("Sölustjóri | Sales Manager") keeps its order: its first version is the title, as the annotation
 * convention reads bilingual blocks and the later sets' golds chose (two early sets, holdout15 and 16, took the
 * English half).
 */
function englishHalfFirst(texts: readonly TextCell[]): number[] {
  const order = texts.map((_, i) => i);
  for (let i = 0; i + 1 < texts.length; i++) {
    const [a, b] = [texts[i]!, texts[i + 1]!];
    if (a.row !== b.row || (i + 2 < texts.length && texts[i + 2]!.row === a.row)) continue;
    if (i > 0 && texts[i - 1]!.row === a.row) continue;
    const englishLegal =
      hasCompanyWord(a.text) &&
      hasCompanyWord(b.text) &&
      !ENGLISH_LEGAL_RE.test(a.text) &&
      ENGLISH_LEGAL_RE.test(b.text);
    if (englishLegal) [order[i], order[i + 1]] = [i + 1, i];
  }
  return order;
}

/** A title cell cut at its last ", ": the head, the tail after it, and "... at Org" when written so. */
interface TitleCellParts {
  t: string;
  headPart: string;
  tail: string;
  titleAt: RegExpExecArray | null;
  /** "Acme Widgets Inc., CFO": an organisation, then its role. */
  orgThenRole: boolean;
}

/**
 * A scientific degree written before the title: "к.т.н., доцент ..." (candidate / doctor of technical,
 * economic... sciences, Ukrainian and Russian), "PhD, Senior Researcher". Not part of the title.
 */
const DEGREE_BEFORE_TITLE_RE =
  /^(?:[кдk]\.\s?[\p{L}-]{1,4}\.(?:\s?[\p{L}-]{1,4}\.)?\s?н\.|Ph\.?\s?D\.?),\s(?=\S)/u;

/** "Managing Director: Hans Brandt": a role, a colon, then a person's name (a register's or a team list's entry). */
const ROLE_OF_PERSON_RE = /^([^:]{2,40}):\s{1,3}(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’.-]*){1,3})$/u;

/**
 * A cell naming someone else in a role ("Managing Director: Hans Brandt" in a company's register lines, "CEO:
 * Jo Coe"): not the sender's title. The sender's own name there ("Managing Director: Erik Brandt" signed by
 * Erik Brandt) is read as usual.
 */
function namesSomeoneElse(t: string, name: string | null): boolean {
  const m = ROLE_OF_PERSON_RE.exec(t.trim());
  if (!m || !hasTitleWord(m[1]!)) return false;
  const other = m[2]!.toLowerCase();
  return name === null || !other.split(/\s+/).some((w) => w.length > 1 && name.toLowerCase().includes(w));
}

/**
 * The cell as the title when it reads as one (a role noun, no legal form outside an organisation written
 * beside it): records the title and what else the cell names, and returns true; false leaves the cell alone.
 */
/**
 * "University Partnerships Manager", "Hospital Liaison Officer", "University Researcher II": an English title
 * names its role last (then maybe its grade), whatever institution word qualifies it; no legal form.
 */
function roleNamedLast(x: string): boolean {
  const ws = x
    .trim()
    .replace(/\s(?:[IVX]{1,4}|\d)$/, '')
    .split(/\s+/);
  const last = ws[ws.length - 1] ?? '';
  return ws.length >= 2 && ws.length <= 6 && /^\p{Lu}/u.test(last) && hasTitleWord(last) && !hasLegalForm(x);
}

/** "Manager: Investment Facilitation", "Director: Corporate Affairs": a title, a colon, then its unit. */
const TITLE_COLON_UNIT_RE = /^([^:,]{2,40}): ([^:,]{2,60})$/;

function colonAsComma(t: string): string {
  const m = TITLE_COLON_UNIT_RE.exec(t);
  if (!m || wordCount(m[1]!) > 4 || !hasTitleWord(m[1]!) || hasTitleWord(m[2]!) || /\d/.test(t)) return t;
  return isDepartment(m[2]!) || namesFunction(m[2]!) ? `${m[1]}, ${m[2]}` : t;
}

/**
 * "Senior Director" + "Search & Evaluation, Oncology": a plain title, then a function named as a heading and
 * one more heading it covers (no organisation, role, place, other function or digits after it).
 */
function functionThenScope(head: string, rest: string, input: TitleInput, i: number): boolean {
  const [fn, scope, more] = rest.split(', ');
  return (
    more === undefined &&
    scope !== undefined &&
    wordCount(head) <= 4 &&
    hasTitleWord(head) &&
    !hasTitleWord(rest) &&
    namesFunction(fn!) &&
    /^\p{Lu}[\p{L} &-]{2,40}$/u.test(scope) &&
    !hasCompanyWord(scope) &&
    !namesTerritory(scope) &&
    !namesCity(scope) &&
    !namesFunction(scope) &&
    !isCountryLine(scope) &&
    // The organisation is on a line of its own ("VP, Supply Chain, Tallgrass Foods" names it last).
    !matchesDomain(scope, input.labels) &&
    input.texts.some(
      (x, j) =>
        j !== i &&
        !input.isAddr[j] &&
        (hasCompanyWord(x.text) || (!/[@.:/]/.test(x.text) && matchesDomain(x.text, input.labels))),
    )
  );
}

function takeTitleCell(s: TitleScan, input: TitleInput, i: number, cell: string): boolean {
  const { texts, nameRow, labels } = input;
  const written = cell.replace(DEGREE_BEFORE_TITLE_RE, '');
  const t = colonAsComma(written);
  if (namesSomeoneElse(t, s.c.name)) return false;
  // Arabic and Persian write their comma as "، ", Amharic as "፣ ". A unit that opens with its unit word may hold
  // commas of its own: "Safety Adviser, Faculty of Science, Agriculture & Engineering" splits at the first comma.
  // So may a unit named by its function, then what it covers: "Senior Director, Search & Evaluation, Oncology".
  const unitComma = t.indexOf(', ');
  const comma =
    unitComma > 0 &&
    unitComma !== t.lastIndexOf(', ') &&
    (startsWithUnitWord(t.slice(unitComma + 2)) ||
      functionThenScope(t.slice(0, unitComma), t.slice(unitComma + 2), input, i))
      ? unitComma
      : Math.max(t.lastIndexOf(', '), t.lastIndexOf('، '), t.lastIndexOf('፣ '));
  const tail = comma > 0 ? t.slice(comma + 2) : '';
  const headPart = comma > 0 ? t.slice(0, comma) : t;
  // "Head of Partnerships at Acme Widgets Inc.": the legal form belongs to the organisation after "at".
  const titleAt = TITLE_AT_ORG_RE.exec(t);
  // "Software Engineer – Red Hat Inc.": likewise after a dash, when one side alone has the role.
  const dashSides = t.split(DASH_SEP_RE);
  const dashTitle =
    dashSides.length === 2 && hasTitleWord(dashSides[0]!) !== hasTitleWord(dashSides[1]!)
      ? dashSides.find((x) => hasTitleWord(x))!
      : null;
  const titlePart =
    titleAt && hasTitleWord(titleAt[1]!) && !hasTitleWord(titleAt[2]!)
      ? titleAt[1]!
      : (dashTitle ?? headPart);
  const orgThenRole =
    (tail !== '' && hasTitleWord(tail) && !hasTitleWord(headPart) && isCompanyCell(headPart, labels)) ||
    (mayHaveCjk(t) && cjkOrgUnitRank(t) !== null);
  // Under the name, or beside it on a one-line block ("Ing. Tomáš Vlček | vedoucí zakázek | ...").
  const underName = (texts[i]!.row === nameRow + 1 || texts[i]!.row === nameRow) && nameRow >= 0;
  if (
    !(hasTitleWord(t) || seniorTitle(t, underName)) ||
    (UNIT_TAIL_RE.test(headPart) &&
      !ROLE_OF_RE.test(headPart) &&
      !namesHeadRole(headPart) &&
      !DASH_SEP_RE.test(t)) ||
    (hasStrongCompanyWord(titlePart) && !orgThenRole && !roleNamedLast(titlePart)) ||
    // Czech, Slovak and Polish write titles in lower case ("jednatel"): accepted right under the name,
    // up to three words, with a unit after a comma ("manažérka predaja, Divízia energetiky").
    (/^[a-z]/.test(t) &&
      !(
        underName &&
        (wordCount(t) <= 3 ||
          // "obchodní manažer, Mezinárodní velkoobchod": a lower-case title, then a capitalised unit.
          (tail !== '' &&
            wordCount(headPart) <= 3 &&
            /^\p{Lu}/u.test(tail) &&
            !hasTitleWord(tail) &&
            wordCount(tail) <= 4) ||
          // "vedoucí oddělení velkých sportovních akcí": a role noun opening a longer line (head of a unit).
          (wordCount(t) <= 7 && !t.includes(', ') && hasTitleWord(t.split(' ')[0]!)) ||
          // "regionální manažer pro export, Obchodní oddělení": up to four words when a unit follows.
          (tail !== '' && wordCount(headPart) <= 4 && !hasTitleWord(tail) && isDepartment(tail)) ||
          // "szabadalmi ügyvivő, partner", "..., európai szabadalmi ügyvivő": a list of two roles.
          (tail !== '' &&
            wordCount(headPart) <= 3 &&
            wordCount(tail) <= 3 &&
            hasTitleWord(tail) &&
            hasTitleWord(headPart)))
      )) ||
    (startsWithUnitWord(t) && !UNIT_THEN_ROLE_RE.test(t))
  )
    return false;
  const unitBefore = s.c.department;
  takeTitle(s, input, i, { t, headPart, tail, titleAt, orgThenRole });
  // "Head: IT Vendor Governance" kept whole is the title as written, with its colon.
  if (t !== written && s.c.title === t) s.c.title = written;
  s.titleRow = texts[i]!.row;
  // "Chief, Project Development Division" / "Planning Service": a unit on the title's line is continued by
  // a unit on the next line, as one written on its own line is (addUnitLine).
  if (unitBefore === null && s.c.department !== null && s.c.unitRow === undefined) s.c.unitRow = s.titleRow;
  s.used.add(i);
  return true;
}

/** "and" in the languages of the lexicons, as a word of a cell. */
const LIST_CONJ_RE = new RegExp(`\\s(?:${AND_WORDS})\\s`, 'i');

/**
 * "Direttore Amministrazione, Finanza e Controllo", "Head of Finance, Legal and HR": the role's own list of
 * functions runs on after the comma (the head ends with a function, the tail joins more with "and"), so the
 * cell is one title, not a title and its unit.
 */
function continuesFunctionList(headPart: string, tail: string): boolean {
  const last = headPart.trim().split(/\s+/).pop() ?? '';
  // A tail that opens with a unit word is that unit ("Jefa de Mantenimiento, Servicio de Ingeniería y Obras").
  return (
    LIST_CONJ_RE.test(` ${tail} `) &&
    last !== headPart.trim() &&
    namesFunction(last) &&
    !startsWithUnitWord(tail)
  );
}

/** Records the title of a title cell and the unit or organisation written on the same cell. */
function takeTitle(s: TitleScan, input: TitleInput, i: number, p: TitleCellParts): void {
  const { labels, besideTitle } = input;
  const { t, headPart, tail, titleAt } = p;
  const c = s.c;
  const slashed = slashedTitle(t);
  const unitRank = mayHaveCjk(t) ? CJK_UNIT_RANK_RE.exec(t) : null;
  const orgUnitRank = mayHaveCjk(t) ? cjkOrgUnitRank(t) : null;
  const bracketMatch = BRACKET_UNIT_RE.exec(t);
  const bracketUnit = bracketMatch
    ? [bracketMatch[0], bracketMatch[1]!, bracketMatch[2] ?? bracketMatch[3]!]
    : null;
  const unitThenBracket = bracketUnit ? titleUnitBracket(bracketUnit[1]!, bracketUnit[2]!) : null;
  if (unitThenBracket) {
    // "Manager, Merchandising (UK & EU Accounts)": the brackets qualify the unit after the title.
    c.title = unitThenBracket.title;
    if (!c.department) c.department = unitThenBracket.unit;
  } else if (
    bracketUnit &&
    hasTitleWord(bracketUnit[1]!) &&
    !hasTitleWord(bracketUnit[2]!) &&
    (isDepartment(bracketUnit[2]!) ||
      namesFunction(bracketUnit[2]!) ||
      // A portfolio only after a plain title: "Manager - Procurement (Castings & Forgings)" qualifies the unit.
      (portfolio(bracketUnit[2]!) && !DASH_SEP_RE.test(bracketUnit[1]!) && !bracketUnit[1]!.includes(', ')))
  ) {
    // "Deputy General Manager (Treasury Operations)": the unit in brackets after the title.
    c.title = bracketUnit[1]!.trim();
    if (!c.department) c.department = bracketUnit[2]!.trim();
  } else if (orgUnitRank) {
    // "北里工業大学 大学院工学研究科 機械工学専攻 准教授": the organisation, its units, then the rank.
    c.title = orgUnitRank.rank;
    if (!c.department) c.department = orgUnitRank.unit;
    s.orgCands.push({ i, text: orgUnitRank.org, strong: true, legal: true });
  } else if (
    unitRank &&
    looksLikeDepartment(unitRank[1]!) &&
    !hasTitleWord(unitRank[1]!.replace(/[部課室]$/u, ''))
  ) {
    // "営業部 部長", "销售部 经理": the unit, then the rank on the same line.
    c.title = unitRank[2]!;
    if (!c.department) c.department = unitRank[1]!;
  } else if (p.orgThenRole) {
    // "Acme Widgets, CFO": the organisation, then the role.
    c.title = tail;
    s.orgCands.push({ i, text: headPart, strong: true, legal: hasStrongCompanyWord(headPart) });
  } else if (
    tail &&
    (hasStrongCompanyWord(tail) ||
      // The sender's domain spells the tail, and no line of its own names an organisation that the domain
      // spells too ("..., Port Health & Food Safety" above "Aberdeenshire Port Health Authority").
      (matchesDomain(tail, labels) &&
        !input.texts.some(
          (x, j) => j !== i && hasStrongCompanyWord(x.text) && matchesDomain(x.text, labels),
        )) ||
      // "Sales Director, ACME"; not a function known by its initials ("Quality Manager, QHSE").
      (/^[A-Z]{2,5}$/.test(tail) && !REGION_RE.test(tail) && !namesFunction(tail)) ||
      // Only when no other line names an organisation or holds the name as a place.
      (chiefOfNamedOrg(headPart, tail) &&
        !input.texts.some(
          (x, j) => j !== i && ((input.isAddr[j] && x.text.includes(tail.trim())) || hasCompanyWord(x.text)),
        )))
  ) {
    c.title = headPart;
    // "Senior Manager, Assurance Services at Thornbury Pike LLP": the unit, then its organisation.
    const unitAt = / at (?=\p{Lu})/u.exec(tail);
    const unit = unitAt ? tail.slice(0, unitAt.index) : '';
    const org =
      unitAt && hasStrongCompanyWord(tail.slice(unitAt.index + 4)) && !hasStrongCompanyWord(unit)
        ? tail.slice(unitAt.index + 4)
        : tail;
    if (org !== tail && !c.department) c.department = unit;
    // "VP, Supply Chain, Tallgrass Foods": the title, its unit, then the organisation.
    const inner = headPart.lastIndexOf(', ');
    const headUnit = inner > 0 ? headPart.slice(inner + 2) : '';
    if (
      headUnit !== '' &&
      !c.department &&
      !hasTitleWord(headUnit) &&
      (isDepartment(headUnit) || namesFunction(headUnit)) &&
      !namesTerritory(headUnit) &&
      !REGION_RE.test(headUnit.trim())
    ) {
      c.title = headPart.slice(0, inner);
      c.department = headUnit;
    }
    s.orgCands.push({ i, text: org.replace(/\s?\([^)]{0,60}\)$/, ''), strong: true, legal: true });
  } else if (
    tail &&
    !hasTitleWord(tail) &&
    (isDepartment(tail) ||
      functionThenScope(headPart, tail, input, i) ||
      // The domain spells it but another line is the organisation (above): its unit.
      (matchesDomain(tail, labels) && !hasCompanyWord(tail))) &&
    !headPart.includes(', ') &&
    !continuesFunctionList(headPart, tail)
  ) {
    // "Senior Account Manager, Corporate Banking", "Conseillère principale, Service des communications"
    c.title = headPart;
    if (!c.department) c.department = tail;
  } else if (thaiTitleUnit(t)) {
    // "ผู้จัดการอาวุโส ฝ่ายจัดซื้อ": the title, a space, then the unit its prefix names (ฝ่าย, แผนก, สำนัก).
    const m = thaiTitleUnit(t)!;
    c.title = m.title;
    if (!c.department) c.department = m.unit;
  } else if (slashed) {
    c.title = slashed.title;
    if (slashed.unit && !c.department) c.department = slashed.unit;
  } else if (DASH_SEP_RE.test(t)) {
    takeDashedTitle(s, input, i, t);
  } else if (titleAt) {
    // "Software Engineer at Northwind Traders"; "Postdoctoral Fellow at Applied Perception Lab": a unit after
    // "at" is the department when another line names an organisation.
    c.title = titleAt[1]!;
    const at = titleAt[2]!.trim();
    const orgElsewhere = input.texts.some((x, j) => j !== i && hasStrongCompanyWord(x.text));
    if (orgElsewhere && !hasStrongCompanyWord(at) && isDepartment(at) && !c.department) c.department = at;
    else s.orgCands.push({ i, text: at, strong: true, legal: hasStrongCompanyWord(at) });
  } else {
    c.title = t;
    if (
      tail &&
      !headPart.includes(', ') &&
      !hasTitleWord(tail) &&
      (namesFunction(tail) ||
        // "Branch Manager, Sioux Falls": after a role bound to a site, a heading that names no function is the place.
        (!SITE_ROLE_RE.test(headPart) &&
          (besideTitle(tail) ||
            // "מהנדסת יישומים, תחום רכב", "संचालन प्रबंधक, ऑटोमोटिव लॉजिस्टिक्स": no capitals to read a heading by;
            // not a country's government ("अवर सचिव, भारत सरकार").
            (caselessHeading(tail) && !tail.split(' ').some((w) => isCountryLine(w)))))) &&
      !namesTerritory(tail) &&
      !continuesFunctionList(headPart, tail)
    )
      s.looseUnit = { i, title: headPart, unit: tail };
  }
}

/**
 * What a civil servant's or a diplomat's title covers, in brackets after it: "Counsellor (Development and
 * Humanitarian Affairs)", "Section Officer (UN-II)", "अवर सचिव (अंतर्राष्ट्रीय सहयोग)". A portfolio of two words or
 * more, or a section's code; not a standing ("Acting", "Interim"), pronouns, a region or a country.
 */
// ...nor a translator's language pair: "(French, Italian > English)", "(Vietnamese <> English)".
const STANDING_RE =
  /^(?:acting|interim|retired|retd\.?|hons?\.?|temporary|part[- ]time|maternity cover|designate|elect)$|\/|[<>→↔]|^(?:he|she|they)\b/i;
const SECTION_CODE_RE = /^[A-Z]{1,4}-[IVX\d]{1,4}$/;

function portfolio(x: string): boolean {
  const t = x.trim();
  if (STANDING_RE.test(t) || REGION_RE.test(t) || namesTerritory(t) || isCountryLine(t) || countriesLine(t))
    return false;
  if (SECTION_CODE_RE.test(t)) return true;
  return wordCount(t) >= 2 && wordCount(t) <= 6 && !/\d/.test(t) && !hasCompanyWord(t);
}

const THAI_TITLE_UNIT_RE = new RegExp(
  String.raw`^(\p{Script=Thai}[\p{Script=Thai} ]{1,40}?) ((?:${alt('unitPrefixesNative')})\p{Script=Thai}{2,30})$`,
  'u',
);

function thaiTitleUnit(t: string): { title: string; unit: string } | null {
  if (!/\p{Script=Thai}/u.test(t)) return null;
  const m = THAI_TITLE_UNIT_RE.exec(t.trim());
  return m && hasTitleWord(m[1]!) ? { title: m[1]!, unit: m[2]! } : null;
}

/** The roles that head a whole organisation, written before its name ("CEO, MediVis", "Founder, Lumen"). */
const CHIEF_RE =
  /^(?:(?:Co-?)?Founder(?: (?:&|and) CEO)?|CEO|CTO|COO|CFO|CMO|CRO|CIO|CPO|President|Owner|Managing Partner|Managing Director)$/i;
/** One to three capitalised words: a name, not a phrase. */
const PROPER_NAME_RE = /^\p{Lu}[\p{L}\d&'’.-]*(?: \p{Lu}[\p{L}\d&'’.-]*){0,2}$/u;

function chiefOfNamedOrg(head: string, tail: string): boolean {
  return (
    CHIEF_RE.test(head.trim()) &&
    PROPER_NAME_RE.test(tail.trim()) &&
    !isDepartment(tail) &&
    !namesFunction(tail) &&
    !hasTitleWord(tail) &&
    !namesTerritory(tail) &&
    !isCountryLine(tail) &&
    !REGION_RE.test(tail)
  );
}

/**
 * A title cell in parts around a dash: the side with the role is the title (the whole cell when the other
 * side is a territory), and the other side names the organisation, the department or a loose unit.
 */
/** A country, or countries joined by "&", "and" or commas ("Ireland & Northern Ireland", "Spain and Portugal"). */
function countriesLine(x: string): boolean {
  const parts = x.trim().split(/\s*(?:&|,|\band\b)\s*/);
  return parts.length <= 4 && parts.every((p) => p !== '' && (isCountryLine(p) || namesTerritory(p)));
}

/**
 * One to three capitalised words, each written in an address line of the block ("Liverpool", "Bristol
 * (Avonmouth)": the district in brackets too).
 */
function placeOfAddress(x: string, input: TitleInput): boolean {
  const t = x.trim().replace(/ \((\p{Lu}[\p{L}'’-]+)\)$/u, ' $1');
  if (!PLACE_WORDS_RE.test(t)) return false;
  const addr = input.texts.filter((_, j) => input.isAddr[j]).map((a) => a.text);
  return (
    addr.length > 0 &&
    t.split(' ').every((w) => addr.some((a) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'u').test(a)))
  );
}

function takeDashedTitle(s: TitleScan, input: TitleInput, i: number, t: string): void {
  const { labels, besideTitle } = input;
  const c = s.c;
  const segs = t.split(DASH_SEP_RE);
  // "Kế toán trưởng - Phòng Tài chính Kế toán": a side opening with a unit word is the unit, whatever words it holds;
  // "Team Lead - Renewal Operations": not a unit word then its role noun.
  const withTitle = segs.filter(
    (x) => hasTitleWord(x) && (!opensWithUnit(x) || UNIT_THEN_ROLE_RE.test(x.trim())),
  );
  // "Regional Operations Manager - Midwest": a territory stays in the title.
  // "Branch Manager – Liverpool": so does a city, or a place the block's address names.
  const territory =
    segs.length === 2 &&
    segs.some(
      (x) =>
        !hasTitleWord(x) &&
        (namesTerritory(x) ||
          countriesLine(x) ||
          REGION_RE.test(x.trim()) ||
          // "QLD & NT", "DACH / Nordics": a list of regions.
          x.split(/\s*(?:&|\/|,| and )\s*/).every((r) => REGION_RE.test(r.trim())) ||
          namesCity(x) ||
          placeOfAddress(x, input)),
    );
  if (territory) c.title = t;
  else if (withTitle.length === 1) c.title = withTitle[0]!.trim();
  // "odvjetnica – partnerica", "Partner – Head of Litigation": two roles stay one title.
  else if (segs.length === 2 && withTitle.length === 2) c.title = t.trim();
  // "Gerente de Vendas – Departamento Comercial", "Technical Lead - Cloud Platform Team"
  const other =
    segs.length === 2 && !territory ? segs.find((x) => !withTitle.includes(x))?.trim() : undefined;
  if (
    withTitle.length === 1 &&
    other &&
    !isDepartment(other) &&
    (hasStrongCompanyWord(other) || matchesDomain(other, labels))
  )
    // "Software Engineer - Red Hat", "Red Hat - Software Engineer": the other side names the organisation.
    s.orgCands.push({ i, text: other, strong: true, legal: hasStrongCompanyWord(other) });
  else if (withTitle.length === 1 && other && !c.department && isDepartment(other)) c.department = other;
  else if (withTitle.length === 1 && other && (namesFunction(other) || besideTitle(other)))
    s.looseUnit = { i, title: c.title!, unit: other };
}

/**
 * A cell that is a unit of its own ("Corporate Banking"): the department, unless one is already set; a
 * unit line right under another continues it (addUnitLine).
 */
function takeDepartmentCell(s: TitleScan, labels: string[], i: number, t: string, row: number): boolean {
  const dashHead = t.split(DASH_SEP_RE)[0] ?? t;
  // "Chief, Project Development Division" / "Planning Service": a function's heading right under the unit
  // is its next level.
  const nextLevel =
    s.c.department !== null &&
    s.c.unitRow === row - 1 &&
    namesFunction(t) &&
    // "Sales" / "Harbourline Property Group": a heading with an organisation's word or the domain's name is
    // the organisation.
    !hasCompanyWord(t) &&
    !matchesDomain(t, labels);
  // "Vardell Commercial Bank, Singapore Branch": the organisation, then its branch: the organisation's line.
  const commaHead = t.split(', ')[0]!;
  if (commaHead !== t && isCompanyCell(commaHead, labels) && !isDepartment(commaHead)) return false;
  if (
    !(isDepartment(t) || nextLevel) ||
    // "Department of Operations & Supply Chain Management": a unit opening with its unit word may be longer.
    // (A dash between the unit and its field is no word: "II. interní klinika – kardiologie a angiologie".)
    wordCount(t.replace(/\s[-–]\s/g, ' ')) > (startsWithUnitWord(t) ? 8 : 6) ||
    hasStrongCompanyWord(t) ||
    (dashHead !== t && isCompanyCell(dashHead, labels)) ||
    // "East Africa Food Security Programme (EAFSP)" once the title's line gave the unit: a unit-worded
    // name spelled by its own initials is the organisation, left for the organisation step.
    (s.c.department !== null &&
      (s.c.unitRow !== row - 1 || s.c.unitRow === s.titleRow) &&
      spelledByAcronym(t)) ||
    // "Mechanical Engineer, Building Services | Ingénieur mécanique, Services du bâtiment": a role (or a
    // "role, unit" pair) beside the unit on its row is the row's other language, not a lower level.
    (s.c.department !== null &&
      s.c.unitRow === row &&
      (hasTitleWord(t) || t.includes(', ')) &&
      !startsWithUnitWord(t))
  )
    return false;
  // "Department of Rural Waterworks and Sanitation" at drws-gov: a unit-worded line that spells the sender's
  // domain, below the unit, is the organisation.
  if (s.c.department !== null && (matchesDomain(t, labels) || unitNamedByDomain(t, labels))) return false;
  // "Aonad Sábháilteachta Táirgí | Product Safety Unit" under a title written in two languages: the unit's
  // other language, not a lower level.
  if (s.bilingualRows && s.c.department !== null && s.c.unitRow === row) {
    s.used.add(i);
    return true;
  }
  const before = s.c.department;
  addUnitLine(s.c, t, row);
  // "Department of Rural Waterworks and Sanitation" lines below the unit, not next to it: not a level of the
  // unit, left for the organisation step.
  if (before !== null && s.c.department === before) return false;
  s.used.add(i);
  return true;
}

/**
 * Any other cell may name the organisation: it becomes a candidate for company.ts (strong with a legal form
 * or the sender's domain), and a unit written beside the organisation on it is kept as headUnit.
 */
function offerOrganisation(s: TitleScan, labels: string[], i: number, t: string): void {
  // "(Deutsche Musterbank)" under "Musterbank GmbH": a bracketed aside (an older or shorter name), no
  // organisation of its own.
  if (/^\s*\([^()]{2,80}\)\s*$/.test(t)) return;
  // "rideausport.example" alone, in lower case: the website, whatever it spells ("Amazon.com" is a name).
  if (/^\s*(?:https?:\/\/)?[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,12}\/?\s*$/.test(t)) return;
  // "R&D, VoiceAge Corporation": the segment naming the organisation. A list inside the name ("Trung tâm Xúc
  // tiến Đầu tư, Thương mại và Du lịch tỉnh ...": investment, trade and tourism) is no segment boundary.
  const parts = orgSegments(t);
  const listInName =
    parts.length === 2 &&
    LIST_CONJ_RE.test(` ${parts[1]} `) &&
    !hasStrongCompanyWord(parts[1]!) &&
    !hasTitleWord(parts[1]!);
  const segs = listInName ? [t] : parts;
  // An acronym head is written in capitals ("R&D", "IT"); a caseless script ("ברקוביץ, שגיא ושות'", a list of
  // partners' names) has no capitals to say so.
  const unitHead =
    segs.length > 1 &&
    ((/[A-Z]/.test(segs[0]!) && !/\p{Ll}/u.test(segs[0]!)) ||
      hasTitleWord(segs[0]!) ||
      isDepartment(segs[0]!));
  let orgSeg = unitHead ? segs.find((x) => hasStrongCompanyWord(x)) : undefined;
  // "Ocean Freight, Northwind Traders Inc.", "Northwind Traders Inc., Ocean Freight Division": one
  // segment has the legal form, the other is unit-shaped.
  const pair = orgSeg ? undefined : orgAndUnit(segs);
  if (pair) {
    orgSeg = pair.org;
    s.headUnit ??= pair.unit;
  }
  // "Global Marketing Dept., Hoshizora Inc.": the unit before the organisation.
  // A unit line of its own further down wins over this one.
  if (orgSeg && segs.length === 2 && segs[0] !== orgSeg && isDepartment(segs[0]!))
    s.headUnit ??= segs[0]!.trim();
  const cand = orgSeg ?? t;
  // "Muster – Musterbank GmbH": the side of a dash with the legal form names the organisation.
  const sides = cand.split(DASH_SEP_RE);
  const first =
    (sides.length === 2 ? sides.find((x) => hasStrongCompanyWord(x)) : undefined) ?? sides[0] ?? cand;
  if (/^[a-z]/.test(first) && !matchesDomain(first, labels)) return;
  // A role with a weak organisation word ("Software Engineer") is no organisation.
  if (isCompanyCell(first, labels) && !(hasTitleWord(first) && !hasStrongCompanyWord(first))) {
    s.orgCands.push({
      i,
      text: cand,
      strong: hasStrongCompanyWord(first) || matchesDomain(first, labels),
      legal: hasStrongCompanyWord(first),
    });
  }
}
