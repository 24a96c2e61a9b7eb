/**
 * Greek word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const el: Lexicon = {
  lang: 'el',
  quoteWrote: ['έγραψε'],
  // Α.Ε. (société anonyme), Ε.Π.Ε. (limited company), Ι.Κ.Ε. (private company), Ο.Ε. (partnership), with or without dots.
  legalForms: ['Α\\.Ε', 'ΑΕ', 'Α\\.Ε\\.Β\\.Ε', 'ΑΕΒΕ', 'Ε\\.Π\\.Ε', 'ΕΠΕ', 'Ι\\.Κ\\.Ε', 'ΙΚΕ', 'Ο\\.Ε'],
  quoteFromLabels: ['Από'],
  quoteHeaderLabels: ['Στάλθηκε', 'Ημερομηνία', 'Προς', 'Κοιν', 'Θέμα'],
};
