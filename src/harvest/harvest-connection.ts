/**
 * Harvests one connection: pages from its connector go through the pure pipeline
 * (`extractMinimal` -> `decide`) and are applied with the store's `ingestPage` in ONE transaction per page,
 * together with the page's cursor. A crash replays at most the page in flight, and the store recognises
 * replayed messages by key, so the replay changes nothing.
 *
 * The result is data (ok / error with a code / skipped with a reason), never a throw: a harvest over many
 * connections does not die on one. A revoked token marks the connection `needs-reconnect`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Config } from '../config.ts';
import type { Connector, ConnectorFactory, Cursor, Page } from '../../connectors/types.ts';
import { ConnectorError } from '../../connectors/types.ts';
import { connectorFactory } from '../../connectors/registry.ts';
import { extractMinimal } from '../../parsers/extract.ts';
import { classifyAddress } from '../../parsers/sender-class.ts';
import { decide, decideStructured, count } from '../pipeline/decide.ts';
import { emptyCounts, type Decision, type PageItem } from '../pipeline/types.ts';
import { ingestPage } from '../store/ingest.ts';
import {
  connectionInfo,
  getConnection,
  getCursor,
  markNeedsReconnect,
  recordHarvest,
  saveCursor,
  saveRotatedSecret,
  type ConnectionSummary,
} from '../connections/repository.ts';
import { secretKeyFrom } from '../secrets/index.ts';
import type { Logger, Progress } from '../log.ts';
import { acquireLease, releaseLease, renewLease } from './lease.ts';
import { Preview } from './preview.ts';
import { emptyHarvestCounts, type ConnectionResult, type HarvestCounts, type SkipCode } from './types.ts';

export interface HarvestEnv {
  db: Kysely<DB>;
  config: Readonly<Config>;
  logger: Logger;
  progress: Progress;
  /** Lease holder id of this process (`holderId()`). */
  holder: string;
  /** Stops after the page in flight (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /** Lease TTL (default LEASE_TTL_MS); workers use their queue's expiration. */
  leaseTtlMs?: number;
  /** Demo mode: secrets use the generated demo key (src/secrets). */
  demo?: boolean;
  /** Connector lookup; default the registry (tests pass fakes here). */
  factoryFor?: (kind: string) => Promise<ConnectorFactory>;
}

export interface HarvestOptions {
  since?: Date;
  /** Store nothing; report what the connection would contribute. */
  dryRun?: boolean;
  /** Ignore the saved cursor and read the source from its beginning (a preview of everything it holds). */
  fromStart?: boolean;
}

/** Why a connection in this state is never harvested (null: it may be). */
export function skipReason(c: Pick<ConnectionSummary, 'status' | 'contributorStatus'>): SkipCode | null {
  if (c.contributorStatus === 'opted-out' || c.status === 'opted-out') return 'opted-out';
  if (c.status === 'needs-reconnect') return 'needs-reconnect';
  if (c.status === 'disabled') return 'disabled';
  return null;
}

class Stop extends Error {
  constructor(readonly code: SkipCode) {
    super(code);
  }
}

/** Turns one connector page into store items and counters (pure apart from the clock). */
/** Unreadable messages listed per connection result (all of them are counted as discarded `unreadable`). */
const UNREADABLE_LISTED = 20;

export function pageItems(
  page: Page,
  now: string,
  counts: HarvestCounts,
  preview?: Preview,
  unreadable?: Array<{ source: string; reason: string }>,
): PageItem[] {
  const pc = emptyCounts();
  const items: PageItem[] = [];
  const take = (d: Decision, kind: 'message' | 'entry') => {
    count(pc, d, kind);
    if (d.item.observations.length) items.push(d.item);
    else if (d.item.messageKey) items.push(d.item); // remembered as processed, contributes nothing
    preview?.add(d.item.observations);
  };
  for (const m of page.messages) take(decide(extractMinimal(m), m, now), 'message');
  for (const c of page.contacts) take(decideStructured(c, classifyAddress, now), 'entry');
  for (const u of page.unreadable ?? []) {
    pc.messages++;
    pc.discarded.unreadable = (pc.discarded.unreadable ?? 0) + 1;
    if (unreadable && unreadable.length < UNREADABLE_LISTED) unreadable.push({ source: u.sourceId, reason: u.reason });
  }
  counts.messagesScanned += pc.messages;
  counts.entriesScanned += pc.entries;
  counts.withSignature += pc.withSignature;
  counts.observations += pc.observations;
  for (const [k, v] of Object.entries(pc.discarded)) {
    const key = k as keyof typeof pc.discarded;
    counts.discarded[key] = (counts.discarded[key] ?? 0) + (v ?? 0);
  }
  return items;
}

/**
 * Asks the connector for the next page while the current one is parsed and stored, so that the provider
 * quota (the bottleneck: 50 messages/s per Gmail mailbox) is never idle during our own work. One page
 * ahead at most: memory stays bounded, and cursors are still saved strictly in order.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      // A rejection of the read-ahead surfaces on the next await; mark it handled meanwhile.
      next.catch(() => {});
      yield r.value;
    }
  } finally {
    await it.return?.().catch(() => {});
  }
}

/**
 * PostgreSQL aborts one of two page transactions that lock the same people in opposite order (deadlock,
 * 40P01) or conflict under serialization (40001); SQLite reports a writer it waited for too long as busy.
 * The page transaction is atomic and idempotent, so running it again is safe: up to 5 tries with jitter.
 */
const TRANSIENT = new Set(['40P01', '40001', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT']);

async function retryTransient<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= tries || typeof code !== 'string' || !TRANSIENT.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50 * attempt));
    }
  }
}

/**
 * The database's own failure, by its code: SQLite result codes (`SQLITE_FULL`, `SQLITE_IOERR_*`,
 * `SQLITE_CORRUPT`, `SQLITE_READONLY`...; busy/locked are retried before this) and PostgreSQL classes 53
 * (insufficient resources: disk full 53100), 57 (operator intervention: the server shut down or ended the
 * session), 58 (system error) and 08 (connection), SQLSTATE per the PostgreSQL manual, appendix A. Returns
 * the driver's message, or null for any other error.
 */
export function storageError(err: unknown): string | null {
  const e = err as { code?: unknown; message?: string } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^SQLITE_/.test(code) || /^(53|57|58|08)[0-9A-Z]{3}$/.test(code)) return (e?.message ?? code).slice(0, 300);
  return null;
}

export async function harvestConnection(
  env: HarvestEnv,
  connectionId: string,
  opts: HarvestOptions = {},
): Promise<ConnectionResult> {
  const started = Date.now();
  const counts = emptyHarvestCounts();
  const unreadable: Array<{ source: string; reason: string }> = [];
  const conn = await getConnection(env.db, connectionId);
  const base = {
    connectionId,
    kind: conn?.kind ?? 'unknown',
    contributor: conn?.contributorEmail ?? '',
  };
  const result = (status: ConnectionResult['status'], code: string | null, message?: string): ConnectionResult => ({
    ...base,
    status,
    code,
    ...(message ? { message } : {}),
    counts,
    durationMs: Date.now() - started,
    ...(unreadable.length ? { unreadable } : {}),
  });
  if (!conn) return result('error', 'not-found', 'no such connection');
  const skip = skipReason(conn);
  if (skip) return result('skipped', skip);

  const key = `${conn.kind} ${conn.account}`;
  const dry = opts.dryRun === true;
  if (!dry && !(await acquireLease(env.db, connectionId, env.holder, env.leaseTtlMs))) return result('skipped', 'already-running');
  env.progress.update(connectionId, { label: key, state: 'running' });
  env.logger.log('info', 'harvest.start', { connection: connectionId, kind: conn.kind, dryRun: dry });

  let connector: Connector | null = null;
  let committed = 0;
  const preview = dry ? new Preview() : undefined;
  let waits = 0;
  try {
    const secretKey = conn.hasSecret ? secretKeyFrom(env.config, { demo: env.demo }) : null;
    const info = await connectionInfo(env.db, connectionId, secretKey);
    const factory = await (env.factoryFor ?? connectorFactory)(conn.kind);
    connector = factory.create(info, {
      config: env.config,
      // Saved even in a dry run: a provider that rotates refresh tokens (Microsoft) may void the old one.
      onSecretRotated: async (s) => {
        if (secretKey) await saveRotatedSecret(env.db, connectionId, s, secretKey);
      },
      onEvent: (e) => {
        if (e.type === 'rate-limit-wait') waits++;
        env.logger.log('info', `connector.${e.type}`, { connection: connectionId, ...e });
      },
    });
    const cursor: Cursor | null = opts.fromStart ? null : await getCursor(env.db, connectionId);
    for await (const page of readAhead(connector.pages(cursor, { since: opts.since, signal: env.signal }))) {
      const now = new Date().toISOString();
      const t0 = performance.now();
      const items = pageItems(page, now, counts, preview, unreadable);
      const t1 = performance.now();
      counts.pipelineMs += Math.round(t1 - t0);
      counts.pages++;
      if (!dry) {
        // Counted once the page's transaction committed: a failed commit (disk full) adds nothing.
        const o = await retryTransient(() => env.db.transaction().execute(async (trx) => {
          // An opt-out that lands mid-harvest stops collection before the next page is stored.
          const c = await trx
            .selectFrom('connections')
            .innerJoin('contributors', 'contributors.id', 'connections.contributor_id')
            .select(['connections.status as status', 'contributors.status as contributorStatus'])
            .where('connections.id', '=', connectionId)
            .executeTakeFirst();
          const why = c ? skipReason(c) : 'disabled';
          if (why) throw new Stop(why);
          const stored = await ingestPage(trx, { connectionId, contributorId: conn.contributorId, now, secretKey: env.config.secretKey }, items);
          await saveCursor(trx, connectionId, page.cursor);
          if (!(await renewLease(trx, connectionId, env.holder, env.leaseTtlMs))) throw new Stop('already-running');
          return stored;
        }));
        committed++;
        counts.messagesReplayed += o.messagesReplayed;
        counts.contactsNew += o.contactsNew;
        counts.contactsUpdated += o.contactsUpdated;
        counts.suppressedBlocked += o.suppressedBlocked;
        counts.noticesQueued += o.noticesQueued;
        counts.creditsAwarded += o.creditsAwarded;
        counts.storeMs += Math.round(performance.now() - t1);
      }
      const st = connector.stats();
      counts.apiCalls = st.apiCalls;
      counts.rateLimitWaits = Math.max(st.rateLimitWaits, waits);
      env.progress.update(connectionId, {
        scanned: counts.messagesScanned + counts.entriesScanned,
        contacts: dry ? preview!.size : counts.contactsNew + counts.contactsUpdated,
        waits: counts.rateLimitWaits,
      });
      env.logger.log('info', 'harvest.page', {
        connection: connectionId,
        page: counts.pages,
        messages: page.messages.length,
        entries: page.contacts.length,
        scanned: counts.messagesScanned,
        contactsNew: counts.contactsNew,
      });
      if (env.signal?.aborted) throw new Stop('stopped');
    }
    if (!dry) await recordHarvest(env.db, connectionId, null);
    env.progress.update(connectionId, { state: 'ok' });
    const r = result('ok', null);
    if (preview) r.preview = preview.contacts();
    return r;
  } catch (err) {
    if (err instanceof Stop) {
      env.progress.update(connectionId, { state: 'skipped', note: err.code });
      return result('skipped', err.code);
    }
    const storage = storageError(err);
    if (storage) {
      // The store failed (disk full, I/O error, lost connection): said as itself, with what was kept.
      const message =
        `storage error: ${storage} (${(err as { code?: string }).code}); ${committed} page(s) and their cursor were ` +
        'committed before it and are counted here; the next harvest reads the rest again';
      if (!dry) await recordHarvest(env.db, connectionId, 'storage').catch(() => {});
      env.progress.update(connectionId, { state: 'error', note: 'storage' });
      env.logger.log('error', 'harvest.error', { connection: connectionId, code: 'storage', message });
      return result('error', 'storage', message);
    }
    const code = err instanceof ConnectorError ? err.code : ((err as { code?: unknown }).code as string | undefined) ?? 'internal';
    const codeStr = typeof code === 'string' ? code : 'internal';
    if (!dry) {
      if (codeStr === 'revoked') await markNeedsReconnect(env.db, connectionId, codeStr).catch(() => {});
      await recordHarvest(env.db, connectionId, codeStr).catch(() => {});
    }
    env.progress.update(connectionId, { state: 'error', note: codeStr });
    env.logger.log('error', 'harvest.error', { connection: connectionId, code: codeStr, message: (err as Error).message });
    return result('error', codeStr, (err as Error).message);
  } finally {
    if (connector) {
      const st = connector.stats();
      counts.apiCalls = st.apiCalls;
      counts.rateLimitWaits = Math.max(st.rateLimitWaits, waits);
      await connector.close().catch(() => {});
    }
    if (!dry) await releaseLease(env.db, connectionId, env.holder).catch(() => {});
  }
}
