/**
 * Vitest global set-up: compiles dist/ (`npm run build`) once before any test file runs. Tests that spawn
 * `bin/sigmine.js` run the compiled program, so they must see the sources under test, never a stale
 * build left from an earlier checkout. The build takes two or three seconds (a warm-up run writes V8's
 * code cache for the CLI).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
