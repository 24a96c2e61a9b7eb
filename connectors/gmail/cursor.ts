/**
 * Gmail cursors, versioned and validated before use. `full`: a listing in progress (resume at
 * `pageToken`; `historyId` was recorded from the profile BEFORE listing, so nothing that arrives
 * during the listing is missed; `after` is the listing's fixed lower bound, epoch seconds, since a
 * page token is only valid with the same query). `history`: incremental from `historyId` (and
 * `pageToken` when a run stopped between history pages); `syncedAt` is when the last complete sync
 * started, which bounds the relisting when the history id has expired.
 */
import type { Cursor } from '../types.ts';

export interface GmailCursor extends Cursor {
  kind: 'gmail';
  v: 1;
  mode: 'full' | 'history';
  historyId: string;
  pageToken: string | null;
  /** Messages listed so far in this full sync (bounds a resync). */
  listed: number;
  after: number | null;
  syncedAt: string | null;
}

export function gmailCursor(
  c: Pick<GmailCursor, 'mode' | 'historyId' | 'pageToken'> &
    Partial<Pick<GmailCursor, 'listed' | 'after' | 'syncedAt'>>,
): GmailCursor {
  return {
    kind: 'gmail',
    v: 1,
    mode: c.mode,
    historyId: c.historyId,
    pageToken: c.pageToken,
    listed: c.listed ?? 0,
    after: c.after ?? null,
    syncedAt: c.syncedAt ?? null,
  };
}

/** The cursor if it is a valid v1 Gmail cursor, else null (the caller resyncs). */
export function parseGmailCursor(c: Cursor | null): GmailCursor | null {
  if (!c || c.kind !== 'gmail' || c.v !== 1) return null;
  const { mode, historyId, pageToken, listed, after, syncedAt } = c as Partial<GmailCursor>;
  if (mode !== 'full' && mode !== 'history') return null;
  if (typeof historyId !== 'string' || !/^\d{1,30}$/.test(historyId)) return null;
  if (pageToken !== null && (typeof pageToken !== 'string' || pageToken.length > 2048)) return null;
  return gmailCursor({
    mode,
    historyId,
    pageToken,
    listed: typeof listed === 'number' && listed >= 0 ? listed : 0,
    after: typeof after === 'number' && Number.isFinite(after) ? after : null,
    syncedAt: typeof syncedAt === 'string' && Number.isFinite(Date.parse(syncedAt)) ? syncedAt : null,
  });
}
