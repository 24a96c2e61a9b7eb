/**
 * Per-line features and scores for the signature finder: each line of the trailing window is read cell
 * by cell (columns, pipes, bullets, box frames) and scored for contact fields (phone, e-mail, URL,
 * address, title and organisation vocabulary, the sender's name) or penalised as prose, body links and
 * sign-offs. Lines are capped (MAX_LINE) and every pattern is linear-time.
 */
import type { Address } from './types.ts';
import { findPhoneSpans, isLoneContactLabel } from './phones.ts';
import { VocabMemo } from './vocab-memo.ts';
import { IMAGE_RE, LINK_TARGET_RE } from './urls.ts';
import { gluedSignoff } from './signs-as-sender.ts';
import {
  MAX_LINE,
  capLine,
  hasEmail,
  hasPhone,
  hasUrl,
  isBlank,
  isRuleLine,
  isSpace,
  isValediction,
  looksLikeAddress,
  mentionsSender,
  wordCount,
} from './lines.ts';

// Patterns used per line or per token, compiled once (not rebuilt at every call).
/** A letter or a digit at `lastIndex` (a whole code point). */
const LETTER_OR_DIGIT_AT_RE = /[\p{L}\p{N}]/uy;

/**
 * Whitespace-separated tokens holding a letter or a digit (the words of a cell): `t.split(/\s+/).filter((w)
 * => /[\p{L}\p{N}]/u.test(w)).length`, counted without building the arrays (asked of every cell).
 */
function letterWords(t: string): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSpace(c)) {
      counted = false;
      continue;
    }
    if (counted) continue;
    if (c < 0x80) {
      const l = c | 32;
      if ((c >= 48 && c <= 57) || (l >= 97 && l <= 122)) {
        n++;
        counted = true;
      }
      continue;
    }
    LETTER_OR_DIGIT_AT_RE.lastIndex = i;
    if (LETTER_OR_DIGIT_AT_RE.test(t)) {
      n++;
      counted = true;
    }
    // The second half of a surrogate pair belongs to the code point just tested.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Chinese or Japanese script on a line. */
const CJK_SCRIPT_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Two letters in a row: a token that counts as a leftover word. */
const TWO_LETTERS_RE = /\p{L}{2,}/u;

export interface LineInfo {
  text: string;
  blank: boolean;
  contact: boolean; // phone, e-mail or URL
  field: boolean; // any business field beyond a bare name
  score: number;
  valediction: boolean;
  signoff: boolean;
  /** Names the sender (display-name tokens or the address's local part). */
  mention: boolean;
  /** What the scorer found on the line, kept for the labeller's features (unset: not looked at). */
  found?: { phone: boolean; phoneCell: boolean; email: boolean; url: boolean; cells: string[] };
  /** A valediction and a name on one line ("Regards, John"): never a block line. */
  glued?: boolean;
  /** The message's vocabulary memo, shared by every line of the window. */
  vocab?: VocabMemo;
}

/** Column separators: runs of 3+ spaces, tabs, pipes (also doubled), bullets (•, ●, ▪, ■, ◆), a box's ` I ` divider. */
const CELL_SPLIT = /\s{2,}I\s|\s{3,}|\t+|\s\|\|?\s|\s[•●▪■◆]\s/;

/** Lines are columnar when they carry runs of spaces, tabs or pipes between cells. */
function columnar(l: string): boolean {
  return /\S(?: {3,}|\t+| \|\|? |\s[•●▪■◆]\s)\S/.test(l);
}

/** Remove box frames: `| text |`, `* text *`, `+ text +`. */
export function unframe(l: string): string {
  return l.replace(/^\s*[|*+]\s/, ' ').replace(/\s[|*]\s*$/, '');
}

export function cellsOf(l: string): string[] {
  return unframe(l)
    .split(CELL_SPLIT)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

function isProse(line: string, vocab?: VocabMemo): 'hard' | 'soft' | false {
  // Image placeholders and link targets are no text ("[image: linkedin] <https://...> [image: youtube] <...>").
  const t =
    line.includes('[image:') || line.includes('<http')
      ? line.replace(IMAGE_RE, ' ').replace(LINK_TARGET_RE, ' ').trim()
      : line;
  if (t.length > 110 && !columnar(t)) return 'hard';
  // Dashes and separators between address parts ("Av. Paulista, 1000 - 10º andar - ...") are no words.
  const words = letterWords(t);
  // Japanese and Chinese sentences have no spaces: a full stop or a comma inside marks one.
  if (CJK_SCRIPT_RE.test(t) && /[。、！？]/u.test(t)) return 'soft';
  // ("C&I Sales", "P&I Claims": an initial joined by "&" is no "I".)
  if (
    /(?<!&)\b(?:I|I'm|I've|I'll|we|you|please|call me|reach me|let me|can be reached)\b(?!&)/.test(t) &&
    words >= 4
  )
    return 'hard';
  // A one-line address of many comma-separated parts runs long ("Building 27, Al Hussein Bin Ali Street,
  // Jabal Amman, P.O. Box 941120, Amman 11194, Jordan"): no sentence ending, an address shape. Four short
  // parts do too where words are syllables ("Số 55 Đường 30/4, Phường Rạch Dừa, TP. Vũng Tàu, Bà Rịa - Vũng Tàu").
  if (
    words >= 14 &&
    words <= 24 &&
    manyAddressParts(t) &&
    !/[.?!;:]$/.test(t) &&
    /\d/.test(t) &&
    (vocab ? vocab.address(t) : looksLikeAddress(t))
  )
    return false;
  if (words >= 14) return 'hard';
  if (words >= 8 && /[.?!:;,]$/.test(t)) return 'soft';
  // Lower-case street prefixes open address lines, not sentences ("ul. Grunwaldzka 12", "via Roma 5").
  if (
    /^[a-z]/.test(t) &&
    words >= 2 &&
    !hasEmail(t) &&
    !hasUrl(t) &&
    !(words <= 8 && /\d/.test(t) && (vocab ? vocab.address(t) : looksLikeAddress(t)))
  )
    return 'soft';
  return false;
}

/** Five comma-separated parts, or four of at most five words each. */
function manyAddressParts(t: string): boolean {
  const parts = t.split(',');
  return parts.length >= 5 || (parts.length === 4 && parts.every((p) => letterWords(p) <= 5));
}

/** Words left on a line once phones, e-mails and URLs are removed. */
function leftoverWords(t: string): number {
  let rest = t;
  for (const p of findPhoneSpans(t)) rest = rest.replace(p.raw, ' ');
  rest = rest.replace(/\S{1,64}@\S{1,200}/g, ' ').replace(/(?:https?:\/\/|www\.)\S{1,300}/gi, ' ');
  return rest.split(/\s+/).filter((w) => TWO_LETTERS_RE.test(w)).length;
}

/** Does a one-line text name the sender's domain ("Ericsson" for ericsson.com)? */
let hostCache: { email: string | null; labels: string[] } = { email: null, labels: [] };

function matchesHost(t: string, email: string | null): boolean {
  // Asked for many lines of one message: split the sender's host once.
  if (hostCache.email !== email) {
    const host = email?.split('@')[1]?.toLowerCase() ?? '';
    hostCache = { email, labels: host.split('.').slice(0, -1) };
  }
  const labels = hostCache.labels;
  if (labels.length === 0) return false;
  const word = t
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return word.length >= 3 && labels.includes(word);
}

/** A URL that reads as a body link (footnote, long path or query) rather than a homepage. */
function bodyLink(t: string): boolean {
  if (/^\[\d{1,2}\]/.test(t)) return true;
  if (
    /linkedin\.com\/in\/|about\.me\/|github\.com\/|twitter\.com\/|x\.com\/|xing\.com\/|orcid\.org\/\d|scholar\.google\.[a-z.]{2,6}\/citations\?/i.test(
      t,
    )
  )
    return false;
  const u = /(?:https?:\/\/|www\.)[^\s<>]{0,300}/i.exec(t)?.[0] ?? '';
  const path = u.replace(/^(?:https?:\/\/)?[^\/]*/i, '');
  return path.length > 30 || /[?=]/.test(path);
}

export function analyse(raw: string[], from: Address): LineInfo[] {
  const infos = scoreLines(raw, from);
  // A line that continues a wrapped sentence ("... call Bill at" / "720-548-5614.") is body text too.
  for (let i = 1; i < infos.length; i++) {
    const prev = infos[i - 1]!;
    const cur = infos[i]!;
    if (cur.blank || prev.blank || prev.score > -1.5) continue;
    const p = prev.text.trimEnd();
    const t = cur.text.trim();
    if (
      /[,;]$|\b(?:at|or|and|to|of|the|for|on|in|by|with|a|an|is|are)$/i.test(p) ||
      (/^[a-z(]/.test(t) && !/^(?:www\.|https?:|mailto:|[\w.+-]{1,64}@)/i.test(t))
    ) {
      cur.score = Math.min(cur.score, -1.5);
      cur.field = false;
      cur.contact = false;
    }
  }
  labelLinesAboveValues(infos);
  return infos;
}

/**
 * A flattened signature table writes each label in a cell of its own, its value on the line under it
 * ("Mobile" / "+91 98450 55501" / "Email" / "a@b.example", Outlook's text often with a blank line
 * between the cells): the label line is part of the field, as much a block line as the value it names.
 */
function labelLinesAboveValues(infos: LineInfo[]): void {
  for (let i = 0; i + 1 < infos.length; i++) {
    const cur = infos[i]!;
    const next = infos[i + 1]!.blank && i + 2 < infos.length ? infos[i + 2]! : infos[i + 1]!;
    if (cur.blank || next.blank || !(next.field || next.contact) || !isLoneContactLabel(cur.text)) continue;
    cur.score = Math.max(cur.score, next.score);
    cur.field = next.field;
    cur.contact = next.contact;
  }
}

/** What each line of a message's window is scored against: its neighbours and the sender. */
interface ScoreWindow {
  raw: string[];
  /** Each raw line's blankness: asked up to four times (its own, and as a neighbour), so trimmed once. */
  blanks: boolean[];
  from: Address;
  /** The message's vocabulary memo, shared by every line of the window. */
  vocab: VocabMemo;
}

/** An internal extension alone in a cell ("x31647", "ext. 4417", "3-9573"). */
const EXT_CELL_RE = /^(?:x|ext\.?|extn:?)\s?-?\d{3,6}$/i;
const SHORT_EXT_CELL_RE = /^\d-\d{4}$/;
/** Client image placeholders ("[logo.png]<http://...>", "[image: ...]"). */
const IMAGE_PLACEHOLDER_RE = /^\[(?:image:|cid:|https?:)[^\]]{0,300}\](?:<[^>]{0,300}>)?$/i;
/** The dot of a legal form or abbreviation ends no sentence ("Sp. z o.o.", "Pvt. Ltd.", "B.V."). */
const LEGAL_FORM_DOT_RE =
  /\b(?:Inc|Ltd|Corp|Co|St|Ave|Jr|Sr|Dr|Rd|LLC|S\.A|S\.W|Ste|o\.o|B\.V|N\.V|S\.p\.A|S\.r\.l|S\.L|S\.A\.S|Pvt|Pty|Pte|Ltda|Lda|e\.V|s\.r\.o|a\.s|K\.K|P\.C)\.$/i;
const SENTENCE_END_RE = /[.?!]$/;
/** A dash or slash opening a short line ("-jan-", "/mike", "~ Tom"): a sign-off. */
const DASH_SIGNOFF_RE = /^\s*[-–—\/~]{1,2}\s?\S/;
/** An @ or a dot in a one-word line: an address or a domain, not a first name. */
const ADDRESS_MARK_RE = /[@.]/;

function scoreLines(raw: string[], from: Address): LineInfo[] {
  const w: ScoreWindow = { raw, blanks: raw.map((r) => isBlank(r)), from, vocab: new VocabMemo() };
  return raw.map((text, i) => scoreLine(w, text, i));
}

/** One line's scores: blank lines, valedictions, glued sign-offs and rules here, the rest by its cells. */
function scoreLine(w: ScoreWindow, text: string, i: number): LineInfo {
  const l = capLine(text);
  // Blank once capped (a long run of spaces before text) counts for the line itself only.
  const blank = l === text ? w.blanks[i]! : isBlank(l);
  const info: LineInfo = {
    text,
    blank,
    contact: false,
    field: false,
    score: 0,
    valediction: false,
    signoff: false,
    mention: false,
    vocab: w.vocab,
  };
  if (blank) return info;
  const t = l.trim();
  // "Regards, John" / "Thanks -Mike": a valediction and a one-word name on one line is a sign-off. Signed
  // by the sender ("Best, Sam", "Cheers, J."), it names them even where the valediction pattern would
  // take a short name for its tail: the block under it is theirs, and the line heads it.
  const glued = gluedSignoff(t, w.from);
  info.valediction = !glued?.bySender && isValediction(t);
  if (info.valediction) return info;
  if (glued) {
    info.signoff = true;
    info.glued = true;
    info.score = -1;
    info.mention = glued.bySender;
    return info;
  }
  if (isRuleLine(t)) {
    info.score = 0.2;
    return info;
  }
  return scoreCells(w, info, l, t, i);
}

/** A line read cell by cell: its contacts and prose; a line with neither goes on to scoreBareLine. */
function scoreCells(w: ScoreWindow, info: LineInfo, l: string, t: string, i: number): LineInfo {
  const { from, vocab } = w;
  const cells = cellsOf(t);
  // A number in some cell, kept apart from a lone extension: the labeller reads the two separately.
  const phoneCell = cells.some((c) => hasPhone(c));
  const phone = phoneCell || cells.some((c) => EXT_CELL_RE.test(c) || SHORT_EXT_CELL_RE.test(c));
  const email = hasEmail(t);
  const url = hasUrl(t);
  info.contact = phone || email || url;
  info.found = { phone, phoneCell, email, url, cells };
  info.mention = cells.some((c) => vocab.name(c) && mentionsSender(c, from.name, from.email));
  // Client image placeholders sit inside blocks: neutral.
  if (IMAGE_PLACEHOLDER_RE.test(t)) {
    info.score = 0.1;
    return info;
  }
  // Columns are judged cell by cell: a sentence in any cell makes the line body text.
  const prose =
    cells.length > 1
      ? cells.some((c) => isProse(c, vocab) === 'hard')
        ? 'hard'
        : false
      : isProse(cells[0] ?? t, vocab);
  if (info.text.length > MAX_LINE || prose === 'hard') {
    info.score = -4;
    return info;
  }
  if (info.contact) {
    // A number inside a sentence ("call Bill at 720-...") is body text, not a block line.
    if (leftoverWords(t) >= 7 && cells.length === 1) {
      info.score = -1.5;
      return info;
    }
    if (!phone && !email && bodyLink(t)) {
      info.score = -1;
      return info;
    }
    return asField(info, prose ? 1 : 3);
  }
  if (prose) {
    info.score = -1.5;
    return info;
  }
  return scoreBareLine(w, info, l, t, i, cells);
}

function addressLengthOk(cell: string): boolean {
  const words = wordCount(cell.replace(/\s[–—-](?=\s)/g, ''));
  if (words <= 10) return true;
  const parts = cell.split(/,\s?/);
  return (
    words <= 18 && parts.length >= 4 && parts.every((p) => wordCount(p) <= 6) && !/[.!?]$/.test(cell.trim())
  );
}

/** A line with no contact and no prose: an address, a title or organisation, a name, a sign-off. */
function scoreBareLine(
  w: ScoreWindow,
  info: LineInfo,
  l: string,
  t: string,
  i: number,
  cells: string[],
): LineInfo {
  const { from, vocab } = w;
  const words = wordCount(t);
  const name = cells.some((c) => vocab.name(c));
  const mention = name && cells.some((c) => mentionsSender(c, from.name, from.email));
  info.mention = mention;
  // Dashes between an address's parts ("Av. Paulista, 1842 – 12º andar, São Paulo – SP") are no words; a
  // one-line address of four or more short parts ("No. 42, 3rd Floor, Lakshmi Tech Park, Outer Ring Road,
  // Bengaluru - 560103") may run longer.
  // A one-word line that is the sender's own name is their sign-off, even when a country is named so ("Jordan",
  // "Chad", "Georgia").
  const ownWord = mention && words === 1;
  if (!ownWord && cells.some((c) => vocab.address(c) && addressLengthOk(c))) return asField(info, 2);
  // A title or organisation line; a line that is only the sender's name is not one, unless it
  // carries an organisation word ("Doe Consulting" from John Doe).
  const orgOrTitle = cells.some((c) => shortCell(c) && (vocab.title(c) || vocab.company(c)));
  if (orgOrTitle && (!(mention && cells.length === 1) || vocab.company(t)))
    return asField(info, mention ? 2.5 : 1.5);
  if (words === 1 && headsRepeatOrFrame(w, t, i)) return asSignoff(info);
  const org = vocab.company(t) || matchesHost(t, from.email);
  const prevBlank = i === 0 || w.blanks[i - 1]!;
  const nextBlank = i === w.raw.length - 1 || w.blanks[i + 1]!;
  if (mention) {
    info.score = isolatedName(w, t, i, words) && !org ? -0.5 : 2.5;
    info.signoff = info.score < 0;
    return info;
  }
  // One word on its own paragraph line ("Mike", "tjb", "-jan-"): a sign-off, not a block line.
  if (words === 1 && (nextBlank || prevBlank) && !ADDRESS_MARK_RE.test(t) && !org) return asSignoff(info);
  if (DASH_SIGNOFF_RE.test(l) && words <= 3) return asSignoff(info);
  if (name) {
    info.score = prevBlank && nextBlank ? -0.5 : 1;
    return info;
  }
  if (cells.every(shortCell)) {
    info.score = prevBlank && nextBlank ? -0.5 : 0.3;
    return info;
  }
  info.score = -1;
  return info;
}

/** A short cell that ends no sentence: a title, an organisation or a name, not prose. */
function shortCell(c: string): boolean {
  return wordCount(c) <= 8 && c.length <= 70 && !SENTENCE_END_RE.test(c.replace(LEGAL_FORM_DOT_RE, ''));
}

/**
 * A one-word line above a line that repeats it ("John" / "John Van Gelder"), or right above a rule
 * line that opens a framed block: a sign-off.
 */
function headsRepeatOrFrame(w: ScoreWindow, t: string, i: number): boolean {
  const { raw, blanks } = w;
  let k = i + 1;
  while (k < raw.length && k <= i + 2 && blanks[k]!) k++;
  const next = raw[k]?.trim() ?? '';
  return next !== '' && (next.split(/\s+/)[0] === t || (k === i + 1 && isRuleLine(next)));
}

/**
 * A full name alone on its paragraph is a sign-off when the block below repeats it ("Wendy Roberts" /
 * rule / "Wendy Roberts"); otherwise it heads a block spaced out by an HTML client.
 */
function isolatedName(w: ScoreWindow, t: string, i: number, words: number): boolean {
  const { raw, blanks } = w;
  const prevBlank = i === 0 || blanks[i - 1]!;
  const nextBlank = i === raw.length - 1 || blanks[i + 1]!;
  const repeated = raw.slice(i + 1, i + 10).some((r) => r.trim() === t);
  return (
    (prevBlank && nextBlank && i < raw.length - 1 && (repeated || words === 1)) ||
    (words === 1 && prevBlank && i === raw.length - 1)
  );
}

/** Marks a line as a business field with its score. */
function asField(info: LineInfo, score: number): LineInfo {
  info.field = true;
  info.score = score;
  return info;
}

/** Marks a line as a sign-off (a name or initials under the body, never a block line). */
function asSignoff(info: LineInfo): LineInfo {
  info.signoff = true;
  info.score = -1;
  return info;
}
