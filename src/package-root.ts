/**
 * The package's root folder (the one with package.json), found from this module's own location, so files
 * read at run time (package.json, fixtures/) are found both from the sources (src/package-root.ts) and
 * from the compiled program (dist/src/package-root.js: dist/ has no package.json, its parent does).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
