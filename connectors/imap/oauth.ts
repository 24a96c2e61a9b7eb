/**
 * OAuth for IMAP (XOAUTH2 to Gmail or Exchange Online), as a mail client does it: the connection stores a
 * REFRESH token, and every run trades it for a fresh access token before AUTHENTICATE (access tokens live
 * about an hour: Google 3599 s, Microsoft 60-90 min; provider-facts §1, §4).
 *
 * The stored secret is a small JSON envelope, encrypted like every secret:
 *   {"type":"imap-oauth","v":1,"provider":"google"|"microsoft","tokenUrl":"...","refreshToken":"..."}
 * `tokenUrl` is the endpoint that issued the grant (a refresh token is only good at its issuer), taken at
 * connect time from SIGMINE_GOOGLE_OAUTH_URL, or SIGMINE_MS_LOGIN_URL + SIGMINE_MS_TENANT. A secret that is
 * not such an envelope is an access token stored by older versions: used as is until it is rejected.
 *
 * No new OAuth client: Google goes through `googleOAuthClient` (google-auth-library) and its error
 * classification, Microsoft through `cliConnect` and `MsTokenSource` of connectors/outlook (token POST,
 * AADSTS classification, rotated refresh token saved before use), both asked for the IMAP scopes through
 * their `scopes` option: the IMAP scopes are not Graph scopes (Microsoft) and not the Gmail API scopes
 * (Google).
 *
 * Opt-out (`revokeImapOAuth`): a Google grant is revoked at the endpoint that issued it, like the Gmail
 * connector's; Microsoft has no client-side revoke for delegated refresh tokens (the caller records it
 * discarded, as for Outlook).
 */
import type { GoogleEndpoints, MicrosoftEndpoints, ProviderEndpoints } from '../endpoints.ts';
import type { LoopbackOptions } from '../oauth/loopback.ts';
import { classifyGoogleError, toConnectorError } from '../google/errors.ts';
import { connectGoogleCli, googleOAuthClient, revokeGoogleToken } from '../google/oauth.ts';
import { cliConnect } from '../outlook/oauth.ts';
import { MsTokenSource } from '../outlook/token-source.ts';
import { ConnectorError, type ConnectionInfo, type ConnectorDeps } from '../types.ts';

export type ImapOAuthProvider = 'google' | 'microsoft';
export const IMAP_OAUTH_PROVIDERS: readonly ImapOAuthProvider[] = ['google', 'microsoft'];

/**
 * The one scope each provider's IMAP accepts (Gmail: https://developers.google.com/gmail/imap/xoauth2-protocol;
 * Exchange Online: learn.microsoft.com .../how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth),
 * plus `offline_access` for a Microsoft refresh token.
 */
export const IMAP_OAUTH_SCOPES: Record<ImapOAuthProvider, readonly string[]> = {
  google: ['https://mail.google.com/'],
  microsoft: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access'],
};

export interface ImapOAuthGrant {
  provider: ImapOAuthProvider;
  tokenUrl: string;
  refreshToken: string;
}

/** The envelope stored (encrypted) as the connection's secret. */
export function encodeImapOAuthSecret(g: ImapOAuthGrant): string {
  return JSON.stringify({ type: 'imap-oauth', v: 1, ...g });
}

/** The grant in a stored secret, or null when the secret is a bare access token (older connections). */
export function readImapOAuthSecret(secret: string): ImapOAuthGrant | null {
  if (!secret.startsWith('{')) return null; // access tokens never start with "{"
  let o: Record<string, unknown> | null = null;
  try {
    o = JSON.parse(secret) as Record<string, unknown>;
  } catch {
    // fall through: malformed
  }
  if (
    !o ||
    o.type !== 'imap-oauth' ||
    o.v !== 1 ||
    !IMAP_OAUTH_PROVIDERS.includes(o.provider as ImapOAuthProvider) ||
    typeof o.tokenUrl !== 'string' ||
    typeof o.refreshToken !== 'string' ||
    !o.refreshToken
  )
    throw new ConnectorError('config', 'stored IMAP OAuth grant is not readable; reconnect the mailbox');
  return { provider: o.provider as ImapOAuthProvider, tokenUrl: o.tokenUrl, refreshToken: o.refreshToken };
}

const MS_TOKEN_PATH = /^(https?:\/\/.+)\/([^/]+)\/oauth2\/v2\.0\/token$/;

/** Where grants of `provider` are issued and refreshed under the current configuration. */
export function tokenUrlFor(config: ProviderEndpoints, provider: ImapOAuthProvider): string {
  return provider === 'google'
    ? `${config.google.oauthUrl}/token`
    : `${config.microsoft.loginUrl}/${encodeURIComponent(config.microsoft.tenant)}/oauth2/v2.0/token`;
}

/** The configuration the shared Google/Microsoft OAuth code needs to reach `tokenUrl`. */
function googleAt(config: ProviderEndpoints, tokenUrl: string): { google: GoogleEndpoints } {
  if (!tokenUrl.endsWith('/token'))
    throw new ConnectorError('config', 'stored Google token endpoint does not end in /token');
  return { google: { ...config.google, oauthUrl: tokenUrl.slice(0, -'/token'.length) } };
}

function microsoftAt(config: ProviderEndpoints, tokenUrl: string): MicrosoftEndpoints {
  const m = MS_TOKEN_PATH.exec(tokenUrl);
  if (!m) throw new ConnectorError('config', 'stored Microsoft token endpoint is not .../oauth2/v2.0/token');
  return { ...config.microsoft, loginUrl: m[1]!, tenant: decodeURIComponent(m[2]!) };
}

/** Something that hands out a valid access token for one grant. */
export interface AccessTokens {
  get(): Promise<string>;
}

/**
 * One token source per connection object (as connectors/outlook/connection.ts does): after a Microsoft
 * refresh the refresh token in `conn.secret` is spent, and only the source knows the new one.
 */
const sources = new WeakMap<ConnectionInfo, AccessTokens>();

/**
 * Access tokens for a stored grant. A rotated refresh token goes to `deps.onSecretRotated` as a whole new
 * envelope before the access token is used. Failures are ConnectorErrors: `revoked` for invalid_grant
 * (the harvest marks the connection needs-reconnect), `unavailable`/`rate-limited`/`config` otherwise.
 */
export function imapAccessTokens(
  conn: ConnectionInfo,
  grant: ImapOAuthGrant,
  deps: ConnectorDeps,
): AccessTokens {
  const known = sources.get(conn);
  if (known) return known;
  let current = grant;
  // The stored envelope as stored (not re-encoded): the compare-and-set on save compares strings.
  let stored = conn.secret ?? encodeImapOAuthSecret(grant);
  const rotated = async (refreshToken: string) => {
    const replaced = stored;
    current = { ...current, refreshToken };
    stored = encodeImapOAuthSecret(current);
    await deps.onSecretRotated?.(stored, replaced);
  };
  let source: AccessTokens;
  if (grant.provider === 'microsoft') {
    // Outlook's token source (rotated refresh token saved before use) with the IMAP scope; invalidated so
    // that every login (one per run) gets a fresh access token: a rejected one then means the grant.
    const ms = new MsTokenSource(
      microsoftAt(deps.endpoints, grant.tokenUrl),
      { scopes: IMAP_OAUTH_SCOPES.microsoft },
      grant.refreshToken,
      rotated,
      deps.fetch ?? fetch,
    );
    source = {
      get() {
        ms.invalidate();
        return ms.getAccessToken();
      },
    };
  } else {
    const auth = googleOAuthClient(googleAt(deps.endpoints, grant.tokenUrl));
    auth.setCredentials({ refresh_token: grant.refreshToken });
    let next: string | null = null;
    // Google does not rotate today, but a refresh_token in a token response replaces the old one.
    auth.on('tokens', (t) => {
      if (t.refresh_token && t.refresh_token !== current.refreshToken) next = t.refresh_token;
    });
    source = {
      async get() {
        let token: string | null | undefined;
        try {
          ({ token } = await auth.getAccessToken());
        } catch (err) {
          throw toConnectorError(classifyGoogleError(err), err);
        }
        if (next) {
          const rt = next;
          next = null;
          await rotated(rt);
        }
        if (!token) throw new ConnectorError('unavailable', 'Google returned no access token');
        return token;
      },
    };
  }
  sources.set(conn, source);
  return source;
}

/**
 * `sigmine connect imap --oauth google|microsoft`: the loopback consent flow (PKCE) of the provider's own
 * connector code, asking for the IMAP scope only; returns the grant to store (never printed).
 */
export async function connectImapOAuthCli(
  config: ProviderEndpoints,
  provider: ImapOAuthProvider,
  opts: Omit<LoopbackOptions, 'authUrl'> & { loginHint?: string; fetch?: typeof fetch } = {},
): Promise<ImapOAuthGrant> {
  const scopes = IMAP_OAUTH_SCOPES[provider];
  const tokenUrl = tokenUrlFor(config, provider);
  if (provider === 'google') {
    if (!config.google.clientId) throw new ConnectorError('config', 'SIGMINE_GOOGLE_CLIENT_ID is not set');
    const grant = await connectGoogleCli(config, [], { ...opts, scopes });
    if (grant.scopes.length > 0 && !grant.scopes.includes(scopes[0]!))
      throw new ConnectorError('bad-input', `scope not granted: ${scopes[0]}`);
    return { provider, tokenUrl, refreshToken: grant.refreshToken };
  }
  if (!config.microsoft.clientId) throw new ConnectorError('config', 'SIGMINE_MS_CLIENT_ID is not set');
  const t = await cliConnect(config.microsoft, { scopes }, opts);
  if (!t.refreshToken)
    throw new ConnectorError(
      'bad-input',
      'Microsoft returned no refresh token (was offline_access granted?)',
    );
  if (t.scope && !/IMAP\.AccessAsUser\.All/i.test(t.scope))
    throw new ConnectorError('bad-input', 'scope not granted: IMAP.AccessAsUser.All');
  return { provider, tokenUrl, refreshToken: t.refreshToken };
}

/**
 * Opt-out of an IMAP connection (the IMAP factory's `revoke`). With OAuth (`auth: "xoauth2"`) a Google
 * grant is revoked at the Google endpoint that issued it (`POST .../revoke`, as for the Gmail connector;
 * revoking the refresh token ends its access tokens too), and a bare access token stored by older versions
 * at the configured Google endpoint. Microsoft grants have no client-side revoke and passwords no provider
 * at all: nothing to call (a password is never parsed as a grant, whatever it starts with).
 */
export async function revokeImapOAuth(conn: ConnectionInfo, deps: ConnectorDeps): Promise<void> {
  if (!conn.secret || conn.config['auth'] !== 'xoauth2') return;
  const grant = readImapOAuthSecret(conn.secret);
  if (grant?.provider === 'microsoft') return;
  if (grant) await revokeGoogleToken(googleAt(deps.endpoints, grant.tokenUrl), grant.refreshToken);
  else if (conn.config['oauthProvider'] === 'google') await revokeGoogleToken(deps.endpoints, conn.secret);
}
