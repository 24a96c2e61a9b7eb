/**
 * Jurisdiction signals from the evidence we hold about a contact: phone country and region, email ccTLD,
 * country (or Canadian province / US state) named in a postal address. Pure functions; every input is
 * capped before matching and every pattern is linear-time (no nested quantifiers).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { parse as parseDomain } from 'tldts';

export interface Signal {
  signal: 'phone' | 'email-tld' | 'address';
  /** ISO 3166-1 alpha-2, `EU`, or country-region (`CA-QC`, `US-CA`). */
  code: string;
  /** Derived, non-identifying detail (calling code, area code, TLD, matched keyword). */
  detail: string;
}

/** Quebec area codes (NANP): 418/438/450/514/579/581/819/873/367/354/263. */
// prettier-ignore
const QUEBEC_AREA_CODES = new Set(['418', '438', '450', '514', '579', '581', '819', '873', '367', '354', '263']);
/** California area codes (NANP), for CCPA. */
// prettier-ignore
const CALIFORNIA_AREA_CODES = new Set([
  '209', '213', '279', '310', '323', '341', '350', '369', '408', '415', '424', '442', '510', '530', '559', '562',
  '619', '626', '628', '650', '657', '661', '669', '707', '714', '747', '760', '805', '818', '820', '831', '840',
  '858', '909', '916', '925', '949', '951',
]);

/** A +1 number's country (US, CA or a Caribbean member) and, for CA/US, the region from its area code. */
export function phoneSignal(e164: string): Signal | null {
  if (typeof e164 !== 'string' || e164.length > 32) return null;
  const p = parsePhoneNumberFromString(e164);
  if (!p) return null;
  const country = p.country ?? null;
  const area = p.countryCallingCode === '1' ? p.nationalNumber.slice(0, 3) : '';
  if (country === 'CA' && QUEBEC_AREA_CODES.has(area))
    return { signal: 'phone', code: 'CA-QC', detail: `+1 ${area}` };
  if (country === 'US' && CALIFORNIA_AREA_CODES.has(area))
    return { signal: 'phone', code: 'US-CA', detail: `+1 ${area}` };
  if (!country) return null;
  return { signal: 'phone', code: country, detail: area ? `+1 ${area}` : `+${p.countryCallingCode}` };
}

/** ccTLDs widely used as generic names: they say nothing about where a person is (privacy-law.md §2.9). */
// prettier-ignore
const GENERIC_CCTLDS = new Set(['io', 'co', 'me', 'ai', 'tv', 'fm', 'ly', 'gg', 'cc', 'ws', 'to', 'sh', 'so', 'vc', 'nu', 'tk', 'app', 'dev']);

/** The country of an email domain's ccTLD (`.de` -> DE, `.co.uk` -> GB, `.eu` -> EU), else null. */
export function emailTldSignal(domain: string): Signal | null {
  if (typeof domain !== 'string' || domain.length === 0 || domain.length > 253) return null;
  const suffix = parseDomain(domain.toLowerCase()).publicSuffix;
  if (!suffix) return null;
  const tld = suffix.slice(suffix.lastIndexOf('.') + 1);
  if (tld.length !== 2 || GENERIC_CCTLDS.has(tld)) return null;
  const code = tld === 'uk' ? 'GB' : tld.toUpperCase();
  return { signal: 'email-tld', code, detail: `.${suffix}` };
}

/** Country names (several languages) and unambiguous region markers, matched as whole words. */
// prettier-ignore
const ADDRESS_WORDS: Array<[string, string]> = [
  ['germany', 'DE'], ['deutschland', 'DE'], ['france', 'FR'], ['spain', 'ES'], ['españa', 'ES'], ['espana', 'ES'],
  ['italy', 'IT'], ['italia', 'IT'], ['netherlands', 'NL'], ['nederland', 'NL'], ['the netherlands', 'NL'],
  ['belgium', 'BE'], ['belgique', 'BE'], ['belgië', 'BE'], ['austria', 'AT'], ['österreich', 'AT'],
  ['switzerland', 'CH'], ['schweiz', 'CH'], ['suisse', 'CH'], ['svizzera', 'CH'], ['ireland', 'IE'],
  ['portugal', 'PT'], ['sweden', 'SE'], ['sverige', 'SE'], ['denmark', 'DK'], ['danmark', 'DK'],
  ['finland', 'FI'], ['suomi', 'FI'], ['norway', 'NO'], ['norge', 'NO'], ['iceland', 'IS'], ['poland', 'PL'],
  ['polska', 'PL'], ['czech republic', 'CZ'], ['czechia', 'CZ'], ['slovakia', 'SK'], ['slovenia', 'SI'],
  ['hungary', 'HU'], ['romania', 'RO'], ['bulgaria', 'BG'], ['greece', 'GR'], ['croatia', 'HR'], ['cyprus', 'CY'],
  ['malta', 'MT'], ['luxembourg', 'LU'], ['liechtenstein', 'LI'], ['estonia', 'EE'], ['latvia', 'LV'],
  ['lithuania', 'LT'], ['united kingdom', 'GB'], ['england', 'GB'], ['scotland', 'GB'], ['wales', 'GB'],
  ['northern ireland', 'GB'], ['great britain', 'GB'], ['brazil', 'BR'], ['brasil', 'BR'], ['canada', 'CA'],
  ['québec', 'CA-QC'], ['quebec', 'CA-QC'], ['montréal', 'CA-QC'], ['montreal', 'CA-QC'],
  ['united states', 'US'], ['usa', 'US'], ['u s a', 'US'], ['california', 'US-CA'], ['australia', 'AU'],
  ['japan', 'JP'], ['india', 'IN'], ['singapore', 'SG'], ['mexico', 'MX'], ['méxico', 'MX'], ['israel', 'IL'],
  ['south africa', 'ZA'], ['new zealand', 'NZ'], ['china', 'CN'], ['hong kong', 'HK'],
];

/** Postal-code shapes that name a place on their own. Anchored on word edges, fixed-length, linear. */
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b/;
const QC_PROVINCE = /,\s?QC\b|\bQC\s[GHJ]\d[A-Z]\s?\d[A-Z]\d\b/;
/**
 * `City, ST 12345[-6789]` with the ZIP ending the line or followed by USA: the comma and the ending keep a
 * German `DE 80331 München` or similar from reading as Delaware (a false US would list a held contact).
 */
const US_STATE_ZIP =
  /,\s?(A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\.?\s{1,3}\d{5}(?:-\d{4})?[ \t.]*(?:$|\r?\n|,|\s(?:USA|U\.S\.A\.|United States)\b)/m;
/** US state names followed by a ZIP (`Omaha, Nebraska 68116`). */
const US_STATE_NAMES =
  'alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming';
const US_STATE_NAME_ZIP = new RegExp(`\\b(${US_STATE_NAMES})\\s{1,3}\\d{5}(?:-\\d{4})?\\b`, 'i');
/** Canadian provinces other than Quebec, by name (`Ottawa, Ontario, Canada`). */
const CA_PROVINCES =
  /\b(ontario|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland|prince edward island)\b/i;

/** Longest address we look at: signature address blocks are a few lines; anything longer is noise. */
const MAX_ADDRESS = 400;

/** Every country/region an address names (an address may name several: the most protective wins later). */
export function addressSignals(address: string): Signal[] {
  if (typeof address !== 'string' || address.length === 0) return [];
  const text = address.slice(0, MAX_ADDRESS);
  const lower = ` ${text.toLowerCase().replace(/[\s,;|/().]+/g, ' ')} `;
  const out: Signal[] = [];
  for (const [word, code] of ADDRESS_WORDS) {
    if (lower.includes(` ${word} `)) out.push({ signal: 'address', code, detail: word });
  }
  if (UK_POSTCODE.test(text)) out.push({ signal: 'address', code: 'GB', detail: 'uk-postcode' });
  if (QC_PROVINCE.test(text)) out.push({ signal: 'address', code: 'CA-QC', detail: 'QC' });
  const us = US_STATE_ZIP.exec(text);
  if (us) out.push({ signal: 'address', code: us[1] === 'CA' ? 'US-CA' : 'US', detail: `${us[1]} zip` });
  const usName = US_STATE_NAME_ZIP.exec(text);
  if (usName) {
    const state = usName[1]!.toLowerCase();
    out.push({ signal: 'address', code: state === 'california' ? 'US-CA' : 'US', detail: `${state} zip` });
  }
  if (CA_PROVINCES.test(text)) out.push({ signal: 'address', code: 'CA', detail: 'province' });
  // One signal per code: a country named twice (word and postcode) is one piece of evidence.
  return out.filter((sig, i) => out.findIndex((o) => o.code === sig.code) === i);
}
