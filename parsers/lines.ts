/**
 * Line features shared by the newest-part cutter, the signature finder and the field extractor.
 *
 * Every pattern here sees hostile mail text. All of them are linear-time (no nested quantifiers over
 * overlapping classes) and callers cap line length with `capLine` first: a 1 MB single line costs one
 * slice, never a backtracking storm.
 */

/** Lines longer than this are prose or garbage, never signature material (longest real sig line seen: ~110). */
import { findPhoneSpans } from './phones.ts';

export const MAX_LINE = 300;

export function capLine(line: string): string {
  return line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
}

export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r?\n|\r/) : text.split('\n');
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** `-- ` (RFC 3676 4.3) and its common mangled forms `--`, ` --`, `- -- ` (PGP dash-escaped). */
export function isSigDelimiter(line: string): boolean {
  return /^(?:- )?--\s*$/.test(line) || /^ --\s*$/.test(line);
}

/** A rule or frame line: `=====`, `-----`, `*-----*`, `____`, `- -----`, `---------(*)`. */
export function isRuleLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > MAX_LINE) return false;
  const symbols = t.replace(/[^-=_*#~+.:]/g, '').length;
  return symbols >= 3 && symbols / t.length >= 0.7 && !/[A-Za-z0-9]{2}/.test(t);
}

const EMAIL_RE = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/;
const EMAIL_RE_G = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
/** `name at example.com` obfuscation, kept as written. */
const AT_EMAIL_RE_G = /[A-Za-z0-9._%+-]{1,64} at [A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;

export function hasEmail(line: string): boolean {
  return EMAIL_RE.test(line) || /[A-Za-z0-9._-]{1,64} at [a-z0-9-]{1,63}\.[a-z]{2,}/.test(line);
}

export function findEmails(line: string): string[] {
  const out: string[] = [];
  const l = capLine(line);
  for (const m of l.matchAll(EMAIL_RE_G)) out.push(m[0].replace(/^[.'-]+|[.'-]+$/g, ''));
  if (out.length === 0) for (const m of l.matchAll(AT_EMAIL_RE_G)) out.push(m[0]);
  return out;
}

const URL_RE_G =
  /(?:https?:\/\/|www\.)[^\s<>"'()\[\]|,]{1,200}|\b[a-z0-9-]{2,63}(?:\.[a-z0-9-]{1,63}){0,3}\.(?:com|org|net|io|de|ie|co\.uk|uk|fr|ca|edu|info|biz|es|it|nl|eu|ch|at|se|au|nz)(?:\/[^\s<>"'()\[\]|,]{0,200})?/gi;

/** URL-ish tokens with their start index: explicit `http(s)://`, `www.` and bare `host.tld[/path]`. */
export function findUrls(line: string): { text: string; index: number }[] {
  const l = capLine(line);
  const out: { text: string; index: number }[] = [];
  for (const m of l.matchAll(URL_RE_G)) {
    const i = m.index ?? 0;
    const prev = i > 0 ? (l[i - 1] ?? ' ') : ' ';
    // Part of an e-mail address (`x@example.com`) or of a longer token: not a URL.
    if (prev === '@' || prev === '.' || /[A-Za-z0-9]/.test(prev)) continue;
    const after = l.slice(i + m[0].length, i + m[0].length + 1);
    // Part of a longer token ("sarah.chen@..." must not yield "sarah.ch").
    if (after === '@' || /[A-Za-z0-9_-]/.test(after)) continue;
    const text = m[0].replace(/[.;:!?]+$/, '');
    if (text.length < 4) continue;
    if (/^mailto:/i.test(l.slice(Math.max(0, i - 7), i))) continue;
    out.push({ text, index: i });
  }
  return out;
}

export function hasUrl(line: string): boolean {
  return /https?:\/\/|www\.[a-z0-9-]/i.test(line) || findUrls(line).length > 0;
}

/** Digit groups that look like a phone number: 7+ digits over a short span, or an extension form. */
export function hasPhone(line: string): boolean {
  return findPhoneSpans(capLine(line)).length > 0;
}

export function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

export function wordCount(s: string): number {
  const t = s.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

/** Valedictions ("Thanks,", "Best regards", "Mit freundlichen Grüßen") in several languages. */
const VALEDICTION_RE =
  /^[\s>*_-]*(?:thanks?(?: you)?(?: (?:a lot|again|much|in advance|all|for [a-z ]{1,40}))?|thx|many thanks|(?:best|kind|warm|warmest|with best|with kind|many|my)? ?(?:regards|wishes)|rgds|br|cheers|cordially|sincerely(?: yours)?|yours(?: (?:sincerely|truly|faithfully))?|best|all the best|take care|ciao|hth|hope this helps|greetings|respectfully|mfg|mit freundlichen gr(?:ü|ue)(?:ß|ss)en|viele gr(?:ü|ue)(?:ß|ss)e|beste gr(?:ü|ue)(?:ß|ss)e|gr(?:ü|ue)(?:ß|ss)e|gruss|gruß|lg|cordialement|bien (?:à vous|cordialement)|salutations|saludos(?: cordiales)?|un saludo|atentamente|cordiali saluti|saluti|distinti saluti|met vriendelijke groet(?:en)?|groeten|atenciosamente|abraços|obrigad[oa]|merci|danke|gracias|grazie|tack|vänliga hälsningar|mvh|med vänlig hälsning|thanks and regards|thanks & regards|regards and thanks)\b[\s,.!:;-]*(?:[a-z]{0,3})?[\s,.!]*$/i;

export function isValediction(line: string): boolean {
  const l = capLine(line).trim();
  if (l.length > 60) return false;
  return VALEDICTION_RE.test(l);
}

/** A valediction that ends a longer line: "Thanks for these.  --Sally", "cheers -- Rick". */
export function endsWithSignoff(line: string): boolean {
  return /(?:--|—|[.!?,]\s?-)\s?[A-Z][a-z]{1,15}\s*$/.test(capLine(line));
}

/**
 * Role nouns of business titles (English plus common European words). A title needs one of these;
 * modifiers such as "Senior", "Sales" or "Vice" alone do not make a title.
 */
const TITLE_WORDS =
  /\b(?:president|vp|svp|evp|ceo|cto|cfo|coo|cio|ciso|cso|chief|officer|director|manager|head|lead|engineer|developer|architect|consultant|counsel|attorney|lawyer|partner|analyst|specialist|coordinator|administrator|assistant|secretary|professor|lecturer|researcher|scientist|student|fellow|founder|co-founder|owner|principal|chairman|chairwoman|chairperson|executive|representative|advisor|adviser|editor|webmaster|programmer|technician|trader|solicitor|barrister|notary|auditor|surveyor|physician|pharmacist|supervisor|superintendent|controller|treasurer|accountant|designer|strategist|evangelist|intern|clerk|paralegal|agent|broker|planner|recruiter|producer|journalist|author|writer|geschäftsführer|leiter|leiterin|berater|beraterin|entwickler|ingenieur|directeur|directrice|responsable|gérant|ingénieur|gerente|jefe|ingeniero|direttore|responsabile|ingegnere|adviseur|diretor|diretora|directora|jefa|ingeniera|consultora|asesora?|abogad[oa]|president[ea]|présidente?|geschäftsführerin|inhaber|inhaberin|prokurist|vorstand|dirigeant|chef de|chargée? de|amministratore|consulente|titolare|eigenaar|bedrijfsleider)\b/i;

/** Compound titles in German, Dutch and Nordic languages: "Vertriebsleiter", "Projectleider". */
const TITLE_COMPOUND =
  /\p{L}{3,40}(?:leiter|leiterin|leider|manager|managerin|ingenieur|ingenieurin|berater|beraterin|entwickler|entwicklerin|direktor|direktorin|referent|referentin|päällikkö|johtaja|chef)(?![\p{L}])/iu;

export function hasTitleWord(line: string): boolean {
  const l = capLine(line);
  return TITLE_WORDS.test(l) || TITLE_COMPOUND.test(l);
}

/** Legal-form suffixes are case-sensitive ("AS", "SA"), institution words are not. */
const LEGAL_SUFFIX_RE =
  /(?:^|[\s,])(?:Inc|INC|Corp|CORP|Co|Ltd|LTD|LLC|L\.L\.C|LLP|LP|PLC|plc|GmbH|AG|KG|SA|S\.A|SAS|SARL|SRL|S\.r\.l|SpA|S\.p\.A|BV|B\.V|NV|N\.V|AB|AS|ASA|Oy|Oyj|A\/S|Pty|Pte|KK|Limited|LIMITED|Ltda|S\.L|SL|SLU|S\.L\.U|s\.r\.o|Kft|Zrt|SE|KGaA|OHG|e\.K|Sp\. z o\.o|d\.o\.o|S\.C|SAC|S\.A\.C|SpA|AS|ApS|Cia|Cía)\b\.?/;
const STRONG_ORG_RE =
  /\b(?:corporation|incorporated|company|university|universität|université|universidad|università|universiteit|college|institute|institut|polytechnic)\b/i;
const WEAK_ORG_RE =
  /\b(?:group|holdings|partners|associates|technologies|systems|solutions|services|software|consulting|networks|media|labs|laboratory|laboratories|school|foundation|association|society|center|centre|agency|bank|gruppe|enterprises|industries|international)\b/i;

export function hasCompanyWord(line: string): boolean {
  const l = capLine(line);
  return LEGAL_SUFFIX_RE.test(l) || STRONG_ORG_RE.test(l) || WEAK_ORG_RE.test(l);
}

/** Legal form or university-like institution: the organisation, not a unit of it. */
export function hasStrongCompanyWord(line: string): boolean {
  const l = capLine(line);
  return LEGAL_SUFFIX_RE.test(l) || STRONG_ORG_RE.test(l);
}

/** Street / city / postcode shapes: "1400 Smith Street", "Houston, TX 77002", "D 91058 Erlangen". */
const STREET_RE =
  /\b\d{1,6}[a-z]?,? [A-Za-z .'-]{0,40}\b(?:street|st|road|rd|avenue|ave|av|boulevard|blvd|drive|dr|lane|ln|way|court|ct|circle|cir|place|pl|square|sq|quay|parkway|pkwy|highway|hwy|suite|ste|floor|fl|building|bldg|hall|plaza|terrace|row)\b\.?/i;
const STREET_EU_RE =
  /\b[A-ZÄÖÜ][a-zäöüß]{2,30}(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|gatan|vägen|laan|straat|plein|gracht|vej)\s?\d{1,4}\b|\b(?:rue|avenue|boulevard|via|viale|piazza|calle|avenida|rua|plaza|paseo|c\/)\s[^\d]{2,40}\d{0,4}/i;
const POSTCODE_CITY_RE =
  /\b[A-Z][A-Za-z .'-]{1,30},? (?:[A-Z]{2}|[A-Z][a-z]{2,20})\.?,?(?: USA| U\.S\.A\.)? {1,3}\d{5}(?:-\d{4})?\b|\b(?:[A-Z]{1,2}[- ])?\d{4,5} [A-ZÄÖÜ][a-zäöüß]{2,30}\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{4} ?[A-Z]{2} [A-Z][a-z]{2,30}\b|\b[A-Z][a-z]{2,30} ?- ?\d{6}\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b|\b(?:P\.?\s?O\.? Box|Postfach|BP|Apartado) \d{1,6}\b/;
const COUNTRY_RE =
  /^(?:usa|u\.s\.a\.?|united states|canada|uk|united kingdom|england|ireland|germany|deutschland|france|spain|españa|italy|italia|netherlands|belgium|switzerland|austria|sweden|norway|denmark|finland|australia|new zealand|india|china|japan|brazil|brasil|mexico|portugal|poland|israel|singapore)\.?$/i;

export function looksLikeAddress(line: string): boolean {
  const l = capLine(line).trim();
  return (
    STREET_RE.test(l) ||
    STREET_EU_RE.test(l) ||
    POSTCODE_CITY_RE.test(l) ||
    COUNTRY_RE.test(l) ||
    /\b(?:suite|ste\.?|floor|room|building|bldg)\s?#?\d{1,5}\b/i.test(l) ||
    /^#\d{1,6},/.test(l) ||
    // Office / room codes written alone on a line: "EB 3889", "EB3816", "Room 4.12".
    /^[A-Z]{2,3} ?\d{3,5}[A-Z]?$/.test(l) ||
    /^(?:Room|Rm\.?|Office|Raum|Bureau|Salle)\s?#?\s?\d[\dA-Z.-]{0,7}$/i.test(l)
  );
}

export function isCountryLine(line: string): boolean {
  return COUNTRY_RE.test(line.trim());
}

/**
 * A line that reads as a personal name: 1-5 capitalised tokens (initials, particles, hyphens allowed),
 * no digits, no sentence punctuation.
 */
export function looksLikeName(line: string): boolean {
  const t = capLine(line)
    .trim()
    .replace(/^\*(.{1,80})\*$/, '$1');
  if (t.length < 2 || t.length > 50 || /\d|[@:;!?]/.test(t)) return false;
  const toks = t.split(/\s+/);
  if (toks.length > 5) return false;
  let caps = 0;
  for (const tok of toks) {
    if (/^(?:van|von|de|der|den|da|di|del|la|le|du|dos|bin|al|y|e|and|&)$/i.test(tok)) continue;
    if (/^\(?[A-ZÀ-ÖØ-Þ\\][\p{L}'’.\/\\-]*\)?,?$/u.test(tok)) caps++;
    else return false;
  }
  return caps >= 1;
}

/** Lower-cased letters of a string, for tolerant comparisons of names. */
export function letters(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}]/gu, '');
}

/** Does the line mention the sender: a token of the display name, or the address / its local part? */
export function mentionsSender(line: string, name: string | null, email: string | null): boolean {
  const l = capLine(line).toLowerCase();
  if (email) {
    const e = email.toLowerCase();
    if (l.includes(e)) return true;
  }
  const toks = senderNameTokens(name, email);
  // `ksavoie@`, `wendykoeb@`: a name token of the line inside the address's local part.
  const local = email ? (email.split('@')[0] ?? '').toLowerCase() : '';
  if (local.length >= 4) {
    for (const t of l.split(/[^\p{L}]+/u)) if (t.length >= 4 && local.includes(t)) return true;
  }
  // Initial plus surname and similar address shapes: jdoe@, doej@, janed@ for "Jane Doe".
  const words = l.split(/[^\p{L}]+/u).filter((w) => w.length >= 2);
  if (words.length >= 2 && local.length >= 3) {
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const plain = local.replace(/[^a-z]/g, '');
    if ([first[0] + last, last + first[0], first + last[0], first + last].includes(plain)) return true;
  }
  // A display-name token as a whole word of the line (same split as the tokens themselves).
  const lineWords = new Set(words.concat(l.split(/[^\p{L}]+/u).filter((w) => w.length >= 3)));
  return toks.some((t) => lineWords.has(t));
}

/** Name tokens (>= 3 letters) from the display name, falling back to `first.last` local parts. */
let tokenCache: { key: string; toks: string[] } = { key: '', toks: [] };

export function senderNameTokens(name: string | null, email: string | null): string[] {
  // Called for every line of a block with the same sender: remember the last answer.
  const key = `${name ?? ''}\u0000${email ?? ''}`;
  if (tokenCache.key === key) return tokenCache.toks;
  const out = new Set<string>();
  const add = (s: string) => {
    for (const t of s.toLowerCase().split(/[^\p{L}]+/u)) if (t.length >= 3) out.add(t);
  };
  if (name && !/@/.test(name)) add(name);
  if (email) {
    const local = email.split('@')[0] ?? '';
    if (/[._-]/.test(local)) add(local.replace(/\d+/g, ' '));
  }
  tokenCache = { key, toks: [...out] };
  return tokenCache.toks;
}
