/**
 * Loads a command bundled as one classic script (dist/src/commands/NAME.bundle.cjs, written by
 * scripts/build.js) with V8's code cache: the bytecode of the functions a warm-up run compiled, written
 * next to the script at build time (NAME.bundle.cjs.v8cache). `sigmine extract` otherwise compiled its
 * 250 KB bundle and the 330 KB phone-number library at every start, then each function again at its
 * first call while the first messages were parsed: about a fifth of a 150-message run.
 *
 * Node 20 has no code cache for ES modules (no NODE_COMPILE_CACHE, vm.SourceTextModule is
 * experimental), so the bundle is CommonJS run through `vm.Script`, which takes `cachedData`. V8 checks
 * the cache against its own version, its flags and the source; a cache that does not fit is ignored and
 * the script compiles as it would without one (the output never depends on the cache).
 */
import { readFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** A script loaded by this process, for the build's warm-up run that writes its cache. */
export interface LoadedScript {
  readonly script: Script;
  /** Where its code cache lives (the script's path plus `.v8cache`). */
  readonly cachePath: string;
  /** Whether V8 used a cache for it (false when none was found or V8 refused it). */
  readonly cacheUsed: boolean;
}

const loaded: LoadedScript[] = [];

/** The scripts this process loaded, in order. */
export function loadedScripts(): readonly LoadedScript[] {
  return loaded;
}

/**
 * Runs the CommonJS script at `url` once and returns its `module.exports`. `shared` maps the specifiers
 * it requires that must stay this process's own ES modules (src/: one AppError class, one exit code
 * state) to their namespaces; any other specifier is required from the script's own folder.
 */
export function loadCachedScript(
  url: URL,
  shared: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const path = fileURLToPath(url);
  if (process.sourceMapsEnabled) return withSourceMaps(path, shared);
  const cachePath = `${path}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    cachedData = undefined; // no cache (a build without its warm-up): compiled as usual
  }
  // The CommonJS wrapper on the script's first line, so its line numbers stay the file's own.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(path, 'utf8')}\n})`;
  const script = new Script(source, { filename: path, cachedData });
  loaded.push({ script, cachePath, cacheUsed: cachedData !== undefined && !script.cachedDataRejected });
  const fn = script.runInThisContext() as (
    exports: object,
    require: (id: string) => unknown,
    module: { exports: Record<string, unknown> },
    filename: string,
    dirname: string,
  ) => void;
  const requireHere = createRequire(path);
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => (Object.hasOwn(shared, id) ? shared[id] : requireHere(id));
  fn.call(module.exports, module.exports, require, module, path, dirname(path));
  return module.exports;
}

/**
 * `SIGMINE_DEBUG` (bin/sigmine.js turns source maps on): Node maps stack traces of the scripts its module
 * loader compiles, not of a `vm.Script`, so the script is compiled as a CommonJS module instead (no code
 * cache), its `require` answering the shared modules the same way.
 */
function withSourceMaps(path: string, shared: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const mod = new Module(path) as Module & { _compile(source: string, filename: string): void };
  mod.filename = path;
  mod.paths = createRequire(path).resolve.paths('x') ?? [];
  const requireModule = mod.require.bind(mod);
  mod.require = ((id: string): unknown =>
    Object.hasOwn(shared, id) ? shared[id] : requireModule(id)) as typeof mod.require;
  mod._compile(readFileSync(path, 'utf8'), path);
  return mod.exports as Record<string, unknown>;
}
