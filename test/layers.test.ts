/**
 * The layers hold: every import of src/, parsers/, connectors/ and migrations/ is read (import/export-from
 * lines and `import()` with a string) and checked against the rules in docs/layers.json (parsers <-
 * connectors <- harvest/store/privacy <- cli/web; the store reaches privacy only through the PrivacyGate it
 * declares; migrations import no application code), and no two src/ folders import each other, directly or
 * around a loop. Needs nothing outside the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  folderLoops,
  importEdges,
  REPO_ROOT,
  sourceFiles,
  specifiersOf,
  srcFolderOf,
  violations,
  type ImportEdge,
  type LayerRules,
} from './helpers/import-graph.ts';

const rules = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'layers.json'), 'utf8')) as LayerRules;
const files = sourceFiles(REPO_ROOT, ['src', 'parsers', 'connectors', 'migrations']);
const edges = importEdges(REPO_ROOT, files);

/**
 * Imports known to break a rule today, each owned by work in progress elsewhere; remove a line once its
 * import is gone (the last test fails on a line that no longer matches anything, to say so).
 */
const KNOWN_BREAKS: ReadonlyArray<{ from: string; to: string; why: string }> = [];

/** Folder imports that close a loop today; remove a line once its imports are gone. None are left. */
const KNOWN_LOOP_EDGES: ReadonlyArray<{ from: string; to: string }> = [];

/**
 * A Kysely query or raw SQL in a file's text (comments included: a query shown in a comment of a web file
 * belongs in its owner too). The web layer runs none: it calls the module that owns the table.
 */
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(|\bsql\s*`/;
const queryLines = (text: string) =>
  text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter((l) => QUERY.test(l.line));

/** src/db/schema.ts is the union of every module's table types: it points at every folder by design. */
const SCHEMA = 'src/db/schema.ts';

const known = (e: ImportEdge) => KNOWN_BREAKS.some((k) => k.from === e.from && k.to === e.to);
const loopEdge = (e: ImportEdge) =>
  e.from === SCHEMA ||
  e.to === SCHEMA ||
  KNOWN_LOOP_EDGES.some((k) => srcFolderOf(e.from) === k.from && srcFolderOf(e.to) === k.to);

describe('layers', () => {
  it('reads the imports of every source file, including re-exports and dynamic imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(
      specifiersOf(
        [
          "import { a } from './a.ts';",
          "import type { B } from '../b.ts';",
          "export { c } from './c.ts';",
          "export * from './d.ts';",
          "import './e.ts';",
          "const f = await import('./f.ts');",
          'import {',
          '  g,',
          "} from './g.ts';",
          "// import { no } from './commented.ts';",
          "/* import { no } from './block.ts'; */",
        ].join('\n'),
      ).sort(),
    ).toEqual(['../b.ts', './a.ts', './c.ts', './d.ts', './e.ts', './f.ts', './g.ts']);
    // Edges resolve to files of the tree.
    expect(edges).toContainEqual({ from: 'src/store/ingest.ts', to: 'src/store/privacy-gate.ts' });
  });

  it('a rule catches an import that breaks it, and a loop of folders is found', () => {
    const bad = [
      { from: 'src/store/ingest.ts', to: 'src/privacy/hooks.ts' },
      { from: 'parsers/extract.ts', to: 'src/db/database.ts' },
      { from: 'migrations/0099-x.ts', to: 'src/store/merge.ts' },
    ];
    expect(violations(rules, bad).map((v) => v.rule.split(':')[0])).toEqual([
      'Store -> Privacy',
      'Parsers -> Store',
      'Migrations -> Store',
    ]);
    const loops = folderLoops([
      { from: 'src/a/x.ts', to: 'src/b/y.ts' },
      { from: 'src/b/y.ts', to: 'src/c/z.ts' },
      { from: 'src/c/z.ts', to: 'src/a/w.ts' },
      { from: 'src/c/z.ts', to: 'src/d/v.ts' },
    ]);
    expect(loops.map((l) => l.folders)).toEqual([['src/a', 'src/b', 'src/c']]);
  });

  it('no import breaks the layers of docs/layers.json, beyond the known, named ones', () => {
    const broken = violations(rules, edges)
      .filter((v) => !known(v))
      .map((v) => `${v.from} -> ${v.to} (never ${v.rule})`);
    expect(broken).toEqual([]);
  });

  it('no store module imports privacy, notices or jurisdiction code (the schema only names their tables)', () => {
    const privacy = edges.filter(
      (e) =>
        e.from !== SCHEMA &&
        /^src\/(store|db)\//.test(e.from) &&
        /^src\/(privacy|notices|jurisdiction)\//.test(e.to),
    );
    expect(privacy).toEqual([]);
  });

  it('no web file runs a query: every table is read and written by the module that owns it', () => {
    // The check itself finds each kind of query.
    for (const q of [
      "await db.selectFrom('web_sessions').selectAll().execute();",
      "db\n  .insertInto('x')",
      "await trx.updateTable('x').set({ a: 1 }).execute();",
      "await db.deleteFrom('x').execute();",
      'await sql`select 1`.execute(db);',
    ])
      expect(queryLines(q), q).not.toEqual([]);
    expect(queryLines("import { readCounters } from '../db/metric-counters.ts';")).toEqual([]);
    const web = files.filter((f) => f.startsWith('src/web/'));
    expect(web.length).toBeGreaterThan(10);
    const found = web.flatMap((f) =>
      queryLines(readFileSync(join(REPO_ROOT, f), 'utf8')).map((l) => `${f}:${l.n}: ${l.line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('the environment has one reader: src/config.ts (and the SIGMINE_DEBUG switch of the CLI edge)', () => {
    const reads = (text: string) => text.split('\n').filter((l) => /\bprocess\.env\b/.test(l));
    expect(reads('const a = process.env.SIGMINE_X;\nconst b = 1;')).toHaveLength(1);
    const found = files
      .filter((f) => f !== 'src/config.ts' && !f.startsWith('migrations/'))
      .flatMap((f) => reads(readFileSync(join(REPO_ROOT, f), 'utf8')).map((l) => `${f}: ${l.trim()}`))
      .filter((l) => !l.startsWith('src/cli/main.ts: if (process.env.SIGMINE_DEBUG)'));
    expect(found).toEqual([]);
  });

  it('no migration imports application code', () => {
    const app = edges.filter((e) => e.from.startsWith('migrations/') && !e.to.startsWith('migrations/'));
    expect(app).toEqual([]);
  });

  it('no two src/ folders import each other, directly or around a loop', () => {
    const loops = folderLoops(edges.filter((e) => !loopEdge(e))).map(
      (l) => `${l.folders.join(' <-> ')}: ${l.imports.map((e) => `${e.from} -> ${e.to}`).join(', ')}`,
    );
    expect(loops).toEqual([]);
  });

  it('every known exception still matches an import (remove the ones that were fixed)', () => {
    const stale = [
      ...KNOWN_BREAKS.filter((k) => !edges.some((e) => e.from === k.from && e.to === k.to)).map(
        (k) => `${k.from} -> ${k.to}`,
      ),
      ...KNOWN_LOOP_EDGES.filter(
        (k) => !edges.some((e) => srcFolderOf(e.from) === k.from && srcFolderOf(e.to) === k.to),
      ).map((k) => `${k.from} -> ${k.to}`),
    ];
    expect(stale).toEqual([]);
  });
});
