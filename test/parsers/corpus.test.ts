import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccuracyReport, defaultCorpusDir, runAccuracy, targetsMet } from '../../bench/accuracy.ts';

const present = existsSync(join(defaultCorpusDir, 'gold.jsonl'));
if (!present) {
  console.warn(`\n*** test/parsers/corpus.test.ts SKIPPED: no dev corpus at ${defaultCorpusDir} ***\n`);
}

describe.skipIf(!present)('extraction over the real dev corpus', () => {
  let report: AccuracyReport;
  beforeAll(async () => {
    report = await runAccuracy(defaultCorpusDir);
  }, 120_000);

  it('is measured through the product path (extractRaw)', () => {
    expect(report.path).toBe('parsers/extract.ts extractRaw');
    expect(report.messages).toBeGreaterThan(0);
  });

  it('meets the targets: line F1 >= 0.95, field micro P >= 0.95 and R >= 0.85, no business mail discarded', () => {
    expect(targetsMet(report)).toEqual([]);
  });

  it('discards every free-mail sender, even those with a business signature', () => {
    expect(report.missedFreeMail).toEqual([]);
  });
});
