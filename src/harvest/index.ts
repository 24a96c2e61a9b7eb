/**
 * The harvest's public API (CLI commands, the web app's contributor preview, workers).
 *
 * - `runHarvest(env, connectionIds, opts)`: harvest a list of connections; outcomes as data + summary.
 * - `harvestConnection(env, id, opts)`: one connection (ok / error with a code / skipped with a reason).
 * - `previewConnection(env, id)`: what the newest PREVIEW_LIMIT messages of a connection would contribute,
 *   storing nothing (no cursor, no secret).
 * - `selectConnections(env, { connectionId | contributorEmail })`.
 * - PostgreSQL: `openQueue`, `enqueueHarvests`, `startWorkers`, `handleJob` (pg-boss).
 */
import { harvestConnection, type HarvestEnv } from './harvest-connection.ts';
import type { ConnectionResult } from './types.ts';

export { harvestConnection, skipReason, type HarvestEnv, type HarvestOptions } from './harvest-connection.ts';
export {
  runHarvest,
  selectConnections,
  summarise,
  type RunOptions,
  type RunOutcome,
  type Selection,
} from './run.ts';
export {
  openQueue,
  enqueueHarvests,
  handleJob,
  jobDisposition,
  HARVEST_QUEUE,
  type HarvestJob,
  type JobOutcome,
  type HarvestQueue,
} from './queue.ts';
export { startWorkers, HarvestWorker } from './worker-loop.ts';
export { holderId, acquireLease, releaseLease, LEASE_TTL_MS } from './lease.ts';
export type { ConnectionResult, HarvestCounts, HarvestSummary, PreviewContact } from './types.ts';

/**
 * Messages (or entries) a member preview reads at most: the newest 300. Gmail charges 5-10 quota units per
 * message (headers, then the text of survivors), so an uncapped preview of a 10,000-message mailbox cost up to
 * ~100,000 units and minutes inside one HTTP request; 300 cost at most ~3,000 units and seconds, and show the
 * member what their recent mail would share.
 */
export const PREVIEW_LIMIT = 300;

/**
 * The contributor preview: the contacts the newest PREVIEW_LIMIT messages of the source hold, nothing stored,
 * under the connection's lease (`skipped: already-running` while a harvest or another preview of it runs).
 */
export function previewConnection(env: HarvestEnv, connectionId: string): Promise<ConnectionResult> {
  return harvestConnection(env, connectionId, {
    dryRun: true,
    fromStart: true,
    limit: PREVIEW_LIMIT,
    lease: true,
  });
}
