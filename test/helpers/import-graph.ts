/**
 * The import graph of the source tree, read from the text of each file (no compiler): `import ... from`,
 * `export ... from`, side-effect `import '...'` and `import('...')` with a string literal. Only relative
 * specifiers name files of this tree; packages (`kysely`, `node:fs`) are left out. Used by
 * test/layers.test.ts to check the layer rules of docs/layers.json and that no two src/ folders import
 * each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

/** One import of one file: both paths relative to the repository root, with `/`. */
export interface ImportEdge {
  from: string;
  to: string;
}

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
/** `from '...'` ends static imports and re-exports; `import '...'` and `import('...')` the rest. */
const SPECIFIERS = [
  /\bfrom\s*['"]([^'"\n]+)['"]/g,
  /^\s*import\s*['"]([^'"\n]+)['"]/gm,
  /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

/** Block and line comments removed, so an example in a doc comment is not taken for an import. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The module specifiers a source text imports, in order of appearance per kind. */
export function specifiersOf(text: string): string[] {
  const code = withoutComments(text);
  const out: string[] = [];
  for (const re of SPECIFIERS) for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}

/** Source files under `dirs` (relative to `root`), skipping node_modules and dot folders. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(abs, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  for (const d of dirs) {
    try {
      walk(join(root, d));
    } catch {
      // a folder this checkout does not have
    }
  }
  return out.sort();
}

/** Every import of these files that names a file of the tree (relative specifiers only). */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const spec of specifiersOf(readFileSync(join(root, from), 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      edges.push({ from, to: posix.normalize(posix.join(posix.dirname(from), spec)) });
    }
  }
  return edges;
}

export interface LayerRules {
  /** Part name -> path prefixes (a folder ends with `/`); the longest matching prefix decides. */
  parts: Record<string, { is: string[] }>;
  /** [from, to, why]: no file of `from` may import a file of `to`. */
  never: Array<[string, string, string]>;
}

/** The part a path belongs to (longest prefix), or null when none. */
export function partOf(rules: LayerRules, path: string): string | null {
  let best: string | null = null;
  let len = -1;
  for (const [name, { is }] of Object.entries(rules.parts)) {
    for (const prefix of is) {
      const hit = prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix;
      if (hit && prefix.length > len) [best, len] = [name, prefix.length];
    }
  }
  return best;
}

export interface Violation extends ImportEdge {
  rule: string;
}

/** Imports that break a `never` rule, each with the rule as `From -> To: why`. */
export function violations(rules: LayerRules, edges: readonly ImportEdge[]): Violation[] {
  const out: Violation[] = [];
  for (const e of edges) {
    const a = partOf(rules, e.from);
    const b = partOf(rules, e.to);
    if (!a || !b || a === b) continue;
    for (const [from, to, why] of rules.never) {
      if (from === a && to === b) out.push({ ...e, rule: `${from} -> ${to}: ${why}` });
    }
  }
  return out;
}

/** `src/store/ingest.ts` -> `src/store`; a file directly under src/ is its own node (`src/config.ts`). */
export function srcFolderOf(path: string): string | null {
  const m = /^src\/([^/]+)(\/)?/.exec(path);
  if (!m) return null;
  return m[2] ? `src/${m[1]}` : path;
}

/**
 * Groups of src/ folders that import each other, directly or around a loop (strongly connected components
 * of the folder graph with more than one folder), each sorted, with one import per step as evidence.
 */
export function folderLoops(
  edges: readonly ImportEdge[],
): Array<{ folders: string[]; imports: ImportEdge[] }> {
  const graph = new Map<string, Map<string, ImportEdge>>();
  for (const e of edges) {
    const a = srcFolderOf(e.from);
    const b = srcFolderOf(e.to);
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.has(b)) graph.set(b, new Map());
    if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, e);
  }
  // Tarjan's strongly connected components.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!.keys()) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const g: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        g.push(w);
      } while (w !== v);
      if (g.length > 1) groups.push(g.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((folders) => ({
    folders,
    imports: folders.flatMap((a) =>
      folders.filter((b) => graph.get(a)!.has(b)).map((b) => graph.get(a)!.get(b)!),
    ),
  }));
}

/** The repository root (this file is test/helpers/import-graph.ts). */
export const REPO_ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
