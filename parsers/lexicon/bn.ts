/**
 * Bengali word lists of the signature parser (Bangladesh, West Bengal). What each list is and how it is
 * matched: ./types.ts; compiled once into the parsers' patterns by ./index.ts. Numbers in Bengali digits are
 * read by parsers/phones.ts.
 */
import type { Lexicon } from './types.ts';

export const bn: Lexicon = {
  lang: 'bn',
  // Gmail bn: "... X <x@y> লিখেছেন:".
  quoteWrote: ['লিখেছেন'],
  // শুভেচ্ছান্তে (with good wishes), ধন্যবাদান্তে / ধন্যবাদ (with thanks), বিনীত (humbly).
  valedictions: ['শুভেচ্ছান্তে', 'ধন্যবাদান্তে', 'ধন্যবাদ', 'বিনীত'],
  noticeCues: ['গোপনীয়'],
  // অধ্যাপক (professor; সহযোগী / সহকারী: associate, assistant), পরিচালক (director), ব্যবস্থাপক (manager),
  // কর্মকর্তা (officer), প্রকৌশলী (engineer), সচিব (secretary).
  // অফিসার / ম্যানেজার (officer, manager: English loanwords, "প্রোগ্রাম অফিসার").
  titleNouns: [
    '(?:সহযোগী |সহকারী )?অধ্যাপক',
    // উপপরিচালক (deputy director), সহকারী পরিচালক (assistant director).
    '(?:উপ|সহকারী )?পরিচালক',
    'ব্যবস্থাপক',
    'কর্মকর্তা',
    'প্রকৌশলী',
    'সচিব',
    'অফিসার',
    'ম্যানেজার',
  ],
  // বিভাগ (department), ইউনিট (unit), শাখা (section).
  unitWords: [
    'বিভাগ',
    'ইউনিট',
    'শাখা',
    // প্ল্যানিং (planning), অপারেশনস (operations): "নেটওয়ার্ক প্ল্যানিং".
    'প্ল্যানিং',
    'অপারেশনস',
  ],
  // বিশ্ববিদ্যালয় (university), হাসপাতাল (hospital), কলেজ (college), লিমিটেড (limited).
  // ...and অধিদপ্তর (a directorate general: "স্বাস্থ্য সেবা অধিদপ্তর").
  orgWords: ['বিশ্ববিদ্যালয়', 'হাসপাতাল', 'কলেজ', 'লিমিটেড', 'সংস্থা', 'মন্ত্রণালয়', 'অধিদপ্তর'],
  streetWords: ['রোড', 'সড়ক'],
  // বাড়ি (house), ভবন (building), কক্ষ (room), তলা (floor).
  premisesWords: ['বাড়ি', 'ভবন', 'কক্ষ', 'তলা'],
  countries: ['বাংলাদেশ'],
  phoneWork: ['ফোন', 'টেলিফোন'],
  phoneMobile: ['মোবাইল'],
  phoneFax: ['ফ্যাক্স'],
  honorifics: ['ডা\\.', 'ড\\.', 'ডঃ'],
};
