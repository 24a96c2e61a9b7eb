/**
 * Where the providers' APIs and token endpoints are, and the app's OAuth client at each: the one value a
 * connector gets from configuration. The app builds it from its own config (src/config.ts
 * `providerEndpoints`) and passes it in, so connectors never read the environment or the app's config,
 * and never see the database URL or the secret keyring.
 */

/** Google: API root (googleapis clients), OAuth token/revoke base, consent page, and the OAuth client. */
export interface GoogleEndpoints {
  /** Root URL of the googleapis clients (Gmail, Calendar, People), with a trailing slash. */
  apiUrl: string;
  /** Base of `/token`, `/revoke` and `/tokeninfo`, no trailing slash. */
  oauthUrl: string;
  /** The consent page (authorization endpoint). */
  authUrl: string;
  clientId: string | null;
  clientSecret: string | null;
}

/** Microsoft: Graph base, identity platform base and tenant, and the OAuth client. */
export interface MicrosoftEndpoints {
  /** Graph base URL, no trailing slash. */
  graphUrl: string;
  /** Identity platform base (`{loginUrl}/{tenant}/oauth2/v2.0/...`), no trailing slash. */
  loginUrl: string;
  clientId: string | null;
  clientSecret: string | null;
  tenant: string;
}

export interface ProviderEndpoints {
  google: GoogleEndpoints;
  microsoft: MicrosoftEndpoints;
}
