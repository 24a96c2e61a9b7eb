/** What the privacy hooks and commands are given by their caller (configuration is read at the edge). */
import type { JurisdictionPolicy } from '../jurisdiction/policy.ts';

export interface PrivacyOptions {
  /** Server secret for keyed hashes (`Config.secretKey`); null or left out = the per-database dev secret. */
  secretKey?: string | null;
  /** The jurisdiction table (`Config.policy`): who is held, objection window, deadlines, notice languages. */
  policy: Readonly<JurisdictionPolicy>;
}

/** ISO-8601 text of a Date or ISO string (times are stored as text). */
export function iso(t: Date | string | undefined): string {
  if (t === undefined) return new Date().toISOString();
  return typeof t === 'string' ? new Date(t).toISOString() : t.toISOString();
}
