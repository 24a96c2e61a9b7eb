/**
 * Sends queued notices through a transport, one at a time, and records the outcome per notice (outcomes
 * as data: one failing recipient does not stop the batch). Delivery is at-least-once: a crash between
 * the transport's acceptance and the status update re-sends that one notice on the next run.
 * A sent notice starts its contact's objection window (held contacts only).
 *
 * A failure is decided here, from the transport's classification (src/notices/transport.ts `failureOf`): a
 * recipient refused for good is recorded exactly like a bounce message (`recordBounce`); a temporary failure
 * (a 4xx reply, a relay that cannot be reached) stays queued and waits `retryDelayMs` before the next try;
 * anything else is a failed attempt, and after MAX_ATTEMPTS the notice is `failed`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { JurisdictionPolicy } from '../jurisdiction/policy.ts';
import { claimForSending } from './claim.ts';
import { controllerLines, type ControllerDetails } from './controller.ts';
import type { NoticeGate } from './notice-gate.ts';
import { renderNotice } from './templates.ts';
import { failureOf, type NoticeTransport } from './transport.ts';

/** After this many failed attempts a notice is marked `failed` (its held contact stays pending). */
export const MAX_ATTEMPTS = 3;
/**
 * Temporary failures get more tries, spread out: 8 tries with the delays below span about 10 hours, so a
 * relay down for a night's maintenance or a greylisting server (which usually accepts after 5-15 minutes)
 * still gets the notice, and a relay down for longer ends as `failed` for the operator to `notices retry`.
 */
export const MAX_TEMPORARY_ATTEMPTS = 8;

/** Wait before the next try after `attempts` temporary failures: 5 min, doubling, at most 4 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5 * 60_000 * 2 ** Math.max(0, attempts - 1), 4 * 3_600_000);
}

export interface SendOptions {
  transport: NoticeTransport;
  /** The contacts' publication gates (privacy's `noticeGate`): who is held, whose window a delivery starts. */
  gate: NoticeGate;
  policy: Readonly<JurisdictionPolicy>;
  publicUrl: string;
  from: string;
  /**
   * Who the notice names as controller and data-protection officer (config.controller). Left out or unset,
   * the notice marks the gap ("[not configured: ...]"); `notices send` refuses real mail in that case.
   */
  controller?: ControllerDetails;
  now?: () => Date;
  limit?: number;
}

export interface SendOutcome {
  noticeId: string;
  /** `bounced`: the relay refused the recipient for good (recorded like a bounce message). */
  status: 'sent' | 'queued' | 'failed' | 'bounced';
  providerMessageId: string | null;
  errorCode: string | null;
}

const DAY_MS = 86_400_000;

export async function sendQueued(db: Kysely<DB>, o: SendOptions): Promise<SendOutcome[]> {
  const now = o.now ?? (() => new Date());
  const rows = await dueNotices(db, now(), o.limit ?? 1000);
  const held = await o.gate.heldAmong(
    db,
    rows.flatMap((r) => (r.profile_id ? [r.profile_id] : [])),
  );
  const out: SendOutcome[] = [];
  for (const r of rows) {
    // Claim the notice with a lease (claim.ts): of two concurrent runs only one sends it (at-least-once).
    const t = now();
    if (!(await claimForSending(db, 'notices', r, t))) continue;
    out.push(await sendOne(db, o, { ...r, held: r.profile_id !== null && held.has(r.profile_id) }, t));
  }
  return out;
}

/** Queued notices with an address, oldest first. */
function dueNotices(db: Kysely<DB>, now: Date, limit: number) {
  return (
    db
      .selectFrom('notices')
      .select([
        'notices.id',
        'notices.recipient',
        'notices.language',
        'notices.attempts',
        'notices.profile_id',
      ])
      .where('notices.status', '=', 'queued')
      .where('notices.recipient', 'is not', null)
      // Claimed by another run, or waiting out a retry delay: not now (and not taking a place in the limit).
      .where((eb) =>
        eb.or([eb('notices.claimed_until', 'is', null), eb('notices.claimed_until', '<', now.toISOString())]),
      )
      .orderBy('notices.queued_at')
      .limit(limit)
      .execute()
  );
}

/** A due notice and whether its contact's listing waits on it. */
type DueNotice = Awaited<ReturnType<typeof dueNotices>>[number] & { held: boolean };

/** Renders and sends one claimed notice, then records what happened to it. */
async function sendOne(db: Kysely<DB>, o: SendOptions, r: DueNotice, t: Date): Promise<SendOutcome> {
  const held = r.held;
  const windowEnds = new Date(t.getTime() + o.policy.objectionWindowDays * DAY_MS);
  const rendered = renderNotice(r.language, {
    privacyUrl: `${o.publicUrl}/privacy`,
    listDate: held ? windowEnds.toISOString().slice(0, 10) : null,
    controller: controllerLines(o.controller ?? { identity: null, dpo: null }),
  });
  try {
    const { providerMessageId } = await o.transport.send({
      noticeId: r.id,
      to: r.recipient!,
      from: o.from,
      subject: rendered.subject,
      body: rendered.body,
      language: rendered.language,
      templateId: rendered.templateId,
      contentHash: rendered.contentHash,
    });
    await markSent(db, o.gate, r, t, {
      templateId: rendered.templateId,
      contentHash: rendered.contentHash,
      transport: o.transport.name,
      providerMessageId,
      windowEnds: held ? windowEnds : null,
    });
    return { noticeId: r.id, status: 'sent', providerMessageId, errorCode: null };
  } catch (err) {
    return recordFailure(db, o.gate, r, t, err);
  }
}

/** Marks the notice sent and, for a held contact, starts its objection window, in one transaction. */
async function markSent(
  db: Kysely<DB>,
  gate: NoticeGate,
  r: DueNotice,
  t: Date,
  sent: {
    templateId: string;
    contentHash: string;
    transport: string;
    providerMessageId: string;
    windowEnds: Date | null;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('notices')
      .set({
        status: 'sent',
        sent_at: t.toISOString(),
        // The text that went out: a notice queued under an older template version is sent with today's.
        template_id: sent.templateId,
        content_hash: sent.contentHash,
        transport: sent.transport,
        provider_message_id: sent.providerMessageId,
        failure_code: null,
        claimed_until: null,
      })
      .where('id', '=', r.id)
      .execute();
    if (sent.windowEnds && r.profile_id) await gate.startWindow(trx, r.profile_id, sent.windowEnds);
  });
}

/** A send that threw: a bounce, a temporary failure that waits its retry delay, or a failed attempt. */
async function recordFailure(
  db: Kysely<DB>,
  gate: NoticeGate,
  r: DueNotice,
  t: Date,
  err: unknown,
): Promise<SendOutcome> {
  const code = String((err as { code?: unknown }).code ?? 'send-failed').slice(0, 64);
  const failure = failureOf(err);
  if (failure === 'bounce') {
    await recordBounce(db, gate, { id: r.id }, t);
    await db
      .updateTable('notices')
      .set({ failure_code: code, claimed_until: null })
      .where('id', '=', r.id)
      .execute();
    return { noticeId: r.id, status: 'bounced', providerMessageId: null, errorCode: code };
  }
  const attempts = r.attempts + 1;
  const failed = attempts >= (failure === 'later' ? MAX_TEMPORARY_ATTEMPTS : MAX_ATTEMPTS);
  // The claim becomes the retry delay: no run takes a temporarily failed notice before it ends.
  const notBefore =
    failure === 'later' && !failed ? new Date(t.getTime() + retryDelayMs(attempts)).toISOString() : null;
  await db
    .updateTable('notices')
    .set({ status: failed ? 'failed' : 'queued', failure_code: code, claimed_until: notBefore })
    .where('id', '=', r.id)
    .execute();
  return { noticeId: r.id, status: failed ? 'failed' : 'queued', providerMessageId: null, errorCode: code };
}

export interface BounceOutcome {
  noticeId: string;
  /** The contact's gate state after the bounce (`pending` stays pending: its window is cancelled). */
  gate: string | null;
}

/**
 * Records a bounce for a notice found by id or provider message id. The objection window is cancelled,
 * so a held contact stays pending until a later notice is delivered. Returns null when no notice matches.
 */
export async function recordBounce(
  db: Kysely<DB>,
  gate: NoticeGate,
  key: { id?: string; providerMessageId?: string },
  now: Date = new Date(),
): Promise<BounceOutcome | null> {
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('notices').select(['id', 'profile_id']);
    if (key.id) q = q.where('id', '=', key.id);
    else if (key.providerMessageId) q = q.where('provider_message_id', '=', key.providerMessageId);
    else return null;
    const n = await q.executeTakeFirst();
    if (!n) return null;
    await trx
      .updateTable('notices')
      .set({ status: 'bounced', bounced_at: now.toISOString() })
      .where('id', '=', n.id)
      .execute();
    const state = n.profile_id ? await gate.cancelWindow(trx, n.profile_id) : null;
    return { noticeId: n.id, gate: state };
  });
}

/**
 * Puts a bounced or failed notice back in the queue (after the address or the relay was fixed). Refused
 * (null) when the notice was erased (no recipient) or is not bounced/failed.
 */
export async function requeueNotice(db: Kysely<DB>, id: string): Promise<{ noticeId: string } | null> {
  const r = await db
    .updateTable('notices')
    .set({ status: 'queued', attempts: 0, failure_code: null, bounced_at: null, claimed_until: null })
    .where('id', '=', id)
    .where('status', 'in', ['bounced', 'failed'])
    .where('recipient', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0 ? { noticeId: id } : null;
}
