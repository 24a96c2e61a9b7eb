/**
 * Portuguese word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const pt: Lexicon = {
  lang: 'pt',
  valedictions: [
    'atenciosamente',
    'abraços',
    // Short forms of "Atenciosamente" and "Abraço(s)", common in Brazilian business mail.
    'att',
    'abs',
    'abraço',
    'obrigad[oa]',
    '(?:com os )?melhores cumprimentos',
    'cumprimentos',
  ],
  quoteWrote: ['\\bescreveu'],
  quoteIntroStarts: ['Em'],
  quoteHeaderLabels: ['Enviado', 'Data', 'Para', 'Assunto'],
  quoteSeparators: ['Encaminhado por', 'Mensagem original', 'Mensagem encaminhada'],
  clientFooters: ['Enviado do meu\\b', 'Enviado de meu\\b'],
  noticeCues: ['\\bsigilos'],
  registerCues: ['CNPJ'],
  followCues: ['Siga-nos'],
  titleNouns: ['diretor', 'diretora', 'coordenadora?', 'sóci[oa]'],
  unitWords: ['área de', 'setor de', 'diretoria de', 'divisão'],
  functions: ['vendas', 'finanças', 'financeiro', 'tecnologia da informação', 'ti', 'comercial'],
  legalForms: ['Ltda', 'Cia', 'Lda', 'LTDA'],
  weakOrgWords: ['associados', 'cooperativa'],
  streetPrefixes: ['rua', 'alameda', 'travessa', 'rodovia', 'estrada', 'praça', 'avenida'],
  poBoxes: ['Caixa Postal'],
  countries: ['brasil'],
  phoneWork: ['telefone', 'fixo', 'escritório'],
  phoneMobile: ['telemóvel', 'telem', 'tlm'],
  fieldLabels: ['Endereço'],
  premisesWords: ['andar'],
  floorWords: ['andar'],
  highwayWords: ['Rod\\.', 'Rodovia', 'Estr\\.', 'Estrada'],
  phoneExtensions: ['ramal', 'anexo'],
};
