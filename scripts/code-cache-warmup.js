#!/usr/bin/env node
/**
 * Run by scripts/build.js: `node scripts/code-cache-warmup.js DIST MAILDIR` runs `sigmine extract --json`
 * from the compiled folder DIST over the .eml files of MAILDIR (the repository's fixtures/mail), its output
 * thrown away, then writes the V8 code cache of every script the command loaded through
 * DIST/src/commands/lib/script-cache.js next to that script. The cache then holds the bytecode of the
 * functions parsing real messages compiles (V8 includes every function compiled so far).
 *
 * Plain JavaScript: it runs inside the build.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, mailDir] = process.argv.slice(2);
if (!dist || !mailDir) {
  process.stderr.write('usage: code-cache-warmup.js DIST MAILDIR\n');
  process.exit(1);
}
const files = readdirSync(mailDir)
  .filter((n) => n.endsWith('.eml'))
  .sort()
  .map((n) => join(mailDir, n));
// The CLI's own engine flags (bin/sigmine.js sets them too): V8 refuses a cache written under other flags.
const { setEngineFlags } = await import(pathToFileURL(join(dist, 'src', 'cli', 'engine-flags.js')).href);
setEngineFlags();
const { loadedScripts } = await import(
  pathToFileURL(join(dist, 'src', 'commands', 'lib', 'script-cache.js')).href
);
const { main } = await import(pathToFileURL(join(dist, 'src', 'cli', 'main.js')).href);
const code = await main(['extract', '--json', ...files]);
if (code !== 0) {
  process.stderr.write(`code-cache-warmup: extract exited ${code}\n`);
  process.exit(1);
}
for (const { script, cachePath } of loadedScripts()) writeFileSync(cachePath, script.createCachedData());
