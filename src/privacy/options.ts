/** Settings the privacy hooks and commands need, with defaults read once from the environment. */
import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { loadPolicy, type JurisdictionPolicy } from '../jurisdiction/policy.ts';

export interface PrivacyOptions {
  /** Server secret for keyed hashes (`Config.secretKey`); null or left out = the per-database dev secret. */
  secretKey?: string | null;
  /** Jurisdiction table; default `loadPolicy()`. */
  policy?: Readonly<JurisdictionPolicy>;
  /** Privacy center base URL for notice links; default `config.publicUrl`. */
  publicUrl?: string;
  /** The file transport's outbox directory; default SIGMINE_NOTICE_OUTBOX or ./data/outbox. */
  noticeOutbox?: string;
}

export interface ResolvedPrivacyOptions {
  secretKey: string | null | undefined;
  policy: Readonly<JurisdictionPolicy>;
  publicUrl: string;
  noticeOutbox: string;
}

/** The notice outbox directory from the environment (SIGMINE_NOTICE_OUTBOX, default ./data/outbox). */
export function defaultOutbox(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SIGMINE_NOTICE_OUTBOX?.trim() || resolve('data', 'outbox'));
}

let defaults: { policy: Readonly<JurisdictionPolicy>; publicUrl: string } | null = null;

export function resolveOptions(opts: PrivacyOptions = {}): ResolvedPrivacyOptions {
  if (!opts.policy || opts.publicUrl === undefined)
    defaults ??= { policy: loadPolicy(), publicUrl: loadConfig().publicUrl };
  return {
    secretKey: opts.secretKey,
    policy: opts.policy ?? defaults!.policy,
    publicUrl: opts.publicUrl ?? defaults!.publicUrl,
    noticeOutbox: opts.noticeOutbox ?? defaultOutbox(),
  };
}

/** ISO-8601 text of a Date or ISO string (times are stored as text). */
export function iso(t: Date | string | undefined): string {
  if (t === undefined) return new Date().toISOString();
  return typeof t === 'string' ? new Date(t).toISOString() : t.toISOString();
}
