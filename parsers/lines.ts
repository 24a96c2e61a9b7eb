/**
 * Line features shared by the newest-part cutter, the signature finder and the field extractor.
 *
 * Every pattern here sees hostile mail text. All of them are linear-time (no nested quantifiers over
 * overlapping classes) and callers cap line length with `capLine` first: a 1 MB single line costs one
 * slice, never a backtracking storm. The word lists (valedictions, titles, legal forms, street words,
 * countries) are data in ./lexicon, one file per language, joined into these patterns once at load.
 */

/** Lines longer than this are prose or garbage, never signature material (longest real sig line seen: ~110). */
import { asciiDigits, findPhoneSpans } from './phones.ts';
import { alt, rtlAlt, words } from './lexicon/index.ts';
import { caseless } from './lexicon/caseless.ts';

export const MAX_LINE = 300;

export function capLine(line: string): string {
  return line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
}

/**
 * The lines of a text, each held one byte per character wherever its characters allow (same characters,
 * so the same matches). V8 compiles a pattern once for each string representation it meets, one-byte
 * (Latin-1) and two-byte, and a slice keeps its parent's: a line cut from a text that holds one character
 * beyond Latin-1 (a curly quote in a quoted reply) is two-byte though its own characters are Latin-1, and
 * every pattern it met was compiled twice. Over the dev corpus this spares about an eighth of the machine
 * code the patterns compile to.
 */
export function splitLines(text: string): string[] {
  if (!BEYOND_LATIN1_RE.test(text)) {
    // One copy of the whole text: its lines are slices of a one-byte string.
    text = oneByte(text);
    return text.includes('\r') ? text.split(/\r?\n|\r/) : text.split('\n');
  }
  const lines = text.includes('\r') ? text.split(/\r?\n|\r/) : text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l !== '' && !BEYOND_LATIN1_RE.test(l)) lines[i] = oneByte(l);
  }
  return lines;
}

const BEYOND_LATIN1_RE = /[^\0-\xff]/;

/** The same characters (all Latin-1) in a one-byte string: Buffer's latin1 codec keeps each code unit. */
function oneByte(s: string): string {
  return Buffer.from(s, 'latin1').toString('latin1');
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * `-- ` (RFC 3676 4.3) and its common mangled forms `--`, ` --`, `- -- ` (PGP dash-escaped), and `—` / `–`
 * alone, which macOS and iOS make of a typed `--` (smart dashes).
 */
export function isSigDelimiter(line: string): boolean {
  // Every shape opens with a dash or a space: most lines are ruled out without a pattern.
  const c = line.charCodeAt(0);
  if (c !== 45 && c !== 32 && c !== 0x2014 && c !== 0x2013) return false;
  return /^(?:- )?--\s*$/.test(line) || /^ --\s*$/.test(line) || /^[—–]\s*$/.test(line);
}

/** A rule or frame line: `=====`, `-----`, `*-----*`, `____`, `- -----`, `---------(*)`. */
export function isRuleLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > MAX_LINE) return false;
  // Box-drawing rules (U+2500-U+257F: ━━━, ───, ═══) frame Japanese and Chinese blocks. Counted by
  // code unit in a loop: called for every line of every message, a regex replace cost ~10x more.
  let symbols = 0;
  for (let i = 0; i < t.length; i++) if (isRuleSymbol(t.charCodeAt(i))) symbols++;
  return symbols >= 3 && symbols / t.length >= 0.7 && !/[A-Za-z0-9]{2}/.test(t);
}

/** `-=_*#~+.:`, box drawing (U+2500-U+257F) and the dashes of CJK frames, by UTF-16 code unit. */
function isRuleSymbol(c: number): boolean {
  return (
    c === 45 ||
    c === 61 ||
    c === 95 ||
    c === 42 ||
    c === 35 ||
    c === 126 ||
    c === 43 ||
    c === 46 ||
    c === 58 ||
    (c >= 0x2500 && c <= 0x257f) ||
    // Dashes and bars as Japanese frames draw them: "――――" (U+2015), "————", "ーーーー", "－－－－", "＝＝＝＝".
    (c >= 0x2012 && c <= 0x2015) ||
    c === 0x30fc ||
    c === 0xff0d ||
    c === 0xff1d ||
    // Geometric shapes and stars as Japanese frames repeat them: "□■□■□■", "◆◇◆◇", "●○●○", "★☆★☆".
    (c >= 0x25a0 && c <= 0x25ff) ||
    c === 0x2605 ||
    c === 0x2606
  );
}

// Latin letters with diacritics are allowed (internationalised addresses: "Jörg.Müller@firma.example",
// "info@müller.example"); other scripts are not, so "邮箱zhang@x.example" gives "zhang@x.example".
const EMAIL_RE =
  /[\p{Script=Latin}\p{M}0-9._%+'-]{1,64}@[\p{Script=Latin}\p{M}0-9-]{1,63}(?:\.[\p{Script=Latin}\p{M}0-9-]{1,63}){1,8}/u;
const EMAIL_RE_G = new RegExp(EMAIL_RE.source, 'gu');
/**
 * `name at example.com` obfuscation, kept as written; a host with a path after it ("open roles at
 * acme.example/careers") or a web host ("Register now at www.fair.example") is a link in a sentence, not an
 * address.
 */
// ...nor is a word after another in a sentence ("see what's new at thornvale.example").
const AT_EMAIL_RE_G =
  /(?<![A-Za-z0-9._%+'’-]|[A-Za-z'’,] )[A-Za-z0-9._%+-]{1,64} at (?!www\.)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?![\w/-]|\.[\w-])/g;
const AT_EMAIL_HINT_RE =
  /(?<![A-Za-z0-9._%+'’-]|[A-Za-z'’,] )[A-Za-z0-9._-]{1,64} at (?!www\.)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,7}\.[a-z]{2,}(?![\w/-]|\.[\w-])/;

// Every address shape needs a dot and either '@' or the literal " at ": checking those first skips the
// regexes on most lines (they ran on every line of every message and were a tenth of the extract time).
export function hasEmail(line: string): boolean {
  if (!line.includes('.') || isKeyValueRecord(line)) return false;
  return (
    (line.includes('@') && findEmails(line).length > 0) ||
    (line.includes(' at ') && AT_EMAIL_HINT_RE.test(line))
  );
}

/**
 * A top-level domain is letters (or an IDN's "xn--" form): "image002.jpg@01D270F2.948E3570", an image's
 * content id written bare ("cid:..."), is no address.
 */
const TLD_RE = /\.(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

export function findEmails(line: string): string[] {
  const out: string[] = [];
  const l = capLine(line);
  if (!l.includes('.') && !l.includes('://')) return out;
  if (l.includes('@'))
    for (const m of l.matchAll(EMAIL_RE_G)) {
      const e = m[0].replace(/^[.'-]+|[.'-]+$/g, '');
      if (TLD_RE.test(e)) out.push(e);
    }
  if (out.length === 0 && l.includes(' at ')) for (const m of l.matchAll(AT_EMAIL_RE_G)) out.push(m[0]);
  return out;
}

/**
 * Explicit URLs, X profiles without a scheme ("x.com/handle": a one-letter host), and bare `host.tld[/path]`
 * for the top-level domains businesses sign with (generic ones and
 * the country codes of the mail we see); codes that are also file extensions (.py, .sh, .md, .pl, .rs) are
 * left to the `Web:` label below.
 */
const URL_RE_G =
  /(?:https?:\/\/|www\.)[^\s<>"'()\[\]|,]{1,200}|\bx\.com\/\w{1,30}|\b[a-z0-9-]{2,63}(?:\.[a-z0-9-]{1,63}){0,3}\.(?:com|org|net|io|de|ie|co\.uk|uk|fr|ca|edu|info|biz|es|it|nl|eu|ch|at|se|au|nz|ae|in|sg|my|za|ng|ke|gh|ph|hk|tw|jp|kr|cn|br|mx|ar|cl|pe|co|cz|sk|pt|be|dk|no|fi|gr|tr|ru|il|sa|qa|us|app|dev|tech|ai|agency|studio|consulting|law|group)(?![a-z0-9-])(?:\/[^\s<>"'()\[\]|,]{0,200})?/gi;

/**
 * A bare host after a web label ("w: example.dk", "Web: firma.pl"): the label vouches for it, so any
 * alphabetic top-level domain counts, not only those URL_RE_G knows. Bounded repetitions, linear time.
 */
const LABELLED_HOST_RE_G =
  /(?:^|[\s|•])(?:w|web|website|url|homepage|internet|site)\s?[:•]\s?([a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,3}\.[a-z]{2,24}(?![\w@-]|\.\w)(?:\/[^\s<>"'()\[\]|,]{0,200})?)/gi;
const WEB_LABEL_HINT_RE = /(?:^|[\s|•])(?:w|web|website|url|homepage|internet|site)\s?[:•]/i;

const DOTTED_SYLLABLES_RE = /^(?:[A-Z][a-z]{0,3}\.){2,}[A-Z][a-z]{0,3}$/;

/** URL-ish tokens with their start index: explicit `http(s)://`, `www.` and bare `host.tld[/path]`. */
export function findUrls(line: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  urlsIn(line, out);
  return out;
}

/**
 * The URLs of a line into `out`, in order of their index; with no `out`, whether the line has one at all
 * (stops at the first: `hasUrl` asks it of every line).
 */
function urlsIn(line: string, out?: { text: string; index: number }[]): boolean {
  const l = capLine(line);
  // Every shape needs a dot except `scheme://host`: most lines have neither, skip the regexes.
  if (!l.includes('.') && !l.includes('://')) return false;
  let found = false;
  for (const m of l.matchAll(URL_RE_G)) {
    const i = m.index ?? 0;
    const prev = i > 0 ? (l[i - 1] ?? ' ') : ' ';
    // Part of an e-mail address (`x@example.com`) or of a longer token: not a URL.
    if (prev === '@' || prev === '.' || /[A-Za-z0-9]/.test(prev)) continue;
    const after = l.slice(i + m[0].length, i + m[0].length + 1);
    // Part of a longer token ("sarah.chen@..." must not yield "sarah.ch").
    if (after === '@' || /[A-Za-z0-9_-]/.test(after)) continue;
    const text = m[0].replace(/[.;:!?]+$/, '');
    if (text.length < 4) continue;
    // "Ho.Re.Ca." (hotels, restaurants, cafés), "Co.Ge.Fi.": an abbreviation of capitalised syllables, not a host.
    if (DOTTED_SYLLABLES_RE.test(text)) continue;
    if (/^mailto:/i.test(l.slice(Math.max(0, i - 7), i))) continue;
    if (!out) return true;
    out.push({ text, index: i });
    found = true;
  }
  if (WEB_LABEL_HINT_RE.test(l)) {
    for (const m of l.matchAll(LABELLED_HOST_RE_G)) {
      // Nothing found before: the first labelled host is a URL (it overlaps none).
      if (!out) return true;
      const text = m[1]!.replace(/[.;:!?]+$/, '');
      const index = (m.index ?? 0) + m[0].length - m[1]!.length;
      if (!out.some((u) => u.index <= index && index < u.index + u.text.length)) {
        out.push({ text, index });
        found = true;
      }
    }
    out?.sort((a, b) => a.index - b.index);
  }
  return found;
}

export function hasUrl(line: string): boolean {
  if (isKeyValueRecord(line)) return false;
  return /https?:\/\/|www\.[a-z0-9-]/i.test(line) || urlsIn(line);
}

/** Digit groups that look like a phone number: 7+ digits over a short span, or an extension form. */
export function hasPhone(line: string): boolean {
  if (isKeyValueRecord(line)) return false;
  return findPhoneSpans(capLine(line)).length > 0;
}

export function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Whitespace as `\s` and `String.prototype.trim` define it (ECMA-262 WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whitespace-separated tokens; the same count as `s.trim().split(/\s+/)`, without building the array. */
export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}

/** Letters only Vietnamese writes: ă, ơ, ư, đ and the vowels with a dot below or a hook above. */
const VIETNAMESE_RE = /[ăơưđĂƠƯĐ\u1EA0-\u1EF9]/u;

/**
 * Words as a reader counts them, for length limits on names and titles: Vietnamese writes each syllable
 * apart ("Công ty TNHH Dịch vụ Kỹ thuật" is four words of two syllables), so a Vietnamese line counts two
 * syllables a word.
 */
export function lexicalWordCount(s: string): number {
  const n = wordCount(s);
  return VIETNAMESE_RE.test(s) ? Math.ceil(n / 2) : n;
}

/**
 * Valedictions ("Thanks,", "Best regards", "Mit freundlichen Grüßen") in several languages, with the
 * Latin or the Arabic comma (U+060C) after them; two of them in two languages on one line ("Með kveðju /
 * Best regards,").
 */
const VALEDICTION_RE = caseless(
  String.raw`^[\s>*_-]*(?:${alt('valedictions')})(?:\s?[/|]\s?(?:${alt('valedictions')}))?(?![\p{L}\p{N}_])[\s,.!:;،-]*(?:[a-z]{0,3})?[\s,.!،]*$`,
  'iu',
);
/** Japanese closings (no word boundaries in CJK text): よろしくお願いいたします, 宜しくお願い致します. */
const CJK_VALEDICTION_RE = new RegExp(String.raw`^(?:${alt('valedictionsNative')})[。！!]?$`, 'u');

export function isValediction(line: string): boolean {
  const l = capLine(line).trim();
  if (l.length > 60) return false;
  return VALEDICTION_RE.test(l) || CJK_VALEDICTION_RE.test(l);
}

/** A valediction that ends a longer line: "Thanks for these.  --Sally", "cheers -- Rick". */
export function endsWithSignoff(line: string): boolean {
  return /(?:--|—|[.!?,]\s?-)\s?[A-Z][a-z]{1,15}\s*$/.test(capLine(line));
}

/**
 * Role nouns of business titles (English plus common European words). A title needs one of these;
 * modifiers such as "Senior", "Sales" or "Vice" alone do not make a title.
 */
// "Analyst Relations", "Partner Programs": a role noun before a served unit's word is no title.
const TITLE_WORDS = caseless(
  String.raw`(?<![\p{L}\p{N}_])(?:${alt('titleNouns')})(?![\p{L}\p{N}_])(?! (?:${alt('servedUnitWords')})(?![\p{L}]))`,
  'iu',
);
/** Japanese titles: 部長 (department head), 課長, 係長, 主任, 社長, 取締役, 室長, マネージャー, エンジニア. */
/** Korean ranks: 과장 (manager), 부장, 차장, 대리, 팀장, 이사, 대표, 실장, 주임, 사원, 상무, 전무, 본부장. */
/** Chinese titles: 经理 (manager), 总经理, 总监 (director), 主管, 工程师 (engineer), 总裁, 董事长, 顾问. */
const CJK_TITLE_RE = new RegExp(`(?:${alt('titleNounsNative')})`, 'u');

/** Compound titles in German, Dutch and Nordic languages: "Vertriebsleiter", "Projectleider". */
// Written with a look-behind: "three letters or more, then an ending" matches exactly where three letters
// precede the ending, and the engine then tries the endings once per position instead of once per run of
// letters that could precede them.
const TITLE_COMPOUND = caseless(String.raw`(?<=\p{L}{3})(?:${alt('titleSuffixes')})(?![\p{L}])`, 'iu');

/**
 * Arabic and Hebrew titles. Neither script has letter case, and both attach the article or a conjunction
 * to the word (Arabic "ال", Hebrew "ה"), so a word starts after a non-letter, optionally with the article.
 * Arabic: مدير (manager/director), رئيس (head/president), نائب (deputy), مهندس (engineer), مستشار
 * (consultant), محلل (analyst), أخصائي (specialist), منسق (coordinator), محاسب (accountant), مطور
 * (developer), مشرف (supervisor), مساعد (assistant), شريك (partner), مؤسس (founder), محامي (lawyer).
 * Hebrew: מנהל (manager), מנכ"ל (CEO), סמנכ"ל (VP), ראש (head), מהנדס (engineer), יועץ (consultant),
 * אנליסט, מפתח (developer), רכז (coordinator), מתכנת (programmer), עו"ד (lawyer), שותף (partner), מייסד
 * (founder), סגן (deputy), יו"ר (chair).
 */
const RTL_TITLE_RE = new RegExp(rtlAlt('titleNounsRtl', { edges: true }), 'u');

const RTL_LETTER_RE = /[\u0590-\u06ff]/;

/** Does any Arabic or Hebrew letter occur (U+0590-U+06FF)? A one-class scan skips RTL patterns on Latin lines. */
export function hasRtlLetters(s: string): boolean {
  return RTL_LETTER_RE.test(s);
}

/**
 * Could a combining mark or a letter of a script without capitals (Thai, the Indic scripts, Khmer, Lao,
 * Myanmar, Georgian, Ethiopic) or of Chinese, Japanese or Korean occur? All of them lie at U+0300 or
 * above, and none in General Punctuation (U+2000-U+206F: the dashes and quotes of Latin text). A one-class
 * scan that spares Latin lines the script patterns, whose Unicode classes cost 1-3 ms each to compile
 * (per subject width) in every `sigmine extract` process that would otherwise run them on any line.
 */
const BEYOND_LATIN_RE = /[\u0300-\u1fff\u2070-\uffff]/;

export function mayHaveOtherScript(s: string): boolean {
  return BEYOND_LATIN_RE.test(s);
}

/**
 * Could a Han, Hangul, Hiragana or Katakana character occur? Those scripts lie in Hangul Jamo
 * (U+1100-U+11FF) or at U+2E80 and above (surrogates included, for the supplementary ideographs).
 */
const CJK_RANGE_RE = /[\u1100-\u11ff\u2e80-\uffff]/;

export function mayHaveCjk(s: string): boolean {
  return CJK_RANGE_RE.test(s);
}

export function hasTitleWord(line: string): boolean {
  const l = capLine(line);
  if (isKeyValueRecord(l)) return false;
  return (
    TITLE_WORDS.test(l) ||
    TITLE_COMPOUND.test(l) ||
    CJK_TITLE_RE.test(l) ||
    (hasRtlLetters(l) && RTL_TITLE_RE.test(l))
  );
}

/**
 * A machine-generated `KEY = value` record line ("DEAL_ID = 44721", "Counterparty = Northwind Inc."):
 * reports, logs and system notifications list fields this way, signatures never do. Such lines carry no
 * signature field whatever their value holds. An identifier-shaped key (letters, digits, `_`, `.`, `-`,
 * at most three words) then `=` with a value; bounded and anchored, so linear.
 */
const KEY_VALUE_RE = /^\s{0,8}[A-Za-z][\w.-]{0,40}(?: [\w.-]{1,20}){0,2}\s{0,8}=\s{0,8}[^\s=]/;

export function isKeyValueRecord(line: string): boolean {
  return line.includes('=') && KEY_VALUE_RE.test(line);
}

/** Legal-form suffixes are case-sensitive ("AS", "SA"), institution words are not. */
const LEGAL_SUFFIX_RE = new RegExp(
  String.raw`(?:^|[\s,])(?:${alt('legalForms')})(?![\p{L}\p{N}_]|-\p{L})\.?|\s(?:${alt('legalFormsAtEnd')})\.?$`,
  'u',
);
/** Japanese and Chinese legal forms: 株式会社 (K.K.), 有限会社, 合同会社, (株), 有限公司, 公司. */
/** ...and Korean: 주식회사, (주), ㈜. */
const CJK_LEGAL_RE = new RegExp(alt('legalFormsNative'), 'u');
/** ...and institutions: 大学 (university), 病院 / 醫院 (hospital), at the end of a Han or Kana run. */
const CJK_INSTITUTION_RE = new RegExp(
  // Korean spaces its words: "주영국 대한민국 대사관" (the embassy in the UK).
  String.raw`(?:[\p{Script=Han}\p{Script=Hangul}]|\p{Script=Hangul} )(?:${alt('orgWordsNative')})(?![\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}])`,
  'u',
);
/**
 * Arabic and Hebrew organisation words: شركة (company), مؤسسة (establishment), مجموعة (group),
 * المحدودة (limited), القابضة (holding), ش.م.م / ذ.م.م (LLC), ش.م.ع (PJSC); בע"מ (Ltd), חברת (company of).
 */
const RTL_ORG_RE = new RegExp(rtlAlt('orgWordsRtl', { edges: true }), 'u');
/** Thai institutions: "มหาวิทยาลัยเจ้าพระยา" (a university), the word joined to the name. */
const ORG_PREFIX_NATIVE_RE = new RegExp(
  // A place may follow after a space: "โรงเรียนนานาชาติริเวอร์ไซด์ เชียงใหม่" (a school, then its city).
  String.raw`^(?:${alt('orgPrefixesNative')})\p{Script=Thai}{2,60}(?: \p{Script=Thai}{2,30})?$`,
  'u',
);
const STRONG_ORG_RE = caseless(String.raw`(?<![\p{L}\p{N}_])(?:${alt('orgWords')})(?![\p{L}\p{N}_])`, 'iu');
const WEAK_ORG_RE = caseless(String.raw`(?<![\p{L}\p{N}_])(?:${alt('weakOrgWords')})(?![\p{L}\p{N}_])`, 'iu');

export function hasCompanyWord(line: string): boolean {
  const l = capLine(line);
  if (isKeyValueRecord(l)) return false;
  return hasStrongCompanyWord(l) || WEAK_ORG_RE.test(l);
}

/** A legal form ("Ltd", "GmbH", "株式会社"): the lexicons' legal forms, not an institution word. */
export function hasLegalForm(line: string): boolean {
  const l = capLine(line);
  return LEGAL_SUFFIX_RE.test(l) || CJK_LEGAL_RE.test(l);
}

const LATIN_LETTER_RE = /\p{Script=Latin}/u;
/** Does the text hold a Latin letter (a name or title written in Latin script, whatever else it holds)? */
export function hasLatinLetters(s: string): boolean {
  return LATIN_LETTER_RE.test(s);
}

const NON_LATIN_LETTER_RE = /(?!\p{Script=Latin})\p{L}/u;
/** Does the text hold a letter of a script other than Latin (a block's or an address's other version)? */
export function hasNonLatinLetters(s: string): boolean {
  return NON_LATIN_LETTER_RE.test(s);
}

/** German "i.A." / "i.V." / "ppa." and English "p.p." (signing on behalf) before a name, with the space after. */
export const ON_BEHALF_RE = /^(?:i\.\s?A\.|i\.\s?V\.|ppa\.|p\.\s?p\.)\s+/;

/** Legal form or university-like institution: the organisation, not a unit of it. */
export function hasStrongCompanyWord(line: string): boolean {
  const l = capLine(line);
  return (
    LEGAL_SUFFIX_RE.test(l) ||
    CJK_LEGAL_RE.test(l) ||
    (mayHaveCjk(l) && CJK_INSTITUTION_RE.test(l)) ||
    (mayHaveOtherScript(l) && ORG_PREFIX_NATIVE_RE.test(l.trim())) ||
    STRONG_ORG_RE.test(l) ||
    (hasRtlLetters(l) && RTL_ORG_RE.test(l))
  );
}

/** Street / city / postcode shapes: "1400 Smith Street", "Houston, TX 77002", "D 91058 Erlangen". */
// An ordinal may name the street: "220 West 19th Street", "55 W 34th St".
const STREET_RE = caseless(
  String.raw`\b\d{1,6}[a-z]?,? (?:[A-Za-z .'-]|\d{1,3}(?:st|nd|rd|th)\b){0,40}\b(?:${alt('streetWords')})\b\.?`,
  'i',
);
/**
 * Street names as Europe writes them: a compound ending in a street word then the number ("Industriestraße
 * 12", "Mannerheimintie 10 A", "Nørregade 14"), two words ("Mariahilfer Straße 88"), or a street word
 * first ("rue des Lilas", "Via Roma, 25", "ul. Marszałkowska 84/92", "Av. Paulista, 1578") with a number
 * somewhere in the cell.
 */
const STREET_EU_RE = new RegExp(
  String.raw`(?:^|[\s,])\p{Lu}[\p{Ll}ß-]{1,30}(?:${alt('streetSuffixes')})\s?\d{1,4}(?![\d\p{L}])|(?:^|\s)\p{Lu}[\p{Ll}-]{2,30} (?:${alt('streetWordsSpaced')})(?:,? (?:${alt('houseNumberLabels')}))?\s?\d{1,4}(?!\d)`,
  'u',
);
const STREET_PREFIX_RE = caseless(String.raw`(?:^|[\s,])(?:${alt('streetPrefixes')})\s\S`, 'iu');
/**
 * Postcodes with their city, per country: US/AU "City, ST 12345" / "Sydney NSW 2000", DE/FR/CH/AT/IT/ES
 * "70565 Stuttgart" (optionally "CH-"), UK, NL "1015 CJ", CA "H3B 4W8", IE Eircode "D18 X5K7", SE/CZ/GR
 * "111 22", PL "00-514", PT "1000-001", BR "CEP 01310-200", MX "C.P. 03100", JP "〒100-0005" / "Tokyo
 * 100-0005", IN/SG "Haryana 122015", PO boxes in their languages.
 */
const POSTCODE_CITY_RE =
  /\b[A-Z][A-Za-z .'-]{1,30},? (?:[A-Z]{2}|[A-Z][a-z]{2,20})\.?,?(?: USA| U\.S\.A\.)? {1,3}\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{4} ?[A-Z]{2} [A-Z][a-z]{2,30}\b|\b[A-Z][a-z]{2,30} ?[-–] ?\d{6}\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b|\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT) \d{4}\b|\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}\b|\bCEP:? ?\d{5}-?\d{3}\b|\bC\.\s?P\.? ?\d{5}\b|\b[A-Z]\d{4}[A-Z]{3}(?: [-–])? [A-Z]/;
const POSTCODE_CITY_U_RE =
  /(?:^|[\s,(])(?:[A-Z]{1,2}[- ])?\d{4,5} \p{Lu}[\p{L}'-]{2,30}|(?:^|[\s,])(?:[A-Z]{1,2}-)?\d{3} \d{2} \p{Lu}\p{Ll}{2,30}|(?:^|\s)\d{2}-\d{3} \p{Lu}\p{Ll}{2,30}|(?:^|\s)\d{4}-\d{3} \p{Lu}\p{Ll}{2,30}|〒\s?\d{3}-?\d{4}|(?:^|\s)\p{Lu}\p{Ll}{2,30},? (?:\d{3}-\d{4}|\d{6})(?![\d-])/u;
/** Japanese prefecture and city, Korean province and city: the postcode-city shapes without a digit. */
const CJK_REGION_CITY_RE =
  /(?:東京都|北海道|大阪府|京都府|\p{Script=Han}{2,3}県)\p{Script=Han}{1,8}[市区町村郡]|\p{Script=Hangul}{1,4}(?:특별시|광역시|특별자치시|도) \p{Script=Hangul}{1,6}[시구군]/u;
/** PO boxes: "P.O. Box 4410", "Box 1234", "Postfach 10 20 30", "Case postale 12", "Caixa Postal 45". */
const PO_BOX_RE = new RegExp(
  // Ghana writes its box with the post office's code first: "P.O. Box CT 5551".
  // ...or a letter and a dot ("P.O. Box M.555").
  String.raw`\b(?:${alt('poBoxes')}) ?(?:[A-Z]{1,3}\.? ?)?\d{1,6}\b|^(?:${alt('poBoxAbbrevs')}) ?(?:[A-Z] )?\d{1,6}\b`,
);
/** Brazilian "Bela Vista - São Paulo - SP": a city, then the state's two-letter code, maybe its CEP. */
const BR_CITY_UF_RE =
  /\p{L} ?[-–/] ?(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)(?:,? (?:CEP:? ?)?\d{5}-?\d{3})?$/u;
/** A highway address by its road code: "Rod. BR-060, km 12", "Carretera N-340", "Route 9". */
const HIGHWAY_RE = new RegExp(String.raw`(?:^|\s)(?:${alt('highwayWords')})\s[A-Z]{0,3}-?\d{1,4}\b`);
/** Floor, suite, unit and level lines in several languages: "3rd Floor", "12º andar", "2. sal", "Piso 5". */
const PREMISES_RE = caseless(
  // "Plot # 55-57", "Sector # 4", "Plot # F-555": the number sign may stand apart.
  String.raw`\b(?:${alt('premisesWords')})\s?(?:#\s?)?(?:\p{Lu}-?)?\d{1,5}\b|\b\d{1,3}(?:st|nd|rd|th|º|ª|°|\.|e|er|ème)? ?(?:${alt('floorWords')})(?![\p{L}])`,
  'iu',
);
const COUNTRY_RE = caseless(String.raw`^(?:${alt('countries')})\.?$`, 'iu');
const GRADE_RE = /^(?:grade level|salary grade|gl-?)\s?\d{1,2}$/i;

/**
 * "Col. Palmira, Edificio Naciones Unidas, Tegucigalpa, Honduras", "Congo Building, Menelik II Avenue, Addis
 * Ababa, Ethiopia": three to six named places, the last a country.
 */
const PLACES_COUNTRY_RE = caseless(
  String.raw`^\p{Lu}[^,;:!?]{1,50}(?:, \p{Lu}[^,;:!?]{1,50}){1,4}, (?:${alt('countries')})\.?$`,
  'iu',
);
/**
 * "المنطقة الحرة العامة، العامرية، الإسكندرية، مصر": Arabic-script places joined by "،", the last a country (the
 * script has no capitals for PLACES_COUNTRY_RE).
 */
const ARABIC_PLACES_COUNTRY_RE = new RegExp(
  String.raw`^[^،,:;!?]{2,50}(?:، [^،,:;!?]{2,50}){1,5}، (?:${alt('countries')})$`,
  'u',
);
/** "Makati City 1226, Philippines": a city, its postcode after it, and a country. */
const CITY_CODE_COUNTRY_RE = caseless(
  String.raw`^\p{Lu}[\p{L}'-]{2,30}(?: \p{Lu}[\p{L}'-]{1,30}){0,2} \d{4,6}, (?:${alt('countries')})\.?$`,
  'iu',
);

/** "Near Al Noor Mosque", "Opp. City Centre Mall": a landmark written as an address line. */
const LANDMARK_RE = new RegExp(
  String.raw`^(?:${alt('landmarkPrefixes')})\s\p{Lu}[\p{L}'.-]*(?:\s\p{Lu}[\p{L}'.-]*){0,5}$`,
  'u',
);
/**
 * Central American addresses given as directions from a landmark: "Del Parque Central 300 metros norte y 50
 * este", "200 varas al sur de la iglesia".
 */
const DIRECTIONS_RE = /\b\d{2,4} ?(?:metros|mts?\.?|varas|m) (?:al )?(?:norte|sur|este|oeste)\b/i;
/**
 * Addresses in Devanagari, Bengali, Tamil, Sinhala, Khmer, Ethiopic and Arabic-script languages (Hindi, Bengali,
 * Urdu, Persian, Amharic...): a street or premises word of the lexicons ("রোড", "மார்க்", "روڈ", "خیابان", "අංක",
 * "ወረዳ") and a comma ("،", "፣") on one line.
 */
const INDIC_ARABIC_SCRIPT_RE =
  /[\u0900-\u09ff\u0600-\u06ff\u0b80-\u0bff\u0d80-\u0dff\u1780-\u17ff\u1200-\u137f]/;
const NATIVE_STREET_RE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?:${[...words('streetWords'), ...words('streetPrefixes'), ...words('premisesWords')].filter((w) => INDIC_ARABIC_SCRIPT_RE.test(w)).join('|')})(?![\p{L}\p{M}])`,
  'u',
);
/** Philippine cities with their postcode: "Makati City 1229", "Quezon City 1100". */
const CITY_POSTCODE_RE = /\b\p{Lu}\p{Ll}{2,20} City,? \d{4}\b/u;
/** What CITY_CODE_COUNTRY_RE cannot match without: " 1226, ". */
const CITY_CODE_HINT_RE = / \d{4,6}, /;

export function looksLikeAddress(line: string): boolean {
  const l = asciiDigits(capLine(line).trim());
  // A civil servant's grade ("Grade Level 16", "GL-14") is no floor.
  // ...nor a network's autonomous system number ("AS64512").
  if (isKeyValueRecord(l) || GRADE_RE.test(l) || /^AS\d{3,10}$/.test(l)) return false;
  // Each shape is tried only on lines that hold what it cannot match without (digits, a comma, a dash, a
  // CJK character): most lines reach none of the Unicode patterns, which then need no compiling either.
  const digits = countDigits(l);
  return (
    (digits > 0 && (addressWithDigits(l) || POSTCODE_CITY_U_RE.test(l))) ||
    // (A firm named after its city and district, "汕头市澄海区...有限公司", is the firm, not an address.)
    (mayHaveCjk(l) &&
      !(digits === 0 && CJK_LEGAL_RE.test(l)) &&
      (CJK_REGION_CITY_RE.test(l) || CHINESE_ADDRESS_RE.test(l) || CJK_POSTCODE_RE.test(l))) ||
    // A landmark line has no digit and starts with a capital: only short lines of that shape are tried.
    (digits === 0 && l.length <= 80 && LANDMARK_RE.test(l)) ||
    (digits >= 2 && DIRECTIONS_RE.test(l)) ||
    (digits >= 4 && CITY_POSTCODE_RE.test(l)) ||
    (INDIC_ARABIC_SCRIPT_RE.test(l) && /[,،፣]/.test(l) && NATIVE_STREET_RE.test(l)) ||
    (l.includes('، ') && INDIC_ARABIC_SCRIPT_RE.test(l) && ARABIC_PLACES_COUNTRY_RE.test(l)) ||
    BR_CITY_UF_RE.test(l) ||
    COUNTRY_RE.test(l) ||
    (l.includes(', ') && !l.includes(' ,') && PLACES_COUNTRY_RE.test(l)) ||
    (digits >= 4 && CITY_CODE_HINT_RE.test(l) && CITY_CODE_COUNTRY_RE.test(l)) ||
    // "Nordljus AB", "Léman SA": a legal form, not Alberta or South Australia. (State codes are capitals.)
    (STATE_CODE_END_RE.test(l) && CITY_STATE_RE.test(l) && !LEGAL_SUFFIX_RE.test(l)) ||
    // Japanese addresses in Latin script: "2-3-1 Marunouchi", "Chiyoda-ku", "Osaka-shi".
    (JAPANESE_LATIN_HINT_RE.test(l) && JAPANESE_LATIN_ADDRESS_RE.test(l)) ||
    (digits > 0 && KOREAN_LATIN_HINT_RE.test(l) && koreanLatinAddress(l)) ||
    (l.includes(', ') && adminUnitCells(l) >= 3)
  );
}

/** A comma cell opening with an administrative unit's word ("xã An Hải", "huyện Ninh Phước"). */
const ADMIN_UNIT_CELL_RE = caseless(String.raw`^(?:${alt('adminUnitPrefixes')})\s\p{L}`, 'iu');
function adminUnitCells(l: string): number {
  let n = 0;
  for (const cell of l.split(/,\s/)) if (ADMIN_UNIT_CELL_RE.test(cell.trim())) n++;
  return n;
}

/** Road (-ro, -gil, -daero), district, city and province suffixes of Korean places written in Latin script. */
const KOREAN_SUFFIXES = 'ro|gil|daero|gu|si|do|dong|myeon|eup|gun';
/** What a Korean address in Latin script cannot match without: a hyphened road, district or province suffix. */
const KOREAN_LATIN_HINT_RE = new RegExp(String.raw`-(?:${KOREAN_SUFFIXES})\b`);
const KOREAN_LATIN_PART_RE = new RegExp(
  String.raw`\p{Lu}\p{Ll}{1,20}-(?:${KOREAN_SUFFIXES})(?![\p{L}])|\d{1,3}-gil\b`,
  'gu',
);
/**
 * "45, Gongdan-ro 3-gil, Miyang-myeon, Anseong-si, Gyeonggi-do, 17601": a road (-ro, -gil, -daero) and its
 * district, city or province (-gu, -si, -do, -myeon), two of them at least, with a number (a given name like
 * "Min-gu" is one word alone).
 */
function koreanLatinAddress(l: string): boolean {
  return (l.match(KOREAN_LATIN_PART_RE) ?? []).length >= 2;
}

/** What the two Japanese shapes cannot match without: digits around a hyphen, or the ward suffix. */
const JAPANESE_LATIN_HINT_RE = /\d-\d|-(?:ku|shi|cho|machi|gun)/;
/** A line that ends with a state code (capitals, maybe a dot): what CITY_STATE_RE needs at its end. */
const STATE_CODE_END_RE = /[A-Z]\.?$/;
/** "2-3-1 Marunouchi", "Chiyoda-ku", "Osaka-shi". */
const JAPANESE_LATIN_ADDRESS_RE =
  /(?:^|\s)\d{1,2}-\d{1,2}(?:-\d{1,3})? \p{Lu}\p{Ll}{2,20}|\p{Lu}\p{Ll}{1,20}-(?:ku|shi|cho|machi|gun)(?![\p{L}])/u;

/**
 * A city and its state or province code alone on a line, without a postcode: "Cambridge, MA", "Mountain
 * View, CA", "Toronto, ON", "Sydney NSW". Up to three capitalised words; credentials that look like codes
 * ("Jane Roe, MD") are name lines, which callers have taken before addresses.
 */
const CITY_STATE_RE = new RegExp(
  String.raw`^\p{Lu}[\p{Ll}.'-]{1,25}(?: \p{Lu}[\p{Ll}.'-]{1,25}){0,2},? (?:${alt('stateCodes')})\.?$`,
  'u',
);

/**
 * Chinese addresses: a city and its district ("北京市朝阳区", "上海市浦东新区", with the province before it),
 * or a road with its number ("建国路88号", "中山大道1号"), in simplified or traditional script ("台北市信義區",
 * "松高路11號", "文化路一段100號"), Hong Kong's 道 and spaced numbers too ("廣東道 30 號").
 */
/** A postcode under its Chinese label: "邮编：266071", "郵遞區號: 11267". */
const CJK_POSTCODE_RE = /^(?:邮编|郵編|邮政编码|郵遞區號)\s?[:：]\s?\d{5,6}$/u;
// ...or a county and its township ("嘉義縣阿里山鄉", "云南省普洱市", "宁洱县磨黑镇").
const CHINESE_ADDRESS_RE =
  /\p{Script=Han}{2,4}市\p{Script=Han}{1,6}[区县區縣]|\p{Script=Han}{2,4}[縣县]\p{Script=Han}{1,6}[鄉鎮乡镇]|\p{Script=Han}{1,10}(?:路|街|道|大道|大街)(?:\p{Script=Han}{1,3}段)?\s?\d{1,5}\s?[号號]/u;

/**
 * Thai addresses: "เลขที่ 99 อาคาร... ชั้น 15 ถนน...", "แขวง... เขต... กรุงเทพฯ 10120". Address words are
 * written joined to the name after them, so each opens a space-separated phrase; two of them on a line
 * with a number make an address (one alone, such as เขต "zone", also occurs in prose).
 */
const THAI_ADDRESS_WORD_RE = new RegExp(String.raw`(?:^|\s)(?:${alt('streetPrefixesNative')})`, 'gu');
function thaiAddress(l: string): boolean {
  if (!/\p{Script=Thai}/u.test(l)) return false;
  return [...l.matchAll(THAI_ADDRESS_WORD_RE)].length >= 2;
}

/** The address shapes of `looksLikeAddress` that cannot match without a digit. */
function addressWithDigits(l: string): boolean {
  return (
    thaiAddress(l) ||
    STREET_RE.test(l) ||
    STREET_EU_RE.test(l) ||
    (STREET_PREFIX_RE.test(l) && /\d/.test(l)) ||
    POSTCODE_CITY_RE.test(l) ||
    PO_BOX_RE.test(l) ||
    HIGHWAY_RE.test(l) ||
    PREMISES_RE.test(l) ||
    /^#\d{1,6},/.test(l) ||
    // Office / room codes written alone on a line: "EB 3889", "EB3816", "Room 4.12".
    /^[A-Z]{2,3} ?\d{3,5}[A-Z]?$/.test(l) ||
    /^(?:Room|Rm\.?|Office|Raum|Bureau|Salle)\s?#?\s?\d[\dA-Z.-]{0,7}$/i.test(l)
  );
}

/** A line that opens with a street word ("Polígono Industrial Fuente del Jarro", "Rua das Flores"). */
const STREET_PREFIX_START_RE = caseless(String.raw`^(?:${alt('streetPrefixes')})\s\S`, 'iu');

export function startsWithStreetWord(line: string): boolean {
  return STREET_PREFIX_START_RE.test(capLine(line).trim());
}

export function isCountryLine(line: string): boolean {
  return COUNTRY_RE.test(line.trim());
}

/**
 * A line that reads as a personal name: 1-5 capitalised tokens (initials, particles, hyphens allowed),
 * no digits, no sentence punctuation.
 */
export function looksLikeName(line: string): boolean {
  const t = capLine(line)
    .trim()
    .replace(/^\*(.{1,80})\*$/, '$1')
    .replace(ON_BEHALF_RE, '')
    // Pronouns after the name: "Andre Whitfield (he/him)", "Sam Lee [they/them]".
    .replace(PRONOUNS_AFTER_RE, '');
  if (t.length < 2 || t.length > 50 || /\d|[@:;!?]/.test(t)) return false;
  // Arabic and Hebrew names have no capitals: two to four words of those scripts, none a title or an
  // organisation word. Bidi controls (RLM, LRM, embeddings) are invisible and ignored.
  if (hasRtlLetters(t)) {
    const r = t.replace(BIDI_RE, '').trim();
    return (
      RTL_NAME_RE.test(r) &&
      !RTL_TITLE_RE.test(r) &&
      !RTL_ORG_RE.test(r) &&
      !CJK_LEGAL_RE.test(r) &&
      !RTL_UNIT_WORD_RE.test(r)
    );
  }
  // Scripts without capitals (Thai, Devanagari and the other Indic scripts, Khmer, Lao, Myanmar,
  // Georgian, Ethiopic): two or three words of one such script, no legal form.
  // A degree or honorific may open it ("ড. তাহমিনা হক", "डॉ. अनिल वर्मा").
  if (mayHaveOtherScript(t) && CASELESS_NAME_RE.test(t.replace(HONORIFIC_LEAD_RE, '')))
    return !CJK_LEGAL_RE.test(t);
  // "अनिल वर्मा / Anil Verma", "Ivan Petrov / Иван Петров": one name written in two scripts.
  const halves = t.split(' / ');
  if (halves.length === 2 && TWO_SCRIPTS_RE.test(t)) {
    const [a, b] = halves as [string, string];
    return (
      (looksLikeName(a) && OTHER_SCRIPT_NAME_RE.test(b)) || (looksLikeName(b) && OTHER_SCRIPT_NAME_RE.test(a))
    );
  }
  // Japanese, Chinese and Korean names: family name then given name, 1-4 characters each.
  if (
    mayHaveCjk(t) &&
    /^[\p{Script=Han}\p{Script=Hangul}]{1,4}[ 　]?[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}]{1,4}$/u.test(
      t,
    )
  )
    return t.length <= 9 && !/(?:株式会社|有限会社|合同会社|公司|[部課室])$/u.test(t);
  const toks = t.split(/\s+/);
  if (toks.length > 5) return false;
  let caps = 0;
  for (const tok of toks) {
    if (NAME_PARTICLE_RE.test(tok)) continue;
    // A nickname in quotes or brackets inside the name: Maria Cristina "Tina" Dela Cruz.
    if (NICKNAME_TOKEN_RE.test(tok)) continue;
    if (/^\(?[\p{Lu}\\][\p{L}'’.\/\\-]*\)?,?$/u.test(tok)) caps++;
    else return false;
  }
  return caps >= 1;
}

const PRONOUNS_AFTER_RE = /\s[(\[](?:he|she|they|ze|xe)\/[a-z]{2,5}(?:\/[a-z]{2,6})?[)\]]$/i;

/**
 * Lower-case words inside a name: particles (van, de, da, di, del, du, dos, ter, af, zu), Arabic and
 * Malay patronymic links (bin, binti, bte, ibn, al), Catalan "i", Spanish "y", Portuguese "e".
 */
const NAME_PARTICLE_RE =
  /^(?:van|von|de|der|den|da|das|do|di|del|della|dei|des|la|le|du|dos|ter|te|op|af|av|zu|bin|binti|binte|bte|bt|ibn|ben|bat|al|a\/l|a\/p|s\/o|d\/o|i|y|e|and|&)$/i;
const NICKNAME_TOKEN_RE = /^["“'‘(]\p{Lu}[\p{L}'’-]{1,15}["”'’)]$/u;
/** Two or three words of one script without capitals (Thai, Indic scripts, Khmer, Lao, Myanmar, Georgian, Ethiopic). */
const CASELESS_NAME_RE =
  /^(?:[\p{Script=Thai}\p{M}]{2,20}(?: [\p{Script=Thai}\p{M}]{2,20}){1,2}|[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{M}\u200d]{2,20}(?: [\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{M}\u200d]{2,20}){1,2}|[\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Georgian}\p{Script=Ethiopic}\p{M}]{2,20}(?: [\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Georgian}\p{Script=Ethiopic}\p{M}]{2,20}){1,2})$/u;
/** An honorific or degree written before a name (lexicon honorifics: "Dr.", "ড.", "डॉ."). */
const HONORIFIC_LEAD_RE = new RegExp(String.raw`^(?:${alt('honorifics')})\s*`, 'u');
/** Latin letters and letters of another script on one line. */
const TWO_SCRIPTS_RE =
  /\p{Script=Latin}.*[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]|[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}].*\p{Script=Latin}/u;
/** One to four words with no Latin letter and no digit: a name in the other script of a two-script line. */
const OTHER_SCRIPT_NAME_RE = /^[^\p{Script=Latin}\d\s/|,]{1,20}(?: [^\p{Script=Latin}\d\s/|,]{1,20}){0,3}$/u;

/** Bidi controls (LRM, RLM, ALM, embeddings, isolates) that right-to-left text carries invisibly. */
export const BIDI_RE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Two to four words of Arabic or Hebrew letters (with marks, geresh and gershayim), single spaces. */
const RTL_NAME_RE =
  /^[\p{Script=Arabic}\p{Script=Hebrew}][\p{Script=Arabic}\p{Script=Hebrew}\p{M}'׳״-]{0,20}(?: [\p{Script=Arabic}\p{Script=Hebrew}][\p{Script=Arabic}\p{Script=Hebrew}\p{M}'׳״-]{0,20}){1,3}$/u;

/** A right-to-left unit word anywhere in the line ("قسم", "מחלקת"). */
const RTL_UNIT_WORD_RE = new RegExp(rtlAlt('unitWordsRtl', { edges: false }), 'u');

/** Lower-cased letters of a string, for tolerant comparisons of names. */
export function letters(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}]/gu, '');
}

/** Does the line mention the sender: a token of the display name, or the address / its local part? */
export function mentionsSender(line: string, name: string | null, email: string | null): boolean {
  const l = capLine(line).toLowerCase();
  if (email) {
    const e = email.toLowerCase();
    if (l.includes(e)) return true;
  }
  const toks = senderNameTokens(name, email);
  // The line's letter runs (with their combining marks: the vowel signs of Indic scripts), split once for the
  // three checks below.
  const parts = l.split(/[^\p{L}\p{M}]+/u);
  // `ksavoie@`, `wendykoeb@`: a name token of the line inside the address's local part.
  const local = email ? (email.split('@')[0] ?? '').toLowerCase() : '';
  if (local.length >= 4) {
    for (const t of parts) if (t.length >= 4 && local.includes(t)) return true;
  }
  // Initial plus surname and similar address shapes: jdoe@, doej@, janed@ for "Jane Doe".
  const words = parts.filter((w) => w.length >= 2);
  if (words.length >= 2 && local.length >= 3) {
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const plain = local.replace(/[^a-z]/g, '');
    if ([first[0] + last, last + first[0], first + last[0], first + last].includes(plain)) return true;
  }
  // A display-name token as a whole word of the line (same split as the tokens themselves).
  const lineWords = new Set(words.concat(parts.filter((w) => w.length >= 3)));
  return toks.some((t) => lineWords.has(t));
}

/** Name tokens (>= 3 letters) from the display name, falling back to `first.last` local parts. */
let tokenCache: { key: string; toks: string[] } = { key: '', toks: [] };

export function senderNameTokens(name: string | null, email: string | null): string[] {
  // Called for every line of a block with the same sender: remember the last answer.
  const key = `${name ?? ''}\u0000${email ?? ''}`;
  if (tokenCache.key === key) return tokenCache.toks;
  const out = new Set<string>();
  const add = (s: string) => {
    // CJK name parts are often two characters long ("山田 太郎").
    for (const t of s.toLowerCase().split(/[^\p{L}\p{M}]+/u))
      if (t.length >= 3 || (t.length === 2 && /^[\p{Script=Han}\p{Script=Hangul}]+$/u.test(t))) out.add(t);
  };
  if (name && !/@/.test(name)) add(name);
  if (email) {
    const local = email.split('@')[0] ?? '';
    if (/[._-]/.test(local)) add(local.replace(/\d+/g, ' '));
  }
  tokenCache = { key, toks: [...out] };
  return tokenCache.toks;
}
