/**
 * Pure pieces of the IMAP connector: pick the text part from a BODYSTRUCTURE, decode a partial fetch of
 * it, parse the selected header fields, and build the MinimalMessage. No I/O.
 */
import type { MinimalMessage } from '../../parsers/types.ts';
import { decodeQuotedPrintable, decodeText, decodeWords, latin1 } from '../../parsers/charset.ts';
import { htmlSignatureHint, htmlToText } from '../../parsers/html-to-text.ts';
import { newestPart } from '../../parsers/newest-part.ts';
import { MAX_HEADER_VALUE, MAX_LINE_CHARS, MAX_MIME_DEPTH, MAX_MIME_PARTS, TAIL_CHARS, capLines } from '../../parsers/budget.ts';

/**
 * Header fields fetched with `BODY.PEEK[HEADER.FIELDS (...)]`: sender/recipient classification and bulk
 * detection only. Subject is deliberately absent (never stored, never needed). IMAP has no wildcard in
 * HEADER.FIELDS, so ESP headers are named one by one.
 */
export const IMAP_HEADER_FIELDS = [
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'date',
  'message-id',
  'return-path',
  'list-id',
  'list-unsubscribe',
  'list-unsubscribe-post',
  'list-post',
  'precedence',
  'auto-submitted',
  'feedback-id',
  'x-mailer',
  'x-auto-response-suppress',
  'x-autoreply',
  'x-mailgun-sid',
  'x-mailgun-tag',
  'x-sg-eid',
  'x-sg-id',
  'x-ses-outgoing',
  'x-campaign',
  'x-campaignid',
  'x-campaign-id',
  'x-mc-user',
  'x-mailchimp-campaign',
  'x-sfmc-stack',
  'x-report-abuse',
  'x-csa-complaints',
] as const;

/** The part of a BODYSTRUCTURE that imapflow returns (a narrow slice of MessageStructureObject). */
export interface StructureNode {
  part?: string;
  type: string;
  parameters?: Record<string, string>;
  encoding?: string;
  size?: number;
  disposition?: string;
  childNodes?: StructureNode[];
}

export interface TextPart {
  /** IMAP part specifier ("1", "1.2"); "1" for a single-part message (RFC 3501 6.4.5). */
  part: string;
  html: boolean;
  charset: string | null;
  encoding: string;
  size: number;
}

/** At most this many text parts per message are read (body + inline signature part is the usual case). */
export const MAX_TEXT_PARTS = 4;

/**
 * The text parts a mail client shows as the body of the top-level message, in order: in a
 * multipart/alternative the text/plain alternative (else the HTML one); in multipart/mixed, /related,
 * /signed every inline text part (some clients put the signature in its own inline part after an
 * attachment). Attachments and attached messages (message/rfc822) are never entered. Bounded by
 * MAX_MIME_DEPTH, MAX_MIME_PARTS and MAX_TEXT_PARTS, so a hostile structure cannot make this walk long.
 */
export function chooseTextParts(root: StructureNode | undefined): TextPart[] {
  if (!root) return [];
  let visited = 0;
  const walk = (node: StructureNode, depth: number, isRoot: boolean): TextPart[] => {
    if (depth > MAX_MIME_DEPTH || ++visited > MAX_MIME_PARTS) return [];
    const type = (node.type ?? '').toLowerCase();
    if ((node.disposition ?? '').toLowerCase() === 'attachment') return [];
    if (type === 'multipart/alternative') {
      const options = (node.childNodes ?? []).map((c) => walk(c, depth + 1, false)).filter((o) => o.length > 0);
      return options.find((o) => o.some((t) => !t.html)) ?? options[0] ?? [];
    }
    if (type.startsWith('multipart/')) {
      const out: TextPart[] = [];
      for (const child of node.childNodes ?? []) {
        out.push(...walk(child, depth + 1, false));
        if (out.length >= MAX_TEXT_PARTS) break;
      }
      return out.slice(0, MAX_TEXT_PARTS);
    }
    if (type !== 'text/plain' && type !== 'text/html') return []; // message/rfc822, images, files...
    const part = node.part ?? (isRoot ? '1' : '');
    if (!part) return [];
    return [
      {
        part,
        html: type === 'text/html',
        charset: node.parameters?.charset ?? null,
        encoding: (node.encoding ?? '7bit').toLowerCase(),
        size: node.size ?? 0,
      },
    ];
  };
  return walk(root, 0, true);
}

/** The first body text part (see chooseTextParts), or null. */
export function chooseTextPart(root: StructureNode | undefined): TextPart | null {
  return chooseTextParts(root)[0] ?? null;
}

/**
 * How many raw bytes to fetch for a part, so that about HEAD_CHARS decoded bytes come back: base64 costs
 * 4/3 plus line breaks (76-char lines: x1.37), quoted-printable up to x3 for non-Latin text but ~x1.1 for
 * Western text, so x2 is a compromise.
 */
export function rawFetchBytes(encoding: string, headBytes: number): number {
  if (encoding === 'base64') return Math.ceil(headBytes * 1.4);
  if (encoding === 'quoted-printable') return headBytes * 2;
  return headBytes;
}

/**
 * Undoes the transfer encoding of the first bytes of a part. A partial fetch can stop mid-quantum: a
 * trailing incomplete base64 group or a cut `=X` escape is dropped rather than decoded into garbage.
 */
export function decodeTransfer(bytes: Buffer, encoding: string, truncated: boolean): Buffer {
  if (encoding === 'base64') {
    let s = latin1(bytes).replace(/[^A-Za-z0-9+/=]/g, '');
    if (truncated) s = s.slice(0, s.length - (s.length % 4));
    return Buffer.from(s, 'base64');
  }
  if (encoding === 'quoted-printable') {
    let s = latin1(bytes);
    if (truncated) {
      const eq = s.lastIndexOf('=');
      if (eq >= 0 && eq >= s.length - 2) s = s.slice(0, eq);
    }
    return Buffer.from(decodeQuotedPrintable(s));
  }
  return bytes;
}

/**
 * Parses the block returned for `BODY.PEEK[HEADER.FIELDS (...)]` into lower-cased name -> decoded value.
 * The first occurrence of a field wins (the top-most header is the one the sender's client wrote last).
 * Values are unfolded (RFC 5322 2.2.3), RFC 2047-decoded and capped at MAX_HEADER_VALUE.
 */
export function parseHeaderFields(block: Buffer | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!block) return out;
  const lines = latin1(block).split(/\r?\n/);
  let name: string | null = null;
  let value = '';
  const flush = () => {
    if (name && !(name in out)) out[name] = decodeWords(value.trim().slice(0, MAX_HEADER_VALUE));
    name = null;
    value = '';
  };
  for (const line of lines) {
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && name) {
      if (value.length < MAX_HEADER_VALUE) value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 76) continue; // RFC 5322: field names are short printable ASCII
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return out;
}

function isoDate(header: string | undefined, fallback: Date | string | undefined): string | null {
  if (header) {
    const d = new Date(header.replace(/\s*\([^)]{0,100}\)\s*$/, ''));
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  if (fallback) {
    const d = new Date(fallback);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return null;
}

export interface FetchedText {
  part: TextPart;
  /** The first bytes of the part, still transfer-encoded. */
  raw: Buffer | undefined;
  /** The number of raw bytes asked for: a response that long was probably cut. */
  requested: number;
}

export interface FetchedPart {
  sourceId: string;
  headers: Buffer | undefined;
  internalDate?: Date | string;
  texts: FetchedText[];
}

/** A MinimalMessage, plus the client-marked signature block found in HTML (for the signature finder). */
export type ImapMinimalMessage = MinimalMessage & { signatureHint?: string | null };

/**
 * Builds the MinimalMessage for one fetched message: headers decoded, each text part decoded (transfer
 * encoding, then charset with windows-1252 fallback), HTML flattened, parts joined in order, quoted
 * history cut by newestPart, and only the last TAIL_CHARS kept. The rest of the fetched bytes is dropped.
 */
export function buildMinimal(f: FetchedPart): ImapMinimalMessage {
  const headers = parseHeaderFields(f.headers);
  const texts: string[] = [];
  let signatureHint: string | null = null;
  for (const t of f.texts) {
    if (!t.raw) continue;
    const bytes = decodeTransfer(t.raw, t.part.encoding, t.raw.length >= t.requested);
    const decoded = decodeText(bytes, t.part.charset);
    if (t.part.html) {
      signatureHint ??= htmlSignatureHint(decoded);
      texts.push(htmlToText(decoded));
    } else {
      texts.push(decoded);
    }
  }
  const newest = newestPart(capLines(texts.join('\n'), MAX_LINE_CHARS));
  const tail = newest.length > TAIL_CHARS ? newest.slice(newest.length - TAIL_CHARS) : newest;
  const m: ImapMinimalMessage = {
    sourceId: f.sourceId,
    headers,
    tail,
    date: isoDate(headers.date, f.internalDate),
  };
  if (signatureHint) m.signatureHint = signatureHint;
  return m;
}
