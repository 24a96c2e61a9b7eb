/**
 * Google Calendar connector (kind `google-calendar`): organizers and attendees of events on the
 * primary calendar become `calendar` contacts (name + address). events.list pages; the last page's
 * nextSyncToken makes later runs incremental; 410 fullSyncRequired -> `resync` and a full listing
 * (Calendar sync guide). Read-only: events.list is the only call.
 */
import { calendar, type calendar_v3 } from '@googleapis/calendar';
import type { Connector, ConnectorDeps, ConnectorFactory, ConnectionInfo, Cursor, Page } from '../types.ts';
import { ConnectorError } from '../types.ts';
import { clientOptions } from './caller.ts';
import { revokeGoogleToken } from './oauth.ts';
import { googleSession, type GoogleSession } from './session.ts';
import { clean, ContactCollector } from './structured.ts';
import { googleConsent } from './consent.ts';

export interface CalendarCursor extends Cursor {
  kind: 'google-calendar';
  v: 1;
  /** Token of the previous complete listing (null during the first full listing). */
  syncToken: string | null;
  /** Next page of the listing in progress, or null. */
  pageToken: string | null;
}

function parseCursor(c: Cursor | null): CalendarCursor | null {
  if (!c || c.kind !== 'google-calendar' || c.v !== 1) return null;
  const ok = (v: unknown) => v === null || (typeof v === 'string' && v.length <= 4096);
  return ok(c['syncToken']) && ok(c['pageToken']) ? (c as CalendarCursor) : null;
}

const cursorOf = (syncToken: string | null, pageToken: string | null): CalendarCursor => ({
  kind: 'google-calendar',
  v: 1,
  syncToken,
  pageToken,
});

class GoogleCalendarConnector implements Connector {
  private readonly session: GoogleSession;
  private readonly api: calendar_v3.Calendar;

  constructor(
    private readonly conn: ConnectionInfo,
    private readonly deps: ConnectorDeps,
  ) {
    // Calendar quota is per request (default 600/min per user): 5 requests/s, 5 in flight.
    this.session = googleSession(conn, deps, 'calendar', { unitsPerSecond: 5, concurrency: 5 });
    const auth = this.session.auth as unknown as calendar_v3.Options['auth'];
    this.api = calendar({ version: 'v3', auth, rootUrl: this.session.rootUrl, ...clientOptions });
  }

  stats() {
    return this.session.caller.stats();
  }

  async close(): Promise<void> {}

  async *pages(
    cursor: Cursor | null,
    opts: { since?: Date; signal?: AbortSignal } = {},
  ): AsyncIterable<Page> {
    let c = parseCursor(cursor);
    if (cursor && !c) this.deps.onEvent?.({ type: 'resync', reason: 'unrecognised cursor' });
    for (let round = 0; round < 2; round++) {
      // A sync token (or a page of an incremental listing) goes alone: Calendar refuses timeMin with it.
      const incremental = c?.syncToken != null;
      let pageToken = c?.pageToken ?? undefined;
      try {
        for (;;) {
          const params: calendar_v3.Params$Resource$Events$List = {
            calendarId: 'primary',
            maxResults: 250,
            pageToken,
          };
          if (incremental) params.syncToken = c!.syncToken!;
          else if (opts.since) params.timeMin = opts.since.toISOString();
          const res = await this.session.caller.call(
            1,
            async () => (await this.api.events.list(params, { signal: opts.signal })).data,
            opts.signal,
          );
          const next = res.nextPageToken ?? null;
          const cur = next ? cursorOf(c?.syncToken ?? null, next) : cursorOf(res.nextSyncToken ?? null, null);
          yield { messages: [], contacts: this.contacts(res.items ?? []), cursor: cur, done: !next };
          if (!next) return;
          pageToken = next;
        }
      } catch (err) {
        if (round === 0 && incremental && err instanceof ConnectorError && err.code === 'not-found') {
          this.deps.onEvent?.({ type: 'resync', reason: 'calendar sync token expired (410)' });
          c = null;
          continue;
        }
        throw err;
      }
    }
  }

  private contacts(items: calendar_v3.Schema$Event[]) {
    const out = new ContactCollector(this.conn.account);
    for (const ev of items) {
      if (!ev.id || ev.status === 'cancelled') continue;
      const date = ev.start?.dateTime ?? ev.start?.date ?? null;
      const iso = date && Number.isFinite(Date.parse(date)) ? new Date(date).toISOString() : null;
      const people = [ev.organizer, ...(ev.attendees ?? [])];
      for (const p of people) {
        if (!p || p.self || ('resource' in p && p.resource)) continue;
        out.add({
          sourceId: ev.id,
          source: 'calendar',
          email: p.email,
          fields: { name: clean(p.displayName, p.email) },
          date: iso,
        });
      }
    }
    return out.out;
  }
}

export const factory: ConnectorFactory = {
  kinds: ['google-calendar'],
  oauth: googleConsent('google-calendar'),
  create: (conn, deps) => new GoogleCalendarConnector(conn, deps),
  async revoke(conn, deps) {
    if (conn.secret) await revokeGoogleToken(deps.endpoints, conn.secret);
  },
};
