/**
 * The member area: a community member signs in with an e-mailed link, sees their connections and credits,
 * connects Google or Microsoft sources through the web redirect OAuth flow (state and PKCE verifier kept in
 * a signed, HttpOnly cookie between the two legs), previews what a connection would share (a dry-run
 * harvest: nothing stored), and opts out (collection stops, tokens revoked at the provider, credits end).
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getSignedCookie, setSignedCookie, deleteCookie } from 'hono/cookie';
import type { Database } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { NoticeTransport } from '../notices/transport.ts';
import type { ConnectorFactory } from '../../connectors/types.ts';
import { keyedHasher } from '../store/keyed-hash.ts';
import { balanceOf, ledgerEntries } from '../store/ledger.ts';
import { getContributorByEmail, listConnections } from '../connections/repository.ts';
import { registerConnection } from '../connections/register.ts';
import { optOutContributor } from '../connections/opt-out.ts';
import { secretKeyFrom } from '../secrets/index.ts';
import { checkEmail } from '../privacy/locate.ts';
import { pkcePair } from '../oauth/loopback.ts';
import { holderId, previewConnection } from '../harvest/index.ts';
import { silentLogger, noProgress } from '../log.ts';
import { signLink, verifyLink } from './links.ts';
import { esc, page } from './html.ts';

export interface MemberAppOptions {
  database: Pick<Database, 'db' | 'dialect'>;
  config: Readonly<Config>;
  transport: NoticeTransport;
  from?: string;
  now?: () => Date;
  /** Demo mode: secrets encrypted with the generated demo key. */
  demo?: boolean;
  factoryFor?: (kind: string) => Promise<ConnectorFactory>;
}

const PROVIDERS = {
  google: ['gmail', 'google-calendar', 'google-contacts'],
  microsoft: ['outlook', 'outlook-calendar', 'outlook-contacts'],
} as const;
type Provider = keyof typeof PROVIDERS;

const OAUTH_COOKIE = 'sigmine_oauth';
/** Ten minutes to go through a consent page and come back. */
const OAUTH_TTL_MS = 10 * 60_000;

interface OAuthState {
  provider: Provider;
  kind: string;
  email: string;
  state: string;
  verifier: string;
  x: number;
}

export function memberRoutes(o: MemberAppOptions): Hono {
  const { db } = o.database;
  const now = o.now ?? (() => new Date());
  const secretKey = o.config.secretKey;
  const app = new Hono();
  const cookieSecret = async () => (await keyedHasher(db, 'sigmine/web-cookie/v1', secretKey))('cookie-key');
  const member = (_c: Context, t: string | undefined) =>
    verifyLink(db, t, { secretKey, now: now(), scope: 'member' }).then((email) => {
      if (!email) throw new LinkExpired();
      return email;
    });
  const key = () => secretKeyFrom(o.config, { demo: o.demo, warn: () => {} });
  const redirectUri = (p: Provider) => `${o.config.publicUrl}/oauth/${p}/callback`;

  app.onError((err, c) => {
    if (err instanceof LinkExpired) {
      return c.html(page('Link expired', `<h1>This link has expired</h1><p><a href="/member">Ask for a new one</a>.</p>`), 403);
    }
    const e = err as Error & { code?: string };
    return c.html(page('Something went wrong', `<h1>That did not work</h1><p>${esc(e.code ?? 'error')}: ${esc(e.message)}</p>`), 400);
  });

  app.get('/member', (c) => c.html(page('Members', signInForm())));

  app.post('/member/link', async (c) => {
    const form = await c.req.parseBody();
    let email: string;
    try {
      email = checkEmail(String(form.email ?? ''));
    } catch {
      return c.html(page('Members', `<p class="danger">That is not an e-mail address.</p>${signInForm()}`), 400);
    }
    const token = await signLink(db, email, { secretKey, now: now(), scope: 'member' });
    await o.transport.send({
      noticeId: `member-${now().getTime()}`,
      to: email,
      from: o.from ?? 'members@sigmine.local',
      subject: 'Sign in to sigmine',
      body: `Open this link within one hour to sign in to sigmine:\n${o.config.publicUrl}/member/home?t=${encodeURIComponent(token)}\n`,
      language: 'en',
      templateId: 'member-link/v1',
      contentHash: 'member-link/v1',
    });
    return c.html(page('Check your mail', `<h1>Check your mail</h1><p>A sign-in link is on its way to <b>${esc(email)}</b>.</p>`));
  });

  app.get('/member/home', async (c) => {
    const t = c.req.query('t') ?? '';
    const email = await member(c, t);
    const contributor = await getContributorByEmail(db, email);
    const mine = contributor ? await listConnections(db, { contributorEmail: email }) : [];
    const balance = contributor ? await balanceOf(db, contributor.id) : 0;
    const entries = contributor ? (await ledgerEntries(db, { contributorId: contributor.id })).reverse() : [];
    return c.html(page('Your account', homeView(t, email, contributor?.status ?? 'new', mine, balance, entries, c.req.query('done'))));
  });

  app.post('/member/connect/:provider{google|microsoft}', async (c) => {
    const form = await c.req.parseBody();
    const email = await member(c, String(form.t ?? ''));
    const provider = c.req.param('provider') as Provider;
    const kind = String(form.kind ?? PROVIDERS[provider][0]);
    if (!(PROVIDERS[provider] as readonly string[]).includes(kind)) throw Object.assign(new Error('unknown source'), { code: 'bad-input' });
    const contributor = await getContributorByEmail(db, email);
    if (contributor?.status === 'opted-out') throw Object.assign(new Error('this account opted out'), { code: 'opted-out' });
    const pkce = pkcePair();
    const st: OAuthState = { provider, kind, email, state: randomBytes(16).toString('base64url'), verifier: pkce.verifier, x: now().getTime() + OAUTH_TTL_MS };
    let url: string;
    if (provider === 'google') {
      const g = await import('../../connectors/google/oauth.ts');
      url = g.consentUrl(o.config, { kinds: [kind as never], redirectUri: redirectUri('google'), state: st.state, codeChallenge: pkce.challenge, loginHint: email });
    } else {
      const m = await import('../../connectors/outlook/oauth.ts');
      url = m.consentUrl(o.config.microsoft, { kind: kind as never, redirectUri: redirectUri('microsoft'), state: st.state, codeChallenge: pkce.challenge, loginHint: email });
    }
    await setSignedCookie(c, OAUTH_COOKIE, Buffer.from(JSON.stringify({ ...st, t: String(form.t) })).toString('base64url'), await cookieSecret(), {
      httpOnly: true,
      sameSite: 'Lax',
      secure: o.config.publicUrl.startsWith('https:'),
      path: '/oauth',
      maxAge: OAUTH_TTL_MS / 1000,
    });
    return c.redirect(url, 302);
  });

  app.get('/oauth/:provider{google|microsoft}/callback', async (c) => {
    const raw = await getSignedCookie(c, await cookieSecret(), OAUTH_COOKIE);
    deleteCookie(c, OAUTH_COOKIE, { path: '/oauth' });
    if (!raw) throw Object.assign(new Error('the sign-in session expired; start again from your account page'), { code: 'bad-input' });
    const st = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as OAuthState & { t: string };
    const provider = c.req.param('provider') as Provider;
    if (st.provider !== provider || st.x < now().getTime()) throw Object.assign(new Error('the sign-in session expired'), { code: 'bad-input' });
    const query = new URL(c.req.url).searchParams;
    let refreshToken: string | null;
    if (provider === 'google') {
      if (query.get('state') !== st.state) throw Object.assign(new Error('OAuth state does not match'), { code: 'bad-input' });
      if (query.get('error')) throw Object.assign(new Error(`consent not given (${query.get('error')!.slice(0, 64)})`), { code: 'revoked' });
      const g = await import('../../connectors/google/oauth.ts');
      const grant = await g.exchangeCode(o.config, { code: query.get('code') ?? '', redirectUri: redirectUri('google'), codeVerifier: st.verifier, kinds: [st.kind as never] });
      refreshToken = grant.refreshToken;
    } else {
      const m = await import('../../connectors/outlook/oauth.ts');
      const tokens = await m.completeWebConsent(o.config.microsoft, {
        kind: st.kind as never,
        redirectUri: redirectUri('microsoft'),
        query,
        kept: { state: st.state, codeVerifier: st.verifier },
      });
      refreshToken = tokens.refreshToken;
    }
    if (!refreshToken) throw Object.assign(new Error('the provider returned no refresh token'), { code: 'bad-input' });
    await registerConnection(db, { contributorEmail: st.email, kind: st.kind, account: st.email, secret: refreshToken }, key());
    return c.redirect(`/member/home?t=${encodeURIComponent(st.t)}&done=connected`, 303);
  });

  app.post('/member/preview', async (c) => {
    const form = await c.req.parseBody();
    const t = String(form.t ?? '');
    const email = await member(c, t);
    const id = String(form.connection ?? '');
    const conns = (await listConnections(db, { contributorEmail: email })).filter((x) => x.id === id);
    if (conns.length === 0) throw Object.assign(new Error('no such connection on your account'), { code: 'bad-input' });
    // From the beginning of the source, not from the saved cursor: the whole picture, nothing stored.
    const r = await previewConnection(
      { db, config: o.config, logger: silentLogger, progress: noProgress, holder: holderId(), demo: o.demo, factoryFor: o.factoryFor },
      id,
    );
    const contacts = r?.preview ?? [];
    const rows = contacts
      .map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.email)}</td><td>${esc(p.title)}</td><td>${esc(p.company)}</td><td>${esc(p.phones.join(', '))}</td></tr>`)
      .join('');
    return c.html(
      page(
        'Preview',
        `<h1>What this connection would share</h1><p>Nothing was stored. ${contacts.length} business contact(s); free-mail,
        bulk and role senders and every message body are left out.</p>
        ${r && r.status !== 'ok' ? `<p class="danger">${esc(r.status)}: ${esc(r.code ?? '')}</p>` : ''}
        <table data-testid="preview"><tr><th>name</th><th>email</th><th>title</th><th>company</th><th>phones</th></tr>${rows}</table>
        <p><a href="/member/home?t=${encodeURIComponent(t)}">Back to your account</a></p>`,
      ),
    );
  });

  app.post('/member/optout', async (c) => {
    const form = await c.req.parseBody();
    const email = await member(c, String(form.t ?? ''));
    let k: Buffer | null = null;
    try {
      k = key();
    } catch {
      k = null; // revocation is recorded as pending; the local secrets are deleted anyway
    }
    const r = await optOutContributor(db, email, { config: o.config, key: k, factoryFor: o.factoryFor, now });
    return c.html(
      page(
        'Opted out',
        `<h1>You have opted out</h1><p>Collection stopped on ${r.connections.length} connection(s), their tokens were
        revoked at the provider and deleted here, and free access ended.</p>`,
      ),
    );
  });

  return app;
}

class LinkExpired extends Error {}

function signInForm(): string {
  return `<h1>Members</h1><p>Connect a mailbox, calendar or address book, see what it would share, earn credits.</p>
  <form method="post" action="/member/link"><label>Your e-mail <input type="email" name="email" required></label>
  <button type="submit">Send me a sign-in link</button></form>`;
}

function homeView(
  t: string,
  email: string,
  status: string,
  conns: Array<{ id: string; kind: string; account: string; status: string; lastHarvestAt?: string | null }>,
  balance: number,
  entries: Array<{ kind: string; amount: number; createdAt: string }>,
  done?: string,
): string {
  const tok = `<input type="hidden" name="t" value="${esc(t)}">`;
  const rows = conns
    .map(
      (c) => `<tr><td>${esc(c.kind)}</td><td>${esc(c.account)}</td><td data-testid="conn-status">${esc(c.status)}</td>
      <td>${esc((c.lastHarvestAt ?? '').slice(0, 16))}</td><td><form class="inline" method="post" action="/member/preview">${tok}
      <input type="hidden" name="connection" value="${esc(c.id)}"><button type="submit">Preview</button></form></td></tr>`,
    )
    .join('');
  const ledger = entries
    .slice(0, 20)
    .map((e) => `<tr><td>${esc(e.createdAt.slice(0, 10))}</td><td>${esc(e.kind)}</td><td>${esc(e.amount)}</td></tr>`)
    .join('');
  const connect = (p: Provider, label: string) =>
    `<form class="inline" method="post" action="/member/connect/${p}">${tok}<select name="kind">${PROVIDERS[p]
      .map((k) => `<option>${k}</option>`)
      .join('')}</select> <button type="submit">Connect ${label}</button></form>`;
  return `<h1>${esc(email)}</h1>
  ${done === 'connected' ? '<p class="flash">Connected. The next scheduled harvest picks it up.</p>' : ''}
  <p>Account: <b>${esc(status)}</b> · Credits: <b data-testid="balance">${esc(balance)}</b></p>
  <h2>Connections</h2>
  <table><tr><th>source</th><th>account</th><th>state</th><th>last harvest</th><th></th></tr>${rows}</table>
  ${status === 'opted-out' ? '' : `<p>${connect('google', 'Google')}</p><p>${connect('microsoft', 'Microsoft')}</p>`}
  <p class="note">IMAP servers and mailbox files are connected with <code>sigmine connect</code>.</p>
  <h2>Credits</h2><table><tr><th>date</th><th>entry</th><th>credits</th></tr>${ledger}</table>
  ${status === 'opted-out' ? '' : `<h2>Opt out</h2><form method="post" action="/member/optout">${tok}<button type="submit" class="danger">Stop collection and revoke access</button></form>`}`;
}
