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
import { correctField, isCorrectableField } from '../privacy/correct.ts';
import { restrictPerson } from '../privacy/restrict.ts';
import { erasePerson } from '../privacy/erase.ts';
import { checkEmail, locatePerson } from '../privacy/locate.ts';
import { resolveOptions } from '../privacy/options.ts';
import { subjectHash } from '../privacy/subject.ts';
import { esc, openLinkView, page } from './html.ts';
import { confirmRemovalView, profileView } from './privacy-views.ts';
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
    // Looking is not a formal access request (only the download is): nothing is logged.
    const data = await exportPerson(db, email, { ...privacyOpts, now: now(), channel: 'web', record: false });
    const windowDays = resolveOptions(privacyOpts).policy.objectionWindowDays;
    return c.html(page('Your profile', profileView(email, data, windowDays, c.req.query('done'))));
  });

  // Removing and objecting delete the profile for good: each first shows what will happen.
  app.get('/privacy/:action{erase|object}', async (c) => {
    const email = await person(c);
    if (!email) return c.html(page('Link expired', expiredText()), 403);
    const action = c.req.param('action') as 'erase' | 'object';
    return c.html(page(action === 'erase' ? 'Remove your profile' : 'Object', confirmRemovalView(action)));
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
      const r = await correctField(db, email, field, String(form.value ?? ''), opts);
      if (r.profiles === 0)
        return c.html(
          page(
            'Not saved',
            `<h1>Correction not saved</h1><p class="danger">We hold no profile for this address (it may have been
            removed), so there was nothing to correct.</p><p><a href="/privacy/me">Back</a></p>`,
          ),
          409,
        );
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
