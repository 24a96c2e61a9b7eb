/**
 * Why this file exists: how many bytes of a text part to ask for first depends on the mailbox. A reply's
 * newest part is known complete once its quoted history starts; in the dev corpus that takes p50 677 and
 * p95 2,379 bytes, in a mailbox of short replies on long threads ~300. A partial FETCH returns all the bytes
 * asked for, so a first head larger than the mailbox needs is history downloaded for nothing, and one
 * smaller costs one more round. So each run learns: every head it reads tells how many bytes that message
 * needed (the shortest prefix in which its newest part is complete), and the first head of later pages is
 * the candidate that would have cost the fewest bytes over what the run has seen, the later steps fixed.
 * Pure apart from the learner's own memory; which step is chosen never changes what a message yields (the
 * heads grow until the newest part is complete, whatever the first step).
 */

/** First heads (decoded bytes) a run may choose from; the dev corpus's best, 512, until it has seen enough. */
export const FIRST_CANDIDATES: readonly number[] = [256, 384, 512, 768, 1024];
/** Bytes of FETCH response around one part's bytes (`* 12 FETCH (UID 1234 BODY[1]<0> {512}` ... `)`). */
export const ROUND_BYTES = 45;
/** Heads seen before the run trusts its own distribution: about half a page. */
export const MIN_OBSERVATIONS = 50;
/** Heads remembered: the newest 1,000 (a few pages), so a run follows the folder it reads. */
export const MAX_OBSERVATIONS = 1000;
/** Granularity of the search for the bytes a head needed (a line of mail is ~70 bytes). */
const NEED_GRAIN = 32;

/** What one head told: raw bytes needed (Infinity: never complete), part size if seen (else Infinity). */
export interface HeadObservation {
  need: number;
  size: number;
  /** Raw bytes per decoded byte asked for (transfer encoding and HTML markup: fetch-page.ts stepBytes). */
  perByte: number;
}

/** Bytes one message would cost with these steps (decoded sizes), FETCH responses included. */
export function headCost(o: HeadObservation, steps: readonly number[]): number {
  for (let k = 0; k < steps.length; k++) {
    const raw = Math.ceil(steps[k]! * o.perByte);
    if (raw >= o.size || raw >= o.need || k === steps.length - 1) {
      return Math.min(raw, o.size) + ROUND_BYTES * (k + 1);
    }
  }
  return 0;
}

/**
 * The smallest prefix of `raw` (to NEED_GRAIN bytes) for which `complete` holds, given that it holds for
 * all of `raw`: a binary search, about 9 tests for a 16 KiB head.
 */
export function bytesNeeded(raw: Buffer, complete: (prefix: Buffer) => boolean): number {
  let lo = 0; // complete() is false at lo (an empty head holds no quote start)
  let hi = raw.length; // and true at hi
  while (hi - lo > NEED_GRAIN) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (complete(raw.subarray(0, mid))) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** One run's memory of its heads, and the first step it would choose now. */
export class HeadLearner {
  private readonly seen: HeadObservation[] = [];

  constructor(
    private readonly later: readonly number[],
    private readonly fallback: number,
  ) {}

  observe(o: HeadObservation): void {
    this.seen.push(o);
    if (this.seen.length > MAX_OBSERVATIONS) this.seen.shift();
  }

  /** The first head (decoded bytes) with the fewest bytes over the heads seen; the fallback until enough. */
  first(): number {
    if (this.seen.length < MIN_OBSERVATIONS) return this.fallback;
    let best = this.fallback;
    let bestCost = Infinity;
    for (const s of FIRST_CANDIDATES) {
      const steps = [s, ...this.later];
      const cost = this.seen.reduce((a, o) => a + headCost(o, steps), 0);
      if (cost < bestCost) [best, bestCost] = [s, cost];
    }
    return best;
  }
}
