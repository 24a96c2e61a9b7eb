/**
 * The privacy-requests log (DSAR log): kind, keyed hash of the person (never the plain email), regime,
 * received and due dates, completion and a summary of what was done (counts, fields; never values).
 * Deadlines come from the jurisdiction policy: GDPR one calendar month (Art. 12(3)), LGPD 15 days
 * (Art. 19), CCPA 45 days...; the earliest due date among the person's jurisdictions applies.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { dueDate, type Deadline, type JurisdictionPolicy } from '../jurisdiction/policy.ts';
import type { PrivacyRequestKind } from './tables.ts';

export interface OpenedRequest {
  id: string;
  regime: string;
  receivedAt: string;
  dueAt: string;
}

/** The deadline that applies to a person with these jurisdiction codes (earliest due date wins). */
export function deadlineFor(
  codes: string[],
  policy: JurisdictionPolicy,
  from: Date,
): { deadline: Deadline; due: Date } {
  let best: { deadline: Deadline; due: Date } | null = null;
  for (const c of codes) {
    const d = policy.deadlines[c] ?? policy.deadlines[c.split('-')[0] ?? ''];
    if (!d) continue;
    const due = dueDate(from, d);
    if (!best || due < best.due) best = { deadline: d, due };
  }
  return best ?? { deadline: policy.defaultDeadline, due: dueDate(from, policy.defaultDeadline) };
}

export async function openRequest(
  trx: Kysely<DB>,
  r: {
    kind: PrivacyRequestKind;
    requestHash: string;
    codes: string[];
    channel: string;
    now: Date;
    policy: JurisdictionPolicy;
  },
): Promise<OpenedRequest> {
  const id = randomUUID();
  const { deadline, due } = deadlineFor(r.codes, r.policy, r.now);
  const receivedAt = r.now.toISOString();
  await trx
    .insertInto('privacy_requests')
    .values({
      id,
      kind: r.kind,
      subject_hash: r.requestHash,
      regime: deadline.regime,
      received_at: receivedAt,
      due_at: due.toISOString(),
      status: 'open',
      completed_at: null,
      channel: r.channel.slice(0, 16),
      outcome_json: null,
    })
    .execute();
  return { id, regime: deadline.regime, receivedAt, dueAt: due.toISOString() };
}

export async function completeRequest(
  trx: Kysely<DB>,
  id: string,
  outcome: Record<string, unknown>,
  now: Date,
  status: 'completed' | 'refused' = 'completed',
): Promise<void> {
  await trx
    .updateTable('privacy_requests')
    .set({ status, completed_at: now.toISOString(), outcome_json: JSON.stringify(outcome) })
    .where('id', '=', id)
    .execute();
}

/** Requests, newest first, optionally only open ones (for `sigmine privacy requests`). */
export async function listRequests(db: Kysely<DB>, openOnly = false, now: Date = new Date()) {
  let q = db.selectFrom('privacy_requests').selectAll().orderBy('received_at', 'desc');
  if (openOnly) q = q.where('status', '=', 'open');
  return (await q.execute()).map((r) => ({
    id: r.id,
    kind: r.kind,
    regime: r.regime,
    status: r.status,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    completedAt: r.completed_at,
    /** Still open after its legal deadline. */
    overdue: r.status === 'open' && r.due_at < now.toISOString(),
    channel: r.channel,
    outcome: r.outcome_json ? (JSON.parse(r.outcome_json) as unknown) : null,
  }));
}

/** How many requests are still open past their legal deadline (`/metrics`; counted through the index). */
export async function countOverdueRequests(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await db
    .selectFrom('privacy_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .where('due_at', '<', now.toISOString())
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
