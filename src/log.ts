/**
 * Structured logging and progress. A pipe or a log file gets one JSON object per line
 * (`{"ts","level","event",...fields}`); a terminal gets one live progress line per connection instead
 * (messages scanned, contacts found, rate-limit waits, rate), redrawn at most 10 times a second.
 * Fields are counters, ids and codes only: never message content, subjects, tokens or passwords.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: Level, event: string, fields?: Record<string, unknown>): void;
}

/** JSON log lines to `out` (default stderr). */
export function jsonLogger(out: NodeJS.WritableStream = process.stderr): Logger {
  return {
    log(level, event, fields = {}) {
      out.write(`${JSON.stringify({ ts: new Date().toISOString(), level, event, ...fields })}\n`);
    },
  };
}

export const silentLogger: Logger = { log() {} };

export interface ProgressState {
  label: string;
  scanned: number;
  contacts: number;
  waits: number;
  state: 'running' | 'ok' | 'error' | 'skipped';
  note?: string;
  startedAt: number;
}

/** Live progress: one line per key. */
export interface Progress {
  update(key: string, patch: Partial<ProgressState> & { label?: string }): void;
  /** Final redraw; later output goes below the lines. */
  stop(): void;
}

const BAR = 12;

function render(p: ProgressState, tick: number): string {
  const secs = Math.max(0.001, (Date.now() - p.startedAt) / 1000);
  const rate = p.scanned / secs;
  const mark = p.state === 'running' ? '…' : p.state === 'ok' ? '✓' : p.state === 'error' ? '✗' : '-';
  // Totals are unknown while paging (providers do not say), so the bar shows activity, not a fraction.
  const pos = tick % BAR;
  const bar =
    p.state === 'running'
      ? Array.from({ length: BAR }, (_, i) => (i === pos ? '█' : '░')).join('')
      : (p.state === 'ok' ? '█' : '░').repeat(BAR);
  return (
    `${mark} ${p.label.slice(0, 40).padEnd(40)} ${bar} ${String(p.scanned).padStart(7)} msgs ` +
    `${String(p.contacts).padStart(5)} contacts ${String(p.waits).padStart(3)} waits ${rate.toFixed(0).padStart(5)}/s` +
    (p.note ? `  ${p.note}` : '')
  );
}

/** Progress lines on a terminal (ANSI cursor moves). */
export function ttyProgress(out: NodeJS.WriteStream = process.stderr): Progress {
  const lines = new Map<string, ProgressState>();
  let drawn = 0;
  let tick = 0;
  let timer: NodeJS.Timeout | null = null;
  const draw = () => {
    tick++;
    let s = drawn > 0 ? `\x1b[${drawn}A` : '';
    for (const p of lines.values()) s += `\x1b[2K${render(p, tick)}\n`;
    drawn = lines.size;
    out.write(s);
  };
  return {
    update(key, patch) {
      const cur = lines.get(key) ?? {
        label: key,
        scanned: 0,
        contacts: 0,
        waits: 0,
        state: 'running' as const,
        startedAt: Date.now(),
      };
      lines.set(key, { ...cur, ...patch });
      timer ??= setInterval(draw, 100);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (lines.size) draw();
    },
  };
}

export const noProgress: Progress = { update() {}, stop() {} };

/** Picks the output for the stream: a terminal gets progress lines, anything else JSON log lines. */
export function outputsFor(out: NodeJS.WriteStream = process.stderr): { logger: Logger; progress: Progress } {
  return out.isTTY
    ? { logger: silentLogger, progress: ttyProgress(out) }
    : { logger: jsonLogger(out), progress: noProgress };
}
