/**
 * The cells of a signature block: its lines cleaned of labels, link targets and markup, split into
 * columns and pipe- or bullet-separated cells, and the text each cell has once its contact material
 * (e-mails, URLs, phones and their labels) is removed. The first step of field extraction (../fields.ts).
 * Every pattern is linear-time; lines are capped by capLine.
 */
import { alt } from '../lexicon/index.ts';
import { caselessMatch } from '../lexicon/caseless.ts';
import {
  BIDI_RE,
  capLine,
  findEmails,
  findUrls,
  hasCompanyWord,
  hasStrongCompanyWord,
  hasTitleWord,
  isKeyValueRecord,
  isRuleLine,
  isSigDelimiter,
  looksLikeAddress,
} from '../lines.ts';
import { PAGER_RE, findPhoneSpans, isLoneContactLabel, labelType } from '../phones.ts';
import { IMAGE_RE, LINK_TARGET_RE, MARKDOWN_IMAGE_RE, renderLinks } from '../urls.ts';

/** One cell of a row, as written once the line is cleaned. */
export interface Cell {
  row: number;
  text: string;
}

/** A cell's text without contact material (`text`), beside the cell as written (`raw`). */
export interface TextCell {
  row: number;
  text: string;
  raw: string;
}

/**
 * Cell separators: wide gaps, tabs, a box's ` I ` divider, and ` | `, ` ‖ `, ` • `, ` · `, ` + `, ` * `,
 * ` // ` and a spaced em dash ` — ` (a single ` / ` joins words of one field: "Sales / Marketing").
 */
// " @ " with spaces around it sets a name apart from its firm ("Ger @ Corrib Controls"); an address has none.
const CELL_SPLIT =
  /\s{2,}I\s|\s{3,}|\t+|\s(?:[|‖│┃]|\|\|)\s|\s?｜\s?|\s[•·●▪■◆]\s|\s\+\s|\s\*\s|\s\/\/\s|\s—\s|\s@\s/;
const LABEL_ONLY_RE = new RegExp(`^(?:${alt('contactLabels')})\\s?[:•]?$`, 'i');
/** A trailing label left once the value after it is removed: "Email&MSM:", "Web:". */
const TRAILING_LABEL_RE = /\s[\w&\/.-]{1,15}:$/;

/**
 * vCard-like field labels that head a line ("Navn:     Henrik", "Stilling: Lead Engineer", "Adresse:
 * ...", "地址：..."): the value is the field, the label is not. Contact labels (Tel, E-mail, Web) are read elsewhere.
 */
const FIELD_LABEL_RE = caselessMatch(
  String.raw`^\s*(?:${alt('fieldLabels')})\s{0,12}(?::\s{1,12}|：\s{0,12})(?=\S)`,
  'iu',
);

/** A line without field labels, link targets, image placeholders and bold markers. */
export function cleanLine(line: string): string {
  const l = capLine(line);
  // Machine-generated records ("DEAL_ID = 44721") carry no signature field.
  if (isKeyValueRecord(l)) return '';
  const linked = renderLinks(l.replace(BIDI_RE, ''));
  // Every field label ends with a colon: most lines skip the (Unicode, case-insensitive) label pattern.
  const label = linked.includes(':') || linked.includes('：') ? FIELD_LABEL_RE.match(linked) : null;
  const unlabelled = label === null ? linked : linked.slice(label.length);
  return (
    unlabelled
      .replace(/^\s*[|*+]\s/, ' ')
      .replace(/\s[|*]\s*$/, '')
      .replace(LINK_TARGET_RE, '')
      // An icon's alt text before a number is its label ("[image: móvil] +34 655 550 271").
      .replace(IMAGE_RE, (m) => {
        const alt = /^\[image: ?([^\]]{1,24})\]$/i.exec(m)?.[1];
        return alt && labelType(alt) !== null ? `${alt}: ` : '';
      })
      // Markdown renderings of HTML (help desks, some clients): "**bold**" and "![logo](https://...)" images.
      .replace(/\*\*([^\s*][^*]{0,78}[^\s*]|[^\s*])\*\*/g, '$1')
      .replace(MARKDOWN_IMAGE_RE, '')
      // "*bold*" markers of flattened HTML; a " * " between cells is a separator, not a marker.
      .replace(/\*([^\s*][^*]{0,78}[^\s*]|[^\s*])\*/g, '$1')
  );
}

/** The block's rows: delimiter and rule lines dropped, the rest cleaned (see cleanLine), hard wraps undone. */
export function readRows(lines: string[]): string[] {
  return unwrapRows(lines.filter((l) => !isSigDelimiter(l) && !isRuleLine(l)).map(cleanLine));
}

/** Line widths plain-text clients wrap at (Outlook 72 and 76, others 78). */
const WRAP_WIDTHS = [72, 76, 78];
/** A wrap leaves the line at least this close to its width (the next word did not fit). */
const WRAP_SLACK = 16;

/**
 * A client's hard wrap of a long line ("Senior Director, Strategic Sourcing, ... and Network" / "Planning",
 * "... West Des Moines, Iowa" / "50266, USA"): the rest is joined back to its line with a space. A row is
 * the rest of the one above when that one fills a wrap width so nearly that the rest's first word would not
 * have fitted, and the rest cannot stand as a line of its own: one word, or the end of an address (it opens
 * with a digit or in lower case, or the line above is an address). Neither holds a number, e-mail, link or
 * column gap, and the rest names no organisation or role ("TalentBridge Search Asia, Inc." under a long title
 * line is the company).
 */
function unwrapRows(rows: string[]): string[] {
  const out: string[] = [];
  let joined = false;
  for (const row of rows) {
    const prev = out.length > 0 ? out[out.length - 1]! : null;
    // A joined row is whole: the next row starts a line of its own.
    if (prev !== null && !joined && (wrappedRest(prev, row) || wrappedLegalForm(prev, row))) {
      out[out.length - 1] = `${prev.trimEnd()} ${row.trim()}`;
      joined = true;
    } else {
      out.push(row);
      joined = false;
    }
  }
  return out;
}

/**
 * "Fiona Mackintosh | Contracts Engineer | Clydeside Air Handling" / "Ltd": a legal form alone on the next row
 * is the end of a company name the writer's client wrapped (whatever the width).
 */
function wrappedLegalForm(prev: string, row: string): boolean {
  const r = row.trim();
  return (
    // A legal form alone, in Latin letters ("Ltd", "GmbH", "S.A."), not a CJK company name without spaces.
    /^\p{Lu}[A-Za-z.&]{1,7}$/u.test(r) &&
    hasStrongCompanyWord(r) &&
    /\p{Lu}\p{Ll}+$/u.test(prev.trimEnd()) &&
    !hasStrongCompanyWord(prev)
  );
}

function wrappedRest(prev: string, row: string): boolean {
  const p = prev.trimEnd();
  const r = row.trim();
  const first = r.split(/\s/)[0] ?? '';
  if (r === '' || p === '' || r.split(/\s+/).length > 4 || /[.!?:;|]$/.test(p)) return false;
  if (
    !WRAP_WIDTHS.some((w) => p.length <= w && p.length >= w - WRAP_SLACK && p.length + 1 + first.length > w)
  )
    return false;
  const plain = (s: string) =>
    !CELL_SPLIT.test(s) &&
    !/\p{L}\.\p{L}{2,}/u.test(s) &&
    findEmails(s).length === 0 &&
    findUrls(s).length === 0 &&
    !/\bcid:/i.test(s) &&
    findPhoneSpans(s).length === 0;
  if (!plain(p) || !plain(r) || isLoneContactLabel(r) || hasCompanyWord(r) || hasTitleWord(r)) return false;
  return !/\s/.test(r) || /^[\d\p{Ll}]/u.test(r) || looksLikeAddress(p);
}

/** The cells of the rows, in block order. */
export function splitCells(rows: string[]): Cell[] {
  const cells: Cell[] = [];
  rows.forEach((row, r) => {
    const parts = row.split(CELL_SPLIT).filter((p) => p.trim() !== '');
    // "Houston, Texas   77002": one address written with a wide gap, not two columns.
    const whole = row.trim().replace(/\s+/g, ' ');
    if (
      parts.length === 2 &&
      !parts.some((p) => looksLikeAddress(p)) &&
      looksLikeAddress(whole) &&
      findPhoneSpans(row).length === 0
    ) {
      cells.push({ row: r, text: row.trim() });
    } else for (const part of parts) for (const p of slashCells(part)) cells.push({ row: r, text: p });
  });
  return cells;
}

/**
 * "Account Manager / Northwind Traders Inc.", "Jane Roe / Account Manager / Acme GmbH": a single slash
 * separates cells only when one side names an organisation by its legal form and another has a role
 * noun; otherwise it joins words of one field ("Sales / Marketing Director", "Tel / Fax").
 */
function slashCells(part: string): string[] {
  const t = part.trim();
  if (!t.includes(' / ')) return [t];
  const pieces = t.split(' / ').map((x) => x.trim());
  const org = pieces.findIndex((x) => hasStrongCompanyWord(x));
  const role = pieces.findIndex((x, i) => i !== org && hasTitleWord(x) && !hasStrongCompanyWord(x));
  return org >= 0 && role >= 0 && pieces.every((x) => x !== '') ? pieces : [t];
}

/** Remove contact material (e-mails, URLs, phones and their labels) from a cell; what is left is text. */
export function textOf(cell: string): string {
  let t = cell;
  for (const e of findEmails(t)) t = t.replace(e, ' ');
  t = t.replace(/mailto:/gi, ' ');
  for (const u of findUrls(t)) {
    // A cell that is only a bare domain ("Alphacomm.net") may be the company's name as written.
    if (u.text === t.trim() && !/^(?:https?:\/\/|www\.)/i.test(u.text) && !u.text.includes('/')) continue;
    t = t.replace(u.text, ' ');
  }
  const phones = findPhoneSpans(t);
  for (const p of phones) t = t.replace(p.raw, ' ');
  // A pager number and its label ("Bleep 4471") are contact material too.
  t = t.replace(PAGER_RE, ' ');
  // An emptied link wrapper goes; a language pair written with "<>" ("Vietnamese <> English") stays.
  t = t
    .replace(/(?<!\p{L} )<\s*>|<\s*>(?! \p{L})/gu, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\[\s*\]/g, ' ');
  t = t.replace(/\s+/g, ' ').trim().replace(TRAILING_LABEL_RE, '');
  t = t.replace(/^[-–•|:,;]+\s?|\s?[-–•|:,;]+$/g, '').trim();
  if (LABEL_ONLY_RE.test(t) || labelType(t) !== null || /^direct dial$/i.test(t)) return '';
  // One word written right before a number is its label, known or not ("Celler +1 555 010 9492").
  if (phones.length > 0 && /^\p{L}{2,12}\.?$/u.test(t) && cell.trimStart().startsWith(t)) return '';
  return t;
}

/** The cells that keep text once contact material is removed, in block order. */
export function textCells(cells: Cell[]): TextCell[] {
  return cells
    .map((cell) => ({ row: cell.row, text: textOf(cell.text), raw: cell.text }))
    .filter((t) => t.text !== '');
}
