/**
 * One page of IMAP messages: headers of every UID (page-headers.ts), then the structure and the first bytes
 * of the chosen text parts of the messages the headers do not rule out, then more of the first part, step
 * by step up to HEAD_BYTES, where the newest part may go on (the module comment of index.ts gives the numbers
 * behind HEAD_BYTES, HEAD_STEPS below those of the steps). Every command goes through the connector's
 * `call`, which counts it and translates its errors.
 */
import type { FetchMessageObject } from 'imapflow';
import type { ConnectorDeps } from '../types.ts';
import { ConnectorError } from '../types.ts';
import { planBodies } from '../headers-first.ts';
import type { HeaderSearchState } from './header-search.ts';
import { bytesNeeded, HeadLearner } from './head-steps.ts';
import { fetchMissingDates, fetchPageHeaders } from './page-headers.ts';
import {
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
 * Decoded bytes fetched first, until the run has seen enough heads to choose its own first step
 * (head-steps.ts, one of 256 B to 1 KiB): a reply's newest part is usually short, and its quoted history
 * starts inside these bytes. A head in which no quoted history starts is extended step by step (HEAD_STEPS)
 * only while the newest part may go on: the first quote start found is the same with more bytes, so a
 * message yields the same tail as with a HEAD_BYTES fetch, for at most one more FETCH per page and step.
 */
export const FIRST_BYTES = 512;
/**
 * What the first text part grows to, round by round: 512 B, 1.5 KiB, 4 KiB, then HEAD_BYTES (past the dev
 * corpus's largest signature end, 7.1 KB, with a 2x margin). Chosen from the dev corpus (150 real messages):
 * the bytes of its text part a message needs before its newest part is known complete (its quoted history
 * starts, or the part ends) are p25 424, p50 677, p75 1,016, p90 1,672, p95 2,379, max 7,454. Over that
 * distribution, counting ~45 bytes of FETCH response per round, these steps cost 1,130 bytes of text per
 * message (the previous 768/3K/16K: 1,178), and 1,913 (previous: 2,264) when every message sits above a
 * long quoted history, as in a thread, where a step past the newest part reads history: the 4 KiB step keeps
 * a long newest part from jumping straight to 16 KiB. At most one more FETCH per page and step. The first
 * step is the dev corpus's best as a start; a run then picks its own from the heads it reads.
 */
export const HEAD_STEPS: readonly number[] = [FIRST_BYTES, 1536, 4096, HEAD_BYTES];

/** What a page fetch needs of its connector: the counted, error-translating command runner and the deps. */
export interface PageFetchContext {
  call: <T>(fn: () => Promise<T>) => Promise<T>;
  deps: ConnectorDeps;
  /** Whether this run still uses the server's header search (header-search.ts); shared by its pages. */
  headerSearch: HeaderSearchState;
  /** The run's first head size, learnt from the heads of its earlier pages (head-steps.ts). */
  heads: HeadLearner;
}

/** One byte range of one body part, as imapflow's `bodyParts` query takes it. */
type RangeQuery = { key: string; start: number; maxLength: number };
/** A text part to fetch and the raw bytes wanted of it in the first round. */
type PartPlan = { tp: TextPart; bytes: number };
/** Raw part bytes per UID, by part name. */
type PartBytes = Map<number, Map<string, Buffer>>;

/** The raw bytes that give about `decoded` bytes of text of a part (markup roughly doubles HTML). */
function stepBytes(tp: TextPart, decoded: number): number {
  return rawFetchBytes(tp.encoding, tp.html ? 2 * decoded : decoded);
}

/**
 * Parts to fetch and the raw bytes wanted from each, first round: the plain parts (the first one
 * FIRST_BYTES, later inline ones, signature parts, 4 KiB), or the HTML part alone when there is no plain
 * part. The HTML of a message with a plain part is never fetched: its text is the plain part's, and its
 * signature marker is a hint the plain text rarely needs.
 */
function fetchPlan(tps: TextParts, first: number): PartPlan[] {
  if (tps.plain.length > 0)
    return tps.plain.map((tp, i) => ({
      tp,
      bytes: i === 0 ? stepBytes(tp, first) : rawFetchBytes(tp.encoding, 4 * 1024),
    }));
  return tps.html ? [{ tp: tps.html, bytes: stepBytes(tps.html, first) }] : [];
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

/**
 * Headers first: the text parts to fetch of each message the headers and the store do not rule out. A
 * message fetched without its BODYSTRUCTURE (one the header search flagged: mostly bulk mail, ruled out)
 * has it fetched now if it is wanted after all, so a ruled-out one costs no structure bytes either.
 */
async function planPage(
  ctx: PageFetchContext,
  c: ImapClient,
  metas: FetchMessageObject[],
  heads: Map<number, ImapMinimalMessage>,
  sourceId: (uid: number) => string,
): Promise<Map<number, PartPlan[]>> {
  const { wanted } = await planBodies([...heads.values()], ctx.deps);
  const structures = new Map<number, unknown>();
  for (const m of metas) if (m.bodyStructure) structures.set(m.uid, m.bodyStructure);
  const missing = metas.filter((m) => wanted.has(sourceId(m.uid)) && !m.bodyStructure).map((m) => m.uid);
  if (missing.length > 0) {
    const rows = await ctx.call(() =>
      c.fetchAll(missing.join(','), { uid: true, bodyStructure: true }, { uid: true }),
    );
    for (const r of rows) if (r.bodyStructure) structures.set(r.uid, r.bodyStructure);
  }
  const plans = new Map<number, PartPlan[]>();
  const first = ctx.heads.first();
  for (const m of metas) {
    if (!wanted.has(sourceId(m.uid))) continue;
    plans.set(m.uid, fetchPlan(chooseTextParts(structures.get(m.uid) as StructureNode | undefined), first));
  }
  return plans;
}

/** The first part of each message as fetched so far: its raw bytes and how many were asked for. */
type Heads = Map<number, { raw: Buffer; requested: number }>;

/**
 * The next round: the first part of each message grown to `decoded` bytes where its head was cut (as long
 * as asked for) before the newest part ended (no quoted history starts in it).
 */
function extensionRanges(plans: Map<number, PartPlan[]>, heads: Heads, decoded: number) {
  const more = new Map<number, RangeQuery[]>();
  for (const [uid, plan] of plans) {
    const p = plan[0];
    const h = heads.get(uid);
    if (!p || !h || h.raw.length < h.requested) continue;
    const want = stepBytes(p.tp, decoded);
    if (want <= h.requested || newestPartComplete(h.raw, p.tp)) continue;
    more.set(uid, [{ key: p.tp.part, start: h.requested, maxLength: want - h.requested }]);
  }
  return more;
}

/** Grows the first part of the cut heads step by step (HEAD_STEPS), one FETCH per step at most. */
async function extendHeads(
  ctx: PageFetchContext,
  c: ImapClient,
  plans: Map<number, PartPlan[]>,
  first: PartBytes,
): Promise<Heads> {
  const heads: Heads = new Map();
  for (const [uid, plan] of plans) {
    const raw = plan[0] ? rawOf(first, uid, plan[0].tp.part) : undefined;
    if (raw) heads.set(uid, { raw, requested: plan[0]!.bytes });
  }
  for (const decoded of HEAD_STEPS.slice(1)) {
    const more = extensionRanges(plans, heads, decoded);
    if (more.size === 0) break;
    const got = await fetchRanges(ctx, c, more);
    for (const [uid, [q]] of more) {
      const h = heads.get(uid)!;
      const tail = rawOf(got, uid, q!.key);
      heads.set(uid, {
        raw: tail ? Buffer.concat([h.raw, tail]) : h.raw,
        requested: q!.start + q!.maxLength,
      });
    }
  }
  return heads;
}

/**
 * What each grown head tells the run's learner (head-steps.ts): the raw bytes its newest part needed, or
 * the part's size where it ended first, or that HEAD_BYTES did not hold it.
 */
function learnFrom(ctx: PageFetchContext, plans: Map<number, PartPlan[]>, heads: Heads): void {
  for (const [uid, plan] of plans) {
    const p = plan[0];
    const h = heads.get(uid);
    if (!p || !h) continue;
    const ended = h.raw.length < h.requested;
    const complete = newestPartComplete(h.raw, p.tp);
    ctx.heads.observe({
      need: complete
        ? bytesNeeded(h.raw, (prefix) => newestPartComplete(prefix, p.tp))
        : ended
          ? h.raw.length
          : Infinity,
      size: ended ? h.raw.length : Infinity,
      perByte: stepBytes(p.tp, 1024) / 1024,
    });
  }
}

/** A message's texts: the first part as grown by extendHeads, the others as fetched first. */
function textsOf(uid: number, plan: PartPlan[], first: PartBytes, heads: Heads) {
  return plan.map((p, i) => {
    const h = i === 0 ? heads.get(uid) : undefined;
    return h
      ? { part: p.tp, raw: h.raw, requested: h.requested }
      : { part: p.tp, raw: rawOf(first, uid, p.tp.part), requested: p.bytes };
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
  const metas = await fetchPageHeaders(ctx, c, uids);
  const sourceId = (uid: number) => `${path}:${uidValidity}:${uid}`;
  const headOnly = (m: FetchMessageObject, internalDate?: Date | string) =>
    buildMinimal({ sourceId: sourceId(m.uid), headers: m.headers, internalDate, texts: [] });
  const heads = new Map(metas.map((m) => [m.uid, headOnly(m)]));
  // The date of a message without a readable Date header is its INTERNALDATE, fetched for it alone.
  const undated = metas.filter((m) => heads.get(m.uid)!.date === null);
  const dates = await fetchMissingDates(
    ctx,
    c,
    undated.map((m) => m.uid),
  );
  for (const m of undated) heads.set(m.uid, headOnly(m, dates.get(m.uid)));
  // Headers first: no body byte for a ruled-out or already-processed message.
  const plans = await planPage(ctx, c, metas, heads, sourceId);
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
  const grown = await extendHeads(ctx, c, plans, first);
  learnFrom(ctx, plans, grown);
  return metas
    .sort((a, b) => a.uid - b.uid)
    .map((m) => {
      const plan = plans.get(m.uid);
      // The mailbox it is filed in: a member may exclude a folder of this connection from sharing.
      if (!plan) return { ...heads.get(m.uid)!, folders: [path] };
      const full = buildMinimal({
        sourceId: sourceId(m.uid),
        headers: m.headers,
        internalDate: dates.get(m.uid),
        texts: textsOf(m.uid, plan, first, grown),
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
