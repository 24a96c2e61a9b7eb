/**
 * Why this file exists: a FETCH of `BODY.PEEK[HEADER.FIELDS (...)]` makes the server repeat the whole field
 * list in every message's response (RFC 3501 7.4.2: `BODY[HEADER.FIELDS (FROM ...)]`). With the 63 fields
 * the parser keeps, that echo was ~0.8 KiB per message, more than the headers themselves. Most of those
 * fields only rule out bulk or automated mail and are absent from a person's mail, so one
 * `UID SEARCH UID <page> OR HEADER List-Id "" OR HEADER Precedence "" ...` per page (RFC 3501 6.4.4: HEADER
 * with an empty string matches every message that has the field) tells which messages carry any of them.
 * Only those get the long list; every other message is fetched with the five IDENTITY_FIELDS, and lacks the
 * others by the server's own word, so it gives the same MinimalMessage headers (less the UNREAD_FIELDS) and
 * the same sender class.
 *
 * A server may refuse the search (NO/BAD), answer it wrongly, or slowly; none of that may change what is
 * extracted. Refused: the page and the rest of the run use the long list, as before. Wrong: the first
 * searched page of a run is checked against headers the server already sent (see `checkPresence`).
 * Slow: a search that takes SLOW_SEARCH_MS or more ends the searching for the rest of the run.
 */
import { HEADER_FIELDS } from '../header-fields.ts';
import type { ImapClient } from './index.ts';

/**
 * Fields fetched for every message: the sender's identity (From; Sender and Reply-To, which the sender
 * class reads for list relays and delegates and which a person's mail often carries), the date and the
 * Message-ID (the store's idempotency key). 5 names: a ~45-byte echo.
 */
export const IDENTITY_FIELDS: readonly string[] = ['from', 'sender', 'reply-to', 'date', 'message-id'];

/**
 * Fields the parser keeps but nothing reads once a message is handed over (parsers/sender-class.ts,
 * parsers/extract.ts and the store read none of them), and that almost every message carries, so a search
 * for them would match every message: To, Cc, Return-Path, X-Mailer, User-Agent. Never fetched over IMAP.
 */
export const UNREAD_FIELDS: readonly string[] = ['to', 'cc', 'return-path', 'x-mailer', 'user-agent'];

/** Fields searched for per page (bulk, list and automation signals, X-From, X-Original-From). */
export const SIGNAL_FIELDS: readonly string[] = HEADER_FIELDS.filter(
  (f) => !IDENTITY_FIELDS.includes(f) && !UNREAD_FIELDS.includes(f),
);

/** The field list of a message that carries a signal field: everything the sender class may read. */
export const FULL_FIELDS: readonly string[] = [...IDENTITY_FIELDS, ...SIGNAL_FIELDS];

/**
 * A page of 100 headers is fetched in a few milliseconds from Dovecot's cache; a server that needs 5 s to
 * search the same 100 messages reads them whole, and would double a page's time for ~80 KiB of echo saved:
 * the run goes back to the long list.
 */
export const SLOW_SEARCH_MS = 5_000;

/**
 * How far a run trusts the server's header search: not yet checked, checked, or found wrong or refused;
 * `slow` once a search took SLOW_SEARCH_MS (its answer still counts, no later page searches).
 */
export interface HeaderSearchState {
  mode: 'unchecked' | 'trusted' | 'off';
  slow: boolean;
}

/** A run's state before its first page. */
export const freshHeaderSearch = (): HeaderSearchState => ({ mode: 'unchecked', slow: false });

/** The UIDs of `uids` that carry a signal field, or null when the server refused the search. */
export async function signalUids(
  call: <T>(fn: () => Promise<T>) => Promise<T>,
  c: ImapClient,
  uids: number[],
  state: HeaderSearchState,
  now: () => number = Date.now,
): Promise<Set<number> | null> {
  if (state.mode === 'off' || state.slow) return null;
  const t0 = now();
  const found = await call(() =>
    c.search({ uid: uids.join(','), or: SIGNAL_FIELDS.map((f) => ({ header: { [f]: '' } })) }, { uid: true }),
  );
  if (now() - t0 >= SLOW_SEARCH_MS) state.slow = true;
  if (!Array.isArray(found)) {
    state.mode = 'off';
    return null;
  }
  const page = new Set(uids);
  return new Set(found.filter((u) => page.has(u)));
}

/**
 * A field no mail carries, for the presence check: a server that answers an empty-string search with every
 * message would flag every page. (A sender who adds it only makes the check fail: the long list, as before.)
 */
export const ABSENT_FIELD = 'x-sigmine-presence-check';

/**
 * The first searched page of a run: does the server's empty-string HEADER search match presence? Asks which
 * messages of the page carry a Message-ID, and compares with the fields it has just sent (`seen`: UIDs
 * whose fetched headers hold one), and which carry ABSENT_FIELD (none). Servers are known to get this wrong
 * both ways (some answer none, some every message); either fails the check, and the run goes back to the
 * long list. Returns whether the search can be trusted.
 */
export async function checkPresence(
  call: <T>(fn: () => Promise<T>) => Promise<T>,
  c: ImapClient,
  uids: number[],
  seen: ReadonlySet<number>,
  state: HeaderSearchState,
): Promise<boolean> {
  if (state.mode !== 'unchecked') return state.mode === 'trusted';
  const set = uids.join(',');
  const present = await call(() => c.search({ uid: set, header: { 'message-id': '' } }, { uid: true }));
  const got = new Set(Array.isArray(present) ? present : []);
  // A page without a single Message-ID proves nothing: not trusted.
  let same = Array.isArray(present) && seen.size > 0 && uids.every((u) => got.has(u) === seen.has(u));
  if (same) {
    const absent = await call(() => c.search({ uid: set, header: { [ABSENT_FIELD]: '' } }, { uid: true }));
    same = Array.isArray(absent) && absent.length === 0;
  }
  state.mode = same ? 'trusted' : 'off';
  return same;
}
