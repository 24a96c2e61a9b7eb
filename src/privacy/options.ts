/** Settings the privacy hooks and commands need, with defaults read once from the environment. */
import { loadConfig } from '../config.ts';
import { loadPolicy, type JurisdictionPolicy } from '../jurisdiction/policy.ts';

export interface PrivacyOptions {
  /** Server secret for keyed hashes: undefined = SIGMINE_SECRET_KEY (or the per-database dev secret). */
  secretKey?: string | null;
  /** Jurisdiction table; default `loadPolicy()`. */
  policy?: Readonly<JurisdictionPolicy>;
  /** Privacy center base URL for notice links; default `config.publicUrl`. */
  publicUrl?: string;
}

export interface ResolvedPrivacyOptions {
  secretKey: string | null | undefined;
  policy: Readonly<JurisdictionPolicy>;
  publicUrl: string;
}

let defaults: { policy: Readonly<JurisdictionPolicy>; publicUrl: string } | null = null;

export function resolveOptions(opts: PrivacyOptions = {}): ResolvedPrivacyOptions {
  if (!opts.policy || opts.publicUrl === undefined) defaults ??= { policy: loadPolicy(), publicUrl: loadConfig().publicUrl };
  return {
    secretKey: opts.secretKey,
    policy: opts.policy ?? defaults!.policy,
    publicUrl: opts.publicUrl ?? defaults!.publicUrl,
  };
}

/** ISO-8601 text of a Date or ISO string (times are stored as text). */
export function iso(t: Date | string | undefined): string {
  if (t === undefined) return new Date().toISOString();
  return typeof t === 'string' ? new Date(t).toISOString() : t.toISOString();
}
