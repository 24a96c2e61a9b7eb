/**
 * The business address of a signature block: which text cells are address lines (address shapes, short
 * cells between two of them, a street above a postcode line, continuations after a comma, a country or
 * city line under an address), and the address they make, joined with ", " in block order. Part of field
 * extraction (../fields.ts); pure functions over the block's text cells.
 */
import {
  countDigits,
  hasCompanyWord,
  hasLegalForm,
  hasNonLatinLetters,
  hasTitleWord,
  isCountryLine,
  looksLikeAddress,
  mayHaveCjk,
  startsWithStreetWord,
  wordCount,
} from '../lines.ts';
import { alt, words } from '../lexicon/index.ts';
import { caseless } from '../lexicon/caseless.ts';
import { isDepartment, looksLikeDepartment } from '../department.ts';
import type { TextCell } from './cells.ts';
import { matchesDomain } from './company.ts';
import type { Draft } from './draft.ts';

/**
 * An en or em dash between spaces before a number or a PO box, not before a six-digit PIN code or a floor's
 * ordinal ("1240 – 9º andar", "55 – 2.º", as the golds that have one keep it).
 */
const DASH_BEFORE_NUMBER_RE = new RegExp(
  String.raw`\s[–—]\s(?=\d|(?:${alt('poBoxes')}|${alt('poBoxAbbrevs')}) ?\d)(?!\d{6}(?!\d)|\d{1,3}\.?[º°ª])`,
  'g',
);

/**
 * A street written as name then number, above a postcode line: "Am Wolfsmantel 33", "Kaai 12",
 * "Mannerheimintie 10 A", "Mariahilfer Straße 88/3/12", "Nørregade 14, 2. sal".
 */
const STREET_LINE_RE =
  /^\p{Lu}[\p{L}.'-]{1,30}(?: [\p{L}.'-]{1,30}){0,3} \d{1,4}(?:[a-z]| [A-Z]|\/\d{1,4}){0,3}(?:, [\p{L}\d. ]{1,20})?$/u;

/**
 * CJK addresses that the block-level shapes (lines.ts) leave out: Traditional Chinese city and district
 * ("台北市內湖區", "新北市板橋區"), a road or street with its number written with spaces and a section
 * ("瑞光路 188 號", "忠孝東路四段 100 号"), and Korean city and district or road and number ("서울특별시
 * 강남구", "테헤란로 123"). Field level only: which lines form the block is decided elsewhere.
 */
const CJK_ADDRESS_RE =
  /\p{Script=Han}{1,6}[市縣县]\p{Script=Han}{1,6}[區区鄉鎮乡镇]|\p{Script=Han}{1,12}(?:路|街|大道|大街)(?:[一二三四五六七八九十]段)?\s?\d{1,5}\s?[號号]|\p{Script=Hangul}{1,10}(?:시|도)\s\p{Script=Hangul}{1,8}(?:구|군)(?!\p{L})|\p{Script=Hangul}{1,12}(?:로|길)\s?\d{1,4}(?:-\d{1,4})?(?!\d)/u;

/**
 * An address line in any of the shapes above, or one of lines.ts; not a firm named after its city and district
 * ("汕头市澄海区...有限公司": a legal form and no number).
 */
function addressShape(text: string): boolean {
  return (
    looksLikeAddress(text) ||
    (mayHaveCjk(text) && CJK_ADDRESS_RE.test(text) && !(countDigits(text) === 0 && hasLegalForm(text)))
  );
}

/**
 * Short enough for an address line: twelve words, dashes between parts not counted ("Av. Paulista, 1000
 * - 10º andar - Bela Vista"); a one-line address of three or more comma-separated parts of up to six
 * words each ("Blvd. Manuel Ávila Camacho 40, Piso 9, Lomas de Chapultepec, 11000 Ciudad de México") may
 * run to eighteen, one of five or more parts to twenty-four. A sentence (end punctuation) is no address line.
 */
function addressLength(text: string): boolean {
  const words = wordCount(text.replace(/\s[-–]\s/g, ' '));
  if (words <= 12) return true;
  // Parts are set apart by commas or, as Brazil and Portugal write them, by dashes ("Rua X, 555 - 7º andar -
  // Savassi - Belo Horizonte/MG - CEP 30140-055").
  const parts = text.split(/,\s?|\s[-–]\s/);
  // Vietnamese writes every syllable apart, so a one-line address of floor, building, street, ward,
  // district and city ("Tầng 12, Tòa nhà ..., 25 Lý Thường Kiệt, Phường ..., Quận ..., Hà Nội") runs to
  // twenty-odd words: with five parts or more, up to 24.
  const cap = parts.length >= 5 ? 24 : 18;
  // A sentence ends with a full stop; an address may end with an abbreviation in capitals ("Kwai Chung, N.T.").
  const sentence = /[.!?]$/.test(text) && !/(?:^|\s)(?:\p{Lu}\.){1,3}$/u.test(text);
  // A street with its numbers runs longer than a place's name ("Jl. Industri Selatan 5 Blok GG No. 55").
  const shortParts = parts.every((p) => wordCount(p) <= 6 || (wordCount(p) <= 9 && /\d/.test(p)));
  return words <= cap && parts.length >= 3 && shortParts && !sentence;
}

/**
 * "Office 1204, Marina Plaza Tower B, JLT, Dubai, UAE": a longer one-line address that ends with a
 * country, where no street word or postcode says so: three or more parts of up to five words, a number
 * among them, no title word.
 */
function longAddressToCountry(text: string, segs: readonly string[]): boolean {
  return (
    segs.length >= 3 &&
    wordCount(text) <= 16 &&
    /\d/.test(text) &&
    segs.every((x) => wordCount(x) <= 5) &&
    !hasTitleWord(text) &&
    !/[.!?]$/.test(text)
  );
}

/**
 * The last line of an address under its street line: a city ("Leeds"), a city and its district or
 * postcode ("Dublin 2", "Palmerston North 4410"), a district and its city ("Victoria Island, Lagos"), or
 * a postcode alone ("04551-060", "SW1A 2AA"). Two capitalised words without a number may be a company
 * ("Bayside Provisions"), so they need the comma of the district form.
 */
const CITY_TAIL_RE =
  /^(?:\p{Lu}\p{Ll}+(?: \d{1,6})?|\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \d{1,6}|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?, \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?|\d{4,5}(?:-\d{3,4})?|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/u;

export interface AddressMarks {
  /** Per text cell: is it an address line? */
  isAddr: boolean[];
  draft: Draft;
  used: Set<number>;
}

/** A part of an address that ends with a street word: "Harbourmaster Quay", "Chancellor Road". */
const STREET_NAME_PART_RE = caseless(String.raw`\s(?:${alt('streetWords')})\.?$`, 'iu');

/**
 * Every comma part that holds a title word is a street's name ("Harbourmaster Quay"), and another part
 * holds the rest of an address: the title word names the street, not the sender's job.
 */
function titleOnlyInStreetNames(text: string): boolean {
  const parts = text.split(/,\s?/);
  return (
    parts.length >= 2 &&
    parts.every((p) => !hasTitleWord(p) || STREET_NAME_PART_RE.test(p.trim())) &&
    parts.some((p) => !hasTitleWord(p) && addressShape(p))
  );
}

/**
 * Marks the address lines. "Oracle EMEA, Dublin, Ireland" (an organisation, then where it is) also gives
 * the company and the address when no company is known yet; its cell is then used. Each pass below reads
 * the marks of the passes before it, so their order matters.
 */
export function markAddresses(
  texts: readonly TextCell[],
  draft: Draft,
  usedIn: ReadonlySet<number>,
  labels: string[],
): AddressMarks {
  const c: Draft = { ...draft };
  const used = new Set(usedIn);
  // The name's cell is no address line ("Jane Roe, MD" is no city in Maryland).
  const isAddr = texts.map(
    (t, i) =>
      !used.has(i) &&
      addressShape(t.text) &&
      addressLength(t.text) &&
      // "Rua Professor Álvaro Menezes, 555", "Block C, Harbourmaster Quay, Dublin 1": a street named after
      // someone with a title, or after a trade, is no title line.
      (!hasTitleWord(t.text) || startsWithStreetWord(t.text) || titleOnlyInStreetNames(t.text)),
  );
  markBetweenAddressLines(texts, isAddr, used);
  markCountryEndings(texts, isAddr, used, c, labels);
  markStreetHeads(texts, isAddr, used);
  markCommaContinuations(texts, isAddr, used);
  markCityTails(texts, isAddr, used);
  markPostcodeRows(texts, isAddr, used);
  markDocumentExchange(texts, isAddr, used);
  return { isAddr, draft: c, used };
}

/** "DX ED 555 Edinburgh", "DX 555012 Central": a law firm's document-exchange box closing its address. */
const DX_LINE_RE = /^DX\s(?:[A-Z]{1,3}\s)?\d{2,7}(?:\s[\p{L} ]{2,30})?$/u;

function markDocumentExchange(
  texts: readonly TextCell[],
  isAddr: boolean[],
  used: ReadonlySet<number>,
): void {
  for (let i = 1; i < texts.length; i++)
    if (!isAddr[i] && isAddr[i - 1] && !used.has(i) && DX_LINE_RE.test(texts[i]!.text.trim()))
      isAddr[i] = true;
}

/**
 * "邮编：266071" under the address: a row that is a postcode alone (its label already dropped) right under
 * an address line ends that address.
 */
function markPostcodeRows(texts: readonly TextCell[], isAddr: boolean[], used: ReadonlySet<number>): void {
  for (let i = 1; i < texts.length; i++) {
    const t = texts[i]!;
    const alone = texts[i - 1]!.row !== t.row && (i + 1 >= texts.length || texts[i + 1]!.row !== t.row);
    if (
      !isAddr[i] &&
      isAddr[i - 1] &&
      alone &&
      t.row === texts[i - 1]!.row + 1 &&
      /^\d{5,6}$/.test(t.text.trim()) &&
      !used.has(i)
    )
      isAddr[i] = true;
  }
}

/** A short cell between two address lines is one too (no title or unit). */
function markBetweenAddressLines(
  texts: readonly TextCell[],
  isAddr: boolean[],
  used: ReadonlySet<number>,
): void {
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
}

/**
 * A cell whose last comma segment is a country is an address line, unless it opens with an organisation
 * and no company is known yet: then that organisation is the company, the rest the address, and the cell
 * is used.
 */
function markCountryEndings(
  texts: readonly TextCell[],
  isAddr: boolean[],
  used: Set<number>,
  c: Draft,
  labels: string[],
): void {
  for (let i = 0; i < texts.length; i++) {
    const segs = texts[i]!.text.split(/,\s?/);
    const head = segs[0]!.trim();
    // An organisation heading places that end in a country is split off even when the whole line, with no
    // number, reads as an address ("Oracle EMEA, Dublin, Ireland").
    const orgHead = segs.length >= 3 && (hasCompanyWord(head) || matchesDomain(head, labels));
    if (
      (!isAddr[i] || (orgHead && !c.company && countDigits(texts[i]!.text) === 0)) &&
      segs.length >= 2 &&
      isCountryLine(segs[segs.length - 1]!) &&
      (wordCount(texts[i]!.text) <= 6 || longAddressToCountry(texts[i]!.text, segs)) &&
      // "Research Director, UK": a title's territory, not where the organisation is.
      !(hasTitleWord(segs[0]!) && !hasCompanyWord(segs[0]!))
    ) {
      // "Oracle EMEA , Dublin, Ireland": the organisation, then where it is.
      if (!c.company && orgHead) {
        isAddr[i] = false;
        c.company = head;
        c.address = segs
          .slice(1)
          .map((x) => x.trim())
          .join(', ');
        used.add(i);
      } else isAddr[i] = true;
    }
  }
}

/** Street, building and floor words that end a place's name ("Victoria Street", "Probe Buildings", "First Floor"). */
const PLACE_ENDINGS = new Set(
  [...words('streetWords'), ...words('buildingWords'), 'buildings', 'floor']
    .filter((w) => /^\p{L}+$/u.test(w) && w.length >= 4)
    .map((w) => w.toLowerCase()),
);

/**
 * A line of one to four comma-separated names of capitalised words, at most eight words, one of them ending
 * with a street, building or floor word: "Victoria Street, Douglas", "First Floor, Probe Buildings".
 */
function namedPlaceLine(line: string): boolean {
  const t = line.trim();
  if (wordCount(t) > 8) return false;
  const segs = t.split(/,\s/);
  if (segs.length > 4) return false;
  let place = false;
  for (const seg of segs) {
    const ws = seg.split(' ');
    if (ws.length > 4 || !ws.every((w) => /^\p{Lu}[\p{L}'’-]*$/u.test(w))) return false;
    if (ws.length >= 2 && PLACE_ENDINGS.has(ws[ws.length - 1]!.toLowerCase())) place = true;
  }
  return place;
}

/** The line above an address line heads it when it opens with a street word or is a street and number. */
/** "Carrow House", "Harbour Exchange Building": a building's name, capitalised, its building word last. */
const BUILDING_NAME_RE = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}'’-]{1,20} ){1,3}(?:${alt('buildingWords')})$`,
  'u',
);

function markStreetHeads(texts: readonly TextCell[], isAddr: boolean[], used: ReadonlySet<number>): void {
  // "Carrow House • 14 Park Row • Leeds LS1 5JL": a building's name heads the address cell after it.
  for (let i = 0; i + 1 < texts.length; i++) {
    const t = texts[i]!.text.trim();
    if (
      !isAddr[i] &&
      isAddr[i + 1] &&
      texts[i + 1]!.row - texts[i]!.row <= 1 &&
      !used.has(i) &&
      BUILDING_NAME_RE.test(t) &&
      !hasCompanyWord(t) &&
      !hasTitleWord(t)
    )
      isAddr[i] = true;
  }
  // "Polígono Industrial Fuente del Jarro" above "C/ Ciudad de Sevilla, 28": a line opening with a street
  // word heads the address even without a number.
  for (let i = 0; i + 1 < texts.length; i++) {
    const t = texts[i]!.text;
    if (
      !isAddr[i] &&
      isAddr[i + 1] &&
      texts[i + 1]!.row === texts[i]!.row + 1 &&
      startsWithStreetWord(t) &&
      wordCount(t) <= 6 &&
      !hasTitleWord(t) &&
      !hasCompanyWord(t) &&
      !used.has(i)
    )
      isAddr[i] = true;
  }
  // "First Floor, Probe Buildings" / "Victoria Street, Douglas" above "IM1 2SH, Isle of Man": lines of
  // capitalised names, one of them a street, building or floor, head the address without a number (bottom up,
  // so each marked line may head the one above it).
  for (let i = texts.length - 2; i >= 0; i--) {
    const t = texts[i]!.text;
    if (
      !isAddr[i] &&
      isAddr[i + 1] &&
      texts[i + 1]!.row === texts[i]!.row + 1 &&
      !used.has(i) &&
      namedPlaceLine(t) &&
      !hasTitleWord(t) &&
      !hasCompanyWord(t)
    )
      isAddr[i] = true;
  }
  // "Am Wolfsmantel 33" above "D 91058 Erlangen": a street with a house number heads the address. A pass
  // of its own after the one above: a line that pass marked may head this one's street line.
  for (let i = 0; i + 1 < texts.length; i++) {
    if (
      !isAddr[i] &&
      isAddr[i + 1] &&
      // The house number: the pattern (a Unicode one, costly to compile) needs a digit.
      countDigits(texts[i]!.text) > 0 &&
      STREET_LINE_RE.test(texts[i]!.text) &&
      !hasTitleWord(texts[i]!.text) &&
      !used.has(i)
    )
      isAddr[i] = true;
  }
}

/** An address line ending with a comma continues on the next line ("Ring Road," / "Kadirenahalli,"). */
function markCommaContinuations(
  texts: readonly TextCell[],
  isAddr: boolean[],
  used: ReadonlySet<number>,
): void {
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
}

/** A country or city line directly after an address line belongs to it. */
function markCityTails(texts: readonly TextCell[], isAddr: boolean[], used: ReadonlySet<number>): void {
  for (let i = 1; i < texts.length; i++) {
    if (
      !isAddr[i] &&
      isAddr[i - 1] &&
      texts[i]!.row === texts[i - 1]!.row + 1 &&
      !used.has(i) &&
      (isCountryLine(texts[i]!.text) || CITY_TAIL_RE.test(texts[i]!.text)) &&
      !hasTitleWord(texts[i]!.text) &&
      !hasCompanyWord(texts[i]!.text) &&
      !isDepartment(texts[i]!.text)
    )
      isAddr[i] = true;
  }
}

/**
 * The address the marked lines make, unless one is known already; a unit named at the end of an address
 * line ("1400 Smith, 38th Floor, Legal") is the department instead.
 */
/**
 * A label of up to three words and a colon opening an address line, the address after it. Words without
 * dots and no number label before the colon: "Atatürk Cad. No: 12" is a street and its number.
 */
// Scripts without capitals write the label too: "पता: ", "العنوان: ".
const OFFICE_LABEL_RE =
  /^(?:\p{Lu}[\p{L}'-]{1,24}|[\p{Script=Devanagari}\p{Script=Arabic}\p{Script=Hebrew}\p{M}]{2,12})(?: \p{L}[\p{L}'-]{0,24}){0,2}(?<!\b(?:No|Nr|Nro|Num))\s?:\s+(?=\S)/u;

/** A company-register segment opening an address line: "HRB 555555 Munich", "Amtsgericht Köln HRB 1234". */
const REGISTER_SEGMENT_RE = /^(?:HR[AB]\s?\d|Amtsgericht\s|Registergericht\s|Handelsregister\s)/;

export function addressOf(texts: readonly TextCell[], isAddr: readonly boolean[], draft: Draft): Draft {
  const c: Draft = { ...draft };
  const addr = texts
    .filter((_, i) => isAddr[i])
    .map((t) => {
      // "HRB 555555 Munich, Office: Hauptstr. 5, ...": the register segment first, then the office's label.
      const text = REGISTER_SEGMENT_RE.test(t.text) ? t.text.replace(/^[^,]{1,60},\s/, '') : t.text;
      // "A 10 Harbour Exchange Square, ...": the one-letter address label of modern blocks; "📍 Storgata 12, ...":
      // an icon as the label.
      const segs = text
        .replace(/^A:?\s(?=\d)/, '')
        .replace(/^\p{Extended_Pictographic}\uFE0F?\s{0,3}[:：]?\s{0,3}(?=\S)/u, '')
        // "Mumbai: 402, Marathon Icon, ...", "Head Office: 12 Quay St": the office's label, not the address.
        .replace(OFFICE_LABEL_RE, '')
        .replace(/,\s*$/, '')
        // "12, rue des Mathurins – 75009 Paris", "Parc d'activités – 55, chemin ...", "55 route des Almadies – BP
        // 5550 Dakar": an en or em dash before a number or a PO box parts the address as a line break would
        // (joined with ", "); a hyphen is kept as written, and so is the dash before an Indian PIN code
        // ("Ahmedabad – 382445").
        .replace(DASH_BEFORE_NUMBER_RE, ', ')
        .split(/,\s/);
      const last = segs[segs.length - 1]!;
      if (segs.length >= 2 && looksLikeDepartment(last) && !looksLikeAddress(last)) {
        if (!c.department) c.department = last;
        return segs.slice(0, -1).join(', ');
      }
      return segs.join(', ');
    });
  // "P.O. Box 55123, Abu Dhabi" / "ص.ب. 55123، أبوظبي", "ቦሌ ክፍለ ከተማ፣ ..." / "Bole Sub-City, ...": a line in
  // Latin letters only under one in another script (or the other way round) is the address again in the block's
  // other language (the first language's version is the value).
  const otherScript = addr.length > 0 && hasNonLatinLetters(addr[0]!);
  // (A line without letters, a postcode alone, belongs to either.)
  const scripted = addr.filter((a) => !/\p{L}/u.test(a) || hasNonLatinLetters(a) === otherScript);
  // "Tŷ Cambria, 55 Heol y Frenhines, Caerdydd CF10 5QX" / "Cambria House, 55 Queen Street, Cardiff CF10 5QX": a
  // line with the very numbers of one above it (five digits or more, the house number and the postcode) is the same
  // address in the block's other language, in the same script.
  const numbers = (a: string) => a.replace(/\D+/g, ' ').trim();
  const same = scripted.filter(
    (a, i) =>
      !/\p{L}/u.test(a) ||
      numbers(a).replace(/ /g, '').length < 5 ||
      !scripted.slice(0, i).some((b) => /\p{L}/u.test(b) && numbers(b) === numbers(a)),
  );
  if (same.length > 0 && !c.address) c.address = same.join(', ');
  return c;
}
