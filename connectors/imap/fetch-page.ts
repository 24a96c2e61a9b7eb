/**
 * One page of IMAP messages: headers of every UID, then the first bytes of the chosen text parts of the
 * messages the headers do not rule out, then the rest of HEAD_BYTES where the newest part may go on
 * (the module comment of index.ts gives the numbers behind FIRST_BYTES and HEAD_BYTES). Every command
 * goes through the connector's `call`, which counts it and translates its errors.
 */
import type { FetchMessageObject } from 'imapflow';
import type { ConnectorDeps } from '../types.ts';
import { ConnectorError } from '../types.ts';
import { planBodies } from '../headers-first.ts';
import {
  IMAP_HEADER_FIELDS,
  buildMinimal,
  chooseTextParts,
  newestPartComplete,
  rawFetchBytes,
  type ImapMinimalMessage,
  type StructureNode,
  type TextPart,
  type TextParts,
} from './message.ts';
import type { ImapClient } from './index.ts';

/** Decoded bytes of the text part fetched per message at most (see the module comment of index.ts). */
export const HEAD_BYTES = 16 * 1024;
/**
 * Decoded bytes fetched first: past the p90 signature end of the dev corpus (p50 583 B, p95 2.4 KB), and a
 * reply's quoted history usually starts inside it. Extended to HEAD_BYTES only when no quoted history starts
 * in it (the newest part may go on): the first quote start found is the same with more bytes, so a message
 * yields the same tail as with a HEAD_BYTES fetch, for one more FETCH per page at most.
 */
export const FIRST_BYTES = 2 * 1024;

/** What a page fetch needs of its connector: the counted, error-translating command runner and the deps. */
export interface PageFetchContext {
  call: <T>(fn: () => Promise<T>) => Promise<T>;
  deps: ConnectorDeps;
}

/** One byte range of one body part, as imapflow's `bodyParts` query takes it. */
type RangeQuery = { key: string; start: number; maxLength: number };
/** A text part to fetch and the raw bytes wanted of it in the first round. */
type PartPlan = { tp: TextPart; bytes: number };
/** Raw part bytes per UID, by part name. */
type PartBytes = Map<number, Map<string, Buffer>>;

/**
 * Parts to fetch and the decoded bytes wanted from each, first round: the plain parts (the first one
 * FIRST_BYTES, later inline ones, signature parts, 4 KiB), or the HTML part alone (2 x FIRST_BYTES: markup
 * roughly doubles the text) when there is no plain part. The HTML of a message with a plain part is never
 * fetched: its text is the plain part's, and its signature marker is a hint the plain text rarely needs.
 */
function fetchPlan(tps: TextParts): PartPlan[] {
  if (tps.plain.length > 0)
    return tps.plain.map((tp, i) => ({
      tp,
      bytes: rawFetchBytes(tp.encoding, i === 0 ? FIRST_BYTES : 4 * 1024),
    }));
  return tps.html ? [{ tp: tps.html, bytes: rawFetchBytes(tps.html.encoding, 2 * FIRST_BYTES) }] : [];
}

/** The raw bytes the first part may grow to when its head was cut (HEAD_BYTES decoded, twice for HTML). */
function fullBytes(tp: TextPart): number {
  return rawFetchBytes(tp.encoding, tp.html ? 2 * HEAD_BYTES : HEAD_BYTES);
}

/** A message's raw bytes of one part (imapflow may key the part in lower case). */
function rawOf(got: PartBytes, uid: number, part: string): Buffer | undefined {
  return got.get(uid)?.get(part.toLowerCase()) ?? got.get(uid)?.get(part);
}

/** One FETCH per distinct set of (part, range); returns each message's raw part bytes by part. */
async function fetchRanges(
  ctx: PageFetchContext,
  c: ImapClient,
  wanted: Map<number, RangeQuery[]>,
): Promise<PartBytes> {
  const groups = new Map<string, { query: RangeQuery[]; uids: number[] }>();
  for (const [uid, query] of wanted) {
    if (query.length === 0) continue;
    const key = query.map((q) => `${q.key}<${q.start}.${q.maxLength}>`).join(' ');
    const g = groups.get(key);
    if (g) g.uids.push(uid);
    else groups.set(key, { query, uids: [uid] });
  }
  const out: PartBytes = new Map();
  for (const g of groups.values()) {
    const rows: FetchMessageObject[] = await ctx.call(() =>
      c.fetchAll(g.uids.join(','), { uid: true, bodyParts: g.query }, { uid: true }),
    );
    for (const r of rows) if (r.bodyParts) out.set(r.uid, r.bodyParts);
  }
  return out;
}

/** Headers first: the text parts to fetch of each message the headers and the store do not rule out. */
async function planPage(
  ctx: PageFetchContext,
  metas: FetchMessageObject[],
  heads: Map<number, ImapMinimalMessage>,
  sourceId: (uid: number) => string,
): Promise<Map<number, PartPlan[]>> {
  const { wanted } = await planBodies([...heads.values()], ctx.deps);
  const plans = new Map<number, PartPlan[]>();
  for (const m of metas) {
    if (!wanted.has(sourceId(m.uid))) continue;
    plans.set(m.uid, fetchPlan(chooseTextParts(m.bodyStructure as StructureNode | undefined)));
  }
  return plans;
}

/** The second round: the rest of the first part where its head was cut before the newest part ended. */
function extensionRanges(plans: Map<number, PartPlan[]>, first: PartBytes): Map<number, RangeQuery[]> {
  const more = new Map<number, RangeQuery[]>();
  for (const [uid, plan] of plans) {
    const p = plan[0];
    const raw = p ? rawOf(first, uid, p.tp.part) : undefined;
    if (!p || !raw || raw.length < p.bytes || fullBytes(p.tp) <= p.bytes) continue;
    if (newestPartComplete(raw, p.tp)) continue;
    more.set(uid, [{ key: p.tp.part, start: p.bytes, maxLength: fullBytes(p.tp) - p.bytes }]);
  }
  return more;
}

/** A message's texts: each planned part's head, the first one joined to its extension when there is one. */
function textsOf(uid: number, plan: PartPlan[], first: PartBytes, rest: PartBytes, extended: boolean) {
  return plan.map((p, i) => {
    const head = rawOf(first, uid, p.tp.part);
    const tail = i === 0 && extended ? rawOf(rest, uid, p.tp.part) : undefined;
    return tail && head
      ? { part: p.tp, raw: Buffer.concat([head, tail]), requested: fullBytes(p.tp) }
      : { part: p.tp, raw: head, requested: p.bytes };
  });
}

/** One page of UIDs of the open mailbox `path`, as minimal messages in UID order. */
export async function fetchPage(
  ctx: PageFetchContext,
  c: ImapClient,
  path: string,
  uidValidity: string,
  uids: number[],
): Promise<ImapMinimalMessage[]> {
  const metas = await ctx.call(() =>
    c.fetchAll(
      uids.join(','),
      { uid: true, bodyStructure: true, internalDate: true, headers: [...IMAP_HEADER_FIELDS] },
      { uid: true },
    ),
  );
  const sourceId = (uid: number) => `${path}:${uidValidity}:${uid}`;
  const heads = new Map(
    metas.map((m) => [
      m.uid,
      buildMinimal({
        sourceId: sourceId(m.uid),
        headers: m.headers,
        internalDate: m.internalDate,
        texts: [],
      }),
    ]),
  );
  // Headers first: no body byte for a ruled-out or already-processed message.
  const plans = await planPage(ctx, metas, heads, sourceId);
  const first = await fetchRanges(
    ctx,
    c,
    new Map(
      [...plans].map(([uid, plan]) => [
        uid,
        plan.map((p) => ({ key: p.tp.part, start: 0, maxLength: p.bytes })),
      ]),
    ),
  );
  const more = extensionRanges(plans, first);
  const rest: PartBytes = more.size ? await fetchRanges(ctx, c, more) : new Map();
  return metas
    .sort((a, b) => a.uid - b.uid)
    .map((m) => {
      const plan = plans.get(m.uid);
      // The mailbox it is filed in: a member may exclude a folder of this connection from sharing.
      if (!plan) return { ...heads.get(m.uid)!, folders: [path] };
      const full = buildMinimal({
        sourceId: sourceId(m.uid),
        headers: m.headers,
        internalDate: m.internalDate,
        texts: textsOf(m.uid, plan, first, rest, more.has(m.uid)),
      });
      return { ...full, folders: [path] };
    });
}

/** A response imapflow rejected for one message's sake; connection and login errors are not. */
function isSkippable(err: unknown, c: ImapClient): boolean {
  return err instanceof ConnectorError && err.code === 'bad-input' && c.usable;
}

/**
 * A page whose response imapflow rejects (one hostile message can poison a whole FETCH) is fetched again
 * message by message, and messages that still fail are skipped, so one bad message cannot stop every
 * later harvest of the mailbox at the same page. Connection and login errors still end the run.
 */
export async function fetchPageSkippingBad(
  ctx: PageFetchContext,
  c: ImapClient,
  path: string,
  uidValidity: string,
  uids: number[],
): Promise<ImapMinimalMessage[]> {
  try {
    return await fetchPage(ctx, c, path, uidValidity, uids);
  } catch (err) {
    if (!isSkippable(err, c)) throw err;
  }
  const out: ImapMinimalMessage[] = [];
  for (const uid of uids) {
    try {
      out.push(...(await fetchPage(ctx, c, path, uidValidity, [uid])));
    } catch (err) {
      if (!isSkippable(err, c)) throw err;
      ctx.deps.onEvent?.({ type: 'retry', attempt: 1, code: 'skipped-unreadable-message' });
    }
  }
  return out;
}
