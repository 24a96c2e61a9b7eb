/**
 * V8 settings of every CLI process, set by bin/sigmine.js before anything else loads (and by the build's
 * code-cache warm-up, scripts/code-cache-warmup.js: V8 refuses a code cache written under other flags).
 *
 * `--no-regexp-tier-up`: by default V8 compiles a regular expression to bytecode at its first use and
 * again to machine code at its second. The parsers run about 400 patterns, nearly all of them on many
 * lines of the first message already, so each was compiled twice: about 90 ms of CPU in every
 * `sigmine extract` process, of which the bytecode pass (35 ms) bought nothing. Matches are the same
 * either way; only when the machine code is built changes.
 *
 * `--interrupt-budget=270336` (4x V8's default): TurboFan optimises a function once it has run through
 * this much bytecode. A CLI run is short, and at the default V8 optimised (on the second core) hundreds
 * of parser functions that ran only a few hundred times more: 150 messages cost 20% less CPU and wall
 * time with the later start, 1,500 messages 16% less, and 4,500 messages still 6% less CPU at the same
 * wall time (hot code is optimised all the same, a little later).
 */
import { setFlagsFromString } from 'node:v8';

export const ENGINE_FLAGS = ['--no-regexp-tier-up', '--interrupt-budget=270336'] as const;

/** Applies ENGINE_FLAGS to this process (before any pattern or cached script is compiled). */
export function setEngineFlags(): void {
  for (const flag of ENGINE_FLAGS) setFlagsFromString(flag);
}
