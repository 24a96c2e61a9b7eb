/**
 * The jurisdiction table, as configuration: which jurisdictions hold a new contact back until its notice
 * was sent and an objection window passed, which language notices use, and which deadline applies to
 * privacy requests. Default (privacy-law.md §2.9): notify everyone; hold EU/EEA, UK, CH, BR, Quebec and
 * unknown. Change `RULE_VERSION` whenever the table changes: it is stored with every decision.
 */
import { AppError } from '../errors.ts';

export const RULE_VERSION = 'jur-2026-11.2';

/** EU member states plus the EEA (Iceland, Liechtenstein, Norway). ISO 3166-1 alpha-2. */
// prettier-ignore
export const EU_EEA = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
] as const;

/** How requests are answered in a regime: deadline in calendar months or days (privacy-law.md §2.2). */
export interface Deadline {
  regime: string;
  months?: number;
  days?: number;
}

export interface JurisdictionPolicy {
  ruleVersion: string;
  /** Send a notice to every new contact (true), or only to held ones (false). */
  notifyEveryone: boolean;
  /** Codes (`DE`, `GB`, `CA-QC`, `EU`...) that hold a contact pending until notice + window. */
  hold: ReadonlySet<string>;
  /** Hold contacts whose jurisdiction could not be decided (treat as EU). */
  holdUnknown: boolean;
  /** Days after a sent notice during which an objection keeps the contact out of the directory. */
  objectionWindowDays: number;
  /** Notice language by code; first matching code of a decision wins, else `en`. */
  languages: Readonly<Record<string, string>>;
  /** Request deadline by code; the earliest due date among a person's codes applies. */
  deadlines: Readonly<Record<string, Deadline>>;
  /** Deadline when no code matches (unknown counts as GDPR). */
  defaultDeadline: Deadline;
}

const GDPR: Deadline = { regime: 'gdpr', months: 1 };

function defaultDeadlines(): Record<string, Deadline> {
  const d: Record<string, Deadline> = {
    EU: GDPR,
    GB: { regime: 'uk-gdpr', months: 1 },
    CH: { regime: 'nfadp', days: 30 },
  };
  for (const c of EU_EEA) d[c] = GDPR;
  d.BR = { regime: 'lgpd', days: 15 };
  d['CA-QC'] = { regime: 'quebec-law25', days: 30 };
  d.CA = { regime: 'pipeda', days: 30 };
  d['US-CA'] = { regime: 'ccpa', days: 45 };
  d.US = { regime: 'us-state', days: 45 };
  return d;
}

// prettier-ignore
const LANGUAGES: Record<string, string> = {
  DE: 'de', AT: 'de', LI: 'de', CH: 'de', FR: 'fr', BE: 'fr', LU: 'fr', 'CA-QC': 'fr', ES: 'es', IT: 'it',
  NL: 'nl', PT: 'pt', BR: 'pt',
};

/** The default policy; `env` may override the window (`SIGMINE_OBJECTION_WINDOW_DAYS`) and the held codes
 * (`SIGMINE_NOTICE_HOLD`, comma-separated, replaces the default list). Read by `loadConfig` (`Config.policy`);
 * `loadPolicy({})` is the built-in table. */
export function loadPolicy(env: NodeJS.ProcessEnv): Readonly<JurisdictionPolicy> {
  const windowRaw = env.SIGMINE_OBJECTION_WINDOW_DAYS?.trim();
  const windowDays = windowRaw ? Number(windowRaw) : 7;
  if (!Number.isFinite(windowDays) || windowDays < 0) {
    throw new AppError(
      'bad-config',
      `SIGMINE_OBJECTION_WINDOW_DAYS must be a number of days, got "${windowRaw}"`,
    );
  }
  const holdRaw = env.SIGMINE_NOTICE_HOLD?.trim();
  const hold = holdRaw
    ? holdRaw
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean)
    : ['EU', ...EU_EEA, 'GB', 'GG', 'JE', 'IM', 'CH', 'BR', 'CA-QC'];
  return Object.freeze({
    ruleVersion: RULE_VERSION,
    notifyEveryone: true,
    hold: new Set(hold),
    holdUnknown: true,
    objectionWindowDays: windowDays,
    languages: Object.freeze({ ...LANGUAGES }),
    deadlines: Object.freeze(defaultDeadlines()),
    defaultDeadline: GDPR,
  });
}

/** Adds a regime deadline to `from` (calendar months clamp to the month's last day, Art. 12(3)). */
export function dueDate(from: Date, d: Deadline): Date {
  const out = new Date(from.getTime());
  if (d.months) {
    const day = out.getUTCDate();
    out.setUTCDate(1);
    out.setUTCMonth(out.getUTCMonth() + d.months);
    const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
    out.setUTCDate(Math.min(day, last));
  }
  if (d.days) out.setUTCDate(out.getUTCDate() + d.days);
  return out;
}
