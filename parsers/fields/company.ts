/**
 * The organisation of a signature block: evidence that a cell names it (a legal form, an institution
 * word, the sender's domain or a linked host), and the choice among the candidate cells the title step
 * found, with what that choice settles for the unit (department) and the address. Part of field
 * extraction (../fields.ts); pure functions over the block's text cells.
 */
import type { Address } from '../types.ts';
import { alt } from '../lexicon/index.ts';
import { caseless } from '../lexicon/caseless.ts';
import {
  capLine,
  findUrls,
  hasCompanyWord,
  hasLegalForm,
  hasStrongCompanyWord,
  hasTitleWord,
  isCountryLine,
  isValediction,
  lexicalWordCount,
  looksLikeAddress,
  wordCount,
} from '../lines.ts';
import {
  isDepartment,
  looksLikeDepartment,
  looksLikeUnitHeading,
  namesCity,
  namesFunction,
  namesHeadRole,
  namesTerritory,
  REGION_RE,
  startsWithUnitWord,
} from '../department.ts';
import { LINK_LABEL_RE, isSocial } from '../urls.ts';
import { labelType } from '../phones.ts';
import type { TextCell } from './cells.ts';
import { addUnitLine, type Draft, type LooseUnit, type OrgCandidate } from './draft.ts';

/**
 * "光商事株式会社 営業部", "株式会社星空電機 技術開発本部 ソフトウェア開発部", "华信科技有限公司 研发中心",
 * "한빛전자 주식회사 영업팀": a CJK company name (its legal form written before or after it) followed by one
 * to three unit words on the same cell.
 */
const CJK_ORG_UNIT_RE = new RegExp(
  // "北陽大学　産学連携推進本部　知的財産部門": an institution too, then its units.
  String.raw`^((?:\S{1,30}\s)?\S{0,30}(?:${alt('legalFormsNative')}|${alt('orgWordsNative')})\S{0,30})\s+(\S{1,20}(?:\s\S{1,20}){0,2})$`,
  'u',
);

/** The labels of a host that may name an organisation ("acme" of "mail.acme.example"). */
export function domainLabels(email: string | null): string[] {
  const host = email?.split('@')[1]?.toLowerCase() ?? '';
  return host
    .split('.')
    .slice(0, -1)
    .filter((p) => p.length >= 3 && !/^(?:com|co|org|net|mail|email|www|corp|info)$/.test(p));
}

/**
 * The labels that name the sender's organisation: those of the sender's domain, then of the hosts linked
 * in the block ("virCIO   http://www.virCIO.Com"); a social site's host names the site, not the sender's
 * organisation.
 */
export function orgLabels(lines: string[], from: Address): string[] {
  const labels = domainLabels(from.email);
  const own = from.email?.split('@')[1]?.toLowerCase() ?? '';
  for (const line of lines) {
    for (const u of findUrls(capLine(line))) {
      const host = (u.text.replace(/^https?:\/\//i, '').split('/')[0] ?? '').toLowerCase();
      // "energy.ucnewbridge.example" under ...@ucnewbridge.example: a site of a unit of the sender's own
      // organisation, whose first label names the unit.
      if (own !== '' && host.endsWith(`.${own}`)) continue;
      if (/^(?:https?:\/\/|www\.)/i.test(u.text) && isSocial(u.text, from) === null)
        for (const l of domainLabels(`x@${host}`)) if (!labels.includes(l)) labels.push(l);
    }
  }
  return labels;
}

/**
 * A cell's letters as a host name spells them: accents dropped ("Kōwhai" -> "kowhai", "Société" ->
 * "societe") or, for German, written out ("Müller" -> "mueller"); the letters NFD does not split are
 * transliterated. ASCII cells are returned as they are.
 */
export function asHostLetters(cell: string, german: boolean): string {
  if (!/[^\x00-\x7f]/.test(cell)) return cell;
  const s = german ? cell.replace(/[äöüÄÖÜ]/g, (c) => `${c}e`) : cell;
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[þÞ]/g, 'th');
}

/** Does a cell name the sender's organisation (a token equal to a label of the sender's domain)? */
export function matchesDomain(cell: string, labels: string[]): boolean {
  // "The Aurelia Hotels & Residences" at aureliahotels: the article is no part of the domain.
  const name = cell.replace(/^\s*the\s+(?=\S)/i, '');
  if (matchesDomainAscii(asHostLetters(name, false), labels)) return true;
  // "Larkspur & Vine Restaurants" at larkspurandvine: the ampersand spelled out.
  if (
    name.includes('&') &&
    matchesDomainAscii(asHostLetters(name.replace(/\s*&\s*/g, ' and '), false), labels)
  )
    return true;
  return /[äöüÄÖÜ]/.test(name) && matchesDomainAscii(asHostLetters(name, true), labels);
}

/**
 * "northwold-tx" for "Northwold Therapeutics": the name's first word (five letters or more), then two or three
 * letters that open its next word.
 */
function firstWordThenShortForm(label: string, toks: readonly string[]): boolean {
  const parts = label.split('-');
  if (parts.length !== 2 || toks.length < 2 || toks[0]!.length < 5 || parts[0] !== toks[0]) return false;
  return /^[a-z]{2,3}$/.test(parts[1]!) && parts[1]![0] === toks[1]![0];
}

function matchesDomainAscii(cell: string, labels: string[]): boolean {
  const toks = cell.toLowerCase().split(/[^a-z0-9]+/);
  const joined = cell.toLowerCase().replace(/[^a-z0-9]/g, '');
  // "Fleishman-Hillard Saunders" at fhs.ie: the initials spell the domain label.
  const initials = cell
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join('');
  return labels.some(
    (l) =>
      toks.includes(l) ||
      joined === l ||
      (l.length >= 5 && joined.startsWith(l)) ||
      // "Northgate Customs Brokerage" at northgate-customs: a hyphenated label spells the name's start.
      (l.includes('-') && l.length >= 6 && joined.startsWith(l.replace(/-/g, ''))) ||
      // "Hollis Custom Millwork" at hollis-millwork, "Northline Rail Infrastructure" at northline-infra: every part
      // of a hyphenated label is a word of the name or the start of one.
      (l.includes('-') &&
        l
          .split('-')
          .every((p) => p.length >= 3 && toks.some((t) => t === p || (p.length >= 4 && t.startsWith(p))))) ||
      // "Northwold Therapeutics" at northwold-tx: the name's first word, then a short form of the next (two or
      // three letters, its first among them; "Berkovitz, Noa" at berkovitz-law is a person).
      firstWordThenShortForm(l, toks) ||
      // "NWL" at nwl-freight: an acronym as written is the first word of a hyphenated label.
      (l.includes('-') && /^[A-Z]{2,6}$/.test(cell.trim()) && l.split('-')[0] === joined) ||
      (initials.length >= 3 && initials === l) ||
      // "Department of Rural Waterworks and Sanitation" at drws-gov: the initials spell a hyphenated label's start.
      (initials.length >= 3 && l.includes('-') && l.split('-')[0] === initials) ||
      labelShortensName(cell, toks, l),
  );
}

/**
 * A label that shortens the name from its first word: "southcross-tm" (the first word, then the initials of
 * the rest), "halcyontx" (the first word and a short code for the rest), "lochsidecars" (the first and the last
 * word joined), "brightwatercoffeelab" (the first word and some of the others, in order).
 */
function labelShortensName(cell: string, toks: readonly string[], l: string): boolean {
  const first = toks[0] ?? '';
  if (l.includes('-')) return wordThenInitials(cell, l);
  return (
    (toks.length >= 2 &&
      first.length >= 5 &&
      l.startsWith(first) &&
      l.length > first.length &&
      l.length - first.length <= 3 &&
      /^[a-z]+$/.test(l)) ||
    (toks.length >= 3 &&
      first.length >= 4 &&
      l.startsWith(first) &&
      spelledByWords(l.slice(first.length), toks, 1))
  );
}

/**
 * Is `rest` some of the words from `from` on, joined in order ("coffeelab" of "Coffee Quality Lab")? Each
 * (position in `rest`, next word) pair is tried once, so a cell of many repeated words costs no more than their
 * product.
 */
function spelledByWords(rest: string, toks: readonly string[], from: number): boolean {
  const failed = new Set<number>();
  const go = (at: number, k0: number): boolean => {
    if (at === rest.length) return true;
    const key = at * (toks.length + 1) + k0;
    if (failed.has(key)) return false;
    for (let k = k0; k < toks.length; k++) {
      const w = toks[k]!;
      if (w.length >= 2 && rest.startsWith(w, at) && go(at + w.length, k + 1)) return true;
    }
    failed.add(key);
    return false;
  };
  return go(0, from);
}

/** "Southcross Trade Marks" at southcross-tm: the name's first word, then the initials of the words after it. */
function wordThenInitials(cell: string, label: string): boolean {
  const [first, ...rest] = label.split('-');
  const ws = cell.trim().split(/\s+/);
  return (
    first!.length >= 4 &&
    ws.length >= 2 &&
    ws[0]!.toLowerCase() === first &&
    rest.join('') ===
      ws
        .slice(1)
        .map((w) => w[0]!.toLowerCase())
        .join('')
  );
}

/** A short cell with a company word, a word of an organisation's own name or the sender's domain name. */
export function isCompanyCell(c: string, labels: string[]): boolean {
  // A legal form allows a longer name ("Müller & Söhne Präzisionstechnik GmbH & Co. KG").
  if (/[@]/.test(c) || c.length > 80) return false;
  // "Laboratoire des Sciences des Matériaux de Grenoble (LSMG)": the acronym after the name adds no length.
  const name = c.replace(/\s\(\p{Lu}{2,8}\)$/u, '');
  const words = lexicalWordCount(name);
  if (words > 7 || name.length > 60) return words <= 10 && hasStrongCompanyWord(name);
  return hasCompanyWord(c) || matchesDomain(c, labels) || namesOrganisation(c) || spelledByAcronym(c);
}

/** "East Africa Food Security Programme (EAFSP)": a name followed by its own initials in brackets. */
const ACRONYM_TAIL_RE = /^(\p{Lu}[\p{L}'’&.-]*(?: [\p{L}'’&.-]+){1,9}) \((\p{Lu}{3,8})\)$/u;
export function spelledByAcronym(cell: string): boolean {
  const m = ACRONYM_TAIL_RE.exec(cell.trim());
  if (!m) return false;
  const initials = m[1]!
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  return initials === m[2];
}

/** A cell that is an internal extension alone: "X31545", "x3-0977", "Ext. 35614". */
const EXTENSION_CELL_RE = /^(?:x|ext\.?\s?)?-?\d{1,2}-?\d{3,5}$/i;

/** Capitalised words of an organisation's name and the connectors between them ("Bay & Harbour Foods"). */
const ORG_NAME_RE =
  /^(?:\p{Lu}[\p{L}\d'’.&-]{0,30}|[\p{Lu}\d]{2,10})(?: (?:\p{Lu}[\p{L}\d'’.&-]{0,30}|&|and|of|for|de|du|der|und|et|y|e)){0,4}$/u;

/** A word of an organisation's own name ("Energy", "Global", "Technology"; lexicon orgNameWords). */
const ORG_NAME_WORD_RE = caseless(
  String.raw`(?<![\p{L}\p{N}_])(?:${alt('orgNameWords')})(?![\p{L}\p{N}_])`,
  'iu',
);

/**
 * "Enron Global Technology", "Harbourline Energy Infrastructure": two to five capitalised words, one of
 * them a word of an organisation's own name. A person's name never carries one, so such a cell names an
 * organisation (or a unit, when the unit vocabulary says so: callers test that first).
 */
export function namesOrganisation(cell: string): boolean {
  const t = cell.trim();
  return wordCount(t) >= 2 && t.length <= 60 && ORG_NAME_RE.test(t) && ORG_NAME_WORD_RE.test(t);
}

/**
 * No cell names the organisation by a legal form, an institution word or the sender's domain: a short
 * capitalised name written right next to the title is it ("Northwind Traders" under "Account Executive",
 * "Account Executive | Northwind Traders", or between the name and the title), unless it reads as a role,
 * a unit, a place or a sentence. The index of that cell, or -1.
 */
function orgBesideTitle(
  texts: readonly TextCell[],
  isAddr: readonly boolean[],
  used: ReadonlySet<number>,
  titleRow: number,
): number {
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (used.has(i) || isAddr[i] || Math.abs(t.row - titleRow) > 1) continue;
    const x = t.text.trim();
    // What is left of a labelled link or number ("Personal WebLog: http://...") is a label, no name; a
    // slogan opens with a verb ("Building Better Bridges"); a label or a sign-off is no name either.
    if (t.raw.trim() !== x || /^\p{L}+ing\s/u.test(x)) continue;
    if (isValediction(x) || LINK_LABEL_RE.test(x) || labelType(x) !== null) continue;
    // "X31545", "x3-0977": an internal extension (read as a phone) is no name either.
    if (EXTENSION_CELL_RE.test(x)) continue;
    if (
      x.length >= 3 &&
      x.length <= 50 &&
      ORG_NAME_RE.test(x) &&
      !/[.!?:]$/.test(x) &&
      !hasTitleWord(x) &&
      !looksLikeDepartment(x) &&
      !isDepartment(x) &&
      !namesFunction(x) &&
      !isCountryLine(x) &&
      !namesCity(x) &&
      !namesTerritory(x) &&
      !REGION_RE.test(x) &&
      !looksLikeAddress(x)
    )
      return i;
  }
  return -1;
}

/** A slogan ("Building Better Harbours") or what is left of a labelled link: no name of a unit or an organisation. */
function slogan(t: TextCell, besideTitle = false): boolean {
  // On the title's own line a gerund and one noun name a unit ("Reliability Engineer | Rotating Equipment").
  const x = t.text.trim();
  return t.raw.trim() !== x || (/^\p{L}+ing\s/u.test(x) && !(besideTitle && wordCount(x) === 2));
}

/**
 * "Ocean Freight | Northwind Traders Inc.", "Northwind Traders Inc. | Ocean Freight": a unit-shaped
 * segment (`unitShaped`: beside-title heading, not company-like) on the organisation's own line; its
 * index, or -1.
 */
function unitOnOrgLine(
  texts: readonly TextCell[],
  isAddr: readonly boolean[],
  used: ReadonlySet<number>,
  orgAt: number,
  unitShaped: (x: string) => boolean,
): number {
  const row = texts[orgAt]?.row;
  return texts.findIndex(
    (t, i) =>
      t.row === row &&
      i !== orgAt &&
      !used.has(i) &&
      !isAddr[i] &&
      !slogan(t) &&
      !hasTitleWord(t.text) &&
      unitShaped(t.text),
  );
}

export interface CompanyInput {
  texts: readonly TextCell[];
  isAddr: readonly boolean[];
  used: ReadonlySet<number>;
  draft: Draft;
  orgCands: readonly OrgCandidate[];
  looseUnit: LooseUnit | undefined;
  /** Row of the title, or -1. */
  titleRow: number;
  labels: string[];
  /** Is a cell a unit-shaped heading that may stand beside the title (see title.ts unitBesideTitle)? */
  besideTitle: (cell: string) => boolean;
}

export interface CompanyResult {
  draft: Draft;
  texts: TextCell[];
  isAddr: boolean[];
  used: Set<number>;
}

/** A comma that separates segments of a cell, not the one before a legal form ("Acme, Inc."). */
const ORG_SEG_SEP_RE = /,\s(?!(?:Inc|Ltd|LLC|LLP|Corp)\b)/;

/**
 * The segments of a cell split at its commas ("R&D, VoiceAge Corporation"), except the comma before a legal form
 * that closes the name ("Química Sierra Excipientes, S.L.", "Ústav říční hydrologie, v. v. i."): that segment
 * stays with the name before it.
 */
export function orgSegments(t: string): string[] {
  const parts = t.split(ORG_SEG_SEP_RE);
  const out: string[] = [];
  for (const p of parts) {
    const form = p.trim();
    // A legal form alone: short words only ("S.L.", "v. v. i.", "S.A. de C.V."), not "Hoshizora Inc.".
    if (
      out.length > 0 &&
      hasLegalForm(form) &&
      form.split(/\s+/).every((w) => w.replace(/\P{L}/gu, '').length <= 4)
    )
      out[out.length - 1] += `, ${p}`;
    else out.push(p);
  }
  return out;
}
/**
 * " - ", " – " or " _ " between an organisation and its unit ("Halcyon Corp. - Global Finance", "Halcyon
 * Net Works _ Data Management": older clients' plain-text stationery writes the underscore).
 */
const DASH_SEP_RE = /\s[-–_]\s/;
/** "of Cognitive Sciences": a lower-case continuation of an organisation's name on the next line. */
const NAME_CONTINUATION_RE = /^(?:of|in|at|for|and|&)\s/;

/**
 * The organisation among the candidates (a legal form first, then an institution or the sender's domain,
 * then any), or an institution heading an address line when no cell names one; then the unit a company
 * settles (a heading beside the title, the line under it) and a name wrapped onto a continuation line.
 */
/** One or two capitalised words after a company's legal form: its city ("Nairobi", "Addis Ababa"). */
const CITY_TAIL_RE = /^\p{Lu}\p{Ll}{2,20}(?: \p{Lu}\p{Ll}{2,20})?$/u;

/** A group's own word: "Grupo Atlântico Verde", "Acme Group", "Groupe Durand". */
const GROUP_WORD_RE = /(?<!\p{L})(?:group|grupo|groupe|gruppe|gruppo|grupa|groep|holding)(?!\p{L})/iu;
const GROUP_FIRST_RE = /^(?:grupo|groupe|gruppe|gruppo|grupa|groep)\s/iu;

/**
 * "Grupo Atlântico Verde" above "Atlântico Verde Energias Renováveis, Lda.": the parent group the firm belongs
 * to, not a unit of it: a group word, opening the line or with a word of the firm's own name.
 */
function parentGroup(line: string, company: string): boolean {
  if (!GROUP_WORD_RE.test(line)) return false;
  if (GROUP_FIRST_RE.test(line.trim())) return true;
  const own = new Set(
    company
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4),
  );
  return line
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((w) => w.length >= 4 && !GROUP_WORD_RE.test(w) && own.has(w));
}

/**
 * "Department for Energy Transition" from ...@energytransition.gov.example: when nothing else names the
 * organisation, a unit-worded line whose name spells the sender's domain is the organisation itself (a
 * ministry, an agency, a firm named "office" in its own language); the department, if it was that line, is
 * left empty.
 */
function namedByDomain(c: Draft, texts: readonly TextCell[], labels: string[]): void {
  const gov = labels.some((l) => GOVERNMENT_LABELS.has(l));
  // From a government domain, the last "Office for Export Promotion", "Department of Labor" line names the body.
  const t =
    texts.find((x) => unitNamedByDomain(x.text, labels)) ??
    (gov ? [...texts].reverse().find((x) => PUBLIC_BODY_RE.test(x.text.trim())) : undefined) ??
    // "Biuro Tłumaczeń Prawniczych LEXIVERSA" at lexiversa: the unit-worded line read as the unit names the
    // firm by the sender's domain.
    (c.department !== null
      ? texts.find((x) => x.text.trim() === c.department && matchesDomain(x.text, labels))
      : undefined);
  if (!t) return;
  c.company = t.text.trim();
  if (c.department === c.company) c.department = null;
}

/** Domain labels of governments: gov.uk, gouv.fr, gob.mx, govt.nz. */
const GOVERNMENT_LABELS: ReadonlySet<string> = new Set(['gov', 'govt', 'gouv', 'gob']);
/** A public body named by its form and what it is for: "Office for National Statistics", "Department of Labor". */
const PUBLIC_BODY_RE =
  /^(?:Office|Department|Ministry|Agency|Directorate|Bureau|Secretariat|Commission|Board|Service) (?:of|for) (?:the )?\p{Lu}[\p{L}&' -]{2,60}$/u;

/** "Department for Energy Transition" at energytransition: a unit word, "of" or "for", then the domain's name. */
export function unitNamedByDomain(text: string, labels: string[]): boolean {
  const m = /^\S+\s(?:of|for)\s(.{3,60})$/i.exec(text.trim());
  const joined = m ? m[1]!.toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  return m !== null && startsWithUnitWord(text) && labels.some((l) => l.length >= 6 && l === joined);
}

export function chooseCompany(input: CompanyInput): CompanyResult {
  const { orgCands, titleRow } = input;
  const c: Draft = { ...input.draft };
  const texts = input.texts.map((t) => ({ ...t }));
  const isAddr = [...input.isAddr];
  const used = new Set(input.used);
  const addrOrg = orgHeadingAddress(texts, isAddr, used, input.labels);
  const first = orgCands.find((o) => o.legal) ?? orgCands.find((o) => o.strong) ?? orgCands[0];
  // An institute or faculty above its university ("Institut für Angewandte Geologie" / "Universität
  // Donauland") or above its corporation ("Radio Research Institute" / "Huaxin Telecom Corporation"): the
  // university or the corporation employs, the institute is the unit.
  const employer =
    first && INSTITUTE_RE.test(first.text) && !UNIVERSITY_RE.test(first.text)
      ? orgCands.find(
          (o) =>
            o !== first &&
            (UNIVERSITY_RE.test(o.text) || (o.legal === true && o.i > first.i && !INSTITUTE_RE.test(o.text))),
        )
      : undefined;
  const chosen = employer ?? first;
  if (chosen) {
    takeOrgCell(c, chosen.text, texts[chosen.i]?.row ?? -1, input.labels);
    used.add(chosen.i);
    const unit = employer ? first : orgCands.find((o) => o !== chosen && !o.strong && o.i < chosen.i);
    if (!c.department && unit && wordCount(unit.text) <= 6 && !parentGroup(unit.text, chosen.text))
      c.department = unit.text;
  }
  if (!chosen && addrOrg && !c.company) {
    c.company = addrOrg.head;
    texts[addrOrg.i]!.text = addrOrg.rest;
    if (addrOrg.rest === '') isAddr[addrOrg.i] = false;
  }
  const orgAt = !c.company && titleRow >= 0 ? orgBesideTitle(texts, isAddr, used, titleRow) : -1;
  if (orgAt >= 0) c.company = texts[orgAt]!.text;
  if (orgAt >= 0) used.add(orgAt);
  if (!c.company) namedByDomain(c, texts, input.labels);
  if (c.company && !c.department) settleUnit(c, { ...input, texts, isAddr, used, chosen });
  else if (c.company && c.department) unitAboveUnitLine(c, input);
  joinWrappedCompany(c, texts, isAddr);
  // "Centre for Data Science" is a university's unit beside the university, and the employer itself when
  // no line names another organisation (a think tank, an independent laboratory).
  if (!c.company && c.department && STANDALONE_UNIT_RE.test(c.department)) {
    c.company = c.department;
    c.department = null;
  }
  if (c.company) c.company = withoutGroupAside(c.company);
  return { draft: c, texts, isAddr, used };
}

/**
 * "(A concern of Meghna Group)", "(a member of the Halden Group)": the group the firm belongs to, no part of its
 * name (nor its registration number after it, below).
 */
const GROUP_ASIDE_RE =
  /\s?\((?:an? )?(?:concern|member|subsidiary|unit|division|part|company) of [^()]{2,60}\)$/i;

/**
 * "Perdana Films Sdn. Bhd. (1355123-X)", "(202001012345 (1355123-X))", "(Co. Reg. No. 555123)": the firm's
 * registration number after its name (Malaysia, Singapore, India), no part of it.
 */
const REGISTRATION_ASIDE_RE =
  /\s?\((?:(?:\d{8,12} ?\()?\d{4,8}-[A-Z]\)?|(?:co(?:mpany)?\.? )?reg(?:istration)?\.? no\.?:? ?[A-Z0-9-]{4,14}|\d{6,12})\)$/i;

function withoutGroupAside(company: string): string {
  const bare = company.replace(GROUP_ASIDE_RE, '').replace(REGISTRATION_ASIDE_RE, '');
  return bare === '' ? company : bare;
}

/** A university, and an institute, faculty or school of one, by their lexicon words (substrings). */
const UNIVERSITY_RE = caseless(alt('universityWords'), 'i');
const INSTITUTE_RE = caseless(alt('instituteWords'), 'i');

const STANDALONE_UNIT_RE = /^(?:The )?(?:Cent(?:er|re)|Laboratory|Lab) for\b/;

/**
 * "University of the Western Cape, Bellville 7535, South Africa": an institution or a legal form heading
 * an address line, or a name the sender's domain spells, is the organisation when no other line names one.
 * The first such line, cut into the heading and the rest of the address, or undefined.
 */
function orgHeadingAddress(
  texts: readonly TextCell[],
  isAddr: readonly boolean[],
  used: ReadonlySet<number>,
  labels: string[],
): { i: number; head: string; rest: string } | undefined {
  for (let i = 0; i < texts.length; i++) {
    if (!isAddr[i] || used.has(i)) continue;
    // "Kestrel Lane" / "41 Marlowe Yard, London W1F 8QS" at kestrellane.example: a name the domain spells, on
    // its own line above the address, reads as a street but is the organisation.
    const whole = texts[i]!.text.trim();
    if (isAddr[i + 1] && !/\d/.test(whole) && wordCount(whole) <= 4 && matchesDomain(whole, labels))
      return { i, head: whole, rest: '' };
    const segs = orgSegments(texts[i]!.text);
    const head = segs[0]!.trim();
    if (
      segs.length >= 3 &&
      // "Kestrel Lane, 41 Marlowe Yard, London" at kestrellane.example: the sender's domain spells it.
      (hasStrongCompanyWord(head) || matchesDomain(head, labels)) &&
      !/\d/.test(head) &&
      !looksLikeAddress(head) &&
      wordCount(head) <= 7
    )
      return { i, head, rest: segs.slice(1).join(', ') };
  }
  return undefined;
}

/**
 * The chosen candidate's cell as the company, split from a unit written on it (after a CJK legal form or
 * across a dash) or from a country and address after a comma.
 */
/** A side of an organisation's line that names a unit or a function ("Ocean Freight", "Abteilung IT"). */
function unitShapedSide(x: string): boolean {
  return isDepartment(x) || namesFunction(x) || looksLikeUnitHeading(x);
}

/** Does the legal name repeat the brand written before it ("Musterbank GmbH" after "Muster")? */
function repeatsBrand(legal: string, brand: string): boolean {
  const l = legal.toLowerCase();
  const ws = brand
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
  return ws.length > 0 && ws.every((w) => l.includes(w));
}

function takeOrgCell(c: Draft, t: string, row: number, labels: string[]): void {
  const dash = t.split(DASH_SEP_RE);
  const countryTail = t.split(/\s?,\s/);
  const cjk = CJK_ORG_UNIT_RE.exec(t);
  if (cjk && looksLikeDepartment(cjk[2]!)) {
    c.company = cjk[1]!;
    if (!c.department) c.department = cjk[2]!;
  } else if (dash.length === 2) {
    // "Ocean Freight – Northwind Traders Inc.": the legal form says which side is the organisation.
    const flip = hasStrongCompanyWord(dash[1]!) && !hasStrongCompanyWord(dash[0]!);
    const dep = dash[flip ? 0 : 1]!.trim();
    // "מי הגליל – תאגיד המים והביוב בע״מ": a brand before a generic legal name is part of the name; the
    // legal side alone only under a unit ("Ocean Freight") or repeating the brand ("Muster – Musterbank GmbH").
    // "Quinta do Ventoso – Vinhos do Douro, Lda." at quintadoventoso: a brand the domain spells is the name's.
    if (flip && (!unitShapedSide(dep) || matchesDomain(dep, labels)) && !repeatsBrand(dash[1]!, dep)) {
      c.company = t.trim();
      return;
    }
    // "Gulfcrest Bank PJSC – DIFC Branch": a branch named by its place is the organisation there, not a unit.
    if (!flip && PLACE_BRANCH_RE.test(dep)) {
      c.company = t.trim();
      return;
    }
    c.company = dash[flip ? 1 : 0]!.trim();
    // "Halcyon Corp. - Global Finance": a unit after the organisation; a place ("- Brno") is none. Under
    // a unit line (the name's "(Data Team)") it is the next level of that unit.
    if (
      (!c.department || c.unitRow === row - 1) &&
      wordCount(dep) <= 3 &&
      !/\./.test(dep) &&
      (isDepartment(dep) || namesFunction(dep) || looksLikeUnitHeading(dep)) &&
      !namesTerritory(dep) &&
      !isCountryLine(dep)
    )
      addUnitLine(c, dep, row);
  } else if (countryTail.length >= 2 && isCountryLine(countryTail[countryTail.length - 1]!)) {
    c.company = countryTail[0]!.trim();
    if (!c.address) c.address = countryTail.slice(1).join(', ');
  } else if (
    countryTail.length === 2 &&
    hasStrongCompanyWord(countryTail[0]!) &&
    !hasStrongCompanyWord(countryTail[1]!) &&
    CITY_TAIL_RE.test(countryTail[1]!)
  ) {
    // "Savanna Agro-Inputs Ltd, Nairobi": the city the company writes after its legal form.
    c.company = countryTail[0]!.trim();
  } else if (bilingualName(t)) {
    // "Lachine Customs Brokers Inc. / Courtiers en douane Lachine inc.": one name in two languages, the
    // first as written (the block's conventions take the first version).
    c.company = t.split(' / ')[0]!.trim();
  } else c.company = t;
}

/** A branch named by its place after the organisation's legal name: "DIFC Branch", "Singapore Branch". */
const PLACE_BRANCH_RE = /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2} Branch$/u;

/** Two names of one organisation across " / ", each with its legal form or institution word. */
function bilingualName(t: string): boolean {
  const halves = t.split(' / ');
  return halves.length === 2 && halves.every((h) => wordCount(h) >= 2 && hasStrongCompanyWord(h));
}

/**
 * "Vice President, Trade Finance Operations" / "Global Transaction Banking": a function heading beside the
 * title is the first level of the unit read on the line under the title.
 */
function unitAboveUnitLine(c: Draft, input: CompanyInput): void {
  const lu = input.looseUnit;
  if (
    lu === undefined ||
    input.titleRow < 0 ||
    input.texts.find((t) => t.text.trim() === c.department)?.row !== input.titleRow + 1 ||
    c.title !== input.texts[lu.i]?.text.trim() ||
    !namesFunction(lu.unit) ||
    hasCompanyWord(lu.unit) ||
    matchesDomain(lu.unit, input.labels)
  )
    return;
  c.title = lu.title;
  c.department = `${lu.unit}, ${c.department}`;
}

/** What settleUnit reads: chooseCompany's input, its own copies of the cells and the chosen candidate. */
interface UnitScope extends CompanyInput {
  texts: readonly TextCell[];
  isAddr: readonly boolean[];
  used: Set<number>;
  chosen: OrgCandidate | undefined;
}

/**
 * The unit, once the company is known and no unit is: the loose unit written beside the title, else a
 * unit-shaped heading on or under the title's line, else a unit segment on the organisation's own line.
 */
function settleUnit(c: Draft, s: UnitScope): void {
  const { texts, isAddr, used, chosen, looseUnit, titleRow, labels, besideTitle } = s;
  const chosenAt = chosen?.i ?? -1;
  // Once a legal form, an institution or the sender's domain names the organisation, a heading with
  // only a weak organisation word ("Infrastructure Group", "Network Services") beside the title is a
  // unit of it; otherwise such a heading may be the organisation itself.
  const settled = chosen !== undefined && (chosen.legal === true || chosen.strong);
  const companyLike = (x: string) =>
    (settled ? hasStrongCompanyWord(x) : hasCompanyWord(x)) ||
    matchesDomain(x, labels) ||
    isCountryLine(x) ||
    REGION_RE.test(x) ||
    (chosen !== undefined && parentGroup(x, chosen.text));
  if (looseUnit && looseUnit.i !== chosenAt && !companyLike(looseUnit.unit)) {
    c.title = looseUnit.title;
    c.department = looseUnit.unit;
  } else if (titleRow >= 0) {
    const k = unitNearTitle(s, settled, companyLike);
    if (k >= 0) {
      c.department = texts[k]!.text;
      used.add(k);
    }
  }
  if (!c.department && settled && chosen) {
    const k = unitOnOrgLine(texts, isAddr, used, chosen.i, (x) => besideTitle(x) && !companyLike(x));
    if (k >= 0) {
      c.department = texts[k]!.text;
      used.add(k);
    }
  }
}

/**
 * "Senior Account Executive | Mid-Market Sales", or the line under the title: "Inbound Operations". The
 * index of the first unit-shaped heading on the title's line or the one under it, or -1.
 */
function unitNearTitle(s: UnitScope, settled: boolean, companyLike: (x: string) => boolean): number {
  const { texts, isAddr, used, chosen, titleRow, besideTitle } = s;
  const chosenAt = chosen?.i ?? -1;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (t.row > titleRow + 1) break;
    if (t.row < titleRow || used.has(i) || isAddr[i] || i === chosenAt) continue;
    // A separate segment on the title's own line ("Title | Unit") may be any unit-shaped heading; so
    // may the line under the title once a legal form or the sender's domain names the organisation.
    const unitLike =
      namesFunction(t.text) ||
      ((t.row === titleRow || settled) && besideTitle(t.text) && !slogan(t, t.row === titleRow));
    if (unitLike && (!hasTitleWord(t.text) || functionQualifiedByRole(t.text)) && !companyLike(t.text))
      return i;
  }
  return -1;
}

/**
 * "Partner Engineering", "Customer Success": a function named last, qualified by a word that is also a role
 * noun. English puts the head noun last, so the heading names the unit; a role heading it ("VP
 * Engineering", "Head of Sales") keeps it a title.
 */
function functionQualifiedByRole(x: string): boolean {
  const words = x.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    namesFunction(words[words.length - 1]!) &&
    !hasTitleWord(words[words.length - 1]!) &&
    !namesHeadRole(x) &&
    !/\s(?:of|for)\s/i.test(x)
  );
}

/** A company name wrapped onto a lower-case continuation ("Max Planck Institute" / "of Cognitive..."). */
function joinWrappedCompany(c: Draft, texts: readonly TextCell[], isAddr: boolean[]): void {
  const compIdx = texts.findIndex((t) => t.text === c.company);
  if (compIdx < 0) return;
  const k = texts.findIndex(
    (t, j) => j > compIdx && t.row === texts[compIdx]!.row + 1 && NAME_CONTINUATION_RE.test(t.text),
  );
  if (k >= 0 && wordCount(texts[k]!.text) <= 5) {
    c.company = `${c.company} ${texts[k]!.text}`;
    isAddr[k] = false;
  }
}
