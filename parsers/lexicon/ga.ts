/**
 * Irish word lists of the signature parser (Ireland: government departments, state agencies, councils and
 * universities write their blocks in Irish and English). What each list is and how it is matched: ./types.ts;
 * compiled once into the parsers' patterns by ./index.ts.
 */
import type { Lexicon } from './types.ts';

export const ga: Lexicon = {
  lang: 'ga',
  // "Le meas," (regards), "Le gach dea-ghuí," (with every good wish), "Go raibh maith agat," (thank you),
  // "Is mise le meas," (yours sincerely).
  valedictions: ['(?:is mise )?le meas', 'le gach dea-ghuí', 'go raibh (?:míle )?maith agat'],
  // Oifigeach (officer), príomhoifigeach (principal officer: "Príomhoifigeach Cúnta", assistant principal),
  // stiúrthóir (director), bainisteoir (manager), rúnaí (secretary), comhordaitheoir (coordinator), léachtóir
  // (lecturer), ollamh (professor), ceann (head: "Ceann Rannóige").
  titleNouns: [
    '(?:príomh)?oifigeach',
    'stiúrthóir',
    'bainisteoir',
    'rúnaí',
    'comhordaitheoir',
    'léachtóir',
    'ollamh',
    'ceann',
  ],
  // Aonad (unit), rannóg (section, division), oifig (office), seirbhísí (services), foireann (team).
  unitWords: ['aonad', 'an rannóg', 'rannóg', 'oifig', 'seirbhísí', 'foireann'],
  // An Roinn (the department: a government department), údarás (authority: "An tÚdarás ..."), comhairle
  // (council: "Comhairle Contae"), ollscoil (university), coláiste (college).
  orgWords: ['an roinn', 'an túdarás', 'údarás', 'comhairle', 'ollscoil', 'coláiste'],
  phoneWork: ['guthán', 'fón'],
  phoneMobile: ['fón póca', 'soghluaiste'],
};
