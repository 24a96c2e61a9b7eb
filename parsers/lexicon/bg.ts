/**
 * Bulgarian word lists of the signature parser. What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression fragments.
 * Words spelt as in Russian (отдел, директор, "От:") are in ./ru.ts, the legal forms (ЕООД, ООД, АД) in
 * ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const bg: Lexicon = {
  lang: 'bg',
  // Greetings that open a reply (newest-part.ts: a reply under its quote).
  greetings: ['здравейте', 'добър ден', 'уважаем(?:и|а)'],
  // Gmail bg: "... X <x@y> написа:".
  quoteWrote: ['написа'],
  noticeCues: ['поверителн'],
  valedictions: ['(?:с )?поздрави', 'с уважение', 'благодаря(?: ви)?', 'хубав ден'],
  // Outlook bg: От / Изпратено / До / Относно / Копие.
  quoteHeaderLabels: ['Изпратено', 'До', 'Относно', 'Копие'],
  // счетоводител (accountant), управител (manager of an ЕООД), мениджър, ръководител (head), инженер,
  // специалист, консултант, юрисконсулт, търговски представител (sales representative).
  titleNouns: [
    // Head of a unit: "Началник на отдел" (head of department).
    'началник',
    '(?:главен |старши )?счетоводител(?:ка)?',
    'управител',
    'мениджър',
    'ръководител',
    'изпълнителен директор',
    'инженер',
    'специалист',
    'консултант',
    'юрисконсулт',
    'търговски представител',
    'програмист',
    'анализатор',
    // Clinical research: клиничен монитор (CRA), координатор.
    'монитор',
    'координатор',
  ],
  // Старши (senior), Главен (chief) open a title.
  seniorityPrefixes: ['Старши', 'Главен', 'Главна'],
  // дирекция (directorate), отдел is in ./ru.ts.
  unitWords: ['дирекция', 'сектор'],
  // агенция (an agency: "Национална агенция за пътни проекти").
  orgWords: ['агенция'],
  // инж. (engineer) written before the name and dropped from it.
  honorifics: ['инж\\.', 'д-р'],
  // "Клинични операции" (clinical operations), "Човешки ресурси" (human resources), "Продажби" (sales).
  functions: [
    'клинични операции',
    'човешки ресурси',
    'продажби',
    'финанси',
    'маркетинг',
    // Export, import, logistics, purchasing, accounting.
    'експорт',
    'импорт',
    'логистика',
    'доставки',
    'счетоводство',
    'снабдяване',
  ],
  // гр. (град, town: "гр. Пловдив 4000") opens an address line like a street does; so do с. (село, village)
  // and общ. (община, municipality): "с. Кралево, общ. Търговище, 7700".
  streetPrefixes: ['бул\\.', 'ул\\.', 'булевард', 'гр\\.', 'с\\.', 'общ\\.'],
  countries: ['българия', 'bulgaria'],
  phoneWork: ['тел', 'телефон'],
  phoneMobile: ['моб', 'мобилен', 'мобилен телефон'],
};
