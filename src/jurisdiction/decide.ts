/**
 * Decides a contact's jurisdiction from evidence: every signal is kept as evidence, and the most
 * protective result wins (any held code holds the contact; no signal at all counts as unknown, which is
 * held by default). Pure: no I/O.
 */
import type { JurisdictionPolicy } from './policy.ts';
import { addressSignals, emailTldSignal, phoneSignal, type Signal } from './signals.ts';

export interface JurisdictionEvidence {
  /** Phone numbers in E.164. */
  phones: string[];
  /** The domain of the contact's email address. */
  emailDomain: string;
  /** Postal addresses as written in signatures. */
  addresses: string[];
}

export interface JurisdictionDecision {
  /** Distinct codes found (`unknown` when none). */
  codes: string[];
  /** The signal behind the deciding (most protective) code, or `default` for unknown. */
  decidedBy: Signal['signal'] | 'default';
  evidence: Signal[];
  ruleVersion: string;
  /** True when the contact stays pending until its notice was sent and the objection window passed. */
  hold: boolean;
  /** Whether a notice is queued for this contact. */
  notify: boolean;
  /** Notice language. */
  language: string;
}

/** Most signals a decision looks at (a signature lists a handful of phones and one or two addresses). */
const MAX_ITEMS = 20;

/** Is `code` held by `policy`? `CA-QC` is held by `CA-QC`; a country-region code also by its country. */
export function isHeld(code: string, policy: JurisdictionPolicy): boolean {
  if (code === 'unknown') return policy.holdUnknown;
  if (policy.hold.has(code)) return true;
  const country = code.split('-')[0] ?? code;
  return code.includes('-') && policy.hold.has(country);
}

export function decideJurisdiction(
  ev: JurisdictionEvidence,
  policy: JurisdictionPolicy,
): JurisdictionDecision {
  const evidence: Signal[] = [];
  for (const p of (ev.phones ?? []).slice(0, MAX_ITEMS)) {
    const s = phoneSignal(p);
    if (s) evidence.push(s);
  }
  const tld = emailTldSignal(ev.emailDomain ?? '');
  if (tld) evidence.push(tld);
  for (const a of (ev.addresses ?? []).slice(0, MAX_ITEMS)) evidence.push(...addressSignals(a));

  const codes = [...new Set(evidence.map((s) => s.code))];
  if (codes.length === 0) {
    return {
      codes: ['unknown'],
      decidedBy: 'default',
      evidence,
      ruleVersion: policy.ruleVersion,
      hold: policy.holdUnknown,
      notify: policy.notifyEveryone || policy.holdUnknown,
      language: 'en',
    };
  }
  const held = evidence.find((s) => isHeld(s.code, policy));
  const hold = held !== undefined;
  const deciding = held ?? evidence[0]!;
  const language = languageFor(codes, policy, held?.code);
  return {
    codes,
    decidedBy: deciding.signal,
    evidence,
    ruleVersion: policy.ruleVersion,
    hold,
    notify: policy.notifyEveryone || hold,
    language,
  };
}

/** The deciding code's language first, then any code's, else English. */
function languageFor(codes: string[], policy: JurisdictionPolicy, first?: string): string {
  if (first && policy.languages[first]) return policy.languages[first]!;
  for (const c of codes) if (policy.languages[c]) return policy.languages[c]!;
  return 'en';
}
