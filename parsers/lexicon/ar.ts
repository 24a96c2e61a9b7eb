/**
 * Arabic word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const ar: Lexicon = {
  lang: 'ar',
  // Quote intros: "... كتب X:" / "كتبت".
  quoteWrote: ['كتب', 'كتبت'],
  // "هذه الرسالة سرية ومخصصة فقط للمرسل إليه": confidential, for the addressee only; disclaimer.
  noticeCues: ['سرية', 'المرسل إليه', 'إخلاء (?:ال)?مسؤولية'],
  article: 'ال',
  // "With best / sincere regards", "With greetings", "My greetings", "With thanks", "Thanks", "Yours sincerely".
  valedictions: [
    'مع (?:أطيب|خالص|أجمل) التحي(?:ات|ة)',
    'مع التحية',
    'تحياتي',
    'مع الشكر',
    'مع خالص الشكر',
    'شكراً?',
    'وتفضلوا بقبول فائق الاحترام(?: والتقدير)?',
  ],
  titleNounsRtl: [
    // A partner: "شريك", "شريكة".
    'شريكة',
    'شريك',
    // Agent, attorney: "وكيل علامات تجارية" (trade-mark agent).
    'وكيل',
    'مدير',
    'مديرة',
    'رئيس',
    'رئيسة',
    'نائب',
    'مهندس',
    'مهندسة',
    'مستشار',
    'مستشارة',
    'محلل',
    'محللة',
    'أخصائي',
    'أخصائية',
    'اخصائي',
    'منسق',
    'منسقة',
    'محاسب',
    'محاسبة',
    'مطور',
    'مطورة',
    'مشرف',
    'مشرفة',
    'مساعد',
    'مساعدة',
    'شريك',
    'شريكة',
    'مؤسس',
    'مؤسسة مشاركة',
    'محامي',
    'محامية',
    // مسؤول (officer, in charge), مراقب (controller), ممثل (representative), باحث (researcher), أستاذ (professor);
    // masculine and feminine.
    'مسؤول',
    'مسؤولة',
    'مراقب',
    'مراقبة',
    'ممثل',
    'ممثلة',
    'باحث',
    'باحثة',
    'أستاذ',
    'أستاذة',
    // Economists, spokespeople and the press: اقتصادي (economist; "كبيرة الاقتصاديين", chief economist),
    // خبير (expert), متحدث (spokesperson), مراسل (correspondent), محرر (editor), صحفي (journalist).
    'اقتصادي',
    'اقتصادية',
    'كبير الاقتصاديين',
    'كبيرة الاقتصاديين',
    'خبير',
    'خبيرة',
    'متحدث',
    'متحدثة',
    'المتحدث',
    'المتحدثة',
    'مراسل',
    'مراسلة',
    'محرر',
    'محررة',
    'صحفي',
    'صحفية',
    // ملحق (attaché: "ملحق ثقافي", cultural attaché).
    'ملحق',
    'ملحقة',
    // مشتري (buyer: "مشتري أول", senior buyer).
    'مشتري',
    'مشترية',
    // استشاري (a consultant physician: "استشارية تقويم الأسنان").
    'استشاري',
    'استشارية',
  ],
  // عمادة (a deanship: "عمادة البحث العلمي").
  // ...and المكتب with its article (an office of an organisation: "المكتب التجاري", an embassy's commercial office;
  // without it, "مكتب دلتا النيل", it names a firm).
  // ...and وحدة (a unit: "وحدة البحوث الإكلينيكية", a clinical research unit).
  unitWordsRtl: ['قسم', 'إدارة', 'ادارة', 'دائرة', 'عمادة', 'المكتب', 'وحدة'],
  // ش.م.ل: Lebanese and Syrian joint-stock company (S.A.L.); ش.ذ.م.م: Gulf limited liability company.
  legalFormsNative: ['ش\\.م\\.م', 'ذ\\.م\\.م', 'ش\\.م\\.ع', 'ش\\.م\\.ل', 'ش\\.ذ\\.م\\.م'],
  // Street and road (شارع, طريق) before the name; the PO box (ص.ب = صندوق بريد).
  // ...and زنقة (a street in the Maghreb: "زنقة 55").
  streetPrefixes: ['شارع', 'طريق', 'زنقة'],
  // Premises in an address line: الطابق / طابق (floor), مبنى (building), برج (tower).
  premisesWords: ['الطابق', 'طابق', 'مبنى', 'برج'],
  // Countries of the Arabic-writing world written alone under an address.
  countries: [
    'الإمارات العربية المتحدة',
    'الإمارات',
    'المملكة العربية السعودية',
    'السعودية',
    'قطر',
    'الكويت',
    'البحرين',
    'سلطنة عمان',
    'عمان',
    'الأردن',
    'مصر',
    'لبنان',
    'المغرب',
    'تونس',
    'الجزائر',
    'العراق',
  ],
  poBoxAbbrevs: ['ص\\.\\s?ب\\.?'],
  // مدارس (schools: a school network, "مدارس النيل الدولية").
  // الهيئة / هيئة (authority, commission: "الهيئة العامة لمشروعات الري").
  // جامعة (a university).
  // سفارة (an embassy), غرفة (a chamber of commerce: "غرفة تجارة وصناعة").
  orgWordsRtl: [
    // جمعية (a society, an association: "الجمعية المصرية للدراسات ...").
    'جمعية',
    // صندوق (a fund: "صندوق الرياض للتنمية").
    'صندوق',
    // طيران opening the line (an airline: "طيران ...", as Arabic names its carriers); inside a line it is
    // aviation ("مفتش صلاحية طيران", an airworthiness inspector).
    '^طيران',
    // مستشفى (a hospital: "مستشفى النيل الجامعي").
    'مستشفى',
    'شركة',
    'مؤسسة',
    'مجموعة',
    'المحدودة',
    'القابضة',
    'مدارس',
    'الهيئة',
    'هيئة',
    'جامعة',
    'سفارة',
    'غرفة',
    // وزارة (a ministry: "وزارة النقل").
    'وزارة',
  ],
  phoneWork: ['هاتف', 'تلفون', 'الهاتف'],
  // متحرك (mobile, the Gulf's Etisalat/du usage).
  phoneMobile: ['جوال', 'موبايل', 'محمول', 'الجوال', 'متحرك'],
  phoneFax: ['فاكس'],
  // "+971 4 555 0101 تحويلة 12" (Gulf), "داخلي 12" (Levant, Egypt): the extension.
  phoneExtensions: ['تحويلة', 'داخلي'],
  fieldLabels: ['العنوان'],
  // Before the name: م. (مهندس, engineer), د. (دكتور, doctor), أ. (أستاذ).
  // ...and with a slash, as Egypt writes them: "م/ ", "أ/ ", "د/ ", "محاسب/ " (accountant), "مهندس/ ".
  honorifics: ['المحامية', 'المحامي', 'م\\.', 'د\\.', 'أ\\.', '(?:م|أ|د|محاسب|مهندس|دكتور|أستاذ)\\s?/'],
  // Outlook's Arabic quote header: من (From), تم الإرسال / أرسل (Sent), إلى (To), نسخة (Cc), الموضوع (Subject).
  quoteFromLabels: ['من'],
  quoteHeaderLabels: ['تم الإرسال', 'أرسل', 'تاريخ الإرسال', 'إلى', 'نسخة', 'الموضوع', 'التاريخ'],
  clientFooters: ['أرسلت من'],
};
