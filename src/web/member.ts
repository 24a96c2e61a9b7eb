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
 * Pending OAuth flows live in the database (src/connections/oauth-flows.ts), so any `sigmine serve` process behind
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
import { holderId } from '../harvest/index.ts';
import { PreviewJobs } from '../harvest/preview-jobs.ts';
import { silentLogger, noProgress } from '../log.ts';
import {
  openSignInPage,
  optedOutPage,
  optOutConfirmPage,
  previewPage,
  previewProgressPage,
  signInMailedPage,
  signInPage,
  signInRefusedPage,
} from './views/member-account.tsx';
import { homePage } from './views/member-home.tsx';
import { memberContribution } from '../privacy/member-contribution.ts';
import { exchangeLink } from './sessions.ts';
import type { WebShared } from './shared.ts';
import { memberEnv, memberErrorResponse, PROVIDER_IDS, PROVIDERS, type MemberEnv } from './member-env.ts';
import { startConnect } from './member-oauth.ts';
import { linkMailHash } from './link-mail.ts';

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
  const previews = new PreviewJobs();
  const app = new Hono();
  app.onError(memberErrorResponse);
  // Mounted at /member by src/web/app.ts: '/' is /member, '/home' is /member/home...
  app.get('/', (c) => c.html(signInPage()));
  app.post('/link', (c) => mailSignInLink(env, c));
  app.post('/open', (c) => openSignInLink(env, c));
  app.get('/home', (c) => showHome(env, c));
  app.post(`/connect/:provider{${PROVIDER_IDS}}`, (c) => startConnect(env, c));
  // A preview is a job (src/harvest/preview-jobs.ts): started here, its page polls until the result is in.
  app.post('/preview', (c) => startPreview(env, previews, c));
  app.get('/preview', (c) => showPreview(env, previews, c));
  app.get('/preview/status', async (c) => {
    const s = previews.status(await env.member(c), c.req.query('job') ?? '');
    if (!s) throw new AppError('not-found', 'no such preview');
    return c.json(s);
  });
  // Opting out forfeits every credit and revokes access: a page first says exactly that, with the numbers.
  app.get('/optout', (c) => confirmOptOut(env, c));
  app.post('/optout', (c) => optOut(env, c));
  return app;
}

/** `POST /member/link`: a sign-in link mailed to the address given. */
async function mailSignInLink(env: MemberEnv, c: Context): Promise<Response> {
  const form = await c.req.parseBody();
  let email: string;
  try {
    email = checkEmail(String(form.email ?? ''));
  } catch {
    return c.html(signInPage(true), 400);
  }
  const { o } = env;
  // Rate-limited per address and client, and queued: the same page, at once, whatever happens.
  await env.mailer.request({
    scope: 'member',
    email,
    client: env.clientOf(c),
    compose: (token) => {
      const subject = 'Sign in to sigmine';
      const body =
        `Open this link within one hour to sign in to sigmine:\n${o.config.publicUrl}/member/home?t=${encodeURIComponent(token)}\n\n` +
        'The link works once. If you did not ask for it, ignore this message.\n';
      const templateId = 'member-link/v2';
      return {
        from: o.from ?? 'members@sigmine.local',
        subject,
        body,
        language: 'en',
        templateId,
        contentHash: linkMailHash(templateId, subject, body, { token }),
      };
    },
  });
  return c.html(signInMailedPage(email));
}

/** `POST /member/open`: a mailed link exchanged (once) for a session cookie. */
async function openSignInLink(env: MemberEnv, c: Context): Promise<Response> {
  const form = await c.req.parseBody();
  const r = await exchangeLink(env.db, env.keys, 'member', String(form.t ?? ''), { now: env.now() });
  if (!r.ok) return c.html(signInRefusedPage(r.reason === 'used'), 403);
  env.cookies.set(c, 'member', r.sessionId, r.expiresAt, env.now());
  return c.redirect('/member/home', 303);
}

/** `GET /member/home`: connections, credits and the sources on offer; with `?t=`, the sign-in button. */
async function showHome(env: MemberEnv, c: Context): Promise<Response> {
  const t = c.req.query('t');
  // A mailed link: a button that exchanges it for a session. Opening the link uses nothing up.
  if (t !== undefined) return c.html(openSignInPage(t));
  const { db } = env;
  const email = await env.member(c);
  const contributor = await getContributorByEmail(db, email);
  const mine = contributor ? await listConnections(db, { contributorEmail: email }) : [];
  const balance = contributor ? await balanceOf(db, contributor.id) : 0;
  const entries = contributor ? (await ledgerEntries(db, { contributorId: contributor.id })).reverse() : [];
  const offered: ConsentProvider[] = [];
  for (const p of CONSENT_PROVIDERS) if (await env.configured(p)) offered.push(p);
  const contribution = contributor ? await memberContribution(db, contributor.id) : null;
  const windowDays = env.o.config.policy.objectionWindowDays;
  return c.html(
    homePage({
      contribution,
      windowDays,
      email,
      status: contributor?.status ?? 'new',
      conns: mine,
      balance,
      entries: entries.map((e) => ({ ...e, words: creditKindWords(e.kind) })),
      summary: creditSummary(entries),
      how: howCreditsWork(DEFAULT_CREDIT_POLICY),
      done: c.req.query('done'),
      offered,
    }),
  );
}

/** `POST /member/preview`: starts the preview job of one of the member's connections (or finds theirs running). */
async function startPreview(env: MemberEnv, previews: PreviewJobs, c: Context): Promise<Response> {
  const { db, o } = env;
  const form = await c.req.parseBody();
  const email = await env.member(c);
  const id = String(form.connection ?? '');
  const conns = (await listConnections(db, { contributorEmail: email })).filter((x) => x.id === id);
  if (conns.length === 0) throw new AppError('bad-input', 'no such connection on your account');
  // From the beginning of the source, not from the saved cursor: the newest messages, nothing stored.
  const job = previews.start(
    {
      db,
      config: o.config,
      logger: silentLogger,
      progress: noProgress,
      holder: holderId(),
      demo: o.demo,
      factoryFor: o.factoryFor,
    },
    email,
    id,
  );
  return c.redirect(`/member/preview?job=${encodeURIComponent(job.id)}`, 303);
}

/** `GET /member/preview?job=ID`: the job's progress (the page reloads itself) or, once done, what it found. */
async function showPreview(env: MemberEnv, previews: PreviewJobs, c: Context): Promise<Response> {
  const email = await env.member(c);
  const jobId = c.req.query('job') ?? '';
  const s = previews.status(email, jobId);
  if (!s) throw new AppError('not-found', 'no such preview (previews are kept for 10 minutes)');
  if (s.state === 'running') return c.html(previewProgressPage(s));
  const contacts = previews.result(email, jobId) ?? [];
  const failure = s.code ? `${s.state === 'failed' ? 'failed' : 'not complete'}: ${s.code}` : null;
  return c.html(previewPage(contacts, failure, s));
}

/** `GET /member/optout`: what opting out costs, with the numbers, before anything happens. */
async function confirmOptOut(env: MemberEnv, c: Context): Promise<Response> {
  const { db } = env;
  const email = await env.member(c);
  const contributor = await getContributorByEmail(db, email);
  if (contributor?.status === 'opted-out') return c.redirect('/member/home', 303);
  const mine = contributor ? await listConnections(db, { contributorEmail: email }) : [];
  const balance = contributor ? await balanceOf(db, contributor.id) : 0;
  return c.html(optOutConfirmPage(mine, balance));
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
  const lines = r.connections.map((x) => ({ kind: x.kind, account: x.account, text: revocationText(x) }));
  return c.html(optedOutPage(lines));
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
