/**
 * The learned signature-line labeller at run time: a logistic model scores each non-blank line of the
 * window (log-odds that it belongs to the sender's block), and a constrained decoder picks one
 * contiguous block: the span of lines with the largest summed log-odds that carries a business field.
 * Lines with negative log-odds under the block (a "LinkedIn" label line, a banner, a call to action)
 * simply fall outside it, so a block need not reach the last line.
 *
 * Weights come from `weights.json`, written by `npm run train` (scripts/train-labeller.ts); a model
 * with other weights (one per cross-validation fold) can be passed instead. Pure and allocation-light:
 * one feature matrix per message, O(lines^2) decoding over at most 40 lines.
 */
import type { Address } from '../types.ts';
import type { LineInfo } from '../line-score.ts';
import { isSigDelimiter } from '../lines.ts';
import { isLoneContactLabel } from '../phones.ts';
import { alt } from '../lexicon/index.ts';
import { caseless } from '../lexicon/caseless.ts';
import {
  BLOCK_FEATURE_NAMES,
  FEATURE_NAMES,
  blockFeatures,
  lineScores,
  lineContexts,
  type LineContext,
} from './features.ts';
import shipped from './weights.json' with { type: 'json' };

export interface LabellerModel {
  /** One weight per FEATURE_NAMES entry, same order. */
  weights: Float64Array;
  bias: number;
  /** A candidate block is kept only when its summed log-odds exceed this. */
  threshold: number;
  /** Second stage: log-odds that a candidate block is a signature (one weight per BLOCK_FEATURE_NAMES). */
  block: Float64Array | null;
}

/** The weights file: named weights, so a reader sees what the model learned. */
export interface WeightsFile {
  comment?: string;
  bias: number;
  threshold: number;
  weights: Record<string, number>;
  block?: Record<string, number>;
  trainedOn?: Record<string, number>;
}

/** A model from a weights file; a feature the file does not name weighs 0 (so old files still load). */
export function modelFromWeights(w: WeightsFile): LabellerModel {
  return {
    weights: Float64Array.from(FEATURE_NAMES, (n) => w.weights[n] ?? 0),
    bias: w.bias,
    threshold: w.threshold,
    block: w.block ? Float64Array.from(BLOCK_FEATURE_NAMES, (n) => w.block![n] ?? 0) : null,
  };
}

let cached: LabellerModel | null = null;

/** The model trained on every annotated message the project had, shipped with the code. */
export function shippedModel(): LabellerModel {
  cached ??= modelFromWeights(shipped as WeightsFile);
  return cached;
}

/** Log-odds per non-blank line. */
export function lineLogOdds(x: Float64Array, rows: number, model: LabellerModel): Float64Array {
  const f = FEATURE_NAMES.length;
  const z = new Float64Array(rows);
  for (let k = 0; k < rows; k++) {
    let s = model.bias;
    const o = k * f;
    for (let j = 0; j < f; j++) {
      const v = x[o + j]!;
      if (v !== 0) s += v * model.weights[j]!;
    }
    z[k] = s;
  }
  return z;
}

/**
 * The best block as [first, last] indices into `contexts` (inclusive), or null: the contiguous run
 * with the largest summed log-odds among runs that hold a business field, above `threshold`.
 */
export function decodeBlock(
  contexts: LineContext[],
  z: Float64Array,
  threshold: number,
): { first: number; last: number } | null {
  const n = contexts.length;
  let best: { first: number; last: number } | null = null;
  let bestSum = threshold;
  for (let s = 0; s < n; s++) {
    let sum = 0;
    let field = false;
    // Valedictions, also glued to a name ("Regards, John"), are never block lines (the annotation
    // rules): no span crosses one.
    for (let e = s; e < n && !contexts[e]!.info.valediction && !contexts[e]!.info.glued; e++) {
      sum += z[e]!;
      if (contexts[e]!.carries) field = true;
      if (field && sum > bestSum) {
        bestSum = sum;
        best = { first: s, last: e };
      }
    }
  }
  return best;
}

/** The window span ({start, end} over `infos`) the model chooses, or null for no signature. */
export function labelBlock(
  infos: LineInfo[],
  from: Address,
  rules: { start: number; end: number } | null,
  model: LabellerModel,
): { start: number; end: number } | null {
  const contexts = lineContexts(infos, from, rules);
  if (contexts.length === 0) return null;
  const z = lineScores(contexts, model.weights, model.bias);
  pairLabelLines(contexts, z);
  const block = chooseBlock(contexts, z, model);
  if (!block) return null;
  const start = infos.indexOf(contexts[block.first]!.info);
  const end = infos.indexOf(contexts[block.last]!.info) + 1;
  return { start, end };
}

/**
 * A contact label alone on its line: a known one ("Tel", "E-mail:", phones.ts) or a letter or two ("m", "T:",
 * "Ph"). Plain renderings of table signatures write the label cell and the value cell on lines of their own,
 * often with blank lines between.
 */
const SHORT_LABEL_RE = /^\p{L}{1,2}\.?:?$/u;
const labelAlone = (t: string) => SHORT_LABEL_RE.test(t) || isLoneContactLabel(t);

/**
 * "m" / "+971 50 555 0141" / "t" / "+971 4 555 0119": a label line right above the value it labels is part
 * of the block with it, and the value line is not set apart by its label. The model never saw such pairs
 * apart often enough to learn them: each such label line gets at least a neutral score and its value a
 * field line's.
 */
function pairLabelLines(contexts: LineContext[], z: Float64Array): void {
  for (let k = 0; k + 1 < contexts.length; k++) {
    if (!labelAlone(contexts[k]!.t) || !contexts[k + 1]!.carries) continue;
    z[k] = Math.max(z[k]!, 0.5);
    z[k + 1] = Math.max(z[k + 1]!, 1);
  }
}

/** The second stage's verdict on a candidate block (always yes without block weights). */
export function acceptBlock(
  contexts: LineContext[],
  first: number,
  last: number,
  z: Float64Array,
  model: LabellerModel,
): boolean {
  if (directory(contexts, first, last)) return false;
  if (!model.block) return true;
  const x = blockFeatures(contexts, first, last, z);
  let s = 0;
  for (let j = 0; j < x.length; j++) s += x[j]! * model.block[j]!;
  return s > 0;
}

/**
 * Lines with a number beyond which a block is a directory ("For assistance:" and a help desk per
 * line): a person lists a few numbers (work, mobile, fax, home), a list of contacts many.
 */
const MAX_PHONE_LINES = 6;

function directory(contexts: LineContext[], first: number, last: number): boolean {
  let n = 0;
  for (let i = first; i <= last; i++) if (contexts[i]!.phone) n++;
  return n > MAX_PHONE_LINES;
}

/**
 * A block must be the sender's: it names them (display name, address, or their domain on a short
 * line; also just above it), or it is a real block of its own (three lines or more, two strong field lines and a company
 * or title line that is no address). A hotel's address at the end of a message is neither.
 */
export function anchored(contexts: LineContext[], first: number, last: number): boolean {
  const block = contexts.slice(first, last + 1);
  // A sign-off name just above the block ("Thanks,\nEric\n\nx3-0977") anchors it as well.
  const near = contexts.slice(Math.max(0, first - 2), last + 1);
  if (
    near.some(
      (c) =>
        c.info.mention ||
        c.senderName ||
        c.senderEmail ||
        c.senderDomain ||
        c.signsName ||
        (c.senderHost && c.words <= 6),
    )
  )
    return true;
  // A team or company signing under a valediction at the very end ("Thank you." / "Payroll Team",
  // "Sincerely," / "Northwind LLC" / "x4-1200"): short lines that each carry a unit, an organisation or
  // a number, and nothing after them but notices.
  if (signedByTeam(contexts, first, last)) return true;
  // A one- or two-word name signed right under a valediction, with the block right under it
  // ("Cheers," / "Bob" / "415-555-0199"): the writer signed, whatever nickname they used.
  const above = first > 0 ? contexts[first - 1]! : null;
  if (above && above.afterVal && above.words <= 2 && !contexts[first]!.prevBlank && /^\p{Lu}/u.test(above.t))
    return true;
  // A block that opens right under the writer's valediction, its first line a title or name and
  // three lines or more of it carrying fields ("Regards," / "Adv. Yael Friedman" / "Partner, Real
  // Estate" / ... / "Tel: ..."): the writer signed off and wrote their block, in whatever script.
  if (
    first > 0 &&
    contexts[first - 1]!.info.valediction &&
    block.length >= 3 &&
    block.filter((c) => c.carries).length >= 3 &&
    block.some((c) => c.phone || c.email) &&
    (contexts[first]!.title || contexts[first]!.nameShape)
  )
    return true;
  // An RFC 3676 `-- ` delimiter right above says the writer's client put the block there.
  if (first > 0 && isSigDelimiter(contexts[first - 1]!.info.text)) return true;
  return (
    block.length >= 3 &&
    block.filter((c) => c.info.field && c.info.score >= 2).length >= 2 &&
    block.some((c) => !c.info.contact && (c.company || c.title) && !c.address) &&
    !listEntry(contexts, first, last)
  );
}

/** What a line holds, as bits: the layout a list repeats from entry to entry. */
function shapeOf(c: LineContext): number {
  return (c.address ? 1 : 0) | (c.company ? 2 : 0) | (c.phone ? 4 : 0) | (c.email ? 8 : 0) | (c.url ? 16 : 0);
}

/**
 * Does the block end with an entry of a list: its last paragraph and the paragraph right above that
 * have as many lines, holding the same kinds of field line by line (a list of counterparties' names
 * and addresses, of offices)? A writer's own block does not repeat the paragraph above it.
 */
function listEntry(contexts: LineContext[], blockFirst: number, blockLast: number): boolean {
  // The paragraph of the block's last line is the entry (a block may have taken in the entries above
  // it too, or stopped short of the entry's last line).
  let last = blockLast;
  while (last + 1 < contexts.length && !contexts[last + 1]!.prevBlank) last++;
  let first = last;
  while (first > blockFirst && !contexts[first]!.prevBlank) first--;
  const k = last - first + 1;
  if (first < k || !contexts[first]!.prevBlank) return false;
  const top = first - k;
  if (!contexts[top]!.prevBlank && top > 0) return false;
  for (let i = top + 1; i < first; i++) if (contexts[i]!.prevBlank) return false;
  let fields = 0;
  for (let i = 0; i < k; i++) {
    const s = shapeOf(contexts[first + i]!);
    if (s !== shapeOf(contexts[top + i]!)) return false;
    if (s !== 0) fields++;
  }
  return fields >= 2;
}

/** A team sign-off is at most this many lines: the team's name, a number, perhaps a second unit. */
const MAX_TEAM_LINES = 3;

function signedByTeam(contexts: LineContext[], first: number, last: number): boolean {
  if (first === 0 || last - first + 1 > MAX_TEAM_LINES) return false;
  const above = contexts[first - 1]!;
  if (!above.info.valediction) return false;
  for (let i = last + 1; i < contexts.length; i++)
    if (!contexts[i]!.notice && !contexts[i]!.rule) return false;
  let org = false;
  for (let i = first; i <= last; i++) {
    const c = contexts[i]!;
    if (c.words > 6 || c.info.score <= -1.5) return false;
    if (c.unit || c.company) org = true;
    else if (!c.extTail && !c.phone) return false;
  }
  return org;
}

/** A signed tail is a short block: a name and up to three lines of title, unit, company or number. */
const MAX_SIGNED_TAIL = 4;
/** Words of a signed tail's lines; longer lines are sentences. */
const MAX_TAIL_WORDS = 7;

/**
 * The lines under the last valediction (or, with none, a last paragraph that the sender's name or a
 * unit with its extension signs) when they are a short signed block that the line scores alone do not
 * raise: "Thank you." / "Payroll Team", "Sincerely," / "Dana Reyes" / "Vice President",
 * "Regards," / "Northwind LLC". Attachment lines right under the valediction and notices at the very end
 * are skipped. Every line is short and no sentence; at least one carries a business field (a unit, an
 * organisation or title word, a number), and any other line is a name. Rare in any one corpus, so the
 * learned weights see too few of them to lift them above the body around them.
 */
export function signedTail(contexts: LineContext[]): { first: number; last: number } | null {
  if (contexts.length === 0) return null;
  let v = -1;
  for (let i = contexts.length - 1; i >= 0; i--)
    if (contexts[i]!.info.valediction) {
      v = i;
      break;
    }
  let first = v + 1;
  if (v < 0) {
    // No valediction: the last paragraph, set off by a blank line, signed by the sender's own name
    // ("Dana Reyes" / "Government Affairs") or by a unit with its internal extension ("Payroll Desk" /
    // "4-7060"); an extension is the writer's own line, never a number quoted from elsewhere.
    first = contexts.length - 1;
    while (first > 0 && !contexts[first]!.prevBlank) first--;
    if (first === 0) return null;
    const head = contexts[first]!;
    const tail = contexts.slice(first);
    const signed =
      head.info.mention ||
      head.senderName ||
      head.signsName ||
      (tail.some((c) => c.unit) && tail.some((c) => c.extTail));
    if (!signed) return null;
  }
  while (first < contexts.length && contexts[first]!.attachment) first++;
  let last = contexts.length - 1;
  while (last >= first && (contexts[last]!.notice || contexts[last]!.rule)) last--;
  // A rule line right under a short signed block separates what the writer appended (a job posting,
  // a forwarded notice): the block ends above it ("Regards," / "Grace" / "x8321" / "=====" / ...).
  for (let i = first + 1; i <= last && i <= first + MAX_SIGNED_TAIL; i++)
    if (contexts[i]!.rule && !isSigDelimiter(contexts[i]!.info.text)) {
      last = i - 1;
      break;
    }
  // Notices go on for a paragraph: everything from the first notice line down is the notice.
  for (let i = first; i <= last; i++)
    if (contexts[i]!.notice) {
      last = i - 1;
      break;
    }
  if (last < first || last - first + 1 > MAX_SIGNED_TAIL) return null;
  let business = false;
  for (let i = first; i <= last; i++) {
    const c = contexts[i]!;
    // A one-line block: "Name ‖ Title ‖ Company ‖ +33 5 ..." (separators between short parts).
    if (c.segments >= 3 && c.words <= MAX_TAIL_WORDS * 3 && (c.phone || c.email || c.title || c.company)) {
      business = true;
      continue;
    }
    if (
      c.words > MAX_TAIL_WORDS ||
      c.info.score <= -4 ||
      c.quoted ||
      /[.?!]$/.test(c.t.replace(LEGAL_DOT_RE, ''))
    )
      return null;
    // A title alone under a valediction describes the writer ("Patti (Sally's assistant)"); it makes
    // a block only under a name.
    if (c.unit || c.company || c.hostOrg || c.phone || c.extTail || c.email || (c.title && i > first))
      business = true;
    else if (!(c.nameShape || c.info.mention || c.signsName || NAME_LINE_RE.test(c.t))) return null;
  }
  return business ? { first, last } : null;
}

/** The dot of a legal form or abbreviation ends no sentence ("Inc.", "Corp."). */
const LEGAL_DOT_RE = /\b(?:Inc|Ltd|Corp|Co|Jr|Sr|LLC|L\.L\.C|N\.A|S\.A)\.$/;
/** A name written with a trailing comma or an initial ("Neal Wolkoff,", "Gary Sta. Maria"). */
const NAME_LINE_RE = /^\p{Lu}[\p{L}'-]+(?: (?:\p{Lu}[\p{L}'-]*\.?)){1,3},?$/u;

/**
 * The whole decision over a window's lines with their log-odds: the best candidate span, the block
 * check, the sender anchor, then the annotation conventions at its top and bottom edges.
 */
export function chooseBlock(
  contexts: LineContext[],
  z: Float64Array,
  model: LabellerModel,
): { first: number; last: number } | null {
  const block = candidateBlock(contexts, z, model);
  if (!block) return null;
  let first = skipWrappedEnd(contexts, block.first, block.last);
  if (doubleSpaced(contexts)) first = upThroughSpacedBlock(contexts, first);
  first = withAddressAbove(contexts, first);
  first = withNameAbove(contexts, first, block.last);
  first = withTopEdge(contexts, first);
  first = withSignedNameAbove(contexts, first, block.last);
  first = upToSendersName(contexts, first, block.last);
  return { first, last: trimBottomEdge(contexts, first, block.last) };
}

/** The decoded span when the block check and the sender anchor accept it, else a signed tail. */
function candidateBlock(
  contexts: LineContext[],
  z: Float64Array,
  model: LabellerModel,
): { first: number; last: number } | null {
  const decoded = decodeBlock(contexts, z, model.threshold);
  return decoded &&
    acceptBlock(contexts, decoded.first, decoded.last, z, model) &&
    anchored(contexts, decoded.first, decoded.last)
    ? { first: decoded.first, last: throughParagraph(contexts, decoded.last) }
    : signedTail(contexts);
}

/**
 * An address the block opens with continues on the line right above it ("7008 Aronow Drive" over
 * "Falls Church, VA  22042"): one address is never split between body and block.
 */
function withAddressAbove(contexts: LineContext[], first: number): number {
  while (
    first > 0 &&
    contexts[first]!.address &&
    !contexts[first]!.prevBlank &&
    contexts[first - 1]!.address &&
    !contexts[first - 1]!.info.valediction &&
    contexts[first - 1]!.words <= 8
  )
    first--;
  return first;
}

/** The wrapped end of the sentence above ("... and no" / "meeting today.") is body, not block. */
function skipWrappedEnd(contexts: LineContext[], first: number, last: number): number {
  while (
    first < last &&
    first > 0 &&
    !contexts[first]!.prevBlank &&
    contexts[first - 1]!.info.score <= -1.5 &&
    WRAPPED_END_RE.test(contexts[first]!.t)
  )
    first++;
  return first;
}

/**
 * The sender's name on the line right above (no blank line between) heads the block: "Thanks,",
 * "Eric", "x3-0977" gives "Eric" and the extension. A valediction never does, nor a first-name
 * sign-off above a block that names the sender again ("Jim" over "James H. McCullars").
 */
function withNameAbove(contexts: LineContext[], first: number, last: number): number {
  const above = first > 0 ? contexts[first - 1]! : null;
  let named = false;
  for (let i = first; i <= last; i++) {
    const c = contexts[i]!;
    if (c.senderName) named = true;
  }
  if (
    above &&
    !named &&
    !contexts[first]!.prevBlank &&
    !above.info.valediction &&
    above.words <= 4 &&
    !above.info.field &&
    (above.info.mention || (above.info.signoff && above.words <= 2) || above.nameShape)
  )
    return first - 1;
  // In a block an HTML client spaced out (a blank line under every line), the sender's full name a
  // blank line above heads it the same way.
  if (
    above &&
    !named &&
    above.senderName &&
    !above.info.valediction &&
    above.words <= 6 &&
    contexts[first]!.prevBlank &&
    contexts[first]!.nextBlank &&
    above.prevBlank
  )
    return first - 1;
  return first;
}

/**
 * A delimiter, frame rule or logo placeholder attached on top of the block belongs to it (the
 * annotation rules): `-- `, `-----`, `[logo.png]<http://...>`, with no blank line between.
 * In a block spaced out by an HTML client (a blank line under every line) the logo sits a blank
 * line above it too.
 */
function withTopEdge(contexts: LineContext[], first: number): number {
  while (
    first > 0 &&
    topEdge(contexts[first - 1]!) &&
    (!contexts[first]!.prevBlank ||
      // A logo set apart above the block (a blank line under it) opens it, as the client drew it.
      (PLACEHOLDER_RE.test(contexts[first - 1]!.t) &&
        (contexts[first]!.nextBlank || contexts[first - 1]!.prevBlank)))
  )
    first--;
  if (first > 0 && isSigDelimiter(contexts[first - 1]!.info.text)) return first - 1;
  // A rule standing alone between the body and the block (a blank line on each side) is the writer's
  // delimiter, as `-- ` is.
  if (
    first > 1 &&
    contexts[first - 1]!.rule &&
    contexts[first - 1]!.prevBlank &&
    contexts[first]!.prevBlank &&
    !contexts[first - 2]!.rule
  )
    return first - 1;
  return first;
}

/**
 * "Kind regards," / "Perrin Aybara" / two blank lines / "______" / e-mail / phone: the sender's full name
 * signed under the valediction heads the block below it across the blank lines, when no line of the block
 * names the sender (the name is the block's, not a sign-off apart from it).
 */
function withSignedNameAbove(contexts: LineContext[], first: number, last: number): number {
  if (first < 2 || !contexts[first]!.prevBlank) return first;
  const name = contexts[first - 1]!;
  if (!name.senderName || name.words > 5 || name.prevBlank || !contexts[first - 2]!.info.valediction)
    return first;
  for (let i = first; i <= last; i++) if (contexts[i]!.senderName || contexts[i]!.info.mention) return first;
  return first - 1;
}

/** How far above the block its top paragraphs may reach, in lines. */
const MAX_REACH = 8;

/**
 * "Alex Smith" / blank / "Abteilung IT-Strategie, Steuerung & Support" / "im Bereich ..." / blank /
 * "Example – Example GmbH" / ... / "Telefon: ...": a block written in paragraphs may be decoded from a lower
 * paragraph only, its upper lines scoring a little below zero. When the block names no sender, the sender's
 * name a few short lines above (no valediction, no prose between) heads it.
 */
function upToSendersName(contexts: LineContext[], first: number, last: number): number {
  for (let i = first; i <= last; i++) {
    const c = contexts[i]!;
    if (c.senderName || c.info.mention || c.signsName) return first;
  }
  for (let i = first - 1; i >= 0 && i >= first - MAX_REACH; i--) {
    const c = contexts[i]!;
    if (c.info.valediction || (c.info.signoff && !c.senderName && !c.info.mention)) return first;
    // A sentence or a heading ends the reach; a legal form's dot ("Example Service AG & Co.") does not.
    if (
      c.words > 8 ||
      c.info.score <= -4 ||
      /[!?:]$/.test(c.t) ||
      (/\.$/.test(c.t) && !LEGAL_DOT_RE.test(c.t))
    )
      return first;
    if ((c.senderName || c.info.mention) && c.words <= 5 && c.nameShape) return i;
  }
  return first;
}

/** One or more link labels alone on a line, separated by bars or bullets ("LinkedIn | Twitter"). */
const LINK_LABEL_LINE_RE = caseless(
  String.raw`^\s*(?:${alt('linkLabels')})(?:\s*[|•·/]\s*(?:${alt('linkLabels')})){0,5}\s*$`,
  'i',
);

/** The block's last line once promotion and rules that open what follows are cut off its bottom. */
function trimBottomEdge(contexts: LineContext[], first: number, last: number): number {
  // A banner set off under the block ("~~~ 40 years of service ~~~") is promotion, not a block line.
  while (last > first && contexts[last]!.banner && contexts[last]!.prevBlank) last--;
  // So is a call to action closing it ("Download our 2026 Outlook: https://..."), and an award the
  // company advertises, with the badge image drawn right above it ("[cid:image002.png]").
  while (last > first && contexts[last]!.promo) last--;
  if (last > first && contexts[last]!.award) last--;
  if (
    last > first &&
    last + 1 < contexts.length &&
    contexts[last + 1]!.award &&
    !contexts[last]!.nextBlank &&
    PLACEHOLDER_RE.test(contexts[last]!.t)
  )
    last--;
  // A link label left alone under the block ("LinkedIn", "LinkedIn | Twitter": the link went with the
  // HTML) carries no value: the annotation rules keep it out.
  while (last > first && LINK_LABEL_LINE_RE.test(contexts[last]!.t)) last--;
  // A rule set off by a blank line, with more text under it, opens what follows; it closes nothing.
  while (
    last > first &&
    contexts[last]!.rule &&
    contexts[last]!.prevBlank &&
    last + 1 < contexts.length &&
    !isSigDelimiter(contexts[last]!.info.text)
  )
    last--;
  // A rule right under the block closes a frame its first line opened.
  if (
    contexts[first]!.rule &&
    last + 1 < contexts.length &&
    contexts[last + 1]!.rule &&
    !contexts[last]!.nextBlank
  )
    last++;
  return last;
}

/** Lines a block may run on through its own paragraph to reach the fields under a tagline. */
const MAX_RUN_ON = 8;

/**
 * The block's last line, run on through the rest of its paragraph (no blank line between) over contact
 * lines right under it ("Fax: ..." under "Cell: ..."), and further when that rest holds two strong field
 * lines or more: a tagline inside a block ("Helping organizations brand /
 * & market themselves") does not cut off the address and numbers under it. Prose, notices, quotes,
 * banners and valedictions stop the run.
 */
function throughParagraph(contexts: LineContext[], last: number): number {
  let strong = 0;
  let end = last;
  // Text rendered from HTML by Outlook puts a blank line under every line (each table row, each
  // paragraph): there a blank line parts nothing.
  const spaced = doubleSpaced(contexts);
  for (let i = last + 1; i < contexts.length && i <= last + MAX_RUN_ON; i++) {
    const c = contexts[i]!;
    if (
      (c.prevBlank && !spaced) ||
      c.info.score <= -4 ||
      c.notice ||
      c.quoted ||
      c.banner ||
      c.info.valediction
    )
      break;
    if (c.info.field && c.info.score >= 2) {
      strong++;
      // A number or address line right under the block's last line is its own next line; so is an
      // address closing the part ("14 Dorp Street, Stellenbosch, 7600" under the e-mail line).
      const closingAddress = c.address && i === contexts.length - 1;
      if (
        strong >= 2 ||
        (i === end + 1 && !c.promo && ((c.info.contact && c.info.score >= 3) || closingAddress))
      )
        end = i;
    } else if (c.info.field && strong >= 2) end = i;
  }
  return end;
}

/**
 * In a double-spaced rendering every line is a paragraph of its own, so the labeller sees no block shape:
 * the block runs up through the field, name and logo lines above it, to the valediction or prose.
 */
function upThroughSpacedBlock(contexts: LineContext[], first: number): number {
  let f = first;
  for (let k = first - 1; k >= 0 && k >= first - 8; k--) {
    const c = contexts[k]!;
    if (c.info.valediction || c.info.score <= -4 || c.notice || c.quoted || c.promo || c.banner) break;
    const shortLine = c.words <= 8 && c.info.score > -1;
    if (!(
      c.info.field ||
      c.address ||
      c.info.mention ||
      c.nameShape ||
      c.signsName ||
      shortLine ||
      topEdge(c)
    ))
      break;
    f = k;
  }
  return f;
}

/** Six lines or more, nearly every one after a blank line: a double-spaced rendering of HTML. */
function doubleSpaced(contexts: LineContext[]): boolean {
  if (contexts.length < 6) return false;
  let blank = 0;
  for (let i = 1; i < contexts.length; i++) if (contexts[i]!.prevBlank) blank++;
  return blank >= 0.9 * (contexts.length - 1);
}

/** A lower-case start and a sentence's end: the last words of a wrapped sentence. */
const WRAPPED_END_RE = /^\p{Ll}.{0,80}[.!?]$/u;

const PLACEHOLDER_RE = /^\[(?:image:|cid:|https?:)?[^\]]{1,300}\](?:<[^>]{0,300}>)?$/i;

function topEdge(c: LineContext): boolean {
  return c.rule || (PLACEHOLDER_RE.test(c.t) && !c.info.valediction);
}
