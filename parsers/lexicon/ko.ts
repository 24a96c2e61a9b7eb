/**
 * Korean word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

/**
 * Korean ranks: 과장 (manager), 부장, 차장, 대리, 팀장, 이사, 대표, 실장, 주임, 사원, 상무, 전무, 본부장; the
 * president ranks 사장, 부사장, 대표이사; the grades of flat and research ladders 책임, 선임, 수석 (also with
 * 연구원, researcher; 연구원 alone also names an institute) and 매니저; heads of parts, groups and centres.
 */
const RANKS = [
  '과장',
  '부장',
  '차장',
  '대리',
  '팀장',
  '이사',
  '대표',
  '실장',
  '주임',
  '사원',
  '상무',
  '전무',
  '본부장',
  '사장',
  '부사장',
  '대표이사',
  '책임',
  '선임',
  '수석',
  '책임연구원',
  '선임연구원',
  '수석연구원',
  '매니저',
  '파트장',
  '그룹장',
  '센터장',
];

export const ko: Lexicon = {
  lang: 'ko',
  // Every rank is a title noun; 경리 (bookkeeper) is a title, not a rank.
  titleNounsNative: [...RANKS, '경리'],
  ranks: RANKS,
  unitSuffixesNative: ['팀', '부', '본부', '실', '센터', '그룹'],
  legalFormsNative: ['주식회사', '[（(]주[)）]', '㈜'],
  phoneWork: ['전화'],
  phoneMobile: ['휴대폰', '휴대전화', '핸드폰'],
  phoneFax: ['팩스'],
  fieldLabels: ['주소'],
  quoteFromLabels: ['보낸 사람'],
  quoteHeaderLabels: ['보낸 날짜', '받는 사람', '참조', '제목'],
  clientFooters: ['iPhone에서 보냄', 'Galaxy에서 보냄'],
  noticeCues: ['본 메일', '기밀'],
};
