/**
 * RFC 3676 `format=flowed` plain text back to the lines its writer meant: a line ending in a space is a soft
 * break and runs on into the next line of the same quote depth (with `DelSp=yes` that space is the client's,
 * not the writer's, and goes), and one leading space stuffed in by the client is removed. The `-- `
 * signature delimiter is a hard line. Quote marks are kept as `> ` prefixes. Linear in the text.
 */
export function unflow(text: string, delsp: boolean): string {
  const out: string[] = [];
  let pending: string | null = null;
  let pendingDepth = 0;
  const flush = () => {
    if (pending === null) return;
    out.push(
      pendingDepth > 0 ? `${'>'.repeat(pendingDepth)}${pending === '' ? '' : ` ${pending}`}` : pending,
    );
    pending = null;
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    let depth = 0;
    while (depth < line.length && line.charCodeAt(depth) === 62 /* > */) depth++;
    let body = line.slice(depth);
    if (body.startsWith(' ')) body = body.slice(1);
    if (pending !== null && depth === pendingDepth) pending += body;
    else {
      flush();
      pending = body;
      pendingDepth = depth;
    }
    const soft = body !== '-- ' && body.endsWith(' ');
    if (!soft) flush();
    else if (delsp) pending = pending.slice(0, -1);
  }
  flush();
  return out.join('\n');
}

/** The flowed parameters of a Content-Type value: null when the text is not `format=flowed`. */
export function flowedOf(contentType: string | null | undefined): { delsp: boolean } | null {
  const v = (contentType ?? '').slice(0, 1024);
  if (!/;\s*format\s*=\s*"?flowed"?/i.test(v)) return null;
  return { delsp: /;\s*delsp\s*=\s*"?yes"?/i.test(v) };
}
