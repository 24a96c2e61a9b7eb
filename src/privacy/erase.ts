/**
 * Erasure (Art. 17) and objection (Art. 21): the person's keyed hash goes on the suppression list, and the
 * profile, its observations, pins, job history, publication gate and jurisdiction decisions are deleted.
 * The notice log keeps its rows as evidence (template hash, times, status, keyed recipient hash) but loses
 * the plain recipient address and the profile link. The person's address is also removed where it was seen
 * as a field of someone else's profile (a colleague's signature listing it).
 *
 * Objection = erasure + suppression, recorded with reason `objection`: under Art. 21(2)-(3) an objection to
 * a directory used for business contact is treated as absolute (we do not weigh compelling grounds), so it
 * ends in the same state as an erasure; the request log keeps the difference.
 */
import { forgetExcludedAddress } from '../connections/exclusions.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { forgetAddress, forgetProfile } from '../store/forget.ts';
import { profileById } from '../store/profile-admin.ts';
import { noticeIdsTo, scrubNoticesOfProfile, scrubNoticesTo } from '../notices/outbox.ts';
import { locatePerson } from './locate.ts';
import { sameMailbox } from './subject.ts';
import type { PrivacyOptions } from './options.ts';
import { completeRequest, openRequest } from './requests.ts';
import { scrubAfterErasure, type PgVacuum } from './scrub.ts';
import { queueRecipientNotices } from '../notices/recipient-notices.ts';

export interface ErasureOutcome {
  requestId: string;
  kind: 'erase' | 'object';
  regime: string;
  dueAt: string;
  profilesDeleted: number;
  observationsDeleted: number;
  noticesScrubbed: number;
  alreadySuppressed: boolean;
  scrub: string;
  /** Notice files removed from the outbox directory. */
  outboxFilesRemoved?: number;
}

export interface ErasureOptions extends PrivacyOptions {
  now?: Date;
  channel?: string;
  /** PostgreSQL only: VACUUM FULL (default), plain VACUUM, or none. */
  pgVacuum?: PgVacuum;
  /** PostgreSQL only: how long to wait for older snapshots before vacuuming (default 60 s). */
  pgWaitMs?: number;
  /** The file transport's outbox (`Config.noticeOutbox`): the person's notice files (`<id>.eml`) are deleted
   * too; false = leave files alone (SMTP delivery, or a caller with no outbox). */
  outboxDir: string | false;
}

/** Deletes everything about the person inside `trx` and suppresses them. No scrub (see `erasePerson`). */
export async function eraseInTransaction(
  trx: Kysely<DB>,
  email: string,
  kind: 'erase' | 'object',
  opts: ErasureOptions,
): Promise<Omit<ErasureOutcome, 'scrub'> & { noticeIds: string[] }> {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const p = await locatePerson(trx, email, opts.policy, opts.secretKey);
  const req = await openRequest(trx, {
    kind,
    requestHash: p.requestHash,
    codes: p.codes,
    channel: opts.channel ?? 'cli',
    now,
    policy: opts.policy,
  });
  const alreadySuppressed = await suppressSubject(trx, p.subjectHash, kind, req.id, at);
  const noticeIds = await noticeIdsTo(trx, p.subjectHash);
  let observationsDeleted = 0;
  let profilesDeleted = 0;
  let noticesScrubbed = 0;
  for (const id of p.profileIds) {
    const erased = await eraseProfile(trx, id, now);
    profilesDeleted += erased.profilesDeleted;
    observationsDeleted += erased.observationsDeleted;
    noticesScrubbed += erased.noticesScrubbed;
  }
  noticesScrubbed += await scrubNoticesTo(trx, p.subjectHash);
  // The address seen in other profiles' values (a colleague's signature listing it as an e-mail line, a
  // "mailto:" website, a Skype handle): the store forgets those observations and recomputes the profiles
  // (and drops it from pinned lists). Dot/plus variants of the same mailbox stored before the erasure go
  // too: ingest already blocks them from now on (subject.ts `sameMailbox`).
  observationsDeleted += (await forgetAddress(trx, p.email, at, sameMailbox)).observationsDeleted;
  // Members' rules that excluded this address: the suppression list keeps the person out from now on.
  await forgetExcludedAddress(trx, p.email);
  const outcome = {
    requestId: req.id,
    kind,
    regime: req.regime,
    dueAt: req.dueAt,
    profilesDeleted,
    observationsDeleted,
    noticesScrubbed,
    alreadySuppressed,
    noticeIds,
  };
  await completeRequest(
    trx,
    req.id,
    { profilesDeleted, observationsDeleted, noticesScrubbed, suppressed: true },
    now,
  );
  return outcome;
}

/** Puts the person on the suppression list (once); true when they already were on it. */
async function suppressSubject(
  trx: Kysely<DB>,
  subjectHash: string,
  kind: 'erase' | 'object',
  requestId: string,
  at: string,
): Promise<boolean> {
  const existing = await trx
    .selectFrom('suppressions')
    .select('subject_hash')
    .where('subject_hash', '=', subjectHash)
    .executeTakeFirst();
  if (!existing) {
    await trx
      .insertInto('suppressions')
      .values({
        subject_hash: subjectHash,
        scope: 'email',
        reason: kind === 'object' ? 'objection' : 'erasure',
        request_id: requestId,
        created_at: at,
        last_blocked_at: null,
      })
      .execute();
  }
  return Boolean(existing);
}

/** One of the person's profiles forgotten, with its gate, decisions, and the notices' copy of the address. */
async function eraseProfile(trx: Kysely<DB>, id: string, now: Date) {
  const at = now.toISOString();
  // Art. 19: members who revealed the person are told, each in a mail of their own (read before the
  // profile goes: the mail must say whom it is about).
  const who = await profileById(trx, id);
  if (who) {
    const contact = { name: who.name, email: who.email };
    await queueRecipientNotices(trx, { profileId: id, kind: 'erased', contact, now });
  }
  // The store forgets the profile: observations, values, pins, job history, ledger links, company recount.
  const forgotten = await forgetProfile(trx, id, at);
  await trx.deleteFrom('privacy_gates').where('profile_id', '=', id).execute();
  await trx.deleteFrom('jurisdiction_decisions').where('profile_id', '=', id).execute();
  const noticesScrubbed = await scrubNoticesOfProfile(trx, id);
  return {
    profilesDeleted: forgotten ? 1 : 0,
    observationsDeleted: forgotten ? forgotten.observationsDeleted : 0,
    noticesScrubbed,
  };
}

/**
 * Erases (or, with `kind: 'object'`, records an objection for) the person with this email, in one
 * transaction, then scrubs the database files (WAL checkpoint on SQLite, VACUUM FULL on PostgreSQL).
 */
export async function erasePerson(
  d: Pick<Database, 'db' | 'dialect'>,
  email: string,
  kind: 'erase' | 'object' = 'erase',
  opts: ErasureOptions,
): Promise<ErasureOutcome> {
  const { noticeIds, ...r } = await d.db
    .transaction()
    .execute((trx) => eraseInTransaction(trx, email, kind, opts));
  const { action } = await scrubAfterErasure(d.db, d.dialect, opts.pgVacuum, opts.pgWaitMs);
  let outboxFilesRemoved: number | undefined;
  const outboxDir = opts.outboxDir === false ? null : opts.outboxDir;
  if (outboxDir && noticeIds.length > 0) {
    outboxFilesRemoved = 0;
    for (const id of noticeIds) {
      // Notice ids are our UUIDs: no path separators can reach the file name.
      if (!/^[0-9a-f-]{36}$/.test(id)) continue;
      try {
        rmSync(join(outboxDir, `${id}.eml`));
        outboxFilesRemoved++;
      } catch {
        // already picked up by a relay, or never written
      }
    }
  }
  return { ...r, scrub: action, ...(outboxFilesRemoved !== undefined ? { outboxFilesRemoved } : {}) };
}
