/**
 * Gmail `Message` (format=full) -> MinimalMessage. Only the chosen text part is decoded: body.data
 * is base64url (unpadded) of the transfer-decoded bytes in the part's OWN charset (provider-facts
 * §0.4), so bytes go through the parser's charset decoder (iconv-lite; never TextDecoder for
 * windows-1252). Attachments (attachmentId, Content-Disposition: attachment) and forwarded
 * message/rfc822 subtrees are never read. The text is cut to its newest part and then to a tail.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import type { MinimalMessage } from '../../parsers/types.ts';
import { decodeText } from '../../parsers/charset.ts';
import { flowedOf, unflow } from '../../parsers/flowed.ts';
import { htmlSignatureHint, htmlToText } from '../../parsers/html-to-text.ts';
import { newestPart } from '../../parsers/newest-part.ts';
import { capLines, MAX_TEXT_CHARS } from '../../parsers/budget.ts';
import {
  delimiterHint,
  htmlWhereSignoffIsBare,
  isoDate,
  MAX_TEXT_PARTS,
  selectHeaders,
  tailOf,
} from '../../parsers/message.ts';
import { chooseTextParts, type MimeTree } from '../../parsers/text-part-choice.ts';

/** Header values longer than this are cut before decoding (no legitimate address list needs more). */
const MAX_HEADER_VALUE = 16 * 1024;
/** Part tree walk bounds: Gmail nests a handful of levels; hostile mail may nest thousands. */
const MAX_DEPTH = 32;
const MAX_PARTS = 500;
/** base64url characters of a text part we decode at most (~3 MiB of bytes); newest text is at the top. */
const MAX_DATA_CHARS = 4 * 1024 * 1024;

type Part = gmail_v1.Schema$MessagePart;

function headerValue(part: Part, name: string): string | null {
  for (const h of part.headers ?? []) if (h.name?.toLowerCase() === name) return h.value ?? null;
  return null;
}

/** `charset` parameter of a Content-Type value (quoted or bare), or null. Bounded, linear regex. */
export function charsetOf(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]{1,64})/i.exec((contentType ?? '').slice(0, 1024));
  return m ? m[1]! : null;
}

function isAttachment(p: Part): boolean {
  if (p.body?.attachmentId) return true;
  return /^\s*attachment/i.test(headerValue(p, 'content-disposition') ?? '');
}

/**
 * Gmail's part tree as the shared text-part choice reads it. Inline text/plain parts joined at most: 8
 * (exmh/mutt put the `-- ` signature in its own inline part). Plain text is the body; the HTML is only
 * read for the client's signature markers, or as the body when there is no plain text.
 */
const GMAIL_PARTS: MimeTree<Part, Part> = {
  type: (p) => p.mimeType ?? '',
  isAttachment,
  children: (p) => p.parts ?? [],
  leaf: (p) => p,
  maxDepth: MAX_DEPTH,
  maxParts: MAX_PARTS,
  maxTextParts: MAX_TEXT_PARTS,
};

/** Decoded text of one part (base64url, padded or not; `Buffer` accepts both), in its own charset. */
export function partText(p: Part): string {
  const data = (p.body?.data ?? '').slice(0, MAX_DATA_CHARS);
  const contentType = headerValue(p, 'content-type');
  const text = decodeText(Buffer.from(data, 'base64url'), charsetOf(contentType));
  const flowed = flowedOf(contentType);
  return flowed ? unflow(text, flowed.delsp) : text;
}

/** CRLF -> LF, keep the top (the newest text) when huge, cap line lengths before any regex. */
function normalise(s: string): string {
  const t = s.indexOf('\r') >= 0 ? s.replace(/\r\n?/g, '\n') : s;
  return capLines(t.length > MAX_TEXT_CHARS ? t.slice(0, MAX_TEXT_CHARS) : t);
}

/** The one thing the Gmail connector hands over per message. Whole bodies never leave here. */
export function gmailToMinimal(msg: gmail_v1.Schema$Message): MinimalMessage {
  const payload = msg.payload ?? {};
  const raw = new Map<string, string>();
  // Real messages carry tens of headers; a hostile one may carry thousands: read the first 1,000.
  for (const h of (payload.headers ?? []).slice(0, 1000)) {
    const name = (h.name ?? '').toLowerCase();
    // First occurrence wins, as in the local parser; Gmail returns values as sent (RFC 2047 intact),
    // and selectHeaders decodes them.
    if (name && !raw.has(name)) raw.set(name, (h.value ?? '').slice(0, MAX_HEADER_VALUE));
  }
  const headers = selectHeaders(raw);
  const { plain, html } = chooseTextParts(payload, GMAIL_PARTS);
  const htmlText = html ? partText(html) : null;
  const text =
    plain.length > 0 ? plain.map(partText).join('\n') : htmlText !== null ? htmlToText(htmlText) : '';
  const plainNewest = text === '' ? '' : newestPart(normalise(text));
  // The same choice as a file's (parsers/message.ts toMinimal): the HTML part's block under a bare sign-off.
  const newest =
    plain.length > 0 && htmlText !== null ? htmlWhereSignoffIsBare(plainNewest, htmlText) : plainNewest;
  const internal = Number(msg.internalDate);
  return {
    sourceId: msg.id ?? '',
    headers,
    tail: tailOf(newest),
    date:
      isoDate(headers['date']) ??
      (msg.internalDate && Number.isFinite(internal) ? new Date(internal).toISOString() : null),
    signatureHint: (htmlText !== null ? htmlSignatureHint(htmlText) : null) ?? delimiterHint(newest),
    // Label ids (INBOX, Label_12...): a member may exclude a label of this connection from sharing.
    ...(msg.labelIds?.length ? { folders: msg.labelIds.slice(0, 100) } : {}),
  };
}
