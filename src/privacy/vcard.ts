/**
 * The privacy-center export as a vCard (RFC 6350, version 4.0): the person's own contact data as a directory
 * holds it, one card per profile, for their address book. Only their own fields (name, title, company and
 * department, e-mails, phones, business address, websites, social profiles); never the provenance, a
 * contributor or a connection. Pure: it formats the document `exportPerson` returns, and the download that
 * asks for it is logged as an access request exactly like the JSON one.
 *
 * Text values are escaped as RFC 6350 §3.4 says (backslash, comma, semicolon, newline), and lines are folded
 * at 75 octets (§3.2) without splitting a UTF-8 character; lines end with CRLF.
 */

type Row = Record<string, unknown>;

/** RFC 6350 §3.4: "\\" "\," "\;" and "\n" in a text value; other control characters are dropped. */
export function escapeText(v: string): string {
  return v
    .replace(/\r\n?/g, '\n')
    .replace(/[\\,;]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** One content line folded at 75 octets (RFC 6350 §3.2): CRLF and one space before each continuation. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    // The first line holds 75 octets; a continuation line 74 after its leading space.
    if (octets + n > (out.length === 0 ? 75 : 74)) {
      out.push(cur);
      cur = '';
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];

/** RFC 6350 TYPE values for our phone kinds (§6.4.1: work, cell, fax; `voice` for the rest). */
const TEL_TYPE: Record<string, string> = { work: 'work,voice', mobile: 'cell', fax: 'fax', other: 'voice' };

/** A `tel:` URI (RFC 3966) when the number is valid E.164, else the number as written, as text. */
function telLine(p: Row): string | null {
  const type = TEL_TYPE[String(p.type)] ?? 'voice';
  const e164 = str(p.e164);
  if (e164 && /^\+[1-9][0-9]{1,14}$/.test(e164)) return `TEL;VALUE=uri;TYPE="${type}":tel:${e164}`;
  const raw = str(p.raw);
  return raw ? `TEL;VALUE=text;TYPE="${type}":${escapeText(raw)}` : null;
}

/** One profile of the export as the content lines of a card (without BEGIN/END). */
function cardLines(p: Row, revision: string): string[] {
  const email = str(p.email) ?? '';
  const lines = ['VERSION:4.0', 'PRODID:-//sigmine//privacy export//EN'];
  // FN is the one required property (§6.2.1): the name, else the address.
  lines.push(`FN:${escapeText(str(p.name) ?? email)}`);
  const emails = [email, ...strings(p.emails).filter((e) => e !== email)].filter(Boolean);
  emails.forEach((e, i) => lines.push(`EMAIL;TYPE=work${i === 0 ? ';PREF=1' : ''}:${escapeText(e)}`));
  const title = str(p.title);
  if (title) lines.push(`TITLE:${escapeText(title)}`);
  const company = str(p.company);
  const department = str(p.department);
  // ORG is "organisation;unit" (§6.6.4): the components are escaped, the separator is not.
  if (company || department)
    lines.push(`ORG:${escapeText(company ?? '')}${department ? `;${escapeText(department)}` : ''}`);
  const phones = Array.isArray(p.phones) ? (p.phones as Row[]) : [];
  for (const ph of phones) {
    const l = telLine(ph);
    if (l) lines.push(l);
  }
  // The address as one text: its parts are not known apart, so it is the street component (§6.3.1).
  const address = str(p.address);
  if (address) lines.push(`ADR;TYPE=work:;;${escapeText(address)};;;;`);
  for (const w of strings(p.websites)) lines.push(`URL;TYPE=work:${escapeText(w)}`);
  for (const s of strings(p.social)) lines.push(`X-SOCIALPROFILE:${escapeText(s)}`);
  lines.push(`REV:${revision.replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  return lines;
}

/** The export document as a vCard stream: one card per profile (none when nothing is held). */
export function exportToVCard(doc: Row): string {
  const profiles = Array.isArray(doc.profiles) ? (doc.profiles as Row[]) : [];
  const revision = str(doc.exportedAt) ?? new Date().toISOString();
  return profiles
    .map((p) => ['BEGIN:VCARD', ...cardLines(p, revision), 'END:VCARD'].map(foldLine).join('\r\n') + '\r\n')
    .join('');
}
