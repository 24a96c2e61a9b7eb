/**
 * Welsh word lists of the signature parser (Wales: councils, universities and public bodies write their
 * blocks in Welsh and English). What each list is and how it is matched: ./types.ts; compiled once into the
 * parsers' patterns by ./index.ts.
 */
import type { Lexicon } from './types.ts';

export const cy: Lexicon = {
  lang: 'cy',
  // "Cofion gorau," (best wishes), "Cofion," (regards), "Yn gywir," (yours sincerely), "Diolch," (thanks).
  valedictions: ['cofion(?: gorau| cynnes)?', 'yn gywir', 'diolch(?: yn fawr)?'],
  // Swyddog (officer), rheolwr / rheolwraig (manager), cyfarwyddwr (director), pennaeth (head),
  // cynorthwyydd (assistant), cydlynydd (coordinator), darlithydd (lecturer), athro (professor).
  titleNouns: [
    // A caseworker: "Gweithiwr Achos Trwyddedu" (licensing caseworker).
    'gweithiwr achos',
    'swyddog',
    'rheolwr(?:aig)?',
    'cyfarwyddwr',
    'pennaeth',
    'cynorthwyydd',
    'cydlynydd',
    'darlithydd',
    'athro',
  ],
  // Adran (department), gwasanaethau ... (... services), uned (unit), tîm (team).
  unitWords: ['adran', 'gwasanaethau', 'uned', 'tîm'],
  // Cyngor (council: "Cyngor Sir Glanrhyd"), prifysgol (university), coleg (college), Llywodraeth Cymru.
  orgWords: ['cyngor', 'prifysgol', 'llywodraeth cymru'],
  // Welsh public bodies close their mail with the Welsh Language Standards statement: "Rydym yn croesawu
  // gohebiaeth yn Gymraeg..." / "We welcome correspondence in Welsh...".
  noticeCues: ['croesawu gohebiaeth', 'correspondence in welsh'],
  // "Rwy'n gweithio'n rhan-amser" (I work part-time), often beside its English version.
  availabilityCues: ["rwy['’]n gweithio['’]n rhan-amser"],
  phoneWork: ['ffôn'],
  phoneMobile: ['ffôn symudol', 'symudol'],
};
