/**
 * Cut a decoded text body down to its newest part: the text the sender wrote in this message, above any
 * quoted history or forwarded message, without client footers ("Sent from my iPhone"), PGP armour,
 * mailing-list footers or trailing legal disclaimers.
 *
 * Pure and linear: each line is capped (see `capLine`) and tested against anchored, quantifier-bounded
 * patterns, so a 1 MB line or 100 000 short lines cost one pass.
 */
import { capLine, isBlank, isRuleLine, splitLines, wordCount } from './lines.ts';
import { alt } from './lexicon/index.ts';
import { caseless } from './lexicon/caseless.ts';

/**
 * "... wrote:" and its translations (every lexicon's `quoteWrote`; MH writes "said:"); Zoho Mail ends it
 * with dashes instead of the colon ("---- On Mon, 14 Apr 2025 ... <x@y> wrote ----").
 */
const WROTE_END_RE = caseless(String.raw`(?:${alt('quoteWrote')})\s?(?:[:：]|-{2,})\s*$`, 'i');
/** Openers of a quote intro that may wrap before "wrote:". */
const INTRO_START_RE = caseless(String.raw`^\s*(?:${alt('quoteIntroStarts')})\b`, 'i');

/**
 * "From:" and its translations; cc:Mail writes "Author:" for the sender of a quoted message, and pads
 * its header values into a column ("Author:  Carol Benning").
 */
const HEADER_FROM_RE = caseless(
  String.raw`^\s*[*>]{0,2}\s*(?:${alt('quoteFromLabels')})\s?\*?\s?:\*?\s{0,8}\S`,
  'i',
);
const HEADER_NEXT_RE = caseless(String.raw`^\s*[*>]{0,2}\s*(?:${alt('quoteHeaderLabels')})\s?\*?\s?:`, 'i');

/**
 * Separator lines of quoted or forwarded history, Lotus Notes' "Forwarded by" in the languages its
 * clients wrote it (Weitergeleitet von, Transféré par, Inoltrato da, Reenviado por, Doorgestuurd door,
 * Vidarebefordrat av).
 */
const SEPARATOR_HEADER_RE = caseless(String.raw`^\s*>?\s*-{2,}\s*(?:${alt('quoteSeparators')})\b`, 'i');
const BEGIN_FORWARD_RE = caseless(String.raw`^\s*(?:${alt('forwardIntros')})\s?:`, 'i');

/**
 * Lotus Notes quote header: a date line ("04/23/2001 05:35 PM", "... on 04/19/2001", and the localized
 * clients' "23.04.2001 17:35", "2001-04-23 17:35", "2001/04/23") above a "To:" line, whose label Notes
 * translates: An (de), À / A (fr), A / Para (es, it, pt), Aan (nl), Till (sv), Til (da, no), Do (pl).
 */
const LOTUS_DATE_RE =
  /\b(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}[-\/.]\d{1,2}[-\/.]\d{1,2})\b/;
const TO_LINE_RE = new RegExp(String.raw`^\s*(?:${alt('lotusToLabels')})\s?:\s?`);
/**
 * Lotus Notes' column layout of the same header: the sender's name, address and date on the left, the
 * "To:" label in a right-hand column after a run of spaces ("<k@x.example>     An:     f@y.example"),
 * with the date line within three lines of it.
 */
const COLUMN_TO_RE = new RegExp(String.raw`\S {3,}(?:${alt('lotusToLabels')})\s?:(?:\s|$)`);
/** cc:Mail's quote separator: "_____ Reply Separator _____" above Subject / Author / Date lines. */
/** HCL Notes' reply header between dash runs: `-----"Jo Coe" <jo@x.example> wrote: -----`. */
const NOTES_WROTE_RE = caseless(
  String.raw`^\s*-{3,}[^\n]{1,200}?(?:${alt('quoteWrote')})\s?:\s*-{3,}\s*$`,
  'iu',
);
const REPLY_SEPARATOR_RE = caseless(String.raw`^\s*_{3,}\s*(?:${alt('replySeparators')})\s*_{3,}\s*$`, 'i');
/** Gmail ISO-date intro: `2017-05-15 6:16 GMT-07:00 Name <a@b.c>:` */
const ISO_INTRO_RE = /^\s*\d{4}-\d{2}-\d{2}\b.{0,160}[<@].{0,120}:\s*$/;
/**
 * A quote intro in any language: a time, the quoted sender's `<address>` and a closing colon on one line
 * ("2021年5月3日(月) 9:02 Paul Grant <paul@example.com>:", "Dne 3. 5. 2021 9:02 napsal Paul Grant
 * <paul@example.com>:"). HTML mail converted to text loses the `>` marks that would otherwise follow it.
 */
const TIME_RE = /\d{1,2}:\d{2}/;
/** An intro's time may be written with a dot ("30.09.2017, 18.30, Jo Coe <jo@x.example>:"). */
const INTRO_TIME_RE = /\d{1,2}[:.]\d{2}/;
const ANGLE_ADDRESS_RE = /<[^<>\s@]{1,64}@[^<>\s]{1,100}>/;
const COLON_END_RE = /[:：]\s*$/;

/** Three linear tests rather than one pattern whose bounded gaps would multiply on a hostile line. */
function isTimeAddressIntro(l: string): boolean {
  return l.length < 300 && COLON_END_RE.test(l) && ANGLE_ADDRESS_RE.test(l) && INTRO_TIME_RE.test(l);
}

// A decoration may frame it: "••• sent from mobile device •••".
const CLIENT_FOOTER_RE = caseless(
  String.raw`^\s*(?:[^\p{L}\p{N}\s]{1,4}\s?)?(?:${alt('clientFooters')})`,
  'iu',
);

/**
 * Starts of mailing-list / service footers ("You received this e-mail because ..."): everything from here
 * down is not the sender's text.
 */
const LIST_FOOTER_RE =
  /^\s*[\w.'-]{1,30}(?: [\w.'-]{1,30}){0,3} mailing list\b|\/listinfo\/|^\s*To unsubscribe\b|\bunsubscribe\b.{0,80}(?:@|https?:)|(?:@|https?:).{0,80}\bunsubscribe\b|\(un\)subscription|List maintainer:|View this message in context:|Sent from the .{1,80} at Nabble|^\s*In remembrance\s*$|sponsored by:|^\s*Do [Yy]ou Yahoo!?|^\s*-----BEGIN PGP SIGNATURE-----|^\s*Yahoo! .{0,40}- .{0,60}$|^\s*You (?:are )?receiv(?:ed|ing) this (?:e-?mail|message|notification)s? (?:because|as)\b/i;

/**
 * One literal every LIST_FOOTER_RE alternative contains ("unsubscribe" contains "subscri"), lower-cased:
 * a few `includes` spare the footer pattern, whose `.{0,80}` scans start at every '@' and "http", on
 * most lines. Sound because a case-insensitive non-Unicode pattern matches ASCII letters only with ASCII
 * letters, which lower-case in place.
 */
const LIST_FOOTER_WORDS = [
  'subscri',
  'mailing list',
  '/listinfo/',
  'list maintainer:',
  'view this message in context:',
  'nabble',
  'in remembrance',
  'sponsored by:',
  'yahoo',
  '-----begin pgp signature-----',
  // A service's footer: "You received this e-mail because Jo shared a shipment with you on ...".
  'receiv',
];

/**
 * List and group footers in other languages (lexicon listFooterCues): each cue is a phrase only such a
 * footer writes, so it is tested on the trailing lines without the English pre-filter.
 */
const LIST_FOOTER_NATIVE_RE = caseless(alt('listFooterCues'), 'iu');

function mayBeListFooter(line: string): boolean {
  const l = line.toLowerCase();
  return LIST_FOOTER_WORDS.some((w) => l.includes(w));
}

/**
 * Confidentiality notices and legal footers in the languages of the mail we see; only cut when they
 * trail the text. Each word is specific to notices ("intended recipient" and its translations:
 * destinatario, Empfänger, geadresseerde, adressaten...), never to signature lines.
 */
const DISCLAIMER_RE = caseless(alt('noticeCues'), 'i');

/**
 * A company-register line ("Sitz: Stuttgart · Amtsgericht Stuttgart HRB 765432", "P.IVA 012...",
 * "KvK 1234", "Registered in England No. 123"): legal boilerplate that trails a signature, often glued
 * under it without a blank line. Cut only from the end of the text.
 */
const LEGAL_LINE_RE = caseless(String.raw`\b(?:${alt('registerCues')})`, 'i');
/** Register and VAT numbers named by their Nordic, Benelux and Central European acronyms: "CVR 12345678", "BTW BE 0412.345.678", "Org.nr 912 345 678 MVA", "UID ATU12345678". */
const REGISTER_NUMBER_RE =
  /\b(?:CVR|BTW|RPR|KRS|NIP|REGON|MVA|UID|MwSt|ALV)(?:-?nr\.?|-?nummer)?\.?:?\s(?:[A-Z]{2,3}\s?)?\d/;

/** A register line: a register cue of the lexicons or a register number named by its acronym. */
export function registerLine(line: string): boolean {
  return LEGAL_LINE_RE.test(line) || REGISTER_NUMBER_RE.test(line);
}

/** A one-line company summary: three to five cells around " | ", " · " or " • " ("Acme AG | Street 4 | 12345 City"). */
const LEGAL_SUMMARY_RE = /^\s*[^|·•\s][^|·•]{1,60}(?:\s[|·•]\s[^|·•]{2,60}){2,4}\s*$/;

/**
 * "Registered office: Plot 1402, Ademola Adetokunbo Crescent, Lagos": the company's registered address
 * written as a labelled block line, not notice text (a notice says "Registered office: ..." inside a sentence
 * or with the register number after it).
 */
const LABELLED_OFFICE_RE = /^\s*(?:registered|head) office\s?:\s?[^.;]{6,100}$/i;
function labelledOffice(line: string): boolean {
  return LABELLED_OFFICE_RE.test(line) && /\d/.test(line) && !registerLine(line);
}

/** Index of the first line that starts quoted or forwarded history, or -1. */
export function findQuoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const l = capLine(lines[i]!);
    // Every marker below has a colon, a `>`, a dash run or cc:Mail's separator: skip the bulk of body
    // lines cheaply.
    if (
      !l.includes(':') &&
      !l.includes('：') &&
      !l.includes('>') &&
      !l.includes('--') &&
      !l.includes('写道') &&
      !l.includes('___')
    )
      continue;
    if (/^\s*>/.test(l) || /^\s*\|\s?>/.test(l) || initialsQuote(lines, i)) return backOverIntro(lines, i);
    if (
      SEPARATOR_HEADER_RE.test(l) ||
      BEGIN_FORWARD_RE.test(l) ||
      REPLY_SEPARATOR_RE.test(l) ||
      NOTES_WROTE_RE.test(l)
    )
      return i;
    if (WROTE_END_RE.test(l) && l.trim().length < 300) {
      const top = introTop(lines, i);
      // "As the manual said:" in a sentence is not a quote intro: an intro names an address, a date or
      // opens like "On ...", or a quote follows it.
      const both = joinLines(lines, top, i);
      if (/[@<\d]/.test(both) || INTRO_START_RE.test(both) || nextIsQuote(lines, i)) return top;
    }
    // "Am 13.08.20 um 10:01 schrieb Paul Kern:": the quoted sender's name after the verb, then the colon.
    if (
      COLON_END_RE.test(l) &&
      l.trim().length < 300 &&
      INTRO_START_RE.test(l) &&
      WROTE_ANYWHERE_RE.test(l) &&
      /\d/.test(l)
    )
      return introTop(lines, i);
    if (ISO_INTRO_RE.test(l)) return i;
    // "On Wed, 14 Nov 2018 08:14:43 -0200 Jo Coe <jo@x.example> wrote" with no colon, its quote unmarked.
    if (
      l.includes('<') &&
      INTRO_START_RE.test(l) &&
      WROTE_BARE_END_RE.test(l) &&
      ANGLE_ADDRESS_RE.test(l) &&
      TIME_RE.test(l)
    )
      return i;
    if (l.includes('@') && isTimeAddressIntro(l)) return i;
    if (HEADER_FROM_RE.test(l) && nextHeaderFollows(lines, i)) {
      // cc:Mail writes "Subject:" above "Author:": header lines directly above belong to the block.
      let k = i;
      while (k > 0 && k > i - 3 && HEADER_NEXT_RE.test(capLine(lines[k - 1]!))) k--;
      const prev = k > 0 ? lines[k - 1]! : '';
      if (/^\s*_{5,}\s*$/.test(prev)) return k - 1;
      // "Am 20.06.24 um 16:20 schrieb Jo Coe" right above the header block (no colon, the name runs on).
      if (INTRO_START_RE.test(capLine(prev)) && WROTE_ANYWHERE_RE.test(capLine(prev)) && /\d/.test(prev))
        return k - 1;
      return k;
    }
    if (l.includes('@') && unknownHeaderBlock(lines, i)) return i;
    if (l.includes('@') && notesMemoHeader(lines, i)) return i;
    if (l.length < 20 && tableHeaderBlock(lines, i)) {
      // Lotus Domino heads the quoted section with "<Name> via <Team> --- <Subject> ---".
      let k = i - 1;
      while (k >= 0 && isBlank(lines[k]!)) k--;
      return k >= 0 && DOMINO_SECTION_RE.test(capLine(lines[k]!)) ? k : i;
    }
    if (COLUMN_TO_RE.test(l)) {
      const start = columnHeaderStart(lines, i);
      if (start >= 0) return start;
    }
    if (TO_LINE_RE.test(l)) {
      for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
        const lj = capLine(lines[j]!);
        if (LOTUS_DATE_RE.test(lj) && /\d{1,2}:\d{2}/.test(lj + ' ' + capLine(lines[j + 1] ?? ''))) {
          const above = j > 0 ? lines[j - 1]! : '';
          const dateOnly = /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}/.test(lj);
          const nameAbove =
            !isBlank(above) &&
            capLine(above).trim().length < 80 &&
            (/[@\/]/.test(above) || (dateOnly && /^\s/.test(above)));
          return nameAbove ? j - 1 : j;
        }
      }
    }
  }
  return -1;
}

/**
 * A quote header in a language no lexicon knows: "Від: Андрій Мельник <a@b>" / "Надіслано: 10 березня
 * 2025 р. 17:31" / "Кому: ..." / "Тема: ...". Outlook writes the same shape in every language: a label and
 * a colon, a name with its address in angle brackets (or `[mailto:...]`), then at least two more
 * label lines right under it, one of them with a time of day. A signature's "E-mail: a@b" line has no
 * name before its address, and its label lines no time.
 */
const LABEL_NAME_ADDRESS_RE =
  /^\s*\*?\p{L}[\p{L}\p{M} .'-]{0,24}\*?\s?[:：]\*?\s{0,4}[^\s<>@:][^<>@:]{0,80}\s(?:<|\[mailto:)[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}[>\]]\s*$/u;
const ANY_LABEL_RE = /^\s*\*?\p{L}[\p{L}\p{M} .'-]{0,24}\*?\s?[:：]\*?\s/u;
const TIME_OF_DAY_RE = /(?<!\d)\d{1,2}:\d{2}(?!\d)/;

/**
 * A quote header laid out as a table and flattened to text: each label alone on its line, its value on the
 * next ("Von:" / "\"Alex Doe\" <a@b>" / "An" / "kim@c" / "Datum:" / ...). The From label, an address
 * under it, and two more labels of the header within the next eight lines.
 */
const LABEL_ALONE_RE = caseless(
  String.raw`^\s*\*?(?:${alt('quoteFromLabels')}|${alt('quoteHeaderLabels')})\*?\s?:?\*?\s*$`,
  'i',
);
const FROM_ALONE_RE = caseless(String.raw`^\s*\*?(?:${alt('quoteFromLabels')})\*?\s?:?\*?\s*$`, 'i');
const DOMINO_SECTION_RE = /^.{1,100}\s---\s.{1,200}\s---\s*$/;

function tableHeaderBlock(lines: string[], i: number): boolean {
  if (!FROM_ALONE_RE.test(capLine(lines[i]!))) return false;
  const next = lines[i + 1];
  if (next === undefined || !capLine(next).includes('@')) return false;
  let labels = 0;
  for (let k = i + 2; k < lines.length && k <= i + 9; k++)
    if (LABEL_ALONE_RE.test(capLine(lines[k]!))) labels++;
  return labels >= 2;
}

/**
 * HCL Notes' memo header flattened to text: the sender with their address, the date and time on the next line,
 * then the To label alone on its line within three more ("Jo Coe <jo@x.example>" / "04/21/2026 03:55 AM" / "" /
 * "To" / "kim@y.example" / "cc" / ...).
 */
const TO_ALONE_RE = new RegExp(String.raw`^\s*(?:${alt('lotusToLabels')})\s*$`);
function notesMemoHeader(lines: string[], i: number): boolean {
  const l = capLine(lines[i]!);
  if (l.length > 120 || !ANGLE_ADDRESS_RE.test(l)) return false;
  const date = capLine(lines[i + 1] ?? '');
  if (!LOTUS_DATE_RE.test(date) || !TIME_RE.test(date) || date.length > 40) return false;
  for (let k = i + 2; k < lines.length && k <= i + 4; k++)
    if (TO_ALONE_RE.test(capLine(lines[k]!))) return true;
  return false;
}

function unknownHeaderBlock(lines: string[], i: number): boolean {
  if (!LABEL_NAME_ADDRESS_RE.test(capLine(lines[i]!))) return false;
  let labels = 0;
  let timed = false;
  for (let k = i + 1; k < lines.length && k <= i + 4; k++) {
    const lk = capLine(lines[k]!);
    if (!ANY_LABEL_RE.test(lk)) break;
    labels++;
    if (TIME_OF_DAY_RE.test(lk)) timed = true;
  }
  return labels >= 2 && timed;
}

/**
 * The first line of a column-layout Lotus header around a To line at `i` (the top of its paragraph),
 * when a date with a time sits within three lines of it; -1 otherwise.
 */
function columnHeaderStart(lines: string[], i: number): number {
  let dated = false;
  for (let j = Math.max(0, i - 3); j <= Math.min(lines.length - 1, i + 3) && !dated; j++) {
    const lj = capLine(lines[j]!);
    dated = LOTUS_DATE_RE.test(lj) && TIME_RE.test(lj);
  }
  if (!dated) return -1;
  let k = i;
  while (k > 0 && k > i - 3 && !isBlank(lines[k - 1]!)) k--;
  return k;
}

function nextIsQuote(lines: string[], i: number): boolean {
  let k = i + 1;
  while (k < lines.length && k <= i + 2 && isBlank(lines[k]!)) k++;
  return k < lines.length && /^\s*>/.test(lines[k]!);
}

function nextHeaderFollows(lines: string[], i: number): boolean {
  for (let k = i + 1; k <= Math.min(lines.length - 1, i + 4); k++) {
    if (HEADER_NEXT_RE.test(capLine(lines[k]!))) return true;
  }
  return false;
}

/** A `>` block is often introduced by an "On ... wrote:" or "-----Original message-----" line above it. */
/**
 * "IVS> Dear Andrey," / "IVS> Your order...": The Bat! and Supercite quote with the quoted writer's initials
 * before the mark. Two such lines with the same initials start a quote, in a row or with the quoted text's blank
 * line between ("IH> Dear Oleg," / "" / "IH> Our client has asked...").
 */
function initialsQuote(lines: string[], i: number): boolean {
  const m = INITIALS_QUOTE_RE.exec(lines[i]!);
  if (m === null) return false;
  let k = i + 1;
  if (k < lines.length && isBlank(lines[k]!)) k++;
  const next = lines[k];
  return next !== undefined && next.trimStart().startsWith(`${m[1]}>`);
}
const INITIALS_QUOTE_RE = /^\s{0,3}(\p{Lu}{1,4})>/u;

function backOverIntro(lines: string[], i: number): number {
  let j = i - 1;
  while (j >= 0 && isBlank(lines[j]!)) j--;
  if (j < 0) return i;
  // The intro may be wrapped anywhere: inside the date ("... schrieb am So., 23." / "Juni 2024, 21:08:"),
  // before the address ("pe 20. lokakuuta 2017 klo 17.50 Jo Coe" / "<jo@x.example> kirjoitti:"), or over
  // three lines ("On Wed, Dec 9, Jo Coe" / "<jo@x.example>" / "wrote:").
  for (let k = j; k >= 0 && k >= j - 2 && !isBlank(lines[k]!); k--) {
    const joined = joinLines(lines, k, j);
    if (
      WROTE_END_RE.test(joined) ||
      ISO_INTRO_RE.test(joined) ||
      SEPARATOR_HEADER_RE.test(joined) ||
      (/:\s*$/.test(joined) && /@|\d{4}/.test(joined)) ||
      (INTRO_START_RE.test(joined) && WROTE_BARE_END_RE.test(joined) && /\d/.test(joined))
    )
      return introTop(lines, k, j);
  }
  return i;
}

/** The verb of an intro anywhere in the line. */
const WROTE_ANYWHERE_RE = caseless(String.raw`(?:${alt('quoteWrote')})(?![\p{L}])`, 'iu');
/** An intro whose verb ends it without the colon ("On 12 May 2024 Jo Coe <jo@x.example> wrote"). */
const WROTE_BARE_END_RE = caseless(String.raw`(?:${alt('quoteWrote')})\s*$`, 'i');

/** Lines `from`..`to` (inclusive) trimmed and joined by one space. */
function joinLines(lines: string[], from: number, to: number): string {
  const parts: string[] = [];
  for (let k = from; k <= to; k++) parts.push(capLine(lines[k]!).trim());
  return parts.join(' ');
}

/** A line that can only be the rest of a wrapped intro: it opens with the address, a bracket, a digit or in lower case, or is three words or fewer ("wrote:", "19., Sze, 16:48):"). */
const INTRO_FRAGMENT_RE = /^\s*(?:<|\(|\[|\p{Ll}|\d)/u;

/**
 * The first line of a quote intro whose line `k` starts what was recognised (through line `end`): up to two
 * lines more when the intro was wrapped. A line above continues the intro when it opens like one ("On ...",
 * "Am ...") and ends with no sentence mark, or when what is below it is a mere fragment and it holds the
 * intro's date, time or address.
 */
function introTop(lines: string[], k: number, end = k): number {
  let top = k;
  while (top > 0 && top > end - 2) {
    const prev = capLine(lines[top - 1]!);
    const cur = capLine(lines[top]!);
    if (isBlank(prev) || prev.length > 200 || /^\s*>/.test(prev) || INTRO_START_RE.test(cur)) break;
    const opens = INTRO_START_RE.test(prev) && !/[.!?]\s*$/.test(prev);
    const fragment =
      (INTRO_FRAGMENT_RE.test(cur) || wordCount(cur) <= 3) &&
      /[@<]|\d{1,2}[:.]\d{2}/.test(prev) &&
      !/[!?]\s*$/.test(prev);
    if (!opens && !fragment) break;
    top--;
    if (opens) break;
  }
  return top;
}

/** Remove PGP signed-message armour (header lines at the top, signature block anywhere). */
function stripPgp(lines: string[]): string[] {
  const out: string[] = [];
  let skipping = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^-----BEGIN PGP SIGNED MESSAGE-----/.test(l)) {
      // Armour headers ("Hash: SHA1") up to the first blank line.
      while (i + 1 < lines.length && !isBlank(lines[i + 1]!)) i++;
      continue;
    }
    if (/^-----BEGIN PGP SIGNATURE-----/.test(l)) skipping = true;
    if (!skipping) out.push(l);
    if (/^-----END PGP SIGNATURE-----/.test(l)) skipping = false;
  }
  return out;
}

/** Cut list footers (and the separator line just above them) found in the trailing part. */
function cutFooters(lines: string[]): string[] {
  let end = lines.length;
  for (let pass = 0; pass < 4; pass++) {
    let cut = -1;
    const from = Math.max(0, end - 40);
    for (let i = from; i < end; i++) {
      const l = capLine(lines[i]!);
      if (
        (mayBeListFooter(l) && LIST_FOOTER_RE.test(l)) ||
        CLIENT_FOOTER_RE.test(l) ||
        LIST_FOOTER_NATIVE_RE.test(l)
      ) {
        cut = i;
        break;
      }
    }
    if (cut < 0) break;
    // The footer starts at a separator line just above it (at most two footer lines up), else at
    // the trigger line itself: a list URL glued under a signature must not take the signature along.
    let k = cut;
    for (let up = 1; up <= 3 && cut - up >= 0; up++) {
      const l = lines[cut - up]!;
      if (isSepLike(l)) {
        k = cut - up;
        break;
      }
      if (isBlank(l) || hasContactish(l)) break;
    }
    // LISTSERV frames its footer with `####` rules and blank lines: they go with it.
    while (k > 0 && (isBlank(lines[k - 1]!) || /^\s*#{5,}\s*$/.test(lines[k - 1]!))) k--;
    end = k;
  }
  return lines.slice(0, end);
}

function isSepLike(line: string): boolean {
  return /^\s*(?:--\s?|_{5,}|-{5,}|={5,}|#{5,})\s*$/.test(line);
}

function hasContactish(line: string): boolean {
  return /\d{3}[\s.\/-]?\d{3,4}/.test(capLine(line)) && !/listinfo|unsubscribe/i.test(line);
}

/**
 * A paragraph of the company's register lines set apart under the block, with lines between them that name
 * no register on their own ("Sitz der Gesellschaft: Hamburg" / "Registergericht: ..." / "Persönlich haftende
 * Gesellschafterin:" / "Muster Verwaltungs GmbH, Hamburg"): two register lines or more, half its lines at
 * least, no contact line.
 */
function registerParagraph(lines: string[], start: number, end: number): boolean {
  if (start === 0 || end - start < 2 || end - start > 12) return false;
  let legal = 0;
  for (let k = start; k < end; k++) {
    const l = capLine(lines[k]!);
    if (registerLine(l)) legal++;
    else if (/@|https?:|www\./i.test(l)) return false;
  }
  return legal >= 2 && legal * 2 >= end - start;
}

/**
 * The start of a run of register lines closing the text (up to 12 lines, no blank line): register lines
 * are half of it at least and two or more, the other lines name no contact (no e-mail, web address or
 * number of a phone's length) and are short; -1 when the text does not close so.
 */
function gluedRegisterRun(lines: string[], end: number): number {
  let legal = 0;
  let firstLegal = -1;
  for (let k = end - 1; k >= 0 && k >= end - 12; k--) {
    const l = capLine(lines[k]!);
    if (isBlank(l)) break;
    if (registerLine(l)) {
      legal++;
      firstLegal = k;
    } else if (/@|https?:|www\./i.test(l) || hasContactish(l) || wordCount(l) > 8) break;
  }
  if (legal < 2 || firstLegal <= 0 || legal * 2 < end - firstLegal) return -1;
  // The company's one-line summary heading the register lines as their own paragraph goes with them.
  const above = firstLegal - 1;
  return LEGAL_SUMMARY_RE.test(capLine(lines[above]!)) && (above === 0 || isBlank(lines[above - 1]!))
    ? above
    : firstLegal;
}

/** Company social-media banners under a signature, in the languages we see. */
const FOLLOW_RE = caseless(String.raw`^\s*(?:${alt('followCues')})\b`, 'i');

/**
 * "Please consider the environment before printing this email" and its translations: a printing
 * reminder trailing the signature, never a contact detail. A leaf symbol may precede it.
 */
const ECO_RE = caseless(String.raw`^[^\p{L}\d]{0,4}(?:${alt('ecoCues')})(?![\p{L}])`, 'iu');
/** Office hours, part-time and absence notes closing the part (lexicon availabilityCues). */
const AVAILABILITY_RE = caseless(String.raw`^\s{0,4}(?:${alt('availabilityCues')})(?![\p{L}])`, 'iu');

/**
 * Does `next` continue the sentence of `prev`: `prev` is prose (six words or more, no end punctuation)
 * and `next` starts in lower case? Signature lines are short and end without running on like that.
 */
function sentenceContinues(prev: string, next: string): boolean {
  const p = capLine(prev).trim();
  return /^\s*\p{Ll}/u.test(next) && !/[.!?:;]$/.test(p) && p.split(/\s+/).length >= 6;
}

/** Japanese, Chinese or Korean prose, denser than Latin text: a notice runs to 30 characters, not 80. */
const CJK_TEXT_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{12}/u;

/** A linked or bare image placeholder alone on its line: a banner. */
const BANNER_LINE_RE = /^\s*(?:\[(?:cid:|https?:)[^\]]{1,200}\](?:<[^>]{1,300}>)?|cid:\S{1,200})\s*$/;

/**
 * "[cid:...]<https://.../june-2026>" / "Key dates for the June 2026 series are now live – plan your entries today.":
 * one sentence on its own line under a banner is the banner's caption, not a line of the block above it.
 */
function bannerCaption(lines: string[], start: number, end: number): boolean {
  if (end - start !== 1) return false;
  const t = capLine(lines[start]!).trim();
  if (!/[.!]$/.test(t) || wordCount(t) < 5 || t.includes('@') || /\d[\d ()./-]{7,}\d/.test(t)) return false;
  let k = start - 1;
  while (k >= 0 && isBlank(lines[k]!)) k--;
  return k >= 0 && BANNER_LINE_RE.test(capLine(lines[k]!));
}

/** Drop trailing disclaimer paragraphs and attachment lists. */
/**
 * Is `tail` the wrapped end of the register line above it: that line long (a client wraps at 72 to 78 columns)
 * and ending without a full stop, the tail short, with no phone, address or e-mail of its own?
 */
function wrappedRegisterTail(above: string, tail: string): boolean {
  const a = above.trimEnd();
  return (
    a.length >= 60 &&
    !/[.!?]$/.test(a) &&
    registerLine(above) &&
    tail.trim().length > 0 &&
    tail.trim().length <= 40 &&
    !hasContactish(tail)
  );
}

function cutTrailingNotices(lines: string[]): string[] {
  let end = lines.length;
  for (let guard = 0; guard < 8; guard++) {
    while (end > 0 && isBlank(lines[end - 1]!)) end--;
    if (end === 0) break;
    // Attachment list lines: " - report.pdf", "<<file.doc>>".
    const last = capLine(lines[end - 1]!);
    if (/^\s*-\s.{1,120}\.[A-Za-z0-9]{2,4}\s*$/.test(last) || /^\s*<<.{1,120}>>\s*$/.test(last)) {
      end--;
      continue;
    }
    // A decorative rule closing the company's register lines ("HRB 12345 AG Probestadt" / "_ __ ___ __ _")
    // goes with them.
    if (isRuleLine(last) && end > 1 && LEGAL_LINE_RE.test(capLine(lines[end - 2]!))) {
      end--;
      continue;
    }
    // Register lines glued under the block with the names they list between them ("Geschäftsführung: A, B," /
    // "C, D" / "USt-IdNr. ..." / "Persönlich haftende Gesellschafterin:" / "Muster Verwaltungs GmbH"): cut
    // from the first register line of the run that closes the text.
    const glued = gluedRegisterRun(lines, end);
    if (glued >= 0) {
      end = glued;
      continue;
    }
    // Paragraph start.
    let start = end - 1;
    while (start > 0 && !isBlank(lines[start - 1]!)) start--;
    // Test at most the paragraph's last 40 lines: a 100 000-line paragraph is body, not a notice.
    const para = lines
      .slice(Math.max(start, end - 40), end)
      .map(capLine)
      .filter((l) => !labelledOffice(l))
      .join(' ');
    const disclaimer =
      DISCLAIMER_RE.test(para) &&
      (para.length > 80 ||
        (para.length > 30 && CJK_TEXT_RE.test(para)) ||
        /^[A-Z\s]{8,40}$/.test(lines[start]!.trim()) ||
        // A short notice set apart as a sentence of its own: "This message is confidential."
        (start === end - 1 && para.length > 24 && /[.!]\s*$/.test(para) && wordCount(para) >= 4));
    // An image placeholder alone, bracketed ("[cid:banner.png]<https://...>") or bare ("cid:image002.jpg@...").
    const banner = BANNER_LINE_RE.test(para) && start > 0;
    const follow = FOLLOW_RE.test(lines[start]!);
    // A register line wrapped by the client ("... | Directors: J.P. de" / "Villiers, N. Abrahams"): its short
    // tail goes with it.
    if (end > 1 && wrappedRegisterTail(capLine(lines[end - 2]!), last)) {
      end--;
      continue;
    }
    // Company-register lines at the very end, glued to the block or on their own paragraph.
    if (registerLine(last) || FOLLOW_RE.test(last) || ECO_RE.test(last) || AVAILABILITY_RE.test(last)) {
      end--;
      // The sentence the legal line ends may have started a line or two above it.
      for (let up = 0; up < 3 && end > 0 && sentenceContinues(lines[end - 1]!, lines[end]!); up++) end--;
      // The company's one-line summary heading its register lines, a paragraph of their own under the
      // block ("Nordwerk AG | Lindenweg 4 | 12345 Probestadt" / "Sitz der AG: ... HRB ..."), goes with them.
      // A one-line signature there ("Karim Roe | Relationship Manager | Acme Ltd | +971 50 555 0100") names a
      // phone: it stays.
      if (
        end > 1 &&
        isBlank(lines[end - 2]!) &&
        LEGAL_SUMMARY_RE.test(capLine(lines[end - 1]!)) &&
        !hasContactish(capLine(lines[end - 1]!))
      )
        end--;
      continue;
    }
    if (disclaimer) {
      // The notice may be glued under the signature with no blank line: cut from its first line
      // (or the all-caps heading just above it), keeping the block lines above.
      let k = Math.max(start, end - 40);
      while (k < end && !(DISCLAIMER_RE.test(capLine(lines[k]!)) && !labelledOffice(capLine(lines[k]!)))) k++;
      // The notice's sentence may begin a line or two above its first cue word ("The information in
      // this message may be" / "privileged and ..."): its first line is where the sentence starts.
      for (let up = 0; up < 3 && k > start && sentenceContinues(lines[k - 1]!, lines[k]!); up++) k--;
      if (k > start && /^[A-Z\s:]{8,40}$/.test(lines[k - 1]!.trim())) k--;
      end = k > start && k < end ? k : start;
      continue;
    }
    if (banner || follow || registerParagraph(lines, start, end) || bannerCaption(lines, start, end)) {
      end = start;
      continue;
    }
    break;
  }
  return lines.slice(0, end);
}

/**
 * The newest part of a decoded text body: quoted history, forwards, client footers, PGP armour,
 * list footers and trailing disclaimers removed. Line text is otherwise untouched.
 */
/**
 * A reply written under the quote it answers ("On ... wrote:" / "> ..." / the reply), or between its
 * lines: nothing above the quote, so the newest part is the text after the first `>` line without the `>`
 * lines, up to the next quote header. Quotes without `>` marks (Outlook headers) give no way to tell the
 * reply from the quoted text: nothing is taken then.
 */
function bottomPosted(lines: string[], q: number): string[] {
  let i = q;
  // The quote intro ("On ... wrote:", maybe wrapped over two lines) comes before the `>` lines.
  while (i < lines.length && i < q + 3 && !QUOTED_LINE_RE.test(lines[i]!)) i++;
  if (i >= lines.length || !QUOTED_LINE_RE.test(lines[i]!)) return [];
  const rest = lines.slice(i).filter((l) => !QUOTED_LINE_RE.test(l));
  const next = findQuoteStart(rest);
  return next >= 0 ? rest.slice(0, next) : rest;
}
// "> text", and The Bat!'s "IVS> text" (the quoted writer's initials before the mark).
const QUOTED_LINE_RE = /^\s{0,3}(?:\p{Lu}{1,4})?>/u;

/**
 * The writer's answers between and under the `>` lines of the quote starting at `q`, when there are any:
 * paragraphs set apart from the quoted lines by a blank line, up to the next quote header. A line glued
 * right under a `>` line is the quoted text's own wrapped continuation, not an answer.
 */
function interleavedAnswers(lines: string[], q: number): string[] {
  let i = q;
  while (i < lines.length && i < q + 4 && !QUOTED_LINE_RE.test(lines[i]!)) i++;
  if (i >= lines.length || !QUOTED_LINE_RE.test(lines[i]!)) return [];
  const rest = lines.slice(i);
  const next = findQuoteStart(rest.map((l) => (QUOTED_LINE_RE.test(l) ? '' : l)));
  const out: string[] = [];
  let glued = false;
  // Interleaved: an answer stands between two quoted runs. Text only under the whole quote (a client's
  // signature placed below it, a list footer) is not taken.
  let answered = false;
  let between = false;
  for (const l of next >= 0 ? rest.slice(0, next) : rest) {
    if (QUOTED_LINE_RE.test(l)) {
      glued = true;
      if (answered) between = true;
      continue;
    }
    if (isBlank(l)) {
      glued = false;
      // One blank line between answers, none before the first.
      if (out.length === 0 || isBlank(out[out.length - 1]!)) continue;
    } else if (glued) continue;
    else answered = true;
    out.push(l);
  }
  return between ? out : [];
}

/**
 * Does the newest part of a text whose quote starts at `q` run on below the quote: a reply written under
 * it (nothing above but a greeting) or between its lines (an answer already follows a quoted run)? A reader
 * of the text's first bytes (the IMAP connector) must then read on to find the writer's block.
 */
export function continuesBelowQuote(lines: string[], q: number): boolean {
  if (q < 0) return false;
  if (onlyGreetingAbove(lines, q)) return true;
  let quoted = false;
  let gap = false;
  for (let i = q; i < lines.length; i++) {
    const l = lines[i]!;
    if (QUOTED_LINE_RE.test(l)) {
      quoted = true;
      gap = false;
    } else if (isBlank(l)) gap = quoted;
    else if (gap) return true;
  }
  return false;
}

/**
 * Does the text above the quote at `q` end with a sentence rather than a sign-off ("I answer below." /
 * "Te contesto entre líneas.")? Answers may then follow between the quoted lines; a reply that ends with
 * a name or a block above the quote is over.
 */
export function endsWithSentenceAboveQuote(lines: string[], q: number): boolean {
  let k = q - 1;
  while (k >= 0 && isBlank(lines[k]!)) k--;
  // The intro ("On ... wrote:") is part of the quote's head.
  if (k >= 0 && (WROTE_END_RE.test(capLine(lines[k]!)) || INTRO_START_RE.test(capLine(lines[k]!)))) {
    k--;
    while (k >= 0 && isBlank(lines[k]!)) k--;
  }
  if (k < 0) return false;
  const l = capLine(lines[k]!).trim();
  return wordCount(l) >= 3 && /[.!?:…]$/.test(l);
}

/** A greeting of the lexicons opening a line ("Hi", "Hallo Paul", "Bonjour à tous"). */
const GREETING_START_RE = caseless(String.raw`^\s*(?:${alt('greetings')})(?![\p{L}])`, 'iu');

/**
 * Nothing above the quote but blank lines and at most a greeting ("Hej Karin,", "Hi all!", "Hi", "Hello, Karin."):
 * a short line ending with a comma, "!" or ":", or opening with a greeting word and ending with no stop or
 * question, or with a name after a comma and one full stop.
 */
function onlyGreetingAbove(lines: string[], q: number): boolean {
  const above = lines.slice(0, q).filter((l) => !isBlank(l));
  if (above.length === 0) return true;
  if (above.length !== 1 || wordCount(above[0]!) > 4) return false;
  const l = capLine(above[0]!);
  // "Здравствуйте, Philippa." greets a name with a full stop; "Hi all." or "Hi, any news?" is a reply.
  return /[,!:]\s*$/.test(l) || (GREETING_START_RE.test(l) && /^[^.!?]*(?:,[^.!?,]+\.)?\s*$/.test(l));
}

export function newestPart(text: string): string {
  let lines = splitLines(text);
  if (text.includes('-----BEGIN PGP')) lines = stripPgp(lines);
  const q = findQuoteStart(lines);
  if (q >= 0) {
    if (onlyGreetingAbove(lines, q)) lines = bottomPosted(lines, q);
    else {
      // A reply written between the quoted lines under text of its own ("I answer below." / the intro /
      // "> question" / answer / ... / block): the answers belong to the newest part too.
      const below = interleavedAnswers(lines, q);
      let above = q;
      while (above > 0 && isBlank(lines[above - 1]!)) above--;
      lines = below.length > 0 ? lines.slice(0, above).concat('', below) : lines.slice(0, q);
    }
  }
  // Client footers ("Sent from my iPhone") end the newest part: look only at its last lines.
  const tailFrom = Math.max(0, lines.length - 60);
  lines = lines
    .slice(0, tailFrom)
    .concat(lines.slice(tailFrom).filter((l) => !CLIENT_FOOTER_RE.test(capLine(l))));
  lines = cutFooters(lines);
  lines = cutTrailingNotices(lines);
  while (lines.length > 0 && isBlank(lines[lines.length - 1]!)) lines.pop();
  let first = 0;
  while (first < lines.length && isBlank(lines[first]!)) first++;
  if (first > 0) lines = lines.slice(first);
  // A rule line left dangling at the very end belonged to what was cut under it (a quote header, a footer)
  // unless it closes a frame that opens a few lines above.
  const last = lines.length - 1;
  if (last > 0 && isRuleLine(lines[last]!)) {
    let frame = false;
    for (let k = last - 1; k >= Math.max(0, last - 15) && !frame; k--) frame = isRuleLine(lines[k]!);
    if (!frame) {
      lines = lines.slice(0, last);
      while (lines.length > 0 && isBlank(lines[lines.length - 1]!)) lines.pop();
    }
  }
  return lines.join('\n');
}
