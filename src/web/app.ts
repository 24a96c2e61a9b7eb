/**
 * The web app: the privacy center for people in the directory, and health/metrics for operations.
 * Web-standard Request/Response (Hono); tests call `app.request(...)` without a port.
 *
 * Privacy center flow: a person asks for a link to their address; if we hold anything about it, a signed
 * one-hour link is mailed there (identity verified by e-mail round trip, GDPR Art. 12(6)); the answer is the
 * same whether or not we hold data, so the form cannot be used to probe the directory. The link opens the
 * person's data (as `sigmine privacy export` shows it: source categories only, never the contributor)
 * with actions to correct a field, restrict, erase or object, and a JSON download.
 */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { NoticeTransport } from '../notices/transport.ts';
import { exportPerson } from '../privacy/export.ts';
import { correctField, isCorrectableField, SINGLE_PIN_FIELDS, LIST_PIN_FIELDS } from '../privacy/correct.ts';
import { restrictPerson } from '../privacy/restrict.ts';
import { erasePerson } from '../privacy/erase.ts';
import { checkEmail, locatePerson } from '../privacy/locate.ts';
import { resolveOptions } from '../privacy/options.ts';
import { signLink, verifyLink } from './links.ts';
import { esc, page } from './html.ts';
import { metricsText } from './metrics.ts';
import { memberRoutes, type MemberAppOptions } from './member.ts';

export interface WebAppOptions extends Pick<MemberAppOptions, 'demo' | 'factoryFor' | 'fetch'> {
  database: Pick<Database, 'db' | 'dialect'>;
  config: Readonly<Config>;
  /** Where privacy-center link mails go (the notices' transport). */
  transport: NoticeTransport;
  /** Sender address of link mails. */
  from?: string;
  now?: () => Date;
}

/** At most this many link mails per address per hour: the form must not become a mail cannon. */
const LINKS_PER_HOUR = 3;

export function createApp(o: WebAppOptions): Hono {
  const { db } = o.database;
  const now = o.now ?? (() => new Date());
  const secretKey = o.config.secretKey;
  const privacyOpts = { secretKey, publicUrl: o.config.publicUrl };
  const sentLinks = new Map<string, number[]>();
  const app = new Hono();

  app.use('*', secureHeaders({ referrerPolicy: 'no-referrer' }));
  // Forms post only from our own pages (Origin check); tokens travel in the body, never in logs.
  app.use('*', csrf());

  app.route('/', memberRoutes(o));

  app.get('/', (c) =>
    c.html(
      page(
        'sigmine',
        `<h1>sigmine</h1><p>A directory of business contacts built from e-mail signatures that community
        members' mailboxes already hold. We read each message's headers first, and download its text only when the
        sender can still have a business signature (never for free-mail, bulk or automated senders); from that
        text we keep the signature's contact fields only. Message bodies and subjects are never stored.</p>
        <p>Members: <a href="/member">sign in</a> to connect a mailbox, preview what it shares and see your credits.</p>
        <p>Are you listed, or about to be? <a href="/privacy">See, correct, export, restrict or remove your
        profile</a>.</p>`,
      ),
    ),
  );

  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(db);
      return c.json({ ok: true, dialect: o.database.dialect });
    } catch (err) {
      return c.json({ ok: false, error: (err as Error).message }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    c.header('Content-Type', 'text/plain; version=0.0.4');
    return c.body(await metricsText(db));
  });

  app.get('/privacy', (c) => c.html(page('Privacy center', requestForm())));

  app.post('/privacy/link', async (c) => {
    const form = await c.req.parseBody();
    let email: string;
    try {
      email = checkEmail(String(form.email ?? ''));
    } catch {
      return c.html(page('Privacy center', `<p class="danger">That is not an e-mail address.</p>${requestForm()}`), 400);
    }
    const t = now();
    const recent = (sentLinks.get(email) ?? []).filter((x) => t.getTime() - x < 3_600_000);
    const held = await holdsAnything(email);
    if (held && recent.length < LINKS_PER_HOUR) {
      const token = await signLink(db, email, { secretKey, now: t });
      const url = `${o.config.publicUrl}/privacy/me?t=${encodeURIComponent(token)}`;
      await o.transport.send({
        noticeId: `link-${t.getTime()}-${Math.random().toString(36).slice(2, 8)}`,
        to: email,
        from: o.from ?? 'privacy@sigmine.local',
        subject: 'Your sigmine privacy link',
        body:
          `Someone (hopefully you) asked to see what sigmine holds about ${email}.\n\n` +
          `Open this link within one hour to see, correct, export, restrict or remove your profile:\n${url}\n\n` +
          'If you did not ask for it, ignore this message: nothing changes.\n',
        language: 'en',
        templateId: 'privacy-link/v1',
        contentHash: 'privacy-link/v1',
      });
      recent.push(t.getTime());
      sentLinks.set(email, recent);
    }
    return c.html(
      page(
        'Check your mail',
        `<h1>Check your mail</h1><p>If we hold anything about <b>${esc(email)}</b>, a link to it is on its
        way to that address. It works for one hour.</p>`,
      ),
    );
  });

  app.get('/privacy/me', async (c) => {
    const email = await verifyLink(db, c.req.query('t'), { secretKey, now: now() });
    if (!email) return c.html(page('Link expired', expiredText()), 403);
    const data = await exportPerson(db, email, { ...privacyOpts, now: now(), channel: 'web' });
    return c.html(page('Your profile', profileView(email, c.req.query('t') ?? '', data, c.req.query('done'))));
  });

  app.get('/privacy/export.json', async (c) => {
    const email = await verifyLink(db, c.req.query('t'), { secretKey, now: now() });
    if (!email) return c.json({ error: 'link expired or invalid' }, 403);
    const data = await exportPerson(db, email, { ...privacyOpts, now: now(), channel: 'web' });
    c.header('Content-Disposition', 'attachment; filename="sigmine-export.json"');
    return c.json(data);
  });

  app.post('/privacy/:action{correct|restrict|unrestrict|erase|object}', async (c) => {
    const form = await c.req.parseBody();
    const token = String(form.t ?? '');
    const email = await verifyLink(db, token, { secretKey, now: now() });
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
      return c.html(
        page(
          'Removed',
          `<h1>Removed</h1><p>Your profile was deleted and your address is on our suppression list, so no later
          harvest adds it again. We keep only a keyed hash of the address for that purpose.</p>`,
        ),
      );
    }
    return c.redirect(`/privacy/me?t=${encodeURIComponent(token)}&done=${action}`, 303);
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

const DONE: Record<string, string> = {
  correct: 'Your correction is saved. It beats anything a later harvest sees.',
  restrict: 'Your profile is restricted: hidden from the directory and frozen.',
  unrestrict: 'The restriction is lifted.',
};

function profileView(email: string, token: string, data: Record<string, unknown>, done?: string): string {
  const profiles = (data.profiles as Array<Record<string, any>> | undefined) ?? [];
  const hidden = (name: string, v: string) => `<input type="hidden" name="${name}" value="${esc(v)}">`;
  const t = hidden('t', token);
  const FIELDS = ['name', 'title', 'department', 'company', 'address', 'phones', 'emails', 'websites', 'social'];
  const rows = profiles
    .map((p) => {
      const fieldRows = FIELDS.map((k) => `<tr><th>${esc(k)}</th><td data-field="${k}">${esc(fmt(p[k]))}</td></tr>`).join('');
      const provenance = ((p.provenance ?? []) as Array<Record<string, unknown>>)
        .map(
          (r) =>
            `<tr><td>${esc(r.field)}</td><td>${esc(r.value)}</td><td>${esc(r.source)}</td><td>${esc(day(r.firstSeen))}</td>` +
            `<td>${esc(day(r.lastSeen))}</td><td>${esc(r.corroboration)}</td></tr>`,
        )
        .join('');
      const jobs = ((p.jobHistory ?? []) as Array<Record<string, any>>)
        .map((j) => `<li>${esc(day(j.changedAt))}: ${esc(j.from?.title)} ${esc(j.from?.company)} → ${esc(j.to?.title)} ${esc(j.to?.company)}</li>`)
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
  const fieldOptions = [...SINGLE_PIN_FIELDS, ...LIST_PIN_FIELDS].map((f) => `<option>${f}</option>`).join('');
  return `<h1>What sigmine holds about ${esc(email)}</h1>
  ${done && DONE[done] ? `<p class="flash">${esc(DONE[done])}</p>` : ''}
  ${rows || '<p>We hold no profile for this address.</p>'}
  <p class="note">Where it comes from: business e-mail signatures and headers, calendars and address books
  observed by members of our contributor network. We never say which member.</p>
  <p><a href="/privacy/export.json?t=${encodeURIComponent(token)}" download>Download everything as JSON</a></p>
  <h2>Correct a field</h2>
  <form method="post" action="/privacy/correct">${t}<select name="field">${fieldOptions}</select>
  <input name="value" placeholder="correct value (empty: none)"> <button type="submit">Save correction</button></form>
  <h2>Restrict or remove</h2>
  <form class="inline" method="post" action="/privacy/restrict">${t}<button type="submit">Restrict (hide and freeze)</button></form>
  <form class="inline" method="post" action="/privacy/unrestrict">${t}<button type="submit">Lift restriction</button></form>
  <form class="inline" method="post" action="/privacy/erase">${t}<button type="submit" class="danger">Remove my profile</button></form>
  <form class="inline" method="post" action="/privacy/object">${t}<button type="submit" class="danger">Object to being listed</button></form>`;
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
