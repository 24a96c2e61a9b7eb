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
import { providerEndpoints, type Config } from '../config.ts';
import type { Connector, ConnectorFactory, Cursor, Page } from '../../connectors/types.ts';
import { ConnectorError } from '../../connectors/types.ts';
import { connectorFactory } from '../../connectors/registry.ts';
import { extractMinimal } from '../../parsers/extract.ts';
import { classifyAddress } from '../../parsers/sender-class.ts';
import { decide, decideStructured, count, messageKeyOf } from '../pipeline/decide.ts';
import { hasProcessedAny, processedMessageKeys } from '../store/processed.ts';
import { sharedQuota } from '../quota/shared-bucket.ts';
import { sharedSlots } from '../quota/shared-slots.ts';
import type { MinimalMessage } from '../../parsers/types.ts';
import { emptyCounts, type Decision, type PageItem } from '../pipeline/types.ts';
import { applyExclusions, noRules, type ExclusionRules } from '../pipeline/exclude.ts';
import { exclusionRules } from '../connections/exclusions.ts';
import { ingestPage } from '../store/ingest.ts';
import { privacyGate } from '../privacy/gate.ts';
import { awardConnectionBonus } from '../store/ledger.ts';
import {
  connectionInfo,
  getConnection,
  getCursor,
  markNeedsReconnect,
  recordHarvest,
  saveCursor,
  saveRotatedSecret,
  type ConnectionSummary,
  collectionState,
} from '../connections/repository.ts';
import { secretKeyFrom } from '../secrets/index.ts';
import type { Logger, Progress } from '../log.ts';
import { acquireLease, LEASE_TTL_MS, releaseLease, renewLease } from './lease.ts';
import { anySignal } from './backoff.ts';
import { retryPage } from './page-retry.ts';
import { dbErrorClass, DB_UNAVAILABLE } from '../db/db-errors.ts';
import { Preview } from './preview.ts';
import { shareablePreview } from './preview-filter.ts';
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
  /**
   * Lease TTL (default LEASE_TTL_MS); workers use their job expiry. The lease is renewed with every page
   * and, between pages, every quarter of the TTL (a slow page or a provider's rate-limit wait).
   */
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
  /** Read about this many of the newest messages or entries, then stop (the member preview's cap). */
  limit?: number;
  /**
   * Hold the connection's lease even in a dry run (the member preview): a preview never runs beside a harvest
   * or another preview of the same connection, so one mailbox's quota is not spent twice at once.
   */
  lease?: boolean;
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

/** Unreadable messages listed per connection result (all of them are counted as discarded `unreadable`). */
const UNREADABLE_LISTED = 20;

/**
 * Turns one connector page into store items and counters (pure apart from the clock), with the member's
 * exclusions applied when `rules` has any.
 */
export function pageItems(
  page: Page,
  now: string,
  counts: HarvestCounts,
  preview?: Preview,
  unreadable?: Array<{ source: string; reason: string }>,
  rules?: ExclusionRules,
): PageItem[] {
  const pc = emptyCounts();
  const items: PageItem[] = [];
  const take = (d: Decision, kind: 'message' | 'entry', folders?: readonly string[]) => {
    // The member's exclusions, before anything is counted, previewed or stored (src/pipeline/exclude.ts).
    const item = rules ? applyExclusions(rules, d.item, folders) : d.item;
    if (item !== d.item && (item !== null || d.item.observations.length > 0)) counts.excluded++;
    count(pc, item === d.item ? d : { ...d, item: item ?? { messageKey: null, observations: [] } }, kind);
    if (!item) return; // not even remembered as processed: a later harvest may take it once allowed
    if (item.observations.length) items.push(item);
    else if (item.messageKey) items.push(item); // remembered as processed, contributes nothing
    preview?.add(item.observations);
  };
  for (const m of page.messages) take(decide(extractMinimal(m), m, now), 'message', m.folders);
  for (const c of page.contacts) take(decideStructured(c, classifyAddress, now), 'entry');
  for (const u of page.unreadable ?? []) {
    pc.messages++;
    pc.discarded.unreadable = (pc.discarded.unreadable ?? 0) + 1;
    if (unreadable && unreadable.length < UNREADABLE_LISTED)
      unreadable.push({ source: u.sourceId, reason: u.reason });
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
 * The database's own failure, by its code: SQLite result codes (`SQLITE_FULL`, `SQLITE_IOERR_*`,
 * `SQLITE_CORRUPT`, `SQLITE_READONLY`...; busy/locked are retried before this) and PostgreSQL classes 53
 * (insufficient resources: disk full 53100), 57 (operator intervention: the server shut down or ended the
 * session), 58 (system error) and 08 (connection), SQLSTATE per the PostgreSQL manual, appendix A. Returns
 * the driver's message, or null for any other error.
 */
export function storageError(err: unknown): string | null {
  const e = err as { code?: unknown; message?: string } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^SQLITE_/.test(code) || /^(53|57|58|08)[0-9A-Z]{3}$/.test(code))
    return (e?.message ?? code).slice(0, 300);
  return null;
}

type StoredConnection = NonNullable<Awaited<ReturnType<typeof getConnection>>>;
type PageOutcome = Awaited<ReturnType<typeof ingestPage>>;

/** What the steps of one connection's harvest share: the connection, its counters, and its stop signals. */
interface HarvestRun {
  env: HarvestEnv;
  connectionId: string;
  conn: StoredConnection;
  dry: boolean;
  counts: HarvestCounts;
  /** Rate-limit waits the connector reported through `onEvent`. */
  waits: number;
  /** Pages committed with their cursor. */
  committed: number;
  preview: Preview | undefined;
  /** The member's exclusions for this connection, read once at the start (none: undefined). */
  rules: ExclusionRules | undefined;
  /** The lease TTL; the lease is renewed with every page and a quarter of it between pages. */
  ttl: number;
  /** Aborts on the caller's stop or a lost lease. */
  signal: AbortSignal;
  /** Why the run must stop now (a lost lease or the caller's stop), or null. */
  interrupted: () => Stop | null;
  result: (status: ConnectionResult['status'], code: string | null, message?: string) => ConnectionResult;
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
  const result: HarvestRun['result'] = (status, code, message) => ({
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

  const dry = opts.dryRun === true;
  const leased = !dry || opts.lease === true;
  if (leased && !(await acquireLease(env.db, connectionId, env.holder, env.leaseTtlMs)))
    return result('skipped', 'already-running');
  env.progress.update(connectionId, { label: `${conn.kind} ${conn.account}`, state: 'running' });
  env.logger.log('info', 'harvest.start', { connection: connectionId, kind: conn.kind, dryRun: dry });

  const ttl = env.leaseTtlMs ?? LEASE_TTL_MS;
  const { signal, interrupted, heartbeat } = watchLease(env, connectionId, ttl, dry);
  const run: HarvestRun = {
    env,
    connectionId,
    conn,
    dry,
    counts,
    waits: 0,
    committed: 0,
    preview: dry ? new Preview() : undefined,
    rules: undefined,
    ttl,
    signal,
    interrupted,
    result,
  };
  let connector: Connector | null = null;
  try {
    const rules = await exclusionRules(env.db, conn.contributorId, connectionId);
    run.rules = noRules(rules) ? undefined : rules;
    connector = await openConnector(run);
    await readPages(run, connector, opts, unreadable);
    return await finishOk(run);
  } catch (caught) {
    return await failed(run, caught);
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    if (connector) {
      const st = connector.stats();
      counts.apiCalls = st.apiCalls;
      counts.rateLimitWaits = Math.max(st.rateLimitWaits, run.waits);
      await connector.close().catch(() => {});
    }
    if (leased) await releaseLease(env.db, connectionId, env.holder).catch(() => {});
  }
}

/**
 * Lost lease: someone else took the connection after our lease expired (we were cut off from the
 * database, or stalled, for longer than its TTL). Stop before the next page; the page transaction
 * itself re-checks the lease, so nothing is written twice meanwhile. A real run renews the lease every
 * quarter of the TTL between pages.
 */
function watchLease(env: HarvestEnv, connectionId: string, ttl: number, dry: boolean) {
  const leaseLost = new AbortController();
  const signal = anySignal(env.signal ? [env.signal, leaseLost.signal] : [leaseLost.signal]);
  const heartbeat = dry
    ? null
    : setInterval(
        () => {
          renewLease(env.db, connectionId, env.holder, ttl).then(
            (held) => {
              if (!held) leaseLost.abort();
            },
            () => {}, // the database is away: the pool logs it, the page retry decides what it means
          );
        },
        Math.max(250, Math.floor(ttl / 4)),
      );
  heartbeat?.unref();
  const interrupted = (): Stop | null =>
    leaseLost.signal.aborted ? new Stop('already-running') : env.signal?.aborted ? new Stop('stopped') : null;
  return { signal, interrupted, heartbeat };
}

/** The connection's connector, with what it may ask of this run (secret rotation, quota, processed keys). */
async function openConnector(run: HarvestRun): Promise<Connector> {
  const { env, connectionId, dry } = run;
  const secretKey = run.conn.hasSecret ? secretKeyFrom(env.config, { demo: env.demo }) : null;
  const info = await connectionInfo(env.db, connectionId, secretKey);
  const factory = await (env.factoryFor ?? connectorFactory)(run.conn.kind);
  const quota = sharedQuota(env.db);
  const slots = sharedSlots(env.db);
  return factory.create(info, {
    endpoints: providerEndpoints(env.config),
    // Dry runs and previews never write secrets (Microsoft keeps a rotated-away refresh token valid for
    // its lifetime, so the stored one still works). A real run stores the rotated token compare-and-set
    // against the one it replaced: a reconnect during the harvest keeps the new grant.
    ...(dry || !secretKey
      ? {}
      : {
          onSecretRotated: async (s: string, replaced: string) => {
            await saveRotatedSecret(env.db, connectionId, s, secretKey, replaced);
          },
        }),
    // Provider quota shared with the other worker processes (PostgreSQL; SQLite runs one process).
    ...(quota ? { quota } : {}),
    // Concurrency caps per mailbox (Graph requests, IMAP sessions) shared with the other worker processes.
    ...(slots ? { slots } : {}),
    // Headers first: connectors skip the body of a message this connection already processed.
    ...(dry
      ? {}
      : {
          alreadyProcessed: async (heads: readonly MinimalMessage[]) => {
            const keys = new Map(heads.map((m) => [m.sourceId, messageKeyOf(m)]));
            const done = await processedMessageKeys(
              env.db,
              connectionId,
              [...keys.values()],
              env.config.secretKey,
            );
            return new Set([...keys].filter(([, k]) => done.has(k)).map(([id]) => id));
          },
        }),
    onEvent: (e) => {
      if (e.type === 'rate-limit-wait') run.waits++;
      env.logger.log('info', `connector.${e.type}`, { connection: connectionId, ...e });
    },
  });
}

/** Reads the connector's pages after the saved cursor (or from the start), storing each unless dry. */
async function readPages(
  run: HarvestRun,
  connector: Connector,
  opts: HarvestOptions,
  unreadable: Array<{ source: string; reason: string }>,
): Promise<void> {
  const { env, counts, dry } = run;
  // The store reaches the suppression list, jurisdiction decisions and notices only through this gate.
  const gate = privacyGate({ secretKey: env.config.secretKey, policy: env.config.policy });
  const cursor: Cursor | null = opts.fromStart ? null : await getCursor(env.db, run.connectionId);
  const limit = opts.limit;
  const pages = connector.pages(cursor, { since: opts.since, signal: run.signal, limit });
  for await (const page of readAhead(pages)) {
    const now = new Date().toISOString();
    const t0 = performance.now();
    const items = pageItems(page, now, counts, run.preview, unreadable, run.rules);
    const t1 = performance.now();
    counts.pipelineMs += Math.round(t1 - t0);
    counts.pages++;
    if (!dry) {
      const o = await storePage(run, page, items, now, gate);
      run.committed++;
      addStored(counts, o);
      counts.storeMs += Math.round(performance.now() - t1);
    }
    reportPage(run, connector, page);
    const stop = run.interrupted();
    if (stop) throw stop;
    if (limit && counts.messagesScanned + counts.entriesScanned >= limit) break;
  }
  // A connector may end its pages early when the signal aborts: that is a stop, not the end of the mail.
  const stop = run.interrupted();
  if (stop) throw stop;
}

/**
 * One page and its cursor in one transaction, retried on a conflict or a lost connection. Counted once
 * the page is stored: a retried transaction must not count its page twice, and a failed commit (disk
 * full) adds nothing.
 */
function storePage(
  run: HarvestRun,
  page: Page,
  items: PageItem[],
  now: string,
  gate: ReturnType<typeof privacyGate>,
): Promise<PageOutcome> {
  const { env, connectionId } = run;
  const pageNo = run.counts.pages;
  return retryPage(
    () =>
      env.db.transaction().execute(async (trx) => {
        // An opt-out that lands mid-harvest stops collection before the next page is stored.
        const c = await collectionState(trx, connectionId);
        const why = c ? skipReason(c) : 'disabled';
        if (why) throw new Stop(why);
        const stored = await ingestPage(
          trx,
          { connectionId, contributorId: run.conn.contributorId, now, secretKey: env.config.secretKey },
          items,
          gate,
        );
        await saveCursor(trx, connectionId, page.cursor);
        if (!(await renewLease(trx, connectionId, env.holder, run.ttl))) throw new Stop('already-running');
        return stored;
      }),
    (r) => env.logger.log('warn', 'harvest.page-retry', { connection: connectionId, page: pageNo, ...r }),
    run.signal,
  );
}

/** A stored page's outcome added to the connection's counters. */
function addStored(counts: HarvestCounts, o: PageOutcome): void {
  counts.messagesReplayed += o.messagesReplayed;
  counts.contactsNew += o.contactsNew;
  counts.contactsUpdated += o.contactsUpdated;
  counts.suppressedBlocked += o.suppressedBlocked;
  counts.noticesQueued += o.noticesQueued;
  counts.creditsAwarded += o.creditsAwarded;
}

/** Progress and the page's log line, with the connector's call and wait counts. */
function reportPage(run: HarvestRun, connector: Connector, page: Page): void {
  const { env, counts } = run;
  const st = connector.stats();
  counts.apiCalls = st.apiCalls;
  counts.rateLimitWaits = Math.max(st.rateLimitWaits, run.waits);
  env.progress.update(run.connectionId, {
    scanned: counts.messagesScanned + counts.entriesScanned,
    contacts: run.dry ? run.preview!.size : counts.contactsNew + counts.contactsUpdated,
    waits: counts.rateLimitWaits,
  });
  env.logger.log('info', 'harvest.page', {
    connection: run.connectionId,
    page: counts.pages,
    messages: page.messages.length,
    entries: page.contacts.length,
    scanned: counts.messagesScanned,
    contactsNew: counts.contactsNew,
  });
}

/** A harvest that read to the end: recorded, the connection bonus awarded, a preview filtered. */
async function finishOk(run: HarvestRun): Promise<ConnectionResult> {
  const { env, connectionId, counts } = run;
  if (!run.dry) {
    await recordHarvest(env.db, connectionId, null);
    // The connection bonus, once the source has worked: a harvest that ended well, and some message or
    // entry read from it (now or before; remembered per connection). Once per mailbox (ledger key).
    if (await hasProcessedAny(env.db, connectionId))
      counts.creditsAwarded += await awardConnectionBonus(env.db, connectionId);
  }
  env.progress.update(connectionId, { state: 'ok' });
  const r = run.result('ok', null);
  // Only what a real harvest would store: never a suppressed person, a restricted profile or a header name.
  if (run.preview)
    r.preview = await shareablePreview(
      env.db,
      run.preview.contacts(),
      run.preview.businessEmails(),
      env.config.secretKey,
    );
  return r;
}

/** A harvest that stopped or failed, as a result: skipped (stopped), storage error, or a connector's code. */
async function failed(run: HarvestRun, caught: unknown): Promise<ConnectionResult> {
  const { env, connectionId, dry } = run;
  // A connector that throws on abort (an AbortError in a rate-limit wait) was stopped too.
  const err = caught instanceof Stop ? caught : (run.interrupted() ?? caught);
  if (err instanceof Stop) {
    env.progress.update(connectionId, { state: 'skipped', note: err.code });
    env.logger.log('info', 'harvest.stopped', {
      connection: connectionId,
      code: err.code,
      pages: run.counts.pages,
    });
    return run.result('skipped', err.code);
  }
  // A lost connection is retried by the worker (db-unavailable); any other failure of the store (disk
  // full, I/O error) is said as itself, with what was kept.
  const storage = dbErrorClass(err) === 'connection' ? null : storageError(err);
  if (storage) {
    const message =
      `storage error: ${storage} (${(err as { code?: string }).code}); ${run.committed} page(s) and their cursor were ` +
      'committed before it and are counted here; the next harvest reads the rest again';
    if (!dry) await recordHarvest(env.db, connectionId, 'storage').catch(() => {});
    env.progress.update(connectionId, { state: 'error', note: 'storage' });
    env.logger.log('error', 'harvest.error', { connection: connectionId, code: 'storage', message });
    return run.result('error', 'storage', message);
  }
  const codeStr = failureCode(err);
  if (!dry) {
    if (codeStr === 'revoked') await markNeedsReconnect(env.db, connectionId, codeStr).catch(() => {});
    await recordHarvest(env.db, connectionId, codeStr).catch(() => {});
  }
  env.progress.update(connectionId, { state: 'error', note: codeStr });
  env.logger.log('error', 'harvest.error', {
    connection: connectionId,
    code: codeStr,
    message: (err as Error).message,
  });
  return run.result('error', codeStr, (err as Error).message);
}

/** The code a failed harvest reports: the connector's, db-unavailable for a lost database, or the error's own. */
function failureCode(err: unknown): string {
  const code =
    err instanceof ConnectorError
      ? err.code
      : dbErrorClass(err) === 'connection'
        ? DB_UNAVAILABLE
        : (((err as { code?: unknown }).code as string | undefined) ?? 'internal');
  return typeof code === 'string' ? code : 'internal';
}
