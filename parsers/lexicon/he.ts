/**
 * Hebrew word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const he: Lexicon = {
  lang: 'he',
  noticeCues: ['סודי', 'חסוי', 'הנמען'],
  article: 'ה',
  // "Regards", "Best regards", "Thanks (a lot)", "Yours".
  valedictions: ['בברכה', 'בברכה רבה', 'בברכת', 'תודה', 'תודה רבה', 'שלך', 'שלכם'],
  titleNounsRtl: [
    // A pharmacist: "רוקחת", "רוקח".
    'רוקחת',
    'רוקח',
    // Lecturer: "מרצה בכירה" (senior lecturer).
    'מרצה',
    // A controller: "חשבת ראשית", "חשב".
    'חשבת',
    'חשב',
    // Producer: מפיק / מפיקה ("מפיקה בכירה", senior producer).
    'מפיק',
    'מפיקה',
    'מנהל',
    'מנהלת',
    'מנכ["״]ל',
    'מנכ["״]לית',
    'סמנכ["״]ל',
    'סמנכ["״]לית',
    'ראש',
    'מהנדס',
    'מהנדסת',
    'יועץ',
    'יועצת',
    'אנליסט',
    'אנליסטית',
    'מפתח',
    'מפתחת',
    'רכז',
    'רכזת',
    'מתכנת',
    'מתכנתת',
    'עו["״]ד',
    'שותף',
    'שותפה',
    'מייסד',
    'מייסדת',
    'סגן',
    'סגנית',
    'יו["״]ר',
    // Spokespeople, editors and economists: דובר / דוברת, עורך / עורכת, כלכלן / כלכלנית.
    'דובר',
    'דוברת',
    'עורך',
    'עורכת',
    'כלכלן',
    'כלכלנית',
    // Appraisers and experts: שמאי / שמאית, מומחה / מומחית.
    'שמאי',
    'שמאית',
    'מומחה',
    'מומחית',
    // Chemists: כימאי / כימאית ("כימאית פורמולציה").
    'כימאי',
    'כימאית',
  ],
  // חטיבת / חטיבה (division).
  // ...and יחידה / יחידת (unit: "היחידה למחקר קליני").
  // ...and תחום (a business line: "תחום מסחר מקוון", e-commerce).
  unitWordsRtl: ['חוג', 'מחלקת', 'מחלקה', 'אגף', 'חטיבת', 'חטיבה', 'יחידה', 'יחידת', 'תחום'],
  // בע"מ (Ltd); ושות' (& Co., a firm of partners: "כהן ושות'").
  legalFormsNative: ['בע["״]?מ', "ושות['׳]"],
  // Street words before the street's name (רח' = street, שד' = boulevard, דרך = road) and the PO box (ת.ד.).
  // An industrial zone before its name: "אזור התעשייה בר-לב", "א.ת. ספיר".
  streetPrefixes: ["רח['׳]", 'רחוב', "שד['׳]", 'שדרות', 'דרך', 'אזור התעשייה', 'א\\.ת\\.'],
  poBoxAbbrevs: ['ת\\.ד\\.?'],
  // ...or after it, behind a comma ("מיכל אברהמי, עו\"ד"): dropped likewise, no title.
  credentials: ['עו["״]ד', 'רו["״]ח'],
  // Written before the name and dropped from it: עו"ד (advocate), ד"ר (Dr), רו"ח (CPA), פרופ' (Prof.).
  honorifics: [
    'עו["״]ד',
    'ד["״]ר',
    'רו["״]ח',
    "פרופ['׳]",
    // הרב (Rabbi) before the name.
    'הרב',
    'הרבנית',
  ],
  // ...and מרכז רפואי (medical centre: "המרכז הרפואי ..."), בית חולים (hospital), אוניברסיטת.
  // ...and schools: תיכון (a high school), בית ספר (a school).
  orgWordsRtl: [
    // A museum: "מוזיאון העיצוב".
    'מוזיאון',
    'חברת',
    'ה?מרכז ה?רפואי',
    'בית ה?חולים',
    'אוניברסיטת',
    'תיכון',
    'בית ה?ספר',
  ],
  phoneWork: ['טל', 'טלפון', 'משרד'],
  phoneMobile: ['נייד', 'סלולרי'],
  phoneFax: ['פקס'],
  // "03-555-0101 שלוחה 12": the extension.
  phoneExtensions: ['שלוחה'],
  fieldLabels: ['כתובת'],
  // Outlook's Hebrew quote header: מאת (From), נשלח (Sent), אל (To), עותק (Cc), נושא (Subject).
  quoteFromLabels: ['מאת'],
  quoteHeaderLabels: ['נשלח', 'תאריך', 'אל', 'עותק', 'נושא'],
  quoteWrote: ['כתב', 'כתבה'],
  clientFooters: ['נשלח מה-?iPhone'],
  regionWords: [
    // Continents and regions: Africa, Europe, Asia, the Middle East, Latin America.
    'אפריקה',
    'אירופה',
    'אסיה',
    'המזרח התיכון',
    'אמריקה הלטינית',
    'צפון אמריקה',
  ],
  functions: [
    // Sales, marketing, engineering, operations, logistics, customers ("מנהלת פרויקטים | לקוחות בינלאומיים").
    'מכירות',
    'שיווק',
    'הנדסה',
    'תפעול',
    'לוגיסטיקה',
    'לקוחות',
    // Functions that name a unit on their own: human resources, procurement, finance ("מנהלת אירועים | משאבי אנוש").
    'משאבי אנוש',
    'רכש',
    'כספים',
  ],
};
