/**
 * Russian word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const ru: Lexicon = {
  lang: 'ru',
  quoteWrote: ['написал(?:\\(а\\)|а)?'],
  quoteFromLabels: ['От'],
  quoteHeaderLabels: ['Отправлено', 'Кому', 'Тема', 'Дата', 'Копия'],
  valedictions: ['с уважением', 'с наилучшими пожеланиями', 'спасибо', 'всего доброго'],
  lotusToLabels: ['Кому'],
  titleNouns: [
    'директор',
    'генеральный директор',
    'менеджер',
    'инженер',
    'руководитель',
    'начальник',
    'специалист',
    'консультант',
    'бухгалтер',
    'аналитик',
    'юрист',
    'заместитель',
    'ведущий специалист',
  ],
  unitWords: ['отдел', 'департамент', 'управление'],
  legalForms: ['ООО', 'ОАО', 'ЗАО', 'ПАО', 'АО', 'ИП'],
  phoneWork: ['тел', 'телефон', 'раб'],
  phoneMobile: ['моб', 'мобильный', 'сот'],
  phoneFax: ['факс'],
  countries: ['россия'],
  clientFooters: ['Отправлено с (?:iPhone|iPad|моего)'],
  noticeCues: ['конфиденциальн'],
};
