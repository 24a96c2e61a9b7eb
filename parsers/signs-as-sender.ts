/**
 * Does a short sign-off line name the sender by a short form of their name? People sign internal mail
 * with a given name, a nickname or initials and an extension ("Kim x31647", "Bill", "DG    3-9573"),
 * which the full-name match of `mentionsSender` (parsers/lines.ts) does not see: "Kim" is no token of
 * `kimberly.hundl@`, "Bill" none of `william.bradford@`, "DG" none of `darron.giron@`.
 *
 * The given name comes from the display name's first word, else from the address's local part
 * (`first.last@`, `first_last@`). A line matches when its first word is that given name, a prefix of it
 * (three letters or more: "Kim" for Kimberly), a nickname of it (the lexicons' `nicknames`), or the
 * initials of the local part's words in capitals ("DG"). Pure; the line is capped by the caller.
 */
import type { Address } from './types.ts';
import { alt, words } from './lexicon/index.ts';
import { isValediction } from './lines.ts';

// Patterns used per line or per token, compiled once (not rebuilt at every call).
/** A word of letters only. */
const LETTERS_ONLY_RE = /^\p{L}{2,}$/u;
/** A word of 2-20 letters. */
const SHORT_WORD_RE = /^\p{L}{2,20}$/u;

/** Short form -> formal names ("bill" -> ["william"]). */
const NICKNAMES: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const entry of words('nicknames')) {
    const [short, formal] = entry.split(' ');
    if (!short || !formal) continue;
    m.set(short, [...(m.get(short) ?? []), formal]);
  }
  return m;
})();

/** A title before the name ("Dr.", "Ing.", "م." for an engineer): the name is the words after it. */
const HONORIFIC_RE = new RegExp(`^(?:${alt('honorifics')}|${alt('honorificsUndotted')})$`, 'u');

/** A sign-off is a few words at most: "Kim x31647", "Samuel x3-9890 (GCP Team)". */
const MAX_WORDS = 4;
/** A prefix shorter than this ("Al" of Alberto) matches too many other words to say anything. */
const MIN_PREFIX = 3;

interface SenderNames {
  given: string | null;
  initials: string | null;
}

let cache: { key: string; names: SenderNames } = { key: '', names: { given: null, initials: null } };

function senderNames(from: Address): SenderNames {
  const key = `${from.name ?? ''}\u0000${from.email ?? ''}`;
  if (cache.key === key) return cache.names;
  const local = (from.email?.split('@')[0] ?? '').toLowerCase();
  const localParts = local.split(/[._-]+/).filter((p) => /^[a-z]{2,}$/.test(p));
  // "Doe, Jane" writes the family name first.
  const display = from.name && !from.name.includes('@') ? from.name.trim() : '';
  const displayFirst = display.includes(',')
    ? display.split(',')[1]?.trim().split(/\s+/)[0]
    : display.split(/\s+/)[0];
  const fromDisplay = displayFirst && LETTERS_ONLY_RE.test(displayFirst) ? displayFirst.toLowerCase() : null;
  const given = fromDisplay ?? (localParts.length >= 2 ? localParts[0]! : null);
  const initials =
    localParts.length >= 2 && localParts.length <= 3 ? localParts.map((p) => p[0]).join('') : null;
  cache = { key, names: { given, initials } };
  return cache.names;
}

/** Does `line` (trimmed) open with the sender's given name, a short form of it, or their initials? */
export function signsAsSender(line: string, from: Address): boolean {
  const toks = line.split(/\s+/).filter((w) => w !== '');
  if (toks.length > 1 && HONORIFIC_RE.test(toks[0]!)) toks.shift();
  if (toks.length === 0 || toks.length > MAX_WORDS) return false;
  const first = toks[0]!.replace(/^[-–—~]+/, '').replace(/[,.]$/, '');
  if (!SHORT_WORD_RE.test(first)) return false;
  const { given, initials } = senderNames(from);
  if (initials && first.length >= 2 && first === initials.toUpperCase()) return true;
  if (!given) return false;
  const w = first.toLowerCase();
  if (w === given) return true;
  if (w.length >= MIN_PREFIX && given.startsWith(w)) return true;
  if (given.length >= MIN_PREFIX && w.startsWith(given) && w.length <= given.length + 2) return true;
  return NICKNAMES.get(w)?.includes(given) ?? false;
}

/**
 * A single capital that is the sender's given initial ("J" for Jarrah): a sign-off by initial, which says
 * something only glued to a valediction ("Cheers, J.").
 */
export function isSendersInitial(token: string, from: Address): boolean {
  const t = token.replace(/\.$/, '');
  const { given } = senderNames(from);
  return /^\p{Lu}$/u.test(t) && given !== null && given[0]!.toUpperCase() === t;
}

/** A valediction and a one-word name on one line ("Regards, John", "Thanks -Mike"). */
const GLUED_SIGNOFF_RE = /^(.{2,40}?)[,.!]?\s+[-–]?\s?(\p{Lu}[\p{L}'-]{0,20}|[a-z]{2,3})[.!]?$/u;

/**
 * A sign-off glued to a name on one line ("Regards, John", "Thanks -Mike"), trimmed: the name as written
 * and whether it is the sender's (given name, short form or initial: "Best, Sam", "Cheers, J."); null for
 * any other line. Shared by the line scores (the line names the sender) and the name step (it gives the name).
 */
export function gluedSignoff(line: string, from: Address): { name: string; bySender: boolean } | null {
  const m = GLUED_SIGNOFF_RE.exec(line);
  if (!m || !isValediction(m[1]!)) return null;
  const bySender = signsAsSender(m[2]!, from) || isSendersInitial(m[2]!, from);
  return { name: line.slice(line.lastIndexOf(m[2]!)).replace(/!$/, ''), bySender };
}
