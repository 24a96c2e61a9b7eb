/**
 * Phone numbers in signature lines: spans as written, their label (work / mobile / fax / other) and
 * E.164 via libphonenumber-js with a default region from the sender's ccTLD or the block's country.
 *
 * The span pattern is a single bounded repetition over disjoint alternatives (linear time); lines are
 * capped by callers. Spans are validated by digit count and context so IP addresses, dates, times,
 * docket numbers and key fingerprints do not pass as phones.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Phone, PhoneType } from './types.ts';
import { alt } from './lexicon/index.ts';
import { caseless } from './lexicon/caseless.ts';

export interface PhoneSpan {
  raw: string;
  index: number;
  end: number;
}

// One space at a time (never two) so numbers in separate columns do not merge.
// Extensions in the languages we see (lexicon phoneExtensions): ext./x, int. (it, es), wew. (pl), poste
// (fr-CA, after a comma), ramal/anexo (pt, es), lok. (cs), DW (de), toestel (nl), 내선 (ko), 分機 (zh), also in
// brackets (full-width ones too: "（内線 7123）"), after a colon or hyphen ("Ext-118", "mellék: 2418"), and two
// languages' words at once ("poste / ext. 228").
const EXT = `(?:${alt('phoneExtensions')})`;
/** An extension after a number: its word(s), then its digits (the closing bracket is the caller's). */
const EXT_PART = String.raw`,? ?[-–]? ?[(（]?${EXT}(?: ?\/ ?${EXT})?(?: ?[:：-] ?| ?)\d{1,6}`;
const SPAN_RE = new RegExp(
  String.raw`(?:\+\(|\+ ?|\(\+?)?\d(?:[\d().\/-]| (?! )){5,26}\d(?:${EXT_PART}(?!\d)[)）]?)?`,
  'gi',
);

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) n++;
  return n;
}

/**
 * "(852) 5550 2210 / (852) 5550 2211": two whole numbers either side of " / " are two spans; the slash is
 * read as a cell break (same length, so offsets hold). An area code before a slash ("0174 / 62 45 00") is
 * too short to count.
 */
const TWO_NUMBERS_RE = /(\d[\d ().-]{5,24}\d) \/ (?=[(+]?\d[\d ().-]{5,24}\d)/g;
function splitAtSlash(l: string): string {
  if (!l.includes(' / ')) return l;
  return l.replace(TWO_NUMBERS_RE, (m: string, a: string) => (digitCount(a) >= 7 ? `${a} | ` : m));
}

/** Phone-number spans of one line, left to right. */
export function findPhoneSpans(line: string): PhoneSpan[] {
  const written = line.length > 300 ? line.slice(0, 300) : line;
  // Arabic-Indic and Persian digits ("۰۲۱-۵۵۵۰۱۴۷۸") are read as the digits they are; one code unit each,
  // so offsets hold and each span is returned as written.
  const l = asciiDigits(written);
  const out: PhoneSpan[] = [];
  // A span is kept only with 7+ digits: a line with fewer cannot yield one, so skip the regex.
  if (digitCount(l) < 7) return out;
  // " // " separates cells ("Beispielweg 11 // 10117 Berlin"): no number runs across it (same length kept).
  const cells = l.includes(' // ') ? l.replaceAll(' // ', ' |  ') : l;
  for (const m of splitAtSlash(cells).matchAll(SPAN_RE)) {
    let raw = m[0];
    const index = m.index ?? 0;
    // Unbalanced trailing "(" or "-" belongs to the label after it: "(770) 886-6202 (Office)".
    raw = raw.replace(/[\s(\/.-]+$/, '');
    if (raw.startsWith('(') && !raw.includes(')')) raw = raw.slice(1);
    // "0174 - 62 45 00 (toestel 231)": an extension in brackets keeps its closing bracket.
    if (raw.lastIndexOf('(') > raw.lastIndexOf(')') && l[index + raw.length] === ')') raw += ')';
    const d = digitCount(raw);
    if (d < 7 || d > 18) continue;
    const before = l.slice(Math.max(0, index - 2), index);
    const after = l.slice(index + m[0].length, index + m[0].length + 2);
    // Part of a longer token, or of a URL path ("orcid.org/0000-0002-5550-1234").
    if (/[A-Za-z0-9_/=]$/.test(before) || /[A-Za-z]-$/.test(before) || /\d:$/.test(before)) continue;
    if (/^[:@\d]|^\.\d/.test(after)) continue;
    // "Av. das Nações Unidas, 55.555 - 12º andar": a house number, then a floor's ordinal, is no number to call.
    if (/^[º°ª]/.test(after)) continue;
    if (/^\d{1,3}(?:\.\d{1,3}){3}/.test(raw)) continue; // IPv4
    // Dates: "2025-03-14", "14/03/2025" (not "0898-55-0143", a Japanese number of a four-digit area code).
    if (/^(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(raw))
      continue;
    if (/^\d{1,2}[.:]\d{2}[.:]\d{2}/.test(raw)) continue; // times
    if (/^\d{5}-\d{3,4}$/.test(raw)) continue; // US ZIP+4, Brazilian CEP
    // Japanese postcodes ("〒100-0005", "Tokyo 100-0005, Japan") and Portuguese ones ("1000-001 Lisboa").
    if (
      /^\d{3}-\d{4}$/.test(raw) &&
      (/〒\s?$/.test(before) ||
        /^,?\s?(?:Japan|日本)/i.test(l.slice(index + raw.length, index + raw.length + 8)))
    )
      continue;
    // "Shibuya-ku, Tokyo 150-0002": a 3-4 digit code right after a city name, no phone label.
    if (
      /^\d{3}-\d{4}$/.test(raw) &&
      /,.{0,40}\p{Lu}\p{Ll}{2,20} $/u.test(l.slice(Math.max(0, index - 60), index)) &&
      labelType(/(\p{L}+) $/u.exec(l.slice(Math.max(0, index - 30), index))?.[1] ?? '') === null
    )
      continue;
    if (/^\d{4}-\d{3}$/.test(raw) && /^ \p{Lu}/u.test(l.slice(index + raw.length, index + raw.length + 2)))
      continue;
    // "תל אביב 6971000", "Haifa 3104501, Israel", "אזור התעשייה בר-לב, 2015500": seven digits in one run right
    // after a city's name (or its comma) and closing the line or its cell, with no phone label: an Israeli
    // postcode (a phone is written grouped).
    if (
      /^\d{7}$/.test(raw) &&
      /\p{L}(?:\p{L} |, )$/u.test(l.slice(Math.max(0, index - 3), index)) &&
      /^\s*(?:[,|]|$)/.test(l.slice(index + raw.length, index + raw.length + 3)) &&
      labelType(/(\p{L}+)\.?:?\s?$/u.exec(l.slice(Math.max(0, index - 20), index))?.[1] ?? '') === null
    )
      continue;
    // "서울특별시 중구 을지로 55 (04555)", "가산디지털1로 55 (08555)": a Korean road name (…로, …길, numbered
    // ones too), its building number and the five-digit postcode in brackets.
    if (
      /^\d{1,4}(?:-\d{1,3})?\s?\(\d{5}\)$/.test(raw) &&
      /[\p{Script=Hangul}\d](?:로|길)\s$/u.test(l.slice(Math.max(0, index - 3), index))
    )
      continue;
    // "Via dell'Industria 24 - 20871 Vimercate": a house number, then a 4-5 digit postcode and its
    // city, after a street name rather than a phone label.
    if (
      /^\d{1,4}[a-z]?[\s,/-]{1,3}\d{4,5}$/.test(raw) &&
      /^ \p{Lu}\p{Ll}/u.test(l.slice(index + raw.length, index + raw.length + 3)) &&
      labelType(/^ (\p{L}+)/u.exec(l.slice(index + raw.length, index + raw.length + 20))?.[1] ?? '') ===
        null &&
      labelType(/(\p{L}+)\.?\s?$/u.exec(l.slice(Math.max(0, index - 30), index))?.[1] ?? '') === null
    )
      continue;
    if (
      !PHONE_NUMBER_LABEL_RE.test(l.slice(Math.max(0, index - 24), index)) &&
      REFERENCE_LABEL_RE.test(l.slice(Math.max(0, index - 16), index))
    )
      continue;
    // "Maju Teknologi Sdn. Bhd. (200101012345)": Malaysian companies write their SSM registration number
    // in brackets after the legal form, a register number, not a phone.
    if (
      l[index] === '(' &&
      /(?:^|[^\p{L}])(?:bhd|berhad)\.?\s{0,2}$/iu.test(l.slice(Math.max(0, index - 12), index))
    )
      continue;
    if (
      yearRange(raw) &&
      labelType(/(\p{L}+)\.?:?\s?$/u.exec(l.slice(Math.max(0, index - 20), index))?.[1] ?? '') === null
    )
      continue;
    // "(069) 555 1234 – 113": a German extension (Durchwahl) after a spaced en dash, closing the cell.
    const dashExt = /^ – \d{1,4}(?=\s*(?:$|[|,;•]))/.exec(l.slice(index + raw.length));
    if (dashExt) raw += dashExt[0];
    const at = l === written ? index : l.indexOf(raw, index);
    out.push({
      raw: l === written ? raw : written.slice(at, at + raw.length),
      index,
      end: index + raw.length,
    });
  }
  return out;
}

/** Arabic-Indic, extended Arabic-Indic (Persian, Urdu), Devanagari and Bengali digits as ASCII digits. */
const OTHER_DIGIT_RE = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/;
const OTHER_DIGITS_RE = new RegExp(OTHER_DIGIT_RE.source, 'g');
export function asciiDigits(s: string): string {
  if (!OTHER_DIGIT_RE.test(s)) return s;
  return s.replace(OTHER_DIGITS_RE, (d) => {
    const c = d.charCodeAt(0);
    const zero = c >= 0x9e6 ? 0x9e6 : c >= 0x966 ? 0x966 : c >= 0x6f0 ? 0x6f0 : 0x660;
    return String(c - zero);
  });
}

/**
 * "1987-2027", "2019 – 2024": two years, the second later, as anniversary banners and copyright lines
 * write them. A number shaped like that counts as a phone only behind a phone label.
 */
const YEAR_RANGE_RE = /^((?:19|20)\d{2})\s?[-–]\s?((?:19|20)\d{2})$/;
function yearRange(raw: string): boolean {
  const m = YEAR_RANGE_RE.exec(raw);
  return m !== null && Number(m[2]) > Number(m[1]);
}

const FAX = caseless(`^(?:${alt('phoneFax')})$`, 'iu');
/** Mobile labels: kom./komórka (pl), Telem. (pt), HP/handphone (sg, my), C (cell), 携帯 (ja), 휴대폰 (ko). */
const MOBILE = caseless(`^(?:${alt('phoneMobile')})$`, 'iu');
const OTHER = caseless(`^(?:${alt('phoneOther')})$`, 'i');
/** Work labels, with switchboard and direct lines: Växel/Sentralbord/Centralino, DID/DDI, Direkt(e). */
const WORK = caseless(`^(?:${alt('phoneWork')})$`, 'iu');

export function labelType(label: string): PhoneType | null {
  const l = label
    .toLowerCase()
    .replace(/\.\//g, '/')
    // "m; 07700 ...": a semicolon typed for the colon.
    .replace(/[.:：;•*\s]+$/g, '')
    .replace(/^[\s(|•*,;-]+|\)$/g, '')
    .trim()
    // "Mob/WhatsApp", "WhatsApp/Cell", "Моб./Viber", "HP/WA": the messenger names the same mobile number.
    .replace(/^(?:whatsapp|viber)\/(?=\p{L})|(?<=\p{L})\s?\/\s?(?:whatsapp|viber|wa)$/u, '');
  if (l === '') return null;
  if (OTHER.test(l)) return 'other';
  if (FAX.test(l)) return 'fax';
  if (MOBILE.test(l)) return 'mobile';
  if (WORK.test(l)) return 'work';
  // "Cell./Cell.", "Tel./Tél.", "Mobile/Portable": one label in two languages.
  const halves = l.split('/');
  if (halves.length === 2 && halves.every((h) => h !== '' && !h.includes('/'))) {
    const [a, b] = halves.map((h) => labelType(h));
    if (a && a === b) return a;
  }
  return null;
}

/** Contact labels other than phone ones: "Email", "E-mail", "Web", "Website", "Mail". */
const CONTACT_LABEL_RE = caseless(`^(?:${alt('contactLabels')})$`, 'i');

/**
 * A line that is only a contact label ("Mobile", "Tel.:", "Email", "Web"), at least three letters long
 * (a lone "M" or "T" is as likely an initial signing off).
 */
export function isLoneContactLabel(line: string): boolean {
  const t = line.trim().replace(/[.:：•]+$/, '');
  if (t.length < 3 || t.length > 24 || !/^\p{L}[\p{L} -]*$/u.test(t)) return false;
  return labelType(t) !== null || CONTACT_LABEL_RE.test(t);
}

/**
 * A phone label with "No." / "Number" after it ("Mobile No.:", "Contact No:", "Tel. No.", "Phone Number"),
 * as Indian and other English business mail writes it: a phone, not a reference or order number.
 */
const PHONE_NUMBER_LABEL_RE = caseless(
  String.raw`(?:^|[^\p{L}])(?:mobile|mob|cell|phone|ph|tel|telephone|contact|fax|landline|whatsapp|office|off|direct|res|resi)\.?\s?(?:no|number|nr)\.?\s?[:：#-]?\s{0,3}$`,
  'iu',
);
/** A register, account or reference label just before a number ("VAT: 123 4567 89", "Docket #"): no phone. */
const REFERENCE_LABEL_RE = caseless(
  String.raw`(?:^|[^\p{L}])(?:icq|uin|fingerprint|key|id|code|pin|docket|no\.?|#|kvk|vat|btw|ust|uid|hrb|hra|reg|registration|company|siret|siren|cif|nif|abn|acn|ein|tax|iban|bic|swift|account|acct|a\/c|fn|p\.?\s?iva|cnpj|cpf|gst|pan|ref|order|invoice|ticket|case|box|postboks|apartado|caixa postal|orcid|scopus|researcher id)\s?[:#=]?\s{0,3}$`,
  'iu',
);

/** Icons written as labels ("📱 +44 7700 900123", "☎️ 020 7946 0001", "📠"): the label word they stand for. */
const ICON_LABEL_RE = /(📱|📲|☎|📞|☏|📠)\uFE0F?\s{0,3}[:：|]?\s{0,6}$/u;
const ICON_LABELS: Record<string, string> = { '📱': 'mobile', '📲': 'mobile', '📠': 'fax' };

/**
 * A label, a slash and a messenger's name in any script, closing the text before a number ("Mobile/Zalo:",
 * Vietnam's messenger; "Mobile/LINE:", "휴대폰/KakaoTalk:").
 */
const MESSENGER_AFTER_LABEL_RE =
  /(\p{L}[\p{L}\p{M}]{0,11})\.?\s?\/\s?(?:whatsapp|viber|telegram|wechat|signal|imo|zalo|line|kakaotalk|واتساب|واتس ?اب|واٹس ?ایپ|微信|вайбер|телеграм)\s?[:：]?\s{0,6}$/iu;

/** The label word just before a span ("Tel:", "M:", "Fax", "P  •", "Mobile No.:", "m;", "📱") or null. */
export function labelBefore(text: string): string | null {
  const icon = ICON_LABEL_RE.exec(text.slice(-16));
  if (icon) return ICON_LABELS[icon[1]!] ?? 'tel';
  // "جوال / واتساب:", "手机/微信：", "موبائل/واٹس ایپ:": the label, then the messenger that reaches the same number.
  const messenger = MESSENGER_AFTER_LABEL_RE.exec(text.slice(-40));
  if (messenger && labelType(messenger[1]!) !== null) return messenger[1]!;
  const m =
    /((?:office|mobile|cell|home|direct|work|main|business) (?:phone|fax)|tel\. kom|out[- ]of[- ]hours|after[- ]hours|\p{L}[\p{L}\p{M}]{0,11}(?:\.?\/\p{L}{1,8})?)(?:\.?\s?(?:no|number|nr)(?!\p{L}))?\.?\s?[:：;•#|.-]{0,2}\s{0,6}(?:\([^)]{0,20}\)\s{0,3})?[:：•#|.-]{0,2}\s{0,6}$/iu.exec(
      text.slice(-40),
    );
  if (!m) return null;
  // "Моб. тел.", "Κιν. τηλ.", "Mobil tlf.", "Mob. tel.": a mobile or fax word before the generic phone
  // word names the line's type.
  if (labelType(m[1]!) === 'work') {
    const head = /(?:^|[^\p{L}])(\p{L}{1,12})\.?\s{1,2}$/u.exec(text.slice(-40).slice(0, m.index));
    const t = head ? labelType(head[1]!) : null;
    if (t === 'mobile' || t === 'fax') return head![1]!;
  }
  return m[1]!;
}

/**
 * A hospital's pager number, too short for a phone: "Bleep 4471", "Pager: 55921", "pgr 3310". The number
 * reaches the person through the switchboard, so it is typed other.
 */
export const PAGER_RE = /(?<![\p{L}])(?:pager|bleep|beeper|pgr)\.?\s?[:#]?\s{0,3}(\d{3,6})(?!\d)/iu;

/** A label written after the number: "713-853-6577 Office", "(fax)", "0118W", "0407Fax". */
export function labelAfter(text: string): string | null {
  const m = /^\s{0,3}\(?([A-Za-z]{1,10})\)?(?![A-Za-z])/.exec(text.slice(0, 24));
  return m ? m[1]! : null;
}

const CC_REGION: Record<string, CountryCode> = { uk: 'GB', su: 'RU' };

/** Country names (and a postcode shape) that set the default region of a block's numbers, in the order they are tried. */
const COUNTRY_NAMES: readonly [RegExp, CountryCode][] = [
  [/\bIreland\b/i, 'IE'],
  [/\b(?:Germany|Deutschland)\b/i, 'DE'],
  [/\b(?:United Kingdom|England|UK)\b/, 'GB'],
  [/\bFrance\b/i, 'FR'],
  [/\b(?:Spain|España)\b/i, 'ES'],
  [/\b(?:Italy|Italia)\b/i, 'IT'],
  [/\bCanada\b/i, 'CA'],
  [/\bSweden\b/i, 'SE'],
  [/\bIndia\b|\bBangalore\b/i, 'IN'],
  [/\bAustralia\b/i, 'AU'],
  [/\bNetherlands\b/i, 'NL'],
  [/\bBrazil|Brasil\b/i, 'BR'],
  // A British postcode says the country of a block that names none ("London W1F 8QS").
  [/\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b/, 'GB'],
];

/** Default region: the sender's ccTLD, then a country named in the block, then US (NANP formats). */
export function defaultRegion(email: string | null, blockText: string): CountryCode {
  const tld = email?.split('.').pop()?.toLowerCase() ?? '';
  if (tld.length === 2) return (CC_REGION[tld] ?? tld.toUpperCase()) as CountryCode;
  for (const [re, cc] of COUNTRY_NAMES) if (re.test(blockText)) return cc;
  return scriptRegion(blockText) ?? 'US';
}

/**
 * The most likely country of a block written in a script bound to few countries, after CLDR's likely
 * subtags (ja -> JP, ko -> KR, zh -> CN, he -> IL, ar -> EG, th -> TH, el -> GR, hi -> IN, bn -> BD, ka -> GE,
 * hy -> AM, si -> LK, km -> KH, lo -> LA, my -> MM, am -> ET): used only when neither the sender's ccTLD
 * nor a country name decides. Japanese is told from Chinese by kana or by forms only Japan writes in Han
 * (株式会社, 〒, 部長...). One code-unit scan; the Han-only checks run only when Han was seen.
 */
export function scriptRegion(text: string): CountryCode | null {
  let han = false;
  let hebrew = false;
  let arabic = false;
  let other: CountryCode | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x0370) continue;
    if (other === null) other = oneCountryScript(c);
    if (c < 0x0590) continue;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return 'JP';
    if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) return 'KR';
    if (c >= 0x4e00 && c <= 0x9fff) han = true;
    else if (c >= 0x0590 && c <= 0x05ff) hebrew = true;
    else if (c >= 0x0600 && c <= 0x06ff) arabic = true;
  }
  if (han) {
    if (JAPANESE_HAN_RE.test(text)) return 'JP';
    // Place names written in a block say Taiwan or Hong Kong before the script's likely China.
    if (TAIWAN_HAN_RE.test(text)) return 'TW';
    if (HONG_KONG_HAN_RE.test(text)) return 'HK';
    return 'CN';
  }
  if (hebrew) return 'IL';
  if (arabic) return 'EG';
  return other;
}

/**
 * Scripts written mostly in one country, by code point: Greek, Armenian, the Indic scripts (Devanagari and
 * the South Indian ones for India, Bengali for Bangladesh, Sinhala), Thai, Lao, Myanmar, Georgian, Ethiopic,
 * Khmer. Null for any other character (Cyrillic is written in too many countries to say).
 */
function oneCountryScript(c: number): CountryCode | null {
  if (c >= 0x0370 && c <= 0x03ff) return 'GR';
  if (c >= 0x0530 && c <= 0x058f) return 'AM';
  if (c >= 0x0980 && c <= 0x09ff) return 'BD';
  if (c >= 0x0900 && c <= 0x0d7f) return 'IN';
  if (c >= 0x0d80 && c <= 0x0dff) return 'LK';
  if (c >= 0x0e00 && c <= 0x0e7f) return 'TH';
  if (c >= 0x0e80 && c <= 0x0eff) return 'LA';
  if (c >= 0x1000 && c <= 0x109f) return 'MM';
  if (c >= 0x10a0 && c <= 0x10ff) return 'GE';
  if (c >= 0x1200 && c <= 0x139f) return 'ET';
  if (c >= 0x1780 && c <= 0x17ff) return 'KH';
  return null;
}

/** Taiwan's name and its cities as Taiwan writes them ("臺北市", "台中市", "新北市"). */
const TAIWAN_HAN_RE = /[臺台](?:灣|北|中|南)|新北市|高雄市|桃園市|新竹|中華民國/u;
/** Hong Kong and its districts ("香港", "九龍", "新界"). */
const HONG_KONG_HAN_RE = /香港|九龍|九龙|新界/u;
/** Han-script forms written in Japan only: legal forms, the postcode mark, ranks with Japanese readings. */
const JAPANESE_HAN_RE =
  /株式会社|有限会社|合同会社|〒|部長|課長|係長|取締役|都道府県|[都府県]\p{Script=Han}{1,6}[市区町村]/u;

/** The extension closing a span ("ext. 214", ", poste / ext. 228", "(내선 214)"): E.164 has none. */
const EXT_TAIL_RE = new RegExp(String.raw`${EXT_PART}[)）]?$`, 'i');

export function toE164(raw: string, region: CountryCode): string | null {
  const cleaned = asciiDigits(raw)
    .replace(EXT_TAIL_RE, '')
    .replace(/\(0\)/g, '')
    .replace(/^\(\+(\d{1,3})\)/, '+$1')
    .replace(/^\+\((\d{1,3})\)/, '+$1');
  try {
    const p = parsePhoneNumberFromString(cleaned, region);
    if (!p || !p.isValid()) return null;
    return p.number;
  } catch {
    return null;
  }
}

/** Phones of one line (cell-aware labels). `inherit` is the previous line's label for continuations. */
export function phonesOfLine(
  line: string,
  region: CountryCode,
  inherit: PhoneType | null,
): { phones: Phone[]; last: PhoneType | null } {
  const phones: Phone[] = [];
  let last: PhoneType | null = null;
  let prevEnd = 0;
  let prevUsedAfter = false;
  /** The type the previous number took from a label before it. */
  let prevBefore: PhoneType | null = null;
  const spans = findPhoneSpans(line);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    let before = line.slice(prevEnd, s.index);
    // "0118W 703-..." : the W belongs to the previous number.
    if (prevUsedAfter) before = before.replace(/^\s{0,3}\(?[A-Za-z]{1,10}\)?/, '');
    const nextStart = k + 1 < spans.length ? spans[k + 1]!.index : line.length;
    const after = line.slice(s.end, nextStart);
    let type: PhoneType | null = null;
    const lb = labelBefore(before);
    if (lb) type = labelType(lb);
    // "Tel (852) 5550 2210 / (852) 5550 2211   Fax ...": a number right after another, joined by a
    // slash or a comma, shares the label written before the first.
    const joined: boolean = k > 0 && /^\s?[/,]\s?$/.test(before) && !prevUsedAfter && prevBefore !== null;
    if (type === null && joined) type = prevBefore;
    prevBefore = lb ? type : joined ? prevBefore : null;
    prevUsedAfter = false;
    // "Lab: 608-555-0151  Fax: 608-555-0152": a label with its colon before the next number is that number's.
    if (type === null && !(k + 1 < spans.length && /:\s*$/.test(after))) {
      const la = labelAfter(after);
      if (la) type = labelType(la);
      prevUsedAfter = type !== null;
    }
    if (type === null && /^\s*\(?(?:[A-Z][a-z]+ ?){1,2}\)\s*$/.test(before) && inherit) type = inherit;
    if (type === null && before.trim() === '' && k === 0 && inherit && /^\s{2,}/.test(line)) type = inherit;
    const t = type ?? 'work';
    phones.push({ type: t, e164: toE164(s.raw, region), raw: s.raw });
    last = type ?? last;
    prevEnd = s.end;
  }
  return { phones, last };
}
