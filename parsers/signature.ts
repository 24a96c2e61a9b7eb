/**
 * Find the sender's own signature block at the end of the newest part of a message.
 *
 * Every line of the trailing window gets a score from its features (phone, e-mail, URL, address,
 * title and company vocabulary, name shape, mention of the sender, rule lines) or a penalty (prose,
 * long lines, isolated short lines). Candidate blocks are suffixes of the newest part; the best-scoring
 * suffix wins, bounded above by valedictions and sign-off lines, which never belong to the block. An RFC
 * 3676 `-- ` delimiter makes the block start there. A block needs at least one business contact field
 * beyond a bare name, or it is no signature.
 *
 * Work is bounded: at most WINDOW lines are scored, each capped at MAX_LINE characters.
 */
import type { Address } from './types.ts';
import { findPhoneSpans } from './phones.ts';
import { newestPart } from './newest-part.ts';
import {
  MAX_LINE,
  capLine,
  endsWithSignoff,
  hasCompanyWord,
  hasEmail,
  hasPhone,
  hasTitleWord,
  hasUrl,
  isBlank,
  isRuleLine,
  isSigDelimiter,
  isValediction,
  looksLikeAddress,
  looksLikeName,
  mentionsSender,
  splitLines,
  wordCount,
} from './lines.ts';

/** Signature blocks seen in real mail run to ~15 non-blank lines; 40 leaves room for gaps and columns. */
const WINDOW = 40;
/** A delimited (`-- `) block longer than this is body text that happens to follow a `--` line. */
const MAX_DELIMITED = 20;

interface LineInfo {
  text: string;
  blank: boolean;
  contact: boolean; // phone, e-mail or URL
  field: boolean; // any business field beyond a bare name
  score: number;
  valediction: boolean;
  signoff: boolean;
  /** Names the sender (display-name tokens or the address's local part). */
  mention: boolean;
}

/** Column separators: runs of 3+ spaces, tabs, pipes, bullets, a box's ` I ` divider. */
const CELL_SPLIT = /\s{2,}I\s|\s{3,}|\t+|\s\|\s|\s•\s/;

/** Lines are columnar when they carry runs of spaces, tabs or pipes between cells. */
function columnar(l: string): boolean {
  return /\S(?: {3,}|\t+| \| |\s•\s)\S/.test(l);
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

function isProse(t: string): 'hard' | 'soft' | false {
  if (t.length > 110 && !columnar(t)) return 'hard';
  const words = wordCount(t);
  if (/\b(?:I|I'm|I've|I'll|we|you|please|call me|reach me|let me|can be reached)\b/.test(t) && words >= 4) return 'hard';
  if (words >= 14) return 'hard';
  if (words >= 8 && /[.?!:;,]$/.test(t)) return 'soft';
  if (/^[a-z]/.test(t) && words >= 2 && !hasEmail(t) && !hasUrl(t)) return 'soft';
  return false;
}

/** Words left on a line once phones, e-mails and URLs are removed. */
function leftoverWords(t: string): number {
  let rest = t;
  for (const p of findPhoneSpans(t)) rest = rest.replace(p.raw, ' ');
  rest = rest.replace(/\S{1,64}@\S{1,200}/g, ' ').replace(/(?:https?:\/\/|www\.)\S{1,300}/gi, ' ');
  return rest.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
}

/** Does a one-line text name the sender's domain ("Ericsson" for ericsson.com)? */
function matchesHost(t: string, email: string | null): boolean {
  const host = email?.split('@')[1]?.toLowerCase() ?? '';
  const word = t.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  return word.length >= 3 && host.split('.').slice(0, -1).includes(word);
}

/** A URL that reads as a body link (footnote, long path or query) rather than a homepage. */
function bodyLink(t: string): boolean {
  if (/^\[\d{1,2}\]/.test(t)) return true;
  if (/linkedin\.com\/in\/|about\.me\/|github\.com\/|twitter\.com\/|x\.com\/|xing\.com\//i.test(t)) return false;
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
    if (/[,;]$|\b(?:at|or|and|to|of|the|for|on|in|by|with|a|an|is|are)$/i.test(p) || (/^[a-z(]/.test(t) && !/^(?:www\.|https?:|mailto:|[\w.+-]{1,64}@)/i.test(t))) {
      cur.score = Math.min(cur.score, -1.5);
      cur.field = false;
      cur.contact = false;
    }
  }
  return infos;
}

function scoreLines(raw: string[], from: Address): LineInfo[] {
  return raw.map((text, i) => {
    const l = capLine(text);
    const blank = isBlank(l);
    const info: LineInfo = { text, blank, contact: false, field: false, score: 0, valediction: false, signoff: false, mention: false };
    if (blank) return info;
    const t = l.trim();
    info.valediction = isValediction(t);
    if (info.valediction) return info;
    const prevBlank = i === 0 || isBlank(raw[i - 1]!);
    const nextBlank = i === raw.length - 1 || isBlank(raw[i + 1]!);
    if (isRuleLine(t)) {
      info.score = 0.2;
      return info;
    }
    const cells = cellsOf(t);
    const words = wordCount(t);
    const phone = cells.some(
      (c) => hasPhone(c) || /^(?:x|ext\.?|extn:?)\s?-?\d{3,6}$/i.test(c) || /^\d-\d{4}$/.test(c),
    );
    const email = hasEmail(t);
    const url = hasUrl(t);
    info.contact = phone || email || url;
    info.mention = cells.some((c) => looksLikeName(c) && mentionsSender(c, from.name, from.email));
    // Client image placeholders ("[logo.png]<http://...>", "[image: ...]") sit inside blocks: neutral.
    if (/^\[(?:image:|cid:|https?:)[^\]]{0,300}\](?:<[^>]{0,300}>)?$/i.test(t)) {
      info.score = 0.1;
      return info;
    }
    // Columns are judged cell by cell: a sentence in any cell makes the line body text.
    const prose = cells.length > 1 ? (cells.some((c) => isProse(c) === 'hard') ? 'hard' : false) : isProse(cells[0] ?? t);
    if (text.length > MAX_LINE || prose === 'hard') {
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
      info.field = true;
      info.score = prose ? 1 : 3;
      return info;
    }
    if (prose) {
      info.score = -1.5;
      return info;
    }
    const name = cells.some((c) => looksLikeName(c));
    const mention = name && cells.some((c) => mentionsSender(c, from.name, from.email));
    info.mention = mention;
    const shortCell = (c: string) =>
      wordCount(c) <= 8 && c.length <= 70 && !/[.?!]$/.test(c.replace(/\b(?:Inc|Ltd|Corp|Co|St|Ave|Jr|Sr|Dr|Rd|LLC|S\.A|S\.W|Ste)\.$/i, ''));
    if (cells.some((c) => looksLikeAddress(c) && wordCount(c) <= 10)) {
      info.field = true;
      info.score = 2;
      return info;
    }
    // A title or organisation line; a line that is only the sender's name is not one, unless it
    // carries an organisation word ("Doe Consulting" from John Doe).
    const orgOrTitle = cells.some((c) => shortCell(c) && (hasTitleWord(c) || hasCompanyWord(c)));
    if (orgOrTitle && (!(mention && cells.length === 1) || hasCompanyWord(t))) {
      info.field = true;
      info.score = mention ? 2.5 : 1.5;
      return info;
    }
    // One word above a line that repeats it ("John" / "John Van Gelder") or above a rule line that
    // opens a framed block: a sign-off.
    let k = i + 1;
    while (k < raw.length && k <= i + 2 && isBlank(raw[k]!)) k++;
    const next = raw[k]?.trim() ?? '';
    if (words === 1 && next !== '' && (next.split(/\s+/)[0] === t || (k === i + 1 && isRuleLine(next)))) {
      info.signoff = true;
      info.score = -1;
      return info;
    }
    const org = hasCompanyWord(t) || matchesHost(t, from.email);
    if (mention) {
      // A full name alone on its paragraph is a sign-off when the block below repeats it ("Wendy
      // Roberts" / rule / "Wendy Roberts"); otherwise it heads a block spaced out by an HTML client.
      const repeated = raw.slice(i + 1, i + 10).some((r) => r.trim() === t);
      const isolated =
        (prevBlank && nextBlank && i < raw.length - 1 && (repeated || words === 1)) || (words === 1 && prevBlank && i === raw.length - 1);
      info.score = isolated && !org ? -0.5 : 2.5;
      info.signoff = info.score < 0;
      return info;
    }
    // One word on its own paragraph line ("Mike", "tjb", "-jan-"): a sign-off, not a block line.
    if (words === 1 && (nextBlank || prevBlank) && !/[@.]/.test(t) && !org) {
      info.signoff = true;
      info.score = -1;
      return info;
    }
    if (/^\s*[-–—\/~]{1,2}\s?\S/.test(l) && words <= 3) {
      info.signoff = true;
      info.score = -1;
      return info;
    }
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
  });
}

/** Is line `s` between field lines (within 3 non-blank lines above and below)? */
function sandwiched(infos: LineInfo[], s: number, lo: number): boolean {
  const near = (dir: number): boolean => {
    let seen = 0;
    for (let i = s + dir; i >= lo && i < infos.length && seen < 3; i += dir) {
      if (infos[i]!.blank) continue;
      seen++;
      if (infos[i]!.field || infos[i]!.mention) return true;
    }
    return false;
  };
  return near(-1) && near(1);
}

/** Non-blank lines of a block, trailing whitespace removed, leading kept. */
function blockLines(infos: LineInfo[], s: number): string[] {
  return infos.slice(s).filter((x) => !x.blank).map((x) => x.text.replace(/\s+$/, ''));
}

function hasField(infos: LineInfo[], s: number): boolean {
  for (let i = s; i < infos.length; i++) if (infos[i]!.field) return true;
  return false;
}

/** The delimited block (`-- ` line to the end), when one exists in the window and is plausible. */
function delimited(infos: LineInfo[], lo: number): string[] | null {
  for (let d = infos.length - 1; d >= lo; d--) {
    if (!isSigDelimiter(infos[d]!.text)) continue;
    const body = infos.slice(d + 1).filter((x) => !x.blank);
    if (body.length === 0 || body.length > MAX_DELIMITED) return null;
    // A valediction or sign-off that opens the .sig ("-- \nCheers\nJason Haar") means the `--` was
    // the writer's dash, not the delimiter: the block starts after it.
    let s = d + 1;
    while (s < infos.length && infos[s]!.blank) s++;
    let opened = false;
    while (s < infos.length && (infos[s]!.blank || infos[s]!.valediction || infos[s]!.signoff)) {
      s++;
      opened = true;
    }
    // A tag line standing alone right under the delimiter ("-- \n#ken  P-)}\n\nKen Coar ..."), with the
    // real block after a blank line, is a sign-off too.
    if (!opened && s + 2 < infos.length && infos[s + 1]!.blank && !infos[s]!.field && !infos[s]!.mention) {
      s += 1;
      while (s < infos.length && infos[s]!.blank) s++;
      opened = hasField(infos, s);
      if (!opened) s = d + 1;
    }
    if (!hasField(infos, s)) return [];
    const proseCount = body.filter((x) => x.score <= -4 && !x.contact).length;
    if (proseCount > 4) return null;
    const out = opened ? blockLines(infos, s) : [infos[d]!.text.replace(/\s+$/, ''), ...blockLines(infos, d + 1)];
    // Footnote references trailing the block ("[1] http://...") belong to the body's links.
    while (out.length > 1 && /^\s*\[\d{1,2}\]/.test(out[out.length - 1]!)) out.pop();
    return out;
  }
  return null;
}

/**
 * The sender's signature block as lines (non-blank, as written, trailing whitespace removed), or null
 * when the newest part ends with no block carrying a business contact field beyond a name.
 * `hint` is the text of a block the mail client marked as signature (Gmail `gmail_signature`...).
 */
export function findSignature(text: string, from: Address, hint?: string): string[] | null {
  // The text decides first (it keeps the `-- ` line and the block's real layout); a client-marked
  // block is the fallback when the text alone yields nothing.
  const found = findSignatureIn(text, from);
  if (found || !hint || hint.trim() === '') return found;
  return findSignatureIn(hint, from);
}

function findSignatureIn(text: string, from: Address): string[] | null {
  const all = splitLines(newestPart(text));
  const raw = all.slice(Math.max(0, all.length - WINDOW));
  const infos = analyse(raw, from);
  const n = infos.length;
  if (n === 0) return null;

  // Upper bound: nothing above the last valediction, sign-off or inline sign-off may be in the block.
  let lo = 0;
  for (let i = n - 1; i >= 0; i--) {
    const x = infos[i]!;
    if (x.valediction) {
      lo = i + 1;
      // A single-token sign-off right after it ("Thanks,\nMike") is excluded too.
      let j = i + 1;
      while (j < n && infos[j]!.blank) j++;
      if (j < n && (wordCount(infos[j]!.text) === 1 || infos[j]!.signoff) && (j + 1 >= n || infos[j + 1]!.blank)) lo = j + 1;
      break;
    }
    if (!x.blank && endsWithSignoff(x.text) && wordCount(x.text) > 3) {
      lo = i + 1;
      break;
    }
  }

  const delim = delimited(infos, 0);
  if (delim) return delim.length > 0 ? delim : null;

  // Best-scoring suffix starting at a non-blank line at or below `lo`.
  let best = -1;
  let bestScore = 0;
  let sum = 0;
  let seenField = false;
  for (let s = n - 1; s >= lo; s--) {
    const x = infos[s]!;
    sum += x.score;
    if (x.blank) continue;
    if (x.signoff) break; // nothing above a sign-off belongs to the block
    if (x.score <= -4) break; // prose: the block cannot extend above it
    // A sentence-like line stays in the block only between field lines or under them (a tagline);
    // above the block it ends it.
    if (x.score <= -1 && !sandwiched(infos, s, lo) && seenField) break;
    if (x.field) seenField = true;
    if (sum >= bestScore && hasField(infos, s)) {
      best = s;
      bestScore = sum;
    }
  }
  if (best < 0 || bestScore < 3) return null;
  // Trim leading lines that carry nothing (isolated short lines kept out by their score already).
  let s = best;
  while (s < n && (infos[s]!.blank || (infos[s]!.score < 0 && !infos[s]!.field))) s++;
  const lines = blockLines(infos, s);
  // Without a delimiter the block must be anchored: it names the sender, or it is a real block
  // (three lines or more, two of them contact/address fields).
  const block = infos.slice(s).filter((x) => !x.blank);
  const anchored =
    block.some((x) => x.mention || (from.email !== null && x.text.toLowerCase().includes(from.email.toLowerCase()))) ||
    (block.length >= 3 &&
      block.filter((x) => x.field && x.score >= 2).length >= 2 &&
      block.some((x) => !x.contact && (hasCompanyWord(x.text) || hasTitleWord(x.text)) && !looksLikeAddress(x.text)));
  return lines.length > 0 && anchored ? lines : null;
}
