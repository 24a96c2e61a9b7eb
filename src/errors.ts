/**
 * The one error type of sigmine: `AppError` with a code from a closed union that names the cause.
 * Any layer may throw it (this file imports nothing of ours, so it closes no loop); the faces decide what a
 * code means in one place each: the web's HTTP status in src/web/error-status.ts, the CLI's exit code in
 * src/commands/lib/exit.ts. The code strings are printed by `sigmine ... --json` as
 * `{"error":{"code","message"}}` and read by outside scripts: a string here is never renamed, only added.
 */

/** Every cause an error may name; `error` is what an error without a known code is reported as. */
export const ERROR_CODES = [
  // The caller's input or the state it asks about.
  'bad-input',
  'bad-amount',
  'not-found',
  'opted-out',
  'insufficient-credits',
  'conflict',
  'unauthorised',
  'forbidden',
  'expired',
  // Configuration and keys.
  'config',
  'bad-config',
  'missing-key',
  'bad-key',
  'wrong-key',
  'bad-format',
  'decrypt-failed',
  // Providers and the world outside.
  'revoked',
  'auth-expired',
  'rate-limited',
  'cursor-expired',
  'unavailable',
  'timeout',
  'denied',
  'aborted',
  'storage',
  'port-in-use',
  'listen-failed',
  // Ours.
  'internal',
  'error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/** True for a string of the closed union. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN.has(code);
}

/** An error with a cause named by its code; the original error, if any, stays as `cause`. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/**
 * The code an error is reported with: an AppError's own, a code of the union carried by any other error
 * (a driver's or a library's error is not trusted to name one of ours unless it is in the union), else `error`.
 */
export function errorCodeOf(err: unknown): ErrorCode {
  const code = (err as { code?: unknown } | null)?.code;
  return isErrorCode(code) ? code : 'error';
}
