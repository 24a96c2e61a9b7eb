/**
 * Swahili word lists of the signature parser (Tanzania, Kenya, Uganda). What each list is and how it is
 * matched: ./types.ts; compiled once into the parsers' patterns by ./index.ts.
 */
import type { Lexicon } from './types.ts';

export const sw: Lexicon = {
  lang: 'sw',
  // "Wako," (yours), "Kila la heri," (all the best), "Asante," (thank you), "Wako mtiifu," (yours faithfully).
  valedictions: ['wako(?: mtiifu| katika ujenzi wa taifa)?', 'kila la heri', 'asante(?: sana)?'],
  // Afisa (officer; "Afisa Mipango Mkuu", principal planning officer), mkurugenzi (director), meneja,
  // mhandisi (engineer), katibu (secretary), mtafiti (researcher), mhasibu (accountant), mratibu (coordinator).
  titleNouns: ['afisa', 'mkurugenzi', 'meneja', 'mhandisi', 'katibu', 'mtafiti', 'mhasibu', 'mratibu'],
  // Idara ya ... (department of), kitengo cha ... (unit of), sehemu ya ... (section of).
  unitWords: ['idara ya', 'kitengo cha', 'sehemu ya'],
  // Wizara ya ... (ministry of), chuo kikuu (university), shirika la ... (organisation of), mamlaka ya (authority).
  orgWords: ['wizara ya', 'chuo kikuu', 'shirika la', 'mamlaka ya'],
  // Bw. (Mr), Bi. (Ms), Dkt. (Dr) before a name.
  honorifics: ['Bw\\.', 'Bi\\.', 'Dkt\\.'],
  phoneWork: ['simu'],
  phoneMobile: ['simu ya mkononi', 'rununu', 'mkononi'],
  streetPrefixes: ['barabara ya', 'mtaa wa'],
  // Shared mailboxes: a warehouse desk (ghala), sales (mauzo), accounts (hesabu).
  roleMailboxes: ['ghala', 'mauzo', 'hesabu'],
  // S.L.P. (sanduku la posta, a PO box: "S.L.P 555, Dodoma").
  poBoxes: ['S\\.\\s?L\\.\\s?P\\.?'],
};
