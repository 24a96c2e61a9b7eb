/**
 * Outlook / Microsoft 365 mail through Microsoft Graph: Inbox messages by delta query, handed over as
 * MinimalMessages (selected headers + a bounded tail of the newest part). Read-only by construction
 * (the Graph client refuses anything but GET).
 *
 * Decisions (see docs in the Graph references cited in provider-facts.md §5):
 * - Inbox only. Sent Items would carry the contributor's own signature and, as recipients, only names
 *   from headers; it would double the API cost for little. Delta is per folder, so adding a folder later
 *   means one more cursor.
 * - `$select` = from, sender, toRecipients, ccRecipients, replyTo, receivedDateTime, sentDateTime,
 *   internetMessageId, uniqueBody, internetMessageHeaders. `uniqueBody` (not `body`): Exchange already
 *   removed the quoted history. `internetMessageHeaders` is the only way to see List-Id, Precedence,
 *   Auto-Submitted and ESP headers for bulk detection; it is returned only when selected. Of those
 *   headers we keep the same set as the file parser (parsers/message.ts selectHeaders); subject and the
 *   rest are dropped on arrival.
 * - `Prefer: outlook.body-content-type="text"` on every page (headers are not baked into delta tokens);
 *   if a body still comes back as HTML we flatten it with the parser's bounded htmlToText.
 * - First round bounded by `$filter=receivedDateTime ge <since, default a year>` (Graph then caps the
 *   round at 5,000 messages) and ordered `$orderby=receivedDateTime desc`, so a capped round is the
 *   newest 5,000, not an unspecified subset.
 * - `changeType=created` (message-delta): later rounds bring new messages only. Without it, Graph
 *   re-delivers a message each time it is read, flagged or moved, and reports deletions as `@removed`
 *   items (both still handled for cursors saved before: `@removed` dropped in delta.ts, re-deliveries
 *   recognised as processed).
 * - Headers first (connectors/headers-first.ts): Graph sends uniqueBody in the same page (one request per
 *   50 messages; a second request per message would cost more than the bytes it saves), so for a
 *   ruled-out or already-processed message the body is dropped on arrival, unread, and only the headers
 *   are handed over.
 */
import { htmlToText } from '../../parsers/html-to-text.ts';
import { delimiterHint, isoDate, selectHeaders, tailOf } from '../../parsers/message.ts';
import { MAX_TEXT_CHARS, MAX_HEADER_VALUE } from '../../parsers/budget.ts';
import { newestPart } from '../../parsers/newest-part.ts';
import type { MinimalMessage } from '../../parsers/types.ts';
import type { ConnectionInfo, Connector, ConnectorDeps, ConnectorFactory } from '../types.ts';
import { windowStart, type OutlookOptions } from './connection.ts';
import { graphSource } from './graph-source.ts';
import { planBodies } from '../headers-first.ts';
import { microsoftConsent } from './consent.ts';

export const MAIL_SELECT = [
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'replyTo',
  'receivedDateTime',
  'sentDateTime',
  'internetMessageId',
  'uniqueBody',
  'internetMessageHeaders',
].join(',');

export const PREFER_TEXT = 'outlook.body-content-type="text"';

interface GraphRecipient {
  emailAddress?: { name?: string | null; address?: string | null } | null;
}

export interface GraphMessage {
  id: string;
  from?: GraphRecipient | null;
  sender?: GraphRecipient | null;
  toRecipients?: GraphRecipient[] | null;
  ccRecipients?: GraphRecipient[] | null;
  replyTo?: GraphRecipient[] | null;
  receivedDateTime?: string | null;
  sentDateTime?: string | null;
  internetMessageId?: string | null;
  uniqueBody?: { contentType?: string; content?: string | null } | null;
  internetMessageHeaders?: { name: string; value: string }[] | null;
}

/** At most this many recipients per header: enough for any real To/Cc, bounded for hostile ones. */
const MAX_RECIPIENTS = 100;

/** Creates the mail connector; `opts` are for tests (transport, retry budget, page size). */
export function createOutlookMail(
  conn: ConnectionInfo,
  deps: ConnectorDeps,
  opts: OutlookOptions = {},
): Connector {
  return graphSource<GraphMessage>(conn, deps, opts, {
    kind: 'outlook',
    start: (since) =>
      `/me/mailFolders/inbox/messages/delta?changeType=created&$select=${MAIL_SELECT}` +
      `&$filter=receivedDateTime%20ge%20${windowStart(since)}&$orderby=receivedDateTime%20desc`,
    prefer: `${PREFER_TEXT}, odata.maxpagesize=${opts.pageSize ?? 50}`,
    map: async (items) => {
      const heads = items.map((m) => toMinimalMessage({ ...m, uniqueBody: null }));
      const { wanted } = await planBodies(heads, deps);
      return {
        messages: items.map((m, i) => (wanted.has(m.id) ? toMinimalMessage(m) : heads[i]!)),
        contacts: [],
      };
    },
  });
}

/** A Graph message -> MinimalMessage. The body never leaves this function except as the bounded tail. */
export function toMinimalMessage(m: GraphMessage): MinimalMessage {
  const raw = new Map<string, string>();
  for (const h of (m.internetMessageHeaders ?? []).slice(0, 500)) {
    if (typeof h?.name === 'string' && typeof h.value === 'string')
      raw.set(h.name.toLowerCase(), h.value.slice(0, MAX_HEADER_VALUE));
  }
  const headers = selectHeaders(raw);
  // Graph's structured fields are authoritative (already decoded); the raw copies are dropped.
  for (const k of ['from', 'sender', 'reply-to', 'to', 'cc', 'date', 'message-id', 'return-path', 'x-from'])
    delete headers[k];
  const from = m.from ?? m.sender;
  setHeader(headers, 'from', from ? formatAddress(from) : '');
  if (m.sender && m.from && m.sender.emailAddress?.address !== m.from.emailAddress?.address) {
    setHeader(headers, 'sender', formatAddress(m.sender));
  }
  setHeader(headers, 'reply-to', formatList(m.replyTo));
  setHeader(headers, 'to', formatList(m.toRecipients));
  setHeader(headers, 'cc', formatList(m.ccRecipients));
  const when = m.sentDateTime ?? m.receivedDateTime ?? null;
  const iso = isoDate(when ?? undefined);
  if (iso) headers.date = new Date(iso).toUTCString();
  if (m.internetMessageId) setHeader(headers, 'message-id', m.internetMessageId);

  // Newest part: uniqueBody already lacks the quoted history; newestPart still cuts forwards, client
  // footers and disclaimers. The head is kept (the newest text is at the top), then the tail is cut.
  let text = (m.uniqueBody?.content ?? '').slice(0, MAX_TEXT_CHARS);
  if (m.uniqueBody?.contentType?.toLowerCase() === 'html') text = htmlToText(text);
  const newest = text === '' ? '' : newestPart(text.replace(/\r\n?/g, '\n'));
  return { sourceId: m.id, headers, tail: tailOf(newest), date: iso, signatureHint: delimiterHint(newest) };
}

function setHeader(h: Record<string, string>, k: string, v: string) {
  if (v !== '') h[k] = v;
}

/** RFC 5322 mailbox: `"Name" <addr>`; CR/LF removed so a hostile name cannot forge header lines. */
export function formatAddress(r: GraphRecipient): string {
  const clean = (s: string | null | undefined) =>
    (s ?? '')
      .replace(/[\r\n\t]+/g, ' ')
      .trim()
      .slice(0, 320);
  const addr = clean(r.emailAddress?.address).replace(/[<>\s]/g, '');
  const name = clean(r.emailAddress?.name);
  if (!addr) return name ? `"${name.replace(/["\\]/g, '\\$&')}"` : '';
  if (!name || name.toLowerCase() === addr.toLowerCase()) return addr;
  return `"${name.replace(/["\\]/g, '\\$&')}" <${addr}>`;
}

function formatList(list: GraphRecipient[] | null | undefined): string {
  return (list ?? []).slice(0, MAX_RECIPIENTS).map(formatAddress).filter(Boolean).join(', ');
}

export const factory: ConnectorFactory = {
  kinds: ['outlook'],
  oauth: microsoftConsent('outlook'),
  create: (conn, deps) => createOutlookMail(conn, deps),
  /**
   * Microsoft offers no revoke endpoint for delegated refresh tokens in this flow (the person can remove
   * the app at myapps.microsoft.com): opting out discards the tokens, which the caller records.
   */
  async revoke() {},
};
