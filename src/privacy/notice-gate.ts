/**
 * Privacy's side of the notices' `NoticeGate` (src/notices/notice-gate.ts): the publication gate a notice
 * opens or, when it bounces, keeps shut. `notices send` and the tests hand `noticeGate` to the sender.
 */
import type { NoticeGate } from '../notices/notice-gate.ts';
import { chunks, IN_LIST } from '../store/sql-util.ts';

export const noticeGate: NoticeGate = {
  async heldAmong(db, profileIds) {
    const held = new Set<string>();
    for (const part of chunks([...new Set(profileIds)], IN_LIST)) {
      const rows = await db
        .selectFrom('privacy_gates')
        .select('profile_id')
        .where('profile_id', 'in', part)
        .where('hold', '=', 1)
        .where('state', '=', 'pending')
        .execute();
      for (const r of rows) held.add(r.profile_id);
    }
    return held;
  },

  async startWindow(trx, profileId, endsAt) {
    await trx
      .updateTable('privacy_gates')
      .set({ window_ends_at: endsAt.toISOString() })
      .where('profile_id', '=', profileId)
      .where('state', '=', 'pending')
      .execute();
  },

  async cancelWindow(trx, profileId) {
    await trx
      .updateTable('privacy_gates')
      .set({ window_ends_at: null })
      .where('profile_id', '=', profileId)
      .where('state', '=', 'pending')
      .execute();
    const g = await trx
      .selectFrom('privacy_gates')
      .select('state')
      .where('profile_id', '=', profileId)
      .executeTakeFirst();
    return g?.state ?? null;
  },
};
