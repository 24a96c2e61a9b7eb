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
import { newestPart, registerLine } from './newest-part.ts';
import { type LineInfo, analyse } from './line-score.ts';
import { type LabellerModel, labelBlock, shippedModel } from './labeller/model.ts';
import { alt } from './lexicon/index.ts';
import { caseless } from './lexicon/caseless.ts';
import {
  endsWithSignoff,
  hasCompanyWord,
  hasEmail,
  hasPhone,
  hasTitleWord,
  isSigDelimiter,
  looksLikeAddress,
  splitLines,
  wordCount,
} from './lines.ts';

/** Signature blocks seen in real mail run to ~15 non-blank lines; 40 leaves room for gaps and columns. */
const WINDOW = 40;
/** A delimited (`-- `) block longer than this is body text that happens to follow a `--` line. */
const MAX_DELIMITED = 20;

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
  return infos
    .slice(s)
    .filter((x) => !x.blank)
    .map((x) => x.text.replace(/\s+$/, ''));
}

function hasField(infos: LineInfo[], s: number): boolean {
  for (let i = s; i < infos.length; i++) if (infos[i]!.field) return true;
  return false;
}

/** Lines [start, end) of the window that form the block (blank lines inside are dropped on output). */
export interface Span {
  start: number;
  end: number;
  /** The block opens at an RFC 3676 `-- ` delimiter (the writer's client marked it). */
  delimited?: boolean;
}

/** The delimited block (`-- ` line to the end), when one exists in the window and is plausible. */
function delimited(infos: LineInfo[], lo: number): Span | 'none' | null {
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
    if (!hasField(infos, s)) return 'none';
    const proseCount = body.filter((x) => x.score <= -1.5 && !x.contact).length;
    if (proseCount > 4) return null;
    const start = opened ? s : d;
    // Footnote references trailing the block ("[1] http://...") belong to the body's links.
    let end = infos.length;
    for (;;) {
      let last = end - 1;
      while (last > start && infos[last]!.blank) last--;
      if (last <= start || !/^\s*\[\d{1,2}\]/.test(infos[last]!.text)) break;
      end = last;
    }
    return { start, end, delimited: true };
  }
  return null;
}

/**
 * The sender's signature block as lines (non-blank, as written, trailing whitespace removed), or null
 * when the newest part ends with no block carrying a business contact field beyond a name.
 * `hint` is the text of a block the mail client marked as signature (Gmail `gmail_signature`...).
 * `model` replaces the shipped line labeller (cross-validation trains one per fold); `null` uses the
 * hand-written rules alone.
 */
export function findSignature(
  text: string,
  from: Address,
  hint?: string,
  model: LabellerModel | null = shippedModel(),
): string[] | null {
  // The text decides first (it keeps the `-- ` line and the block's real layout); a client-marked
  // block is the fallback when the text alone yields nothing.
  const found = findSignatureIn(text, from, model);
  if (found || !hint || hint.trim() === '') return found;
  return findSignatureIn(hint, from, model);
}

/** The scored window of a text: the last WINDOW lines of its newest part. */
export function signatureWindow(text: string, from: Address): LineInfo[] {
  const all = splitLines(newestPart(text));
  return analyse(all.slice(Math.max(0, all.length - WINDOW)), from);
}

function findSignatureIn(text: string, from: Address, model: LabellerModel | null): string[] | null {
  const infos = signatureWindow(text, from);
  const rules = ruleBlock(infos, from);
  // A `-- ` delimiter is the writer's own mark: the rules' delimited block stands. Everything else is
  // the labeller's call.
  const found = model && !trustDelimited(infos, rules) ? labelBlock(infos, from, rules, model) : rules;
  if (!found) return null;
  const span = withoutTrailingBoilerplate(
    infos,
    withoutTrailingBanner(infos, withoutSeparateSignoff(infos, found)),
  );
  const lines = blockLines(infos.slice(0, span.end), span.start);
  return lines.length > 0 ? lines : null;
}

/** An Outlook text rendering of a linked image: "[cid:image002.png@01DC...]<https://acme.example/campaign>". */
const LINKED_IMAGE_RE = /^\s*\[cid:[^\]\s]{1,200}\]\s?<https?:\/\/[^>\s]{1,500}>\s*$/i;

/**
 * A linked image closing the block is a banner (a campaign, an award, an event) under the contact lines,
 * not one of them; a bare `[cid:...]` logo stays. Up to two such lines; never the block's only lines.
 */
export function withoutTrailingBanner(infos: LineInfo[], span: Span): Span {
  let end = span.end;
  // "[cid:...]<https://acme.example/careers>" / "We're hiring technicians – find out more at ...": the banner
  // and the campaign line under it, which names no phone and no e-mail.
  for (let k = end - 1, n = 0; k > span.start + 1 && n < 3; k--) {
    if (infos[k]!.blank) continue;
    if (LINKED_IMAGE_RE.test(infos[k]!.text)) {
      const after = infos.slice(k + 1, end).filter((x) => !x.blank);
      const contact = (x: LineInfo) => x.found?.phone || x.found?.email || /@|\d[\d ().-]{6,}\d/.test(x.text);
      if (after.length > 0 && !after.some(contact)) end = k;
      break;
    }
    n++;
  }
  for (let n = 0; n < 2; n++) {
    let last = end - 1;
    while (last > span.start && infos[last]!.blank) last--;
    if (last <= span.start + 1 || !LINKED_IMAGE_RE.test(infos[last]!.text)) break;
    end = last;
  }
  return end === span.end ? span : { ...span, end };
}

/**
 * "ABN 55 555 012 345" closing the block above a tagline: a company-register line is legal boilerplate, not a
 * contact line (newest-part.ts cuts it only where it ends the text); so is an event banner's call to action.
 * Never the block's only lines.
 */
export function withoutTrailingBoilerplate(infos: LineInfo[], span: Span): Span {
  let end = span.end;
  for (let n = 0; n < 2; n++) {
    let last = end - 1;
    while (last > span.start && infos[last]!.blank) last--;
    if (last <= span.start + 1 || !(registerLine(infos[last]!.text) || callToAction(infos[last]!.text)))
      break;
    end = last;
  }
  return end === span.end ? span : { ...span, end };
}

/** Calls to action of the lexicons ("Register now at ...", "Save the date"): an event or campaign banner. */
const CTA_RE = caseless(alt('ctaCues'), 'iu');
/** "Please quote the Tender Reference Number in all correspondence.": a request to the reader, a sentence. */
const PLEASE_SENTENCE_RE = /^please\s(?:\S+\s){3,30}\S+\.$/i;

/**
 * "Harbourview Wine Fair 2026 | 5-7 November | Hall 3 | Register now at www...": a banner line that calls the
 * reader to act, under the block. Never a line that gives a phone or an e-mail address.
 */
function callToAction(line: string): boolean {
  return (CTA_RE.test(line) || PLEASE_SENTENCE_RE.test(line.trim())) && !hasEmail(line) && !hasPhone(line);
}

/** A given name or nickname alone on a line ("Julie", "Bob"). */
const LONE_GIVEN_NAME_RE = /^\s*\p{Lu}\p{Ll}{1,15}\s*$/u;
/** A line of digits only: a number or an extension ("x-58752", "3-3831", "(713) 555-0101"). */
const NUMBER_LINE_RE = /^\s*(?:x|ext\.?\s?)?[\d\s().+-]{3,24}\s*$/i;

/**
 * "Love," / "Julie" / blank line / the contact lines: a first name under the valediction, set apart by a
 * blank line from what follows, is the sign-off, not a block line (the annotation rules leave separate
 * first-name sign-offs out). Kept when only numbers follow ("Jo" / "x-58752"): the name is what makes
 * those a block.
 */
export function withoutSeparateSignoff(infos: LineInfo[], span: Span): Span {
  let s = span.start;
  while (s < span.end && infos[s]!.blank) s++;
  let above = span.start - 1;
  while (above >= 0 && infos[above]!.blank) above--;
  if (above >= 0 && infos[above]!.valediction && signoffAboveFullName(infos, s, span.end))
    return { ...span, start: s + 1 };
  if (
    s + 2 >= span.end ||
    !LONE_GIVEN_NAME_RE.test(infos[s]!.text) ||
    !infos[s + 1]!.blank ||
    above < 0 ||
    !infos[above]!.valediction
  )
    return span;
  let next = s + 1;
  while (next < span.end && infos[next]!.blank) next++;
  const rest = infos.slice(next, span.end).filter((x) => !x.blank);
  if (rest.every((x) => NUMBER_LINE_RE.test(x.text)) || !rest.some((x) => x.field)) return span;
  return { ...span, start: next };
}

/** One or two capitalised words: a given name as people sign ("Wei Jie", "Anna"). */
const GIVEN_NAME_WORDS_RE = /^\p{Lu}\p{Ll}{1,15}(?: \p{Lu}\p{Ll}{1,15})?$/u;

/**
 * "Best regards," / "Wei Jie" / "Ng Wei Jie": the given name signed under the valediction, right above the
 * block's own full name that repeats it, is the sign-off. The block must go on below the full name, or be a
 * one-line block of cells ("Jordan" / "Jordan Ellery | Senior Account Executive | Tallyboard Learning").
 */
function signoffAboveFullName(infos: LineInfo[], s: number, end: number): boolean {
  if (s + 1 >= end || infos[s + 1]!.blank) return false;
  if (s + 2 >= end && !/\s[|•·]\s/.test(infos[s + 1]!.text)) return false;
  const given = infos[s]!.text.trim();
  // "Jordan" / "Jordan Ellery | Senior Account Executive | ...": the name cell of a one-line block.
  const full = infos[s + 1]!.text.trim().split(/\s[|•·]\s/)[0]!;
  return (
    GIVEN_NAME_WORDS_RE.test(given) &&
    full.length > given.length &&
    wordCount(full) <= 5 &&
    ` ${full.replace(/,.*$/, '')} `.includes(` ${given} `)
  );
}

/**
 * Lines of a `-- `-delimited block beyond which the delimiter proves little: a `--` above a pasted
 * article or a long list is the writer's dash, and the labeller judges what follows it instead.
 */
const MAX_TRUSTED_DELIMITED = 10;

/** Does the rules' block open at a `-- ` delimiter, and is it short enough to be a .sig? */
export function trustDelimited(infos: LineInfo[], rules: Span | null): boolean {
  if (!rules?.delimited) return false;
  let lines = 0;
  for (let i = rules.start; i < rules.end; i++) if (!infos[i]!.blank) lines++;
  return lines <= MAX_TRUSTED_DELIMITED + 1;
}

/** The block the hand-written rules choose (a feature of the labeller, and its fallback). */
export function ruleBlock(infos: LineInfo[], from: Address): Span | null {
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
      if (
        j < n &&
        (wordCount(infos[j]!.text) === 1 || infos[j]!.signoff) &&
        (j + 1 >= n || infos[j + 1]!.blank)
      )
        lo = j + 1;
      break;
    }
    if (!x.blank && endsWithSignoff(x.text) && wordCount(x.text) > 3) {
      lo = i + 1;
      break;
    }
  }

  // Notice paragraphs in a language the cutter does not know, under a signed-off block: not the block.
  const end = lo > 0 ? trailingNoticeStart(infos, lo) : n;
  if (end < n) return findIn(infos.slice(0, end), lo, from);
  return findIn(infos, lo, from);
}

/**
 * Where trailing notice paragraphs start (or `infos.length`): paragraphs at the end made only of prose
 * lines (a legal notice, a privacy statement) below a block that has fields. Only used when a
 * valediction bounds the block from above (`lo`) and the block names the sender, so the writer has
 * signed off and the prose under the block cannot be the message itself.
 */
function trailingNoticeStart(infos: LineInfo[], lo: number): number {
  let end = infos.length;
  for (let guard = 0; guard < 4; guard++) {
    let e = end;
    while (e > lo && infos[e - 1]!.blank) e--;
    let st = e;
    while (st > lo && !infos[st - 1]!.blank) st--;
    if (st <= lo || e === st) break;
    const para = infos.slice(st, e);
    const notice = para.every(
      (x) => x.score <= -1.5 && !x.field && !x.contact && !x.signoff && !x.valediction && !x.mention,
    );
    // A short slogan under the block is a tagline and stays; a notice has at least one long sentence.
    if (!para.some((x) => x.score <= -4)) break;
    // The block above must be the sender's own (it names them): body text about a place is no block.
    const above = infos.slice(lo, st);
    if (!notice || !hasField(infos.slice(0, st), lo) || !above.some((x) => x.mention)) break;
    end = st;
  }
  return end;
}

function findIn(infos: LineInfo[], lo: number, from: Address): Span | null {
  const n = infos.length;
  const delim = delimited(infos, 0);
  if (delim) return delim === 'none' ? null : delim;

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
  // A last paragraph of sentences under the block ("Liability limited by a scheme approved under ...")
  // is a notice, not part of it.
  let e = n;
  for (;;) {
    let last = e;
    while (last > s && infos[last - 1]!.blank) last--;
    let st = last;
    while (st > s && !infos[st - 1]!.blank) st--;
    if (st <= s || st === last) break;
    // Sentences have lower-case words; a capitalised slogan ("Make Retail. Fun. Connected.") stays.
    const sentence = (x: LineInfo) =>
      x.score <= -1.5 &&
      !x.field &&
      !x.contact &&
      !x.mention &&
      (x.text.match(/(?:^|\s)\p{Ll}/gu)?.length ?? 0) >= 3;
    if (!infos.slice(st, last).every(sentence)) break;
    e = st;
  }
  const kept = e < n ? infos.slice(0, e) : infos;
  const lines = blockLines(kept, s);
  // Without a delimiter the block must be anchored: it names the sender, or it is a real block
  // (three lines or more, two of them contact/address fields).
  const block = kept.slice(s).filter((x) => !x.blank);
  const anchored =
    block.some(
      (x) => x.mention || (from.email !== null && x.text.toLowerCase().includes(from.email.toLowerCase())),
    ) ||
    (block.length >= 3 &&
      block.filter((x) => x.field && x.score >= 2).length >= 2 &&
      block.some(
        (x) => !x.contact && (hasCompanyWord(x.text) || hasTitleWord(x.text)) && !looksLikeAddress(x.text),
      ));
  return lines.length > 0 && anchored ? { start: s, end: e } : null;
}
