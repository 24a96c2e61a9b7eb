/**
 * Why this file exists: the header stage of a page (connectors/imap/fetch-page.ts) asks the server for as few
 * bytes as the sender class allows: the header search decides which field list each message is fetched with
 * (header-search.ts), and INTERNALDATE comes only for a message whose Date header cannot give its date.
 */
import type { FetchMessageObject } from 'imapflow';
import { FULL_FIELDS, IDENTITY_FIELDS, checkPresence, signalUids } from './header-search.ts';
import type { PageFetchContext } from './fetch-page.ts';
import type { ImapClient } from './index.ts';

/** Header FETCH of `uids` with these fields, and BODYSTRUCTURE when asked (no command when `uids` is empty). */
async function fetchHeaders(
  ctx: PageFetchContext,
  c: ImapClient,
  uids: number[],
  fields: readonly string[],
  bodyStructure: boolean,
): Promise<FetchMessageObject[]> {
  if (uids.length === 0) return [];
  return ctx.call(() =>
    c.fetchAll(uids.join(','), { uid: true, bodyStructure, headers: [...fields] }, { uid: true }),
  );
}

/**
 * Headers of every UID of the page: the few IDENTITY_FIELDS for the messages the page's header search
 * clears, with their BODYSTRUCTURE (most of them are a person's mail, wanted), FULL_FIELDS without it for
 * the others (mostly bulk mail, ruled out: planPage fetches it if not); FULL_FIELDS with the structure for
 * every message when the server's search is refused, slow or found wrong on the run's first page
 * (header-search.ts).
 */
export async function fetchPageHeaders(
  ctx: PageFetchContext,
  c: ImapClient,
  uids: number[],
): Promise<FetchMessageObject[]> {
  const flagged = await signalUids(ctx.call, c, uids, ctx.headerSearch);
  if (!flagged) return fetchHeaders(ctx, c, uids, FULL_FIELDS, true);
  const cleared = uids.filter((u) => !flagged.has(u));
  const plain = await fetchHeaders(ctx, c, cleared, IDENTITY_FIELDS, true);
  const full = await fetchHeaders(ctx, c, [...flagged], FULL_FIELDS, false);
  const seen = new Set(
    [...plain, ...full]
      .filter((m) => /^message-id:/im.test(m.headers?.toString('latin1') ?? ''))
      .map((m) => m.uid),
  );
  if (await checkPresence(ctx.call, c, uids, seen, ctx.headerSearch)) return [...plain, ...full];
  // The server's search cannot be trusted: the cleared messages again, with every field.
  return [...(await fetchHeaders(ctx, c, cleared, FULL_FIELDS, true)), ...full];
}

/**
 * INTERNALDATE of the messages whose Date header is missing or unreadable (the MinimalMessage's date falls
 * back to it): ~45 bytes a message that nearly every message does without.
 */
export async function fetchMissingDates(
  ctx: PageFetchContext,
  c: ImapClient,
  undated: number[],
): Promise<Map<number, Date | string>> {
  const out = new Map<number, Date | string>();
  if (undated.length === 0) return out;
  const rows = await ctx.call(() =>
    c.fetchAll(undated.join(','), { uid: true, internalDate: true }, { uid: true }),
  );
  for (const r of rows) if (r.internalDate) out.set(r.uid, r.internalDate);
  return out;
}
