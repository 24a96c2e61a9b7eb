/**
 * Why this migration exists: a member decides, before anything is shared, that some people, whole domains
 * (their own clients) or a folder/label of one connection are never contributed (issue 11, contributor
 * control). One row per member and rule; the harvest reads them before it hands a page to the store
 * (src/connections/exclusions.ts, src/pipeline/exclude.ts). `connection_id` is '' for address and domain
 * rules, which hold for every connection of the member. Frozen: no application imports.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_exclusions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('contributor_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull()) // address | domain | folder
    .addColumn('value', 'varchar(320)', (c) => c.notNull()) // lower-cased address or domain; folder as named
    .addColumn('connection_id', 'varchar(64)', (c) => c.notNull().defaultTo('')) // folder rules only
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('member_exclusions_rule_uq', ['contributor_id', 'kind', 'connection_id', 'value'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('member_exclusions').execute();
}
