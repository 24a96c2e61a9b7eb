/**
 * Serbian, Croatian and Bosnian (Latin script) word lists of the signature parser. What each list is and
 * how it is matched: ./types.ts; compiled once into the parsers' patterns by ./index.ts. The legal forms
 * (d.o.o., d.d., a.d.) are in ./intl.ts.
 */
import type { Lexicon } from './types.ts';

export const sr: Lexicon = {
  lang: 'sr',
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
  ],
  // Viši / Viša (senior), Glavni (chief) open a title.
  seniorityPrefixes: ['Viši', 'Viša', 'Glavni', 'Glavna'],
  // sektor (division), odeljenje / odjel (department), služba (service).
  unitWords: ['sektor', 'odeljenje', 'odjel', 'služba'],
  countries: ['srbija', 'hrvatska', 'bosna i hercegovina', 'crna gora'],
  // Croatia's OIB, the court register (MBS), Serbia's PIB and matični broj under a block.
  registerCues: ['OIB:? ?\\d', 'MBS:? ?\\d', 'Trgovački sud', 'PIB:? ?\\d', 'matični broj'],
};
