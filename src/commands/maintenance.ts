/**
 * `sigmine maintenance recompute [--json]`: recomputes everything the directory derives from observations
 * (per-value aggregates and contributor counts, profiles' merged rows, job history, company tallies) from
 * the observations themselves (src/store/recompute-all.ts). Pages keep these aggregates running; this is
 * the full path, for after a change of merge rules or a repair. Safe to run while harvests run: one
 * transaction per batch of profiles. Needs no keys (no hash is made or compared).
 * JSON: one line `{"profiles","profilesChanged","values","companies","ms"}`.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { printJsonLine } from './lib/output.ts';
import { recomputeAll } from '../store/recompute-all.ts';

export function register(program: Command): void {
  const maintenance = program.command('maintenance').description('directory maintenance');
  maintenance
    .command('recompute')
    .description(
      'recompute values, contributor counts, profiles, job history and companies from the observations',
    )
    .option('--json', 'one JSON object')
    .action(async (opts: { json?: boolean }) => {
      await usingDatabase(loadConfig().database, async ({ db }) => {
        const t0 = performance.now();
        const r = await recomputeAll(db);
        const ms = Math.round(performance.now() - t0);
        if (opts.json) printJsonLine({ ...r, ms });
        else
          console.log(
            `recomputed ${r.profiles} profile(s) (${r.profilesChanged} rewritten), ${r.values} value(s), ${r.companies} compan${r.companies === 1 ? 'y' : 'ies'} in ${ms} ms`,
          );
      });
    });
}
