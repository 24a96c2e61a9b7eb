/**
 * HTML mail -> plain text that keeps the line structure signatures depend on. A single left-to-right
 * scan with indexOf (no regex over the document), so the cost is linear in the input whatever it holds.
 */
import { LINK_LABEL_RE, isSocialSiteUrl } from './urls.ts';

const BLOCK = new Set([
  'br',
  'p',
  'div',
  'tr',
  'td',
  'th',
  'li',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'center',
  'dl',
  'dt',
  'dd',
]);
const SKIP = new Set(['script', 'style', 'head', 'title', 'xml', 'template', 'noscript']);

const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  copy: '©',
  reg: '®',
  trade: '™',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  middot: '·',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  deg: '°',
  para: '¶',
  times: '×',
  shy: '',
  zwnj: '',
  zwj: '',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  Eacute: 'É',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  Ntilde: 'Ñ',
  ccedil: 'ç',
  Ccedil: 'Ç',
  oslash: 'ø',
  aring: 'å',
  Aring: 'Å',
  aelig: 'æ',
  iuml: 'ï',
  euml: 'ë',
  ocirc: 'ô',
  ucirc: 'û',
  icirc: 'î',
};

/** Decodes HTML character references (named subset, decimal, hex); unknown ones stay as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  // Bounded: a reference is at most 10 word characters long.
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});?/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return m;
      return code === 0xa0 ? ' ' : String.fromCodePoint(code);
    }
    const v = NAMED[ref];
    return v === undefined ? m : v;
  });
}

function tagName(html: string, start: number, end: number): string {
  let i = start + 1;
  if (html.charCodeAt(i) === 47 /* / */) i++;
  let j = i;
  while (j < end) {
    const c = html.charCodeAt(j);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    j++;
  }
  return html.slice(i, j).toLowerCase();
}

/** A logo's alt text: the organisation's name, one to four words, no digits or sentence punctuation. */
const LOGO_ALT_RE = /^[\p{L}&.'’-]{2,30}(?: [\p{L}&.'’-]{1,30}){0,3}$/u;

/** Converts HTML to text: block tags become line breaks, entities are decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  let pre = 0;
  let atLineStart = true;
  // The http(s) target of the open <a> and where its text starts in `out` (icon and label links).
  let href: string | null = null;
  let anchorAt = -1;
  const n = html.length;
  const lower = html.toLowerCase();
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = html.slice(i, textEnd);
      const t = decodeEntities(pre > 0 ? raw : raw.replace(/[ \t\r\n\f]+/g, ' '));
      out.push(t);
      // Whitespace between tags does not start a line; `&nbsp;` (decoded to U+00A0-free space) does.
      if (/[^ \t\r\n\f]/.test(raw)) atLineStart = t.endsWith('\n');
    }
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const e = html.indexOf('-->', lt + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const name = tagName(html, lt, gt);
    const closing = html.charCodeAt(lt + 1) === 47;
    i = gt + 1;
    if (!closing && SKIP.has(name)) {
      const e = lower.indexOf(`</${name}`, i);
      i = e < 0 ? n : html.indexOf('>', e) + 1 || n;
      continue;
    }
    if (name === 'pre') pre = closing ? Math.max(0, pre - 1) : pre + 1;
    if (name === 'br') {
      out.push('\n');
      atLineStart = true;
    } else if (BLOCK.has(name) && !atLineStart) {
      // Block edges end the current line once: </td><td> or </p><p> is one break, not a blank line.
      out.push('\n');
      atLineStart = true;
    } else if (name === 'a') {
      if (closing) {
        // A text link labelled by a word that is no value ("LinkedIn", "Website") keeps its target,
        // written as Outlook writes links in text: label<URL>.
        if (href && anchorAt >= 0 && LINK_LABEL_RE.test(out.slice(anchorAt).join('').trim()))
          out.push(`<${href}>`);
        href = null;
        anchorAt = -1;
      } else {
        const h = decodeEntities(attr(html.slice(lt, gt), 'href') ?? '').trim();
        href = /^https?:\/\/[^\s<>"]{1,400}$/i.test(h) ? h : null;
        anchorAt = out.length;
      }
    } else if (name === 'img' && !closing) {
      const alt = attr(html.slice(lt, gt), 'alt');
      const a = decodeEntities(alt ?? '').trim();
      if (href && (LINK_LABEL_RE.test(a) || isSocialSiteUrl(href))) {
        // An icon link (<a href><img alt="LinkedIn"></a>): the link's target is the value, the icon's
        // alt text is only its label. A row of icons gives one line per profile.
        out.push(atLineStart ? href : `\n${href}`);
        atLineStart = false;
        anchorAt = -1;
      } else if (href && LOGO_ALT_RE.test(a)) {
        // A logo linked to the company's site: the site is what a reader gets from it.
        out.push(` ${href} `);
        atLineStart = false;
        anchorAt = -1;
      }
      // Any other image shows no text: an icon before a value ("phone", "email"), an unlinked logo, a
      // banner. Signature tools draw them by the dozen; a reader sees no words, so they are no line.
    }
  }
  return tidy(out.join(''));
}

/** Trims each line, drops runs of blank lines (max one), trims the ends. */
function tidy(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let blank = 0;
  for (const l of lines) {
    const t = l.replace(/^[ \u00a0]+|[ \t\u00a0]+$/g, '');
    if (t === '') {
      if (kept.length > 0 && blank++ === 0) kept.push('');
      continue;
    }
    blank = 0;
    kept.push(t);
  }
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

/** Value of an attribute in one tag's source (bounded: the tag is already cut out). */
function attr(tag: string, name: string): string | null {
  const re = new RegExp(`\\s${name}\\s*=\\s*("([^"]{0,500})"|'([^']{0,500})'|([^\\s>]{1,500}))`, 'i');
  const m = re.exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4] ?? '') : null;
}

/**
 * Markers that mail clients put around the sender's signature, as substrings of the opening tag:
 * Gmail `<div class="gmail_signature">`, Thunderbird `moz-signature`, Outlook on the web / new Outlook
 * `<div id="Signature">` (also `x_Signature` once quoted), classic Outlook `<a name="_MailAutoSig">`,
 * Apple/others `class="signature"`.
 */
const MARKERS = [
  'gmail_signature',
  'moz-signature',
  'id="signature"',
  'id=signature',
  '_mailautosig',
  'class="signature"',
  'protonmail_signature_block',
];
/** Where quoted history starts in client HTML: a signature after this belongs to an older message. */
const QUOTE_MARKERS = [
  'gmail_quote',
  'divrplyfwdmsg',
  'id="appendonsend"',
  'moz-cite-prefix',
  'type="cite"',
  '<blockquote',
  'protonmail_quote',
];

/** First occurrence of `marker` as a whole token (`gmail_signature`, not `gmail_signature_prefix`). */
function markerAt(lower: string, marker: string): number {
  let k = lower.indexOf(marker);
  while (k >= 0) {
    const c = lower.charCodeAt(k + marker.length);
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45;
    if (!wordChar) return k;
    k = lower.indexOf(marker, k + marker.length);
  }
  return -1;
}

/** Maximum HTML fragment (chars) converted for a signature hint: signatures are a few hundred bytes. */
const MAX_FRAGMENT = 16_384;

/**
 * The text of the client-marked signature block of the newest message in `html`, or null.
 * Only the marked element is converted, so this stays cheap on large HTML.
 */
export function htmlSignatureHint(html: string): string | null {
  const lower = html.length > 2_000_000 ? html.slice(0, 2_000_000).toLowerCase() : html.toLowerCase();
  let quoteAt = lower.length;
  for (const q of QUOTE_MARKERS) {
    const k = lower.indexOf(q);
    if (k >= 0 && k < quoteAt) quoteAt = k;
  }
  let best = -1;
  let marker = '';
  for (const m of MARKERS) {
    const k = markerAt(lower, m);
    if (k >= 0 && k < quoteAt && (best < 0 || k < best)) {
      best = k;
      marker = m;
    }
  }
  if (best < 0) return null;
  const open = lower.lastIndexOf('<', best);
  if (open < 0) return null;
  const limit = Math.min(lower.length, open + MAX_FRAGMENT, quoteAt);
  const gt = lower.indexOf('>', open);
  // Classic Outlook marks the signature with a bookmark (`<a name="_MailAutoSig">` and
  // `mso-bookmark:_MailAutoSig` spans around each piece), not one element: take what follows.
  const end =
    marker === '_mailautosig'
      ? limit
      : matchingClose(lower, open, tagName(lower, open, gt < 0 ? lower.length : gt), limit);
  const text = htmlToText(html.slice(open, end));
  return text.trim() === '' ? null : text;
}

/** End offset of the element opened at `open` (nesting of the same tag counted), capped at `limit`. */
function matchingClose(lower: string, open: number, name: string, limit: number): number {
  let depth = 0;
  let i = open;
  while (i < limit) {
    const lt = lower.indexOf('<', i);
    if (lt < 0 || lt >= limit) return limit;
    const gt = lower.indexOf('>', lt);
    if (gt < 0) return limit;
    const t = tagName(lower, lt, gt);
    if (t === name) {
      if (lower.charCodeAt(lt + 1) === 47) {
        depth--;
        if (depth === 0) return gt + 1;
      } else if (lower.charCodeAt(gt - 1) !== 47) depth++;
    }
    i = gt + 1;
  }
  return limit;
}
