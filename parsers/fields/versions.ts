/**
 * A block written twice, in two scripts: "محمد عمران بھٹی / چیف ایگزیکٹو / چناب لوم کرافٹ لمیٹڈ" then "Muhammad
 * Imran Bhatti / Chief Executive | Chenab Loom Craft (Pvt.) Ltd.". The first version is the value (as for a title
 * row or an address written in two scripts); the second version's name and title lines are its translation, not
 * more fields. Its firm, phones, e-mails and address, which often stand in one version only, are still read.
 */
import {
  hasCompanyWord,
  hasLatinLetters,
  hasNonLatinLetters,
  hasTitleWord,
  looksLikeAddress,
  looksLikeName,
} from '../lines.ts';
import type { TextCell } from './cells.ts';

/** Latin letters only, other letters only, or a mix (which says nothing). */
function scriptOf(s: string): 'latin' | 'other' | 'mixed' {
  const latin = hasLatinLetters(s);
  const other = hasNonLatinLetters(s);
  return latin && other ? 'mixed' : latin ? 'latin' : 'other';
}

/**
 * The text cells of the block's second version to leave out of the name, title and unit steps: a second name line
 * in the other script, and after it the title cells in that script (no company word, digit, e-mail or address
 * shape). Its company stays a candidate: a firm is often named in one script only. Empty when the block is
 * written once, or when the first version has nothing but the name for the second to translate.
 */
export function secondVersionCells(texts: readonly TextCell[], nameIndex: number): number[] {
  if (nameIndex < 0) return [];
  const first = scriptOf(texts[nameIndex]!.text);
  if (first === 'mixed') return [];
  const nameRow = texts[nameIndex]!.row;
  for (let k = nameIndex + 1; k < texts.length; k++) {
    const t = texts[k]!.text;
    if (texts[k]!.row === nameRow || scriptOf(t) === first || scriptOf(t) === 'mixed' || /\d/.test(t))
      continue;
    // A name of two words or more ("Tallinn" alone is a city).
    if (!/\S\s+\S/.test(t.trim()) || !looksLikeName(t) || hasCompanyWord(t) || hasTitleWord(t)) continue;
    // The first version translated: at least one line of its own between the two names.
    const between = texts
      .slice(nameIndex + 1, k)
      .filter((x) => scriptOf(x.text) === first && !/\d/.test(x.text));
    if (between.length === 0) return [];
    const second = scriptOf(t);
    const out: number[] = [k];
    for (let j = k + 1; j < texts.length; j++) {
      const x = texts[j]!.text;
      if (
        scriptOf(x) === second &&
        hasTitleWord(x) &&
        !hasCompanyWord(x) &&
        !/[\d@]/.test(x) &&
        !looksLikeAddress(x)
      )
        out.push(j);
    }
    return out;
  }
  return [];
}
