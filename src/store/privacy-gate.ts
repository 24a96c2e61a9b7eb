/**
 * `PrivacyGate`: what the directory store asks the privacy side while it stores a page or lists a contact,
 * declared here by the store and implemented outside it (src/privacy/gate.ts `privacyGate(options)`), so the
 * store never imports privacy, notices or jurisdiction code. Callers (harvest, commands, web) build the gate
 * and pass it in; tests may pass another implementation.
 *
 * Every method runs inside the caller's transaction and never opens its own. `secretKey` in a call is the
 * key the store was given for this page (`IngestContext.secretKey`); undefined leaves the gate's own.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** What the store knows about where a contact is: the input of a jurisdiction decision. */
export interface ContactEvidence {
  /** Phone numbers in E.164. */
  phones: string[];
  /** The domain of the contact's email address. */
  emailDomain: string;
  /** Postal addresses as written in signatures. */
  addresses: string[];
}

export interface NewContact {
  /** The store's profile id. */
  profileId: string;
  /** The contact's business email (the profile key). */
  email: string;
  evidence: ContactEvidence;
  /** Time of the decision (default: now). */
  now?: Date | string;
}

export interface NewContactOutcome {
  /** `listed`: may enter the directory now. `pending`: held until notice + objection window. */
  status: 'pending' | 'listed';
  /** Jurisdiction codes found (`unknown` when none). */
  codes: string[];
  /** Id of the queued notice, or null when the policy sends none. */
  noticeId: string | null;
}

export interface GateCall {
  /** ISO-8601 time of the store's operation. */
  now: string;
  /** The page's server secret for keyed hashes; undefined = the gate's own. */
  secretKey?: string | null;
}

export interface PrivacyGate {
  /**
   * Which of `emails` (as the store keys profiles: trimmed, lower-case) are on the suppression list (erased
   * or objected). With `record`, each hit also counts a blocked re-add (count and date, no PII).
   */
  suppressedAmong(
    trx: Kysely<DB>,
    emails: readonly string[],
    call: GateCall & { record: boolean },
  ): Promise<Set<string>>;
  /**
   * Contacts the store just created: decides each one's jurisdiction, opens its publication gate and queues
   * its notice. One outcome per input, in order; idempotent on replay.
   */
  onNewContacts(
    trx: Kysely<DB>,
    contacts: readonly NewContact[],
    call: GateCall,
  ): Promise<NewContactOutcome[]>;
  /**
   * A known contact's phones or address changed: re-decides. `unlist`: a listed contact is held now and must
   * leave the directory until its objection window passed (the store sets the profile back to pending).
   */
  onNewEvidence(
    trx: Kysely<DB>,
    c: { profileId: string; evidence: ContactEvidence },
    call: GateCall,
  ): Promise<{ codes: string[]; newlyHeld: boolean; unlist: boolean }>;
}
