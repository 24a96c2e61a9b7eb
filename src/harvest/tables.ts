/** Kysely table types owned by src/harvest (its migrations live in migrations/). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HarvestTables {}
