/**
 * The name of a signature block: the first name-shaped cell that names the sender (or, first in the
 * block, has two words or is an unspaced CJK name), cleaned of valedictions, honorifics, degrees and
 * credentials; what follows it on the same cell (", CFO, Acme Inc.") fills title, unit and company.
 * Part of field extraction (../fields.ts); pure functions.
 */
import type { Address } from '../types.ts';
import { alt } from '../lexicon/index.ts';
import {
  hasCompanyWord,
  hasStrongCompanyWord,
  hasTitleWord,
  isCountryLine,
  isValediction,
  looksLikeAddress,
  looksLikeName,
  mayHaveCjk,
  mentionsSender,
  ON_BEHALF_RE,
  wordCount,
} from '../lines.ts';
import { isDepartment, namesFunction } from '../department.ts';
import { gluedSignoff, signsAsSender } from '../signs-as-sender.ts';
import type { TextCell } from './cells.ts';
import { domainLabels, isCompanyCell, namesOrganisation } from './company.ts';
import { addUnitLine, type Draft } from './draft.ts';
import { TITLE_AT_ORG_RE } from './title.ts';

// Patterns used per line or per token, compiled once (not rebuilt at every call).
/** A lower-case letter anywhere. */
const HAS_LOWER_RE = /\p{Ll}/u;

const CREDENTIAL_RE = new RegExp(String.raw`,?\s(?:${alt('credentials')})(?=$|[\s,])`, 'g');

/** Honorifics and degrees before the name ("Dr.", "Dott.ssa", "Me"), and British undotted ones ("Dr Emma Hughes"). */
const HONORIFIC_RE = new RegExp(String.raw`^(?:${alt('honorifics')})\s+`, 'gu');
const UNDOTTED_HONORIFIC_RE = new RegExp(String.raw`^(?:${alt('honorificsUndotted')})\s+(?=\p{Lu})`, 'u');

/** What follows an organisation's name before its legal form: ", Inc.", ", LLC". */
const LEGAL_TAIL_RE = /^,\s?\S{2,8}$/;
/** A one-word sign-off: a given name or nickname (any case), or initials in capitals. */
const SHORT_SIGNOFF_RE = /^(?:\p{L}[\p{Ll}'-]{1,15}|\p{Lu}{2,3})$/u;

/** An internal extension after a sign-off name ("Patti x39106", "DG    3-9573"). */
const EXT_TAIL_RE = /\s+(?:x|ext\.?\s?)?-?\d{1,2}-?\d{3,5}$/i;
/** A cell of digits only: a number or an extension ("3-3831", "x58173", "(713) 555-0101"). */
const NUMBER_CELL_RE = /^(?:x|ext\.?\s?)?[\d\s().+-]{3,24}$/i;

/**
 * A name written in two scripts on one line, kept whole: "黃怡君 Vivian Huang", "Vivian Huang 黃怡君",
 * "김민지 Minji Kim" (a CJK name of two to four characters and a romanised given and family name).
 */
const TWO_SCRIPT_NAME_RE =
  /^(?:[\p{Script=Han}\p{Script=Hangul}]{1,4}[ 　]?[\p{Script=Han}\p{Script=Hangul}]{1,4} \p{Lu}\p{Ll}{1,20}(?:[ -]\p{Lu}\p{Ll}{1,20}){1,2}|\p{Lu}\p{Ll}{1,20}(?:[ -]\p{Lu}\p{Ll}{1,20}){1,2} [\p{Script=Han}\p{Script=Hangul}]{1,4}[ 　]?[\p{Script=Han}\p{Script=Hangul}]{1,4})$/u;

/** A CJK personal name written without a space: two to four Han or Hangul characters. */
const UNSPACED_CJK_NAME_RE = /^[\p{Script=Han}\p{Script=Hangul}]{2,4}$/u;

/**
 * A Korean or Japanese rank written with the name ("김민준 과장", "박서연 / 대리", "課長 山田 太郎"): [rank, name]. The
 * name may carry its reading in brackets ("弁理士　藤原 千尋（Chihiro Fujiwara）").
 */
const CJK_RANK_RE = new RegExp(
  `^(${alt('ranks')})[ 　]{1,3}(.{2,12}(?:[（(][^（）()]{1,40}[）)])?)$|^(.{2,12}?)(?:[ 　]{1,3}|[ 　]?[/|｜][ 　]?)(${alt('ranks')})$`,
  'u',
);

/** A name of two or three words in Arabic, Hebrew, Cyrillic, Greek or CJK script beside a name in Latin script. */
function otherScriptName(latin: string, cell: string): boolean {
  if (!/^\p{Script=Latin}/u.test(latin) || wordCount(latin) < 2) return false;
  if (
    !/^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}\p{Script=Hangul}\s\u200e\u200f]{2,40}$/u.test(
      cell,
    )
  )
    return false;
  return looksLikeName(cell);
}

/** ", Jonathan" closing a name cell: one capitalised given name. */
const ENGLISH_NAME_TAIL_RE = /^,\s?(\p{Lu}\p{Ll}{2,14})$/u;

/** Is `word` a word of the sender's display name or address local part ("jonathan.tan@", "Karen Wong")? */
function sendersWord(word: string, from: Address): boolean {
  const w = word.toLowerCase();
  const local = (from.email?.split('@')[0] ?? '').toLowerCase().split(/[._+-]+/);
  const display = (from.name ?? '').toLowerCase().split(/[^\p{L}]+/u);
  return local.includes(w) || display.includes(w);
}

/** A name as written, without a glued valediction, honorifics, degrees, pronouns and credentials. */
export function stripName(s: string): string {
  let t = s.trim();
  // "(Suresh Kumar Meena)": the name typed in brackets under a handwritten signature, as official letters do.
  if (t.startsWith('(') && t.endsWith(')') && !/[()]/.test(t.slice(1, -1))) t = t.slice(1, -1).trim();
  t = t.replace(/^(?:rgds|regards|thanks|cheers|best|br)[,.]\s?/i, '');
  t = t.replace(ON_BEHALF_RE, '');
  // British style writes honorifics without the dot: "Dr Emma Hughes".
  t = t.replace(UNDOTTED_HONORIFIC_RE, '');
  t = t.replace(HONORIFIC_RE, '').replace(/^(?:Dr\.|Prof\.|Dipl\.-Ing\.)\s+/g, '');
  // Thai academic and medical titles, joined to the name or not: "ดร.วรพล", "ผศ.ดร.สมศรี", "รศ. กมล", "นพ. ธีร"
  // (physician), "พญ." (female physician), "ทพ." (dentist), "ภก." (pharmacist).
  t = t.replace(/^(?:(?:ผศ|รศ|ศ)\.\s?)?(?:(?:ดร|นพ|พญ|ทพ|ทญ|ภก|ภญ)\.\s?)?(?<=\.\s?)(?=\p{Script=Thai})/u, '');
  // German degrees written with their subject: "Dr.-Ing.", "Dipl.-Kfm.", "Dipl.-Wirt.-Ing.", "Dr. rer. pol.".
  // (The openings are tested first: most names have neither, and skip the Unicode patterns.)
  if (t.startsWith('Dipl.-') || t.startsWith('Dr.-'))
    t = t.replace(/^(?:Dipl|Dr)\.-(?:\p{L}{1,6}\.-?){1,3}\s+(?=\p{Lu})/u, '');
  // The faculty of a German doctorate follows "Dr.": "Dr. med.", "Dr. rer. nat.", "Dr.-Ing.".
  t = t.replace(/^(?:med\.|rer\.\s?nat\.|phil\.|jur\.|oec\.|-Ing\.)\s+(?=\p{Lu})/u, '');
  // ...and the kind of school of a German diploma: "Dipl.-Ing. (FH)", "Dipl.-Inf. (Univ.)", "B.Eng. (TU)".
  if (t.startsWith('(')) t = t.replace(/^\((?:\p{Lu}{2,4}|Univ\.?)\)\s+(?=\p{Lu})/u, '');
  // "FDS RCS (Eng) FRCS (OMFS)": a college or specialty in brackets after a post-nominal goes with it.
  t = t.replace(/(\s\p{Lu}{2,6})\s\((?:\p{Lu}[\p{L}]{1,6})\)(?=\s|$)/gu, '$1');
  t = dropCredentialRun(t).replace(CREDENTIAL_RE, '');
  t = t.replace(/\s?\((?:he|she|they)\/[a-z]{2,5}\)/i, '');
  // Honorifics in brackets ("Tan Wei Ling (Ms)").
  t = t.replace(/\s?\((?:Ms|Mr|Mrs|Miss|Mx|Dr)\.?\)/, '');
  return dropTrailingCredentials(t.replace(/[,;]\s*$/, '').trim());
}

/** A CJK name's reading in brackets: romanised ("佐藤 健一（Kenichi Sato）") or in kana ("山本 彩（やまもと あや）"). */
const CJK_READING_RE =
  /[ 　]?[（(](?:[A-Za-z .'-]{2,40}|[\p{Script=Hiragana}\p{Script=Katakana}ー・ 　]{2,20})[)）]$/u;
/**
 * A romanised name's form in its own script in brackets: "Wei Zhang (张伟)", "Owen Park [朴欧文]", "Rashid Al Mansoori
 * (راشد المنصوري)".
 */
const LATIN_READING_RE =
  /[ 　]?(?:[（(][\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}・ ]{1,12}[)）]|\[[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}・ ]{1,12}\]|\([\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Cyrillic}\p{Script=Greek}\p{M} ]{2,40}\))$/u;

/** A name that starts with a letter of any script but Latin. */
const NON_LATIN_START_RE = /^(?!\p{Script=Latin})\p{L}/u;

/**
 * A name without the other script's form written after it in brackets, which the name keeps as written
 * (the reading helps whoever cannot read the first form): `reading` is that bracket, or ''.
 */
export function splitReading(name: string): { bare: string; reading: string } {
  // Thai, Indic (Sinhala and Tamil too), Hebrew, Arabic, Greek, Cyrillic, Ethiopic and every other script
  // write the romanised name in brackets too.
  const nonLatin = NON_LATIN_START_RE.test(name);
  const m = (nonLatin ? CJK_READING_RE : LATIN_READING_RE).exec(name);
  return m && m.index > 0 ? { bare: name.slice(0, m.index), reading: m[0] } : { bare: name, reading: '' };
}

/**
 * A post-nominal: capitals ("MRICS", "CA(SA)"), a membership with a capital after small letters ("MIStructE",
 * "FIChemE", "CEng"), South Africa's professional registrations ("Pr.Sci.Nat.", "Pr.Eng."), "P.Eng.", initials
 * with dots.
 */
const CREDENTIAL_TOKEN_RE =
  /^,?(?:\p{Lu}{2,6}(?:\(\p{Lu}{2,4}\))?|\p{Lu}{2,4}\p{Ll}{1,6}\p{Lu}?|Pr\.(?:\p{Lu}\p{L}{0,5}\.?){1,3}|P\.\s?Eng\.?|\p{Lu}\.(?:\p{Lu}\.){1,3}),?$/u;
/** A generation after a name ("III", "IV"): part of the name, as written, never a post-nominal. */
const GENERATION_RE = /^,?(?:II|III|IV|VI)$/;

/**
 * Post-nominal credentials after a mixed-case name: "Oliver Smythe MRICS", "Jo Bloggs CA(SA)",
 * "Dan Fitz P.Eng.". An all-caps name ("JOHN SMITH") keeps its tokens.
 */
function dropTrailingCredentials(name: string): string {
  const toks = name.split(/\s+/);
  // Mixed case: one of the first two words has a small letter ("Ciarán Ó Briain ACA": a one-letter particle).
  if (!toks.slice(0, 2).some((w) => HAS_LOWER_RE.test(w))) return name;
  while (
    toks.length > 2 &&
    // ...and the word before it too: "Youssef EL AMRANI" writes the family name in capitals.
    HAS_LOWER_RE.test(toks[toks.length - 2]!) &&
    !GENERATION_RE.test(toks[toks.length - 1]!) &&
    // Institution memberships write a capital after small letters ("MIStructE", "FIChemE", "CEng"); South
    // Africa's professional registrations open with "Pr." ("Pr.Sci.Nat.", "Pr.Eng.", "Pr.Tech.Eng.").
    CREDENTIAL_TOKEN_RE.test(toks[toks.length - 1]!)
  )
    toks.pop();
  return toks.join(' ').replace(/,$/, '');
}

/**
 * A run of post-nominals closing a mixed-case name with a membership written in mixed case in it ("Ciarán Mac
 * Giolla Phádraig BE CEng MIEI") goes whole, before the known credentials are taken out of it: a family name
 * in capitals ("Youssef EL AMRANI") has no such word.
 */
function dropCredentialRun(name: string): string {
  const toks = name.split(/\s+/);
  if (!toks.slice(0, 2).some((w) => HAS_LOWER_RE.test(w))) return name;
  let run = toks.length;
  while (run > 2 && CREDENTIAL_TOKEN_RE.test(toks[run - 1]!) && !GENERATION_RE.test(toks[run - 1]!)) run--;
  return run < toks.length - 1 && toks.slice(run).some((w) => HAS_LOWER_RE.test(w))
    ? toks.slice(0, run).join(' ').replace(/,$/, '')
    : name;
}

/** "Jo (ACME)": a name, then a bracketed word or two that may name the organisation. */
const BRACKETED_ORG_RE = /^(.{2,40}?)\s?\(([^()]{2,40})\)$/;

/**
 * A short form of the sender's name: one word of two letters or more that starts the display name's first
 * word ("Jo" for Joanna, "Chris" for Christine) or is the first part of the address's local part ("jo" of
 * jo.smith@).
 */
function isShortFormOfSender(name: string, from: Address): boolean {
  if (!/^\p{Lu}\p{Ll}{1,15}$/u.test(name)) return false;
  const n = name.toLowerCase();
  const first =
    (from.name ?? '')
      .replace(/^.*,\s*/, '')
      .trim()
      .split(/\s+/)[0]
      ?.toLowerCase() ?? '';
  const localFirst = (from.email?.split('@')[0] ?? '').toLowerCase().split(/[._-]/)[0] ?? '';
  return (
    (first.length > n.length && first.startsWith(n)) || (localFirst === n && /[._-]/.test(from.email ?? ''))
  );
}

/** A lone first name or nickname: one capitalised word that names no title, unit, organisation or place. */
function isLoneFirstName(name: string): boolean {
  return (
    /^\p{Lu}\p{Ll}{1,15}$/u.test(name) &&
    !hasTitleWord(name) &&
    !hasCompanyWord(name) &&
    !isDepartment(name) &&
    !namesFunction(name) &&
    !isCountryLine(name)
  );
}

/**
 * "Jane Roe CFO": a role acronym after the name (in the cell's head) is its title, not a post-nominal
 * credential. That title, or null.
 */
function titleAfterName(head: string, name: string): string | null {
  const dropped = head
    .trim()
    .replace(/[,;]\s*$/, '')
    .slice(name.length)
    .trim();
  return dropped !== '' && head.trim().startsWith(name) && hasTitleWord(dropped) && wordCount(dropped) <= 2
    ? dropped
    : null;
}

/**
 * A display name that may be a person's: no unit word and no organisation vocabulary. A function word
 * alone does not say so ("Jane Sales" may be a person's name).
 */
function personalDisplayName(display: string): boolean {
  const d = display.replace(/@.*$/, '').trim();
  return !(isDepartment(d) || hasCompanyWord(d) || namesOrganisation(d));
}

/**
 * May the cleaned name of a cell (`cellHead` its head, `text` the whole cell) be a person's name:
 * name-shaped, no organisation word, no title word unless it writes the sender, and no unit or
 * organisation signing.
 */
function nameShaped(name: string, cellHead: string, text: string, from: Address): boolean {
  // A team or a company signing on its own ("Payroll Operations Team", "Halvorsen Clearing LLC") is a
  // unit or an organisation, not a person, unless it writes the sender's display name and that display
  // name is a person's (a team mailbox's address, payroll.ops@, names the team, not a person; a team
  // mailbox's display name is the team's own: "Payroll Operations Team" <payroll@...>).
  // "Northwind Clearing, Inc.": the legal form after a comma still makes the cell an organisation.
  const orgCell =
    hasStrongCompanyWord(cellHead) ||
    (hasStrongCompanyWord(text) && LEGAL_TAIL_RE.test(text.slice(cellHead.length)));
  const unitOrOrg =
    (isDepartment(name) || namesFunction(name) || orgCell) &&
    !(from.name !== null && personalDisplayName(from.name) && mentionsSender(name, from.name, null));
  return !(
    unitOrOrg ||
    // "Enron Global Technology", "UBSW Energy Global Infrastructure": an organisation signing, even when
    // the display name writes it too (a team mailbox's display name is the team's).
    namesOrganisation(name) ||
    opensWithSenderDomain(name, from) ||
    !(looksLikeName(name) || (mayHaveCjk(name) && TWO_SCRIPT_NAME_RE.test(name))) ||
    hasCompanyWord(name) ||
    (hasTitleWord(name) && !mentionsSender(name, from.name, from.email))
  );
}

/**
 * "Acme Americas" from someone@acme.example: two or more words that open with a label of the sender's
 * domain are the organisation (or one of its units), not a person, unless one of the words is also the
 * sender's own name (jane@jane.example, "Kim Lee" <klee@kim.example>, lee@kim.example).
 */
function opensWithSenderDomain(name: string, from: Address): boolean {
  const words = name.toLowerCase().split(/\s+/);
  if (words.length < 2 || !domainLabels(from.email).includes(words[0]!)) return false;
  const own = new Set([
    ...(from.email?.split('@')[0] ?? '').toLowerCase().split(/[._+-]+/),
    ...(from.name ?? '').toLowerCase().split(/[^\p{L}]+/u),
  ]);
  return !words.some((w) => own.has(w));
}

/** Does the name (or, for a CJK name, the cell's head around it) write the sender, or a short form of it? */
function namesTheSender(name: string, head: string, from: Address): boolean {
  // A CJK name may mention the sender only through its romanised reading ("山田 太郎（Taro Yamada）").
  return (
    mentionsSender(name, from.name, from.email) ||
    (/^[\p{Script=Han}\p{Script=Hangul}]/u.test(name) && mentionsSender(head, from.name, from.email)) ||
    isShortFormOfSender(name, from)
  );
}

export interface NameResult {
  draft: Draft;
  /** Index of the name's text cell, or -1. */
  index: number;
  /** Row of the name, or -1. */
  nameRow: number;
}

/**
 * The name among the first four text cells: the first name-shaped one naming the sender, else a
 * multi-word one heading the block (a block may open with its organisation, as Japanese blocks do).
 */
export function findName(
  texts: readonly TextCell[],
  from: Address,
  labels: string[],
  draft: Draft,
): NameResult {
  const c: Draft = { ...draft };
  const squashed = (from.name ?? '').replace(/\s+/g, '').toLowerCase();
  for (let i = 0; i < Math.min(texts.length, 4); i++) {
    const t = texts[i]!;
    // A valediction left above the block ("Regards,") is no name and no organisation heading; glued to
    // the sender's own name ("Best, Sam", "Cheers, J.", "Un saludo, Lucía") it gives the name.
    const glued = gluedSignoff(t.text.trim(), from);
    if (glued?.bySender) {
      c.name = glued.name;
      return { draft: c, index: i, nameRow: t.row };
    }
    if (isValediction(t.raw)) continue;
    // "RITAOKAFOR" from Rita Okafor: the sender's display name written without its spaces (a styled HTML name).
    if (squashed.length >= 6 && !/\s/.test(t.text.trim()) && t.text.trim().toLowerCase() === squashed) {
      c.name = t.text.trim();
      return { draft: c, index: i, nameRow: t.row };
    }
    // "Marie Roux / OpenSys Labs Storage Team": a team or an organisation after a slash, as after a comma; "Kim
    // Soo-jin (김수진) / Manager": a title.
    const slash = t.text.split(' / ');
    const cellHead =
      slash.length === 2 &&
      (isDepartment(slash[1]!) ||
        isCompanyCell(slash[1]!, labels) ||
        (hasTitleWord(slash[1]!) && wordCount(slash[1]!) <= 5))
        ? slash[0]!
        : (t.text.split(/,\s|\s[-–_]\s/)[0] ?? '');
    // "Jo (ACME)", "Sam x3-9890 (Data Team)": an organisation or a unit in brackets after the name is
    // read like ", ACME".
    const bracket = BRACKETED_ORG_RE.exec(cellHead);
    const head =
      bracket && (isCompanyCell(bracket[2]!, labels) || isDepartment(bracket[2]!)) ? bracket[1]! : cellHead;
    // An internal extension after the name ("Sam x3-9890") is a phone, read by contacts.ts.
    const { bare: stripped, reading } = splitReading(stripName(head));
    let name = stripped.replace(EXT_TAIL_RE, '');
    const acronymTitle = titleAfterName(head, name);
    const rank = CJK_RANK_RE.exec(name);
    const ranked = rank !== null && mayHaveCjk(rank[2] ?? rank[3]!) && looksLikeName(rank[2] ?? rank[3]!);
    if (rank && looksLikeName(rank[2] ?? rank[3]!)) {
      name = rank[2] ?? rank[3]!;
      if (!c.title) c.rankTitle = rank[1] ?? rank[4]!;
    }
    // A sign-off by a short form of the sender's name ("Bill", "Kim", "DG"), as signsAsSender reads it.
    // The rest of the block is numbers only ("Bill" / "3-3831", "Patti x39106").
    const bare = name.replace(EXT_TAIL_RE, '');
    if (
      SHORT_SIGNOFF_RE.test(bare) &&
      texts.every((x, j) => j === i || NUMBER_CELL_RE.test(x.text)) &&
      signsAsSender(bare, from)
    ) {
      c.name = bare;
      return { draft: c, index: i, nameRow: t.row };
    }
    if (!nameShaped(name, cellHead, t.text, from)) continue;
    const mention = namesTheSender(name, head, from);
    // Chinese, Japanese and Korean names are often written without a space ("王小明", "山田太郎").
    // "Bobby" above a phone number: a lone first name or nickname is the name when it is the block's only text.
    const lone = texts.length === 1 && isLoneFirstName(name);
    // "Falls Church, VA  22042" opening a block is its address, not a name before a comma.
    const unnamed = i === 0 && !looksLikeAddress(t.text);
    // "이서연 차장" under the company and unit lines: a CJK name with its rank is a name wherever it stands.
    // "Trent" (the sign-off) above "[logo]" / "Trent Holloway, P.E.": the full name a line or two below wins.
    if (mention && wordCount(name) === 1 && fullNameBelow(texts, i, name, from)) continue;
    if (mention || lone || ranked || (unnamed && (wordCount(name) >= 2 || UNSPACED_CJK_NAME_RE.test(name)))) {
      c.name = name.replace(/^<|>$/g, '') + reading;
      // "Tan Wei Ming, Jonathan", "Wong Ka-Yan, Karen": the English given name after the family name
      // and given names (Singapore, Hong Kong, Malaysia), when the sender's address or display name has it.
      const english = ENGLISH_NAME_TAIL_RE.exec(t.text.slice(t.text.indexOf(head) + head.length));
      if (english && head === cellHead && wordCount(name) >= 2 && sendersWord(english[1]!, from)) {
        c.name = `${c.name}, ${english[1]!}`;
        return { draft: c, index: i, nameRow: t.row };
      }
      // "Salma Bennani | سلمى بناني": the same name in another script in the next cell of the row.
      const other = texts[i + 1];
      if (
        other &&
        other.row === t.row &&
        head === t.text.trim() &&
        otherScriptName(name, other.text.trim())
      ) {
        c.name = `${c.name} | ${other.text.trim()}`;
        return { draft: c, index: i, nameRow: t.row };
      }
      if (acronymTitle) c.title ??= acronymTitle;
      restOfNameCell(
        bracket && head !== cellHead ? `, ${bracket[2]!}` : t.text.slice(t.text.indexOf(head) + head.length),
        c,
        labels,
        t.row,
      );
      return { draft: c, index: i, nameRow: t.row };
    }
    // A block may open with its organisation (Japanese blocks do): the name can follow it.
    if (i === 0 && !mention && !isCompanyCell(t.text, labels)) break;
  }
  return { draft: c, index: -1, nameRow: -1 };
}

/** Does one of the next two cells open with a longer name of the sender that starts with `first`? */
function fullNameBelow(texts: readonly TextCell[], i: number, first: string, from: Address): boolean {
  for (const t of texts.slice(i + 1, i + 3)) {
    const head = stripName(t.text.split(/,\s|\s[-–_|]\s/)[0] ?? '');
    if (wordCount(head) >= 2 && head.startsWith(`${first} `) && namesTheSender(head, head, from)) return true;
  }
  return false;
}

/**
 * "Caoimhe Ní Fhloinn, AITI Chartered Tax Adviser": a professional qualification after the name (a body's
 * initials, or chartered, certified, registered...) is the title only when no line of the block writes one.
 */
const QUALIFICATION_RE = /^(?:\p{Lu}{2,6} )?(?:Chartered|Certified|Registered|Licensed|Accredited|Sworn)\s/u;

/** The rest of the name cell: ", CTO", ", CTO, Company", " - Title - Company", " - Department, Company", " / Team". */
function restOfNameCell(after: string, c: Draft, labels: string[], row: number): void {
  // Credentials after the name (", MBA", ", עו\"ד") are neither title nor company.
  const rest = after.replace(CREDENTIAL_RE, '').replace(/^\s?(?:,|[-–/])\s?/, '');
  if (!rest) return;
  // One field per segment; "Title at Company" gives both.
  for (const seg of rest.split(/,\s?|\s[-–_]\s/)) {
    const s = seg.replace(/\s?\([^)]{0,60}\)\s?$/, '').trim();
    if (!s) continue;
    const at = TITLE_AT_ORG_RE.exec(s);
    if (!c.title && at && hasTitleWord(at[1]!) && !hasTitleWord(at[2]!)) {
      c.title = at[1]!;
      c.company ??= at[2]!.trim();
    } else if (!c.title && QUALIFICATION_RE.test(s) && wordCount(s) <= 6) c.rankTitle ??= s;
    else if (!c.title && hasTitleWord(s) && wordCount(s) <= 6) c.title = s;
    else if (!c.department && isDepartment(s)) addUnitLine(c, s, row);
    else if (
      !c.company &&
      (isCompanyCell(s, labels) || (c.title && /^[A-Z]/.test(s) && wordCount(s) <= 4 && !isCountryLine(s)))
    )
      c.company = s;
  }
}
