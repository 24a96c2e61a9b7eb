import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'fixtures', 'mail');
const mail = readdirSync(fixtures)
  .filter((n) => n.endsWith('.eml'))
  .sort()
  .map((n) => join('fixtures', 'mail', n));

/** `sigmine extract --json` over the fixtures with the compiled program of `home` (bin/ and dist/). */
function extract(home: string): string {
  return execFileSync(process.execPath, [join(home, 'bin', 'sigmine.js'), 'extract', '--json', ...mail], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('the code cache of the compiled CLI', () => {
  it('is what `sigmine extract` starts from: the command bundle and commander both use the cache the build wrote', () => {
    // The CLI's start-up (bin/sigmine.js), observed in a child: engine flags, then the entry, then the command.
    const script = `
      const dist = ${JSON.stringify(join(root, 'dist'))};
      const { setEngineFlags } = await import(dist + '/src/cli/engine-flags.js');
      setEngineFlags();
      const { loadedScripts } = await import(dist + '/src/commands/lib/script-cache.js');
      const { main } = await import(dist + '/src/cli/main.js');
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = () => true;
      await main(['extract', '--json', ${JSON.stringify(join(fixtures, 'outlook-reply-en.eml'))}]);
      write(JSON.stringify(loadedScripts().map((s) => [s.cachePath.split('/').pop(), s.cacheUsed])));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(Object.fromEntries(JSON.parse(out) as [string, boolean][])).toEqual({
      'commander.cjs.v8cache': true,
      'extract.bundle.cjs.v8cache': true,
    });
  });

  it('never changes what extract prints: without a cache, or with a damaged one, the output is the same', () => {
    const expected = extract(root);
    expect(expected.split('\n').length).toBeGreaterThan(mail.length);
    const home = mkdtempSync(join(tmpdir(), 'sigmine-cache-'));
    try {
      cpSync(join(root, 'bin'), join(home, 'bin'), { recursive: true });
      cpSync(join(root, 'dist'), join(home, 'dist'), { recursive: true });
      cpSync(join(root, 'package.json'), join(home, 'package.json'));
      symlinkSync(join(root, 'node_modules'), join(home, 'node_modules'));
      const caches = [
        join(home, 'dist', 'src', 'commands', 'extract.bundle.cjs.v8cache'),
        join(home, 'dist', 'vendor', 'commander.cjs.v8cache'),
      ];
      for (const c of caches) writeFileSync(c, 'not a code cache');
      expect(extract(home)).toBe(expected);
      for (const c of caches) rmSync(c);
      expect(extract(home)).toBe(expected);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
