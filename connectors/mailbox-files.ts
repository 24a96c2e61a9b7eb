/**
 * Local mailbox files: single .eml files, folders of them (recursively), mbox files (streamed, `From `
 * separators, mboxrd `>From` unescaping) and Maildir folders (cur/ and new/). One message in memory at a
 * time, so a 100,000-message mbox streams in bounded memory.
 */
import {
  close as closeFile,
  createReadStream,
  open as openFile,
  read as readInto,
  type Stats,
} from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MAX_MESSAGE_BYTES } from '../parsers/budget.ts';
import { readAhead } from './read-ahead.ts';

export interface MailboxItem {
  /** The path as given (joined with the name inside a folder); mbox messages add `#N` (1-based). */
  file: string;
  /** 1-based position of the message in its mbox, 1 for single-message files. */
  index: number;
  /** Raw RFC 5322 bytes, or null when the message could not be read (see `error`). */
  bytes: Uint8Array | null;
  error?: string;
  /** The container the message came from and where to resume after it (for cursors). */
  source: {
    path: string;
    kind: 'eml' | 'mbox' | 'maildir' | 'folder';
    rel?: string;
    mtimeMs: number;
    next?: number;
    size: number;
  };
}

/** Where to resume per path: mbox byte offset (with the size/mtime it was read at), folder progress. */
export interface ResumeState {
  mbox?: Record<string, { size: number; mtimeMs: number; offset: number; index: number }>;
  dirs?: Record<string, { after: string; seenUntil: number }>;
  files?: Record<string, { size: number; mtimeMs: number }>;
}

const CHUNK = 1024 * 1024;
/**
 * The longest partial line carried from one chunk to the next. A separator line (`From sender date`) is
 * under 1 KB; a longer line is body, and is handed on as it streams instead of being carried (and copied)
 * whole. 64 KiB keeps ordinary long lines (base64 without breaks, HTML) on the fast path.
 */
const LINE_CARRY_MAX = 64 * 1024;

async function head(path: string, n: number): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(n);
    const { bytesRead } = await fh.read(b, 0, n, 0);
    return b.toString('latin1', 0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function startsWithFrom(path: string): Promise<boolean> {
  return (await head(path, 5)) === 'From ';
}

/** In a plain folder, a file is mail when it starts like a header block or an mbox (README.md, JSON... are not). */
async function looksLikeMail(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith('.eml')) return true;
  const h = await head(path, 80);
  return h.startsWith('From ') || /^(?:\uFEFF|\xEF\xBB\xBF)?[A-Za-z][A-Za-z0-9-]{0,75}:/.test(h);
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, depth: number) => {
    if (depth > 20) return;
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p, depth + 1);
      else if (e.isFile()) out.push(p);
    }
  };
  await walk(dir, 0);
  return out;
}

async function isMaildir(dir: string): Promise<boolean> {
  for (const sub of ['cur', 'new']) {
    try {
      if ((await stat(join(dir, sub))).isDirectory()) return true;
    } catch {
      /* not there */
    }
  }
  return false;
}

/** The Maildir's `cur`/`new` entries that are symbolic links (lstat: the link itself, not its target). */
async function symlinkedFolders(dir: string): Promise<Array<'cur' | 'new'>> {
  const out: Array<'cur' | 'new'> = [];
  for (const sub of ['cur', 'new'] as const) {
    try {
      if ((await lstat(join(dir, sub))).isSymbolicLink()) out.push(sub);
    } catch {
      /* not there */
    }
  }
  return out;
}

async function readWhole(path: string, size: number): Promise<{ bytes: Uint8Array | null; error?: string }> {
  if (size > MAX_MESSAGE_BYTES) {
    return {
      bytes: null,
      error: `message is ${(size / 1048576).toFixed(1)} MiB, over the ${MAX_MESSAGE_BYTES / 1048576} MiB budget`,
    };
  }
  return { bytes: await readBytes(path, size) };
}

/**
 * The first `size` bytes of a file (fewer if it shrank), with the callback API: a FileHandle and a promise
 * per step cost a third more CPU (150 messages: 25 -> 18.5 ms, read 16 at a time).
 */
function readBytes(path: string, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    openFile(path, 'r', (err, fd) => {
      if (err) return reject(err);
      const b = Buffer.allocUnsafe(size);
      const done = (readErr: Error | null, n: number): void =>
        closeFile(fd, (closeErr) => {
          const e = readErr ?? closeErr;
          if (e) reject(e);
          else resolve(b.subarray(0, n));
        });
      const step = (n: number): void => {
        if (n >= size) return done(null, n);
        readInto(fd, b, n, size - n, n, (readErr, bytesRead) =>
          readErr ? done(readErr, n) : bytesRead === 0 ? done(null, n) : step(n + bytesRead),
        );
      };
      step(0);
    });
  });
}

/** mboxrd unescaping: a line `>From `, `>>From `... loses one `>` (the writer added it). */
function unescapeLine(line: Buffer): Buffer {
  if (line[0] !== 0x3e) return line;
  let i = 0;
  while (line[i] === 0x3e) i++;
  return line.toString('latin1', i, i + 5) === 'From ' ? line.subarray(1) : line;
}

/**
 * An mbox separator: `From <envelope-sender> <date>` (RFC 4155; asctime `Mon Mar 11 10:00:00 2024`,
 * some writers use RFC 5322 dates). Requiring a time, a month name and a year keeps unescaped body
 * lines such as "From the start..." or "From 10:00 we meet" (mboxo writers) from splitting a message.
 */
function isSeparator(line: Buffer): boolean {
  if (line.length < 5 || line.toString('latin1', 0, 5) !== 'From ') return false;
  const rest = line.toString('latin1', 5, Math.min(line.length, 200));
  return (
    /\s\d{1,2}:\d\d/.test(rest) &&
    /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/.test(rest) &&
    /\b(?:19|20)\d\d\b/.test(rest)
  );
}

/** The mbox message being read: its bytes within the budget (an oversize one keeps counting, stores nothing). */
class MboxMessage {
  inMessage = false;
  private parts: Buffer[] = [];
  private bytes = 0;
  private oversize = false;

  constructor(
    private readonly path: string,
    private readonly st: { mtimeMs: number; size: number },
    private index: number,
  ) {}

  /** Adds body bytes to the message (junk before the first separator is dropped). */
  keep(l: Buffer): void {
    if (!this.inMessage || this.oversize) return;
    this.bytes += l.length;
    if (this.bytes > MAX_MESSAGE_BYTES) {
      this.oversize = true;
      this.parts = [];
      return;
    }
    this.parts.push(Buffer.from(l)); // copy: do not pin the 1 MiB chunk
  }

  /** The message that ends at byte `end` (null before the first separator); the next one starts empty. */
  finish(end: number): MailboxItem | null {
    if (!this.inMessage) return null;
    this.index++;
    const { path, st } = this;
    const item: MailboxItem = {
      file: `${path}#${this.index}`,
      index: this.index,
      bytes: this.oversize ? null : Buffer.concat(this.parts, this.bytes),
      source: { path, kind: 'mbox', mtimeMs: st.mtimeMs, next: end, size: st.size },
    };
    if (this.oversize) item.error = `message is over the ${MAX_MESSAGE_BYTES / 1048576} MiB budget`;
    this.parts = [];
    this.bytes = 0;
    this.oversize = false;
    return item;
  }
}

/**
 * Streams the messages of an mbox from byte `offset`. A separator is a `From ` line at the start of
 * the file or after a blank line (mboxo/mboxrd writers always leave one).
 */
export async function* readMbox(
  path: string,
  opts: { offset?: number; index?: number; mtimeMs?: number; size?: number } = {},
): AsyncGenerator<MailboxItem> {
  const st = await stat(path);
  const msg = new MboxMessage(path, st, opts.index ?? 0);
  let pos = opts.offset ?? 0;
  let prevBlank = true;
  let carry: Buffer | null = null;
  const keep = (l: Buffer) => msg.keep(l);
  const finish = (end: number) => msg.finish(end);
  // Inside a line longer than LINE_CARRY_MAX: its start was handled, the rest is plain body bytes.
  let midLine = false;
  const stream = createReadStream(path, { start: pos, highWaterMark: CHUNK });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    let i = 0;
    for (;;) {
      const nl = buf.indexOf(10, i);
      if (nl < 0) {
        const rest = buf.subarray(i);
        if (midLine || rest.length > LINE_CARRY_MAX) {
          // A long line is not carried into the next chunk (that would copy it again at every chunk:
          // a 60 MB line cost 16 s and 365 MB): its start is judged now, its bytes go to the message.
          keep(midLine ? rest : unescapeLine(rest));
          if (!midLine) prevBlank = false;
          midLine = true;
          pos += rest.length;
        } else carry = Buffer.from(rest);
        break;
      }
      const line = buf.subarray(i, nl + 1);
      const lineStart = pos;
      pos += line.length;
      i = nl + 1;
      if (midLine) {
        midLine = false;
        keep(line);
        continue;
      }
      if (prevBlank && isSeparator(line)) {
        const done = finish(lineStart);
        if (done) yield done;
        msg.inMessage = true;
        prevBlank = false;
        continue;
      }
      prevBlank = line.length === 1 || (line.length === 2 && line[0] === 13);
      keep(unescapeLine(line)); // junk before the first separator is dropped by keep
    }
  }
  if (carry) {
    keep(unescapeLine(carry));
    pos += carry.length;
  }
  const done = finish(pos);
  if (done) yield done;
}

/**
 * What one file contributes, decided by a read-ahead task: its message already read, a stream to run at
 * its turn (an mbox, a message too large to hold ahead), or nothing (not mail, done by an earlier run).
 */
type Unit = { item: MailboxItem } | { stream: () => AsyncIterable<MailboxItem> } | null;

/**
 * A message read ahead is held until its turn: only messages up to 1 MiB are (most mail is a few KB; one
 * with attachments is read at its turn), so 16 reads ahead hold at most 16 MiB, never 16 x the 50 MiB budget.
 */
const READ_AHEAD_MAX_BYTES = 1024 * 1024;

async function fileUnit(
  path: string,
  size: number,
  extra: Omit<MailboxItem, 'bytes' | 'error'>,
): Promise<Unit> {
  const read = async (): Promise<MailboxItem> => {
    const { bytes, error } = await readWhole(path, size);
    return { ...extra, bytes, ...(error ? { error } : {}) };
  };
  if (size > READ_AHEAD_MAX_BYTES)
    return {
      stream: async function* () {
        yield await read();
      },
    };
  return { item: await read() };
}

/** A file inside a folder (or Maildir): mail, an mbox, or skipped; an unreadable file is an item with its error. */
async function folderFileUnit(
  path: string,
  f: string,
  maildir: boolean,
  r: { after: string; seenUntil: number } | undefined,
): Promise<Unit> {
  let fst;
  try {
    fst = await stat(f);
  } catch {
    return null; // removed while we walked
  }
  const rel = relative(path, f);
  // seenUntil 0: the run that wrote `after` did not finish, so everything up to `after` is done.
  if (r && rel <= r.after && (r.seenUntil === 0 || fst.mtimeMs <= r.seenUntil)) return null;
  const source = {
    path,
    kind: maildir ? ('maildir' as const) : ('folder' as const),
    rel,
    mtimeMs: fst.mtimeMs,
    size: fst.size,
  };
  // One unreadable file (permissions, I/O error) is reported, not fatal for the folder.
  const failed = (err: unknown): MailboxItem => ({
    file: f,
    index: 1,
    bytes: null,
    error: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    source,
  });
  try {
    if (!maildir && !(await looksLikeMail(f))) return null;
    if (!maildir && !f.toLowerCase().endsWith('.eml') && (await startsWithFrom(f))) {
      return {
        stream: async function* () {
          try {
            for await (const item of readMbox(f))
              yield { ...item, source: { ...item.source, path, kind: 'folder' as const, rel } };
          } catch (err) {
            yield failed(err);
          }
        },
      };
    }
    const unit = await fileUnit(f, fst.size, { file: f, index: 1, source });
    if (unit && 'stream' in unit) {
      const stream = unit.stream;
      return {
        stream: async function* () {
          try {
            yield* stream();
          } catch (err) {
            yield failed(err);
          }
        },
      };
    }
    return unit;
  } catch (err) {
    return { item: failed(err) };
  }
}

/** The messages of units read `depth` at a time, in order; streams run at their turn. */
async function* itemsOf(tasks: Iterable<() => Promise<Unit>>, depth: number): AsyncGenerator<MailboxItem> {
  for await (const unit of readAhead(tasks, depth)) {
    if (unit === null) continue;
    if ('item' in unit) yield unit.item;
    else yield* unit.stream();
  }
}

/** A folder or Maildir: refused symlinked Maildir folders, then its files in name order, read `depth` at a time. */
async function* folderItems(
  path: string,
  mtimeMs: number,
  resume: ResumeState,
  depth: number,
): AsyncGenerator<MailboxItem> {
  const maildir = await isMaildir(path);
  const refused = maildir ? await symlinkedFolders(path) : [];
  for (const sub of refused) {
    // Followed, a `cur -> /home/other/Maildir/cur` link reads mail outside the mailbox that was connected.
    yield {
      file: join(path, sub),
      index: 1,
      bytes: null,
      error: `refused: ${sub}/ of this Maildir is a symbolic link; only folders inside the mailbox are read`,
      source: { path, kind: 'maildir', mtimeMs, size: 0 },
    };
  }
  const files = maildir
    ? [
        ...(refused.includes('cur') ? [] : await listFiles(join(path, 'cur')).catch(() => [])),
        ...(refused.includes('new') ? [] : await listFiles(join(path, 'new')).catch(() => [])),
      ]
    : await listFiles(path);
  const r = resume.dirs?.[path];
  yield* itemsOf(
    files.map((f) => () => folderFileUnit(path, f, maildir, r)),
    depth,
  );
}

/** What readMailboxPaths needs of a path's stat (a caller that stat-ed the paths already passes its own). */
export type PathStat = Pick<Stats, 'isDirectory' | 'size' | 'mtimeMs'>;

/** One path given by the caller; a path that does not exist throws ENOENT (fatal for the caller). */
async function pathUnit(
  path: string,
  resume: ResumeState,
  depth: number,
  known: PathStat | undefined,
): Promise<Unit> {
  const st = known ?? (await stat(path));
  if (st.isDirectory()) return { stream: () => folderItems(path, st.mtimeMs, resume, depth) };
  const mboxLike =
    path.toLowerCase().endsWith('.mbox') ||
    (!path.toLowerCase().endsWith('.eml') && (await startsWithFrom(path)));
  if (mboxLike) {
    const r = resume.mbox?.[path];
    let from = { offset: 0, index: 0 };
    if (r && st.size >= r.size && r.offset <= st.size) {
      // Unchanged or appended-to: continue after the last message done; shrunk: start over.
      if (st.size === r.size && st.mtimeMs === r.mtimeMs && r.offset >= st.size) return null;
      from = { offset: r.offset, index: r.index };
    }
    return { stream: () => readMbox(path, from) };
  }
  const rf = resume.files?.[path];
  if (rf && rf.size === st.size && rf.mtimeMs === st.mtimeMs) return null;
  const source = { path, kind: 'eml' as const, mtimeMs: st.mtimeMs, size: st.size };
  return fileUnit(path, st.size, { file: path, index: 1, source });
}

/**
 * All messages under `paths` in a stable order. `resume` skips what a previous run finished:
 * mbox files continue from their byte offset when they only grew, folders skip names already done
 * unless modified since. `readAhead` files are read at once (default 1: one at a time), the messages
 * still yielded in order; an mbox is always streamed at its turn. `stats` holds the caller's stat of
 * given paths, taken just before (`sigmine extract` checks every path exists first): not taken again,
 * one file-system round trip less per file.
 */
export async function* readMailboxPaths(
  paths: string[],
  resume: ResumeState = {},
  opts: { readAhead?: number; stats?: ReadonlyMap<string, PathStat> } = {},
): AsyncGenerator<MailboxItem> {
  const depth = opts.readAhead ?? 1;
  yield* itemsOf(
    paths.map((path) => () => pathUnit(path, resume, depth, opts.stats?.get(path))),
    depth,
  );
}
