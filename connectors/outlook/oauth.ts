/**
 * Microsoft identity platform v2 OAuth for the Outlook sources: consent URL (web redirect flow), CLI
 * loopback flow with PKCE (connectors/oauth/loopback.ts), code exchange and refresh with rotated refresh tokens.
 *
 * Why a direct token POST and not @azure/msal-node: MSAL 7 can be pointed at a local authority
 * (`authority: ${loginUrl}/${tenant}`, `knownAuthorities: [host:port]`, a custom `system.networkClient`
 * for the TLS trust) and refreshes fine against the test server, but (1) it always appends the OIDC scopes
 * `openid profile` to every request, while we must request exactly `offline_access Mail.Read` (+
 * `Calendars.Read` / `Contacts.Read`), and (2) it hides the rotated refresh token, which is only
 * reachable by serializing its token cache. The token endpoint is one documented form POST
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow), so we do that.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MicrosoftEndpoints } from '../endpoints.ts';
import { loopbackAuthorize, pkcePair, type LoopbackOptions } from '../oauth/loopback.ts';
import { ConnectorError } from '../types.ts';

/** Exactly the scopes each Microsoft source requests; refresh requests repeat them space-separated. */
export const MS_SCOPES = {
  outlook: ['offline_access', 'Mail.Read'],
  'outlook-calendar': ['offline_access', 'Calendars.Read'],
  'outlook-contacts': ['offline_access', 'Contacts.Read'],
} as const satisfies Record<string, readonly string[]>;

export type MsKind = keyof typeof MS_SCOPES;

/**
 * What a consent or token request asks for: an Outlook source's scopes (`kind`), or an explicit list
 * (`scopes`, which wins), e.g. Exchange IMAP's scope, or a source's scopes plus `User.Read` at connect time.
 */
export type MsScopeChoice =
  { kind: MsKind; scopes?: readonly string[] } | { kind?: undefined; scopes: readonly string[] };

/** The space-separated `scope` parameter (commas only work for personal accounts, provider-facts §0.9). */
function scopeParam(p: MsScopeChoice): string {
  const list = p.scopes ?? (p.kind ? MS_SCOPES[p.kind] : []);
  if (list.length === 0) throw new ConnectorError('config', 'no Microsoft scope to ask for');
  return list.join(' ');
}

export interface MsTokens {
  accessToken: string;
  /** Microsoft issues a new refresh token on every grant: persist it, the old one may stop working. */
  refreshToken: string | null;
  /** Epoch ms. */
  expiresAt: number;
  scope: string;
}

type MsConfig = Readonly<MicrosoftEndpoints>;
type Fetch = typeof fetch;

function tenantUrl(ms: MsConfig): string {
  return `${ms.loginUrl}/${encodeURIComponent(ms.tenant)}/oauth2/v2.0`;
}

function requireClient(ms: MsConfig): string {
  if (!ms.clientId) throw new ConnectorError('config', 'SIGMINE_MS_CLIENT_ID is not set');
  return ms.clientId;
}

/** Consent page URL for the web redirect flow (authorization code, PKCE recommended even for web apps). */
export function consentUrl(
  ms: MsConfig,
  p: MsScopeChoice & { redirectUri: string; state: string; codeChallenge?: string; loginHint?: string },
): string {
  const q = new URLSearchParams({
    client_id: requireClient(ms),
    response_type: 'code',
    redirect_uri: p.redirectUri,
    response_mode: 'query',
    scope: scopeParam(p),
    state: p.state,
  });
  if (p.codeChallenge) {
    q.set('code_challenge', p.codeChallenge);
    q.set('code_challenge_method', 'S256');
  }
  if (p.loginHint) q.set('login_hint', p.loginHint);
  return `${tenantUrl(ms)}/authorize?${q}`;
}

/** Exchanges an authorization code (web or loopback flow) for tokens. */
export async function exchangeCode(
  ms: MsConfig,
  p: MsScopeChoice & { code: string; redirectUri: string; codeVerifier?: string },
  fetchImpl: Fetch = fetch,
): Promise<MsTokens> {
  const form = new URLSearchParams({
    client_id: requireClient(ms),
    grant_type: 'authorization_code',
    code: p.code,
    redirect_uri: p.redirectUri,
    scope: scopeParam(p),
  });
  if (p.codeVerifier) form.set('code_verifier', p.codeVerifier);
  return tokenPost(ms, form, fetchImpl);
}

/** Trades a refresh token for an access token and the NEXT refresh token. */
export async function refreshTokens(
  ms: MsConfig,
  p: MsScopeChoice & { refreshToken: string },
  fetchImpl: Fetch = fetch,
): Promise<MsTokens> {
  const form = new URLSearchParams({
    client_id: requireClient(ms),
    grant_type: 'refresh_token',
    refresh_token: p.refreshToken,
    scope: scopeParam(p),
  });
  return tokenPost(ms, form, fetchImpl);
}

/** What the web app keeps (server side, e.g. in a signed cookie or the OAuth state table) between the two legs. */
export interface WebConsent {
  url: string;
  state: string;
  codeVerifier: string;
}

/** First leg of the web redirect flow: a consent URL with a fresh `state` and PKCE pair to keep. */
export function beginWebConsent(
  ms: MsConfig,
  p: { kind: MsKind; redirectUri: string; loginHint?: string },
): WebConsent {
  const state = randomBytes(16).toString('base64url');
  const pkce = pkcePair();
  const url = consentUrl(ms, { ...p, state, codeChallenge: pkce.challenge });
  return { url, state, codeVerifier: pkce.verifier };
}

/**
 * Second leg: checks `state` (constant time), turns `error=` (access_denied...) into a ConnectorError,
 * then exchanges the code with the kept PKCE verifier.
 */
export async function completeWebConsent(
  ms: MsConfig,
  p: {
    kind: MsKind;
    redirectUri: string;
    query: URLSearchParams;
    kept: Pick<WebConsent, 'state' | 'codeVerifier'>;
  },
  fetchImpl: Fetch = fetch,
): Promise<MsTokens> {
  const state = Buffer.from(p.query.get('state') ?? '');
  const want = Buffer.from(p.kept.state);
  if (state.length !== want.length || !timingSafeEqual(state, want)) {
    throw new ConnectorError('bad-input', 'OAuth state does not match this browser session');
  }
  const error = p.query.get('error');
  if (error) throw new ConnectorError('revoked', `consent not given (${error.slice(0, 64)})`);
  const code = p.query.get('code');
  if (!code) throw new ConnectorError('bad-input', 'OAuth redirect without a code');
  return exchangeCode(
    ms,
    { kind: p.kind, code, redirectUri: p.redirectUri, codeVerifier: p.kept.codeVerifier },
    fetchImpl,
  );
}

/**
 * CLI connect: loopback redirect + PKCE, then the code exchange, for an Outlook source (`kind`) or an
 * explicit scope list. Returns the tokens; the caller stores the refresh token encrypted and never prints it.
 */
export async function cliConnect(
  ms: MsConfig,
  what: MsKind | MsScopeChoice,
  opts: Omit<LoopbackOptions, 'authUrl'> & { loginHint?: string; fetch?: Fetch } = {},
): Promise<MsTokens> {
  const scopes: MsScopeChoice = typeof what === 'string' ? { kind: what } : what;
  const r = await loopbackAuthorize({
    ...opts,
    authUrl: (req) =>
      consentUrl(ms, {
        ...scopes,
        redirectUri: req.redirectUri,
        state: req.state,
        codeChallenge: req.pkce.challenge,
        loginHint: opts.loginHint,
      }),
  });
  return exchangeCode(
    ms,
    { ...scopes, code: r.code, redirectUri: r.redirectUri, codeVerifier: r.codeVerifier },
    opts.fetch,
  );
}

/**
 * AADSTS codes that mean "this grant is dead, the person must reconnect": 50173 (revoked, password
 * reset), 70008/700082 (expired by inactivity), 700084 (SPA lifetime), 65001 (consent missing),
 * 50076/50079 (MFA now required), 70000 (bad grant).
 */
const DEAD_GRANT = new Set([50173, 70008, 700082, 700084, 65001, 50076, 50079, 70000, 54005]);

async function tokenPost(ms: MsConfig, form: URLSearchParams, fetchImpl: Fetch): Promise<MsTokens> {
  if (ms.clientSecret) form.set('client_secret', ms.clientSecret);
  let res: Response;
  try {
    res = await fetchImpl(`${tenantUrl(ms)}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
  } catch (err) {
    throw new ConnectorError('unavailable', 'Microsoft token endpoint unreachable', { cause: err });
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok && typeof body.access_token === 'string') {
    return {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
      expiresAt: Date.now() + Number(body.expires_in ?? 3600) * 1000,
      scope: typeof body.scope === 'string' ? body.scope : '',
    };
  }
  // Never echo the response verbatim: keep the error name and AADSTS codes only (no tokens, no hints).
  const error = typeof body.error === 'string' ? body.error : `http-${res.status}`;
  const codes = Array.isArray(body.error_codes) ? (body.error_codes as number[]) : [];
  const cause = new Error(`${error} ${codes.map((c) => `AADSTS${c}`).join(' ')}`.trim());
  if (error === 'invalid_grant' || error === 'interaction_required' || codes.some((c) => DEAD_GRANT.has(c))) {
    const grant = form.get('grant_type') === 'authorization_code' ? 'authorization code' : 'refresh token';
    throw new ConnectorError('revoked', `Microsoft refused the ${grant} (${cause.message})`, { cause });
  }
  if (res.status === 429)
    throw new ConnectorError('rate-limited', 'Microsoft token endpoint throttled', { cause });
  if (res.status >= 500)
    throw new ConnectorError('unavailable', `Microsoft token endpoint ${res.status}`, { cause });
  throw new ConnectorError('config', `Microsoft token endpoint refused the client (${cause.message})`, {
    cause,
  });
}
