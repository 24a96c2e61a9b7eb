/**
 * Outlook calendar through Graph `calendarView/delta` (read-only, scope Calendars.Read): organizers and
 * attendees of events become `calendar` StructuredContacts (name + address). Resource attendees (rooms,
 * equipment) are skipped. The first round covers [since or a year back, 90 days ahead]; delta links
 * then bring changes within that window (event delta needs a fixed window: the `startDateTime` /
 * `endDateTime` of the first call are baked into its tokens).
 */
import type { ConnectionInfo, Connector, ConnectorDeps, ConnectorFactory, Cursor, Page } from '../types.ts';
import { openGraph, StatsTally, windowStart, type OutlookOptions } from './connection.ts';
import { deltaWalk, readCursor } from './delta.ts';
import { cleanName, ContactCollector } from './structured.ts';

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
  const tally = new StatsTally();
  return {
    async *pages(cursor: Cursor | null, o: { since?: Date; signal?: AbortSignal } = {}): AsyncIterable<Page> {
      const g = openGraph('outlook-calendar', conn, deps, opts, o.signal);
      tally.start(g);
      const resume = readCursor(cursor, 'outlook-calendar', deps.config.microsoft.graphUrl, deps.onEvent);
      const end = new Date(Date.now() + 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const start = `/me/calendarView/delta?startDateTime=${windowStart(o.since)}&endDateTime=${end}`;
      const headers = { Prefer: `odata.maxpagesize=${opts.pageSize ?? 50}, outlook.timezone="UTC"` };
      try {
        for await (const p of deltaWalk<GraphEvent>(g, {
          kind: 'outlook-calendar',
          start,
          resume,
          headers,
          onEvent: deps.onEvent,
        })) {
          const c = new ContactCollector(conn.account);
          for (const ev of p.items) {
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
          yield { messages: [], contacts: c.out, cursor: p.cursor, done: p.done };
        }
      } finally {
        tally.finish();
      }
    },
    stats: () => tally.stats(),
    async close() {},
  };
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
  create: (conn, deps) => createOutlookCalendar(conn, deps),
  /** No Microsoft revoke endpoint for this flow: opting out discards the tokens (see index.ts). */
  async revoke() {},
};
