/**
 * Google OAuth: the scopes we ask for (exactly these, nothing broader), the consent URL for the
 * web redirect flow and the CLI loopback flow (PKCE), code exchange, refresh-token clients and
 * revocation. Endpoints come as values (ProviderEndpoints: SIGMINE_GOOGLE_OAUTH_URL, SIGMINE_GOOGLE_AUTH_URL).
 */
import { OAuth2Client } from 'google-auth-library';
import type { ProviderEndpoints } from '../endpoints.ts';
import { loopbackAuthorize, type LoopbackOptions } from '../oauth/loopback.ts';
import { ConnectorError } from '../types.ts';
import { classifyGoogleError, toConnectorError } from './errors.ts';

const S = 'https://www.googleapis.com/auth/';

/**
 * Scopes per connection kind. Never `gmail.metadata`: a token carrying it gets 403 on
 * `format=full` even alongside gmail.readonly (provider-facts §0.1), which is also why the consent
 * URL never sets `include_granted_scopes` (it would merge older grants into the token).
 */
export const GOOGLE_SCOPES = {
  gmail: [`${S}gmail.readonly`],
  'google-calendar': [`${S}calendar.readonly`],
  'google-contacts': [`${S}contacts.readonly`, `${S}contacts.other.readonly`],
} as const satisfies Record<string, readonly string[]>;

export type GoogleKind = keyof typeof GOOGLE_SCOPES;
export const GOOGLE_KINDS = Object.keys(GOOGLE_SCOPES) as GoogleKind[];

export function scopesFor(kinds: readonly GoogleKind[]): string[] {
  return [...new Set(kinds.flatMap((k) => GOOGLE_SCOPES[k]))];
}

type GoogleConfig = Pick<ProviderEndpoints, 'google'>;

/** An OAuth2Client whose every endpoint comes from config. */
export function googleOAuthClient(config: GoogleConfig, redirectUri?: string): OAuth2Client {
  const g = config.google;
  if (!g.clientId) throw new ConnectorError('config', 'SIGMINE_GOOGLE_CLIENT_ID is not set');
  return new OAuth2Client({
    clientId: g.clientId,
    clientSecret: g.clientSecret ?? undefined,
    redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: g.authUrl,
      oauth2TokenUrl: `${g.oauthUrl}/token`,
      oauth2RevokeUrl: `${g.oauthUrl}/revoke`,
      tokenInfoUrl: `${g.oauthUrl}/tokeninfo`,
    },
  });
}

export interface ConsentOptions {
  kinds: readonly GoogleKind[];
  /** Exactly these scopes instead of the kinds' (IMAP's scope; a kind's plus what names the account). */
  scopes?: readonly string[];
  redirectUri: string;
  state: string;
  /** PKCE S256 challenge (CLI loopback flow; optional for the confidential web flow). */
  codeChallenge?: string;
  loginHint?: string;
}

/** The consent page URL: offline access (a refresh token), consent prompt, exactly our scopes. */
export function consentUrl(config: GoogleConfig, o: ConsentOptions): string {
  const url = new URL(config.google.authUrl);
  const p = url.searchParams;
  p.set('client_id', config.google.clientId ?? '');
  p.set('redirect_uri', o.redirectUri);
  p.set('response_type', 'code');
  p.set('scope', (o.scopes ?? scopesFor(o.kinds)).join(' '));
  p.set('access_type', 'offline');
  p.set('prompt', 'consent');
  p.set('state', o.state);
  if (o.codeChallenge) {
    p.set('code_challenge', o.codeChallenge);
    p.set('code_challenge_method', 'S256');
  }
  if (o.loginHint) p.set('login_hint', o.loginHint);
  return url.toString();
}

export interface GoogleGrant {
  refreshToken: string;
  /** The access token issued with it (about an hour), to ask Google who the account is; never stored. */
  accessToken: string;
  /** Scopes Google actually granted (space-separated in the token response). */
  scopes: string[];
}

/**
 * Exchanges an authorization code. Refuses grants without a refresh token, grants missing a
 * requested scope, and grants carrying gmail.metadata (which would break format=full).
 */
export async function exchangeCode(
  config: GoogleConfig,
  o: { code: string; redirectUri: string; codeVerifier?: string; kinds: readonly GoogleKind[] },
): Promise<GoogleGrant> {
  const client = googleOAuthClient(config, o.redirectUri);
  let tokens;
  try {
    ({ tokens } = await client.getToken({
      code: o.code,
      codeVerifier: o.codeVerifier,
      redirect_uri: o.redirectUri,
    }));
  } catch (err) {
    const f = classifyGoogleError(err);
    throw f.kind === 'revoked'
      ? new ConnectorError('bad-input', 'authorization code invalid or already used', { cause: err })
      : toConnectorError(f, err);
  }
  if (!tokens.refresh_token) throw new ConnectorError('bad-input', 'Google returned no refresh token');
  if (!tokens.access_token) throw new ConnectorError('bad-input', 'Google returned no access token');
  const scopes = (tokens.scope ?? '').split(/[\s,]+/).filter(Boolean);
  if (scopes.includes(`${S}gmail.metadata`)) {
    throw new ConnectorError(
      'bad-input',
      'the grant includes gmail.metadata; revoke access and connect again',
    );
  }
  const missing = scopesFor(o.kinds).filter((s) => !scopes.includes(s));
  if (scopes.length > 0 && missing.length > 0) {
    throw new ConnectorError('bad-input', `scopes not granted: ${missing.join(' ')}`);
  }
  return { refreshToken: tokens.refresh_token, accessToken: tokens.access_token, scopes };
}

/** CLI flow: loopback redirect with PKCE, prints the URL, waits for the browser, exchanges the code. */
export async function connectGoogleCli(
  config: GoogleConfig,
  kinds: readonly GoogleKind[],
  opts: Omit<LoopbackOptions, 'authUrl'> & { loginHint?: string; scopes?: readonly string[] } = {},
): Promise<GoogleGrant> {
  const { code, redirectUri, codeVerifier } = await loopbackAuthorize({
    ...opts,
    authUrl: ({ redirectUri, state, pkce }) =>
      consentUrl(config, {
        kinds,
        scopes: opts.scopes,
        redirectUri,
        state,
        codeChallenge: pkce.challenge,
        loginHint: opts.loginHint,
      }),
  });
  return exchangeCode(config, { code, redirectUri, codeVerifier, kinds });
}

/**
 * Revokes a token at Google: `POST {oauthUrl}/revoke` with a form body `token=...` (the GET form
 * is the old accounts.google.com one). Revoking the refresh token also ends its access tokens.
 * An already-invalid token (400 invalid_token) counts as revoked.
 */
export async function revokeGoogleToken(config: GoogleConfig, token: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${config.google.oauthUrl}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw new ConnectorError('unavailable', 'Google revoke endpoint unreachable', { cause: err });
  }
  if (res.ok) return;
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (res.status === 400 && (body.error === 'invalid_token' || body.error === 'invalid_grant')) return;
  throw new ConnectorError('unavailable', `Google revoke failed (${res.status} ${body.error ?? ''})`);
}
