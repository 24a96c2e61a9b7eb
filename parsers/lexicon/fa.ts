/**
 * Persian word lists of the signature parser (Iran; Dari in Afghanistan writes the same words). What each
 * list is and how it is matched: ./types.ts; compiled once into the parsers' patterns by ./index.ts.
 * Persian writes ک and ی where Arabic writes ك and ي, so its words are listed apart from ./ar.ts. Numbers in
 * Persian digits (۰۲۱-۵۵۵۰۱۴۷۸) are read by parsers/phones.ts.
 */
import type { Lexicon } from './types.ts';

export const fa: Lexicon = {
  lang: 'fa',
  // Quote intros: "... X نوشت:".
  quoteWrote: ['نوشت'],
  // "این ایمیل محرمانه است": confidential.
  noticeCues: ['محرمانه', 'گیرنده (?:مورد نظر|اصلی)'],
  // با احترام (with respect), با سپاس / با تشکر (with thanks), ارادتمند (sincerely), سپاسگزارم (thank you).
  valedictions: ['با احترام', 'با سپاس(?: فراوان)?', 'با تشکر', 'ارادتمند', 'سپاسگزارم', 'با آرزوی موفقیت'],
  // کارشناس (specialist), مدیر (manager), مدیرعامل (CEO), معاون (deputy), رئیس (head), سرپرست (supervisor),
  // مشاور (adviser), مهندس (engineer), حسابدار (accountant), وکیل (lawyer), بنیان‌گذار (founder).
  titleNounsRtl: [
    'کارشناس',
    'مدیر',
    'مدیرعامل',
    'معاون',
    'رئیس',
    'سرپرست',
    'مشاور',
    'حسابدار',
    'وکیل',
    'بنیان‌?گذار',
    'مسئول',
    'تحلیلگر',
  ],
  // واحد (unit), بخش (section), اداره (department), معاونت (deputy directorate), دپارتمان (department).
  unitWordsRtl: ['واحد', 'بخش', 'اداره', 'معاونت', 'دپارتمان'],
  // شرکت (company), گروه (group); سهامی خاص / سهامی عام (private / public joint-stock company).
  orgWordsRtl: ['شرکت', 'گروه'],
  legalFormsNative: ['سهامی خاص', 'سهامی عام'],
  // خیابان (street), بلوار (boulevard), کوچه (lane), میدان (square); پلاک (number), طبقه (floor).
  streetPrefixes: ['خیابان', 'بلوار', 'کوچه', 'میدان'],
  premisesWords: ['پلاک', 'طبقه'],
  countries: ['ایران'],
  phoneWork: ['تلفن', 'تلفن ثابت'],
  phoneMobile: ['همراه', 'تلفن همراه', 'موبایل'],
  phoneFax: ['فکس', 'نمابر'],
  phoneExtensions: ['داخلی'],
  fieldLabels: ['نشانی', 'آدرس'],
  // Before the name: مهندس (engineer), دکتر (doctor).
  honorifics: ['مهندس', 'دکتر'],
  // Outlook's Persian quote header: از (From), ارسال شده / تاریخ (Sent), به (To), موضوع (Subject).
  quoteFromLabels: ['از'],
  quoteHeaderLabels: ['ارسال شده', 'تاریخ', 'به', 'رونوشت', 'موضوع'],
};
