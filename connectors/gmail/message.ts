/**
 * Gmail `Message` (format=full) -> MinimalMessage. Only the chosen text part is decoded: body.data
 * is base64url (unpadded) of the transfer-decoded bytes in the part's OWN charset (provider-facts
 * §0.4), so bytes go through the parser's charset decoder (iconv-lite; never TextDecoder for
 * windows-1252). Attachments (attachmentId, filename, Content-Disposition: attachment) and forwarded
 * message/rfc822 subtrees are never read. The text is cut to its newest part and then to a tail.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import type { MinimalMessage } from '../../parsers/types.ts';
import { decodeText, decodeWords } from '../../parsers/charset.ts';
import { htmlToText } from '../../parsers/html-to-text.ts';
import { newestPart } from '../../parsers/newest-part.ts';
import { MAX_TEXT_CHARS, TAIL_CHARS } from '../../parsers/budget.ts';

/** Headers handed on: addressing, identity, date and the bulk/automation markers (RFC 2369, 3834). */
export const SELECTED_HEADERS = new Set([
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'date',
  'message-id',
  'list-id',
  'list-unsubscribe',
  'list-post',
  'precedence',
  'auto-submitted',
  'x-auto-response-suppress',
  'x-autoreply',
  'x-autorespond',
  'feedback-id',
  'x-mailer',
  'return-path',
  'x-campaign',
  'x-mailgun-tag',
  'x-sg-eid',
  'x-ses-outgoing',
]);

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
  if (p.body?.attachmentId || (p.filename ?? '') !== '') return true;
  return /^\s*attachment/i.test(headerValue(p, 'content-disposition') ?? '');
}

/**
 * The part whose text we read: the first text/plain in document order outside attachments and
 * forwarded messages; else the first text/html. multipart/alternative prefers plain for the same
 * reason.
 */
export function chooseTextPart(root: Part): Part | null {
  let plain: Part | null = null;
  let html: Part | null = null;
  let seen = 0;
  const walk = (p: Part, depth: number): void => {
    if (plain || depth > MAX_DEPTH || ++seen > MAX_PARTS) return;
    const type = (p.mimeType ?? '').toLowerCase();
    if (type === 'message/rfc822' || isAttachment(p)) return;
    if (type.startsWith('multipart/')) {
      for (const c of p.parts ?? []) walk(c, depth + 1);
      return;
    }
    if (!p.body?.data) return;
    if (type === 'text/plain') plain = p;
    else if (type === 'text/html' && !html) html = p;
  };
  walk(root, 0);
  return plain ?? html;
}

/** Decoded text of one part (base64url, padded or not; `Buffer` accepts both). */
export function partText(p: Part): string {
  const data = (p.body?.data ?? '').slice(0, MAX_DATA_CHARS);
  const bytes = Buffer.from(data, 'base64url');
  let text = decodeText(bytes, charsetOf(headerValue(p, 'content-type')));
  if ((p.mimeType ?? '').toLowerCase() === 'text/html') text = htmlToText(text);
  return text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
}

function toIso(dateHeader: string | undefined, internalDate: string | null | undefined): string | null {
  const d = dateHeader ? Date.parse(dateHeader) : NaN;
  if (Number.isFinite(d)) return new Date(d).toISOString();
  const ms = Number(internalDate);
  return internalDate && Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The one thing the Gmail connector hands over per message. Whole bodies never leave here. */
export function gmailToMinimal(msg: gmail_v1.Schema$Message): MinimalMessage {
  const payload = msg.payload ?? {};
  const headers: Record<string, string> = {};
  for (const h of payload.headers ?? []) {
    const name = (h.name ?? '').toLowerCase();
    if (!SELECTED_HEADERS.has(name) || headers[name] !== undefined) continue;
    // Gmail usually returns headers as sent (RFC 2047 words intact): decode them here.
    headers[name] = decodeWords((h.value ?? '').slice(0, MAX_HEADER_VALUE));
  }
  const part = chooseTextPart(payload);
  const newest = part ? newestPart(partText(part)) : '';
  return {
    sourceId: msg.id ?? '',
    headers,
    tail: newest.length > TAIL_CHARS ? newest.slice(-TAIL_CHARS) : newest,
    date: toIso(headers['date'], msg.internalDate),
  };
}
