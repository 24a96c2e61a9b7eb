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
import type { Database } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { NoticeTransport } from '../notices/transport.ts';
import type { ConnectorFactory } from '../../connectors/types.ts';
import { CONSENT_PROVIDERS, type ConsentProvider } from '../../connectors/registry.ts';
import { balanceOf, ledgerEntries } from '../store/ledger.ts';
import { DEFAULT_CREDIT_POLICY } from '../credits/policy.ts';
import { creditKindWords, creditSummary, howCreditsWork } from './credit-words.ts';
import { getContributorByEmail, listConnections } from '../connections/repository.ts';
import { optOutContributor, type RevocationOutcome } from '../connections/opt-out.ts';
import type { SealKey } from '../secrets/index.ts';
import { checkEmail } from '../privacy/locate.ts';
import { holderId, previewConnection } from '../harvest/index.ts';
import { silentLogger, noProgress } from '../log.ts';
import { esc, page } from './html.ts';
import { openLinkView } from './views/open-link.tsx';
import { excludeButtonsView } from './views/exclusions.tsx';
import { contributionView, disconnectLinkView } from './views/dashboard.tsx';
import { memberContribution } from '../privacy/member-contribution.ts';
import { resolveOptions } from '../privacy/options.ts';
import { getDomain } from 'tldts';
import { exchangeLink } from './sessions.ts';
import type { WebShared } from './shared.ts';
import { memberEnv, PROVIDER_IDS, PROVIDERS, type MemberEnv } from './member-env.ts';
import { finishConnect, startConnect } from './member-oauth.ts';

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

export function memberRoutes(o: MemberAppOptions & { shared: WebShared }): Hono {
  const env = memberEnv(o);
  const app = new Hono();
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
  app.post('/member/link', (c) => mailSignInLink(env, c));
  app.post('/member/open', (c) => openSignInLink(env, c));
  app.get('/member/home', (c) => showHome(env, c));
  app.post(`/member/connect/:provider{${PROVIDER_IDS}}`, (c) => startConnect(env, c));
  app.get(`/oauth/:provider{${PROVIDER_IDS}}/callback`, (c) => finishConnect(env, c));
  app.post('/member/preview', (c) => showPreview(env, c));
  // Opting out forfeits every credit and revokes access: a page first says exactly that, with the numbers.
  app.get('/member/optout', (c) => confirmOptOut(env, c));
  app.post('/member/optout', (c) => optOut(env, c));
  return app;
}

/** `POST /member/link`: a sign-in link mailed to the address given. */
async function mailSignInLink(env: MemberEnv, c: Context): Promise<Response> {
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
  const { o } = env;
  // Rate-limited per address and client, and queued: the same page, at once, whatever happens.
  await env.mailer.request({
    scope: 'member',
    email,
    client: env.clientOf(c),
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
}

/** `POST /member/open`: a mailed link exchanged (once) for a session cookie. */
async function openSignInLink(env: MemberEnv, c: Context): Promise<Response> {
  const form = await c.req.parseBody();
  const r = await exchangeLink(env.db, env.keys, 'member', String(form.t ?? ''), { now: env.now() });
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
  env.cookies.set(c, 'member', r.sessionId, r.expiresAt, env.now());
  return c.redirect('/member/home', 303);
}

/** `GET /member/home`: connections, credits and the sources on offer; with `?t=`, the sign-in button. */
async function showHome(env: MemberEnv, c: Context): Promise<Response> {
  const t = c.req.query('t');
  // A mailed link: a button that exchanges it for a session. Opening the link uses nothing up.
  if (t !== undefined)
    return c.html(
      page('Sign in', openLinkView('/member/open', t, 'Sign in to sigmine', 'Continue to your account.')),
    );
  const { db } = env;
  const email = await env.member(c);
  const contributor = await getContributorByEmail(db, email);
  const mine = contributor ? await listConnections(db, { contributorEmail: email }) : [];
  const balance = contributor ? await balanceOf(db, contributor.id) : 0;
  const entries = contributor ? (await ledgerEntries(db, { contributorId: contributor.id })).reverse() : [];
  const offered: ConsentProvider[] = [];
  for (const p of CONSENT_PROVIDERS) if (await env.configured(p)) offered.push(p);
  const contribution = contributor ? await memberContribution(db, contributor.id) : null;
  const windowDays = resolveOptions({ secretKey: env.secretKey, publicUrl: env.o.config.publicUrl }).policy
    .objectionWindowDays;
  return c.html(
    page(
      'Your account',
      homeView(
        email,
        contributor?.status ?? 'new',
        mine,
        balance,
        entries,
        c.req.query('done'),
        offered,
        contribution ? contributionView(contribution, windowDays) : '',
      ),
    ),
  );
}

/** `POST /member/preview`: what one of the member's connections would share, from a dry run. */
async function showPreview(env: MemberEnv, c: Context): Promise<Response> {
  const { db, o } = env;
  const form = await c.req.parseBody();
  const email = await env.member(c);
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
        `<tr><td>${esc(p.name)}</td><td>${esc(p.email)}</td><td>${esc(p.title)}</td><td>${esc(p.company)}</td><td>${esc(p.phones.join(', '))}</td>
        <td>${excludeButtonsView(p.email, getDomain(p.email.split('@')[1] ?? ''))}</td></tr>`,
    )
    .join('');
  return c.html(
    page(
      'Preview',
      `<h1>What this connection would share</h1><p>Nothing was stored. ${contacts.length} business contact(s). Free-mail,
        bulk and role senders are left out from their headers alone, without downloading their text; the text of the
        other messages was read for the signature block and not kept.</p>
        ${r && r.status !== 'ok' ? `<p class="danger">${esc(r.status)}: ${esc(r.code ?? '')}</p>` : ''}
        <table data-testid="preview"><tr><th>name</th><th>email</th><th>title</th><th>company</th><th>phones</th><th>keep out of sharing</th></tr>${rows}</table>
        <p>Excluded people, domains and folders are never shared, from the next harvest on: <a href="/member/exclusions">what you keep out of sharing</a>.</p>
        <p><a href="/member/home">Back to your account</a></p>`,
    ),
  );
}

/** `GET /member/optout`: what opting out costs, with the numbers, before anything happens. */
async function confirmOptOut(env: MemberEnv, c: Context): Promise<Response> {
  const { db } = env;
  const email = await env.member(c);
  const contributor = await getContributorByEmail(db, email);
  if (contributor?.status === 'opted-out') return c.redirect('/member/home', 303);
  const mine = contributor ? await listConnections(db, { contributorEmail: email }) : [];
  const balance = contributor ? await balanceOf(db, contributor.id) : 0;
  return c.html(page('Opt out?', optOutConfirmView(mine, balance)));
}

/** `POST /member/optout`: collection stopped, access revoked or discarded, credits ended. */
async function optOut(env: MemberEnv, c: Context): Promise<Response> {
  const email = await env.member(c);
  let k: SealKey | null = null;
  try {
    k = env.key();
  } catch {
    k = null; // revocation is recorded as pending; the local secrets are deleted anyway
  }
  const r = await optOutContributor(env.db, email, {
    config: env.o.config,
    key: k,
    factoryFor: env.o.factoryFor,
    now: env.now,
  });
  const lines = r.connections
    .map(
      (x) => `<li data-testid="revocation">${esc(x.kind)} ${esc(x.account)}: ${esc(revocationText(x))}</li>`,
    )
    .join('');
  return c.html(
    page(
      'Opted out',
      `<h1>You have opted out</h1><p>Collection stopped on ${r.connections.length} connection(s) and free access
        ended. What happened to each connection's access:</p><ul>${lines}</ul>`,
    ),
  );
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
  /** What the member contributed (src/web/views/dashboard.tsx), shown before the credits. */
  contribution = '',
): string {
  const rows = conns
    .map(
      (
        c,
      ) => `<tr><td>${esc(c.kind)}</td><td>${esc(c.account)}</td><td data-testid="conn-status">${esc(c.status)}</td>
      <td>${esc((c.lastHarvestAt ?? '').slice(0, 16))}</td><td><form class="inline" method="post" action="/member/preview">
      <input type="hidden" name="connection" value="${esc(c.id)}"><button type="submit">Preview</button></form>
      ${c.status === 'active' || c.status === 'needs-reconnect' ? disconnectLinkView(c.id) : ''}</td></tr>`,
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
  ${done === 'disconnected' ? '<p class="flash">Disconnected: nothing more is read from that source.</p>' : ''}
  <p>Account: <b>${esc(status)}</b> · Credits: <b data-testid="balance">${esc(balance)}</b></p>
  <h2>Connections</h2>
  <table><tr><th>source</th><th>account</th><th>state</th><th>last harvest</th><th></th></tr>${rows}</table>
  ${status === 'opted-out' ? '' : configured.map((p) => `<p>${connect(p, p.name)}</p>`).join('')}
  <p class="note">IMAP servers and mailbox files are connected with <code>sigmine connect</code>.</p>
  <p><a href="/member/directory">Search the directory</a>: free; revealing a contact's e-mail and phones costs credits.</p>
  ${contribution}
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
