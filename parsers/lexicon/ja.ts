/**
 * Japanese word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const ja: Lexicon = {
  lang: 'ja',
  valedictionsNative: ['(?:何卒)?(?:よろしく|宜しく)お願い(?:いた|致)?(?:します|申し上げます)'],
  quoteFromLabels: ['差出人'],
  quoteHeaderLabels: ['送信日時', '宛先', '件名', '日付', 'CC'],
  clientFooters: ['iPhoneから送信'],
  titleNounsNative: [
    '部長',
    '課長',
    '係長',
    '主任',
    '社長',
    '取締役',
    '室長',
    '所長',
    'マネージャー',
    'エンジニア',
    'コンサルタント',
  ],
  ranks: ['部長', '課長', '係長', '主任', '社長', '室長', '所長'],
  unitSuffixesNative: ['部', '課', '室', 'センター', 'グループ', 'チーム'],
  legalForms: ['KK'],
  legalFormsAtEnd: ['K\\.K'],
  legalFormsNative: ['株式会社', '有限会社', '合同会社', '[（(]株[)）]'],
  countries: ['日本'],
  phoneWork: ['電話'],
  phoneMobile: ['携帯', '携帯電話'],
  phoneFax: ['ファックス'],
  fieldLabels: ['住所', '所在地'],
  noticeCues: ['本メール', '機密'],
};
