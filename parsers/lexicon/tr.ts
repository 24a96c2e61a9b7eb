/**
 * Turkish word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const tr: Lexicon = {
  lang: 'tr',
  quoteWrote: ['\\byazdı'],
  valedictions: ['saygılarımla', 'iyi çalışmalar', 'teşekkürler', 'sevgiler'],
  quoteFromLabels: ['Kimden'],
  quoteHeaderLabels: ['Gönderildi', 'Gönderilen', 'Kime', 'Konu', 'Bilgi', 'Tarih'],
  lotusToLabels: ['Kime'],
  titleNouns: [
    'müdür',
    'müdürü',
    'genel müdür',
    'uzman',
    'uzmanı',
    'mühendis',
    'mühendisi',
    'yönetici',
    'danışman',
    'avukat',
    'muhasebe müdürü',
    'satış müdürü',
  ],
  unitWords: ['departmanı', 'müdürlüğü', 'birimi'],
  legalForms: ['A\\.Ş', 'Ltd\\. Şti', 'Şti'],
  phoneMobile: ['cep', 'gsm'],
  phoneFax: ['faks'],
  countries: ['türkiye', 'turkey'],
  clientFooters: ["iPhone'umdan gönderildi"],
};
