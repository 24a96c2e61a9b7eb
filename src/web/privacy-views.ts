/**
 * The privacy center's pages about a person (split from src/web/privacy-routes.ts, which handles requests):
 * what we hold, what each status means and when a pending profile will be listed, which values the person
 * corrected, and only the actions that apply. Erasing and objecting each get a confirmation page that says
 * exactly what will happen, because both delete the profile for good. Every word comes from the person's
 * language table (src/web/privacy-texts.ts).
 */
import { SINGLE_PIN_FIELDS, LIST_PIN_FIELDS } from '../privacy/correct.ts';
import { PIN_FIELDS } from '../store/merge.ts';
import { esc } from './html.ts';
import type { PrivacyTexts } from './privacy-texts.ts';

type Row = Record<string, any>;

/** A stored observation field (`phone.work`, `website`...) as the correctable field it belongs to. */
function pinFieldOf(field: string): string {
  if (field.startsWith('phone.')) return 'phones';
  if (field === 'email') return 'emails';
  if (field === 'website') return 'websites';
  return field;
}

/** What the status means for the person, with the listing date of a pending profile when it is known. */
function statusText(p: Row, windowDays: number, w: PrivacyTexts): string {
  const pub = (p.publication ?? null) as Row | null;
  if (p.status === 'listed')
    return w.listedSince(pub?.listedAt || p.listedAt ? day(pub?.listedAt ?? p.listedAt) : null);
  if (p.status === 'restricted') return w.restrictedSince(p.restrictedAt ? day(p.restrictedAt) : null);
  if (pub?.objectionWindowEndsAt) return `${w.pending} ${w.pendingSent(day(pub.objectionWindowEndsAt))}`;
  return `${w.pending} ${w.pendingNotSent(windowDays)}`;
}

/** The person's profile page: fields, status, provenance (corrections marked), and the actions that apply. */
export function profileView(
  email: string,
  data: Row,
  windowDays: number,
  w: PrivacyTexts,
  done?: string,
): string {
  const profiles = (data.profiles as Row[] | undefined) ?? [];
  const flashText = done === 'correct' || done === 'restrict' || done === 'unrestrict' ? w.done[done] : null;
  const flash = flashText ? `<p class="flash">${esc(flashText)}</p>` : '';
  if (profiles.length === 0) {
    // Nothing to correct, restrict or remove: no forms.
    const sup = data.suppressed as Row | null;
    return `<h1>${esc(w.holdsAbout(email))}</h1>${flash}
    <p data-testid="no-profile">${esc(w.noProfile)}${sup ? esc(w.suppressedSince(day(sup.since), String(sup.reason))) : ''}</p>
    <p><a href="/privacy/export.json" download>${esc(w.downloadWhatWeHold)}</a></p>`;
  }
  const restricted = profiles.some((p) => p.status === 'restricted');
  const body = profiles.map((p) => profileTable(p, windowDays, w)).join('');
  const fieldOptions = [...SINGLE_PIN_FIELDS, ...LIST_PIN_FIELDS]
    .map((f) => `<option value="${f}">${esc(w.fieldNames[f] ?? f)}</option>`)
    .join('');
  return `<h1>${esc(w.holdsAbout(email))}</h1>
  ${flash}
  ${body}
  <p class="note">${esc(w.sourceNote)}</p>
  <p><a href="/privacy/export.json" download>${esc(w.downloadAll)}</a> · <a href="/privacy/export.vcf" download>${esc(w.downloadVCard)}</a> ${esc(w.downloadIsRequest)}</p>
  <h2>${esc(w.correctHeading)}</h2>
  <form method="post" action="/privacy/correct"><select name="field">${fieldOptions}</select>
  <input name="value" placeholder="${esc(w.correctPlaceholder)}"> <button type="submit">${esc(w.saveCorrection)}</button></form>
  <h2>${esc(w.restrictHeading)}</h2>
  ${
    restricted
      ? `<form class="inline" method="post" action="/privacy/unrestrict"><button type="submit">${esc(w.liftRestriction)}</button></form>`
      : `<form class="inline" method="post" action="/privacy/restrict"><button type="submit">${esc(w.restrict)}</button></form>`
  }
  <p>${esc(w.removeVsObject)}</p>
  <p><a class="button danger" href="/privacy/erase">${esc(w.removeButton)}</a>
  <a class="button danger" href="/privacy/object">${esc(w.objectButton)}</a></p>`;
}

function profileTable(p: Row, windowDays: number, w: PrivacyTexts): string {
  const pins = ((p.pins ?? []) as Row[]).filter((x) => x.reason);
  const pinned = new Set(pins.map((x) => String(x.field)));
  const label = (k: string) => w.fieldNames[k] ?? k;
  const fieldRows = PIN_FIELDS.map(
    (k) =>
      `<tr><th>${esc(label(k))}</th><td><span data-field="${k}">${esc(fmt(p[k]))}</span>${pinned.has(k) ? ` <span class="note">(${esc(w.correctedByYou)})</span>` : ''}</td></tr>`,
  ).join('');
  const corrections = pins
    .map(
      (x) =>
        `<tr data-testid="corrected"><td>${esc(label(String(x.field)))}</td><td>${esc(fmt(x.value))}</td><td>${esc(w.correctedByYou)}</td>` +
        `<td>${esc(day(x.pinnedAt))}</td><td>${esc(day(x.pinnedAt))}</td><td></td></tr>`,
    )
    .join('');
  const provenance = ((p.provenance ?? []) as Row[])
    .map((r) => {
      const replaced = pinned.has(pinFieldOf(String(r.field)));
      return (
        `<tr><td>${esc(r.field)}</td><td>${esc(r.value)}</td><td>${esc(r.source)}${replaced ? ` (${esc(w.replacedByCorrection)})` : ''}</td>` +
        `<td>${esc(day(r.firstSeen))}</td><td>${esc(day(r.lastSeen))}</td><td>${esc(r.corroboration)}</td></tr>`
      );
    })
    .join('');
  const jobs = ((p.jobHistory ?? []) as Row[])
    .map(
      (j) =>
        `<li>${esc(day(j.changedAt))}: ${esc(j.from?.title)} ${esc(j.from?.company)} → ${esc(j.to?.title)} ${esc(j.to?.company)}</li>`,
    )
    .join('');
  const pub = p.publication as Row | null;
  const heads = w.provenanceHeads.map((h) => `<th>${esc(h)}</th>`).join('');
  return `<table><tr><th>${esc(w.statusLabel)}</th><td data-testid="status" data-status="${esc(p.status)}">${esc(w.statusNames[p.status] ?? p.status)}</td></tr>
    <tr><th></th><td data-testid="status-text">${esc(statusText(p, windowDays, w))}</td></tr>${fieldRows}
    <tr><th>${esc(w.firstLastSeen)}</th><td>${esc(day(p.firstSeen))} / ${esc(day(p.lastSeen))}</td></tr>
    <tr><th>${esc(w.whoReceived)}</th><td data-testid="recipients">${recipientsView(p, w)}</td></tr>
    ${pub ? `<tr><th>${esc(w.jurisdiction)}</th><td>${esc(fmt(pub.jurisdiction))}</td></tr>` : ''}</table>
    <h2>${esc(w.whereFrom)}</h2>
    <table><tr>${heads}</tr>${corrections}${provenance}</table>
    ${jobs ? `<h2>${esc(w.jobHistory)}</h2><ul>${jobs}</ul>` : ''}`;
}

/** The confirmation page of an erasure or objection: exactly what will happen, and one button. */
export function confirmRemovalView(action: 'erase' | 'object', w: PrivacyTexts): string {
  const what = w.confirm[action];
  return `<h1>${esc(what.title)}</h1>
  <p>${esc(w.confirm.recordedAs(what.law))}</p>
  <ul>${w.confirm.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
  <p>${esc(what.after)}</p>
  <form method="post" action="/privacy/${action}"><button type="submit" class="danger">${esc(what.button)}</button></form>
  <p><a href="/privacy/me">${esc(w.confirm.back)}</a></p>`;
}

/**
 * The categories of recipients (GDPR Art. 15(1)(c)): directory members who see a listed contact, and how many
 * revealed the e-mail and phones (a count; members are never named), and that they are told of a
 * correction or removal (Art. 19).
 */
function recipientsView(p: Row, w: PrivacyTexts): string {
  const n = Number(p.revealedTo?.count ?? 0);
  const items = [
    ...(p.status === 'listed' ? [w.recipientsShown] : []),
    n === 0 ? w.recipientsNone : w.recipientsRevealed(n),
    w.recipientsTold,
  ];
  return `<ul>${items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
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
