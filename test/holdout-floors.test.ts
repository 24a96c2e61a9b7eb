/**
 * The fixtures' hold-out sets as regression sets: each was measured once blind, then tuned on, so
 * their figures are floors, not estimates (the README's cross-validated figures are the estimates).
 * A change that drops a set below its floor must explain itself or be fixed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAccuracy } from '../bench/accuracy.ts';

/** Floors: signature-line F1, field micro precision and recall, as measured with the shipped labeller. */
const FLOORS: Record<string, { lines: number; precision: number; recall: number }> = {
  holdout2: { lines: 0.99, precision: 0.99, recall: 0.99 },
  holdout3: { lines: 0.99, precision: 0.99, recall: 0.99 },
  holdout4: { lines: 0.99, precision: 0.995, recall: 0.995 },
  holdout5: { lines: 0.99, precision: 0.995, recall: 0.99 },
  holdout6: { lines: 0.99, precision: 0.995, recall: 0.995 },
  intl: { lines: 0.99, precision: 0.99, recall: 0.99 },
  'intl-holdout': { lines: 0.99, precision: 0.99, recall: 0.99 },
};

describe('hold-out regression sets', () => {
  for (const [set, floor] of Object.entries(FLOORS)) {
    it(`${set} stays at or above its floor (lines F1 ${floor.lines}, fields P ${floor.precision} R ${floor.recall})`, async () => {
      const r = await runAccuracy(join(import.meta.dirname, '..', 'fixtures', 'mail', set));
      expect(r.lines.f1).toBeGreaterThanOrEqual(floor.lines);
      expect(r.micro.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(r.micro.recall).toBeGreaterThanOrEqual(floor.recall);
      expect(r.wrongDiscards).toEqual([]);
    });
  }
});
