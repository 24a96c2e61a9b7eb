/**
 * Who issued a connection's secret, which decides what opting out can do with it (opt-out.ts): a Google
 * grant is revoked at Google; Microsoft has no client-side revoke for delegated refresh tokens, so its
 * tokens are discarded; IMAP passwords and local mailbox files have no provider at all. IMAP decides per
 * connection: with OAuth (`auth: "xoauth2"`) its config names the provider (`oauthProvider`,
 * connectors/imap/oauth.ts); a bare access token stored by older versions names none.
 */
export type TokenIssuer = 'google' | 'microsoft' | null;

const BY_KIND: Record<string, TokenIssuer> = {
  gmail: 'google',
  'google-calendar': 'google',
  'google-contacts': 'google',
  outlook: 'microsoft',
  'outlook-calendar': 'microsoft',
  'outlook-contacts': 'microsoft',
};

export function tokenIssuer(kind: string, config: Readonly<Record<string, unknown>>): TokenIssuer {
  if (kind !== 'imap') return BY_KIND[kind] ?? null;
  if (config['auth'] !== 'xoauth2') return null;
  const p = config['oauthProvider'];
  return p === 'google' || p === 'microsoft' ? p : null;
}

/** A connection's stored `config_json`; unreadable or not an object -> {} (no provider named). */
export function connectionConfig(json: string | null): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
