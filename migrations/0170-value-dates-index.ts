/**
 * Why this migration exists: a page that brings one new title for someone with two thousand past titles read
 * all two thousand values and the whole job history (bench:growth, issue 12: 42x the cost of a first title
 * on SQLite). The store now reads only the values that can still win or that a job change after a date can
 * touch, and the job history from that date on (src/store/job-inputs.ts); these indexes make each of those
 * reads a range or a single probe:
 * - `profile_values (profile_id, field, last_observed)`: the values seen since a date;
 * - `profile_values (profile_id, field, first_observed)`: a field's first and latest first sightings;
 *   both partial (titles and companies only: a new contact's other values are not slowed by them; the
 *   queries name the field as a literal, which is what lets both dialects use a partial index);
 * - `job_history (profile_id, changed_at)`: the history from a date, and the last change before it.
 * Frozen: no application code is imported.
 */
import { sql, type Kysely } from 'kysely';

/** Only titles and companies are read by date: the other values (most of them) cost no extra index entry. */
const JOB_VALUES = `where field = 'title' or field = 'company'`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create index profile_values_last_idx on profile_values (profile_id, field, last_observed) ${JOB_VALUES}`,
    )
    .execute(db);
  await sql
    .raw(
      `create index profile_values_first_idx on profile_values (profile_id, field, first_observed) ${JOB_VALUES}`,
    )
    .execute(db);
  await db.schema
    .createIndex('job_history_changed_idx')
    .on('job_history')
    .columns(['profile_id', 'changed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('job_history_changed_idx').execute();
  await db.schema.dropIndex('profile_values_first_idx').execute();
  await db.schema.dropIndex('profile_values_last_idx').execute();
}
