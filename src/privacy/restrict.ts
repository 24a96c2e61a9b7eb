/**
 * Restriction (Art. 18): the profile is kept but hidden from the directory (profile status `restricted`)
 * and frozen against harvest updates (the store asks `isRestricted` before applying observations). Lifting
 * the restriction restores the state the profile had before.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { listContact } from '../store/ledger.ts';
import { privacyGate } from './gate.ts';
import { profileById, restrictProfile, unrestrictProfile } from '../store/profile-admin.ts';
import { locatePerson } from './locate.ts';
import type { PrivacyOptions } from './options.ts';
import { completeRequest, openRequest } from './requests.ts';
import type { GateState } from './tables.ts';

export interface RestrictionOutcome {
  requestId: string;
  regime: string;
  dueAt: string;
  /** Profiles whose state changed. */
  profiles: number;
  found: boolean;
}

export async function restrictPerson(
  db: Kysely<DB>,
  email: string,
  opts: PrivacyOptions & { now?: Date; channel?: string; lift?: boolean },
): Promise<RestrictionOutcome> {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const p = await locatePerson(trx, email, opts.policy, opts.secretKey);
    const req = await openRequest(trx, {
      kind: opts.lift ? 'unrestrict' : 'restrict',
      requestHash: p.requestHash,
      codes: p.codes,
      channel: opts.channel ?? 'cli',
      now,
      policy: opts.policy,
    });
    let changed = 0;
    for (const id of p.profileIds) {
      changed += opts.lift ? await lift(trx, id, at, opts) : await restrict(trx, id, p.subjectHash, at);
    }
    await completeRequest(trx, req.id, { profiles: changed, found: p.profileIds.length > 0 }, now);
    return {
      requestId: req.id,
      regime: req.regime,
      dueAt: req.dueAt,
      profiles: changed,
      found: p.profileIds.length > 0,
    };
  });
}

async function restrict(trx: Kysely<DB>, id: string, subjectHash: string, at: string): Promise<number> {
  const profile = await profileById(trx, id);
  const gate = await trx
    .selectFrom('privacy_gates')
    .select('state')
    .where('profile_id', '=', id)
    .executeTakeFirst();
  const before: GateState = gate?.state ?? profile?.status ?? 'pending';
  if (before === 'restricted') return 0;
  if (gate) {
    await trx
      .updateTable('privacy_gates')
      .set({ state: 'restricted', restricted_at: at, restricted_from: before })
      .where('profile_id', '=', id)
      .execute();
  } else {
    await trx
      .insertInto('privacy_gates')
      .values({
        profile_id: id,
        subject_hash: subjectHash,
        state: 'restricted',
        hold: 1,
        codes_json: '["unknown"]',
        rule_version: 'restriction',
        window_ends_at: null,
        created_at: at,
        listed_at: profile?.listed_at ?? null,
        restricted_at: at,
        restricted_from: before,
      })
      .execute();
  }
  await restrictProfile(trx, id, at);
  return 1;
}

async function lift(trx: Kysely<DB>, id: string, at: string, opts: PrivacyOptions): Promise<number> {
  const gate = await trx
    .selectFrom('privacy_gates')
    .select(['state', 'restricted_from'])
    .where('profile_id', '=', id)
    .executeTakeFirst();
  if (!gate || gate.state !== 'restricted') return 0;
  const back: GateState = gate.restricted_from === 'listed' ? 'listed' : 'pending';
  await trx
    .updateTable('privacy_gates')
    .set({ state: back, restricted_at: null, restricted_from: null })
    .where('profile_id', '=', id)
    .execute();
  // The store puts a lifted profile back to pending; one that was listed before is listed again.
  await unrestrictProfile(trx, id, at);
  if (back === 'listed') await listContact(trx, privacyGate(opts), id, at);
  return 1;
}
