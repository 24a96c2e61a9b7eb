/**
 * Serbian, Croatian and Bosnian (Latin script) word lists of the signature parser. What each list is and
 * how it is matched: ./types.ts; compiled once into the parsers' patterns by ./index.ts. The legal forms
 * (d.o.o., d.d., a.d.) are in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const sr: Lexicon = {
  lang: 'sr',
  // Gmail hr/sr/bs: "... X <x@y> napisao je:", Serbian Cyrillic "... је написао/ла:".
  quoteWrote: [
    '\\bnapisao(?:\\/la)?(?: je)?',
    '\\bnapisala(?: je)?',
    'написао(?:\\/ла)?',
    'написала',
    'је написао',
  ],
  noticeCues: ['povjerljiv', 'poverljiv', 'primatelj', 'primalac'],
  valedictions: ['(?:srdačan|lep|lijep) pozdrav', 's poštovanjem', 'hvala(?: unapred| unaprijed)?'],
  // inženjer (engineer), direktor, menadžer, rukovodilac / voditelj (head), savetnik / savjetnik (adviser),
  // šef, referent, računovođa (accountant), programer; feminine forms where they differ.
  titleNouns: [
    'inženjer(?:ka)?',
    'direktor(?:ka|ica)?',
    'menadžer(?:ka)?',
    'rukovodilac',
    'rukovoditeljka',
    'voditelj(?:ica)?',
    'savetni(?:k|ca)',
    'savjetni(?:k|ca)',
    'šef(?:ica)?',
    'referent(?:kinja)?',
    'računovođa',
    'programer(?:ka)?',
    'stručni saradnik',
    'stručni suradnik',
    // Croatian lawyers: odvjetnik / odvjetnica, partner / partnerica.
    'odvjetni(?:k|ca)',
    'advokat(?:ica)?',
    'partner(?:ica)?',
    // Serbian in Cyrillic.
    'руководилац',
    'руководитељ(?:ка)?',
    'директор(?:ка)?',
    'менаџер(?:ка)?',
    'инжењер(?:ка)?',
    'референт',
  ],
  // Cooperatives (zadruga / задруга), limited companies in Cyrillic (д.о.о.), joint-stock (а.д.).
  legalForms: ['zadruga', 'задруга', 'д\\.о\\.о\\.?', 'а\\.д\\.'],
  // Viši / Viša (senior), Glavni (chief) open a title.
  seniorityPrefixes: ['Viši', 'Viša', 'Glavni', 'Glavna'],
  // sektor (division: "Sektor prodaje", "Sektor za ...", only opening the cell; at the end, as in "Offentlig
  // sektor", it is a market), odeljenje / odjel (department), služba (service).
  unitWords: ['^sektor(?= )', 'odeljenje', 'odjel', 'služba'],
  countries: ['srbija', 'hrvatska', 'bosna i hercegovina', 'crna gora'],
  // Croatia's OIB, the court register (MBS), Serbia's PIB and matični broj under a block.
  registerCues: ['OIB:? ?\\d', 'MBS:? ?\\d', 'Trgovački sud', 'PIB:? ?\\d', 'matični broj'],
};
