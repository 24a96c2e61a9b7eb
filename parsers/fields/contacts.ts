/**
 * Contact details of a signature block as written: phones with their types (labels read across the row,
 * continuation rows inheriting the label), extensions written alone, and e-mail addresses once each.
 * Websites and social profiles come from ../urls.ts. Part of field extraction (../fields.ts).
 */
import type { CountryCode } from 'libphonenumber-js';
import type { Phone, PhoneType } from '../types.ts';
import { findEmails } from '../lines.ts';
import { PAGER_RE, labelAfter, labelType, phonesOfLine } from '../phones.ts';
import type { Cell } from './cells.ts';

/** The phones of the block's rows, in order, typed by their labels; `region` parses national numbers. */
export function phonesOfRows(rows: string[], region: CountryCode): Phone[] {
  let inherit: PhoneType | null = null;
  // A label alone on its row ("Mobile", "M:") types the number on the next row (table layouts).
  let labelRow: PhoneType | null = null;
  const phones: Phone[] = [];
  for (const row of rows) {
    const res = phonesOfLine(row, region, inherit);
    const first = res.phones[0];
    if (labelRow && first && unlabelled(row, first.raw)) first.type = labelRow;
    phones.push(...res.phones);
    labelRow = res.phones.length === 0 && row.trim().length <= 20 ? labelType(row.trim()) : null;
    inherit = res.phones.length > 0 ? (res.last ?? 'work') : row.trim() === '' ? null : inherit;
    // "Ext. 214", "x3456", "X31545"; not an Irish postcode's or a private bag's ("P67 X555", "Private Bag X5512").
    const ext = /(?:^|\s)(?<!\b[A-Z]\d[\dW] |\bBag )(?:Extn|Ext|x)\.?[:\s-]{0,3}(\d(?:-?\d){2,6})\b/i.exec(
      row,
    );
    if (ext && !res.phones.some((p) => p.raw.includes(ext[1]!))) {
      phones.push({
        type: 'work',
        e164: null,
        raw: ext[0].replace(/^\s*(?:Extn|Ext)\.?[:\s]{0,3}/i, '').trim(),
      });
    } else if (res.phones.length === 0) {
      // An internal extension alone, or in a column after a short sign-off ("DG    3-9573").
      const alone = INTERNAL_EXT_RE.exec(row);
      if (alone) phones.push({ type: 'work', e164: null, raw: alone[1]! });
    }
    // "Bleep 4471": a pager number too short to be a phone.
    const pager = PAGER_RE.exec(row);
    if (pager && !phones.some((p) => p.raw.includes(pager[1]!)))
      phones.push({ type: 'other', e164: null, raw: pager[1]! });
  }
  // A number written twice with the same type (both halves of a block in two languages) is one phone.
  return phones.filter(
    (p, i) => p.e164 === null || !phones.slice(0, i).some((q) => q.e164 === p.e164 && q.type === p.type),
  );
}

const INTERNAL_EXT_RE = /^\s*(?:\S{1,20}(?: \S{1,20})?(?: {2,}|\t+))?(\d-\d{4})\s*$/;

/** Is the number the row's first text, with no label after it ("+44 7700 900 123", not "... (fax)")? */
function unlabelled(row: string, raw: string): boolean {
  const at = row.indexOf(raw);
  if (at < 0 || row.slice(0, at).trim() !== '') return false;
  const after = labelAfter(row.slice(at + raw.length));
  return after === null || labelType(after) === null;
}

/** The e-mail addresses of the cells as written, each once (compared case-insensitively). */
export function emailsOfCells(cells: Cell[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const cell of cells) {
    for (const e of findEmails(cell.text.replace(/mailto:/gi, ''))) {
      if (!seen.has(e.toLowerCase())) {
        seen.add(e.toLowerCase());
        out.push(e);
      }
    }
  }
  return out;
}
