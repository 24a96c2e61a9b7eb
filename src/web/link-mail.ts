/**
 * Asking for a link by mail (privacy center and member sign-in), in one place: rate limits kept in the
 * database, then the mail queued (src/web/mail-queue.ts), which tries a temporary relay failure again with
 * backoff; every attempt signs the link afresh. The caller always answers the same page, so
 * neither the page nor its timing says whether we hold the address or whether a limit was hit.
 *
 * Limits (sliding hour, shared by both forms, across restarts and processes):
 * - per address: `PER_ADDRESS` mails, so the forms cannot be used to flood an inbox;
 * - per client address: `PER_CLIENT` requests, so one client cannot walk a list of addresses. An office
 *   behind one NAT address shares it: 20 an hour is about one sign-in every three minutes, plenty for
 *   links that are asked for once a day, and low enough that probing a list is slow.
 * Addresses and client addresses are bucketed by a keyed hash (never stored in the clear). An IPv6 client
 * counts by its /64 network: one subscriber usually holds a whole /64 (RFC 6177), so counting single
 * addresses would give one client 2^64 buckets.
 */
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { NoticeTransport, OutgoingNotice } from '../notices/transport.ts';
import { subjectAddress } from '../privacy/subject.ts';
import { hasherFromSecret } from '../store/keyed-hash.ts';
import { signLink, type LinkScope } from './links.ts';
import type { MailQueue } from './mail-queue.ts';
import { sweepSlots, takeSlot, type RateRule } from '../sessions/rate-slots.ts';

const HOUR = 60 * 60_000;
/** At most 3 link mails per address per hour (both forms together). */
export const PER_ADDRESS: RateRule = { limit: 3, windowMs: HOUR };
/** At most 20 link requests per client address per hour. */
export const PER_CLIENT: RateRule = { limit: 20, windowMs: HOUR };

export interface LinkRequest {
  scope: LinkScope;
  /** A checked address (src/privacy/locate.ts `checkEmail`). */
  email: string;
  /** The client's address, when known. */
  client: string | undefined;
  /** Decides in the background whether to mail at all (the privacy center mails only what we hold). */
  shouldSend?: () => Promise<boolean>;
  /** The mail around the freshly signed token. */
  compose: (token: string) => Omit<OutgoingNotice, 'noticeId' | 'to'>;
}

export interface LinkMailer {
  /** Applies the limits and queues the mail; resolves before any lookup or sending. */
  request(r: LinkRequest): Promise<void>;
}

export function linkMailer(o: {
  db: Kysely<DB>;
  linkKey: Uint8Array;
  queue: MailQueue;
  transport: NoticeTransport;
  now: () => Date;
}): LinkMailer {
  const bucketHash = hasherFromSecret(o.linkKey, 'sigmine/web-rate/v1');
  let sequence = 0;
  return {
    async request(r) {
      const now = o.now();
      await sweepSlots(o.db, HOUR, now);
      if (
        r.client &&
        !(await takeSlot(o.db, `client:${bucketHash(clientNetwork(r.client))}`, PER_CLIENT, now))
      )
        return;
      if (!(await takeSlot(o.db, `addr:${bucketHash(subjectAddress(r.email))}`, PER_ADDRESS, now))) return;
      const id = `${r.scope}-link-${now.getTime()}-${++sequence}-${Math.random().toString(36).slice(2, 8)}`;
      // The whole job is one attempt: a retry after a relay failure looks up, signs and composes again.
      o.queue.enqueue(`${r.scope}-link`, async () => {
        if (r.shouldSend && !(await r.shouldSend())) return;
        const token = signLink(o.linkKey, r.email, { now: o.now(), scope: r.scope });
        await o.transport.send({ ...r.compose(token), noticeId: id, to: r.email });
      });
    },
  };
}

/** The unit a client is counted by: an IPv4 address as it is, an IPv6 address by its /64 network. */
export function clientNetwork(address: string): string {
  const a = address.trim().toLowerCase().replace(/%.*$/, '');
  if (!isIPv6(a)) return a;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = a.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = a.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The `contentHash` of a link mail (its `X-Sigmine-Template` digest): SHA-256 of its template id, subject and
 * body with the link's token and the person's address left out, so every mail of one template and language
 * carries the same digest, as a notice does, and no digest depends on a token or names anyone.
 */
export function linkMailHash(
  templateId: string,
  subject: string,
  body: string,
  blanks: { token: string; email?: string },
): string {
  let text = body.split(encodeURIComponent(blanks.token)).join('{token}');
  if (blanks.email) text = text.split(blanks.email).join('{email}');
  return createHash('sha256').update(`${templateId}\n${subject}\n${text}`).digest('hex');
}
