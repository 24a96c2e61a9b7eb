/**
 * Work budgets for one message. Mail is hostile input: every limit here bounds time or memory, and
 * a message over a limit is reported as `unreadable` with a reason instead of hanging the batch.
 */

/**
 * Largest message read at all: 50 MiB. Gmail caps messages at 25 MB and Exchange Online defaults to
 * 25-35 MB (150 MB max), so anything larger is an export artefact or an attack.
 */
export const MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

/**
 * Only the first 16 MiB are walked for the text part: the text part of real mail comes before
 * attachments, and 16 MiB of MIME walking stays well under the time budget (~20 ms on one core).
 */
export const MAX_PARSE_BYTES = 16 * 1024 * 1024;

/** Header block cap: 256 KiB (RFC 5322 does not limit it, real headers are < 20 KiB; Received chains grow). */
export const MAX_HEADER_BYTES = 256 * 1024;

/** Longest header value kept: 16 KiB (To/Cc of large lists); longer values are cut. */
export const MAX_HEADER_VALUE = 16 * 1024;

/** MIME nesting depth: 32 levels. Real clients nest 3-5 (mixed > related > alternative); more is bait. */
export const MAX_MIME_DEPTH = 32;

/** MIME parts visited: 2,000. A message with more parts than that is built to exhaust the walker. */
export const MAX_MIME_PARTS = 2_000;

/**
 * Decoded text kept: the first 1 MiB (chars). The newest part sits at the top of a reply and real newest
 * parts are a few KiB, so a longer text is quoted history or bait; this bounds the newest-part cutter.
 */
export const MAX_TEXT_CHARS = 1024 * 1024;

/**
 * Tail handed on (MinimalMessage.tail): the last 8 KiB of the newest part. The longest signature +
 * disclaimer blocks in the dev corpus are under 3 KiB; 8 KiB leaves room for HTML-flattened templates
 * while keeping what a connector stores/ships per message small.
 */
export const TAIL_CHARS = 8 * 1024;

/** Line length cap before any regex sees a line: 1,000 chars. Signature lines are < 200 chars. */
export const MAX_LINE_CHARS = 1_000;

/**
 * Time budget per message: 2 s, checked between stages (typical message: < 1 ms). It counts work, not
 * waiting: the budget is spent only when both the wall clock and the process's CPU time say so, so a
 * process frozen mid-message (SIGSTOP, a paused VM, a stalled machine) does not wake up to find an
 * ordinary message "over budget" and skip it for good.
 */
export const TIME_BUDGET_MS = 2_000;

/** Raised when a message is over a budget; the extractor turns it into `discarded: "unreadable"`. */
export class BudgetError extends Error {
  /** Headers read before the budget ran out (lower-cased name -> raw value), so reports can name the sender. */
  headers?: Map<string, string>;
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

/** The last reading of the process's CPU time and the wall-clock time it was taken at. */
let cpuMark = { at: -Infinity, cpu: { user: 0, system: 0 } };

/** A deadline started for one message; `check(stage)` throws BudgetError once it has passed. */
export function deadline(ms = TIME_BUDGET_MS): { check(stage: string): void; elapsed(): number } {
  const start = performance.now();
  // Reading the process's CPU time (getrusage, summed over all its threads) cost 30-40 us per message on
  // the development machine, a seventh of a typical message's whole extraction: a reading taken at most
  // ms/200 earlier stands in for it, which counts at most that much earlier work against this message.
  if (start - cpuMark.at > ms / 200) cpuMark = { at: start, cpu: process.cpuUsage() };
  const cpu0 = cpuMark.cpu;
  return {
    check(stage: string) {
      const t = performance.now() - start;
      if (t <= ms) return;
      // Over on the wall clock: was the time spent working on it, or stopped?
      const cpu = process.cpuUsage(cpu0);
      const worked = (cpu.user + cpu.system) / 1000;
      if (worked > ms)
        throw new BudgetError(
          `time budget of ${ms} ms exceeded during ${stage} (${Math.round(t)} ms, ${Math.round(worked)} ms of CPU)`,
        );
    },
    elapsed: () => performance.now() - start,
  };
}

/** Cuts every line of `text` to MAX_LINE_CHARS so later regexes see bounded input. */
export function capLines(text: string, max = MAX_LINE_CHARS): string {
  let long = false;
  // Jump from newline to newline (indexOf is a native scan) rather than testing every character.
  for (let start = 0; ;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > max) {
      long = true;
      break;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  if (!long) return text;
  return text
    .split('\n')
    .map((l) => (l.length > max ? l.slice(0, max) : l))
    .join('\n');
}
