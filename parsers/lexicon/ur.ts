/**
 * Urdu word lists of the signature parser (Pakistan, India). What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Urdu writes ک, ی and ہ where Arabic
 * writes ك, ي and ه, so its words are listed apart from ./ar.ts and ./fa.ts.
 */
import type { Lexicon } from './types.ts';

export const ur: Lexicon = {
  lang: 'ur',
  // Quote intros: "... X نے لکھا:".
  quoteWrote: ['نے لکھا'],
  // شکریہ (thank you), والسلام (with peace), خیر اندیش (well-wisher), نیک خواہشات کے ساتھ (with good wishes).
  valedictions: ['شکریہ', 'والسلام', 'خیر اندیش', 'نیک خواہشات کے ساتھ'],
  noticeCues: ['رازدار', 'خفیہ'],
  // پروفیسر (professor), ڈائریکٹر, مینیجر / منیجر (manager), افسر (officer), ایڈووکیٹ (advocate), سیکرٹری.
  // ...and a hospital's superintendents: سپرنٹنڈنٹ ("ڈپٹی میڈیکل سپرنٹنڈنٹ", deputy medical superintendent).
  titleNounsRtl: [
    // English titles written in Urdu letters: chief executive, executive, chairman, partner, consultant.
    'ایگزیکٹو',
    'چیئرمین',
    'پارٹنر',
    'کنسلٹنٹ',
    'پروفیسر',
    'ڈائریکٹر',
    'مینیجر',
    'منیجر',
    'افسر',
    'ایڈووکیٹ',
    'سیکرٹری',
    'انجینئر',
    'سپرنٹنڈنٹ',
  ],
  // شعبہ (department), محکمہ (department of government).
  unitWordsRtl: ['شعبہ', 'محکمہ'],
  // کالج (college), ہسپتال (hospital), یونیورسٹی (university), کمپنی (company), لمیٹڈ (limited).
  // کمیشن (commission), وزارت (ministry) as well.
  orgWordsRtl: ['کالج', 'ہسپتال', 'یونیورسٹی', 'کمپنی', 'لمیٹڈ', 'کمیشن', 'وزارت'],
  streetPrefixes: ['روڈ', 'سڑک', 'گلی'],
  countries: ['پاکستان'],
  phoneWork: ['فون'],
  phoneMobile: ['موبائل'],
  phoneFax: ['فیکس'],
  phoneExtensions: ['ایکسٹینشن', 'ایکس ٹینشن'],
  // ڈاکٹر (doctor) before the name.
  honorifics: ['ڈاکٹر'],
};
