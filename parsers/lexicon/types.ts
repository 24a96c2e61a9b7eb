/**
 * The shape of one language's lexicon: the word lists the parsers match, as data. A list holds regular-
 * expression fragments (mostly plain words) joined into one alternation per list across all languages
 * (./index.ts); the pattern around the alternation (anchors, word edges, case) belongs to the list and is
 * stated here. Adding a language is a file of this shape, its entry in ./index.ts and test cases.
 */
export interface Lexicon {
  /** BCP 47 language code ("intl": forms shared by many languages). */
  lang: string;
  /** Definite article written joined to the next word (Arabic "ال", Hebrew "ה"): optional before *Rtl words. */
  article?: string;

  /** Closing words on a line of their own ("Best regards,"); whole line, case-insensitive. */
  valedictions?: readonly string[];
  /** Closings of scripts without word spaces (よろしくお願いします); whole line. */
  valedictionsNative?: readonly string[];

  /** The verb ending a quote intro ("... wrote:"); Latin-script entries carry their own `\b`. */
  quoteWrote?: readonly string[];
  /** Openers of a quote intro that may wrap before the verb ("On", "Am", "Le"). */
  quoteIntroStarts?: readonly string[];
  /** Label of the first line of a quoted header block ("From:", "Von:", cc:Mail "Author:"). */
  quoteFromLabels?: readonly string[];
  /** Labels of the following header lines ("Sent:", "Gesendet:", "Objet:"). */
  quoteHeaderLabels?: readonly string[];
  /** Dash-framed separators ("-----Original Message-----", Lotus "----- Forwarded by"). */
  quoteSeparators?: readonly string[];
  /** Forward intros ending with a colon ("Begin forwarded message:"). */
  forwardIntros?: readonly string[];
  /** Underscore-framed separators (cc:Mail "_____ Reply Separator _____"). */
  replySeparators?: readonly string[];
  /** The To label of a Lotus Notes quote header, as its localized clients write it. */
  lotusToLabels?: readonly string[];
  /** Mail-client footers that end the newest part ("Sent from my iPhone"); line start, case-insensitive. */
  clientFooters?: readonly string[];
  /** Mailing-list and group footers in the language ("... メーリングリストから配信されています"); anywhere in the line, case-insensitive. English ones are newest-part.ts LIST_FOOTER_RE. */
  listFooterCues?: readonly string[];

  /** Words of confidentiality notices and legal disclaimers, anywhere in a paragraph; case-insensitive. */
  noticeCues?: readonly string[];
  /** Company-register and VAT lines trailing a signature ("Amtsgericht", "P.IVA"); after a `\b`. */
  registerCues?: readonly string[];
  /** Social-media banners of the company ("Follow us"); line start. */
  followCues?: readonly string[];
  /** Printing reminders ("Please consider the environment"); line start. */
  ecoCues?: readonly string[];
  /**
   * Availability notes closing the part under a block ("Office hours: Mon-Thu 8-12:30", "I work part-time",
   * "Je serai absente du 20 au 31 octobre"); line start.
   */
  availabilityCues?: readonly string[];
  /** Words opening a landmark line of an address ("Near Al Noor Mosque", "Opp. City Mall"); line start, then a capital. */
  landmarkPrefixes?: readonly string[];
  /** Awards and rankings the company advertises under a block ("Law Firm of the Year 2023"); anywhere, case-insensitive. */
  awardCues?: readonly string[];
  /**
   * Calls to action of an event or campaign banner under a block ("Register now at ...", "Book your stand");
   * anywhere in the line, case-insensitive.
   */
  ctaCues?: readonly string[];

  /** Role nouns of job titles; whole words (Unicode letter edges), case-insensitive. */
  titleNouns?: readonly string[];
  /**
   * Words that make the role noun before them the people a unit serves, not the holder's title: "Analyst
   * Relations", "Partner Programs", "Physician Services", "Agent Network". Case-insensitive, whole word right
   * after the role noun.
   */
  servedUnitWords?: readonly string[];
  /** Endings of compound titles ("Vertriebs|leiter", "Projekt|manager"); after 3+ letters, case-insensitive. */
  titleSuffixes?: readonly string[];
  /** Titles in scripts without word spaces (部長, 经理, 과장); anywhere. */
  titleNounsNative?: readonly string[];
  /** Titles in right-to-left scripts; whole words, the article allowed in front. */
  titleNounsRtl?: readonly string[];
  /** CJK ranks written beside a name ("課長 山田 太郎", "김민준 과장"). */
  ranks?: readonly string[];

  /** Words naming a unit of the organisation ("Department", "Abteilung", "service des"); word edges. */
  unitWords?: readonly string[];
  /** Endings of compound unit names ("Økonomi|avdelingen", "Personal|abteilung"); whole cell. */
  unitSuffixes?: readonly string[];
  /** Endings of CJK unit names (営業|部, 영업|팀); whole cell. */
  unitSuffixesNative?: readonly string[];
  /** Unit keywords anywhere in a field cell ("Trading Support", "Research Group"); ASCII word edges. */
  unitKeywords?: readonly string[];
  /** Right-to-left unit words opening a cell ("قسم", "מחלקת"), the article allowed in front. */
  unitWordsRtl?: readonly string[];
  /** Unit words written joined to the unit's name in scripts without word spaces (Thai "ฝ่าย|ขาย"); opening the cell. */
  unitPrefixesNative?: readonly string[];
  /** Unit words that name a unit only as the capitalised head of a heading (Vietnamese "Phòng Kinh doanh"; in prose phòng is a room); case-sensitive, opening the cell. */
  unitHeads?: readonly string[];
  /** Qualifiers allowed before a business function ("Corporate" Banking). */
  functionQualifiers?: readonly string[];
  /** Business functions that name a unit on their own ("Human Resources", "Vertrieb"). */
  functions?: readonly string[];
  /** Endings of compound function names written as one word ("Zentral|einkauf"); whole cell. */
  functionSuffixes?: readonly string[];
  /** Geographic words of sales regions and territories ("Midwest", "Northern Europe"): a title's territory, never a unit. */
  regionWords?: readonly string[];
  /**
   * Endings of a one-word business function written beside a title ("Intralogist|ics", "Corpor|ate",
   * "Personalentwickl|ung"); whole capitalised word of 4+ letters before the ending, case-sensitive.
   */
  functionEndings?: readonly string[];
  /**
   * Role nouns that head a unit ("Team Lead", "Department Head", "Director Customer Support", "VP
   * Engineering"): with one of them a line naming a unit is still a title; whole word.
   */
  unitRoleNouns?: readonly string[];
  /** Cities that offices are named by ("Partner | London", "Associate, New York"): a place, never a unit. */
  cities?: readonly string[];

  /** Legal forms after a name ("GmbH", "Ltd", "S.p.A"); case-sensitive, whole tokens ("Co-founder" is no "Co"). */
  legalForms?: readonly string[];
  /** Legal forms that count only at the end of the line ("K.K.", "P.C.", "a.s."). */
  legalFormsAtEnd?: readonly string[];
  /** Legal forms written without word spaces or edges (株式会社, (주), ش.م.م, בע"מ); anywhere. */
  legalFormsNative?: readonly string[];
  /** Institution words naming the organisation itself ("University", "Corporation"); word edges. */
  orgWords?: readonly string[];
  /** A university by its word, anywhere in a cell, case-insensitive: it employs the institute named beside it. */
  universityWords?: readonly string[];
  /** An institute, faculty or school of a university, anywhere in a cell, case-insensitive. */
  instituteWords?: readonly string[];
  /**
   * CJK institution words ending the organisation's own name, written without spaces ("北里工業大学",
   * "康寧紀念醫院"); at the end of a run of Han or Kana, never inside a longer word (大学院 is a school of it).
   */
  orgWordsNative?: readonly string[];
  /**
   * Local parts of shared function mailboxes in this language, as addresses write them (lower case, no
   * diacritics: "buchhaltung", "compta", "ufficio.acquisti" is two of them): mail from one is a role
   * account's, whoever signs it (parsers/role-accounts.ts).
   */
  roleMailboxes?: readonly string[];
  /** Words ending a building's name ("Carrow House", "Tower B" is premises): it heads an address line. */
  buildingWords?: readonly string[];
  /**
   * Institution words opening an organisation's name joined to it, in scripts without word spaces (Thai
   * "มหาวิทยาลัยเจ้าพระยา", a university): at the start of the cell.
   */
  orgPrefixesNative?: readonly string[];
  /** Right-to-left organisation words ("شركة"), the article allowed in front; word edges. */
  orgWordsRtl?: readonly string[];
  /** Words that often end a company name but may also name a unit ("Services", "Group"); word edges. */
  weakOrgWords?: readonly string[];
  /**
   * Words of an organisation's own name that no person's name carries ("Energy", "Global", "Technology",
   * "Capital"): a capitalised name made with one is an organisation or a unit signing, never a person.
   * Whole words, case-insensitive; used by field extraction only (not a line feature).
   */
  orgNameWords?: readonly string[];
  /**
   * Seniority words that open a job title ("Sr.", "Senior", "Deputy"): a capitalised line right under the
   * name that starts with one is the title even when its role noun is not in titleNouns (or is misspelt).
   * Whole word at the start of the line, case-sensitive (a sentence's "senior" is no title).
   */
  seniorityPrefixes?: readonly string[];

  /** Street and premises words after a house number ("1400 Smith Street"); case-insensitive. */
  streetWords?: readonly string[];
  /** Endings of compound street names before the number ("Industrie|straße 12", "Nørre|gade 14"). */
  streetSuffixes?: readonly string[];
  /** Street words written as a separate capitalised word before the number ("Mariahilfer Straße 88"). */
  streetWordsSpaced?: readonly string[];
  /** Greetings that open a message ("Hi", "Hallo", "Bonjour"), case-insensitive, a whole first word. */
  greetings?: readonly string[];
  /** A label between a spaced street word and its number ("Варшавское шоссе, д. 55"). */
  houseNumberLabels?: readonly string[];
  /** Street words written before the name ("rue des Lilas", "Via Roma", "ul. Marszałkowska"). */
  streetPrefixes?: readonly string[];
  /**
   * Words opening a cell that names an administrative unit of an address (Vietnamese "xã", "huyện", "tỉnh"):
   * three cells of a line opening with them are an address, number or not ("Thôn Khánh Hội, xã An Hải, huyện
   * Ninh Phước, tỉnh Ninh Thuận"). Case-insensitive, at the start of a comma cell.
   */
  adminUnitPrefixes?: readonly string[];
  /** Address words written joined to the name after them in scripts without word spaces (Thai "ถนน|สาทร"); after a space or the line start. */
  streetPrefixesNative?: readonly string[];
  /** Post-office box words before their number ("P.O. Box", "Postfach"); case-sensitive. */
  poBoxes?: readonly string[];
  /** Short post-office box words that count only at the start of a line ("BP", "Box", "PL"). */
  poBoxAbbrevs?: readonly string[];
  /** Premises words before their number ("Suite 400", "piso 5", "sala 12"); case-insensitive. */
  premisesWords?: readonly string[];
  /** Floor words after an ordinal ("3rd Floor", "12º andar", "2. OG", "4e verdieping"). */
  floorWords?: readonly string[];
  /** Road words before a road code ("Rodovia BR-060", "Carretera N-340", "Route 9"); case-sensitive. */
  highwayWords?: readonly string[];
  /** State and province codes written after a city ("Cambridge, MA", "Toronto, ON", "Sydney NSW"); case-sensitive. */
  stateCodes?: readonly string[];
  /** Country names written alone on an address line; whole line, case-insensitive. */
  countries?: readonly string[];

  /** Phone labels by line type; each a whole label, case-insensitive. */
  phoneWork?: readonly string[];
  phoneMobile?: readonly string[];
  phoneFax?: readonly string[];
  phoneOther?: readonly string[];
  /** Extension words after a number ("ext. 22", "poste 228", "(toestel 231)"); case-insensitive. */
  phoneExtensions?: readonly string[];

  /** Contact labels left alone in a cell once their value is read ("E-mail:", "Web", "M"); no text field. */
  contactLabels?: readonly string[];
  /** Instant-messaging services whose label heads a handle line ("Skype: dana.w", "AOL IM: Sully"). */
  messengerLabels?: readonly string[];
  /** vCard-like field labels heading a line ("Name:", "Stilling:", "Adresse:"). */
  fieldLabels?: readonly string[];
  /** Post-nominal credentials after a name (", Ph.D.", " MBA"); case-sensitive. */
  credentials?: readonly string[];
  /** Honorifics and degrees written with a dot before a name ("Dr.", "Dott.ssa", "Me"); case-sensitive. */
  honorifics?: readonly string[];
  /** Honorifics written without the dot before a capitalised name ("Dr Emma Hughes"). */
  honorificsUndotted?: readonly string[];
  /** Sales regions, states and provinces written after a title ("Sales Manager, EMEA"): no company, no unit. */
  regions?: readonly string[];
  /** Words that label a link without being its value ("LinkedIn<https://...>"); whole label, case-insensitive. */
  linkLabels?: readonly string[];
  /** What an auto-reply says when the person has left ("no longer with the company"); case-insensitive, word edges. */
  jobEndedCues?: readonly string[];
  /**
   * Short forms of given names, each "short formal" ("bill william"): a sign-off "Bill" is William's own.
   * Matched as whole lower-case words; several formal names per short form are separate entries.
   */
  nicknames?: readonly string[];
  /** Words that may lead a link label ("Connect on" LinkedIn, "my" website). */
  linkLabelLeads?: readonly string[];
}

/** The keys of Lexicon that hold word lists. */
export type ListKey = Exclude<keyof Lexicon, 'lang' | 'article'>;
