/**
 * Italian word lists of the signature parser. What each list is and how it is matched:
 * ./types.ts; compiled once into the parsers' patterns by ./index.ts. Entries are regular-expression
 * fragments (mostly plain words; `?`, `(?:...)` and `\b` where a word varies or needs an edge).
 */
import type { Lexicon } from './types.ts';

export const it: Lexicon = {
  lang: 'it',
  // Greetings opening a message: a reply under its quote has at most one above it.
  greetings: ['ciao', 'buongiorno', 'salve', 'gentile'],
  universityWords: ['politecnico'],
  instituteWords: ['scuola'],
  valedictions: [
    'cordiali saluti',
    'saluti(?: cordiali)?',
    'distinti saluti',
    'grazie(?: mille| in anticipo)?',
    'un (?:caro|cordiale) saluto',
    'un saluto',
    'cordialmente',
    'buona giornata',
    'a presto',
    'ciao',
  ],
  quoteWrote: ['\\bha scritto', '\\bscrisse'],
  quoteIntroStarts: ['Il'],
  quoteFromLabels: ['Da'],
  quoteHeaderLabels: ['Inviato', 'Data', 'A', 'Oggetto', 'Inviato il'],
  quoteSeparators: ['Inoltrato da', 'Messaggio originale', 'Messaggio inoltrato'],
  forwardIntros: ['Inizio messaggio inoltrato'],
  // Outlook mobile: "Scarica Outlook per Android" / "Ottieni Outlook per iOS".
  clientFooters: ['Inviato dal mio\\b', 'Inviato da\\b', '(?:Scarica|Ottieni) Outlook per\\b'],
  // Google Groups: "Hai ricevuto questo messaggio perché sei iscritto al gruppo".
  listFooterCues: ['Hai ricevuto questo messaggio perché sei iscritt'],
  noticeCues: ['riservat', '\\bconfiden(?:cial|ziale|cialidade)', 'avviso legale', 'per errore'],
  registerCues: ['P\\.\\s?IVA', 'Partita IVA', 'Capitale sociale'],
  followCues: ['Seguici'],
  ecoCues: ['Prima di stampare'],
  titleNouns: [
    // A customs broker: "Doganalista".
    'doganalista',
    // Accountants and statutory auditors: "Dottore Commercialista – Revisore Legale".
    'commercialista',
    'revisore',
    // Loss adjusters and appraisers: "Perito Senior".
    'perito',
    // Food and other technologists: "Tecnologa Alimentare".
    'tecnolog[oa]',
    // An assessor (valutatore, valutatrice: "Valutatrice capo", lead assessor).
    'valutat(?:ore|rice)',
    'direttore',
    'responsabile',
    'ingegnere',
    'ricercat(?:ore|rice)',
    'amministratore',
    'consulente',
    'titolare',
    'impiegat[oa]',
    'tecnico',
    'avvocato',
    'direttrice',
    'dirigente',
    'funzionari[oa]',
    'coordinat(?:ore|rice)',
    'specialista',
    'analista',
    'addett[oa]',
    'referente',
    'soci[oa]',
    'presidente',
    'amministratrice',
    'segretari[oa]',
    'assistente',
    'progettista',
    'architett[oa]',
    'avvocat[oa]',
    'capo (?:area|progetto|reparto|ufficio|commessa)',
    'fondat(?:ore|rice)',
    'cofondat(?:ore|rice)',
    // Universities: Professoressa ordinaria, Ricercatore, Docente, Assegnista di ricerca, Dottoranda.
    'professor(?:e|essa)',
    'ricercat(?:ore|rice)',
    'docente',
    'assegnista',
    'dottorand[oa]',
  ],
  unitWords: [
    // An area of a firm by its Italian name ("Area Grandi Rischi", "Area Commerciale"); "Area Sales Manager" and
    // "Industrial Area" are English.
    'area (?:commerciale|tecnica|amministrativa|acquisti|vendite|legale|finanza|sinistri|grandi rischi|rischi|risorse umane|produzione|qualità)',
    // A hospital's operating unit: "Unità Operativa (Complessa) di Oncologia", "UOC di Cardiologia".
    'unità operativa',
    'dipartimento',
    // A branch office: "Sede di Genova", "Filiale di Torino".
    'sede di',
    'filiale di',
    'ufficio',
    'divisione',
    'direzione',
    'reparto',
    'settore',
    'servizio',
    'laboratorio',
  ],
  functions: [
    'risorse umane',
    'acquisti',
    'vendite',
    'amministrazione',
    'contabilità',
    'ufficio legale',
    'marketing',
    'logistica',
    'qualità',
    'produzione',
    'ricerca e sviluppo',
    'amministrazione e finanza',
  ],
  legalForms: ['SRL', 'S\\.r\\.l', 'SpA', 'S\\.p\\.A'],
  // Local and regional government: "Comune di Borgoforte", "Provincia di ...", "Città metropolitana di ...".
  orgWords: [
    // Schools: "Liceo Scientifico Statale ...", "Istituto Comprensivo ...".
    'liceo',
    'istituto comprensivo',
    'università',
    'comune di',
    'provincia di',
    'città metropolitana di',
    // "Compagnia Portuale di Genova".
    'compagnia',
  ],
  phoneOther: ['segreteria'],
  weakOrgWords: ['gruppo', 'ospedale'],
  streetPrefixes: ['via', 'viale', 'piazza', 'corso', 'largo'],
  poBoxes: ['Casella postale'],
  poBoxAbbrevs: ['CP'],
  countries: ['italia', 'svizzera'],
  phoneWork: ['telefono', 'centralino', 'ufficio'],
  phoneMobile: ['cellulare', 'cell'],
  fieldLabels: ['Nome', 'Ruolo', 'Società', 'Azienda', 'Indirizzo'],
  premisesWords: ['sala'],
  honorifics: [
    // A ship's master or a tug captain: "Cap. Salvatore Ruggiero", "Comandante".
    'Cap\\.',
    'Arch\\.',
    'Ing\\.',
    'Avv\\.',
    'Dott\\.',
    'Dott\\.ssa',
    'Geom\\.',
    // "Prof.ssa Giulia Benedetti".
    'Prof\\.ssa',
    'Dott\\.ssa',
  ],
  linkLabels: ['sito web'],
  phoneExtensions: ['int\\.'],
  // Shared mailboxes (sales@, accounting@... in it): a role account's mail (parsers/role-accounts.ts).
  roleMailboxes: [
    // HR desks: payroll (paghe), selection (selezione).
    'paghe',
    'selezione',
    'risorseumane',
    // Pharmacovigilance and style (design) desks.
    'farmacovigilanza',
    'stile',
    // Spare-parts and after-sales service desks.
    'ricambi',
    'assistenza',
    // A printer's or packaging maker's prepress desk.
    'prestampa',
    // A press office ("ufficio.stampa") and a communications desk.
    'stampa',
    'comunicazione',
    // A platform's notification sender.
    'notifiche',
    // A university's research office.
    'ricerca',
    // Trade-mark and patent desks of an IP firm.
    'marchi',
    'brevetti',
    // An operations desk (en "operations").
    'operazioni',
    // Rights, customs, claims and logistics desks.
    'diritti',
    'dogana',
    'sinistri',
    // Hotels and venues: reservations, events, groups, the front desk.
    'prenotazioni',
    'eventi',
    'gruppi',
    'ricevimento',
    'amministrazione',
    'contabilita',
    'fatturazione',
    'fatture',
    'acquisti',
    'vendite',
    'commerciale',
    'ordini',
    'segreteria',
    'contatti',
    'personale',
    'ufficio',
    'logistica',
    'spedizioni',
    'magazzino',
    'direzione',
    'preventivi',
    'assistenza',
    'clienti',
  ],
  // Sales territories beside a title: "Area Manager Export – Benelux e Africa Occidentale".
  regionWords: [
    'europa',
    'africa',
    'asia',
    'occidentale',
    'orientale',
    'settentrionale',
    'meridionale',
    'medio oriente',
    'america latina',
    'nord',
    'sud',
  ],
};
