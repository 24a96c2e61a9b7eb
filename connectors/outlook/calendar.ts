/**
 * Outlook calendar through Graph `calendarView/delta` (read-only, scope Calendars.Read): organizers and
 * attendees of events become `calendar` StructuredContacts (name + address). Resource attendees (rooms,
 * equipment) are skipped. The first round covers [since or a year back, 90 days ahead]; delta links
 * then bring changes within that window (event delta needs a fixed window: the `startDateTime` /
 * `endDateTime` of the first call are baked into its tokens).
 */
import type { ConnectionInfo, Connector, ConnectorDeps, ConnectorFactory } from '../types.ts';
import { windowStart, type OutlookOptions } from './connection.ts';
import { graphSource } from './graph-source.ts';
import { cleanName, ContactCollector } from './structured.ts';
import { microsoftConsent } from './consent.ts';

interface GraphPerson {
  emailAddress?: { name?: string | null; address?: string | null } | null;
}

export interface GraphEvent {
  id: string;
  start?: { dateTime?: string; timeZone?: string } | null;
  organizer?: GraphPerson | null;
  attendees?: (GraphPerson & { type?: string })[] | null;
}

const MAX_ATTENDEES = 500;

export function createOutlookCalendar(
  conn: ConnectionInfo,
  deps: ConnectorDeps,
  opts: OutlookOptions = {},
): Connector {
  return graphSource<GraphEvent>(conn, deps, opts, {
    kind: 'outlook-calendar',
    start: (since) => {
      const end = new Date(Date.now() + 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return `/me/calendarView/delta?startDateTime=${windowStart(since)}&endDateTime=${end}`;
    },
    prefer: `odata.maxpagesize=${opts.pageSize ?? 50}, outlook.timezone="UTC"`,
    map: (events) => ({ messages: [], contacts: eventContacts(conn.account, events) }),
  });
}

/** Organizers and attendees (resources skipped) of one page of events, as `calendar` contacts. */
function eventContacts(owner: string, events: GraphEvent[]) {
  const c = new ContactCollector(owner);
  for (const ev of events) {
    const date = eventDate(ev);
    const people = [
      ev.organizer,
      ...(ev.attendees ?? []).slice(0, MAX_ATTENDEES).filter((a) => a.type !== 'resource'),
    ];
    for (const person of people) {
      const email = person?.emailAddress?.address;
      c.add({
        sourceId: ev.id,
        source: 'calendar',
        email,
        fields: { name: cleanName(person?.emailAddress?.name, email) },
        date,
      });
    }
  }
  return c.out;
}

/** Graph event times are `2026-11-30T10:00:00.0000000` plus a timeZone; we ask for UTC. */
function eventDate(ev: GraphEvent): string | null {
  const dt = ev.start?.dateTime;
  if (!dt) return null;
  const utc = (ev.start?.timeZone ?? 'UTC').toUpperCase() === 'UTC';
  const t = Date.parse(utc && !/[zZ]|[+-]\d\d:?\d\d$/.test(dt) ? `${dt}Z` : dt);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

export const factory: ConnectorFactory = {
  kinds: ['outlook-calendar'],
  oauth: microsoftConsent('outlook-calendar'),
  create: (conn, deps) => createOutlookCalendar(conn, deps),
  /** No Microsoft revoke endpoint for this flow: opting out discards the tokens (see index.ts). */
  async revoke() {},
};
