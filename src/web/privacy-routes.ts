/**
 * The privacy center's routes: a person asks for a link to their address; if we hold anything about it, a
 * signed one-hour link is mailed there (identity verified by e-mail round trip, GDPR Art. 12(6)); the answer
 * is the same whether or not we hold data (and whether a rate limit was hit), and the mail is queued, so
 * neither the page nor its timing can be used to probe the directory. The link opens a page with one button
 * that exchanges the token, once, for a session cookie (src/web/sessions.ts); the person's data (as `sigmine
 * privacy export` shows it: source categories only, never the contributor) then opens with that session,
 * with actions to correct a field, restrict, erase or object, and a JSON download. An erasure, from here or
 * from the CLI, revokes the person's privacy sessions and unused links.
 *
 * Language: pages about a person, their link mail and its landing page are in the language of the person's
 * notice (src/web/privacy-texts.ts); pages shown before we know who asks (the request form, "check your
 * mail") follow the browser's Accept-Language only, so that their language never says whether we hold the
 * address.
 *
 * Split from src/web/app.ts, which composes the route groups behind the guards every request goes through.
 */
import { Hono, type Context } from 'hono';
import type { Database } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { PrivacyOptions } from '../privacy/options.ts';
import { exportPerson } from '../privacy/export.ts';
import { exportToVCard } from '../privacy/vcard.ts';
import { correctField, isCorrectableField } from '../privacy/correct.ts';
import { restrictPerson } from '../privacy/restrict.ts';
import { erasePerson } from '../privacy/erase.ts';
import { checkEmail, locatePerson } from '../privacy/locate.ts';
import { subjectHash } from '../privacy/subject.ts';
import { suppressedAt } from '../privacy/hooks.ts';
import {
  checkMailPage,
  confirmRemovalPage,
  expiredPage,
  notSavedPage,
  openLinkPage,
  profilePage,
  removedPage,
  requestPage,
  unknownFieldPage,
} from './views/privacy.tsx';
import { languageFromHeader, privacyTexts } from './privacy-texts.ts';
import { noticeLanguageOf } from '../notices/outbox.ts';
import { endSession, exchangeLink, openSession, revokeSessionsOf } from './sessions.ts';
import { verifyLink } from './links.ts';
import type { WebShared } from './shared.ts';
import { linkMailHash } from './link-mail.ts';

export interface PrivacyRoutesOptions {
  database: Pick<Database, 'db' | 'dialect'>;
  config: Readonly<Config>;
  /** Sender address of link mails. */
  from?: string;
  now?: () => Date;
  shared: WebShared;
}

export function privacyRoutes(o: PrivacyRoutesOptions): Hono {
  const d = privacyDeps(o);
  const app = new Hono();
  // Mounted at /privacy by src/web/app.ts: '/' is /privacy, '/me' is /privacy/me...
  app.get('/', (c) => showRequestForm(c));
  app.post('/link', (c) => requestLink(d, c));
  app.get('/me', (c) => showProfile(d, c));
  // Removing and objecting delete the profile for good: each first shows what will happen.
  app.get('/:action{erase|object}', (c) => showConfirmRemoval(d, c));
  app.post('/open', (c) => openLink(d, c));
  app.get('/export.json', (c) => exportJson(d, c));
  app.get('/export.vcf', (c) => exportVCard(d, c));
  app.post('/:action{correct|restrict|unrestrict|erase|object}', (c) => personAction(d, c));
  return app;
}

/** What every privacy route handler needs, made once per app from the options. */
interface PrivacyDeps {
  o: PrivacyRoutesOptions;
  db: PrivacyRoutesOptions['database']['db'];
  now: () => Date;
  secretKey: Config['secretKey'];
  privacyOpts: PrivacyOptions;
  shared: WebShared;
  /** An erasure since `since` revokes the person's privacy links and sessions (checked on every use). */
  erasedSince: (email: string, since: Date) => Promise<boolean>;
}

function privacyDeps(o: PrivacyRoutesOptions): PrivacyDeps {
  const { db } = o.database;
  const secretKey = o.config.secretKey;
  const erasedSince = async (email: string, since: Date) => {
    const at = await suppressedAt(db, email, secretKey);
    return at !== null && at >= since.toISOString();
  };
  return {
    o,
    db,
    now: o.now ?? (() => new Date()),
    secretKey,
    privacyOpts: { secretKey, policy: o.config.policy },
    shared: o.shared,
    erasedSince,
  };
}

const browserLanguage = (c: Context) => languageFromHeader(c.req.header('accept-language'));

/** The language of the person's notice; else the browser's. */
async function languageOf(d: PrivacyDeps, c: Context, email: string | null): Promise<string> {
  if (email) {
    const lang = await noticeLanguageOf(d.db, await subjectHash(d.db, email, d.secretKey));
    if (lang) return lang;
  }
  return browserLanguage(c);
}

/** The session's address, or null (no cookie, expired, revoked by an erasure). */
async function person(d: PrivacyDeps, c: Context): Promise<string | null> {
  const { keys, cookies } = d.shared;
  return (
    (
      await openSession(d.db, keys, 'privacy', cookies.read(c, 'privacy'), {
        now: d.now(),
        revokedSince: d.erasedSince,
      })
    )?.email ?? null
  );
}

/** The "link expired" page, in the browser's language (the session that would say whose it is is gone). */
function expired(c: Context, used = false) {
  const lang = browserLanguage(c);
  return c.html(expiredPage(privacyTexts(lang), lang, used), 403);
}

/** The person when we hold a profile for the address, else null. */
async function heldPerson(d: PrivacyDeps, email: string) {
  const p = await locatePerson(d.db, email, d.privacyOpts.policy, d.secretKey);
  return p.profileIds.length > 0 ? p : null;
}

/** GET /privacy: the form that asks for a link. */
function showRequestForm(c: Context) {
  const lang = browserLanguage(c);
  return c.html(requestPage(privacyTexts(lang), lang));
}

/** POST /privacy/link: queues a link mail if we hold the address; the answer is the same either way. */
async function requestLink(d: PrivacyDeps, c: Context) {
  const form = await c.req.parseBody();
  const lang = browserLanguage(c);
  const w = privacyTexts(lang);
  let email: string;
  try {
    email = checkEmail(String(form.email ?? ''));
  } catch {
    return c.html(requestPage(w, lang, true), 400);
  }
  let mailLanguage = 'en';
  await d.shared.mailer.request({
    scope: 'privacy',
    email,
    client: d.shared.clientOf(c),
    shouldSend: async () => {
      const held = await heldPerson(d, email);
      if (!held) return false;
      mailLanguage = (await noticeLanguageOf(d.db, held.subjectHash)) ?? lang;
      return true;
    },
    compose: (token) => linkMail(d, email, token, mailLanguage),
  });
  return c.html(checkMailPage(w, lang, email));
}

/** The link mail, in the language of the person's notice. */
function linkMail(d: PrivacyDeps, email: string, token: string, language: string) {
  const m = privacyTexts(language);
  const url = `${d.o.config.publicUrl}/privacy/me?t=${encodeURIComponent(token)}`;
  const body = m.linkMailBody(email, url);
  const templateId = 'privacy-link/v3';
  return {
    from: d.o.from ?? 'privacy@sigmine.local',
    subject: m.linkMailSubject,
    body,
    language,
    templateId,
    contentHash: linkMailHash(templateId, m.linkMailSubject, body, { token, email }),
  };
}

/** GET /privacy/me: with ?t= the button that exchanges a mailed link; else the session's data. */
async function showProfile(d: PrivacyDeps, c: Context) {
  const token = c.req.query('t');
  // A mailed link: a button that exchanges it. Opening the link uses nothing up. A genuine, fresh link names
  // its address (only its holder, the person it was mailed to, gets here with it), so the page is in their
  // notice's language, as the link mail was; a forged or expired one gets the browser's.
  if (token !== undefined) {
    const payload = verifyLink(d.shared.keys.link, token, { now: d.now(), scope: 'privacy' });
    const lang = await languageOf(d, c, payload?.e ?? null);
    return c.html(openLinkPage(privacyTexts(lang), lang, token));
  }
  const email = await person(d, c);
  if (!email) return expired(c);
  const lang = await languageOf(d, c, email);
  const w = privacyTexts(lang);
  // Looking is not a formal access request (only the download is): nothing is logged.
  const data = await exportPerson(d.db, email, {
    ...d.privacyOpts,
    now: d.now(),
    channel: 'web',
    record: false,
  });
  const windowDays = d.privacyOpts.policy.objectionWindowDays;
  return c.html(profilePage(w, lang, { email, data, windowDays, done: c.req.query('done') }));
}

/** GET /privacy/erase|object: what removal means, with the button that confirms it. */
async function showConfirmRemoval(d: PrivacyDeps, c: Context) {
  const email = await person(d, c);
  if (!email) return expired(c);
  const lang = await languageOf(d, c, email);
  const w = privacyTexts(lang);
  const action = c.req.param('action') as 'erase' | 'object';
  return c.html(confirmRemovalPage(w, lang, action));
}

/** POST /privacy/open: exchanges a mailed link, once, for a session cookie. */
async function openLink(d: PrivacyDeps, c: Context) {
  const form = await c.req.parseBody();
  const r = await exchangeLink(d.db, d.shared.keys, 'privacy', String(form.t ?? ''), {
    now: d.now(),
    revokedSince: d.erasedSince,
  });
  if (!r.ok) return expired(c, r.reason === 'used');
  d.shared.cookies.set(c, 'privacy', r.sessionId, r.expiresAt, d.now());
  return c.redirect('/privacy/me', 303);
}

/** GET /privacy/export.json: the download, logged as a formal access request. */
async function exportJson(d: PrivacyDeps, c: Context) {
  const email = await person(d, c);
  if (!email) return c.json({ error: 'link expired or invalid' }, 403);
  const data = await exportPerson(d.db, email, { ...d.privacyOpts, now: d.now(), channel: 'web' });
  c.header('Content-Disposition', 'attachment; filename="sigmine-export.json"');
  return c.json(data);
}

/** GET /privacy/export.vcf: the person's own contact data as a vCard, logged as an access request too. */
async function exportVCard(d: PrivacyDeps, c: Context) {
  const email = await person(d, c);
  if (!email) return c.json({ error: 'link expired or invalid' }, 403);
  const data = await exportPerson(d.db, email, { ...d.privacyOpts, now: d.now(), channel: 'web' });
  c.header('Content-Type', 'text/vcard; charset=utf-8');
  c.header('Content-Disposition', 'attachment; filename="sigmine-contact.vcf"');
  return c.body(exportToVCard(data));
}

/** POST /privacy/correct|restrict|unrestrict|erase|object: the person's request, then where it leaves them. */
async function personAction(d: PrivacyDeps, c: Context) {
  const form = await c.req.parseBody();
  const email = await person(d, c);
  if (!email) return expired(c);
  const lang = await languageOf(d, c, email);
  const w = privacyTexts(lang);
  const action = c.req.param('action');
  const opts = { ...d.privacyOpts, now: d.now(), channel: 'web' };
  if (action === 'correct') {
    const field = String(form.field ?? '');
    if (!isCorrectableField(field)) return c.html(unknownFieldPage(), 400);
    const r = await correctField(d.db, email, field, String(form.value ?? ''), opts);
    if (r.profiles === 0) return c.html(notSavedPage(w, lang), 409);
  } else if (action === 'restrict' || action === 'unrestrict') {
    await restrictPerson(d.db, email, { ...opts, lift: action === 'unrestrict' });
  } else {
    await erasePerson(d.o.database, email, action === 'object' ? 'object' : 'erase', {
      ...opts,
      outboxDir: d.o.config.noticeOutbox,
    });
    await endAllSessions(d, c, email);
    return c.html(removedPage(w, lang));
  }
  return c.redirect(`/privacy/me?done=${action}`, 303);
}

/** After a removal nothing is left to see: this session and every other one of the person end now. */
async function endAllSessions(d: PrivacyDeps, c: Context, email: string): Promise<void> {
  const { keys, cookies } = d.shared;
  await endSession(d.db, keys, cookies.read(c, 'privacy'));
  await revokeSessionsOf(d.db, keys, email, 'privacy');
  cookies.clear(c, 'privacy');
}
