/**
 * Case-insensitive word-list patterns at a fraction of their compile cost. V8 compiles a `/iu` pattern by
 * closing every literal letter over its case variants (ICU), which made the title-noun pattern (400
 * alternatives) cost 10-25 ms of CPU in every `sigmine extract` process, and the lexicon patterns together
 * about 40 ms. The same pattern with its letters lower-cased and no `i` flag, tested on the lower-cased
 * line, compiles 4-6x faster and gives the same answer whenever every character of the line and of the
 * pattern has one lower-case form that is also its case folding (ASCII, Latin-1, Latin Extended-A but
 * `İ ſ`, Cyrillic) or no case at all (Hebrew, Arabic, CJK, punctuation). A line with any other character
 * (`ſ`, the Kelvin sign, Greek...) is tested with the pattern as written, compiled on first use only.
 * A pattern whose syntax this module does not read (named groups, back references, `\u`/`\x` escapes,
 * case-sensitive property classes) is returned as written.
 */

/** What callers use of the patterns made here: a yes/no test of a whole line. */
export interface LineTest {
  test(s: string): boolean;
}

/** A code unit whose lower-case form is one code unit and is its case folding, or that has no case. */
function foldsByLowerCase(c: number): boolean {
  if (c < 0x80) return true;
  // Latin-1 symbols (µ folds to Greek mu), letters, Latin Extended-A without İ (two code units lower-cased)
  // and ſ (folds to s). Dotless ı is its own folding, as V8 matches it (`/ı/iu` matches no I).
  if (c <= 0x17f) return c !== 0xb5 && c !== 0x130 && c !== 0x17f;
  return (
    (c >= 0x400 && c <= 0x4ff) || // Cyrillic
    (c >= 0x590 && c <= 0x6ff) || // Hebrew, Arabic
    (c >= 0x2000 && c <= 0x206f) || // General Punctuation: dashes, quotes, spaces, bidi controls
    (c >= 0x3000 && c <= 0x9fff) || // CJK punctuation, kana, ideographs
    (c >= 0xac00 && c <= 0xd7af) // Hangul syllables
  );
}

/** Does every code unit of s fold by lower-casing? Then `s.toLowerCase()` has the same length and folds. */
export function foldsSimply(s: string): boolean {
  return !NOT_SIMPLE_RE.test(s);
}

/** A code unit outside the ranges of foldsByLowerCase (one class: the engine scans faster than a loop). */
const NOT_SIMPLE_RE =
  /[^\0-\u00b4\u00b6-\u012f\u0131-\u017e\u0400-\u04ff\u0590-\u06ff\u2000-\u206f\u3000-\u9fff\uac00-\ud7af]/;

/** Property classes closed under case (their members' case variants are members): safe to keep as written. */
const CASE_CLOSED_PROPERTY =
  /^(?:L|Letter|N|Number|M|Mark|Script=(?:Han|Hiragana|Katakana|Hangul|Arabic|Hebrew))$/;

const isAsciiUpper = (ch: string) => ch >= 'A' && ch <= 'Z';
const isAsciiLower = (ch: string) => ch >= 'a' && ch <= 'z';
const hasCase = (ch: string) => ch.toLowerCase() !== ch.toUpperCase();

/**
 * The pattern with its literal letters lower-cased (escapes kept as written), or null when it holds
 * syntax or characters for which that would not give the same matches on a lower-cased line.
 */
export function lowerCasedSource(source: string, unicode: boolean): string | null {
  // Runs of literal characters are lower-cased whole (every one folds by lower-casing, so the run's lower
  // case is its characters' own), escapes copied as written.
  let out = '';
  let run = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    // Plain ASCII between the characters read below (most of a word list) needs nothing: skipped in one scan.
    PLAIN_RUN_RE.lastIndex = i;
    if (PLAIN_RUN_RE.test(source)) {
      i = PLAIN_RUN_RE.lastIndex;
      if (i >= source.length) break;
    }
    const c = source.charCodeAt(i);
    if (c === 92 /* \ */) {
      const e = source[i + 1];
      if (e === undefined) return null;
      out += source.slice(run, i).toLowerCase();
      if (e === 'p' || e === 'P') {
        if (!unicode || e === 'P') return null;
        const close = source.indexOf('}', i);
        if (source[i + 2] !== '{' || close < 0 || !CASE_CLOSED_PROPERTY.test(source.slice(i + 3, close)))
          return null;
        out += source.slice(i, close + 1);
        i = close;
      } else {
        // Character classes, control escapes and escaped syntax characters; nothing that names a code point.
        if (!KEPT_ESCAPES.includes(e)) return null;
        out += source.slice(i, i + 2);
        i++;
      }
      run = i + 1;
      continue;
    }
    if (!foldsByLowerCase(c)) {
      // A Greek, Vietnamese or Romanian letter (Σ, ư, ș, İ) that no simple character matches case-
      // insensitively can only match a line holding a character that is not simple, which is tested as
      // written: kept as written here, it answers as the pattern does. Lower-casing it could change the
      // pattern ("İ?" to "i̇?"), and one that a simple character matches (K, ẞ, Å) needs the written test.
      if (!keptAsWritten(source[i]!, unicode)) return null;
      out += source.slice(run, i).toLowerCase() + source[i];
      run = i + 1;
      continue;
    }
    if (c === 40 /* ( */ && !inClass && source[i + 1] === '?' && source[i + 2] === '<') {
      const k = source[i + 3];
      if (k !== '=' && k !== '!') return null; // a named group
    } else if (c === 91 /* [ */) inClass = true;
    else if (c === 93 /* ] */) inClass = false;
    else if (c === 45 /* - */ && inClass && source[i - 1] !== '[' && source[i + 1] !== ']') {
      // A range: lower-casing its ends keeps its meaning only for a range of ASCII capitals.
      const a = source[i - 1]!;
      const b = source[i + 1]!;
      const sameCase = (isAsciiUpper(a) && isAsciiUpper(b)) || (isAsciiLower(a) && isAsciiLower(b));
      if ((hasCase(a) || hasCase(b)) && !sameCase) return null;
    }
  }
  return out + source.slice(run).toLowerCase();
}

/**
 * May a character that is not simple stay as written in the lower-cased pattern: it is one code unit and
 * no simple character matches it under the pattern's flags? A character's case variants are its lower
 * and upper case and theirs (the Kelvin sign's is "k", ẞ's is "ß", ſ's is "S"), tested with the engine.
 */
function keptAsWritten(ch: string, unicode: boolean): boolean {
  const key = unicode ? `u${ch}` : ch;
  let kept = KEPT.get(key);
  if (kept === undefined) KEPT.set(key, (kept = noSimpleVariant(ch, unicode)));
  return kept;
}
/** keptAsWritten per character and flags: a lexicon repeats its few hundred such letters thousands of times. */
const KEPT = new Map<string, boolean>();

function noSimpleVariant(ch: string, unicode: boolean): boolean {
  const c = ch.charCodeAt(0);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  const re = new RegExp(`^${ch}$`, unicode ? 'iu' : 'i');
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return [lower, upper, lower.toUpperCase(), upper.toLowerCase()].every(
    (v) => !(v.length === 1 && foldsByLowerCase(v.charCodeAt(0)) && re.test(v)),
  );
}

/** A run of ASCII characters that lowerCasedSource copies as they are: no escape, bracket, group or range. */
const PLAIN_RUN_RE = /[^\\(\[\]\-\u0080-\uffff]+/y;

/** Escapes kept as written: character classes, control escapes, escaped syntax characters. */
const KEPT_ESCAPES = 'dDsSwWbBntrfv.-/()[]{}|?*+^$\\,:\'"&#~ ';

/**
 * `new RegExp(source, flags)` for a case-insensitive pattern that is only ever tested (`i` or `iu`, no
 * `g` or `y`): the lower-cased fast pattern where the line allows it, else the pattern as written.
 */
export function caseless(source: string, flags: 'i' | 'iu'): LineTest {
  const unicode = flags === 'iu';
  // Lower-cased and parsed at the first test, not at module load: a `sigmine extract` process loads
  // about 60 of these patterns and a short run tests only some of them (9 stay unused over 150 messages).
  let fast: RegExp | null | undefined;
  // Built on first need: most runs never see a line that must be tested as written.
  let written: RegExp | null = null;
  return {
    test(s: string): boolean {
      if (fast === undefined) {
        const lower = lowerCasedSource(source, unicode);
        fast = lower === null ? null : new RegExp(lower, unicode ? 'u' : '');
      }
      if (fast !== null) {
        const l = lowerCased(s);
        if (l !== null) return fast.test(l);
      }
      written ??= new RegExp(source, flags);
      return written.test(s);
    },
  };
}

/** What callers use of a pattern made by `caselessMatch`: the text of its first match, as exec finds it. */
export interface LineMatch {
  /** The first (leftmost) match in s, as written in s, or null. */
  match(s: string): string | null;
}

/**
 * `caseless` for a pattern whose first match is read: on a line that folds simply, the lower-cased
 * pattern runs over the lower-cased line, which has the same length and the same characters position by
 * position, so the match lies at the same place and is cut from the line as written.
 */
export function caselessMatch(source: string, flags: 'i' | 'iu'): LineMatch {
  const unicode = flags === 'iu';
  const lower = lowerCasedSource(source, unicode);
  const fast = lower === null ? null : new RegExp(lower, unicode ? 'u' : '');
  let written: RegExp | null = null;
  return {
    match(s: string): string | null {
      const l = fast ? lowerCased(s) : null;
      if (fast && l !== null) {
        const m = fast.exec(l);
        return m ? s.slice(m.index, m.index + m[0].length) : null;
      }
      written ??= new RegExp(source, flags);
      return written.exec(s)?.[0] ?? null;
    },
  };
}

/** The last line asked about and its lower-cased form (null: tested as written); callers ask several patterns in turn. */
let lastLine = '';
let lastLower: string | null = '';

function lowerCased(s: string): string | null {
  if (s !== lastLine) {
    lastLine = s;
    lastLower = foldsSimply(s) ? s.toLowerCase() : null;
  }
  return lastLower;
}
