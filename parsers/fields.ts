/**
 * Contact fields from the lines of a signature block: name, title, department, company, phones, e-mails,
 * websites, social profiles and business address, as written.
 *
 * Precision beats recall: a field is only filled when its line carries clear evidence (title vocabulary,
 * company suffix or the sender's domain name, address shapes, phone labels). Multi-column blocks are
 * read cell by cell. Every pattern is linear-time and lines are capped (see lines.ts).
 */
import type { Address, Contact, Phone, PhoneType } from './types.ts';
import { emptyContact } from './types.ts';
import { alt } from './lexicon/index.ts';
import {
  BIDI_RE,
  capLine,
  findEmails,
  findUrls,
  hasCompanyWord,
  hasStrongCompanyWord,
  hasTitleWord,
  isCountryLine,
  isKeyValueRecord,
  isRuleLine,
  isSigDelimiter,
  looksLikeAddress,
  looksLikeName,
  mentionsSender,
  wordCount,
} from './lines.ts';
import { defaultRegion, findPhoneSpans, labelType, phonesOfLine } from './phones.ts';
import { IMAGE_RE, LINK_TARGET_RE, isSocial, renderLinks, urlsOfBlock } from './urls.ts';
import {
  looksLikeDepartment,
  looksLikeUnitHeading,
  namesFunction,
  startsWithUnitWord,
} from './department.ts';

/** Cell separators: wide gaps, tabs, a box's ` I ` divider, and ` | `, ` ‖ `, ` • `, ` · `, ` + `, ` * `. */
const CELL_SPLIT = /\s{2,}I\s|\s{3,}|\t+|\s[|‖]\s|\s[•·]\s|\s\+\s|\s\*\s/;
const LABEL_ONLY_RE =
  /^(?:e-?mail|email&msm|mail|web|website|w|url|homepage|home page|internet|tel|phone|fax|mobile|cell|m|t|f|p|v|e|ph|personal weblog|cv\/resume|aol-im|aol im|icq#?)\s?[:•]?$/i;
/** A trailing label left once the value after it is removed: "Email&MSM:", "Web:". */
const TRAILING_LABEL_RE = /\s[\w&\/.-]{1,15}:$/;
const CREDENTIAL_RE =
  /,?\s(?:Ph\.?\s?D\.?|PhD|MBA|CFA|CPA|P\.?E\.?|Esq\.?|M\.?D\.?|MSc|M\.Sc\.|Dipl\.-Ing\.|Jr\.|Sr\.|III|II)(?=$|[\s,])/g;
const DEPT_RE =
  /\b(?:department|dept\.?|division|school of|faculty of|research group|team|desk|support|laboratory of|lab of)\b/i;

/** A unit of the organisation: the legacy keywords, or the multilingual vocabulary of department.ts. */
function isDepartment(s: string): boolean {
  return DEPT_RE.test(s) || looksLikeDepartment(s);
}

/** "光商事株式会社 営業部": a CJK company name followed by its unit on the same cell. */
const CJK_ORG_UNIT_RE =
  /^(\S{1,30}(?:株式会社|有限会社|合同会社)|(?:株式会社|有限会社|合同会社)\S{1,30})\s(\S{1,20})$/u;

/**
 * A street written as name then number, above a postcode line: "Am Wolfsmantel 33", "Kaai 12",
 * "Mannerheimintie 10 A", "Mariahilfer Straße 88/3/12", "Nørregade 14, 2. sal".
 */
const STREET_LINE_RE =
  /^\p{Lu}[\p{L}.'-]{1,30}(?: [\p{L}.'-]{1,30}){0,3} \d{1,4}(?:[a-z]| [A-Z]|\/\d{1,4}){0,3}(?:, [\p{L}\d. ]{1,20})?$/u;

/** Sales regions written after a title ("Regional Sales Manager, APAC") are neither company nor unit. */
/** Australian states and Canadian provinces are regions too ("Regional Manager, NSW"). */
const REGION_RE =
  /^(?:APAC|APJ|EMEA|MEA|LATAM|AMER|NA|NAM|NORAM|EU|UK|US|USA|CEE|DACH|ANZ|SEA|GCC|NSW|VIC|QLD|WA|SA|TAS|ACT|NT|ON|QC|BC|AB|MB|SK|NS|NB|NL|PEI)$/;

interface Cell {
  row: number;
  text: string;
}

/**
 * vCard-like field labels that head a line ("Navn:     Henrik", "Stilling: Lead Engineer", "Adresse:
 * ..."): the value is the field, the label is not. Contact labels (Tel, E-mail, Web) are read elsewhere.
 */
const FIELD_LABEL_RE = new RegExp(String.raw`^\s*(?:${alt('fieldLabels')})\s{0,12}:\s{1,12}(?=\S)`, 'i');

function cleanLine(line: string): string {
  const l = capLine(line);
  // Machine-generated records ("DEAL_ID = 44721") carry no signature field.
  if (isKeyValueRecord(l)) return '';
  return (
    renderLinks(l.replace(BIDI_RE, ''))
      .replace(FIELD_LABEL_RE, '')
      .replace(/^\s*[|*+]\s/, ' ')
      .replace(/\s[|*]\s*$/, '')
      .replace(LINK_TARGET_RE, '')
      .replace(IMAGE_RE, '')
      // "*bold*" markers of flattened HTML; a " * " between cells is a separator, not a marker.
      .replace(/\*([^\s*][^*]{0,78}[^\s*]|[^\s*])\*/g, '$1')
  );
}

function stripName(s: string): string {
  let t = s.trim();
  t = t.replace(/^(?:rgds|regards|thanks|cheers|best|br)[,.]\s?/i, '');
  t = t.replace(/^(?:i\.\s?A\.|i\.\s?V\.|ppa\.)\s+/, '');
  // British style writes honorifics without the dot: "Dr Emma Hughes".
  t = t.replace(/^(?:Dr|Prof|Mr|Mrs|Ms|Mx)\s+(?=\p{Lu})/u, '');
  t = t
    .replace(
      /^(?:Dr\.|Prof\.|Dipl\.-Ing\.|Mr\.|Ms\.|Mrs\.|Arch\.|Ing\.|Avv\.|Dott\.|Dott\.ssa|Geom\.|Mag\.|Lic\.|Sr\.|Sra\.|Me|Maître|Maitre)\s+/g,
      '',
    )
    .replace(/^(?:Dr\.|Prof\.|Dipl\.-Ing\.)\s+/g, '')
    // German degrees written with their subject: "Dr.-Ing.", "Dipl.-Kfm.", "Dipl.-Wirt.-Ing.", "Dr. rer. pol.".
    .replace(/^(?:Dipl|Dr)\.-(?:\p{L}{1,6}\.-?){1,3}\s+(?=\p{Lu})/u, '')
    // The faculty of a German doctorate follows "Dr.": "Dr. med.", "Dr. rer. nat.", "Dr.-Ing.".
    .replace(/^(?:med\.|rer\.\s?nat\.|phil\.|jur\.|oec\.|-Ing\.)\s+(?=\p{Lu})/u, '');
  t = t.replace(CREDENTIAL_RE, '');
  t = t.replace(/\s?\((?:he|she|they)\/[a-z]{2,5}\)/i, '');
  // Honorifics in brackets ("Tan Wei Ling (Ms)") and a romanised reading after a CJK name.
  t = t.replace(/\s?\((?:Ms|Mr|Mrs|Miss|Mx|Dr)\.?\)/, '');
  if (/^[\p{Script=Han}\p{Script=Hangul}]/u.test(t)) t = t.replace(/\s?[（(][A-Za-z .'-]{2,40}[)）]$/, '');
  return dropTrailingCredentials(t.replace(/[,;]\s*$/, '').trim());
}

/**
 * Post-nominal credentials after a mixed-case name: "Oliver Smythe MRICS", "Jo Bloggs CA(SA)",
 * "Dan Fitz P.Eng.". An all-caps name ("JOHN SMITH") keeps its tokens.
 */
function dropTrailingCredentials(name: string): string {
  const toks = name.split(/\s+/);
  if (!toks.slice(0, 2).every((w) => /\p{Ll}/u.test(w))) return name;
  while (
    toks.length > 2 &&
    /^,?(?:\p{Lu}{2,6}(?:\(\p{Lu}{2,4}\))?|P\.\s?Eng\.?|\p{Lu}\.(?:\p{Lu}\.){1,3}),?$/u.test(
      toks[toks.length - 1]!,
    )
  )
    toks.pop();
  return toks.join(' ').replace(/,$/, '');
}

/** A CJK personal name written without a space: two to four Han or Hangul characters. */
const UNSPACED_CJK_NAME_RE = /^[\p{Script=Han}\p{Script=Hangul}]{2,4}$/u;
/** "営業部 部長", "销售部 经理", "영업부 과장": a CJK unit, a space, then a rank of one to six characters. */
const CJK_UNIT_RANK_RE =
  /^([\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー・&]{1,12}(?:[ 　][\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー・&]{1,12})?)[ 　]([\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー]{1,6})$/u;
/** "Head of Partnerships at Acme Widgets": a title, then its organisation. */
const TITLE_AT_ORG_RE = /^(.{3,60}?) (?:at|@) ([A-Z][\p{L}&.' -]{1,50})$/u;

/** A Korean or Japanese rank written with the name ("김민준 과장", "課長 山田 太郎"): [rank, name]. */
const CJK_RANK_RE = new RegExp(`^(${alt('ranks')})[ 　](.{2,12})$|^(.{2,12}?)[ 　](${alt('ranks')})$`, 'u');

function domainLabels(email: string | null): string[] {
  const host = email?.split('@')[1]?.toLowerCase() ?? '';
  return host
    .split('.')
    .slice(0, -1)
    .filter((p) => p.length >= 3 && !/^(?:com|co|org|net|mail|email|www|corp|info)$/.test(p));
}

/** Does a cell name the sender's organisation (a token equal to a label of the sender's domain)? */
function matchesDomain(cell: string, labels: string[]): boolean {
  const toks = cell.toLowerCase().split(/[^a-z0-9]+/);
  const joined = cell.toLowerCase().replace(/[^a-z0-9]/g, '');
  // "Fleishman-Hillard Saunders" at fhs.ie: the initials spell the domain label.
  const initials = cell
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join('');
  return labels.some(
    (l) =>
      toks.includes(l) ||
      joined === l ||
      (l.length >= 5 && joined.startsWith(l)) ||
      // "Northgate Customs Brokerage" at northgate-customs: a hyphenated label spells the name's start.
      (l.includes('-') && l.length >= 6 && joined.startsWith(l.replace(/-/g, ''))) ||
      (initials.length >= 3 && initials === l),
  );
}

function isCompanyCell(c: string, labels: string[]): boolean {
  if (wordCount(c) > 7 || c.length > 60 || /[@]/.test(c)) return false;
  return hasCompanyWord(c) || matchesDomain(c, labels);
}

/** Remove contact material (e-mails, URLs, phones and their labels) from a cell; what is left is text. */
function textOf(cell: string): string {
  let t = cell;
  for (const e of findEmails(t)) t = t.replace(e, ' ');
  t = t.replace(/mailto:/gi, ' ');
  for (const u of findUrls(t)) {
    // A cell that is only a bare domain ("Alphacomm.net") may be the company's name as written.
    if (u.text === t.trim() && !/^(?:https?:\/\/|www\.)/i.test(u.text) && !u.text.includes('/')) continue;
    t = t.replace(u.text, ' ');
  }
  for (const p of findPhoneSpans(t)) t = t.replace(p.raw, ' ');
  t = t
    .replace(/<\s*>/g, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\[\s*\]/g, ' ');
  t = t.replace(/\s+/g, ' ').trim().replace(TRAILING_LABEL_RE, '');
  t = t.replace(/^[-–•|:,;]+\s?|\s?[-–•|:,;]+$/g, '').trim();
  if (LABEL_ONLY_RE.test(t) || labelType(t) !== null || /^direct dial$/i.test(t)) return '';
  return t;
}

/** Business contact fields stated by the signature lines (see Contact). */
export function extractFields(lines: string[], from: Address): Contact {
  const c = emptyContact();
  const labels = domainLabels(from.email);
  // Hosts of URLs in the block name the organisation too ("virCIO   http://www.virCIO.Com").
  for (const line of lines) {
    for (const u of findUrls(capLine(line))) {
      const host = u.text.replace(/^https?:\/\//i, '').split('/')[0] ?? '';
      // A social site's host ("linkedin.com/in/...") names the site, not the sender's organisation.
      if (/^(?:https?:\/\/|www\.)/i.test(u.text) && isSocial(u.text, from) === null)
        for (const l of domainLabels(`x@${host}`)) if (!labels.includes(l)) labels.push(l);
    }
  }
  const blockText = lines.join('\n');
  const region = defaultRegion(from.email, blockText);
  const cells: Cell[] = [];
  const rows = lines.filter((l) => !isSigDelimiter(l) && !isRuleLine(l)).map(cleanLine);
  let inherit: PhoneType | null = null;
  const phones: Phone[] = [];
  rows.forEach((row, r) => {
    // Phones (labels read across the whole line, continuation lines inherit the label).
    const res = phonesOfLine(row, region, inherit);
    phones.push(...res.phones);
    inherit = res.phones.length > 0 ? (res.last ?? 'work') : row.trim() === '' ? null : inherit;
    const ext = /(?:^|\s)(?:Extn|Ext|x)\.?[:\s-]{0,3}(\d(?:-?\d){2,6})\b/i.exec(row);
    if (ext && !res.phones.some((p) => p.raw.includes(ext[1]!))) {
      phones.push({
        type: 'work',
        e164: null,
        raw: ext[0].replace(/^\s*(?:Extn|Ext)\.?[:\s]{0,3}/i, '').trim(),
      });
    } else if (res.phones.length === 0 && /^\s*\d-\d{4}\s*$/.test(row))
      phones.push({ type: 'work', e164: null, raw: row.trim() });
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
    } else for (const part of parts) cells.push({ row: r, text: part.trim() });
  });
  c.phones = phones;

  // E-mails and URLs, as written.
  const seenMail = new Set<string>();
  for (const cell of cells) {
    for (const e of findEmails(cell.text.replace(/mailto:/gi, ''))) {
      if (!seenMail.has(e.toLowerCase())) {
        seenMail.add(e.toLowerCase());
        c.emails.push(e);
      }
    }
  }
  const urls = urlsOfBlock(lines, from);
  c.websites = urls.websites;
  c.social = urls.social;

  // Text cells: what is left once contact material is removed.
  const texts = cells
    .map((cell) => ({ row: cell.row, text: textOf(cell.text), raw: cell.text }))
    .filter((t) => t.text !== '');
  const used = new Set<number>();

  // Name: the first name-shaped text cell naming the sender, else a multi-word one heading the block.
  let nameRow = -1;
  for (let i = 0; i < Math.min(texts.length, 4); i++) {
    const t = texts[i]!;
    const head = t.text.split(/,\s|\s[-–]\s/)[0] ?? '';
    let name = stripName(head);
    // "Jane Roe CFO": a role acronym after the name is its title, not a post-nominal credential.
    const dropped = head
      .trim()
      .replace(/[,;]\s*$/, '')
      .slice(name.length)
      .trim();
    const acronymTitle =
      dropped !== '' && head.trim().startsWith(name) && hasTitleWord(dropped) && wordCount(dropped) <= 2
        ? dropped
        : null;
    const rank = CJK_RANK_RE.exec(name);
    if (rank && looksLikeName(rank[2] ?? rank[3]!)) {
      name = rank[2] ?? rank[3]!;
      c.title ??= rank[1] ?? rank[4]!;
    }
    if (
      !looksLikeName(name) ||
      hasCompanyWord(name) ||
      (hasTitleWord(name) && !mentionsSender(name, from.name, from.email))
    )
      continue;
    // A CJK name may mention the sender only through its romanised reading ("山田 太郎（Taro Yamada）").
    const mention =
      mentionsSender(name, from.name, from.email) ||
      (/^[\p{Script=Han}\p{Script=Hangul}]/u.test(name) && mentionsSender(head, from.name, from.email));
    // Chinese, Japanese and Korean names are often written without a space ("王小明", "山田太郎").
    if (mention || (i === 0 && (wordCount(name) >= 2 || UNSPACED_CJK_NAME_RE.test(name)))) {
      c.name = name.replace(/^<|>$/g, '');
      nameRow = t.row;
      used.add(i);
      if (acronymTitle) c.title ??= acronymTitle;
      // The rest of the name cell: ", CTO", ", CTO, Company", " - Department, Company".
      const rest = t.text.slice(t.text.indexOf(head) + head.length).replace(/^\s?(?:,|[-–])\s?/, '');
      if (rest) {
        // ", CTO, Company", " - Title - Company", "Title at Company": one field per segment.
        for (const seg of rest.split(/,\s?|\s[-–]\s/)) {
          const s = seg.replace(/\s?\([^)]{0,60}\)\s?$/, '').trim();
          if (!s) continue;
          const at = TITLE_AT_ORG_RE.exec(s);
          if (!c.title && at && hasTitleWord(at[1]!) && !hasTitleWord(at[2]!)) {
            c.title = at[1]!;
            c.company ??= at[2]!.trim();
          } else if (!c.title && hasTitleWord(s) && wordCount(s) <= 6) c.title = s;
          else if (!c.department && isDepartment(s)) c.department = s;
          else if (
            !c.company &&
            (isCompanyCell(s, labels) ||
              (c.title && /^[A-Z]/.test(s) && wordCount(s) <= 4 && !isCountryLine(s)))
          )
            c.company = s;
        }
      }
      break;
    }
    // A block may open with its organisation (Japanese blocks do): the name can follow it.
    if (i === 0 && !mention && !isCompanyCell(t.text, labels)) break;
  }

  // Address: address-shaped cells, plus short cells between two of them, in block order.
  // Dashes between address parts ("Av. Paulista, 1000 - 10º andar - Bela Vista") are no words.
  const isAddr = texts.map(
    (t) =>
      looksLikeAddress(t.text) && wordCount(t.text.replace(/\s[-–]\s/g, ' ')) <= 12 && !hasTitleWord(t.text),
  );
  for (let i = 1; i < texts.length - 1; i++) {
    const t = texts[i]!.text;
    if (
      !isAddr[i] &&
      isAddr[i - 1] &&
      isAddr[i + 1] &&
      wordCount(t) <= 4 &&
      !used.has(i) &&
      !hasTitleWord(t) &&
      !isDepartment(t)
    )
      isAddr[i] = true;
  }
  for (let i = 0; i < texts.length; i++) {
    const segs = texts[i]!.text.split(/,\s?/);
    if (
      !isAddr[i] &&
      segs.length >= 2 &&
      isCountryLine(segs[segs.length - 1]!) &&
      wordCount(texts[i]!.text) <= 6 &&
      // "Research Director, UK": a title's territory, not where the organisation is.
      !(hasTitleWord(segs[0]!) && !hasCompanyWord(segs[0]!))
    ) {
      // "Oracle EMEA , Dublin, Ireland": the organisation, then where it is.
      const head = segs[0]!.trim();
      if (!c.company && segs.length >= 3 && (hasCompanyWord(head) || matchesDomain(head, labels))) {
        c.company = head;
        c.address = segs
          .slice(1)
          .map((x) => x.trim())
          .join(', ');
        used.add(i);
      } else isAddr[i] = true;
    }
  }
  // "Am Wolfsmantel 33" above "D 91058 Erlangen": a street with a house number heads the address.
  for (let i = 0; i + 1 < texts.length; i++) {
    if (
      !isAddr[i] &&
      isAddr[i + 1] &&
      STREET_LINE_RE.test(texts[i]!.text) &&
      !hasTitleWord(texts[i]!.text) &&
      !used.has(i)
    )
      isAddr[i] = true;
  }
  // An address line ending with a comma continues on the next line ("Ring Road," / "Kadirenahalli,").
  for (let i = 0; i + 1 < texts.length; i++) {
    const next = texts[i + 1]!;
    if (
      isAddr[i] &&
      /,\s*$/.test(texts[i]!.raw) &&
      next.row === texts[i]!.row + 1 &&
      wordCount(next.text) <= 5 &&
      !used.has(i + 1) &&
      !hasTitleWord(next.text)
    )
      isAddr[i + 1] = true;
  }
  // A country or city line directly after an address line belongs to it.
  for (let i = 1; i < texts.length; i++) {
    if (
      !isAddr[i] &&
      isAddr[i - 1] &&
      (isCountryLine(texts[i]!.text) || /^[A-Z][a-z]+(?: \d{1,2})?$/.test(texts[i]!.text)) &&
      texts[i]!.row === texts[i - 1]!.row + 1
    )
      isAddr[i] = true;
  }

  // Titles first (a role noun, no legal form), then the organisation: a legal form, an institution or
  // the sender's domain name beats a unit-like name ("... Services", "... Center"), which becomes the
  // department when both are present.
  const orgCands: { i: number; text: string; strong: boolean; legal?: boolean }[] = [];
  let headUnit: string | undefined;
  let titleRow = c.title ? nameRow : -1;
  // "Senior Consultant, Supply Chain Advisory", "Chef de projet – Service Informatique": a heading beside
  // the title that names a function; it becomes the unit only once a company is found elsewhere.
  let looseUnit: { i: number; title: string; unit: string } | undefined;
  // Words of the address cells: a heading beside the title that shares one names a place, not a unit.
  const addrWords = new Set(
    texts
      .filter((_, i) => isAddr[i])
      .flatMap((t) => t.text.toLowerCase().split(/[^\p{L}]+/u))
      .filter((w) => w.length >= 3),
  );
  const besideTitle = (x: string): boolean =>
    looksLikeUnitHeading(x) &&
    !hasTitleWord(x) &&
    !isCountryLine(x) &&
    !mentionsSender(x, from.name, from.email) &&
    !x
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .some((w) => addrWords.has(w));
  for (let i = 0; i < texts.length; i++) {
    if (used.has(i) || isAddr[i]) continue;
    const t = texts[i]!.text;
    if (wordCount(t) > 9 || t.length > 80) continue;
    const comma = t.lastIndexOf(', ');
    const tail = comma > 0 ? t.slice(comma + 2) : '';
    const headPart = comma > 0 ? t.slice(0, comma) : t;
    // "Head of Partnerships at Acme Widgets Inc.": the legal form belongs to the organisation after "at".
    const titleAt = TITLE_AT_ORG_RE.exec(t);
    const titlePart =
      titleAt && hasTitleWord(titleAt[1]!) && !hasTitleWord(titleAt[2]!) ? titleAt[1]! : headPart;
    // "Acme Widgets Inc., CFO": an organisation, then its role.
    const orgThenRole =
      tail !== '' && hasTitleWord(tail) && !hasTitleWord(headPart) && isCompanyCell(headPart, labels);
    if (
      !c.title &&
      hasTitleWord(t) &&
      (!hasStrongCompanyWord(titlePart) || orgThenRole) &&
      // Czech and Polish write titles in lower case ("jednatel"): accepted right under the name.
      (!/^[a-z]/.test(t) || (texts[i]!.row === nameRow + 1 && wordCount(t) <= 3)) &&
      !startsWithUnitWord(t)
    ) {
      const unitRank = CJK_UNIT_RANK_RE.exec(t);
      if (
        unitRank &&
        looksLikeDepartment(unitRank[1]!) &&
        !hasTitleWord(unitRank[1]!.replace(/[部課室]$/u, ''))
      ) {
        // "営業部 部長", "销售部 经理": the unit, then the rank on the same line.
        c.title = unitRank[2]!;
        if (!c.department) c.department = unitRank[1]!;
      } else if (orgThenRole) {
        // "Acme Widgets, CFO": the organisation, then the role.
        c.title = tail;
        orgCands.push({ i, text: headPart, strong: true, legal: hasStrongCompanyWord(headPart) });
      } else if (
        tail &&
        (hasStrongCompanyWord(tail) ||
          matchesDomain(tail, labels) ||
          (/^[A-Z]{2,5}$/.test(tail) && !REGION_RE.test(tail)))
      ) {
        c.title = headPart;
        orgCands.push({ i, text: tail.replace(/\s?\([^)]{0,60}\)$/, ''), strong: true, legal: true });
      } else if (tail && !hasTitleWord(tail) && isDepartment(tail) && !headPart.includes(', ')) {
        // "Senior Account Manager, Corporate Banking", "Conseillère principale, Service des communications"
        c.title = headPart;
        if (!c.department) c.department = tail;
      } else if (/\s[-–]\s/.test(t)) {
        const segs = t.split(/\s[-–]\s/);
        const withTitle = segs.filter((x) => hasTitleWord(x));
        if (withTitle.length === 1) c.title = withTitle[0]!.trim();
        // "Gerente de Vendas – Departamento Comercial", "Technical Lead - Cloud Platform Team"
        const other = segs.length === 2 ? segs.find((x) => !hasTitleWord(x))?.trim() : undefined;
        if (withTitle.length === 1 && other && !c.department && isDepartment(other)) c.department = other;
        else if (withTitle.length === 1 && other && (namesFunction(other) || besideTitle(other)))
          looseUnit = { i, title: c.title!, unit: other };
      } else if (titleAt) {
        // "Software Engineer at Northwind Traders"
        const m = titleAt;
        c.title = m[1]!;
        orgCands.push({ i, text: m[2]!.trim(), strong: true, legal: hasStrongCompanyWord(m[2]!) });
      } else {
        c.title = t;
        if (tail && !headPart.includes(', ') && !hasTitleWord(tail) && namesFunction(tail))
          looseUnit = { i, title: headPart, unit: tail };
      }
      titleRow = texts[i]!.row;
      used.add(i);
      continue;
    }
    const dashHead = t.split(/\s[-–]\s/)[0] ?? t;
    if (
      isDepartment(t) &&
      wordCount(t) <= 6 &&
      !hasStrongCompanyWord(t) &&
      !(dashHead !== t && isCompanyCell(dashHead, labels))
    ) {
      if (!c.department) c.department = t;
      used.add(i);
      continue;
    }
    // "R&D, VoiceAge Corporation": the segment naming the organisation.
    const segs = t.split(/,\s(?!(?:Inc|Ltd|LLC|LLP|Corp)\b)/);
    const unitHead =
      segs.length > 1 && (!/[a-z]/.test(segs[0]!) || hasTitleWord(segs[0]!) || isDepartment(segs[0]!));
    const orgSeg = unitHead ? segs.find((x) => hasStrongCompanyWord(x)) : undefined;
    // "Global Marketing Dept., Hoshizora Inc.": the unit before the organisation.
    // A unit line of its own further down wins over this one.
    if (orgSeg && segs.length === 2 && segs[0] !== orgSeg && isDepartment(segs[0]!))
      headUnit ??= segs[0]!.trim();
    const cand = orgSeg ?? t;
    const first = cand.split(/\s[-–]\s/)[0] ?? cand;
    if (/^[a-z]/.test(first) && !matchesDomain(first, labels)) continue;
    if (isCompanyCell(first, labels)) {
      orgCands.push({
        i,
        text: cand,
        strong: hasStrongCompanyWord(first) || matchesDomain(first, labels),
        legal: hasStrongCompanyWord(first),
      });
    }
  }
  if (!c.department && headUnit) c.department = headUnit;
  // "University of the Western Cape, Bellville 7535, South Africa": an institution or a legal form heading
  // an address line is the organisation when no other line names one.
  let addrOrg: { i: number; head: string; rest: string } | undefined;
  for (let i = 0; i < texts.length && !addrOrg; i++) {
    if (!isAddr[i] || used.has(i)) continue;
    const segs = texts[i]!.text.split(/,\s(?!(?:Inc|Ltd|LLC|LLP|Corp)\b)/);
    const head = segs[0]!.trim();
    if (
      segs.length >= 3 &&
      hasStrongCompanyWord(head) &&
      !/\d/.test(head) &&
      !looksLikeAddress(head) &&
      wordCount(head) <= 7
    )
      addrOrg = { i, head, rest: segs.slice(1).join(', ') };
  }
  const chosen = orgCands.find((o) => o.legal) ?? orgCands.find((o) => o.strong) ?? orgCands[0];
  if (chosen) {
    const t = chosen.text;
    const dash = t.split(/\s[-–]\s/);
    const countryTail = t.split(/\s?,\s/);
    const cjk = CJK_ORG_UNIT_RE.exec(t);
    if (cjk && looksLikeDepartment(cjk[2]!)) {
      c.company = cjk[1]!;
      if (!c.department) c.department = cjk[2]!;
    } else if (dash.length === 2) {
      c.company = dash[0]!.trim();
      const dep = dash[1]!.trim();
      if (!c.department && wordCount(dep) <= 3 && !/\./.test(dep)) c.department = dep;
    } else if (countryTail.length >= 2 && isCountryLine(countryTail[countryTail.length - 1]!)) {
      c.company = countryTail[0]!.trim();
      if (!c.address) c.address = countryTail.slice(1).join(', ');
    } else c.company = t;
    used.add(chosen.i);
    const unit = orgCands.find((o) => o !== chosen && !o.strong && o.i < chosen.i);
    if (!c.department && unit && wordCount(unit.text) <= 6) c.department = unit.text;
  }
  if (!chosen && addrOrg && !c.company) {
    c.company = addrOrg.head;
    texts[addrOrg.i]!.text = addrOrg.rest;
  }
  if (c.company && !c.department) {
    const chosenAt = chosen?.i ?? -1;
    const companyLike = (x: string) =>
      hasCompanyWord(x) || matchesDomain(x, labels) || isCountryLine(x) || REGION_RE.test(x);
    if (looseUnit && looseUnit.i !== chosenAt && !companyLike(looseUnit.unit)) {
      c.title = looseUnit.title;
      c.department = looseUnit.unit;
    } else if (titleRow >= 0) {
      // "Senior Account Executive | Mid-Market Sales", or the line under the title: "Inbound Operations".
      for (let i = 0; i < texts.length; i++) {
        const t = texts[i]!;
        if (t.row > titleRow + 1) break;
        if (t.row < titleRow || used.has(i) || isAddr[i] || i === chosenAt) continue;
        // A separate segment on the title's own line ("Title | Unit") may be any unit-shaped heading.
        const unitLike = namesFunction(t.text) || (t.row === titleRow && besideTitle(t.text));
        if (unitLike && !hasTitleWord(t.text) && !companyLike(t.text)) {
          c.department = t.text;
          used.add(i);
          break;
        }
      }
    }
  }
  // A company name wrapped onto a lower-case continuation ("Max Planck Institute" / "of Cognitive...").
  const compIdx = texts.findIndex((t) => t.text === c.company);
  if (compIdx >= 0) {
    const k = texts.findIndex(
      (t, j) => j > compIdx && t.row === texts[compIdx]!.row + 1 && /^(?:of|in|at|for|and|&)\s/.test(t.text),
    );
    if (k >= 0 && wordCount(texts[k]!.text) <= 5) {
      c.company = `${c.company} ${texts[k]!.text}`;
      isAddr[k] = false;
    }
  }

  const addr = texts
    .filter((_, i) => isAddr[i])
    .map((t) => {
      // "1400 Smith, 38th Floor, Legal": a unit named at the end of an address line is the department.
      const segs = t.text.replace(/,\s*$/, '').split(/,\s/);
      const last = segs[segs.length - 1]!;
      if (segs.length >= 2 && looksLikeDepartment(last) && !looksLikeAddress(last)) {
        if (!c.department) c.department = last;
        return segs.slice(0, -1).join(', ');
      }
      return segs.join(', ');
    });
  if (addr.length > 0 && !c.address) c.address = addr.join(', ');
  return c;
}
