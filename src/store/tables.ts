/** Kysely table types owned by src/store (its migrations live in migrations/). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StoreTables {}
