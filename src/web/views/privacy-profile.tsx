/**
 * The privacy center's pages about a person: what we hold, what each status means and when a pending
 * profile will be listed, which values the person corrected, and only the actions that apply. Erasing and
 * objecting each get a confirmation page that says exactly what will happen, because both delete the
 * profile for good. Every word comes from the person's language table (src/web/privacy-texts.ts).
 * hono/jsx components: every value is escaped by construction.
 */
import type { FC } from 'hono/jsx';
import { SINGLE_PIN_FIELDS, LIST_PIN_FIELDS } from '../../privacy/correct.ts';
import { PIN_FIELDS } from '../../store/merge.ts';
import type { PrivacyTexts } from '../privacy-texts.ts';

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

interface ProfileProps {
  email: string;
  /** `exportPerson`'s answer (src/privacy/export.ts). */
  data: Row;
  windowDays: number;
  w: PrivacyTexts;
  done?: string;
}

/** The person's profile page: fields, status, provenance (corrections marked), and the actions that apply. */
export const ProfileView: FC<ProfileProps> = ({ email, data, windowDays, w, done }) => {
  const profiles = (data.profiles as Row[] | undefined) ?? [];
  const flashText = done === 'correct' || done === 'restrict' || done === 'unrestrict' ? w.done[done] : null;
  const flash = flashText ? <p class="flash">{flashText}</p> : null;
  if (profiles.length === 0) {
    // Nothing to correct, restrict or remove: no forms.
    const sup = data.suppressed as Row | null;
    return (
      <>
        <h1>{w.holdsAbout(email)}</h1>
        {flash}
        <p data-testid="no-profile">
          {w.noProfile}
          {sup ? w.suppressedSince(day(sup.since), String(sup.reason)) : ''}
        </p>
        <p>
          <a href="/privacy/export.json" download>
            {w.downloadWhatWeHold}
          </a>
        </p>
      </>
    );
  }
  const restricted = profiles.some((p) => p.status === 'restricted');
  return (
    <>
      <h1>{w.holdsAbout(email)}</h1>
      {flash}
      {profiles.map((p) => (
        <ProfileTable p={p} windowDays={windowDays} w={w} />
      ))}
      <p class="note">{w.sourceNote}</p>
      <p>
        <a href="/privacy/export.json" download>
          {w.downloadAll}
        </a>
        {' · '}
        <a href="/privacy/export.vcf" download>
          {w.downloadVCard}
        </a>{' '}
        {w.downloadIsRequest}
      </p>
      <PersonActions w={w} restricted={restricted} />
    </>
  );
};

/** Correct a field, restrict or lift, and the links to the two removal confirmations. */
const PersonActions: FC<{ w: PrivacyTexts; restricted: boolean }> = ({ w, restricted }) => (
  <>
    <h2>{w.correctHeading}</h2>
    <form method="post" action="/privacy/correct">
      <select name="field">
        {[...SINGLE_PIN_FIELDS, ...LIST_PIN_FIELDS].map((f) => (
          <option value={f}>{w.fieldNames[f] ?? f}</option>
        ))}
      </select>{' '}
      <input name="value" placeholder={w.correctPlaceholder} />{' '}
      <button type="submit">{w.saveCorrection}</button>
    </form>
    <h2>{w.restrictHeading}</h2>
    <form class="inline" method="post" action={restricted ? '/privacy/unrestrict' : '/privacy/restrict'}>
      <button type="submit">{restricted ? w.liftRestriction : w.restrict}</button>
    </form>
    <p>{w.removeVsObject}</p>
    <p>
      <a class="button danger" href="/privacy/erase">
        {w.removeButton}
      </a>{' '}
      <a class="button danger" href="/privacy/object">
        {w.objectButton}
      </a>
    </p>
  </>
);

/** One profile: status, fields (corrections marked), where each value came from, job history. */
const ProfileTable: FC<{ p: Row; windowDays: number; w: PrivacyTexts }> = ({ p, windowDays, w }) => {
  const pins = ((p.pins ?? []) as Row[]).filter((x) => x.reason);
  const pinned = new Set(pins.map((x) => String(x.field)));
  const label = (k: string) => w.fieldNames[k] ?? k;
  const pub = p.publication as Row | null;
  const jobs = (p.jobHistory ?? []) as Row[];
  return (
    <>
      <table>
        <tr>
          <th>{w.statusLabel}</th>
          <td data-testid="status" data-status={str(p.status)}>
            {w.statusNames[p.status] ?? str(p.status)}
          </td>
        </tr>
        <tr>
          <th></th>
          <td data-testid="status-text">{statusText(p, windowDays, w)}</td>
        </tr>
        {PIN_FIELDS.map((k) => (
          <tr>
            <th>{label(k)}</th>
            <td>
              <span data-field={k}>{fmt(p[k])}</span>
              {pinned.has(k) ? (
                <>
                  {' '}
                  <span class="note">({w.correctedByYou})</span>
                </>
              ) : null}
            </td>
          </tr>
        ))}
        <tr>
          <th>{w.firstLastSeen}</th>
          <td>
            {day(p.firstSeen)} / {day(p.lastSeen)}
          </td>
        </tr>
        <tr>
          <th>{w.whoReceived}</th>
          <td data-testid="recipients">
            <Recipients p={p} w={w} />
          </td>
        </tr>
        {pub ? (
          <tr>
            <th>{w.jurisdiction}</th>
            <td>{fmt(pub.jurisdiction)}</td>
          </tr>
        ) : null}
      </table>
      <h2>{w.whereFrom}</h2>
      <Provenance p={p} pins={pins} pinned={pinned} w={w} />
      {jobs.length > 0 ? (
        <>
          <h2>{w.jobHistory}</h2>
          <ul>
            {jobs.map((j) => (
              <li>
                {day(j.changedAt)}: {j.from?.title} {j.from?.company} → {j.to?.title} {j.to?.company}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
};

/** Where each value came from: the person's corrections first, then the observations (replaced ones marked). */
const Provenance: FC<{ p: Row; pins: Row[]; pinned: Set<string>; w: PrivacyTexts }> = ({
  p,
  pins,
  pinned,
  w,
}) => (
  <table>
    <tr>
      {w.provenanceHeads.map((h) => (
        <th>{h}</th>
      ))}
    </tr>
    {pins.map((x) => (
      <tr data-testid="corrected">
        <td>{w.fieldNames[String(x.field)] ?? String(x.field)}</td>
        <td>{fmt(x.value)}</td>
        <td>{w.correctedByYou}</td>
        <td>{day(x.pinnedAt)}</td>
        <td>{day(x.pinnedAt)}</td>
        <td></td>
      </tr>
    ))}
    {((p.provenance ?? []) as Row[]).map((r) => (
      <tr>
        <td>{str(r.field)}</td>
        <td>{str(r.value)}</td>
        <td>
          {str(r.source)}
          {pinned.has(pinFieldOf(String(r.field))) ? ` (${w.replacedByCorrection})` : ''}
        </td>
        <td>{day(r.firstSeen)}</td>
        <td>{day(r.lastSeen)}</td>
        <td>{str(r.corroboration)}</td>
      </tr>
    ))}
  </table>
);

/** The confirmation page of an erasure or objection: exactly what will happen, and one button. */
export const ConfirmRemovalView: FC<{ action: 'erase' | 'object'; w: PrivacyTexts }> = ({ action, w }) => {
  const what = w.confirm[action];
  return (
    <>
      <h1>{what.title}</h1>
      <p>{w.confirm.recordedAs(what.law)}</p>
      <ul>
        {w.confirm.steps.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      <p>{what.after}</p>
      <form method="post" action={`/privacy/${action}`}>
        <button type="submit" class="danger">
          {what.button}
        </button>
      </form>
      <p>
        <a href="/privacy/me">{w.confirm.back}</a>
      </p>
    </>
  );
};

/**
 * The categories of recipients (GDPR Art. 15(1)(c)): directory members who see a listed contact, and how many
 * revealed the e-mail and phones (a count; members are never named), and that they are told of a
 * correction or removal (Art. 19).
 */
const Recipients: FC<{ p: Row; w: PrivacyTexts }> = ({ p, w }) => {
  const n = Number(p.revealedTo?.count ?? 0);
  const items = [
    ...(p.status === 'listed' ? [w.recipientsShown] : []),
    n === 0 ? w.recipientsNone : w.recipientsRevealed(n),
    w.recipientsTold,
  ];
  return (
    <ul>
      {items.map((x) => (
        <li>{x}</li>
      ))}
    </ul>
  );
};

/** A stored value as text (null and undefined as nothing). */
const str = (v: unknown) => String(v ?? '');

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
