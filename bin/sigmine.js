#!/usr/bin/env node
// The sigmine CLI. Runs the compiled program in dist/ (written by `npm run build`, which `npm ci` runs as
// `prepare`), resolved from this file's own location so the command works from any working directory.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'sigmine: the compiled program is missing (dist/): run `npm run build` in the sigmine folder\n',
  );
  process.exit(1);
}
// Stack traces name the TypeScript lines when asked for (the source maps cost start-up time otherwise).
if (process.env.SIGMINE_DEBUG) process.setSourceMapsEnabled(true);
// Engine settings first: patterns and cached scripts compiled afterwards follow them (src/cli/engine-flags.ts).
const { setEngineFlags } = await import(new URL('../dist/src/cli/engine-flags.js', import.meta.url).href);
setEngineFlags();
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
