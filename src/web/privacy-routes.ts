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
 * Split from src/web/app.ts, which composes the route groups behind the guards every request goes through.
 */
import { Hono, type Context } from 'hono';
import type { Database } from '../db/database.ts';
import type { Config } from '../config.ts';
import { exportPerson } from '../privacy/export.ts';
import { correctField, isCorrectableField, SINGLE_PIN_FIELDS, LIST_PIN_FIELDS } from '../privacy/correct.ts';
import { restrictPerson } from '../privacy/restrict.ts';
import { erasePerson } from '../privacy/erase.ts';
import { checkEmail, locatePerson } from '../privacy/locate.ts';
import { resolveOptions } from '../privacy/options.ts';
import { subjectHash } from '../privacy/subject.ts';
import { esc, openLinkView, page } from './html.ts';
import { endSession, exchangeLink, openSession, revokeSessionsOf } from './sessions.ts';
import type { WebShared } from './shared.ts';

export interface PrivacyRoutesOptions {
  database: Pick<Database, 'db' | 'dialect'>;
  config: Readonly<Config>;
  /** Sender address of link mails. */
  from?: string;
  now?: () => Date;
  shared: WebShared;
}

export function privacyRoutes(o: PrivacyRoutesOptions): Hono {
  const { db } = o.database;
  const now = o.now ?? (() => new Date());
  const secretKey = o.config.secretKey;
  const privacyOpts = { secretKey, publicUrl: o.config.publicUrl };
  const { keys, cookies, mailer, clientOf } = o.shared;
  const app = new Hono();

  /** An erasure since `since` revokes the person's privacy links and sessions (checked on every use). */
  const erasedSince = async (email: string, since: Date) => {
    const h = await subjectHash(db, email, secretKey);
    const row = await db
      .selectFrom('suppressions')
      .select('created_at')
      .where('subject_hash', '=', h)
      .executeTakeFirst();
    return Boolean(row && row.created_at >= since.toISOString());
  };

  app.get('/privacy', (c) => c.html(page('Privacy center', requestForm())));

  app.post('/privacy/link', async (c) => {
    const form = await c.req.parseBody();
    let email: string;
    try {
      email = checkEmail(String(form.email ?? ''));
    } catch {
      return c.html(
        page('Privacy center', `<p class="danger">That is not an e-mail address.</p>${requestForm()}`),
        400,
      );
    }
    await mailer.request({
      scope: 'privacy',
      email,
      client: clientOf(c),
      shouldSend: () => holdsAnything(email),
      compose: (token) => ({
        from: o.from ?? 'privacy@sigmine.local',
        subject: 'Your sigmine privacy link',
        body:
          `Someone (hopefully you) asked to see what sigmine holds about ${email}.\n\n` +
          `Open this link within one hour to see, correct, export, restrict or remove your profile:\n` +
          `${o.config.publicUrl}/privacy/me?t=${encodeURIComponent(token)}\n\n` +
          'The link works once. If you did not ask for it, ignore this message: nothing changes.\n',
        language: 'en',
        templateId: 'privacy-link/v2',
        contentHash: 'privacy-link/v2',
      }),
    });
    return c.html(
      page(
        'Check your mail',
        `<h1>Check your mail</h1><p>If we hold anything about <b>${esc(email)}</b>, a link to it is on its
        way to that address. It works for one hour.</p>`,
      ),
    );
  });

  /** The session's address, or null (no cookie, expired, revoked by an erasure). */
  const person = async (c: Context) =>
    (
      await openSession(db, keys, 'privacy', cookies.read(c, 'privacy'), {
        now: now(),
        revokedSince: erasedSince,
      })
    )?.email ?? null;

  app.get('/privacy/me', async (c) => {
    const token = c.req.query('t');
    // A mailed link: a button that exchanges it. Opening the link uses nothing up.
    if (token !== undefined)
      return c.html(
        page(
          'Your profile',
          openLinkView(
            '/privacy/open',
            token,
            'Your privacy link',
            'Continue to see what sigmine holds about you.',
          ),
        ),
      );
    const email = await person(c);
    if (!email) return c.html(page('Link expired', expiredText()), 403);
    const data = await exportPerson(db, email, { ...privacyOpts, now: now(), channel: 'web' });
    return c.html(page('Your profile', profileView(email, data, c.req.query('done'))));
  });

  app.post('/privacy/open', async (c) => {
    const form = await c.req.parseBody();
    const r = await exchangeLink(db, keys, 'privacy', String(form.t ?? ''), {
      now: now(),
      revokedSince: erasedSince,
    });
    if (!r.ok) return c.html(page('Link expired', r.reason === 'used' ? usedText() : expiredText()), 403);
    cookies.set(c, 'privacy', r.sessionId, r.expiresAt, now());
    return c.redirect('/privacy/me', 303);
  });

  app.get('/privacy/export.json', async (c) => {
    const email = await person(c);
    if (!email) return c.json({ error: 'link expired or invalid' }, 403);
    const data = await exportPerson(db, email, { ...privacyOpts, now: now(), channel: 'web' });
    c.header('Content-Disposition', 'attachment; filename="sigmine-export.json"');
    return c.json(data);
  });

  app.post('/privacy/:action{correct|restrict|unrestrict|erase|object}', async (c) => {
    const form = await c.req.parseBody();
    const email = await person(c);
    if (!email) return c.html(page('Link expired', expiredText()), 403);
    const action = c.req.param('action');
    const opts = { ...privacyOpts, now: now(), channel: 'web' };
    if (action === 'correct') {
      const field = String(form.field ?? '');
      if (!isCorrectableField(field)) return c.html(page('Bad request', '<p>Unknown field.</p>'), 400);
      await correctField(db, email, field, String(form.value ?? ''), opts);
    } else if (action === 'restrict' || action === 'unrestrict') {
      await restrictPerson(db, email, { ...opts, lift: action === 'unrestrict' });
    } else {
      await erasePerson(o.database, email, action === 'object' ? 'object' : 'erase', opts);
      // Nothing is left to see: this session and every other one of the person end now.
      await endSession(db, keys, cookies.read(c, 'privacy'));
      await revokeSessionsOf(db, keys, email, 'privacy');
      cookies.clear(c, 'privacy');
      return c.html(
        page(
          'Removed',
          `<h1>Removed</h1><p>Your profile was deleted and your address is on our suppression list, so no later
          harvest adds it again. We keep only a keyed hash of the address for that purpose.</p>`,
        ),
      );
    }
    return c.redirect(`/privacy/me?done=${action}`, 303);
  });

  async function holdsAnything(email: string): Promise<boolean> {
    const p = await locatePerson(db, email, resolveOptions(privacyOpts).policy, secretKey);
    return p.profileIds.length > 0;
  }

  return app;
}

function requestForm(): string {
  return `<h1>Privacy center</h1>
  <p>Enter your e-mail address. If sigmine holds a profile for it, we send a link to that address; with it you
  can see everything we hold, correct it, download it, restrict it or have it removed for good.</p>
  <form method="post" action="/privacy/link"><label>E-mail <input type="email" name="email" required
  autocomplete="email"></label> <button type="submit">Send me a link</button></form>`;
}

function expiredText(): string {
  return `<h1>This link has expired</h1><p>Links work for one hour. <a href="/privacy">Ask for a new one</a>.</p>`;
}

function usedText(): string {
  return `<h1>This link was already used</h1><p>A link works once. <a href="/privacy">Ask for a new one</a>.</p>`;
}

const DONE: Record<string, string> = {
  correct: 'Your correction is saved. It beats anything a later harvest sees.',
  restrict: 'Your profile is restricted: hidden from the directory and frozen.',
  unrestrict: 'The restriction is lifted.',
};

function profileView(email: string, data: Record<string, unknown>, done?: string): string {
  const profiles = (data.profiles as Array<Record<string, any>> | undefined) ?? [];
  const FIELDS = [
    'name',
    'title',
    'department',
    'company',
    'address',
    'phones',
    'emails',
    'websites',
    'social',
  ];
  const rows = profiles
    .map((p) => {
      const fieldRows = FIELDS.map(
        (k) => `<tr><th>${esc(k)}</th><td data-field="${k}">${esc(fmt(p[k]))}</td></tr>`,
      ).join('');
      const provenance = ((p.provenance ?? []) as Array<Record<string, unknown>>)
        .map(
          (r) =>
            `<tr><td>${esc(r.field)}</td><td>${esc(r.value)}</td><td>${esc(r.source)}</td><td>${esc(day(r.firstSeen))}</td>` +
            `<td>${esc(day(r.lastSeen))}</td><td>${esc(r.corroboration)}</td></tr>`,
        )
        .join('');
      const jobs = ((p.jobHistory ?? []) as Array<Record<string, any>>)
        .map(
          (j) =>
            `<li>${esc(day(j.changedAt))}: ${esc(j.from?.title)} ${esc(j.from?.company)} → ${esc(j.to?.title)} ${esc(j.to?.company)}</li>`,
        )
        .join('');
      const pub = p.publication as Record<string, unknown> | null;
      return `<table><tr><th>status</th><td data-testid="status">${esc(p.status)}</td></tr>${fieldRows}
        <tr><th>first / last seen</th><td>${esc(day(p.firstSeen))} / ${esc(day(p.lastSeen))}</td></tr>
        ${pub ? `<tr><th>jurisdiction</th><td>${esc(fmt(pub.jurisdiction))}</td></tr>` : ''}</table>
        <h2>Where each value comes from</h2>
        <table><tr><th>field</th><th>value</th><th>source</th><th>first seen</th><th>last seen</th><th>members who saw it</th></tr>${provenance}</table>
        ${jobs ? `<h2>Job history</h2><ul>${jobs}</ul>` : ''}`;
    })
    .join('');
  const fieldOptions = [...SINGLE_PIN_FIELDS, ...LIST_PIN_FIELDS]
    .map((f) => `<option>${f}</option>`)
    .join('');
  return `<h1>What sigmine holds about ${esc(email)}</h1>
  ${done && DONE[done] ? `<p class="flash">${esc(DONE[done])}</p>` : ''}
  ${rows || '<p>We hold no profile for this address.</p>'}
  <p class="note">Where it comes from: business e-mail signatures and headers, calendars and address books
  observed by members of our contributor network. We never say which member.</p>
  <p><a href="/privacy/export.json" download>Download everything as JSON</a></p>
  <h2>Correct a field</h2>
  <form method="post" action="/privacy/correct"><select name="field">${fieldOptions}</select>
  <input name="value" placeholder="correct value (empty: none)"> <button type="submit">Save correction</button></form>
  <h2>Restrict or remove</h2>
  <form class="inline" method="post" action="/privacy/restrict"><button type="submit">Restrict (hide and freeze)</button></form>
  <form class="inline" method="post" action="/privacy/unrestrict"><button type="submit">Lift restriction</button></form>
  <form class="inline" method="post" action="/privacy/erase"><button type="submit" class="danger">Remove my profile</button></form>
  <form class="inline" method="post" action="/privacy/object"><button type="submit" class="danger">Object to being listed</button></form>`;
}

const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : '');

function fmt(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(fmt).filter(Boolean).join('; ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('value' in o) return fmt(o.value);
    if ('raw' in o) return `${String(o.raw)}${o.type ? ` (${String(o.type)})` : ''}`;
    return JSON.stringify(v);
  }
  return String(v);
}
