/**
 * The Kysely database type: one interface per owning module, merged here so that each module
 * declares (and migrates) only its own tables.
 */
import type { StoreTables } from '../store/tables.ts';
import type { ConnectionTables } from '../connections/tables.ts';
import type { HarvestTables } from '../harvest/tables.ts';
import type { PrivacyTables } from '../privacy/tables.ts';
import type { SessionTables } from '../sessions/tables.ts';
import type { OpsTables } from './tables.ts';
import type { QuotaTables } from '../quota/tables.ts';
import type { KeyTables } from '../keys/tables.ts';
import type { NoticeTables } from '../notices/tables.ts';

export interface DB
  extends
    StoreTables,
    ConnectionTables,
    HarvestTables,
    PrivacyTables,
    SessionTables,
    OpsTables,
    QuotaTables,
    KeyTables,
    NoticeTables {}
