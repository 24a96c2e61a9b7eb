/**
 * The member area: a community member signs in with an e-mailed link (exchanged once for a session cookie,
 * src/web/sessions.ts; the sign-in form is rate-limited and queued like the privacy center's), sees their
 * connections and credits, connects Google or Microsoft sources through the web redirect OAuth flow,
 * previews what a connection would share (a dry-run harvest: nothing stored), and opts out (collection
 * stops, tokens revoked at the provider where it has a revoke endpoint (Google) and discarded where it has
 * none (Microsoft), credits end).
 *
 * The connection's account is the one the member consented to at the provider, asked of the provider after
 * the code exchange (Gmail profile, primary calendar, People `people/me`, Graph `/me`), not the address
 * they signed in with: a member signed in as ann@home.example may connect ann@acme.example's mailbox.
 *
 * Pending OAuth flows live in the database (src/web/oauth-flows.ts), so any `sigmine serve` process behind
 * a load balancer can answer a callback and a replay is refused on all of them. The browser holds only a
 * random nonce in an HttpOnly cookie (`__Host-` on https, so a sibling subdomain cannot plant one), one per
 * browser and reused by every flow it starts: connects started in two tabs both complete, and a callback
 * opened in another browser is refused.
 *
 * The OAuth callback refuses, with a page saying why and storing nothing: a missing or expired cookie, a
 * `state` this browser did not start (forged, or another browser's), a flow already answered once (replay,
 * on any process), an expired flow, an `error=` answer (declined consent), a failed code exchange at the
 * token endpoint, and a provider that does not say whose account it is.
 */
import { AppError } from '../errors.ts';
import { errorResponse, httpStatusOf } from './error-status.ts';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Database } from '../db/database.ts';
import { providerEndpoints, type Config } from '../config.ts';
import type { NoticeTransport } from '../notices/transport.ts';
import type { ConnectorFactory } from '../../connectors/types.ts';
import {
  CONSENT_PROVIDERS,
  connectorConsent,
  connectorFactory,
  type ConsentProvider,
} from '../../connectors/registry.ts';
import { balanceOf, ledgerEntries } from '../store/ledger.ts';
import { DEFAULT_CREDIT_POLICY } from '../credits/policy.ts';
import { creditKindWords, creditSummary, howCreditsWork } from './credit-words.ts';
import { getContributorByEmail, listConnections } from '../connections/repository.ts';
import { registerConnection } from '../connections/register.ts';
import { optOutContributor, type RevocationOutcome } from '../connections/opt-out.ts';
import { secretKeyFrom, type SealKey } from '../secrets/index.ts';
import { checkEmail } from '../privacy/locate.ts';
import { pkcePair } from '../../connectors/oauth/loopback.ts';
import { holderId, previewConnection } from '../harvest/index.ts';
import { silentLogger, noProgress } from '../log.ts';
import {
  OAUTH_TTL_MS,
  consumeOAuthFlow,
  isBrowserNonce,
  newBrowserNonce,
  startOAuthFlow,
  type OAuthFlow,
  type OAuthProvider,
} from './oauth-flows.ts';
import { esc, openLinkView, page } from './html.ts';
import { exchangeLink, openSession } from './sessions.ts';
import type { WebShared } from './shared.ts';

export interface MemberAppOptions {
  database: Pick<Database, 'db' | 'dialect'>;
  config: Readonly<Config>;
  transport: NoticeTransport;
  from?: string;
  now?: () => Date;
  /** Demo mode: secrets encrypted with the generated demo key. */
  demo?: boolean;
  factoryFor?: (kind: string) => Promise<ConnectorFactory>;
  /** HTTP transport to the Microsoft token endpoint (default: global fetch); tests pass one trusting their CA. */
  fetch?: typeof fetch;
}

/** Providers by route id (`/member/connect/{id}`, `/oauth/{id}/callback`), from the connector registry. */
const PROVIDERS = new Map(CONSENT_PROVIDERS.map((p) => [p.id, p]));
/** The route parameter's pattern: exactly the registry's provider ids. */
const PROVIDER_IDS = CONSENT_PROVIDERS.map((p) => p.id).join('|');

/** The browser nonce cookie; `__Host-sigmine_oauth` on https (RFC 6265bis §4.1.3.2: Secure, path /, no Domain). */
const OAUTH_COOKIE = 'sigmine_oauth';

export function memberRoutes(o: MemberAppOptions & { shared: WebShared }): Hono {
  const { db } = o.database;
  const now = o.now ?? (() => new Date());
  const secretKey = o.config.secretKey;
  const app = new Hono();
  const secure = o.config.publicUrl.startsWith('https:');
  const cookiePrefix = secure ? ({ prefix: 'host' } as const) : {};
  const { keys, cookies, mailer, clientOf } = o.shared;
  /** The signed-in member's address, from the session cookie; otherwise the "link expired" page. */
  const member = async (c: Context) => {
    const s = await openSession(db, keys, 'member', cookies.read(c, 'member'), { now: now() });
    if (!s) throw new AppError('expired', 'this link or session has expired');
    return s.email;
  };
  const key = () => secretKeyFrom(o.config, { demo: o.demo, warn: () => {} });
  const redirectUri = (p: ConsentProvider) => `${o.config.publicUrl}/oauth/${p.id}/callback`;
  const endpoints = providerEndpoints(o.config);
  const consentOf = (kind: string) => connectorConsent(kind, o.factoryFor ?? connectorFactory);
  /** A provider can be offered when its consent has what it needs (an OAuth client id). */
  const configured = async (p: ConsentProvider) => (await consentOf(p.kinds[0]!)).missing(endpoints) === null;

  app.onError((err, c) => {
    if (err instanceof AppError && err.code === 'expired') {
      return c.html(
        page('Link expired', `<h1>This link has expired</h1><p><a href="/member">Ask for a new one</a>.</p>`),
        httpStatusOf('expired'),
      );
    }
    return errorResponse(c, err);
  });

  app.get('/member', (c) => c.html(page('Members', signInForm())));

  app.post('/member/link', async (c) => {
    const form = await c.req.parseBody();
    let email: string;
    try {
      email = checkEmail(String(form.email ?? ''));
    } catch {
      return c.html(
        page('Members', `<p class="danger">That is not an e-mail address.</p>${signInForm()}`),
        400,
      );
    }
    // Rate-limited per address and client, and queued: the same page, at once, whatever happens.
    await mailer.request({
      scope: 'member',
      email,
      client: clientOf(c),
      compose: (token) => ({
        from: o.from ?? 'members@sigmine.local',
        subject: 'Sign in to sigmine',
        body:
          `Open this link within one hour to sign in to sigmine:\n${o.config.publicUrl}/member/home?t=${encodeURIComponent(token)}\n\n` +
          'The link works once. If you did not ask for it, ignore this message.\n',
        language: 'en',
        templateId: 'member-link/v2',
        contentHash: 'member-link/v2',
      }),
    });
    return c.html(
      page(
        'Check your mail',
        `<h1>Check your mail</h1><p>A sign-in link is on its way to <b>${esc(email)}</b>.</p>`,
      ),
    );
  });

  app.post('/member/open', async (c) => {
    const form = await c.req.parseBody();
    const r = await exchangeLink(db, keys, 'member', String(form.t ?? ''), { now: now() });
    if (!r.ok) {
      const why =
        r.reason === 'used'
          ? 'This sign-in link was already used: a link works once.'
          : 'Sign-in links work for one hour.';
      return c.html(
        page(
          'Link expired',
          `<h1>This link cannot be used</h1><p>${esc(why)} <a href="/member">Ask for a new one</a>.</p>`,
        ),
        403,
      );
    }
    cookies.set(c, 'member', r.sessionId, r.expiresAt, now());
    return c.redirect('/member/home', 303);
  });

  app.get('/member/home', async (c) => {
    const t = c.req.query('t');
    // A mailed link: a button that exchanges it for a session. Opening the link uses nothing up.
    if (t !== undefined)
      return c.html(
        page('Sign in', openLinkView('/member/open', t, 'Sign in to sigmine', 'Continue to your account.')),
      );
    const email = await member(c);
    const contributor = await getContributorByEmail(db, email);
    const mine = contributor ? await listConnections(db, { contributorEmail: email }) : [];
    const balance = contributor ? await balanceOf(db, contributor.id) : 0;
    const entries = contributor ? (await ledgerEntries(db, { contributorId: contributor.id })).reverse() : [];
    const offered: ConsentProvider[] = [];
    for (const p of CONSENT_PROVIDERS) if (await configured(p)) offered.push(p);
    return c.html(
      page(
        'Your account',
        homeView(email, contributor?.status ?? 'new', mine, balance, entries, c.req.query('done'), offered),
      ),
    );
  });

  app.post(`/member/connect/:provider{${PROVIDER_IDS}}`, async (c) => {
    const form = await c.req.parseBody();
    const email = await member(c);
    const provider = PROVIDERS.get(c.req.param('provider'))!;
    // Without a client id the provider's consent page can only fail: say so here instead of sending the member there.
    if (!(await configured(provider))) {
      return c.html(
        page(
          'Not available',
          `<h1>${esc(provider.name)} sources are not available here</h1><p>This sigmine has no
        ${esc(provider.name)} sign-in configured, so nothing was started. <a href="/member/home">Back to your account</a>.</p>`,
        ),
        404,
      );
    }
    const kind = String(form.kind ?? provider.kinds[0]);
    if (!provider.kinds.includes(kind)) throw new AppError('bad-input', 'unknown source');
    const contributor = await getContributorByEmail(db, email);
    if (contributor?.status === 'opted-out') throw new AppError('opted-out', 'this account opted out');
    const pkce = pkcePair();
    // One nonce per browser, reused by every flow it starts (two tabs must not undo each other).
    const held = getCookie(c, OAUTH_COOKIE, secure ? 'host' : undefined);
    const nonce = isBrowserNonce(held) ? held : newBrowserNonce();
    const flow: OAuthFlow = { provider: provider.id as OAuthProvider, kind, email, verifier: pkce.verifier };
    const state = await startOAuthFlow(db, flow, nonce, { secretKey, box: key(), now: now() });
    const consent = await consentOf(kind);
    const url = consent.consentUrl(endpoints, {
      redirectUri: redirectUri(provider),
      state,
      codeChallenge: pkce.challenge,
      loginHint: email,
    });
    // SameSite=Lax: sent on the provider's top-level redirect back to the callback, not on cross-site posts.
    setCookie(c, OAUTH_COOKIE, nonce, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      maxAge: OAUTH_TTL_MS / 1000,
      ...cookiePrefix,
    });
    return c.redirect(url, 302);
  });

  app.get(`/oauth/:provider{${PROVIDER_IDS}}/callback`, async (c) => {
    const provider = PROVIDERS.get(c.req.param('provider'))!;
    const name = provider.name;
    // The cookie stays: other tabs' flows in this browser still need it; it expires with the last one.
    const nonce = getCookie(c, OAUTH_COOKIE, secure ? 'host' : undefined);
    let back = false;
    const refuse = (status: 400 | 502, title: string, why: string) =>
      c.html(page(title, refusedView(title, why, back)), status);
    const unmatched = `The answer from ${name} does not match the connect request this browser started, so it was refused.`;
    if (!isBrowserNonce(nonce))
      return refuse(
        400,
        'Connect request expired',
        `This connect request has expired or was started in another browser.`,
      );
    const query = new URL(c.req.url).searchParams;
    const state = query.get('state') ?? '';
    if (!state || state.length > 512) return refuse(400, 'Connect request refused', unmatched);
    // One use per flow, whatever the outcome, on every process: a replayed redirect (same URL, same cookie)
    // never reaches the token endpoint again.
    const taken = await consumeOAuthFlow(db, provider.id as OAuthProvider, state, nonce, {
      secretKey,
      box: key(),
      now: now(),
    });
    if (!taken.ok) {
      if (taken.reason === 'unknown' || taken.reason === 'other-browser')
        return refuse(400, 'Connect request refused', unmatched);
      back = true;
      if (taken.reason === 'expired')
        return refuse(
          400,
          'Connect request expired',
          `This connect request has expired: it works for ten minutes.`,
        );
      return refuse(
        400,
        'Connect request already used',
        `This answer from ${name} was already used: a connect request works only once.`,
      );
    }
    const st = taken.flow;
    back = true;
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
    let refreshToken: string;
    let account: string;
    try {
      const consent = await consentOf(st.kind);
      const grant = await consent.exchangeCode(
        endpoints,
        { code, redirectUri: redirectUri(provider), codeVerifier: st.verifier },
        o.fetch,
      );
      if (!grant.refreshToken) return refuse(502, 'Not connected', `${name} returned no refresh token.`);
      refreshToken = grant.refreshToken;
      account = await consent.account(endpoints, grant.accessToken, o.fetch);
    } catch (err) {
      // Connector errors carry the provider's error name (and AADSTS codes), never a token; bounded anyway.
      return refuse(
        502,
        'Not connected',
        `${name} did not complete the connection: ${String((err as Error).message).slice(0, 200)}.`,
      );
    }
    await registerConnection(
      db,
      { contributorEmail: st.email, kind: st.kind, account, secret: refreshToken },
      key(),
    );
    return c.redirect('/member/home?done=connected', 303);
  });

  app.post('/member/preview', async (c) => {
    const form = await c.req.parseBody();
    const email = await member(c);
    const id = String(form.connection ?? '');
    const conns = (await listConnections(db, { contributorEmail: email })).filter((x) => x.id === id);
    if (conns.length === 0) throw new AppError('bad-input', 'no such connection on your account');
    // From the beginning of the source, not from the saved cursor: the whole picture, nothing stored.
    const r = await previewConnection(
      {
        db,
        config: o.config,
        logger: silentLogger,
        progress: noProgress,
        holder: holderId(),
        demo: o.demo,
        factoryFor: o.factoryFor,
      },
      id,
    );
    const contacts = r?.preview ?? [];
    const rows = contacts
      .map(
        (p) =>
          `<tr><td>${esc(p.name)}</td><td>${esc(p.email)}</td><td>${esc(p.title)}</td><td>${esc(p.company)}</td><td>${esc(p.phones.join(', '))}</td></tr>`,
      )
      .join('');
    return c.html(
      page(
        'Preview',
        `<h1>What this connection would share</h1><p>Nothing was stored. ${contacts.length} business contact(s). Free-mail,
        bulk and role senders are left out from their headers alone, without downloading their text; the text of the
        other messages was read for the signature block and not kept.</p>
        ${r && r.status !== 'ok' ? `<p class="danger">${esc(r.status)}: ${esc(r.code ?? '')}</p>` : ''}
        <table data-testid="preview"><tr><th>name</th><th>email</th><th>title</th><th>company</th><th>phones</th></tr>${rows}</table>
        <p><a href="/member/home">Back to your account</a></p>`,
      ),
    );
  });

  // Opting out forfeits every credit and revokes access: a page first says exactly that, with the numbers.
  app.get('/member/optout', async (c) => {
    const email = await member(c);
    const contributor = await getContributorByEmail(db, email);
    if (contributor?.status === 'opted-out') return c.redirect('/member/home', 303);
    const mine = contributor ? await listConnections(db, { contributorEmail: email }) : [];
    const balance = contributor ? await balanceOf(db, contributor.id) : 0;
    return c.html(page('Opt out?', optOutConfirmView(mine, balance)));
  });

  app.post('/member/optout', async (c) => {
    const email = await member(c);
    let k: SealKey | null = null;
    try {
      k = key();
    } catch {
      k = null; // revocation is recorded as pending; the local secrets are deleted anyway
    }
    const r = await optOutContributor(db, email, { config: o.config, key: k, factoryFor: o.factoryFor, now });
    const lines = r.connections
      .map(
        (x) =>
          `<li data-testid="revocation">${esc(x.kind)} ${esc(x.account)}: ${esc(revocationText(x))}</li>`,
      )
      .join('');
    return c.html(
      page(
        'Opted out',
        `<h1>You have opted out</h1><p>Collection stopped on ${r.connections.length} connection(s) and free access
        ended. What happened to each connection's access:</p><ul>${lines}</ul>`,
      ),
    );
  });

  return app;
}

/** What opting out did to one connection's access, in the member's words. */
function revocationText(r: RevocationOutcome): string {
  const provider = r.provider; // per connection: an IMAP mailbox may hold a Google or Microsoft grant, or a password
  const name = (provider && PROVIDERS.get(provider)?.name) ?? 'the provider';
  switch (r.status) {
    case 'revoked':
      return `access revoked at ${name}. The token was deleted here.`;
    case 'discarded':
      return provider === 'microsoft'
        ? "Microsoft has no revoke endpoint for an app's access. The token was deleted here and the revocation recorded; you can also remove sigmine from your Microsoft account at https://myapps.microsoft.com."
        : 'nothing to revoke at a provider (a password or local files). The stored secret was deleted here and the revocation recorded.';
    case 'pending':
      return `the token was deleted from the connection; revoking it at ${name} did not work yet (${r.errorCode ?? 'error'}) and is retried.`;
    default:
      return `revoking it at ${name} failed (${r.errorCode ?? 'error'}). The token was deleted here.`;
  }
}

/** A refused OAuth callback: what happened, that nothing was stored, and the way back. */
function refusedView(title: string, why: string, signedIn: boolean): string {
  const back = signedIn ? '/member/home' : '/member';
  return `<h1>${esc(title)}</h1><p class="danger">${esc(why)} Nothing was connected.</p>
  <p><a href="${esc(back)}">Back to your account</a> to start again.</p>`;
}

function signInForm(): string {
  return `<h1>Members</h1><p>Connect a mailbox, calendar or address book, see what it would share, earn credits.</p>
  <form method="post" action="/member/link"><label>Your e-mail <input type="email" name="email" required></label>
  <button type="submit">Send me a sign-in link</button></form>`;
}

function homeView(
  email: string,
  status: string,
  conns: Array<{ id: string; kind: string; account: string; status: string; lastHarvestAt?: string | null }>,
  balance: number,
  entries: Array<{ kind: string; amount: number; createdAt: string }>,
  done?: string,
  configured: readonly ConsentProvider[] = CONSENT_PROVIDERS,
): string {
  const rows = conns
    .map(
      (
        c,
      ) => `<tr><td>${esc(c.kind)}</td><td>${esc(c.account)}</td><td data-testid="conn-status">${esc(c.status)}</td>
      <td>${esc((c.lastHarvestAt ?? '').slice(0, 16))}</td><td><form class="inline" method="post" action="/member/preview">
      <input type="hidden" name="connection" value="${esc(c.id)}"><button type="submit">Preview</button></form></td></tr>`,
    )
    .join('');
  const ledger = entries
    .slice(0, 20)
    .map(
      (e) =>
        `<tr><td>${esc(e.createdAt.slice(0, 10))}</td><td>${esc(creditKindWords(e.kind))}</td><td>${esc(e.amount)}</td></tr>`,
    )
    .join('');
  const summary = creditSummary(entries)
    .map((l) => `<li data-testid="credit-line">${esc(l.text)}</li>`)
    .join('');
  const how = howCreditsWork(DEFAULT_CREDIT_POLICY)
    .map((x) => `<li>${esc(x)}</li>`)
    .join('');
  const connect = (p: ConsentProvider, label: string) =>
    `<form class="inline" method="post" action="/member/connect/${esc(p.id)}"><select name="kind">${p.kinds
      .map((k) => `<option>${esc(k)}</option>`)
      .join('')}</select> <button type="submit">Connect ${label}</button></form>`;
  return `<h1>${esc(email)}</h1>
  ${done === 'connected' ? '<p class="flash">Connected. The next scheduled harvest picks it up.</p>' : ''}
  <p>Account: <b>${esc(status)}</b> · Credits: <b data-testid="balance">${esc(balance)}</b></p>
  <h2>Connections</h2>
  <table><tr><th>source</th><th>account</th><th>state</th><th>last harvest</th><th></th></tr>${rows}</table>
  ${status === 'opted-out' ? '' : configured.map((p) => `<p>${connect(p, p.name)}</p>`).join('')}
  <p class="note">IMAP servers and mailbox files are connected with <code>sigmine connect</code>.</p>
  <p><a href="/member/directory">Search the directory</a>: free; revealing a contact's e-mail and phones costs credits.</p>
  <h2>Credits</h2>${summary ? `<ul>${summary}</ul>` : '<p>No credits yet.</p>'}
  <h3>How credits are earned and spent</h3><ul>${how}</ul>
  <h3>Latest entries</h3><table><tr><th>date</th><th>entry</th><th>credits</th></tr>${ledger}</table>
  ${status === 'opted-out' ? '' : `<h2>Opt out</h2><p>Stops collection, revokes sigmine's access and forfeits your credits; the next page says exactly what happens and asks you to confirm.</p><p><a class="button danger" href="/member/optout">Opt out…</a></p>`}`;
}

/** What opting out will do, with this member's numbers, and the one button that does it. */
function optOutConfirmView(
  conns: Array<{ kind: string; account: string; status: string }>,
  balance: number,
): string {
  const live = conns.filter((c) => c.status !== 'opted-out');
  const list = live.map((c) => `<li>${esc(c.kind)} ${esc(c.account)}</li>`).join('');
  return `<h1>Opt out of sigmine?</h1><p>When you confirm:</p>
  <ul>
    <li>collection stops at once on ${live.length} connection(s)${list ? `:<ul>${list}</ul>` : ''}</li>
    <li>sigmine's access is revoked: Google tokens are revoked at Google; Microsoft has no revoke endpoint, so its
    tokens are deleted here (you can also remove sigmine at https://myapps.microsoft.com); passwords and local
    mailbox settings are deleted;</li>
    <li data-testid="forfeit">you lose all <b>${esc(balance)}</b> credit(s): the balance is forfeited and does not come back;</li>
    <li>free access ends and this account cannot connect sources again.</li>
  </ul>
  <p>Contacts already in the directory stay there (they are other people's business details, not yours).</p>
  <form method="post" action="/member/optout"><button type="submit" class="danger">Yes, opt out and forfeit ${esc(balance)} credit(s)</button></form>
  <p><a href="/member/home">No, go back</a></p>`;
}
