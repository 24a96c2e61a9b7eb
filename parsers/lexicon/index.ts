/**
 * All languages' lexicons and the joins the parsers compile their patterns from, once at module load.
 * The order of the languages does not change what a pattern matches (every list is used as an
 * alternation inside a pattern that is tested, not a choice among its alternatives).
 */
import type { Lexicon, ListKey } from './types.ts';
import { en } from './en.ts';
import { de } from './de.ts';
import { fr } from './fr.ts';
import { es } from './es.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';
import { pt } from './pt.ts';
import { ca } from './ca.ts';
import { sv } from './sv.ts';
import { da } from './da.ts';
import { no } from './no.ts';
import { fi } from './fi.ts';
import { pl } from './pl.ts';
import { cs } from './cs.ts';
import { hu } from './hu.ts';
import { ru } from './ru.ts';
import { uk } from './uk.ts';
import { ro } from './ro.ts';
import { id } from './id.ts';
import { vi } from './vi.ts';
import { el } from './el.ts';
import { tr } from './tr.ts';
import { ja } from './ja.ts';
import { zh } from './zh.ts';
import { ko } from './ko.ts';
import { et } from './et.ts';
import { lv } from './lv.ts';
import { lt } from './lt.ts';
import { sl } from './sl.ts';
import { ka } from './ka.ts';
import { hi } from './hi.ts';
import { bn } from './bn.ts';
import { ur } from './ur.ts';
import { fa } from './fa.ts';
import { ar } from './ar.ts';
import { he } from './he.ts';
import { th } from './th.ts';
import { bg } from './bg.ts';
import { sr } from './sr.ts';
import { tl } from './tl.ts';
import { sw } from './sw.ts';
import { cy } from './cy.ts';
import { ga } from './ga.ts';
import { is } from './is.ts';
import { az } from './az.ts';
import { am } from './am.ts';
import { ta } from './ta.ts';
import { si } from './si.ts';
import { km } from './km.ts';
import { intl } from './intl.ts';

export type { Lexicon, ListKey } from './types.ts';

export const LEXICONS: readonly Lexicon[] = [
  en,
  de,
  fr,
  es,
  it,
  nl,
  pt,
  ca,
  sv,
  da,
  no,
  fi,
  et,
  lv,
  lt,
  pl,
  cs,
  hu,
  ru,
  uk,
  ro,
  id,
  vi,
  el,
  tr,
  ja,
  zh,
  ko,
  ar,
  fa,
  ur,
  he,
  th,
  hi,
  bn,
  bg,
  sr,
  sl,
  ka,
  tl,
  sw,
  cy,
  ga,
  is,
  az,
  am,
  ta,
  si,
  km,
  intl,
];

/** Every language's entries of one list, in language order. */
export function words(key: ListKey): string[] {
  return LEXICONS.flatMap((l) => l[key] ?? []);
}

/** One list of one language (for patterns bound to a script, such as Korean unit endings). */
export function wordsOf(lang: string, key: ListKey): string[] {
  return [...(LEXICONS.find((l) => l.lang === lang)?.[key] ?? [])];
}

/** The entries of a list as the body of a regular-expression alternation: `a|b|c`. */
export function alt(key: ListKey): string {
  return words(key).join('|');
}

/**
 * A right-to-left list as alternatives per language, each with that language's joined article allowed in
 * front and no letter on either side: `(?<!\p{L})(?:ال)?(?:...)(?!\p{L})|...`.
 */
export function rtlAlt(key: ListKey, opts: { edges: boolean; start?: string; end?: string }): string {
  return LEXICONS.filter((l) => (l[key] ?? []).length > 0)
    .map((l) => {
      const art = l.article ? `(?:${l.article})?` : '';
      const start = opts.start ?? (opts.edges ? String.raw`(?<!\p{L})` : '');
      const end = opts.end ?? (opts.edges ? String.raw`(?!\p{L})` : '');
      return `${start}${art}(?:${l[key]!.join('|')})${end}`;
    })
    .join('|');
}
