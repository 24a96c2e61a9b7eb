/**
 * The local-mailbox connector (kind `mailbox`): .eml files, folders, mbox and Maildir under
 * `conn.config.path` (a string or an array of strings). Pages of up to 100 MinimalMessages; the cursor
 * records per-path progress so a re-run skips what was done and an interrupted run replays at most
 * one page.
 */
import type {
  ConnectionInfo,
  Connector,
  ConnectorFactory,
  ConnectorStats,
  Cursor,
  Page,
  Unreadable,
} from '../types.ts';
import { basename } from 'node:path';
import { ConnectorError } from '../types.ts';
import type { MinimalMessage } from '../../parsers/types.ts';
import { parseRaw, toMinimal } from '../../parsers/message.ts';
import { deadline } from '../../parsers/budget.ts';
import { readMailboxPaths, type MailboxItem, type ResumeState } from '../mailbox-files.ts';
import { textBeyondBudget } from '../over-budget.ts';

export const PAGE_SIZE = 100;

export interface MailboxCursor extends Cursor, ResumeState {
  kind: 'mailbox';
  v: 1;
}

/** Validates a stored cursor; anything unexpected is `cursor-expired` (the caller resyncs from scratch). */
export function parseMailboxCursor(c: Cursor | null): MailboxCursor {
  if (c === null) return { kind: 'mailbox', v: 1, mbox: {}, dirs: {}, files: {} };
  const bad = (why: string) => new ConnectorError('cursor-expired', `mailbox cursor rejected: ${why}`);
  if (c.kind !== 'mailbox') throw bad(`kind is "${String(c.kind)}"`);
  if (c.v !== 1) throw bad(`version ${String(c.v)} is not 1`);
  const obj = (x: unknown) => x === undefined || (typeof x === 'object' && x !== null && !Array.isArray(x));
  if (!obj(c.mbox) || !obj(c.dirs) || !obj(c.files)) throw bad('malformed progress maps');
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  for (const v of Object.values((c.mbox ?? {}) as Record<string, Record<string, unknown>>)) {
    if (!v || !num(v.size) || !num(v.mtimeMs) || !num(v.offset) || !num(v.index))
      throw bad('malformed mbox entry');
  }
  for (const v of Object.values((c.dirs ?? {}) as Record<string, Record<string, unknown>>)) {
    if (!v || typeof v.after !== 'string' || !num(v.seenUntil)) throw bad('malformed folder entry');
  }
  for (const v of Object.values((c.files ?? {}) as Record<string, Record<string, unknown>>)) {
    if (!v || !num(v.size) || !num(v.mtimeMs)) throw bad('malformed file entry');
  }
  return {
    kind: 'mailbox',
    v: 1,
    mbox: { ...((c.mbox ?? {}) as MailboxCursor['mbox']) },
    dirs: { ...((c.dirs ?? {}) as MailboxCursor['dirs']) },
    files: { ...((c.files ?? {}) as MailboxCursor['files']) },
  };
}

function pathsOf(conn: ConnectionInfo): string[] {
  const p = conn.config.path;
  const list = Array.isArray(p) ? p : [p];
  if (list.length === 0 || !list.every((x) => typeof x === 'string' && x.trim() !== '')) {
    throw new ConnectorError('config', 'mailbox connection needs config.path (a path or a list of paths)');
  }
  return list as string[];
}

/** Records in `cur` that `item` is done. */
function advance(cur: MailboxCursor, item: MailboxItem, dirMaxMtime: Map<string, number>): void {
  const s = item.source;
  if (s.kind === 'mbox') {
    cur.mbox![s.path] = { size: s.size, mtimeMs: s.mtimeMs, offset: s.next ?? s.size, index: item.index };
  } else if (s.kind === 'eml') {
    cur.files![s.path] = { size: s.size, mtimeMs: s.mtimeMs };
  } else if (s.rel !== undefined) {
    const prev = cur.dirs![s.path];
    const after = prev && prev.after > s.rel ? prev.after : s.rel;
    dirMaxMtime.set(s.path, Math.max(dirMaxMtime.get(s.path) ?? 0, s.mtimeMs));
    cur.dirs![s.path] = { after, seenUntil: prev?.seenUntil ?? 0 };
  }
}

/**
 * The folder a message is filed in, for a member's folder exclusions: its subfolder inside a configured
 * folder or Maildir ("Clients/Acme"; a Maildir's cur/ and new/ are not folders), or an mbox file's name.
 * Messages at the top of a configured folder, and single .eml files, have none.
 */
function withFolder(m: MinimalMessage, item: MailboxItem): MinimalMessage {
  const s = item.source;
  let folder = '';
  if (s.kind === 'mbox') folder = basename(s.path);
  else if (s.rel !== undefined) {
    const parts = s.rel.split(/[\\/]/).slice(0, -1);
    if (s.kind === 'maildir' && /^(cur|new)$/.test(parts[parts.length - 1] ?? '')) parts.pop();
    folder = parts.join('/');
  }
  return folder ? { ...m, folders: [folder] } : m;
}

function snapshot(c: MailboxCursor): MailboxCursor {
  return JSON.parse(JSON.stringify(c)) as MailboxCursor;
}

export function createMailboxConnector(conn: ConnectionInfo): Connector {
  const paths = pathsOf(conn);
  const stats: ConnectorStats = { apiCalls: 0, rateLimitWaits: 0 };
  return {
    async *pages(cursor, opts): AsyncGenerator<Page> {
      const cur = parseMailboxCursor(cursor);
      const dirMax = new Map<string, number>();
      let messages: MinimalMessage[] = [];
      let unreadable: Unreadable[] = [];
      for await (const item of readMailboxPaths(paths, cur)) {
        if (opts?.signal?.aborted) return;
        stats.apiCalls++;
        if (item.bytes) {
          const d = deadline();
          try {
            const parsed = parseRaw(item.bytes, { check: d.check });
            const beyond = textBeyondBudget(item.bytes, parsed);
            if (beyond) unreadable.push({ sourceId: item.file, reason: beyond });
            else {
              const m = withFolder(toMinimal(parsed, item.file), item);
              if (!opts?.since || !m.date || new Date(m.date) >= opts.since) messages.push(m);
            }
          } catch (err) {
            // Unreadable mail contributes nothing, and says which budget stopped it.
            unreadable.push({ sourceId: item.file, reason: (err as Error).message.slice(0, 300) });
          }
        } else unreadable.push({ sourceId: item.file, reason: item.error ?? 'could not be read' });
        advance(cur, item, dirMax);
        if (messages.length + unreadable.length >= PAGE_SIZE) {
          yield { messages, contacts: [], cursor: snapshot(cur), done: false, unreadable };
          messages = [];
          unreadable = [];
        }
      }
      // Folders finished: later runs revisit only names after `after` or files modified since.
      for (const [p, max] of dirMax) {
        const d = cur.dirs![p]!;
        cur.dirs![p] = { after: d.after, seenUntil: Math.max(d.seenUntil, max) };
      }
      yield { messages, contacts: [], cursor: snapshot(cur), done: true, unreadable };
    },
    stats: () => ({ ...stats }),
    async close() {},
  };
}

export const factory: ConnectorFactory = {
  kinds: ['mailbox'],
  create: (conn) => createMailboxConnector(conn),
};
