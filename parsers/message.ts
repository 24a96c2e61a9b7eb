/**
 * RFC 5322 / MIME parsing, lean on purpose: read the header block, walk the MIME tree by boundary
 * scanning (Buffer.indexOf), and decode ONLY the first text/plain part of the top message (else its
 * text/html part). Attachments and forwarded message/rfc822 parts are skipped without decoding, which
 * is why this is several times faster than a full parser such as mailparser (see bench/parse.ts).
 */
import type { MinimalMessage } from './types.ts';
import { decodeBase64, decodeQuotedPrintable, decodeText, decodeWords, latin1 } from './charset.ts';
import { flowedOf, unflow } from './flowed.ts';
import { htmlSignatureHint, htmlToText } from './html-to-text.ts';
import {
  BudgetError,
  MAX_HEADER_BYTES,
  MAX_HEADER_VALUE,
  MAX_MESSAGE_BYTES,
  MAX_MIME_DEPTH,
  MAX_MIME_PARTS,
  MAX_PARSE_BYTES,
  MAX_TEXT_CHARS,
  TAIL_CHARS,
  capLines,
} from './budget.ts';
import { newestPart } from './newest-part.ts';
import { isValediction } from './lines.ts';

export interface ParsedMessage {
  /** Lower-cased header name -> raw value (unfolded, first occurrence, not RFC 2047-decoded). */
  rawHeaders: Map<string, string>;
  /** The decoded text of the chosen part (LF line ends, lines capped), '' when the message has none. */
  text: string;
  textKind: 'plain' | 'html' | null;
  /** Text of a client-marked signature block (Gmail, Outlook, Thunderbird HTML markers), or null. */
  signatureHint: string | null;
  /**
   * The decoded text/html part when the text came from a plain part: read (toMinimal) only when the plain
   * part stops at a bare valediction, as a server-side signature tool's (Exclaimer, CodeTwo) or a CRM's
   * plain rendering does while the HTML carries the block.
   */
  html?: string;
  size: number;
}

export interface ParseOptions {
  /** Called between stages; throws BudgetError when the message's time budget is spent. */
  check?: (stage: string) => void;
}

interface Part {
  start: number;
  end: number;
  charset: string | null;
  cte: string;
  /** `format=flowed` text (RFC 3676), with its DelSp parameter; absent for fixed lines. */
  flowed?: { delsp: boolean } | null;
}

interface Found {
  plain: Part[];
  html?: Part;
}

/**
 * Inline text/plain parts joined at most (body, patch, signature part...): real mail has 1-3, Apple Mail
 * with inline images more. Gmail and IMAP choose parts with the same bound, so every source gives the same text.
 */
export const MAX_TEXT_PARTS = 8;

interface ContentType {
  type: string;
  params: Map<string, string>;
}

const NL = 10;

/** Offset of the blank line ending the header block at `from`, and where the body starts. */
function headerEnd(b: Uint8Array, from: number, limit: number): { end: number; body: number } {
  // A view that ends at `limit`, so no search ever runs past the entity (linear per entity).
  const buf = Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, limit + 2));
  let i = from;
  // A part with no headers starts directly with a blank line.
  if (b[i] === NL) return { end: i, body: i + 1 };
  if (b[i] === 13 && b[i + 1] === NL) return { end: i, body: i + 2 };
  for (;;) {
    const k = buf.indexOf(NL, i);
    if (k < 0 || k >= limit) return { end: limit, body: limit };
    if (b[k + 1] === NL) return { end: k + 1, body: k + 2 };
    if (b[k + 1] === 13 && b[k + 2] === NL) return { end: k + 1, body: k + 3 };
    i = k + 1;
  }
}

/** Unfolds a header block (RFC 5322 2.2.3) into name -> first value. */
function parseHeaderBlock(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let name: string | null = null;
  let value = '';
  const commit = () => {
    if (name !== null && !out.has(name))
      out.set(name, value.length > MAX_HEADER_VALUE ? value.slice(0, MAX_HEADER_VALUE) : value.trim());
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const c = line.charCodeAt(0);
    if ((c === 32 || c === 9) && name !== null) {
      if (value.length < MAX_HEADER_VALUE) value += ' ' + line.trim();
      continue;
    }
    commit();
    name = null;
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 76) continue;
    const n = line.slice(0, colon).trim().toLowerCase();
    // Field names are printable ASCII without spaces (RFC 5322 3.6.8); anything else is noise.
    if (!/^[!-9;-~]+$/.test(n)) continue;
    name = n;
    value = line.slice(colon + 1);
  }
  commit();
  return out;
}

/** `type/subtype; a=b; c="d"` -> type and params; params split on `;` outside quotes. */
export function parseContentType(value: string | undefined, fallback = 'text/plain'): ContentType {
  if (!value) return { type: fallback, params: new Map() };
  const pieces: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < value.length && i < 4096; i++) {
    const ch = value[i]!;
    if (ch === '"') q = !q;
    if (ch === ';' && !q) {
      pieces.push(cur);
      cur = '';
    } else cur += ch;
  }
  pieces.push(cur);
  const type = (pieces[0] ?? '').trim().toLowerCase() || fallback;
  const params = new Map<string, string>();
  for (const p of pieces.slice(1)) {
    const eq = p.indexOf('=');
    if (eq <= 0) continue;
    const k = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"')) v = v.slice(1, v.endsWith('"') && v.length > 1 ? -1 : undefined);
    if (!params.has(k)) params.set(k, v);
  }
  return { type: type.includes('/') ? type : fallback, params };
}

class Walker {
  parts = 0;
  constructor(
    readonly b: Uint8Array,
    readonly check: (stage: string) => void,
  ) {}

  /**
   * Text parts under the entity [start, end): every inline text/plain part in order (clients such as
   * exmh/mutt put the `-- ` signature in its own inline part of a multipart/mixed; mailparser joins
   * them the same way), one per multipart/alternative, and the first text/html part.
   */
  find(
    start: number,
    end: number,
    headers: Map<string, string>,
    depth: number,
    defType = 'text/plain',
  ): Found {
    if (++this.parts > MAX_MIME_PARTS) throw new BudgetError(`more than ${MAX_MIME_PARTS} MIME parts`);
    if (depth > MAX_MIME_DEPTH) throw new BudgetError(`MIME nesting deeper than ${MAX_MIME_DEPTH} levels`);
    const ct = parseContentType(headers.get('content-type'), defType);
    const disposition = (headers.get('content-disposition') ?? '').trim().toLowerCase();
    if (disposition.startsWith('attachment')) return { plain: [] };
    // A named part that is not explicitly inline is a file (mailparser's rule too), e.g. a .txt attachment.
    const named = /filename\*?=/.test(disposition) || ct.params.has('name') || ct.params.has('name*');
    if (depth > 0 && named && !disposition.startsWith('inline')) return { plain: [] };
    const cte = (headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
    if (ct.type === 'text/plain' || ct.type === 'text/html') {
      const flowed = flowedOf(headers.get('content-type'));
      const part: Part = { start, end, charset: ct.params.get('charset') ?? null, cte, flowed };
      return ct.type === 'text/plain' ? { plain: [part] } : { plain: [], html: part };
    }
    if (!ct.type.startsWith('multipart/')) return { plain: [] }; // images, message/rfc822 (forwards), ...
    const boundary = ct.params.get('boundary');
    if (!boundary) return { plain: [] };
    const alternative = ct.type === 'multipart/alternative';
    const childType = ct.type === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    const found: Found = { plain: [] };
    for (const child of this.children(start, end, boundary)) {
      this.check('MIME walk');
      const h = headerEnd(this.b, child.start, child.end);
      const ch = parseHeaderBlock(
        latin1(this.b, child.start, Math.min(h.end, child.start + MAX_HEADER_BYTES)),
      );
      const r = this.find(h.body, child.end, ch, depth + 1, childType);
      if (alternative) {
        if (found.plain.length === 0) found.plain = r.plain;
        found.html ??= r.html;
        if (found.plain.length > 0 && found.html) break;
      } else {
        if (found.plain.length < MAX_TEXT_PARTS)
          found.plain.push(...r.plain.slice(0, MAX_TEXT_PARTS - found.plain.length));
        found.html ??= r.html;
      }
    }
    return found;
  }

  /** Child entities between `--boundary` delimiter lines (RFC 2046 5.1.1). */
  *children(start: number, end: number, boundary: string): Generator<{ start: number; end: number }> {
    // A view that ends at `end`: a boundary missing from this entity must not send every search
    // to the end of a 50 MB message (2,000 parts x 50 MB would be a denial of service).
    const buf = Buffer.from(this.b.buffer, this.b.byteOffset, end);
    const delim = Buffer.from(`--${boundary}`, 'latin1');
    let pos = start;
    let partStart = -1;
    while (pos < end) {
      const k = buf.indexOf(delim, pos);
      if (k < 0 || k >= end) break;
      const atLineStart = k === start || this.b[k - 1] === NL;
      pos = k + delim.length;
      if (!atLineStart) continue;
      const closing = this.b[pos] === 45 && this.b[pos + 1] === 45;
      if (partStart >= 0) {
        let e = k;
        if (this.b[e - 1] === NL) e--;
        if (this.b[e - 1] === 13) e--;
        yield { start: partStart, end: Math.max(partStart, e) };
      }
      if (closing) return;
      const eol = buf.indexOf(NL, pos);
      partStart = eol < 0 || eol >= end ? end : eol + 1;
    }
    // Missing closing delimiter (truncated mail): the last part runs to the end.
    if (partStart >= 0 && partStart < end) yield { start: partStart, end };
  }

  decode(p: Part): string {
    const slice = this.b.subarray(p.start, p.end);
    let bytes: Uint8Array;
    if (p.cte === 'base64') bytes = decodeBase64(latin1(slice));
    else if (p.cte === 'quoted-printable') bytes = decodeQuotedPrintable(latin1(slice));
    else bytes = slice;
    const text = decodeText(bytes, p.charset);
    return p.flowed ? unflow(text, p.flowed.delsp) : text;
  }
}

function normaliseText(s: string): string {
  let t = s.indexOf('\r') >= 0 ? s.replace(/\r\n?/g, '\n') : s;
  // The newest part is at the top: keep the beginning when a text part is huge.
  if (t.length > MAX_TEXT_CHARS) t = t.slice(0, MAX_TEXT_CHARS);
  return capLines(t);
}

/**
 * Parses raw RFC 5322 bytes. Throws BudgetError when the message is over a size/structure/time
 * budget or has no header block; callers turn that into `discarded: "unreadable"`.
 */
export function parseRaw(bytes: Uint8Array, opts: ParseOptions = {}): ParsedMessage {
  const check = opts.check ?? (() => {});
  if (bytes.length > MAX_MESSAGE_BYTES) {
    throw new BudgetError(
      `message is ${(bytes.length / 1048576).toFixed(1)} MiB, over the ${MAX_MESSAGE_BYTES / 1048576} MiB budget`,
    );
  }
  const limit = Math.min(bytes.length, MAX_PARSE_BYTES);
  let start = 0;
  // Tolerate an mbox `From ` separator line left at the top and a UTF-8 BOM.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (latin1(bytes, start, Math.min(limit, start + 5)) === 'From ') {
    const eol = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(NL, start);
    start = eol < 0 ? limit : eol + 1;
  }
  const h = headerEnd(bytes, start, Math.min(limit, start + MAX_HEADER_BYTES));
  const headers = parseHeaderBlock(latin1(bytes, start, h.end));
  if (headers.size === 0 || !/^[!-9;-~]{1,76}:/.test(latin1(bytes, start, Math.min(h.end, start + 80)))) {
    throw new BudgetError('no RFC 5322 header block at the start of the message');
  }
  try {
    check('headers');
    const walker = new Walker(bytes, check);
    const found = walker.find(h.body, limit, headers, 0);
    let text = '';
    let textKind: ParsedMessage['textKind'] = null;
    let signatureHint: string | null = null;
    let htmlPart: string | undefined;
    if (found.plain.length > 0) {
      text = normaliseText(found.plain.map((p) => walker.decode(p)).join('\n'));
      textKind = 'plain';
    }
    if (found.html) {
      const html = walker.decode(found.html);
      check('HTML decoding');
      signatureHint = htmlSignatureHint(html);
      if (found.plain.length === 0) {
        text = normaliseText(htmlToText(html));
        textKind = 'html';
      } else htmlPart = html;
    }
    check('text decoding');
    const parsed: ParsedMessage = { rawHeaders: headers, text, textKind, signatureHint, size: bytes.length };
    if (htmlPart !== undefined) parsed.html = htmlPart;
    return parsed;
  } catch (err) {
    if (err instanceof BudgetError) err.headers = headers;
    throw err;
  }
}

/**
 * Headers a MinimalMessage keeps: identity, threading-free metadata and bulk/automation signals. Exported for
 * connectors that must ask a server for exactly these (IMAP `HEADER.FIELDS`), so every source classifies alike.
 */
export const KEPT_HEADERS: readonly string[] = Object.freeze([
  'from',
  'reply-to',
  'sender',
  'to',
  'cc',
  'date',
  'message-id',
  'return-path',
  'x-from',
  'x-original-from',
  'list-unsubscribe',
  'list-unsubscribe-post',
  'list-id',
  'list-post',
  'list-subscribe',
  'list-help',
  'list-software',
  'list-archive',
  'x-mailing-list',
  'x-beenthere',
  'x-mailman-version',
  'x-loop',
  'mailing-list',
  'precedence',
  'auto-submitted',
  'feedback-id',
  'x-mailer',
  'user-agent',
  'x-autoreply',
  'x-autorespond',
  'x-auto-response-suppress',
  'x-ses-outgoing',
  'x-sg-eid',
  'x-sg-id',
  'x-mc-user',
  'x-mandrill-user',
  'x-pm-message-id',
  'x-csa-complaints',
  'x-report-abuse',
  'x-feedback-id',
  'x-msfbl',
  'x-sfmc-stack',
  'x-mktomailer',
  'x-ems-stamp',
  'x-hs-cid',
  // Kept as presence only (selectHeaders): a reply in a thread. Its value, another message's id, is dropped.
  'in-reply-to',
]);
const KEEP = new Set(KEPT_HEADERS);
/** Header families kept by prefix (ESP tracking headers). */
export const KEPT_HEADER_PREFIXES: readonly string[] = [
  'x-mailgun-',
  'x-campaign',
  'x-mailchimp-',
  'x-sendgrid',
  'x-ses-',
  'x-mc-',
  'x-marketo',
];

function kept(name: string): boolean {
  return KEEP.has(name) || KEPT_HEADER_PREFIXES.some((p) => name.startsWith(p));
}

const ADDRESS_HEADERS = new Set(['from', 'reply-to', 'sender', 'to', 'cc', 'x-from', 'x-original-from']);

/** Selected headers of a parsed message, RFC 2047-decoded (display names with specials stay quoted). */
export function selectHeaders(raw: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of raw) if (kept(k)) out[k] = decodeWords(v, { address: ADDRESS_HEADERS.has(k) });
  if (out['in-reply-to'] !== undefined) out['in-reply-to'] = out['in-reply-to'].trim() === '' ? '' : 'yes';
  return out;
}

/** Date header -> ISO-8601, or null when absent or unparseable. */
export function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value.replace(/\([^()]{0,80}\)/g, '').trim());
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/**
 * "Kind regards," and nothing under it in the plain part, the block in the HTML part: Exclaimer and CodeTwo
 * add the signature to the HTML only, and CRMs (HubSpot, Salesforce) send a plain part without it. The HTML
 * part's newest text when the plain newest part ends with a bare valediction and the HTML one goes on
 * under that line with at least two more lines; else the plain one.
 */
export function htmlWhereSignoffIsBare(plainNewest: string, html: string): string {
  const lines = plainNewest.trimEnd().split('\n');
  const last = lines[lines.length - 1] ?? '';
  if (!isValediction(last)) return plainNewest;
  const fromHtml = newestPart(normaliseText(htmlToText(html)));
  const htmlLines = fromHtml.split('\n');
  const at = htmlLines.findIndex((l) => l.trim() === last.trim());
  if (at < 0) return plainNewest;
  return htmlLines.slice(at + 1).filter((l) => l.trim() !== '').length >= 2 ? fromHtml : plainNewest;
}

/** Cuts `text` to its last `max` chars, starting at a line boundary. */
export function tailOf(text: string, max = TAIL_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  const nl = cut.indexOf('\n');
  return nl >= 0 && nl < cut.length - 1 ? cut.slice(nl + 1) : cut;
}

/** Text after the last RFC 3676 `-- ` delimiter line of the newest part (4 KiB max), or null. */
export function delimiterHint(newest: string): string | null {
  const k = newest.lastIndexOf('\n-- \n');
  const at = k >= 0 ? k + 5 : newest.startsWith('-- \n') ? 4 : -1;
  if (at < 0) return null;
  const hint = newest.slice(at, at + 4096).trim();
  return hint === '' ? null : hint;
}

/** The connector hand-off: selected headers and the bounded tail of the newest part. */
export function toMinimal(parsed: ParsedMessage, sourceId: string): MinimalMessage {
  const headers = selectHeaders(parsed.rawHeaders);
  const plainNewest = parsed.text === '' ? '' : newestPart(parsed.text);
  const newest = parsed.html === undefined ? plainNewest : htmlWhereSignoffIsBare(plainNewest, parsed.html);
  const m: MinimalMessage = {
    sourceId,
    headers,
    tail: tailOf(newest),
    date: isoDate(headers.date),
    signatureHint: parsed.signatureHint ?? delimiterHint(newest),
  };
  return m;
}
