/**
 * The directory store's public API (one import for other modules):
 *   ingestPage                     harvest, once per page in the page's transaction (src/store/ingest.ts)
 *   PrivacyGate                    what the store asks privacy, implemented by src/privacy/gate.ts
 *   contactToObservations          parser Contact -> ObservationInput[] (src/store/normalise.ts)
 *   listContact, awardConnectionBonus, forfeitContributor, spendCredits, balanceOf, ledgerEntries (ledger.ts)
 *   listContacts, showContact      directory reads, never the contributor (directory.ts)
 *   findProfile, pinField, restrictProfile, unrestrictProfile, eraseProfile (profile-admin.ts)
 *   keyedHasher, HASH_PURPOSE      keyed hashes (keyed-hash.ts)
 */
export * from './types.ts';
export { ingestPage, emptyOutcome, type IngestOptions } from './ingest.ts';
export type {
  PrivacyGate,
  ContactEvidence,
  NewContact,
  NewContactOutcome,
  GateCall,
} from './privacy-gate.ts';
export { contactToObservations, normaliseValue } from './normalise.ts';
export {
  listContact,
  awardConnectionBonus,
  forfeitContributor,
  spendCredits,
  balanceOf,
  ledgerEntries,
  type ListOutcome,
  type SpendOutcome,
  type LedgerEntryView,
} from './ledger.ts';
export {
  listContacts,
  showContact,
  type DirectoryContact,
  type ContactDetails,
  type StatusFilter,
} from './directory.ts';
export {
  findProfile,
  profileById,
  pinField,
  restrictProfile,
  unrestrictProfile,
  eraseProfile,
} from './profile-admin.ts';
export { keyedHasher, hasherFromSecret, HASH_PURPOSE, type KeyedHasher } from './keyed-hash.ts';
export { PIN_FIELDS, type PinField, type FieldProvenance } from './merge.ts';
