/**
 * The run loop every Outlook source shares (mail, calendar, contacts): open the Graph client for the
 * mailbox, check the saved cursor, walk the delta round page by page and keep the stats across runs.
 * A source states only what differs: its kind, its first-round URL, its `Prefer` header and how one
 * page of Graph items becomes messages or contacts.
 */
import type { ConnectionInfo, Connector, ConnectorDeps, Cursor, Page, PageOptions } from '../types.ts';
import { openGraph, type OutlookOptions } from './connection.ts';
import { deltaWalk, readCursor } from './delta.ts';
import type { GraphGetter } from './graph-client.ts';
import type { MsKind } from './oauth.ts';

/** What one Outlook source adds to the shared loop. */
export interface GraphSourceSpec<T> {
  kind: MsKind;
  /**
   * Path of a first (or resync) round, asked when a run starts; `since` is the caller's time bound
   * (sources without a time axis ignore it). Query options baked in here travel inside the delta tokens.
   */
  start(since: Date | undefined): string;
  /** `Prefer` header, re-sent on every page: headers are not part of the delta tokens. */
  prefer: string;
  /** One page of Graph items -> what the page hands over (mail asks the processed set, so it may wait). */
  map(items: T[]): Pick<Page, 'messages' | 'contacts'> | Promise<Pick<Page, 'messages' | 'contacts'>>;
}

/** A Connector over one Graph delta resource of the connection's mailbox. */
export function graphSource<T>(
  conn: ConnectionInfo,
  deps: ConnectorDeps,
  opts: OutlookOptions,
  spec: GraphSourceSpec<T>,
): Connector {
  const tally = new StatsTally();
  return {
    async *pages(cursor: Cursor | null, o: PageOptions = {}): AsyncIterable<Page> {
      const g = openGraph(spec.kind, conn, deps, opts, o.signal);
      tally.start(g);
      const resume = readCursor(cursor, spec.kind, deps.endpoints.microsoft.graphUrl, deps.onEvent);
      let seen = 0;
      try {
        for await (const p of deltaWalk<T>(g, {
          kind: spec.kind,
          start: spec.start(o.since),
          resume,
          headers: { Prefer: spec.prefer },
          onEvent: deps.onEvent,
        })) {
          const page = await spec.map(p.items);
          yield { ...page, cursor: p.cursor, done: p.done };
          // A preview's cap: mail's first round comes newest first (index.ts); stop after `limit` items.
          seen += page.messages.length + page.contacts.length;
          if (o.limit && o.limit > 0 && seen >= o.limit) return;
        }
      } finally {
        tally.finish();
      }
    },
    stats: () => tally.stats(),
    async close() {},
  };
}

/** Connector stats over every run of a connector, live while a run is in progress. */
class StatsTally {
  private done = { apiCalls: 0, rateLimitWaits: 0 };
  private current: GraphGetter | null = null;

  start(g: GraphGetter): void {
    this.current = g;
  }

  finish(): void {
    if (!this.current) return;
    const s = this.current.stats();
    this.done = {
      apiCalls: this.done.apiCalls + s.apiCalls,
      rateLimitWaits: this.done.rateLimitWaits + s.rateLimitWaits,
    };
    this.current = null;
  }

  stats() {
    const s = this.current?.stats() ?? { apiCalls: 0, rateLimitWaits: 0 };
    return {
      apiCalls: this.done.apiCalls + s.apiCalls,
      rateLimitWaits: this.done.rateLimitWaits + s.rateLimitWaits,
    };
  }
}
