/**
 * Turns raw RFC 5322 bytes into the Gmail API's `Message.payload` shape (format=full), the way Gmail
 * presents a stored message: a MessagePart tree with partIds "", "0", "0.1"..., headers as
 * {name, value} (unfolded, RFC 2047 words left as sent), leaf bodies transfer-DECODED and
 * base64url-encoded without padding, multipart bodies `{size: 0}`, attachments as `attachmentId`.
 * Test-only: lets the real corpus go through the Gmail connector.
 */
import { randomBytes } from 'node:crypto';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function headerText(b: Buffer): string {
  try {
    return utf8.decode(b);
  } catch {
    return b.toString('latin1');
  }
}

function split(b: Buffer): { headers: { name: string; value: string }[]; body: Buffer } {
  let end = -1;
  let bodyAt = b.length;
  for (let i = 0; i < b.length; i++) {
    if (b[i] !== 10) continue;
    if (i === 0 || b[i + 1] === 10) {
      end = i;
      bodyAt = i + 2;
      break;
    }
    if (b[i + 1] === 13 && b[i + 2] === 10) {
      end = i;
      bodyAt = i + 3;
      break;
    }
  }
  if (end < 0) end = b.length;
  const lines = headerText(b.subarray(0, end)).split(/\r?\n/);
  const headers: { name: string; value: string }[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && headers.length) {
      const h = headers[headers.length - 1]!;
      h.value = `${h.value} ${line.trim()}`.trim();
    } else {
      const c = line.indexOf(':');
      if (c > 0) headers.push({ name: line.slice(0, c).trim(), value: line.slice(c + 1).trim() });
    }
  }
  return { headers, body: b.subarray(Math.min(bodyAt, b.length)) };
}

function param(value: string, name: string): string | null {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, 'i').exec(value);
  return m ? (m[2] ?? m[1]!) : null;
}

function qp(s: string): Buffer {
  const t = s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(t.slice(i + 1, i + 3))) {
      out.push(parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(t.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

function children(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delim = `--${boundary}`;
  const out: Buffer[] = [];
  let start = -1;
  let pos = 0;
  while (pos < text.length) {
    const k = text.indexOf(delim, pos);
    if (k < 0) break;
    pos = k + delim.length;
    if (k !== 0 && text[k - 1] !== '\n') continue;
    if (start >= 0) out.push(body.subarray(start, text[k - 2] === '\r' ? k - 2 : Math.max(start, k - 1)));
    if (text.startsWith('--', pos)) return out;
    const eol = text.indexOf('\n', pos);
    start = eol < 0 ? text.length : eol + 1;
  }
  if (start >= 0 && start < text.length) out.push(body.subarray(start));
  return out;
}

function part(b: Buffer, partId: string, defType: string, depth: number): Record<string, unknown> {
  const { headers, body } = split(b);
  const get = (n: string) => headers.find((h) => h.name.toLowerCase() === n)?.value ?? '';
  const ct = get('content-type');
  const mimeType = (ct.split(';')[0]!.trim().toLowerCase() || defType).includes('/')
    ? ct.split(';')[0]!.trim().toLowerCase() || defType
    : defType;
  const filename = param(get('content-disposition'), 'filename') ?? param(ct, 'name') ?? '';
  const boundary = mimeType.startsWith('multipart/') ? param(ct, 'boundary') : null;
  if (boundary && depth < 30) {
    const kidType = mimeType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    const parts = children(body, boundary).map((c, i) =>
      part(c, partId === '' ? String(i) : `${partId}.${i}`, kidType, depth + 1),
    );
    return { partId, mimeType, filename: '', headers, body: { size: 0 }, parts };
  }
  const cte = get('content-transfer-encoding').toLowerCase().trim();
  const bytes =
    cte === 'base64'
      ? Buffer.from(body.toString('latin1'), 'base64')
      : cte === 'quoted-printable'
        ? qp(body.toString('latin1'))
        : body;
  const attachment =
    /^\s*attachment/i.test(get('content-disposition')) || (filename !== '' && !mimeType.startsWith('text/'));
  return {
    partId,
    mimeType,
    filename,
    headers,
    body: attachment
      ? { attachmentId: 'ANGjdJ' + randomBytes(16).toString('base64url'), size: bytes.length }
      : { size: bytes.length, ...(bytes.length ? { data: bytes.toString('base64url') } : {}) },
  };
}

/** The Gmail `payload` of a raw message. */
export function emlToGmailPayload(raw: Uint8Array): Record<string, unknown> {
  return part(Buffer.from(raw.buffer, raw.byteOffset, raw.length), '', 'text/plain', 0);
}
