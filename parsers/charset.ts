/**
 * Byte -> text decoding for mail: declared charset first, then heuristics, then windows-1252.
 * Mail lies about charsets (`us-ascii` with 8-bit bytes, `utf-8` that is really Latin-1), so a
 * declared charset is trusted only when the bytes agree with it.
 */
import iconv from 'iconv-lite';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** Charset labels that mean "ASCII or its superset windows-1252" in practice (WHATWG Encoding). */
const LATIN1_ALIASES = new Set([
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'latin-1',
  'l1',
  'cp1252',
  'windows-1252',
  'x-unknown',
  'unknown-8bit',
  'default',
]);

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/** Latin-1 view of bytes (one char per byte); cheap and lossless, used for headers and MIME structure. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

/** Decodes `bytes` declared as `charset` (may be null/empty), falling back when the declaration lies. */
export function decodeText(bytes: Uint8Array, charset: string | null | undefined): string {
  const cs = (charset ?? '')
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  // ISO-2022-JP (still common in Japanese mail) and its Korean and Chinese kin are 7-bit: switched into
  // double-byte sets by ESC sequences, so "all ASCII" says nothing about them (RFC 1468).
  if (cs.startsWith('iso-2022-') && bytes.includes(0x1b)) return decodeIso2022(bytes, cs);
  if (isAscii(bytes)) return latin1(bytes);
  if (cs === 'utf-8' || cs === 'utf8' || cs === '' || LATIN1_ALIASES.has(cs)) {
    // Valid UTF-8 with 8-bit bytes is almost never accidental, whatever the label says.
    return utf8OrWindows1252(bytes);
  }
  if (iconv.encodingExists(cs)) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), cs);
    // Windows-1258 writes Vietnamese tone marks as combining characters ("ễ" as e + two marks): composed,
    // the text matches the lexicons and reads as every other Vietnamese mail does.
    return /^(?:windows|cp)-?1258$/.test(cs) ? text.normalize('NFC') : text;
  }
  return utf8OrWindows1252(bytes);
}

/** The WHATWG decoder knows ISO-2022-JP; the other ISO-2022 sets go to iconv-lite when it has them. */
function decodeIso2022(bytes: Uint8Array, cs: string): string {
  try {
    return new TextDecoder(cs).decode(bytes);
  } catch {
    if (iconv.encodingExists(cs))
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), cs);
    return latin1(bytes);
  }
}

/**
 * Valid UTF-8 -> UTF-8. Mostly UTF-8 with a few broken sequences (a truncated or spliced part) ->
 * lenient UTF-8, so one bad byte does not turn every accented letter into mojibake. Otherwise the
 * bytes are legacy 8-bit text, and windows-1252 (the WHATWG reading of Latin-1) is the best guess.
 */
function utf8OrWindows1252(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    const lenient = utf8Lenient.decode(bytes);
    let bad = 0;
    let good = 0;
    for (let i = 0; i < lenient.length; i++) {
      const c = lenient.charCodeAt(i);
      if (c === 0xfffd) bad++;
      else if (c > 0x7f) good++;
    }
    if (good > 4 * bad) return lenient;
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'windows-1252');
  }
}

/** Re-decodes a header value read as Latin-1 (raw 8-bit headers, RFC 6532 UTF-8 or legacy 8-bit). */
export function fixRawHeader(value: string): string {
  let eight = false;
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x7f) {
      eight = true;
      break;
    }
  }
  if (!eight) return value;
  return decodeText(Buffer.from(value, 'latin1'), null);
}

/** Base64 to bytes, tolerant of whitespace and junk (RFC 2045 6.8: ignore characters outside the alphabet). */
export function decodeBase64(s: string): Uint8Array {
  return Buffer.from(s, 'base64');
}

/** Quoted-printable (RFC 2045 6.7) to bytes; soft line breaks removed, malformed escapes kept literally. */
export function decodeQuotedPrintable(s: string, headerMode = false): Uint8Array {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d /* = */) {
      const a = s.charCodeAt(i + 1);
      if (a === 0x0d && s.charCodeAt(i + 2) === 0x0a) {
        i += 2;
        continue;
      }
      if (a === 0x0a) {
        i += 1;
        continue;
      }
      const h = hex(a);
      const l = hex(s.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        out[n++] = (h << 4) | l;
        i += 2;
        continue;
      }
      out[n++] = c;
    } else if (headerMode && c === 0x5f /* _ */) {
      out[n++] = 0x20;
    } else {
      out[n++] = c & 0xff;
    }
  }
  return out.subarray(0, n);
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// RFC 2047 encoded-word; bounded: charset/encoding/text classes exclude `?` so matching is linear.
const ENCODED_WORD = /=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]{0,2000})\?=/g;

/**
 * Decodes RFC 2047 encoded-words in a header value. Adjacent encoded-words separated only by
 * whitespace are joined (RFC 2047 6.2), and bytes of consecutive words in the same charset are
 * concatenated before decoding so multi-byte characters split across words survive.
 */
export function decodeWords(value: string, opts: { address?: boolean } = {}): string {
  if (value.indexOf('=?') < 0) return fixRawHeader(value);
  let out = '';
  let last = 0;
  let pending: { cs: string; bytes: Uint8Array[] } | null = null;
  const flush = () => {
    if (!pending) return;
    let t = decodeText(Buffer.concat(pending.bytes), pending.cs.replace(/\*.*$/, ''));
    // In address headers a decoded display name such as "Müller, Hans" must stay one phrase:
    // quote it unless it already sits inside a quoted string.
    if (opts.address && /[,;<>"@:()\\[\]]/.test(t) && (out.split('"').length - 1) % 2 === 0) {
      t = `"${t.replace(/["\\]/g, '\\$&')}"`;
    }
    out += t;
    pending = null;
  };
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(value); m; m = ENCODED_WORD.exec(value)) {
    const between = value.slice(last, m.index);
    const onlySpace = /^\s*$/.test(between);
    const cs = m[1]!.toLowerCase();
    const bytes = m[2]!.toLowerCase() === 'b' ? decodeBase64(m[3]!) : decodeQuotedPrintable(m[3]!, true);
    if (pending && onlySpace && pending.cs === cs) {
      pending.bytes.push(bytes);
    } else {
      const afterWord = pending !== null;
      flush();
      // Whitespace between two encoded-words is not displayed (RFC 2047 6.2).
      if (!(afterWord && onlySpace)) out += fixRawHeader(between);
      pending = { cs, bytes: [bytes] };
    }
    last = m.index + m[0].length;
  }
  flush();
  out += fixRawHeader(value.slice(last));
  return out;
}
