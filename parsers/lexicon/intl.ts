/**
 * Forms and cues shared across languages (EU and international legal forms, regulation names) word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const intl: Lexicon = {
  lang: 'intl',
  noticeCues: ['(?:GDPR|RGPD|DSGVO|AVG|LGPD)\\b', '2016\\/679'],
  registerCues: ['Org\\.?\\s?nr'],
  legalForms: ['d\\.o\\.o', 'SIA', 'UAB'],
  // Service names are the same in every language.
  messengerLabels: [
    'aol[ -]?im',
    'aim',
    'icq',
    'skype',
    'msn',
    'yahoo!? ?(?:im|messenger)',
    'y!im',
    'jabber',
    'xmpp',
    'irc',
    'wechat',
    'weixin',
    'whatsapp',
    'telegram',
    'line id',
    'kakaotalk',
    'threema',
  ],
};
