/**
 * Google People connector (kind `google-contacts`): the member's contacts (people.connections.list)
 * and "other contacts" (otherContacts.list, auto-created from interactions) become `address-book`
 * contacts: names, business emails, titles, departments, companies, work phones and work addresses.
 * Home phones and home addresses are personal data, not business contact fields: never handed over.
 * Both lists use sync tokens (requestSyncToken on full listings); an expired token (7 days,
 * EXPIRED_SYNC_TOKEN) -> `resync` and a full listing. Read-only: the two list calls only.
 */
import { people, type people_v1 } from '@googleapis/people';
import type { Phone, PhoneType } from '../../parsers/types.ts';
import type {
  Connector,
  ConnectorDeps,
  ConnectorFactory,
  ConnectionInfo,
  Cursor,
  Page,
  StructuredContact,
} from '../types.ts';
import { ConnectorError } from '../types.ts';
import { clientOptions } from './caller.ts';
import { revokeGoogleToken } from './oauth.ts';
import { googleSession, type GoogleSession } from './session.ts';
import { clean, ContactCollector } from './structured.ts';
import { googleConsent } from './consent.ts';

export interface ContactsCursor extends Cursor {
  kind: 'google-contacts';
  v: 1;
  phase: 'connections' | 'other';
  pageToken: string | null;
  connectionsSync: string | null;
  otherSync: string | null;
}

const PERSON_FIELDS = 'names,emailAddresses,organizations,phoneNumbers,addresses,metadata';
/** otherContacts only serve basic fields (names, emails, phones) (People API migration guide). */
const OTHER_MASK = 'names,emailAddresses,phoneNumbers,metadata';

function parseCursor(c: Cursor | null): ContactsCursor | null {
  if (!c || c.kind !== 'google-contacts' || c.v !== 1) return null;
  const ok = (v: unknown) => v === null || (typeof v === 'string' && v.length <= 4096);
  if (c['phase'] !== 'connections' && c['phase'] !== 'other') return null;
  return ok(c['pageToken']) && ok(c['connectionsSync']) && ok(c['otherSync']) ? (c as ContactsCursor) : null;
}

const PHONE_TYPES: Record<string, PhoneType> = {
  work: 'work',
  main: 'work',
  mobile: 'mobile',
  workmobile: 'mobile',
  workfax: 'fax',
  otherfax: 'fax',
  other: 'other',
  workpager: 'other',
};

/** Business phones only; People gives `canonicalForm` (E.164) when it could parse the number. */
export function phonesOf(p: people_v1.Schema$Person): Phone[] {
  const out: Phone[] = [];
  for (const n of (p.phoneNumbers ?? []).slice(0, 10)) {
    const t = (n.type ?? 'other').toLowerCase();
    const type = PHONE_TYPES[t];
    const raw = clean(n.value);
    if (!type || !raw) continue;
    const e164 = n.canonicalForm && /^\+[1-9]\d{5,14}$/.test(n.canonicalForm) ? n.canonicalForm : null;
    out.push({ type, e164, raw });
  }
  return out;
}

class GoogleContactsConnector implements Connector {
  private readonly session: GoogleSession;
  private readonly api: people_v1.People;

  constructor(
    private readonly conn: ConnectionInfo,
    private readonly deps: ConnectorDeps,
  ) {
    // People list calls have a small per-user read quota (and extra cost on a full sync's first page):
    // 1 request/s after a burst of 3, which covers a typical run (2 lists) without any wait.
    this.session = googleSession(conn, deps, 'people', { unitsPerSecond: 1, burst: 3, concurrency: 2 });
    const auth = this.session.auth as unknown as people_v1.Options['auth'];
    this.api = people({ version: 'v1', auth, rootUrl: this.session.rootUrl, ...clientOptions });
  }

  stats() {
    return this.session.caller.stats();
  }

  async close(): Promise<void> {}

  async *pages(cursor: Cursor | null, opts: { signal?: AbortSignal } = {}): AsyncIterable<Page> {
    let c: ContactsCursor = parseCursor(cursor) ?? {
      kind: 'google-contacts',
      v: 1,
      phase: 'connections',
      pageToken: null,
      connectionsSync: null,
      otherSync: null,
    };
    if (cursor && !parseCursor(cursor))
      this.deps.onEvent?.({ type: 'resync', reason: 'unrecognised cursor' });
    const resynced = new Set<string>();
    for (;;) {
      const other = c.phase === 'other';
      const syncToken = (other ? c.otherSync : c.connectionsSync) ?? undefined;
      let res: { items: people_v1.Schema$Person[]; next: string | null; nextSync: string | null };
      try {
        res = await this.list(other, syncToken, c.pageToken ?? undefined, opts.signal);
      } catch (err) {
        if (
          !resynced.has(c.phase) &&
          syncToken &&
          err instanceof ConnectorError &&
          err.code === 'not-found'
        ) {
          resynced.add(c.phase);
          this.deps.onEvent?.({ type: 'resync', reason: 'contacts sync token expired' });
          c = { ...c, pageToken: null, ...(other ? { otherSync: null } : { connectionsSync: null }) };
          continue;
        }
        throw err;
      }
      const contacts = this.contacts(res.items);
      if (res.next) {
        c = { ...c, pageToken: res.next };
        yield { messages: [], contacts, cursor: c, done: false };
        continue;
      }
      // A listing ended: keep its sync token for the next run (the old one if none was returned).
      const sync = res.nextSync ?? syncToken ?? null;
      if (!other) {
        c = { ...c, phase: 'other', pageToken: null, connectionsSync: sync };
        yield { messages: [], contacts, cursor: c, done: false };
        continue;
      }
      c = { ...c, phase: 'connections', pageToken: null, otherSync: sync };
      yield { messages: [], contacts, cursor: c, done: true };
      return;
    }
  }

  private async list(
    other: boolean,
    syncToken: string | undefined,
    pageToken: string | undefined,
    signal?: AbortSignal,
  ) {
    const common = { pageSize: 1000, pageToken, syncToken, requestSyncToken: true };
    return this.session.caller.call(
      1,
      async () => {
        if (other) {
          const { data } = await this.api.otherContacts.list({ ...common, readMask: OTHER_MASK }, { signal });
          return {
            items: data.otherContacts ?? [],
            next: data.nextPageToken ?? null,
            nextSync: data.nextSyncToken ?? null,
          };
        }
        const { data } = await this.api.people.connections.list(
          { ...common, resourceName: 'people/me', personFields: PERSON_FIELDS },
          { signal },
        );
        return {
          items: data.connections ?? [],
          next: data.nextPageToken ?? null,
          nextSync: data.nextSyncToken ?? null,
        };
      },
      signal,
    );
  }

  private contacts(items: people_v1.Schema$Person[]): StructuredContact[] {
    const out = new ContactCollector(this.conn.account);
    for (const p of items) {
      if (p.metadata?.deleted) continue;
      const org = (p.organizations ?? []).find((o) => o.metadata?.primary) ?? p.organizations?.[0];
      const work = (p.addresses ?? []).find((a) => (a.type ?? '').toLowerCase() === 'work');
      const updated = (p.metadata?.sources ?? [])
        .map((s) => s.updateTime)
        .find((t) => t && Number.isFinite(Date.parse(t)));
      const name = (p.names ?? []).find((n) => n.metadata?.primary) ?? p.names?.[0];
      const fields = {
        name: clean(name?.displayName),
        title: clean(org?.title),
        department: clean(org?.department),
        company: clean(org?.name),
        phones: phonesOf(p),
        address: clean(work?.formattedValue?.replace(/\s*\n\s*/g, ', ')),
      };
      const id = `${p.resourceName ?? 'person'}@${p.etag ?? ''}`;
      for (const e of (p.emailAddresses ?? []).slice(0, 10)) {
        // Home addresses are personal; work, other and untyped ones are kept (classifyAddress decides).
        if ((e.type ?? '').toLowerCase() === 'home') continue;
        out.add({
          sourceId: id,
          source: 'address-book',
          email: e.value,
          fields: { ...fields, name: fields.name === e.value ? null : fields.name },
          date: updated ? new Date(updated).toISOString() : null,
        });
      }
    }
    return out.out;
  }
}

export const factory: ConnectorFactory = {
  kinds: ['google-contacts'],
  oauth: googleConsent('google-contacts'),
  create: (conn, deps) => new GoogleContactsConnector(conn, deps),
  async revoke(conn, deps) {
    if (conn.secret) await revokeGoogleToken(deps.endpoints, conn.secret);
  },
};
