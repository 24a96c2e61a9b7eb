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
}

/** Lines are columnar when they carry runs of spaces, tabs or pipes between cells. */
function columnar(l: string): boolean {
  return /\S(?: {3,}|\t+| \| |\s•\s)\S/.test(l);
}

function isProse(l: string): boolean {
  const t = l.trim();
  if (t.length > 110 && !columnar(t)) return true;
  const words = wordCount(t);
  if (words >= 9 && /[.?!:;,]$/.test(t) && !columnar(t)) return true;
  if (words >= 12 && !columnar(t)) return true;
  if (/^[a-z]/.test(t) && words >= 5 && !hasEmail(t) && !hasUrl(t)) return true;
  if (/\b(?:I|I'm|I've|we|you|please|call me|reach me|let me|can be reached)\b/.test(t) && words >= 4) return true;
  return false;
}

function analyse(raw: string[], from: Address): LineInfo[] {
  return raw.map((text, i) => {
    const l = capLine(text);
    const blank = isBlank(l);
    const info: LineInfo = { text, blank, contact: false, field: false, score: 0, valediction: false, signoff: false };
    if (blank) return info;
    const t = l.trim();
    info.valediction = isValediction(t);
    const prevBlank = i === 0 || isBlank(raw[i - 1]!);
    const nextBlank = i === raw.length - 1 || isBlank(raw[i + 1]!);
    const words = wordCount(t);
    const phone = hasPhone(t) || /^\s*(?:x|ext\.?|extn:?)\s?-?\d{3,6}\s*$/i.test(t) || /^\d-\d{4}$/.test(t);
    const email = hasEmail(t);
    const url = hasUrl(t);
    const rule = isRuleLine(t);
    info.contact = phone || email || url;
    if (text.length > MAX_LINE || isProse(t)) {
      info.score = info.contact && columnar(t) ? 1 : -4;
      return info;
    }
    if (info.valediction) return info;
    if (rule) {
      info.score = 0.2;
      return info;
    }
    if (info.contact) {
      info.field = true;
      info.score = 3;
      return info;
    }
    const short = words <= 8 && t.length <= 70 && !/[.?!]$/.test(t.replace(/\b(?:Inc|Ltd|Corp|Co|St|Ave|Jr|Sr|Dr|Rd|LLC|S\.A|S\.W)\.$/i, ''));
    if (looksLikeAddress(t) && words <= 10) {
      info.field = true;
      info.score = 2;
      return info;
    }
    const name = looksLikeName(t);
    const mention = mentionsSender(t, from.name, from.email);
    if (short && (hasTitleWord(t) || hasCompanyWord(t)) && !(name && mention)) {
      info.field = true;
      info.score = 1.5;
      return info;
    }
    if (name && mention) {
      info.score = 2.5;
      return info;
    }
    // One word on its own paragraph line ("Mike", "tjb", "-jan-"): a sign-off, not a block line.
    if (words === 1 && (nextBlank || prevBlank) && !/[@.]/.test(t)) {
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
    if (short) {
      info.score = prevBlank && nextBlank ? -0.5 : 0.3;
      return info;
    }
    info.score = -1;
    return info;
  });
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
    // Skip a valediction / sign-off that opens the .sig ("-- \nThanks,\nJoe").
    let s = d + 1;
    while (s < infos.length && (infos[s]!.blank || infos[s]!.valediction)) s++;
    if (!hasField(infos, s)) return null;
    const proseCount = body.filter((x) => x.score <= -4 && !x.contact).length;
    if (proseCount > 4) return null;
    return [infos[d]!.text.replace(/\s+$/, ''), ...blockLines(infos, d + 1)];
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
  if (delim) return delim;

  // Best-scoring suffix starting at a non-blank line at or below `lo`.
  let best = -1;
  let bestScore = 0;
  let sum = 0;
  for (let s = n - 1; s >= lo; s--) {
    const x = infos[s]!;
    sum += x.score;
    if (x.blank || x.signoff) continue;
    if (x.score <= -4) break; // prose: the block cannot extend above it
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
  return lines.length > 0 ? lines : null;
}
