/**
 * Pure pieces of the IMAP connector: pick the text part from a BODYSTRUCTURE, decode a partial fetch of
 * it, parse the selected header fields, and build the MinimalMessage. No I/O.
 */
import type { MinimalMessage } from '../../parsers/types.ts';
import { randomBytes } from 'node:crypto';
import { decodeQuotedPrintable, decodeText, latin1 } from '../../parsers/charset.ts';
import { htmlToText } from '../../parsers/html-to-text.ts';
import { splitLines } from '../../parsers/lines.ts';
import {
  continuesBelowQuote,
  endsWithSentenceAboveQuote,
  findQuoteStart,
} from '../../parsers/newest-part.ts';
import { MAX_TEXT_PARTS, parseRaw, toMinimal } from '../../parsers/message.ts';
import { MAX_MIME_DEPTH, MAX_MIME_PARTS } from '../../parsers/budget.ts';
import {
  chooseTextParts as choose,
  type ChosenParts,
  type MimeTree,
} from '../../parsers/text-part-choice.ts';

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
  /** `format=flowed` (RFC 3676) and its DelSp: the rebuilt part says so, and the parser joins soft breaks. */
  flowed?: string;
  encoding: string;
  size: number;
}

/** Inline text/plain parts in order and the first text/html part (see parsers/text-part-choice.ts). */
export type TextParts = ChosenParts<TextPart>;

/** A BODYSTRUCTURE as the shared text-part choice reads it; a leaf without a part specifier is skipped. */
const STRUCTURE: MimeTree<StructureNode, TextPart> = {
  type: (node) => node.type ?? '',
  isAttachment: (node) => (node.disposition ?? '').toLowerCase() === 'attachment',
  children: (node) => node.childNodes ?? [],
  leaf(node, html, root) {
    const part = node.part ?? (root ? '1' : '');
    if (!part) return null;
    return {
      part,
      html,
      charset: node.parameters?.charset ?? null,
      flowed:
        (node.parameters?.format ?? '').toLowerCase() === 'flowed'
          ? `; format=flowed${(node.parameters?.delsp ?? '').toLowerCase() === 'yes' ? '; delsp=yes' : ''}`
          : '',
      encoding: (node.encoding ?? '7bit').toLowerCase(),
      size: node.size ?? 0,
    };
  },
  maxDepth: MAX_MIME_DEPTH,
  maxParts: MAX_MIME_PARTS,
  // The parser's bound, so a message gives the same text over IMAP as from its file.
  maxTextParts: MAX_TEXT_PARTS,
};

/**
 * The text parts of the top-level message, chosen as parsers/message.ts chooses them from a whole message
 * (the rule and its bounds: parsers/text-part-choice.ts).
 */
export function chooseTextParts(root: StructureNode | undefined): TextParts {
  return root ? choose(root, STRUCTURE) : { plain: [], html: null };
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

/** A MinimalMessage as the connector hands it over (signatureHint from parsers/types.ts). */
export type ImapMinimalMessage = MinimalMessage;

const BOUNDARY = `sigmine-imap-${randomBytes(12).toString('hex')}`;

/**
 * Builds the MinimalMessage for one fetched message with the very code that reads a whole message from a
 * file (parsers/message.ts `parseRaw` + `toMinimal`): the fetched header fields and the fetched text parts
 * (transfer encoding already undone, charset kept) are put back together as a small multipart message.
 * So a message gives the same headers, tail and signature hint over IMAP as from an .eml file, and
 * decoding fixes in the parser apply here too. The rest of the fetched bytes is dropped.
 */
export function buildMinimal(f: FetchedPart): ImapMinimalMessage {
  const head = f.headers ? latin1(f.headers).replace(/(\r?\n)+$/, '') : '';
  const chunks: Buffer[] = [
    Buffer.from(
      `${head ? `${head}\r\n` : ''}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${BOUNDARY}"\r\n\r\n`,
      'latin1',
    ),
  ];
  for (const t of f.texts) {
    if (!t.raw) continue;
    const bytes = decodeTransfer(t.raw, t.part.encoding, t.raw.length >= t.requested);
    const charset = (t.part.charset ?? '').replace(/[^\w.:-]/g, '');
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Type: ${t.part.html ? 'text/html' : 'text/plain'}${charset ? `; charset="${charset}"` : ''}${t.part.flowed ?? ''}\r\n` +
          'Content-Transfer-Encoding: 8bit\r\n\r\n',
        'latin1',
      ),
      bytes,
      Buffer.from('\r\n', 'latin1'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`, 'latin1'));
  let m: MinimalMessage;
  try {
    m = toMinimal(parseRaw(Buffer.concat(chunks)), f.sourceId);
  } catch {
    // Unparseable header block: hand over what there is; the classifier discards a message without sender.
    m = { sourceId: f.sourceId, headers: {}, tail: '', date: null };
  }
  if (!m.date && f.internalDate) {
    const d = new Date(f.internalDate);
    if (!Number.isNaN(d.getTime())) m.date = d.toISOString();
  }
  return m;
}

/**
 * True when the fetched head of a text part already holds the whole newest part: quoted or forwarded
 * history starts inside it (the parser's own rule, parsers/newest-part.ts `findQuoteStart`), so the
 * signature that ends the newest part is in these bytes and fetching more would only bring history.
 */
export function newestPartComplete(raw: Buffer, part: TextPart): boolean {
  const text = decodeText(decodeTransfer(raw, part.encoding, true), part.charset);
  const lines = splitLines(part.html ? htmlToText(text) : text);
  const q = findQuoteStart(lines);
  // A reply written under the quote or between its lines ends further down: read on.
  if (q < 0 || continuesBelowQuote(lines, q)) return false;
  // Text above the quote that ends with a sentence, not a sign-off, may go on between the quoted lines:
  // look a little past the quote's start before calling the reply done.
  if (endsWithSentenceAboveQuote(lines, q) && quotedChars(lines, q) < LOOK_PAST_QUOTE) return false;
  return true;
}

/** Characters read past a quote's start before a reply that may be interleaved is called done. */
const LOOK_PAST_QUOTE = 1_400;

function quotedChars(lines: string[], q: number): number {
  let n = 0;
  for (let i = q; i < lines.length; i++) n += lines[i]!.length + 1;
  return n;
}
