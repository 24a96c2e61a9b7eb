/**
 * The harvest's public API (CLI commands, the web app's contributor preview, workers).
 *
 * - `runHarvest(env, connectionIds, opts)`: harvest a list of connections; outcomes as data + summary.
 * - `harvestConnection(env, id, opts)`: one connection (ok / error with a code / skipped with a reason).
 * - `previewConnection(env, id)`: what a connection would contribute, from the beginning, storing nothing.
 * - `selectConnections(env, { connectionId | contributorEmail })`.
 * - PostgreSQL: `openQueue`, `enqueueHarvests`, `startWorkers`, `handleJob` (pg-boss).
 */
import { harvestConnection, type HarvestEnv } from './harvest-connection.ts';
import type { ConnectionResult } from './types.ts';

export { harvestConnection, skipReason, type HarvestEnv, type HarvestOptions } from './harvest-connection.ts';
export { runHarvest, selectConnections, summarise, type RunOptions, type RunOutcome, type Selection } from './run.ts';
export { openQueue, enqueueHarvests, handleJob, jobDisposition, HARVEST_QUEUE, type HarvestJob, type JobOutcome, type HarvestQueue } from './queue.ts';
export { startWorkers, HarvestWorker } from './worker-loop.ts';
export { holderId, acquireLease, releaseLease, LEASE_TTL_MS } from './lease.ts';
export type { ConnectionResult, HarvestCounts, HarvestSummary, PreviewContact } from './types.ts';

/** The contributor preview: every contact the connection's source holds, with nothing stored. */
export function previewConnection(env: HarvestEnv, connectionId: string): Promise<ConnectionResult> {
  return harvestConnection(env, connectionId, { dryRun: true, fromStart: true });
}
