import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCorpusDir, runAccuracy, targetsMet } from '../bench/accuracy.ts';

const present = existsSync(join(defaultCorpusDir, 'gold.jsonl'));
if (!present) {
  console.warn(`\n*** test/corpus.test.ts SKIPPED: no dev corpus at ${defaultCorpusDir} ***\n`);
}

describe.skipIf(!present)('extraction over the real dev corpus', () => {
  it('meets the accuracy targets: line F1 >= 0.95, field micro P >= 0.95 and R >= 0.85, no business mail discarded', async () => {
    const r = await runAccuracy(defaultCorpusDir);
    expect(r.path).toBe('parsers/extract.ts extractRaw');
    expect(targetsMet(r)).toEqual([]);
  });

  it('discards every free-mail sender, even those with a business signature', async () => {
    const r = await runAccuracy(defaultCorpusDir);
    expect(r.missedFreeMail).toEqual([]);
  });
});
