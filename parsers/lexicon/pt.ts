/**
 * Portuguese word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const pt: Lexicon = {
  lang: 'pt',
  // Greetings opening a message: a reply under its quote has at most one above it.
  greetings: ['olá', 'ola', 'oi', 'bom dia', 'boa tarde', 'prezado', 'prezada'],
  instituteWords: ['escola'],
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
    '(?:um )?abra[çc]o(?:s)?',
    '(?:muito )?obrigad[oa](?: desde já)?',
    'saudações',
    'cordialmente',
  ],
  quoteWrote: ['\\bescreveu'],
  quoteIntroStarts: ['Em'],
  quoteHeaderLabels: ['Enviado', 'Data', 'Para', 'Assunto'],
  quoteSeparators: ['Encaminhado por', 'Mensagem original', 'Mensagem encaminhada'],
  clientFooters: [
    'Enviado do meu\\b',
    'Enviado de meu\\b',
    'Enviado a partir do\\b',
    'Enviado pelo (?:aplicativo|app|Outlook)',
    // Outlook mobile: "Obter o Outlook para Android" (pt-BR), "Obter o Outlook para iOS".
    'Obter o Outlook para\\b',
  ],
  // Google Groups: "Você recebeu essa mensagem porque está inscrito no grupo".
  listFooterCues: [
    'Você (?:recebeu|está recebendo) (?:esta|essa) mensagem porque',
    'Recebeu esta mensagem porque (?:está|subscreveu)',
  ],
  noticeCues: ['\\bsigilos'],
  registerCues: ['CNPJ'],
  followCues: ['Siga-nos'],
  titleNouns: [
    // Surveyors: "Vistoriador Sênior".
    'vistoriador(?:a)?',
    // Researchers: "Pesquisador de Pós-Doutorado", "Pesquisadora".
    'pesquisador(?:a)?',
    // A registered patent and trade-mark agent: "Agente da Propriedade Industrial".
    'agente da propriedade industrial',
    // Doctors and nurses: médica cardiologista, enfermeira chefe.
    'médic[oa]',
    'enfermeir[oa]',
    'diretor',
    'diretora',
    'coordenadora?',
    'sóci[oa]',
    'engenheir[oa]',
    'consultor(?:a)?',
    'assistente',
    'advogad[oa]',
    'executiv[oa]',
    'arquitet[oa]',
    'estagiári[oa]',
    'encarregad[oa]',
    'fundador(?:a)?',
    'cofundador(?:a)?',
    'comprador(?:a)?',
    'vendedor(?:a)?',
    // Plant, field and office trades: Superintendente de Manutenção, Inspetora de Qualidade, Planejador, Chefe de
    // Turno.
    'superintendente',
    'inspetor(?:a)?',
    'auditor(?:a)?',
    'mecânic[oa]',
    'planejador(?:a)?',
    'químic[oa]',
    'farmacêutic[oa]',
    'tesoureir[oa]',
    'secretári[oa]',
    'desenvolvedor(?:a)?',
    'projetista',
    'assessor(?:a)?',
    'chefe',
    'gerente',
    'analista',
    'supervisor(?:a)?',
    'especialista',
    // ...not the adjective of a support unit in Portuguese or Spanish ("Suporte Técnico", "Soporte Técnico"):
    // both lists say it, as every list is tried on every line.
    '(?<!(?:suporte|soporte|apoio|apoyo|assistência|asistencia|serviço|servicio) )técnic[oa]',
    'coordenador(?:a)?',
    // Despachante Aduaneiro (customs broker).
    'despachante',
  ],
  // Ministries, embassies and the United Nations' bodies are organisations.
  // ...and local government: "Câmara Municipal de ...", "Prefeitura Municipal de ...".
  orgWords: [
    // A shopping centre: "Centro Comercial Tejo Nascente".
    'centro comercial',
    'universidade',
    'ministério',
    'embaixada',
    'nações unidas',
    'câmara municipal',
    'prefeitura',
    // "Companhia Siderúrgica do Vale".
    'companhia',
  ],
  unitWords: [
    // A university's pro-rectorate ("Pró-Reitoria de Pesquisa").
    'pró-reitoria',
    // A committee: "Comissão de Ética para a Saúde".
    'comissão de',
    // A laboratory of a university: "Laboratório de Materiais Cerâmicos".
    'laboratório de',
    'área de',
    // A branch office: "Filial Santos".
    'filial',
    'setor de',
    'diretoria de',
    'divisão',
    'departamento',
    'direção',
    'direcção',
    'gerência',
    'coordenação',
    'superintendência',
    'núcleo de',
    'gabinete de',
    // A hospital's clinical service: "Serviço de Cardiologia"; a ministry's national directorate.
    'serviço de',
    'direc?ção nacional',
    // A studio of a design practice: "Estúdio de Design de Interiores".
    'estúdio de',
  ],
  functions: [
    // After-sales: "Pós-Venda", "Pós-Vendas".
    'pós-vendas?',
    // Heating, ventilation and air conditioning: "Climatização e AVAC".
    'climatização',
    'avac',
    // Clinical research: "Gerente de Contratos | Pesquisa Clínica".
    'pesquisa clínica',
    // Claims: "Sinistros de Carga".
    'sinistros',
    // Support (suporte, suporte técnico): "Suporte Técnico de Frota".
    'suporte',
    // A law firm's real-estate practice: "Imobiliário e Urbanismo".
    'imobiliário',
    // P&D: pesquisa e desenvolvimento (R&D).
    'P&D',
    // Film and advertising: "Pós-produção".
    'pós-produção',
    // Banking: "Instituições Financeiras", "Trade Finance".
    'instituições financeiras',
    'vendas',
    'finanças',
    'financeiro',
    'tecnologia da informação',
    'ti',
    'comercial',
    'recursos humanos',
    'compras',
    'logística',
    'marketing',
    'operações',
    'jurídico',
    'qualidade',
    'suprimentos',
    'contabilidade',
    'tesouraria',
    'controladoria',
  ],
  // E.P.E.: a public business entity (Portuguese public hospitals: "Centro Hospitalar ..., E.P.E.").
  // "Lda." ends a firm's name; opening a line before a name it is Spain's licenciada ("Lda. Marta Irigoyen").
  legalForms: ['Ltda', 'Cia', 'Lda(?!\\. \\p{Lu}\\p{Ll})', 'LTDA', 'E\\.P\\.E'],
  weakOrgWords: ['associados', 'cooperativa'],
  // Rod. (rodovia, highway: "Rod. Presidente Dutra, km 155"), Av. is intl.
  streetPrefixes: ['rua', 'alameda', 'travessa', 'rodovia', 'rod\\.', 'estrada', 'praça', 'avenida'],
  poBoxes: ['Caixa Postal'],
  countries: ['brasil'],
  // Fone (Brazil), tel. fixo, escritório.
  phoneWork: ['telefone', 'fone', 'fixo', 'escritório'],
  phoneMobile: ['telemóvel', 'telem', 'telm', 'tlm', 'móvel'],
  fieldLabels: ['Endereço'],
  premisesWords: ['andar'],
  floorWords: ['andar'],
  highwayWords: ['Rod\\.', 'Rodovia', 'Estr\\.', 'Estrada'],
  phoneExtensions: ['ramal', 'anexo'],
  // Shared mailboxes (sales@, accounting@... in pt): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // A recruitment desk.
    'recrutamento',
    // Credit-line desks ("linhas.credito@").
    'linhas',
    'credito',
    // Foreign-trade (comércio exterior) and fleet desks.
    'comex',
    'frota',
    // A press office and a communications desk.
    'imprensa',
    'comunicacao',
    // A platform's notification sender.
    'notificacoes',
    // Trade-mark and patent desks of an IP firm.
    'marcas',
    'patentes',
    // An operations desk (en "operations").
    'operacoes',
    // Rights, customs, claims and logistics desks.
    'direitos',
    'alfandega',
    'sinistros',
    'logistica',
    'expedicao',
    // Hotels and venues: reservations, events, groups, the front desk.
    'reservas',
    'eventos',
    'grupos',
    'financeiro',
    'compras',
    'vendas',
    'comercial',
    'contato',
    'contacto',
    'faturamento',
    'faturacao',
    'atendimento',
    'suporte',
    'cobranca',
    'pedidos',
    'orcamentos',
    'secretaria',
    'recepcao',
    'geral',
  ],
  // Doctors written before the name: "Dr.ª Celeste Nhantumbo", "Dra.", "Dr.".
  honorifics: ['Dr\\.ª', 'Dra\\.', 'Dr\\.', 'Eng\\.ª', 'Eng\\.'],
};
