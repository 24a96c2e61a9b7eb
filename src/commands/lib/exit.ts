/**
 * Exit codes shared by every command (0 ok, 2 partial failure, 1 fatal), the worst one a run recorded, and the
 * one mapping from an error's code to the exit code it ends the CLI with.
 */
import { errorCodeOf, type ErrorCode } from '../../errors.ts';

/** Exit codes shared by every command: 0 ok, 2 partial failure, 1 fatal. */
export const EXIT = { ok: 0, fatal: 1, partial: 2 } as const;

let worst = 0;

/** Records an exit code; the worst one recorded wins (fatal > partial > ok). */
export function setExit(code: number): void {
  const rank = (c: number) => (c === EXIT.fatal ? 2 : c === EXIT.partial ? 1 : 0);
  if (rank(code) > rank(worst)) worst = code;
}

export function takeExit(): number {
  const c = worst;
  worst = 0;
  return c;
}

/**
 * The CLI's one mapping from an error's code (src/errors.ts) to its exit code. Every error that ends a
 * command is fatal today (1; documented in the README and read by scripts); a command that goes on after
 * some items failed says so with `setExit(EXIT.partial)` instead of throwing. A new code must be decided here.
 */
const EXIT_OF: Readonly<Record<ErrorCode, number>> = {
  'bad-input': EXIT.fatal,
  'bad-amount': EXIT.fatal,
  'not-found': EXIT.fatal,
  'opted-out': EXIT.fatal,
  'insufficient-credits': EXIT.fatal,
  conflict: EXIT.fatal,
  unauthorised: EXIT.fatal,
  forbidden: EXIT.fatal,
  expired: EXIT.fatal,
  config: EXIT.fatal,
  'bad-config': EXIT.fatal,
  'missing-key': EXIT.fatal,
  'bad-key': EXIT.fatal,
  'wrong-key': EXIT.fatal,
  'bad-format': EXIT.fatal,
  'decrypt-failed': EXIT.fatal,
  revoked: EXIT.fatal,
  'auth-expired': EXIT.fatal,
  'rate-limited': EXIT.fatal,
  'cursor-expired': EXIT.fatal,
  unavailable: EXIT.fatal,
  timeout: EXIT.fatal,
  denied: EXIT.fatal,
  aborted: EXIT.fatal,
  storage: EXIT.fatal,
  'port-in-use': EXIT.fatal,
  'listen-failed': EXIT.fatal,
  internal: EXIT.fatal,
  error: EXIT.fatal,
};

/** The exit code a command ends with when it throws `err`. */
export function exitCodeOf(err: unknown): number {
  return EXIT_OF[errorCodeOf(err)];
}
