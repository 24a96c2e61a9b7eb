/**
 * Contributors and their connections: create, list, read (with the secret decrypted for a connector),
 * store rotated secrets, mark `needs-reconnect`, save cursors.
 *
 * Secrets go in as plain strings and are stored only encrypted (`src/secrets`); list/get results never
 * carry them (only `hasSecret`). `connectionInfo()` is the one place that decrypts, for a connector.
 * Every function takes a Kysely handle that may be a transaction, so a caller can group writes
 * (the harvest saves a page's cursor in the page's transaction).
 */
import { AppError } from '../errors.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ConnectionsTable, ContributorsTable } from './tables.ts';
import type { ConnectionInfo, Cursor } from '../../connectors/types.ts';
import { decryptSecret, encryptSecret, type SealKey } from '../secrets/index.ts';

export type ContributorRow = Selectable<ContributorsTable>;
export type ConnectionRow = Selectable<ConnectionsTable>;
export type ConnectionStatus = ConnectionRow['status'];

/** A connection as shown to people and other modules: no secret, config parsed. */
export interface ConnectionSummary {
  id: string;
  contributorId: string;
  contributorEmail: string;
  contributorStatus: ContributorRow['status'];
  kind: string;
  account: string;
  config: Record<string, unknown>;
  status: ConnectionStatus;
  hasSecret: boolean;
  lastHarvestAt: string | null;
  lastErrorCode: string | null;
  revokedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export class ConnectionsError extends AppError<'not-found' | 'bad-input' | 'opted-out'> {
  constructor(code: 'not-found' | 'bad-input' | 'opted-out', message: string) {
    super(code, message);
    this.name = 'ConnectionsError';
  }
}

const now = () => new Date().toISOString();

/** A contributor's address as stored and compared: trimmed and lower-cased. Emails are compared case-insensitively (RFC 5321 allows case in the local part; no provider uses it). */
export function foldEmailCase(email: string): string {
  return email.trim().toLowerCase();
}

function checkEmail(email: string, what: string): string {
  const e = foldEmailCase(email);
  // Bounded, linear check: one @, no spaces, at most 320 characters (RFC 5321 limits).
  if (e.length > 320 || !/^[^\s@]+@[^\s@]+$/.test(e))
    throw new ConnectionsError('bad-input', `${what} is not an email address`);
  return e;
}

export async function getContributorByEmail(db: Kysely<DB>, email: string): Promise<ContributorRow | null> {
  const row = await db
    .selectFrom('contributors')
    .selectAll()
    .where('email', '=', foldEmailCase(email))
    .executeTakeFirst();
  return row ?? null;
}

/** The member (a contributor) by e-mail for the directory; `not-found` when unknown. */
export async function directoryMember(db: Kysely<DB>, email: string): Promise<ContributorRow> {
  const m = await getContributorByEmail(db, email);
  if (!m) throw new AppError('not-found', `no member ${foldEmailCase(email)}`);
  return m;
}

/**
 * The contributor with this email, created when new. A contributor who opted out and connects again is
 * active again (connecting is a new, explicit consent); their forfeited credits stay forfeited.
 */
export async function ensureContributor(
  db: Kysely<DB>,
  email: string,
): Promise<{ contributor: ContributorRow; created: boolean }> {
  const e = checkEmail(email, 'contributor');
  const existing = await getContributorByEmail(db, e);
  if (existing) {
    if (existing.status === 'opted-out') {
      await db.updateTable('contributors').set({ status: 'active' }).where('id', '=', existing.id).execute();
      return { contributor: { ...existing, status: 'active' }, created: false };
    }
    return { contributor: existing, created: false };
  }
  const row: ContributorRow = {
    id: randomUUID(),
    email: e,
    status: 'active',
    created_at: now(),
    opted_out_at: null,
  };
  await db.insertInto('contributors').values(row).execute();
  return { contributor: row, created: true };
}

export interface NewConnection {
  contributorEmail: string;
  kind: string;
  account: string;
  /** Non-secret settings (host, port, tls, user, path...). */
  config?: Record<string, unknown>;
  /** Refresh token or password in the clear; stored encrypted with `key`. */
  secret?: string | null;
}

/**
 * Registers a connection, or reconnects an existing one (same contributor, kind and account): the new
 * secret and config replace the old ones, the status becomes `active` and the cursor is kept.
 * `created` tells whether it is new (the caller awards the connection bonus only then).
 */
export async function upsertConnection(
  db: Kysely<DB>,
  input: NewConnection,
  key: SealKey | null,
): Promise<{ connection: ConnectionSummary; created: boolean; contributorCreated: boolean }> {
  const account = input.account.trim();
  if (!account || account.length > 320)
    throw new ConnectionsError('bad-input', 'account is empty or too long');
  if (input.secret && !key)
    throw new ConnectionsError('bad-input', 'a secret key is needed to store this secret');
  const secretEnc = input.secret ? encryptSecret(input.secret, key as SealKey) : null;
  const { contributor, created: contributorCreated } = await ensureContributor(db, input.contributorEmail);
  const configJson = JSON.stringify(input.config ?? {});
  const existing = await db
    .selectFrom('connections')
    .select('id')
    .where('contributor_id', '=', contributor.id)
    .where('kind', '=', input.kind)
    .where('account', '=', account)
    .executeTakeFirst();
  const t = now();
  let id: string;
  if (existing) {
    id = existing.id;
    await db
      .updateTable('connections')
      .set({
        config_json: configJson,
        secret_enc: secretEnc,
        status: 'active',
        last_error_code: null,
        revoked_at: null,
        updated_at: t,
      })
      .where('id', '=', id)
      .execute();
  } else {
    id = randomUUID();
    await db
      .insertInto('connections')
      .values({
        id,
        contributor_id: contributor.id,
        kind: input.kind,
        account,
        config_json: configJson,
        secret_enc: secretEnc,
        cursor_json: null,
        last_harvest_at: null,
        last_error_code: null,
        revoked_at: null,
        created_at: t,
        updated_at: t,
      })
      .execute();
  }
  const connection = await getConnection(db, id);
  return { connection: connection!, created: !existing, contributorCreated };
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('connections')
    .innerJoin('contributors', 'contributors.id', 'connections.contributor_id')
    .selectAll('connections')
    .select(['contributors.email as contributor_email', 'contributors.status as contributor_status']);
}

type JoinedRow = ConnectionRow & { contributor_email: string; contributor_status: ContributorRow['status'] };

function summarise(r: JoinedRow): ConnectionSummary {
  return {
    id: r.id,
    contributorId: r.contributor_id,
    contributorEmail: r.contributor_email,
    contributorStatus: r.contributor_status,
    kind: r.kind,
    account: r.account,
    config: parseConfig(r.config_json),
    status: r.status,
    hasSecret: r.secret_enc !== null,
    lastHarvestAt: r.last_harvest_at,
    lastErrorCode: r.last_error_code,
    revokedAt: r.revoked_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function parseConfig(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A connection's status and its contributor's, read in the page's transaction (null when it is gone). */
export async function collectionState(
  db: Kysely<DB>,
  connectionId: string,
): Promise<Pick<ConnectionSummary, 'status' | 'contributorStatus'> | null> {
  const row = await db
    .selectFrom('connections')
    .innerJoin('contributors', 'contributors.id', 'connections.contributor_id')
    .select(['connections.status as status', 'contributors.status as contributorStatus'])
    .where('connections.id', '=', connectionId)
    .executeTakeFirst();
  return (row as Pick<ConnectionSummary, 'status' | 'contributorStatus'> | undefined) ?? null;
}

/** The ids of every connection of this contributor, whatever its state. */
export async function connectionIdsOf(db: Kysely<DB>, contributorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('connections')
    .select('id')
    .where('contributor_id', '=', contributorId)
    .execute();
  return rows.map((r) => r.id);
}

export async function getConnection(db: Kysely<DB>, id: string): Promise<ConnectionSummary | null> {
  const r = await baseQuery(db).where('connections.id', '=', id).executeTakeFirst();
  return r ? summarise(r as JoinedRow) : null;
}

export interface ListFilter {
  contributorEmail?: string;
  status?: ConnectionStatus;
  kind?: string;
  /** Only connections a harvest may run: connection active and contributor active. */
  harvestable?: boolean;
}

export async function listConnections(db: Kysely<DB>, filter: ListFilter = {}): Promise<ConnectionSummary[]> {
  let q = baseQuery(db);
  if (filter.contributorEmail) q = q.where('contributors.email', '=', foldEmailCase(filter.contributorEmail));
  if (filter.status) q = q.where('connections.status', '=', filter.status);
  if (filter.kind) q = q.where('connections.kind', '=', filter.kind);
  if (filter.harvestable)
    q = q.where('connections.status', '=', 'active').where('contributors.status', '=', 'active');
  const rows = await q
    .orderBy('contributors.email')
    .orderBy('connections.created_at')
    .orderBy('connections.id')
    .execute();
  return rows.map((r) => summarise(r as JoinedRow));
}

/**
 * What a connector needs: the connection with its secret decrypted. `key` may be null for connections
 * without a secret (local mailbox files). Never log the result.
 */
export async function connectionInfo(
  db: Kysely<DB>,
  id: string,
  key: SealKey | null,
): Promise<ConnectionInfo> {
  const r = await db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new ConnectionsError('not-found', `no connection ${id}`);
  if (r.secret_enc && !key)
    throw new ConnectionsError('bad-input', 'SIGMINE_SECRET_KEY is needed to use this connection');
  return {
    id: r.id,
    kind: r.kind,
    account: r.account,
    config: parseConfig(r.config_json),
    secret: r.secret_enc ? decryptSecret(r.secret_enc, key as SealKey) : null,
  };
}

/** The saved cursor of a connection (null: never harvested, or reset). */
export async function getCursor(db: Kysely<DB>, id: string): Promise<Cursor | null> {
  const r = await db.selectFrom('connections').select('cursor_json').where('id', '=', id).executeTakeFirst();
  if (!r?.cursor_json) return null;
  try {
    const c = JSON.parse(r.cursor_json) as Cursor;
    return c && typeof c === 'object' && typeof c.kind === 'string' && typeof c.v === 'number' ? c : null;
  } catch {
    return null;
  }
}

/** Saves a page's cursor; call inside the page's transaction. */
export async function saveCursor(db: Kysely<DB>, id: string, cursor: Cursor | null): Promise<void> {
  const t = now();
  await db
    .updateTable('connections')
    .set({ cursor_json: cursor ? JSON.stringify(cursor) : null, updated_at: t })
    .where('id', '=', id)
    .execute();
}

/** Records the end of a harvest of this connection (error code null when it went fine). */
export async function recordHarvest(db: Kysely<DB>, id: string, errorCode: string | null): Promise<void> {
  const t = now();
  await db
    .updateTable('connections')
    .set({ last_harvest_at: t, last_error_code: errorCode, updated_at: t })
    .where('id', '=', id)
    .execute();
}

/**
 * Stores a provider's new refresh token (Microsoft rotates them on every refresh), encrypted.
 *
 * With `replaced` (the secret the rotation consumed) this is a compare-and-set: the stored secret is
 * read, decrypted and compared with `replaced`, and the update is conditioned on the very ciphertext
 * that was read. A reconnect that stored a new grant while a harvest was refreshing the old one has
 * changed the ciphertext, so the harvest's rotated token is dropped and the reconnect wins; so does an
 * opt-out (no secret left). Returns whether the token was stored. Without `replaced` (older callers),
 * the update is unconditional apart from the opt-out guard.
 */
export async function saveRotatedSecret(
  db: Kysely<DB>,
  id: string,
  secret: string,
  key: SealKey,
  replaced?: string,
): Promise<boolean> {
  let update = db
    .updateTable('connections')
    .set({ secret_enc: encryptSecret(secret, key), updated_at: now() })
    .where('id', '=', id)
    .where('status', '!=', 'opted-out'); // an opt-out racing a refresh must not bring a token back
  if (replaced !== undefined) {
    const row = await db
      .selectFrom('connections')
      .select('secret_enc')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new ConnectionsError('not-found', `no connection ${id}`);
    if (row.secret_enc === null) return false;
    let current: string | null = null;
    try {
      current = decryptSecret(row.secret_enc, key);
    } catch {
      current = null; // unreadable with this key: never overwrite what we cannot compare
    }
    if (current !== replaced) return false;
    update = update.where('secret_enc', '=', row.secret_enc);
  }
  const res = await update.executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    const exists = await db.selectFrom('connections').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw new ConnectionsError('not-found', `no connection ${id}`);
    return false;
  }
  return true;
}

/**
 * Stops harvesting a connection until its owner reconnects (revoked or expired refresh token).
 * An opted-out connection stays opted-out.
 */
export async function markNeedsReconnect(db: Kysely<DB>, id: string, errorCode: string): Promise<void> {
  await db
    .updateTable('connections')
    .set({ status: 'needs-reconnect', last_error_code: errorCode, updated_at: now() })
    .where('id', '=', id)
    .where('status', '!=', 'opted-out')
    .execute();
}

/** Kinds whose connection holds a secret (refresh token or password). */
export const SECRET_KINDS: ReadonlySet<string> = new Set([
  'gmail',
  'google-calendar',
  'google-contacts',
  'outlook',
  'outlook-calendar',
  'outlook-contacts',
  'imap',
]);
