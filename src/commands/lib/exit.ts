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
