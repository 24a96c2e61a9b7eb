/**
 * The member area's web OAuth flow (see src/web/member.ts for the rules it keeps): starting a connect at
 * the provider's consent page, and its callback, which stores the connection or refuses with a page
 * saying why and storing nothing.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../errors.ts';
import type { ConsentProvider } from '../../connectors/registry.ts';
import { getContributorByEmail } from '../connections/repository.ts';
import { registerConnection } from '../connections/register.ts';
import { pkcePair } from '../../connectors/oauth/loopback.ts';
import {
  OAUTH_TTL_MS,
  consumeOAuthFlow,
  isBrowserNonce,
  newBrowserNonce,
  startOAuthFlow,
  type OAuthFlow,
  type OAuthProvider,
} from '../connections/oauth-flows.ts';
import { connectRefusedPage, notAvailablePage } from './views/member-connect.tsx';
import { memberEnv, memberErrorResponse, PROVIDER_IDS, PROVIDERS, type MemberEnv } from './member-env.ts';
import type { MemberAppOptions } from './member.ts';
import type { WebShared } from './shared.ts';

/** The browser nonce cookie; `__Host-sigmine_oauth` on https (RFC 6265bis §4.1.3.2: Secure, path /, no Domain). */
const OAUTH_COOKIE = 'sigmine_oauth';

/** A refused OAuth callback's page, with its status. */
type Refuse = (status: 400 | 502, title: string, why: string) => Promise<Response>;

/**
 * The `oauth` sub-app, mounted at /oauth by src/web/app.ts: `GET /oauth/{provider}/callback`, where a
 * provider sends the member back after its consent page.
 */
export function oauthRoutes(o: MemberAppOptions & { shared: WebShared }): Hono {
  const env = memberEnv(o);
  const app = new Hono();
  app.onError(memberErrorResponse);
  app.get(`/:provider{${PROVIDER_IDS}}/callback`, (c) => finishConnect(env, c));
  return app;
}

/** `POST /member/connect/{provider}`: a new flow, then a redirect to the provider's consent page. */
export async function startConnect(env: MemberEnv, c: Context): Promise<Response> {
  const form = await c.req.parseBody();
  const email = await env.member(c);
  const provider = PROVIDERS.get(c.req.param('provider') ?? '')!;
  // Without a client id the provider's consent page can only fail: say so here instead of sending the member there.
  if (!(await env.configured(provider))) {
    return c.html(notAvailablePage(provider.name), 404);
  }
  const kind = String(form.kind ?? provider.kinds[0]);
  if (!provider.kinds.includes(kind)) throw new AppError('bad-input', 'unknown source');
  const contributor = await getContributorByEmail(env.db, email);
  if (contributor?.status === 'opted-out') throw new AppError('opted-out', 'this account opted out');
  const pkce = pkcePair();
  // One nonce per browser, reused by every flow it starts (two tabs must not undo each other).
  const held = getCookie(c, OAUTH_COOKIE, env.secure ? 'host' : undefined);
  const nonce = isBrowserNonce(held) ? held : newBrowserNonce();
  const flow: OAuthFlow = { provider: provider.id as OAuthProvider, kind, email, verifier: pkce.verifier };
  const state = await startOAuthFlow(env.db, flow, nonce, {
    secretKey: env.secretKey,
    box: env.key(),
    now: env.now(),
  });
  const consent = await env.consentOf(kind);
  const url = consent.consentUrl(env.endpoints, {
    redirectUri: env.redirectUri(provider),
    state,
    codeChallenge: pkce.challenge,
    loginHint: email,
  });
  // SameSite=Lax: sent on the provider's top-level redirect back to the callback, not on cross-site posts.
  setCookie(c, OAUTH_COOKIE, nonce, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: env.secure,
    path: '/',
    maxAge: OAUTH_TTL_MS / 1000,
    ...(env.secure ? ({ prefix: 'host' } as const) : {}),
  });
  return c.redirect(url, 302);
}

/** `GET /oauth/{provider}/callback`: the provider's answer, stored as a connection or refused. */
export async function finishConnect(env: MemberEnv, c: Context): Promise<Response> {
  const provider = PROVIDERS.get(c.req.param('provider') ?? '')!;
  const view = { back: false };
  const refuse: Refuse = async (status, title, why) =>
    c.html(connectRefusedPage(title, why, view.back), status);
  const query = new URL(c.req.url).searchParams;
  const st = await takeFlow(env, c, provider, query, view, refuse);
  if (st instanceof Response) return st;
  view.back = true;
  const answer = await exchangeAnswer(env, provider, st, query, refuse);
  if (answer instanceof Response) return answer;
  await registerConnection(
    env.db,
    { contributorEmail: st.email, kind: st.kind, account: answer.account, secret: answer.refreshToken },
    env.key(),
  );
  return c.redirect('/member/home?done=connected', 303);
}

/**
 * The flow this callback answers, taken once: refused when this browser has no nonce, the state is not
 * one it started, or the flow expired or was already answered. `view.back` is set once the flow is known
 * to be the member's (the refusal page then links back to their account).
 */
async function takeFlow(
  env: MemberEnv,
  c: Context,
  provider: ConsentProvider,
  query: URLSearchParams,
  view: { back: boolean },
  refuse: Refuse,
): Promise<OAuthFlow | Response> {
  // The cookie stays: other tabs' flows in this browser still need it; it expires with the last one.
  const nonce = getCookie(c, OAUTH_COOKIE, env.secure ? 'host' : undefined);
  const unmatched = `The answer from ${provider.name} does not match the connect request this browser started, so it was refused.`;
  if (!isBrowserNonce(nonce))
    return refuse(
      400,
      'Connect request expired',
      `This connect request has expired or was started in another browser.`,
    );
  const state = query.get('state') ?? '';
  if (!state || state.length > 512) return refuse(400, 'Connect request refused', unmatched);
  // One use per flow, whatever the outcome, on every process: a replayed redirect (same URL, same cookie)
  // never reaches the token endpoint again.
  const taken = await consumeOAuthFlow(env.db, provider.id as OAuthProvider, state, nonce, {
    secretKey: env.secretKey,
    box: env.key(),
    now: env.now(),
  });
  if (taken.ok) return taken.flow;
  if (taken.reason === 'unknown' || taken.reason === 'other-browser')
    return refuse(400, 'Connect request refused', unmatched);
  view.back = true;
  if (taken.reason === 'expired')
    return refuse(
      400,
      'Connect request expired',
      `This connect request has expired: it works for ten minutes.`,
    );
  return refuse(
    400,
    'Connect request already used',
    `This answer from ${provider.name} was already used: a connect request works only once.`,
  );
}

/**
 * The provider's answer turned into a refresh token and the account it grants: refused on an `error=`
 * answer, a missing code, a failed code exchange, no refresh token, or no account.
 */
async function exchangeAnswer(
  env: MemberEnv,
  provider: ConsentProvider,
  st: OAuthFlow,
  query: URLSearchParams,
  refuse: Refuse,
): Promise<{ refreshToken: string; account: string } | Response> {
  const name = provider.name;
  // RFC 6749 §4.1.2.1: the person declined (access_denied) or the provider refused the request. Only the
  // error code is shown: error_description is provider text we do not vouch for.
  const error = query.get('error');
  if (error) {
    const what =
      error === 'access_denied'
        ? `You did not give sigmine access at ${name}`
        : `${name} did not grant access`;
    return refuse(400, 'Not connected', `${what} (${error.slice(0, 64)}).`);
  }
  const code = query.get('code');
  if (!code) return refuse(400, 'Not connected', `${name} sent no authorization code.`);
  try {
    const consent = await env.consentOf(st.kind);
    const grant = await consent.exchangeCode(
      env.endpoints,
      { code, redirectUri: env.redirectUri(provider), codeVerifier: st.verifier },
      env.o.fetch,
    );
    if (!grant.refreshToken) return refuse(502, 'Not connected', `${name} returned no refresh token.`);
    const account = await consent.account(env.endpoints, grant.accessToken, env.o.fetch);
    return { refreshToken: grant.refreshToken, account };
  } catch (err) {
    // Connector errors carry the provider's error name (and AADSTS codes), never a token; bounded anyway.
    return refuse(
      502,
      'Not connected',
      `${name} did not complete the connection: ${String((err as Error).message).slice(0, 200)}.`,
    );
  }
}
