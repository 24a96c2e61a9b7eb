/**
 * Ukrainian word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge). Words
 * spelt as in Russian (директор, менеджер, тел, факс, Кому) are in ./ru.ts; legal forms (ТОВ, ПрАТ, ФОП)
 * in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const uk: Lexicon = {
  lang: 'uk',
  // Greetings that open a reply (newest-part.ts: a reply under its quote).
  greetings: ['добрий день', 'доброго дня', 'вітаю', 'привіт', 'шановн(?:ий|а|і)'],
  valedictions: [
    'з повагою',
    'з (?:найкращими|кращими) побажаннями',
    'з вдячністю',
    '(?:щиро |дуже |заздалегідь )?дякую(?: заздалегідь)?',
    'всього найкращого',
    'на все добре',
    'гарного дня',
  ],
  // Gmail "... пише:", Thunderbird "... написав(ла):".
  quoteWrote: ['написав(?:\\(ла\\)|ла)?', 'пише'],
  // Outlook: Від / Надіслано / Кому / Копія / Тема.
  quoteFromLabels: ['Від'],
  quoteHeaderLabels: ['Надіслано', 'Копія', 'Дата'],
  clientFooters: ['Надіслано з (?:iPhone|iPad|мого|мобільного)'],
  noticeCues: ['конфіденційн'],
  // університет (university), інститут (institute) name the organisation; an institute or a faculty
  // (факультет) above its university is the unit.
  // ...and councils: "Вінницька міська рада" (city council), обласна / районна рада (regional, district).
  orgWords: ['університет', 'інститут', 'міністерство', '(?:міська|обласна|районна|сільська) рада'],
  universityWords: ['університет'],
  instituteWords: ['інститут', 'факультет'],
  titleNouns: [
    // Coordinators, feminine too: "Координаторка з логістики".
    'координатор(?:ка)?',
    // Mechanics and fitters: "Механік-діагност".
    'механік',
    // Head of a unit: начальник / начальниця ("Начальниця відділу залучення інвестицій").
    'начальни(?:к|ця)',
    // Clinical research: "Старший монітор клінічних досліджень".
    'монітор',
    // Patent attorney: "Патентний повірений".
    'повірен(?:ий|а)',
    '(?:старш(?:ий|а) )?науков(?:ий|а) співробітни(?:к|ця)',
    'генеральний директор',
    // Universities: професор, доцент, викладач (lecturer), асистент, завідувач кафедри (head of chair).
    'професор(?:ка)?',
    'доцент(?:ка)?',
    'викладач(?:ка)?',
    'асистент(?:ка)?',
    'завідувач(?:ка)?',
    // Feminine forms are written as often as masculine ones now: менеджерка, директорка, бухгалтерка.
    'менеджер(?:ка)?',
    'директор(?:ка)?',
    'бухгалтер(?:ка)?',
    'інженер(?:ка)?',
    'керівни(?:к|ця)',
    'спеціаліст',
    'фахівець',
    'провідний фахівець',
    'аналітик(?:иня)?',
    'провідн(?:ий|а) (?:інженер(?:ка)?|фахів(?:ець|чиня))',
    'заступник',
    'радник',
    'розробник',
    'програміст',
    'засновник',
    'співзасновник',
    'віце-президент',
    'голова правління',
    'адвокат',
    'помічник',
    'представник',
    'експерт',
  ],
  unitWords: [
    'відділ',
    'управління',
    'лабораторія',
    'відділення',
    // A law firm practice group: "Практика енергетики та природних ресурсів".
    'практика',
  ],
  phoneWork: ['роб', 'робочий'],
  phoneMobile: ['мобільний', 'мобільний телефон'],
  // "дод. 214" (додатковий), the extension.
  phoneExtensions: ['дод\\.'],
  countries: ['україна', 'ukraine'],
  // вул. (street), просп. (avenue), пров. (lane), бульв. (boulevard), шосе.
  streetPrefixes: ['вул\\.', 'вулиця', 'просп\\.', 'пров\\.', 'провулок', 'бульв\\.', 'шосе'],
  fieldLabels: ['Посада', 'Адреса', 'Компанія'],
};
