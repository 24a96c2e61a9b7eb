/**
 * `readAhead(tasks, depth)`: runs up to `depth` tasks at once and yields their results in the tasks'
 * order, each as soon as it and every task before it are done. Reading mail files this way overlaps the
 * file system's latency with the parsing of the messages before them, and the output stays in input
 * order, streamed: at most `depth` results are held, never the whole run.
 *
 * A task that fails, or a failure of the task source itself, is thrown at its place in the order, after
 * every result before it was yielded. A consumer that stops early leaves at most `depth - 1` tasks to
 * finish unobserved (their failures are caught, never unhandled).
 */

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

export async function* readAhead<T>(
  tasks: AsyncIterable<() => Promise<T>> | Iterable<() => Promise<T>>,
  depth: number,
): AsyncGenerator<T> {
  const source =
    Symbol.asyncIterator in tasks
      ? tasks[Symbol.asyncIterator]()
      : (tasks as Iterable<() => Promise<T>>)[Symbol.iterator]();
  const window: Promise<Settled<T>>[] = [];
  const take = async (): Promise<T> => {
    const r = await window.shift()!;
    if (!r.ok) throw r.error;
    return r.value;
  };
  try {
    for (;;) {
      let next: IteratorResult<() => Promise<T>>;
      try {
        next = await source.next();
      } catch (error) {
        // The task source failed (a path that does not exist): thrown after what came before it.
        window.push(Promise.resolve({ ok: false, error }));
        break;
      }
      if (next.done) break;
      window.push(settle(Promise.resolve().then(next.value)));
      if (window.length >= Math.max(1, depth)) yield await take();
    }
    while (window.length > 0) yield await take();
  } finally {
    await source.return?.();
  }
}
