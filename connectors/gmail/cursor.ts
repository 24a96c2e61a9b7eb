/**
 * Gmail cursors, versioned and validated before use. `full`: a listing in progress (resume at
 * `pageToken`; `historyId` was recorded from the profile BEFORE listing, so nothing that arrives
 * during the listing is missed). `history`: incremental from `historyId` (and `pageToken` when a run
 * stopped between history pages).
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
}

export function gmailCursor(
  c: Pick<GmailCursor, 'mode' | 'historyId' | 'pageToken' | 'listed'>,
): GmailCursor {
  return {
    kind: 'gmail',
    v: 1,
    mode: c.mode,
    historyId: c.historyId,
    pageToken: c.pageToken,
    listed: c.listed,
  };
}

/** The cursor if it is a valid v1 Gmail cursor, else null (the caller resyncs). */
export function parseGmailCursor(c: Cursor | null): GmailCursor | null {
  if (!c || c.kind !== 'gmail' || c.v !== 1) return null;
  const { mode, historyId, pageToken, listed } = c as Partial<GmailCursor>;
  if (mode !== 'full' && mode !== 'history') return null;
  if (typeof historyId !== 'string' || !/^\d{1,30}$/.test(historyId)) return null;
  if (pageToken !== null && (typeof pageToken !== 'string' || pageToken.length > 2048)) return null;
  return gmailCursor({ mode, historyId, pageToken, listed: typeof listed === 'number' ? listed : 0 });
}
