/**
 * GDPR Art. 19: a rectification or erasure is communicated to each recipient the data were disclosed to. Our
 * recipients of a person's e-mail and phones are the members who revealed them in the directory (their
 * reveal records, src/store/member-directory.ts `revealersOf`). Each gets a mail of their own: it names the
 * person they revealed and what happened, never another member, nor how many others were told.
 *
 * Queued (`queueRecipientNotices`) inside the rectification's or erasure's transaction, so either both
 * happen or neither; sent by `sigmine notices send` (`sendRecipientNotices`) through the same transport and
 * the same failure rules as pre-add notices (src/notices/send.ts). Once sent, the row forgets the person's
 * name and address: after an erasure, the mail was the last reason to keep them.
 * Members opted out of the program are still told (they received the data), at the address they signed up
 * with. Each mail is in the member's language when we know it (`memberLanguage`), in the languages pre-add
 * notices are written in (src/notices/recipient-texts.ts), else in English.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { revealersOf } from '../store/member-directory.ts';
import { claimForSending } from './claim.ts';
import { MAX_ATTEMPTS, MAX_TEMPORARY_ATTEMPTS, retryDelayMs } from './send.ts';
import { failureOf, type NoticeTransport } from './transport.ts';
import { recipientLanguage, recipientMail, recipientTextHash } from './recipient-texts.ts';
import { noticeLanguageOf } from './outbox.ts';
import { decideJurisdiction } from '../jurisdiction/decide.ts';
import type { JurisdictionPolicy } from '../jurisdiction/policy.ts';

export const RECIPIENT_TEMPLATE_ID = 'recipient-notice/v1';

export interface RecipientEvent {
  profileId: string;
  kind: 'rectified' | 'erased';
  /** The person as members know them (read before an erasure deletes the profile). */
  contact: { name: string | null; email: string };
  /** The corrected fields (rectified). */
  fields?: string[];
  now: Date;
}

/**
 * Queues one notification per member who revealed the profile. A member with a notification of the same
 * kind about the same person still queued gets that one extended (two corrections before a send run make
 * one mail naming both fields). Returns how many members will be told.
 */
export async function queueRecipientNotices(trx: Kysely<DB>, e: RecipientEvent): Promise<number> {
  const members = await revealersOf(trx, e.profileId);
  for (const contributorId of members) {
    const waiting = await trx
      .selectFrom('recipient_notices')
      .select(['id', 'fields_json'])
      .where('contributor_id', '=', contributorId)
      .where('kind', '=', e.kind)
      .where('contact_email', '=', e.contact.email)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (waiting) {
      const fields = [...new Set([...(JSON.parse(waiting.fields_json) as string[]), ...(e.fields ?? [])])];
      await trx
        .updateTable('recipient_notices')
        .set({ fields_json: JSON.stringify(fields), contact_name: e.contact.name })
        .where('id', '=', waiting.id)
        .execute();
      continue;
    }
    await trx
      .insertInto('recipient_notices')
      .values({
        id: randomUUID(),
        contributor_id: contributorId,
        kind: e.kind,
        contact_name: e.contact.name,
        contact_email: e.contact.email,
        fields_json: JSON.stringify(e.fields ?? []),
        status: 'queued',
        queued_at: e.now.toISOString(),
        sent_at: null,
        attempts: 0,
        claimed_until: null,
        transport: null,
        provider_message_id: null,
        failure_code: null,
      })
      .execute();
  }
  return members.length;
}

export interface RecipientSendOptions {
  transport: NoticeTransport;
  from: string;
  publicUrl: string;
  /**
   * The keyed hash notices record their recipient by (src/privacy/subject.ts `subjectHash` under the
   * configured key): finds a notice we wrote to the member's own address, whose language the member is then
   * written in. Left out: not looked for.
   */
  subjectHashOf?: (email: string) => Promise<string>;
  /** The notice policy: a member's address domain picks the language as it would for a notice. */
  policy?: Readonly<JurisdictionPolicy>;
  now?: () => Date;
  limit?: number;
}

export interface RecipientSendOutcome {
  id: string;
  kind: 'rectified' | 'erased';
  status: 'sent' | 'queued' | 'failed' | 'bounced';
  providerMessageId: string | null;
  errorCode: string | null;
}

/** Sends queued Art. 19 notifications, one mail per member and event; outcomes as data. */
export async function sendRecipientNotices(
  db: Kysely<DB>,
  o: RecipientSendOptions,
): Promise<RecipientSendOutcome[]> {
  const now = o.now ?? (() => new Date());
  const rows = await dueRecipientNotices(db, now(), o.limit ?? 1000);
  const out: RecipientSendOutcome[] = [];
  for (const r of rows) {
    const t = now();
    if (!(await claimForSending(db, 'recipient_notices', r, t))) continue;
    out.push(await sendOneRecipientNotice(db, o, r, t));
  }
  return out;
}

/** Queued notifications not claimed by another run nor waiting out a retry delay, oldest first. */
function dueRecipientNotices(db: Kysely<DB>, now: Date, limit: number) {
  return db
    .selectFrom('recipient_notices')
    .innerJoin('contributors', 'contributors.id', 'recipient_notices.contributor_id')
    .select([
      'recipient_notices.id',
      'recipient_notices.kind',
      'recipient_notices.contact_name',
      'recipient_notices.contact_email',
      'recipient_notices.fields_json',
      'recipient_notices.attempts',
      'contributors.email as member',
    ])
    .where('recipient_notices.status', '=', 'queued')
    .where((eb) =>
      eb.or([
        eb('recipient_notices.claimed_until', 'is', null),
        eb('recipient_notices.claimed_until', '<', now.toISOString()),
      ]),
    )
    .orderBy('recipient_notices.queued_at')
    .limit(limit)
    .execute();
}

type DueRecipientNotice = Awaited<ReturnType<typeof dueRecipientNotices>>[number];

/** Sends one claimed notification; once sent, the row forgets the person's name and address. */
async function sendOneRecipientNotice(
  db: Kysely<DB>,
  o: RecipientSendOptions,
  r: DueRecipientNotice,
  t: Date,
): Promise<RecipientSendOutcome> {
  try {
    const mail = renderRecipientNotice(
      r.kind,
      {
        name: r.contact_name,
        email: r.contact_email ?? '',
        fields: JSON.parse(r.fields_json) as string[],
        directoryUrl: `${o.publicUrl}/member/directory`,
      },
      await memberLanguage(db, r.member, o),
    );
    const { providerMessageId } = await o.transport.send({
      noticeId: r.id,
      to: r.member,
      from: o.from,
      subject: mail.subject,
      body: mail.body,
      language: mail.language,
      templateId: RECIPIENT_TEMPLATE_ID,
      contentHash: recipientTextHash(RECIPIENT_TEMPLATE_ID, mail.language),
    });
    await db
      .updateTable('recipient_notices')
      .set({
        status: 'sent',
        sent_at: t.toISOString(),
        transport: o.transport.name,
        provider_message_id: providerMessageId,
        failure_code: null,
        claimed_until: null,
        contact_name: null,
        contact_email: null,
      })
      .where('id', '=', r.id)
      .execute();
    return { id: r.id, kind: r.kind, status: 'sent', providerMessageId, errorCode: null };
  } catch (err) {
    return recordRecipientFailure(db, r, t, err);
  }
}

/** A send that threw: bounced, failed after its attempts, or queued again after its retry delay. */
async function recordRecipientFailure(
  db: Kysely<DB>,
  r: DueRecipientNotice,
  t: Date,
  err: unknown,
): Promise<RecipientSendOutcome> {
  const code = String((err as { code?: unknown }).code ?? 'send-failed').slice(0, 64);
  const failure = failureOf(err);
  const attempts = r.attempts + 1;
  const status =
    failure === 'bounce'
      ? 'bounced'
      : attempts >= (failure === 'later' ? MAX_TEMPORARY_ATTEMPTS : MAX_ATTEMPTS)
        ? 'failed'
        : 'queued';
  const notBefore =
    status === 'queued' && failure === 'later'
      ? new Date(t.getTime() + retryDelayMs(attempts)).toISOString()
      : null;
  await db
    .updateTable('recipient_notices')
    .set({ status, failure_code: code, claimed_until: notBefore })
    .where('id', '=', r.id)
    .execute();
  return { id: r.id, kind: r.kind, status, providerMessageId: null, errorCode: code };
}

/** The mail to one member, in `language` (English when no text is written in it). Pure. */
export function renderRecipientNotice(
  kind: 'rectified' | 'erased',
  v: { name: string | null; email: string; fields: string[]; directoryUrl: string },
  language = 'en',
): { language: string; subject: string; body: string } {
  return recipientMail(language, kind, v);
}

/**
 * The language a member is written to: the language of the newest pre-add notice sent to their own address
 * (they read one from us before), else the one a notice to their address would be written in (its country
 * domain, by the notice policy), else English.
 */
export async function memberLanguage(
  db: Kysely<DB>,
  email: string,
  o: Pick<RecipientSendOptions, 'subjectHashOf' | 'policy'>,
): Promise<string> {
  if (o.subjectHashOf) {
    const noticed = await noticeLanguageOf(db, await o.subjectHashOf(email));
    if (noticed) return recipientLanguage(noticed);
  }
  if (!o.policy) return 'en';
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const decided = decideJurisdiction({ phones: [], addresses: [], emailDomain: domain }, o.policy);
  return recipientLanguage(decided.language);
}
