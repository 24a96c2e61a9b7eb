/**
 * Line features for the signature labeller: what the hand-written rules know about a line (its field
 * evidence, prose and sign-off cues, the rules' own block choice), where it sits (lines from the end,
 * paragraph, valedictions and delimiters around it), its shape (length, words, punctuation, case), and
 * the same facts of the previous and next non-blank lines.
 *
 * Features are a table of named pure functions over a per-line context computed once per message, so a
 * feature is added by adding a row (and retraining). Every value is 0/1 or a small bounded number; no
 * regex here sees more than a capped line (MAX_LINE), and the work is linear in the window (40 lines).
 */
import type { Address } from '../types.ts';
import type { LineInfo } from '../line-score.ts';
import { VocabMemo } from '../vocab-memo.ts';
import { alt } from '../lexicon/index.ts';
import { caseless } from '../lexicon/caseless.ts';
import { isDepartment, namesFunction } from '../department.ts';
import { signsAsSender } from '../signs-as-sender.ts';
import { cellsOf } from '../line-score.ts';
import {
  capLine,
  hasEmail,
  hasPhone,
  hasStrongCompanyWord,
  hasUrl,
  isRuleLine,
  isSigDelimiter,
  wordCount,
} from '../lines.ts';

// Patterns used per line or per token, compiled once (not rebuilt at every call).
/** Opens with a lower-case letter. */
const STARTS_LOWER_RE = /^\p{Ll}/u;

/** What the labeller knows of one non-blank line before any feature is read. */
export interface LineContext {
  info: LineInfo;
  /** Trimmed and capped text. */
  t: string;
  /** Non-blank lines below this one in the window (0 = the last line). */
  fromEnd: number;
  /** Non-blank lines above this one in the window. */
  fromStart: number;
  cells: number;
  /** The previous non-blank line can carry a block. */
  prevCarries: boolean;
  /** Parts of a one-line block joined by separators ("Name | Title ‖ Company - +1 555"). */
  segments: number;
  words: number;
  phone: boolean;
  email: boolean;
  url: boolean;
  address: boolean;
  title: boolean;
  company: boolean;
  strongCompany: boolean;
  /** Names a unit of an organisation ("Government Affairs", "SAP AP Team", "Research Department"). */
  unit: boolean;
  /** Opens with the sender's given name, a short form of it or their initials ("Kim x31647", "DG"). */
  signsName: boolean;
  nameShape: boolean;
  extOnly: boolean;
  /** A short line ending in an internal extension ("Patti x39106", "DG    3-9573"). */
  extTail: boolean;
  /**
   * A banner wrapped in ornaments ("~~~ 40 years of service 1987-2027 ~~~", "*** Meet us at Expo ***")
   * with no contact on it: promotion under a block, never a block line.
   */
  banner: boolean;
  /**
   * An award or ranking the company advertises ("Brampton Lyle LLP - Regional Law Firm of the Year 2023"),
   * with no contact on it: promotion under a block, never a block line.
   */
  award: boolean;
  /**
   * A short capitalised line naming the organisation of the sender's domain ("Enron Global Technology"
   * from enron.com, "Acme Data Services" from acme.example): a team or company signing.
   */
  hostOrg: boolean;
  /**
   * A call to action with its link ("Download our 2026 Market Outlook: https://..."): a sentence of four
   * words or more before the URL, where a block's own link has a one- or two-word label.
   */
  promo: boolean;
  /** A numbered reference to a link in the body ("[1] http://..."): the message's footnote, no block line. */
  footnote: boolean;
  /** A messenger handle ("AOL IM: SullivanMarkX", "Skype: dana.whitfield"). */
  messenger: boolean;
  /** The line can carry a block on its own: a field, an extension, an organisation or title word. */
  carries: boolean;
  /** The sender is named (name, address or domain) on this line or within two lines of it. */
  anchorNear: boolean;
  /** The sender is named on this line or below it. */
  anchorBelow: boolean;
  digits: number;
  senderEmail: boolean;
  senderHost: boolean;
  /** The sender's whole domain ("acme.example") is written on the line. */
  senderDomain: boolean;
  /** The sender's whole display name is written on the line ("Dana Whitfield (she/her)"). */
  senderName: boolean;
  rule: boolean;
  notice: boolean;
  attachment: boolean;
  quoted: boolean;
  prevBlank: boolean;
  nextBlank: boolean;
  /** Non-blank lines in this line's paragraph. */
  paraSize: number;
  /** Share of this paragraph's lines that carry a field. */
  paraFields: number;
  paraMention: boolean;
  lastPara: boolean;
  /** A valediction or sign-off line lies above / below this one. */
  valAbove: boolean;
  valBelow: boolean;
  /** The previous non-blank line is a valediction. */
  afterVal: boolean;
  /** An RFC 3676 `-- ` delimiter lies above. */
  delimAbove: boolean;
  /**
   * A line naming the sender lies above with no prose between: the lines of a block an HTML client
   * spread over several paragraphs (name and title / company and address / numbers).
   */
  namedAbove: boolean;
  /** Inside the block the hand-written rules chose, and its first line. */
  inRule: boolean;
  ruleStart: boolean;
  fieldsBelow: number;
  proseBelow: number;
  /** A line below this one writes the sender's full name (a sign-off above a block that repeats it). */
  mentionBelow: boolean;
}

const NOTICE_RE = caseless(
  String.raw`\b(?:confidential|intended (?:only )?for|intended recipient|disclaimer|privileged|unauthori[sz]ed|virus(?:es)?|if you (?:are not|have received)|this (?:e-?mail|message|communication)|vertraulich|confidentiel|riservat[oa]|confidencial|legally)\b`,
  'i',
);
const ATTACHMENT_RE =
  /^(?:<<.{1,200}>>|-\s+\S{1,120}\.(?:docx?|xlsx?|pptx?|pdf|zip|txt|csv)\b|enclosures?:|attachments?:)/i;
/** A unit name is a short heading ("Parking & Transportation Desk"); longer lines are sentences. */
const UNIT_MAX_LENGTH = 50;
/** Non-blank lines from the end beyond which a line's vocabulary is not read (see lineContexts). */
const FAR_FROM_END = 30;

/** Full-width frames of Japanese and Chinese blocks (＊＊＊＊, ＝＝＝＝, －－－－). */
const FULLWIDTH_RULE_RE = /^[＊＝－ー～・]{6,}$/u;
/** Separators people type between the parts of a one-line block. */
/** Ornament runs that open and close a banner line (two or more of the same mark). */
const BANNER_RE = /^([~*=#★☆■□◆◇●•+_-])\1+\s*\S.*\S\s*([~*=#★☆■□◆◇●•+_-])\2+$/u;
/** Banners are one short line; the pattern's two open runs are only tried on lines up to this long. */
const MAX_BANNER = 160;
/** Award and ranking words (lexicon awardCues). */
const AWARD_RE = caseless(alt('awardCues'), 'iu');
/** "[1] http://...", "[2]: https://...": a footnote the body's "[1]" points to. */
const FOOTNOTE_RE = /^\[\d{1,2}\]:?\s{0,4}(?:https?:\/\/|www\.)\S+$/i;
/** A messenger label, its colon and a handle: one line of a block's contacts. */
const MESSENGER_RE = caseless(
  String.raw`^(?:${alt('messengerLabels')})\s?(?:#|id|name)?\s?[:：]\s{0,12}\S`,
  'iu',
);
/** Non-blank lines from the end within which an organisation's name can sign (a name and 2 lines). */
const MAX_ORG_FROM_END = 2;
/** Words of a line that names an organisation: "Enron Global Technology", "Payroll Services EMEA". */
const MAX_ORG_WORDS = 6;
/**
 * Every word capitalised or an acronym, joined by "&", "and", "of" or a separator ("Parking &
 * Transportation Desk", "Enron Net Works _ Global Data Management").
 */
const ORG_NAME_RE = /^\p{Lu}[\p{L}\p{N}.'-]*(?:\s+(?:&|and|of|for|[_|\/–-]|\p{Lu}[\p{L}\p{N}.'-]*))*$/u;
/** A short line that names an organisation: 2-6 capitalised words (separators not counted). */
function orgName(t: string): boolean {
  if (t.length > 80 || !ORG_NAME_RE.test(t)) return false;
  const words = t.match(/\p{L}+/gu)?.length ?? 0;
  return words >= 2 && words <= MAX_ORG_WORDS;
}

/**
 * A company acronym that is a part of the sender's domain ("NWL" from nwl-freight.example): the
 * organisation signing in short ("Priya" / "NWL").
 */
function hostAcronym(t: string, labels: string[]): boolean {
  if (!ACRONYM_RE.test(t)) return false;
  const a = t.toLowerCase();
  return labels.some((l) => l === a || l.split('-').includes(a));
}
const ACRONYM_RE = /^\p{Lu}{2,6}$/u;

/** Words before a link's colon from which it is a call to action, not a label ("Web:", "Our site:"). */
const PROMO_MIN_WORDS = 4;
const LABELLED_LINK_RE = /^([^:]{1,120}):\s*(?:https?:\/\/|www\.)/i;
/** A link the writer offers as their own ("Book a meeting with me: ...") is a block line, not promotion. */
const PERSONAL_RE = /\b(?:me|my)\b/i;
function promoLine(t: string): boolean {
  const m = LABELLED_LINK_RE.exec(t);
  return m !== null && wordCount(m[1]!) >= PROMO_MIN_WORDS && !PERSONAL_RE.test(m[1]!);
}

/** Separators people type between the parts of a one-line block. */
const SEGMENT_SPLIT_RE = /\s(?:\|\|?|‖|¦|-|–|—|\*|·|•|●|▪|■|◆|\/\/)\s/u;

function segmentsOf(t: string): number {
  return t.length > 160 ? 1 : t.split(SEGMENT_SPLIT_RE).filter((p) => p.trim() !== '').length;
}

const EXT_ONLY_RE = /^(?:x|ext\.?|extn:?)\s?-?\d{3,6}$|^\d-\d{4}$|^\d{1,2}-\d{4,5}$/i;
const EXT_TAIL_RE = /(?:^|\s)(?:x|ext\.?|extn:?)\s?-?\d{1,2}-?\d{3,5}\)?$|(?:^|\s)\d-\d{4}$/i;

function hostLabels(email: string | null): string[] {
  const host = email?.split('@')[1]?.toLowerCase() ?? '';
  return host
    .split('.')
    .filter((l, i, a) => i < a.length - 1 && l.length >= 3 && l !== 'www' && l !== 'mail');
}

/** What every line of a window is compared with: the sender, and the window's lines and paragraphs. */
interface WindowFacts {
  infos: LineInfo[];
  from: Address;
  rule: { start: number; end: number } | null;
  /** Index in `infos` of each non-blank line, in order. */
  idx: number[];
  /** Paragraph number of each non-blank line (paragraphs are split by blank lines). */
  para: number[];
  lastPara: number;
  /** The sender's address, lower-cased. */
  email: string | null;
  /** Labels of the sender's host worth looking for ("acme" of mail.acme.example). */
  labels: string[];
  /** The sender's display name when it has two words or more, lower-cased with single spaces. */
  fullNames: string[];
  /** The sender's domain without a mail-server prefix ("acme.example" of mail.acme.example). */
  domain: string | null;
  /** Vocabulary memo for lines the scorer did not give one. */
  fallbackVocab: VocabMemo;
}

/** Builds the per-line contexts of a window (one per non-blank line, in order). */
/** The sender's display name as a line would write it: as given and, for two words, in the other order. */
function displayNameForms(name: string | null): string[] {
  const n = name?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '';
  const comma = /^([^,]+), ([^,]+)$/.exec(n);
  if (comma) return [n, `${comma[2]} ${comma[1]}`];
  if (!/\S\s\S/.test(n)) return [];
  const w = n.split(' ');
  return w.length === 2 ? [n, `${w[1]} ${w[0]}`] : [n];
}

export function lineContexts(
  infos: LineInfo[],
  from: Address,
  rule: { start: number; end: number } | null,
): LineContext[] {
  const w = windowFacts(infos, from, rule);
  const n = w.idx.length;
  const out: LineContext[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = ownContext(w, k);
  for (let k = 0; k < n; k++) deriveLineFacts(out[k]!, w.labels);
  for (let k = 1; k < n; k++) out[k]!.prevCarries = out[k - 1]!.carries;
  markAnchors(out);
  markParagraphs(out, w.para);
  markFactsAbove(out);
  markFactsBelow(out);
  return out;
}

/** The sender's facts and the window's paragraphs, computed once per message. */
function windowFacts(
  infos: LineInfo[],
  from: Address,
  rule: { start: number; end: number } | null,
): WindowFacts {
  const idx: number[] = [];
  for (let i = 0; i < infos.length; i++) if (!infos[i]!.blank) idx.push(i);
  const n = idx.length;
  const email = from.email?.toLowerCase() ?? null;
  // A display name of two words or more, as written, and in the other order when it has two words:
  // "Hrivňák Peter" signs "Peter Hrivňák", "Doe, Jane" signs "Jane Doe".
  const fullNames = displayNameForms(from.name);
  const domain = email?.split('@')[1]?.replace(/^(?:mail|email|smtp|mx)\./, '') ?? null;
  // Paragraph ids by blank-line runs.
  const para: number[] = new Array(n);
  let p = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && idx[k]! - idx[k - 1]! > 1) p++;
    para[k] = p;
  }
  const labels = hostLabels(email);
  const fallbackVocab = new VocabMemo();
  return { infos, from, rule, idx, para, lastPara: p, email, labels, fullNames, domain, fallbackVocab };
}

/** The facts of the `k`th non-blank line read from the line itself and its place in the window. */
function ownContext(w: WindowFacts, k: number): LineContext {
  const { infos, from, rule, email, labels, domain, fullNames } = w;
  const n = w.idx.length;
  const i = w.idx[k]!;
  const info = infos[i]!;
  const vocab = info.vocab ?? w.fallbackVocab;
  const t = capLine(info.text).trim();
  const lower = t.toLowerCase();
  // The scorer already split and searched most lines; long prose lines (score <= -4) are never block
  // material, so the costlier vocabulary patterns are not run on them.
  const cells = info.found?.cells ?? cellsOf(t);
  // Lines far above the end are never block lines in real mail (blocks run to ~15 lines): their
  // vocabulary is not looked at either.
  const prose = info.score <= -4 || n - 1 - k > FAR_FROM_END;
  const extOnly = cells.some((c) => EXT_ONLY_RE.test(c));
  return {
    info,
    t,
    fromEnd: n - 1 - k,
    fromStart: k,
    cells: cells.length,
    words: wordCount(t),
    phone: info.found ? info.found.phoneCell : !prose && cells.some((c) => hasPhone(c)),
    email: info.found?.email ?? hasEmail(t),
    url: info.found?.url ?? hasUrl(t),
    address: !prose && cells.some((c) => vocab.address(c)),
    title: !prose && vocab.title(t),
    company: !prose && vocab.company(t),
    strongCompany: false,
    unit: !prose && t.length <= UNIT_MAX_LENGTH && (isDepartment(t) || namesFunction(t)),
    signsName: !prose && signsAsSender(t, from),
    nameShape: !prose && vocab.name(t),
    extOnly,
    extTail: false,
    banner: false,
    award: false,
    hostOrg: false,
    promo: false,
    messenger: false,
    footnote: false,
    carries: false,
    anchorNear: false,
    anchorBelow: false,
    digits: 0,
    senderEmail: email !== null && lower.includes(email),
    senderHost: labels.some((l) => lower.includes(l)),
    senderDomain: domain !== null && lower.includes(domain),
    senderName: fullNames.some((f) => lower.includes(f)),
    rule: isRuleLine(t) || isSigDelimiter(info.text) || FULLWIDTH_RULE_RE.test(t),
    segments: segmentsOf(t),
    prevCarries: false,
    notice: NOTICE_RE.test(t),
    attachment: ATTACHMENT_RE.test(t),
    quoted: /^\s*>/.test(info.text),
    prevBlank: i === 0 || infos[i - 1]!.blank,
    nextBlank: i === infos.length - 1 || infos[i + 1]!.blank,
    paraSize: 0,
    paraFields: 0,
    paraMention: false,
    lastPara: w.para[k] === w.lastPara,
    valAbove: false,
    valBelow: false,
    afterVal: k > 0 && infos[w.idx[k - 1]!]!.valediction,
    delimAbove: false,
    namedAbove: false,
    inRule: rule !== null && i >= rule.start && i < rule.end,
    ruleStart: rule !== null && i === firstNonBlank(infos, rule.start),
    fieldsBelow: 0,
    proseBelow: 0,
    mentionBelow: false,
  };
}

/** Facts read from a line's own earlier facts: organisation, banner, promotion, whether it carries. */
function deriveLineFacts(c: LineContext, labels: string[]): void {
  c.strongCompany = c.company && hasStrongCompanyWord(c.t);
  // Both extension shapes end the line with a digit or a bracket: test the last character first.
  c.extTail = c.extOnly || (c.words <= 5 && /[\d)]$/.test(c.t) && EXT_TAIL_RE.test(c.t));
  c.banner =
    c.t.length <= MAX_BANNER &&
    !c.phone &&
    !c.email &&
    !c.url &&
    BANNER_RE.test(c.t) &&
    /\p{L}{2}/u.test(c.t);
  // A title line may name an award ("Awards Programme Manager"): only a line with no title word is one.
  c.award = c.words >= 4 && !c.phone && !c.email && !c.title && AWARD_RE.test(c.t);
  // A team signs at the end: the organisation's name far above it is a venue or a headline.
  c.hostOrg =
    c.fromEnd <= MAX_ORG_FROM_END &&
    ((c.senderHost && !c.email && !c.url && orgName(c.t)) || hostAcronym(c.t, labels));
  c.promo = c.url && promoLine(c.t);
  c.messenger = c.words <= 6 && MESSENGER_RE.test(c.t);
  c.footnote = FOOTNOTE_RE.test(c.t);
  c.carries =
    !c.banner &&
    !c.award &&
    !c.footnote &&
    (c.info.field ||
      c.extTail ||
      (c.company && c.words <= 8) ||
      (c.unit && c.words <= 6) ||
      // A one-line block: the scorer reads it as one cell, a sentence with a number in it.
      (c.segments >= 2 && (c.title || c.company || c.phone || c.email || c.url)) ||
      c.hostOrg ||
      c.messenger ||
      // The sender's own domain written alone is their website ("brightforge-studio.example").
      (c.senderDomain && c.words <= 2));
  c.digits = digitShare(c.t);
}

/** Share of a line's characters that are ASCII digits (0 for an empty line). */
function digitShare(t: string): number {
  let d = 0;
  for (let j = 0; j < t.length; j++) {
    const ch = t.charCodeAt(j);
    if (ch >= 48 && ch <= 57) d++;
  }
  return t.length === 0 ? 0 : d / t.length;
}

/** The line names the sender: their name, address, a short form of their name, or their host. */
function anchored(c: LineContext): boolean {
  return c.info.mention || c.senderName || c.senderEmail || c.signsName || (c.senderHost && c.words <= 6);
}

/** Marks lines with the sender named on or below them, and within two lines of them. */
function markAnchors(out: LineContext[]): void {
  const n = out.length;
  let below = false;
  for (let k = n - 1; k >= 0; k--) {
    if (anchored(out[k]!)) below = true;
    out[k]!.anchorBelow = below;
    for (let j = Math.max(0, k - 2); j <= Math.min(n - 1, k + 2); j++)
      if (anchored(out[j]!)) out[k]!.anchorNear = true;
  }
}

/** Paragraph aggregates: size, share of field lines, whether the paragraph names the sender. */
function markParagraphs(out: LineContext[], para: number[]): void {
  const n = out.length;
  for (let k = 0; k < n;) {
    let e = k;
    while (e < n && para[e] === para[k]) e++;
    let fields = 0;
    let mention = false;
    for (let j = k; j < e; j++) {
      if (out[j]!.info.field) fields++;
      if (out[j]!.info.mention) mention = true;
    }
    for (let j = k; j < e; j++) {
      out[j]!.paraSize = e - k;
      out[j]!.paraFields = fields / (e - k);
      out[j]!.paraMention = mention;
    }
    k = e;
  }
}

/** Lines under the sender's name that its block may reach. */
const MAX_NAMED_REACH = 10;

/** Running facts from above: a valediction or sign-off, a `-- ` delimiter, the sender's name. */
function markFactsAbove(out: LineContext[]): void {
  let val = false;
  let delim = false;
  let namedAt = -1;
  for (let k = 0; k < out.length; k++) {
    out[k]!.valAbove = val;
    out[k]!.delimAbove = delim;
    // Within a block's reach (ten lines) of the sender's name, across blank lines but not across prose.
    out[k]!.namedAbove = namedAt >= 0 && k - namedAt <= MAX_NAMED_REACH;
    const x = out[k]!.info;
    if ((x.score <= -1.5 && !x.field) || x.valediction) namedAt = -1;
    if (out[k]!.senderName) namedAt = k;
    if (out[k]!.info.valediction || out[k]!.info.signoff) val = true;
    if (isSigDelimiter(out[k]!.info.text)) delim = true;
  }
}

/** Running facts from below: a valediction, field and prose lines, the sender's full name again. */
function markFactsBelow(out: LineContext[]): void {
  let valB = false;
  let fieldsB = 0;
  let proseB = 0;
  let mentionB = false;
  for (let k = out.length - 1; k >= 0; k--) {
    out[k]!.mentionBelow = mentionB;
    // The sender's full name again, not a company named after them ("Castellano Electrical Contractors").
    if (out[k]!.senderName) mentionB = true;
    out[k]!.valBelow = valB;
    out[k]!.fieldsBelow = fieldsB;
    out[k]!.proseBelow = proseB;
    const x = out[k]!.info;
    if (x.valediction || x.signoff) valB = true;
    if (x.field) fieldsB++;
    if (x.score <= -1.5) proseB++;
  }
}

function firstNonBlank(infos: LineInfo[], s: number): number {
  while (s < infos.length && infos[s]!.blank) s++;
  return s;
}

type Feature = readonly [name: string, value: (c: LineContext) => number];

const b = (x: boolean): number => (x ? 1 : 0);

/** Facts of one line; also read for the previous and next lines (prefixed `prev.` / `next.`). */
const OWN: readonly Feature[] = [
  ['score<=-4', (c) => b(c.info.score <= -4)],
  ['score(-4,-1.5]', (c) => b(c.info.score > -4 && c.info.score <= -1.5)],
  ['score(-1.5,0)', (c) => b(c.info.score > -1.5 && c.info.score < 0)],
  ['score=0', (c) => b(c.info.score === 0)],
  ['score(0,1.5)', (c) => b(c.info.score > 0 && c.info.score < 1.5)],
  ['score[1.5,2.5)', (c) => b(c.info.score >= 1.5 && c.info.score < 2.5)],
  ['score>=2.5', (c) => b(c.info.score >= 2.5)],
  ['field', (c) => b(c.info.field)],
  ['contact', (c) => b(c.info.contact)],
  ['mention', (c) => b(c.info.mention)],
  ['valediction', (c) => b(c.info.valediction)],
  ['signoff', (c) => b(c.info.signoff)],
  ['phone', (c) => b(c.phone)],
  ['email', (c) => b(c.email)],
  ['url', (c) => b(c.url)],
  ['address', (c) => b(c.address)],
  ['title-word', (c) => b(c.title)],
  ['company-word', (c) => b(c.company)],
  ['strong-company-word', (c) => b(c.strongCompany)],
  ['name-shape', (c) => b(c.nameShape)],
  ['extension-only', (c) => b(c.extOnly)],
  ['sender-email', (c) => b(c.senderEmail)],
  ['sender-host', (c) => b(c.senderHost)],
  ['rule-or-delimiter', (c) => b(c.rule)],
  ['sig-delimiter', (c) => b(isSigDelimiter(c.info.text))],
  ['notice-cue', (c) => b(c.notice)],
  ['attachment', (c) => b(c.attachment)],
  ['words=1', (c) => b(c.words === 1)],
  ['words=2-3', (c) => b(c.words >= 2 && c.words <= 3)],
  ['words=4-7', (c) => b(c.words >= 4 && c.words <= 7)],
  ['words>=8', (c) => b(c.words >= 8)],
  ['ends-sentence', (c) => b(/[.?!]["')]?$/.test(c.t))],
  ['ends-comma-colon', (c) => b(/[,;:]$/.test(c.t))],
  ['starts-lower', (c) => b(STARTS_LOWER_RE.test(c.t))],
  ['columns', (c) => b(c.cells > 1)],
  ['segments>=3', (c) => b(c.segments >= 3)],
  ['segments>=3&names-sender', (c) => b(c.segments >= 3 && (c.info.mention || c.senderName))],
  ['extension', (c) => b(c.extTail)],
  ['carries', (c) => b(c.carries)],
  ['banner', (c) => b(c.banner || c.award)],
  ['host-organisation', (c) => b(c.hostOrg)],
  ['call-to-action', (c) => b(c.promo)],
  ['messenger', (c) => b(c.messenger)],
  ['footnote-link', (c) => b(c.footnote)],
  ['digits>0.3', (c) => b(c.digits > 0.3)],
  ['currency-or-percent', (c) => b(/[$€£¥%]/.test(c.t))],
];

/** Facts read only for the line itself (position, paragraph, context in the window). */
const SELF: readonly Feature[] = [
  ['bias-line', () => 1],
  ['last-line', (c) => b(c.fromEnd === 0)],
  ['from-end=1-2', (c) => b(c.fromEnd >= 1 && c.fromEnd <= 2)],
  ['from-end=3-5', (c) => b(c.fromEnd >= 3 && c.fromEnd <= 5)],
  ['from-end=6-10', (c) => b(c.fromEnd >= 6 && c.fromEnd <= 10)],
  ['from-end>10', (c) => b(c.fromEnd > 10)],
  ['first-line', (c) => b(c.fromStart === 0)],
  ['length<=20', (c) => b(c.t.length <= 20)],
  ['length>70', (c) => b(c.t.length > 70)],
  ['quoted', (c) => b(c.quoted)],
  ['blank-above', (c) => b(c.prevBlank)],
  ['blank-below', (c) => b(c.nextBlank)],
  ['alone-in-paragraph', (c) => b(c.paraSize === 1)],
  ['paragraph>=6', (c) => b(c.paraSize >= 6)],
  ['paragraph-fields>=0.5', (c) => b(c.paraFields >= 0.5)],
  ['paragraph-fields=0', (c) => b(c.paraFields === 0)],
  ['paragraph-mentions-sender', (c) => b(c.paraMention)],
  ['last-paragraph', (c) => b(c.lastPara)],
  ['valediction-above', (c) => b(c.valAbove)],
  ['valediction-below', (c) => b(c.valBelow)],
  ['right-after-valediction', (c) => b(c.afterVal)],
  ['delimiter-above', (c) => b(c.delimAbove)],
  ['sender-named-above&no-prose-between', (c) => b(c.namedAbove)],
  ['fields-below=0', (c) => b(c.fieldsBelow === 0)],
  ['fields-below>=3', (c) => b(c.fieldsBelow >= 3)],
  ['prose-below=0', (c) => b(c.proseBelow === 0)],
  ['prose-below>=3', (c) => b(c.proseBelow >= 3)],
  ['name-shape&blank-above&field-below', (c) => b(c.nameShape && c.prevBlank && c.fieldsBelow > 0)],
  ['mention&after-valediction', (c) => b(c.info.mention && c.afterVal)],
  ['mention&name-again-below', (c) => b((c.info.mention || c.senderName) && c.mentionBelow)],
  [
    'mention&no-name-below&fields-below',
    (c) => b((c.info.mention || c.senderName) && !c.mentionBelow && c.fieldsBelow > 0),
  ],
  ['anchor-near', (c) => b(c.anchorNear)],
  ['anchor-below', (c) => b(c.anchorBelow)],
  ['columns&no-anchor', (c) => b(c.cells > 1 && !c.anchorNear)],
  [
    'short-after-valediction&carries-below',
    (c) => b(c.valAbove && c.words <= 3 && !c.nextBlank && c.fieldsBelow > 0),
  ],
];

/** Feature names in weight order. */
/**
 * Where a line sits, crossed with what it carries: a phone right under a valediction is a block line,
 * the same phone in the middle of the body is not. A linear model sees such pairs only as features.
 */
const PLACE: readonly Feature[] = [
  ['valediction-above', (c) => b(c.valAbove)],
  ['right-after-valediction', (c) => b(c.afterVal)],
  ['last-paragraph', (c) => b(c.lastPara)],
  ['from-end<=2', (c) => b(c.fromEnd <= 2)],
  ['blank-above', (c) => b(c.prevBlank)],
  ['alone-in-paragraph', (c) => b(c.paraSize === 1)],
  ['anchor-near', (c) => b(c.anchorNear)],
  ['prev-carries', (c) => b(c.fromStart > 0 && c.prevCarries)],
];
const CONTENT: readonly Feature[] = [
  ['carries', (c) => b(c.carries)],
  ['phone-or-extension', (c) => b(c.phone || c.extTail)],
  ['email-or-url', (c) => b(c.email || c.url)],
  ['address', (c) => b(c.address)],
  ['title-or-company', (c) => b(c.title || c.company)],
  ['name', (c) => b(c.nameShape || c.info.mention || c.senderName || c.signsName)],
  ['one-or-two-words', (c) => b(c.words <= 2)],
  ['prose', (c) => b(c.info.score <= -1.5)],
  ['segments>=3', (c) => b(c.segments >= 3)],
];

export const FEATURE_NAMES: readonly string[] = [
  ...SELF.map(([n]) => n),
  ...OWN.map(([n]) => n),
  ...OWN.map(([n]) => `prev.${n}`),
  ...OWN.map(([n]) => `next.${n}`),
  'prev.none',
  'next.none',
  ...PLACE.flatMap(([p]) => CONTENT.map(([q]) => `${p}&${q}`)),
];

/** The feature vectors of a window's non-blank lines, row-major (`contexts.length` x FEATURE_NAMES). */
export function featureMatrix(contexts: LineContext[]): Float64Array {
  const f = FEATURE_NAMES.length;
  const n = contexts.length;
  const own = new Float64Array(n * OWN.length);
  for (let k = 0; k < n; k++)
    for (let j = 0; j < OWN.length; j++) own[k * OWN.length + j] = OWN[j]![1](contexts[k]!);
  const x = new Float64Array(n * f);
  for (let k = 0; k < n; k++) {
    let o = k * f;
    for (const [, v] of SELF) x[o++] = v(contexts[k]!);
    for (let j = 0; j < OWN.length; j++) x[o++] = own[k * OWN.length + j]!;
    for (let j = 0; j < OWN.length; j++) x[o++] = k > 0 ? own[(k - 1) * OWN.length + j]! : 0;
    for (let j = 0; j < OWN.length; j++) x[o++] = k < n - 1 ? own[(k + 1) * OWN.length + j]! : 0;
    x[o++] = b(k === 0);
    x[o++] = b(k === n - 1);
    const c = contexts[k]!;
    for (const [, p] of PLACE) {
      const pv = p(c);
      for (const [, q] of CONTENT) x[o++] = pv === 0 ? 0 : q(c);
    }
  }
  return x;
}

/** One pass over a candidate block: what its features read. */
interface BlockStats {
  cs: LineContext[];
  first: number;
  last: number;
  size: number;
  namesSender: boolean;
  namesHost: boolean;
  digitLines: number;
  columnLines: number;
  phoneLines: number;
  phones: number;
  addresses: number;
  longLines: number;
  noticeLines: number;
  currencyLines: number;
  emailOrUrl: boolean;
  title: boolean;
  company: boolean;
  unit: boolean;
  meanZ: number;
  minZ: number;
  proseAbove: number;
}

function blockStats(cs: LineContext[], first: number, last: number, z: Float64Array): BlockStats {
  const st: BlockStats = {
    cs,
    first,
    last,
    size: last - first + 1,
    namesSender: false,
    namesHost: false,
    digitLines: 0,
    columnLines: 0,
    phoneLines: 0,
    phones: 0,
    addresses: 0,
    longLines: 0,
    noticeLines: 0,
    currencyLines: 0,
    emailOrUrl: false,
    title: false,
    company: false,
    unit: false,
    meanZ: 0,
    minZ: Infinity,
    proseAbove: 0,
  };
  for (let i = first; i <= last; i++) {
    const c = cs[i]!;
    if (c.info.mention || c.senderEmail) st.namesSender = true;
    if (c.senderHost) st.namesHost = true;
    if (c.digits > 0.3) st.digitLines++;
    if (c.cells > 1) st.columnLines++;
    if (c.phone || c.extTail) st.phoneLines++;
    if (c.phone) st.phones++;
    if (c.address) st.addresses++;
    if (c.words >= 8) st.longLines++;
    if (c.notice) st.noticeLines++;
    if (CURRENCY_RE.test(c.t)) st.currencyLines++;
    if (c.email || c.url) st.emailOrUrl = true;
    if (c.title) st.title = true;
    if (c.company) st.company = true;
    if (c.unit) st.unit = true;
    st.meanZ += z[i]! / st.size;
    st.minZ = Math.min(st.minZ, z[i]!);
  }
  for (let i = 0; i < first; i++) if (cs[i]!.info.score <= -1.5) st.proseAbove++;
  return st;
}

const CURRENCY_RE = /[$€£¥%]/;

/**
 * Facts of a whole candidate block, for the second stage that accepts or rejects it: a list of
 * numbers or addresses in the body scores well line by line, but it names nobody, sits under prose,
 * repeats one shape and often does not end the message.
 */
const BLOCK: readonly (readonly [string, (s: BlockStats) => number])[] = [
  ['block-bias', () => 1],
  ['lines=1', (s) => b(s.size === 1)],
  ['lines=2', (s) => b(s.size === 2)],
  ['lines=3-5', (s) => b(s.size >= 3 && s.size <= 5)],
  ['lines=6-10', (s) => b(s.size >= 6 && s.size <= 10)],
  ['lines>10', (s) => b(s.size > 10)],
  ['names-sender', (s) => b(s.namesSender)],
  ['names-sender-host', (s) => b(s.namesHost)],
  ['first-line-name', (s) => b(s.cs[s.first]!.nameShape || s.cs[s.first]!.info.mention)],
  [
    'valediction-within-2-above',
    (s) => b(s.cs.slice(Math.max(0, s.first - 2), s.first).some((c) => c.info.valediction || c.info.signoff)),
  ],
  ['ends-window', (s) => b(s.last === s.cs.length - 1)],
  ['lines-below=1-3', (s) => b(s.cs.length - 1 - s.last >= 1 && s.cs.length - 1 - s.last <= 3)],
  ['lines-below>3', (s) => b(s.cs.length - 1 - s.last > 3)],
  ['prose-above=0', (s) => b(s.proseAbove === 0)],
  ['prose-above>5', (s) => b(s.proseAbove > 5)],
  ['share-digit-lines', (s) => s.digitLines / s.size],
  ['share-columns', (s) => s.columnLines / s.size],
  ['share-phones', (s) => s.phoneLines / s.size],
  ['share-addresses', (s) => s.addresses / s.size],
  ['share-long', (s) => s.longLines / s.size],
  ['share-notice', (s) => s.noticeLines / s.size],
  ['share-currency', (s) => s.currencyLines / s.size],
  ['phones>=4', (s) => b(s.phones >= 4)],
  // A person lists a few numbers (work, mobile, fax, home); a help-desk directory lists many.
  ['phones>=6', (s) => b(s.phones >= 6)],
  ['first-line-signs-as-sender', (s) => b(s.cs[s.first]!.signsName)],
  ['unit-line', (s) => b(s.unit)],
  ['addresses>=3', (s) => b(s.addresses >= 3)],
  ['has-email-or-url', (s) => b(s.emailOrUrl)],
  ['has-title', (s) => b(s.title)],
  ['has-company', (s) => b(s.company)],
  ['delimiter-above', (s) => b(s.cs[s.first]!.delimAbove || s.cs[s.first]!.rule)],
  ['mean-log-odds', (s) => Math.max(-2, Math.min(2, s.meanZ / 4))],
  ['min-log-odds<-2', (s) => b(s.minZ < -2)],
];

export const BLOCK_FEATURE_NAMES: readonly string[] = BLOCK.map(([n]) => n);

/** The block features of lines first..last (inclusive) of `contexts`, with their log-odds `z`. */
export function blockFeatures(
  contexts: LineContext[],
  first: number,
  last: number,
  z: Float64Array,
): Float64Array {
  const st = blockStats(contexts, first, last, z);
  return Float64Array.from(BLOCK, ([, v]) => v(st));
}

/**
 * Log-odds per line straight from the feature tables, without building the matrix: what the product
 * runs (the matrix is for training). Same order and values as `featureMatrix` times `weights`.
 */
export function lineScores(contexts: LineContext[], weights: Float64Array, bias: number): Float64Array {
  const n = contexts.length;
  const no = OWN.length;
  const own = new Float64Array(n * no);
  for (let k = 0; k < n; k++) for (let j = 0; j < no; j++) own[k * no + j] = OWN[j]![1](contexts[k]!);
  const base = SELF.length;
  const cross = base + 3 * no + 2;
  const content = new Float64Array(CONTENT.length);
  const z = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = contexts[k]!;
    let s = bias;
    for (let j = 0; j < base; j++) {
      const v = SELF[j]![1](c);
      if (v !== 0) s += v * weights[j]!;
    }
    for (let j = 0; j < no; j++) {
      const v = own[k * no + j]!;
      if (v !== 0) s += v * weights[base + j]!;
      if (k > 0) {
        const p = own[(k - 1) * no + j]!;
        if (p !== 0) s += p * weights[base + no + j]!;
      }
      if (k < n - 1) {
        const q = own[(k + 1) * no + j]!;
        if (q !== 0) s += q * weights[base + 2 * no + j]!;
      }
    }
    if (k === 0) s += weights[base + 3 * no]!;
    if (k === n - 1) s += weights[base + 3 * no + 1]!;
    for (let j = 0; j < CONTENT.length; j++) content[j] = CONTENT[j]![1](c);
    for (let p = 0; p < PLACE.length; p++) {
      if (PLACE[p]![1](c) === 0) continue;
      for (let j = 0; j < CONTENT.length; j++)
        if (content[j] !== 0) s += content[j]! * weights[cross + p * CONTENT.length + j]!;
    }
    z[k] = s;
  }
  return z;
}
