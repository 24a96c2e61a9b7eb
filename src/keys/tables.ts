/** Kysely table types owned by src/keys (migrations/0054-key-epochs.ts). Times are ISO-8601 text. */

export interface KeyEpochsTable {
  /** 1 for the key the database was first used with, +1 per rotation; the highest is current. */
  seq: number;
  key_id: string;
  /** `keyFingerprint(key)`: HMAC under a subkey derived from the key; never the key. */
  fingerprint: string;
  origin: 'keyring' | 'demo' | 'database';
  /** Sealed with this epoch's key: `{ [purpose]: hex[] }`, the hash keys of earlier epochs, oldest first. */
  chain_enc: string | null;
  created_at: string;
}

export interface KeyTables {
  key_epochs: KeyEpochsTable;
}
