/**
 * The privacy center's pages about a person (split from src/web/privacy-routes.ts, which handles requests):
 * what we hold, what each status means and when a pending profile will be listed, which values the person
 * corrected, and only the actions that apply. Erasing and objecting each get a confirmation page that says
 * exactly what will happen, because both delete the profile for good.
 */
import { SINGLE_PIN_FIELDS, LIST_PIN_FIELDS } from '../privacy/correct.ts';
import { esc } from './html.ts';

type Row = Record<string, any>;

const FIELDS = ['name', 'title', 'department', 'company', 'address', 'phones', 'emails', 'websites', 'social'];

/** A stored observation field (`phone.work`, `website`...) as the correctable field it belongs to. */
function pinFieldOf(field: string): string {
  if (field.startsWith('phone.')) return 'phones';
  if (field === 'email') return 'emails';
  if (field === 'website') return 'websites';
  return field;
}

const DONE: Record<string, string> = {
  correct: 'Your correction is saved. It beats anything a later harvest sees.',
  restrict: 'Your profile is restricted: hidden from the directory and frozen.',
  unrestrict: 'The restriction is lifted.',
};

/** What the status means for the person, with the listing date of a pending profile when it is known. */
function statusText(p: Row, windowDays: number): string {
  const pub = (p.publication ?? null) as Row | null;
  if (p.status === 'listed') return `Listed: shown in the directory${pub?.listedAt || p.listedAt ? ` since ${day(pub?.listedAt ?? p.listedAt)}` : ''}.`;
  if (p.status === 'restricted')
    return `Restricted${p.restrictedAt ? ` since ${day(p.restrictedAt)}` : ''}: hidden from the directory and frozen (no harvest changes it) until you lift the restriction.`;
  const pending = 'Pending: not in the directory. Before listing someone we send them a notice and wait for objections.';
  if (pub?.objectionWindowEndsAt)
    return `${pending} Your notice was sent; unless you object, you will be listed on ${day(pub.objectionWindowEndsAt)}.`;
  return `${pending} Your notice has not been sent (or could not be delivered) yet; you will be listed no earlier than ${windowDays} days after it is sent, and only if you do not object.`;
}

/** The person's profile page: fields, status, provenance (corrections marked), and the actions that apply. */
export function profileView(email: string, data: Row, windowDays: number, done?: string): string {
  const profiles = (data.profiles as Row[] | undefined) ?? [];
  const flash = done && DONE[done] ? `<p class="flash">${esc(DONE[done])}</p>` : '';
  if (profiles.length === 0) {
    // Nothing to correct, restrict or remove: no forms.
    const sup = data.suppressed as Row | null;
    return `<h1>What sigmine holds about ${esc(email)}</h1>${flash}
    <p data-testid="no-profile">We hold no profile for this address.${
      sup
        ? ` It is on our suppression list since ${esc(day(sup.since))} (${esc(sup.reason)}), so no later harvest adds it again; we keep only a keyed hash of it for that.`
        : ''
    }</p>
    <p><a href="/privacy/export.json" download>Download what we hold as JSON</a></p>`;
  }
  const restricted = profiles.some((p) => p.status === 'restricted');
  const body = profiles.map((p) => profileTable(p, windowDays)).join('');
  const fieldOptions = [...SINGLE_PIN_FIELDS, ...LIST_PIN_FIELDS].map((f) => `<option>${f}</option>`).join('');
  return `<h1>What sigmine holds about ${esc(email)}</h1>
  ${flash}
  ${body}
  <p class="note">Where it comes from: business e-mail signatures and headers, calendars and address books
  observed by members of our contributor network. We never say which member.</p>
  <p><a href="/privacy/export.json" download>Download everything as JSON</a> (this is recorded as an access request)</p>
  <h2>Correct a field</h2>
  <form method="post" action="/privacy/correct"><select name="field">${fieldOptions}</select>
  <input name="value" placeholder="correct value (empty: none)"> <button type="submit">Save correction</button></form>
  <h2>Restrict or remove</h2>
  ${
    restricted
      ? `<form class="inline" method="post" action="/privacy/unrestrict"><button type="submit">Lift restriction</button></form>`
      : `<form class="inline" method="post" action="/privacy/restrict"><button type="submit">Restrict (hide and freeze)</button></form>`
  }
  <p><b>Remove</b> deletes your profile for good and keeps your address off the directory (erasure).
  <b>Object</b> says you do not want to be listed at all (an objection); we honour it the same way, and record
  it as an objection. Both ask you to confirm first.</p>
  <p><a class="button danger" href="/privacy/erase">Remove my profile…</a>
  <a class="button danger" href="/privacy/object">Object to being listed…</a></p>`;
}

function profileTable(p: Row, windowDays: number): string {
  const pins = ((p.pins ?? []) as Row[]).filter((x) => x.reason);
  const pinned = new Set(pins.map((x) => String(x.field)));
  const fieldRows = FIELDS.map(
    (k) =>
      `<tr><th>${esc(k)}</th><td><span data-field="${k}">${esc(fmt(p[k]))}</span>${pinned.has(k) ? ' <span class="note">(corrected by you)</span>' : ''}</td></tr>`,
  ).join('');
  const corrections = pins
    .map(
      (x) =>
        `<tr data-testid="corrected"><td>${esc(x.field)}</td><td>${esc(fmt(x.value))}</td><td>corrected by you</td>` +
        `<td>${esc(day(x.pinnedAt))}</td><td>${esc(day(x.pinnedAt))}</td><td></td></tr>`,
    )
    .join('');
  const provenance = ((p.provenance ?? []) as Row[])
    .map((r) => {
      const replaced = pinned.has(pinFieldOf(String(r.field)));
      return (
        `<tr><td>${esc(r.field)}</td><td>${esc(r.value)}</td><td>${esc(r.source)}${replaced ? ' (replaced by your correction)' : ''}</td>` +
        `<td>${esc(day(r.firstSeen))}</td><td>${esc(day(r.lastSeen))}</td><td>${esc(r.corroboration)}</td></tr>`
      );
    })
    .join('');
  const jobs = ((p.jobHistory ?? []) as Row[])
    .map((j) => `<li>${esc(day(j.changedAt))}: ${esc(j.from?.title)} ${esc(j.from?.company)} → ${esc(j.to?.title)} ${esc(j.to?.company)}</li>`)
    .join('');
  const pub = p.publication as Row | null;
  return `<table><tr><th>status</th><td data-testid="status">${esc(p.status)}</td></tr>
    <tr><th></th><td data-testid="status-text">${esc(statusText(p, windowDays))}</td></tr>${fieldRows}
    <tr><th>first / last seen</th><td>${esc(day(p.firstSeen))} / ${esc(day(p.lastSeen))}</td></tr>
    <tr><th>who received it</th><td data-testid="recipients">${esc(recipientsText(p))}</td></tr>
    ${pub ? `<tr><th>jurisdiction</th><td>${esc(fmt(pub.jurisdiction))}</td></tr>` : ''}</table>
    <h2>Where each value comes from</h2>
    <table><tr><th>field</th><th>value</th><th>source</th><th>first seen</th><th>last seen</th><th>members who saw it</th></tr>${corrections}${provenance}</table>
    ${jobs ? `<h2>Job history</h2><ul>${jobs}</ul>` : ''}`;
}

/** The confirmation page of an erasure or objection: exactly what will happen, and one button. */
export function confirmRemovalView(action: 'erase' | 'object'): string {
  const what =
    action === 'erase'
      ? { title: 'Remove your profile?', button: 'Yes, remove my profile', law: 'an erasure request (GDPR Art. 17)' }
      : { title: 'Object to being listed?', button: 'Yes, I object: remove me', law: 'an objection (GDPR Art. 21)' };
  return `<h1>${esc(what.title)}</h1>
  <p>This is recorded as ${esc(what.law)}. When you confirm:</p>
  <ul>
    <li>your profile, every value we saw, its history and your notices' addresses are deleted now, for good;</li>
    <li>your address goes on our suppression list (kept only as a keyed hash), so no member's mailbox adds you again;</li>
    <li>the directory no longer shows you;</li>
    <li>this page's session and any other privacy link you asked for stop working.</li>
  </ul>
  <p>${action === 'erase' ? 'If you only want to stop being shown for a while, restrict your profile instead.' : 'An objection is honoured like a removal: we do not weigh it against our interests.'}</p>
  <form method="post" action="/privacy/${action}"><button type="submit" class="danger">${esc(what.button)}</button></form>
  <p><a href="/privacy/me">No, go back</a></p>`;
}

/** Recipients in words: members who revealed the e-mail and phones (a count; members are never named). */
function recipientsText(p: Row): string {
  const n = Number(p.revealedTo?.count ?? 0);
  const shown = p.status === 'listed' ? 'Listed contacts are shown to directory members (name, title, company). ' : '';
  return `${shown}${n === 0 ? 'No member has revealed your e-mail address and phones.' : `${n} member(s) of the directory revealed your e-mail address and phones.`}`;
}

export const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : '');

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
