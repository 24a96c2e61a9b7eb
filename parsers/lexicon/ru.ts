/**
 * Russian word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

// A `\b` next to a Cyrillic letter never matches in the non-Unicode patterns (quote separators, notice and
// register cues), so Cyrillic entries of those lists carry none.
export const ru: Lexicon = {
  lang: 'ru',
  // Gmail "... написал(а):", Thunderbird "... пишет:".
  quoteWrote: ['написал(?:\\(а\\)|а)?', 'пишет'],
  quoteFromLabels: ['От', 'Отправитель'],
  quoteHeaderLabels: [
    'Отправлено',
    'Отправлен',
    'Кому',
    'Тема',
    'Дата',
    'Копия',
    'Скрытая копия',
    'Получатель',
  ],
  // Apple Mail: "Начало переадресованного сообщения:".
  forwardIntros: ['Начало переадресованного сообщения'],
  valedictions: [
    'с уважением',
    'с (?:наилучшими|лучшими|добрыми) пожеланиями',
    'с благодарностью',
    'с почтением',
    '(?:заранее |большое |огромное )?спасибо(?: большое| заранее)?',
    'благодарю',
    'всего (?:доброго|хорошего|наилучшего)',
    'хорошего дня',
    'искренне ваш[а]?',
  ],
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
    'юрисконсульт',
    'заместитель',
    'ведущий специалист',
    'советник',
    'президент',
    'вице-президент',
    'председатель',
    'координатор',
    'разработчик',
    'программист',
    'архитектор',
    'эксперт',
    'администратор',
    'представитель',
    'основатель',
    'сооснователь',
    'партн[её]р',
    'помощник',
    'ассистент',
    'секретарь',
    'научный сотрудник',
    'профессор',
    'доцент',
    'исследователь',
  ],
  // "Служба поддержки", "Лаборатория ...", "Кафедра ..." (a university chair), "Дирекция ...", "Сектор ...".
  // Ministries (министерство), committees and agencies of a state are organisations.
  orgWords: ['министерство', 'университет'],
  // An institute or a faculty above its university is the unit.
  universityWords: ['университет'],
  instituteWords: ['институт', 'факультет'],
  unitWords: [
    'отдел',
    'департамент',
    'управление',
    'служба',
    'лаборатория',
    'дирекция',
    'сектор',
    'кафедра',
    'отделение',
  ],
  legalForms: ['ООО', 'ОАО', 'ЗАО', 'ПАО', 'АО', 'ИП'],
  phoneWork: ['тел', 'телефон', 'раб', 'рабочий', 'офис'],
  phoneMobile: ['моб', 'мобильный', 'сот', 'сотовый'],
  phoneFax: ['факс', 'телефакс'],
  // "доб. 123" (добавочный, the extension).
  // доб. (добавочный), вн. (внутренний): the extension.
  phoneExtensions: ['доб\\.', 'вн\\.'],
  countries: ['россия', 'российская федерация', 'беларусь', 'казахстан'],
  // ул. (street), пр-т / проспект (avenue), пер. (lane), наб. (embankment), шоссе (highway), бульвар.
  streetPrefixes: [
    'ул\\.',
    'улица',
    'пр-т',
    'проспект',
    'пр\\.',
    'пер\\.',
    'переулок',
    'наб\\.',
    'набережная',
    'шоссе',
    'бульвар',
    'б-р',
  ],
  // A street named by an adjective before its word: "Варшавское шоссе, д. 55", "Ленинский проспект 32".
  streetWordsSpaced: ['шоссе', 'проспект', 'бульвар', 'набережная', 'переулок', 'проезд', 'площадь'],
  // дом (house), written before the number after the street: "Варшавское шоссе, д. 55".
  houseNumberLabels: ['д\\.', 'дом'],
  // а/я (абонентский ящик, PO box) opens its line.
  poBoxAbbrevs: ['а\\/я'],
  fieldLabels: ['Должность', 'Компания', 'Адрес', 'Организация'],
  clientFooters: ['Отправлено с (?:iPhone|iPad|моего|мобильного)', 'Отправлено из (?:мобильной|приложения)'],
  // Google Groups: "Вы получили это сообщение, поскольку подписаны на группу".
  listFooterCues: ['Вы получили это сообщение, (?:поскольку|так как) (?:вы )?подписаны'],
  noticeCues: ['конфиденциальн', 'адресат'],
};
