/** Output helpers: `--json` prints one JSON object per line; people get an aligned table. */

export function printJsonLine(value: unknown, out: NodeJS.WritableStream = process.stdout): void {
  out.write(`${JSON.stringify(value)}\n`);
}

/** Prints rows as an aligned text table with a header line. */
export function printTable(
  headers: string[],
  rows: Array<Array<string | number | null | undefined>>,
  out: NodeJS.WritableStream = process.stdout,
): void {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) =>
    Math.min(60, Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length))),
  );
  const fmt = (r: string[]) =>
    r
      .map((c, i) => {
        const w = widths[i] ?? 0;
        return c.length > w ? `${c.slice(0, w - 1)}…` : c.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  out.write(`${fmt(headers)}\n${fmt(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const r of cells) out.write(`${fmt(r)}\n`);
}
