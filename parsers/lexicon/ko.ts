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
  // Hospitals and clinical research: 연구간호사 (research nurse), 간호사 (nurse), 교수 (professor), 전문의 (specialist).
  '연구간호사',
  '간호사',
  // A pharmacist: 약사.
  '약사',
  '교수',
  '전문의',
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
  '연구원',
  '회장',
  '부회장',
  '고문',
  // Diplomatic ranks: 참사관 (counsellor), 서기관 (secretary), 교육관 (education attaché), 상무관 (commercial
  // attaché); not 대사 (ambassador) or 영사 (consul), which 대사관 and 영사관 (the embassy, the consulate) hold.
  '참사관',
  '서기관',
  '교육관',
  '상무관',
  // Professions written after the name like a rank ("김도현 변호사"): attorney, accountant, tax accountant,
  // patent attorney, professor.
  '변호사',
  '회계사',
  '세무사',
  '변리사',
  '교수',
];

export const ko: Lexicon = {
  lang: 'ko',
  universityWords: ['대학교'],
  // Every rank is a title noun; 경리 (bookkeeper) is a title, not a rank.
  // 연구원 (researcher) is a rank beside a name but also ends institute names (한국전자통신연구원): rank only.
  titleNounsNative: [
    ...RANKS.filter((r) => r !== '연구원'),
    '경리',
    '컨설턴트',
    '엔지니어',
    '개발자',
    '디자이너',
  ],
  // Closings alone on a line: 감사합니다 (thank you), 수고하세요, 좋은 하루 되세요 (have a good day).
  valedictions: [
    '(?:정말 |진심으로 )?감사(?:합니다|드립니다)',
    '고맙습니다',
    '수고하(?:세요|십시오)',
    '좋은 하루 (?:되|보내)세요',
  ],
  // "이서연 드림" / "김민준 올림": the writer's name with "(respectfully) given", a closing, not a block line.
  valedictionsNative: ['\\p{Script=Hangul}{2,4} ?(?:드림|올림)'],
  ranks: RANKS,
  // 학과 (university department), 학부 (school).
  unitSuffixesNative: ['팀', '부', '본부', '실', '센터', '그룹', '연구소', '파트', '학과', '학부'],
  // 대학교 (university), 병원 (hospital), 은행 (bank), 증권 (securities).
  // 진흥원 (promotion agency), 공단 (public corporation), 재단 (foundation), 협회 (association).
  // ...법률사무소 / 특허사무소: a law or patent office ("한빛국제특허법률사무소").
  orgWordsNative: [
    '대학교',
    '병원',
    '은행',
    '증권',
    '진흥원',
    '공단',
    '재단',
    '협회',
    '법률사무소',
    '특허사무소',
    // ...항공: an airline ("한결항공").
    '항공',
    // ...대사관 / 영사관: an embassy, a consulate ("주영국 대한민국 대사관").
    '대사관',
    '영사관',
    // Hotels and resorts: 호텔, 리조트 ("한빛호텔앤리조트").
    '호텔',
    '리조트',
    // ...공사: a public corporation ("남해항만공사", a port authority).
    '공사',
  ],
  // 법무법인 / 회계법인 / 세무법인 / 특허법인: law, accounting, tax and patent firms' corporate forms.
  legalFormsNative: [
    '주식회사',
    '[（(]주[)）]',
    '㈜',
    '유한회사',
    '재단법인',
    '사단법인',
    '법무법인',
    '회계법인',
    '세무법인',
    '특허법인',
  ],
  phoneWork: ['전화', '전화번호', '사무실', '직통', '대표전화', '대표번호'],
  phoneMobile: ['휴대폰', '휴대전화', '핸드폰', '휴대', '모바일'],
  phoneFax: ['팩스'],
  phoneExtensions: ['내선'],
  fieldLabels: ['주소', '회사', '직위', '직책', '부서'],
  // Gmail: "2021년 5월 3일 (월) 오전 10:00, 홍길동 <h@x>님이 작성:".
  quoteWrote: ['님이 작성'],
  // Outlook 보낸 사람 / 보낸 날짜 / 받는 사람 / 참조 / 제목; Naver and Daum write them without the space.
  quoteFromLabels: ['보낸 ?사람'],
  quoteHeaderLabels: ['보낸 ?날짜', '받는 ?사람', '참조', '숨은 참조', '제목', '날짜'],
  clientFooters: [
    '(?:내 )?(?:iPhone|iPad)에서 보냄',
    '(?:내 )?(?:Samsung )?Galaxy[^\\n]{0,20}에서 보냄',
    'Samsung Galaxy (?:스마트폰|smartphone)에서 보냈습니다',
  ],
  // Google 그룹스: "이 메일은 Google 그룹스 ... 그룹을 구독하고 있으므로".
  listFooterCues: ['Google 그룹스.{0,60}구독'],
  countries: ['대한민국', '한국'],
  noticeCues: ['본 메일', '본 이메일', '본 전자우편', '기밀'],
};
