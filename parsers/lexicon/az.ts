/**
 * Azerbaijani word lists of the signature parser. What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression fragments.
 * Azerbaijani is agglutinative: a title or unit takes a possessive ending after the word it belongs to
 * ("Kommersiya direktorunun müavini", deputy to the commercial director; "Çarter şöbəsi", charter department).
 */
import type { Lexicon } from './types.ts';

export const az: Lexicon = {
  lang: 'az',
  greetings: ['salam', 'hörmətli'],
  // "Hörmətlə," (respectfully), "Təşəkkürlər" (thanks), "Ən xoş arzularla" (best wishes).
  valedictions: ['hörmətlə', 'təşəkkür(?:lər|ümlə)', '(?:ən )?xoş arzularla'],
  // Outlook's Azerbaijani quote header: Kimdən (From), Göndərilib (Sent), Kimə (To), Mövzu (Subject).
  quoteFromLabels: ['Kimdən'],
  quoteHeaderLabels: ['Göndərilib', 'Kimə', 'Mövzu'],
  noticeCues: ['\\bməxfi'],
  // direktor (director), müavin (deputy), rəis (head), rəhbər (leader), mütəxəssis (specialist), menecer
  // (manager), mühəndis (engineer), məsləhətçi (adviser), mühasib (accountant), sədr (chair), katib (secretary).
  titleNouns: [
    'direktor(?:u|unun)?',
    'müavin(?:i)?',
    'rəis(?:i)?',
    'rəhbər(?:i)?',
    'mütəxəssis(?:i)?',
    'menecer(?:i)?',
    'mühəndis(?:i)?',
    'məsləhətçi(?:si)?',
    'koordinator(?:u)?',
    'mühasib(?:i)?',
    'sədr(?:i)?',
    'katib(?:ə|i)?',
  ],
  // şöbə (department), idarə (directorate), bölmə (section), departament: with or without the possessive ending.
  unitWords: ['şöbə(?:si)?', 'idarə(?:si)?', 'bölmə(?:si)?', 'departament(?:i)?'],
  // MMC (limited liability company), ASC / QSC (open and closed joint-stock companies).
  legalForms: ['MMC', 'ASC', 'QSC'],
  // A street named before its word and number: "Liman küçəsi 55", "Neftçilər prospekti 153".
  // ...also abbreviated: "Dilarə Əliyeva küç. 55".
  streetWordsSpaced: ['küçəsi', 'küç\\.', 'prospekti', 'pr\\.', 'şossesi', 'döngəsi', 'meydanı'],
  countries: ['azərbaycan'],
  // Mobil (mobile), iş (work).
  phoneMobile: ['mobil'],
  phoneWork: ['iş'],
  // Shared mailboxes: accounting (mühasibat), personnel (kadrlar), sales (satış).
  roleMailboxes: ['muhasibat', 'kadrlar', 'satis'],
};
