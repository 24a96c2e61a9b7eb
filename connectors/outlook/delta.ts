/**
 * One Graph delta walk shared by mail, calendar and contacts: start (or resume) from a saved link, follow
 * `@odata.nextLink` verbatim until a round ends with `@odata.deltaLink`, and yield each page with the
 * cursor to save alongside it. Query options live inside the tokens, so links are never edited; headers
 * (Prefer) are re-sent on every page because they are not part of the tokens (delta-query-messages).
 *
 * A 410 / SyncStateNotFound / resyncRequired at any point restarts the round from `start` once per run
 * (a bounded resync: `start` carries the time window); a second expiry in the same run is an error.
 */
import { ConnectorError, type ConnectorEvent, type Cursor } from '../types.ts';
import type { GraphGetter } from './graph-client.ts';

/** Cursor of every Outlook source: the next Graph link to GET (a nextLink mid-round, else a deltaLink). */
export interface OutlookCursor extends Cursor {
  kind: string;
  v: 1;
  link: string;
  phase: 'round' | 'delta';
}

export interface GraphPage<T> {
  value?: (T & { '@removed'?: unknown })[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Checks a stored cursor: wrong kind or version is a bug (bad-input); a link to another host restarts. */
export function readCursor(
  cursor: Cursor | null,
  kind: string,
  graphUrl: string,
  onEvent?: (e: ConnectorEvent) => void,
): OutlookCursor | null {
  if (cursor === null) return null;
  if (cursor.kind !== kind || cursor.v !== 1 || typeof cursor.link !== 'string') {
    throw new ConnectorError('bad-input', `not an ${kind} v1 cursor`);
  }
  let sameHost = false;
  try {
    const u = new URL(cursor.link);
    sameHost = u.protocol === 'https:' && u.host === new URL(graphUrl).host;
  } catch {
    sameHost = false;
  }
  if (sameHost) return cursor as OutlookCursor;
  // The Graph URL changed (e.g. a move to a national cloud): the old link is useless there.
  onEvent?.({ type: 'resync', reason: 'cursor points at another Graph host' });
  return null;
}

export async function* deltaWalk<T>(
  g: GraphGetter,
  o: {
    kind: string;
    start: string;
    resume: OutlookCursor | null;
    headers: Record<string, string>;
    onEvent?: (e: ConnectorEvent) => void;
  },
): AsyncGenerator<{ items: T[]; cursor: OutlookCursor; done: boolean }> {
  let link = o.resume?.link ?? o.start;
  let fromStart = o.resume === null;
  let resynced = false;
  for (;;) {
    let page: GraphPage<T>;
    try {
      page = await g.get<GraphPage<T>>(link, o.headers);
    } catch (err) {
      if (err instanceof ConnectorError && err.code === 'cursor-expired' && !resynced && !fromStart) {
        resynced = true;
        fromStart = true;
        o.onEvent?.({ type: 'resync', reason: 'delta token expired (410 / SyncStateNotFound)' });
        link = o.start;
        continue;
      }
      throw err;
    }
    fromStart = false;
    const items = (page.value ?? []).filter((v) => v && v['@removed'] === undefined) as T[];
    const next = page['@odata.nextLink'];
    const delta = page['@odata.deltaLink'];
    if (next) {
      yield { items, cursor: { kind: o.kind, v: 1, link: next, phase: 'round' }, done: false };
      link = next;
    } else if (delta) {
      yield { items, cursor: { kind: o.kind, v: 1, link: delta, phase: 'delta' }, done: true };
      return;
    } else {
      throw new ConnectorError(
        'unavailable',
        'Graph page carried neither @odata.nextLink nor @odata.deltaLink',
      );
    }
  }
}
