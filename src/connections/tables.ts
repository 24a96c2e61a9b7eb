/** Kysely table types owned by src/connections (migrations/0001-connections.ts). Times are ISO-8601 text. */
import type { Generated } from 'kysely';

export interface ContributorsTable {
  id: string;
  email: string;
  status: Generated<'active' | 'opted-out'>;
  created_at: string;
  opted_out_at: string | null;
}

export interface ConnectionsTable {
  id: string;
  contributor_id: string;
  kind: string;
  account: string;
  config_json: Generated<string>;
  secret_enc: string | null;
  status: Generated<'active' | 'needs-reconnect' | 'opted-out' | 'disabled'>;
  cursor_json: string | null;
  last_harvest_at: string | null;
  last_error_code: string | null;
  revoked_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Provider-side revocations at opt-out (migrations/0030-revocations.ts). */
export interface RevocationsTable {
  id: string;
  connection_id: string;
  kind: string;
  status: 'revoked' | 'discarded' | 'pending' | 'failed';
  attempts: Generated<number>;
  last_error_code: string | null;
  /** Encrypted token kept only while a failed provider revoke is retried; null otherwise. */
  token_enc: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Pending web OAuth flows of the member area (migrations/0052-oauth-states.ts, src/connections/oauth-flows.ts).
 * Keyed hashes and a sealed box only: no plain state, browser nonce, PKCE verifier or address.
 */
export interface OAuthStatesTable {
  /** HMAC of the `state` sent to the provider. */
  state_hash: string;
  /** HMAC of the nonce in the cookie of the browser that started the flow. */
  browser_hash: string;
  provider: 'google' | 'microsoft';
  kind: string;
  /** AES-256-GCM (src/secrets) of the PKCE verifier and the member's address (older rows: their sign-in link too). */
  flow_enc: string;
  created_at: string;
  /** Ten minutes after `created_at`. */
  expires_at: string;
  /** When a callback consumed it; a flow is consumed once. */
  used_at: string | null;
}

/**
 * What a member keeps out of sharing (migrations/0140-member-exclusions.ts, src/connections/exclusions.ts):
 * an address, a domain (and its subdomains), or one connection's folder or label.
 */
export interface MemberExclusionsTable {
  id: string;
  contributor_id: string;
  kind: 'address' | 'domain' | 'folder';
  /** Lower-cased address or domain; a folder or label as the provider names it. */
  value: string;
  /** The connection of a folder rule; '' for address and domain rules (every connection). */
  connection_id: Generated<string>;
  created_at: string;
}

export interface ConnectionTables {
  contributors: ContributorsTable;
  member_exclusions: MemberExclusionsTable;
  connections: ConnectionsTable;
  revocations: RevocationsTable;
  oauth_states: OAuthStatesTable;
}
