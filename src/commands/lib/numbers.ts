/**
 * Parsers for numeric CLI options (commander's `.option(flags, text, parse, default)`). They exist because
 * `Number(x) || default` silently turned `--concurrency 0` or `--port abc` into something else; a bad value
 * is now refused with the option's name, exit 1 (`bad-input` in `--json` errors).
 */
import { InvalidArgumentError } from 'commander';

/** A whole number of at least 1 (counts: concurrency, limits). */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`must be a whole number of 1 or more, got "${value}"`);
  }
  return n;
}

/** A number of at least `min` (seconds: expiry, polling, jitter). */
export function numberAtLeast(min: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min) {
      throw new InvalidArgumentError(`must be a number of ${min} or more, got "${value}"`);
    }
    return n;
  };
}

/** A TCP port: 0 (any free port) to 65535. */
export function port(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n > 65535)
    throw new InvalidArgumentError(`must be a port number (0-65535), got "${value}"`);
  return n;
}
