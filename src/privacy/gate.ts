/**
 * `privacyGate(options)`: the privacy side of the store's `PrivacyGate` (src/store/privacy-gate.ts), made of
 * the hooks in hooks.ts (suppression list, jurisdiction decision, publication gate, notice). Harvest,
 * commands and the web build one with their privacy options and hand it to the store:
 *
 *   const gate = privacyGate({ secretKey: config.secretKey, policy: config.policy });
 *   await ingestPage(trx, ctx, items, gate);
 *
 * Building a gate reads nothing: the caller passes what configuration says.
 */
import type { PrivacyGate } from '../store/privacy-gate.ts';
import { onNewContacts, onNewEvidence, suppressedAmong } from './hooks.ts';
import type { PrivacyOptions } from './options.ts';

export function privacyGate(options: PrivacyOptions): PrivacyGate {
  // The page's key, when the store was given one, wins over the gate's (as `IngestContext.secretKey`).
  const withKey = (secretKey: string | null | undefined): PrivacyOptions =>
    secretKey !== undefined ? { ...options, secretKey } : options;
  return {
    suppressedAmong: (trx, emails, call) =>
      suppressedAmong(trx, emails, { ...withKey(call.secretKey), now: call.now, record: call.record }),
    onNewContacts: (trx, contacts, call) =>
      onNewContacts(
        trx,
        contacts.map((c) => ({ ...c, now: c.now ?? call.now })),
        withKey(call.secretKey),
      ),
    onNewEvidence: (trx, c, call) => onNewEvidence(trx, { ...c, now: call.now }, withKey(call.secretKey)),
  };
}
