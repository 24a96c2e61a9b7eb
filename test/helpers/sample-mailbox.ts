/**
 * The bundled sample mailbox as MinimalMessages (parsed with the product's own parser), and a small
 * in-memory connector over them for harvest tests that need behaviours no real source offers on demand
 * (a revoked token at page N, rate-limit waits, a crash between pages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRaw, toMinimal } from '../../parsers/message.ts';
import type { MinimalMessage } from '../../parsers/types.ts';
import {
  ConnectorError,
  type Connector,
  type ConnectorFactory,
  type Cursor,
  type Page,
  type ConnectorErrorCode,
} from '../../connectors/types.ts';

export const SAMPLE_MBOX = join(import.meta.dirname, '..', '..', 'fixtures', 'sample-mailbox', 'inbox.mbox');

/** Splits the sample mbox (mboxrd, `From ` separator lines) into messages. */
export function sampleMessages(): MinimalMessage[] {
  const text = readFileSync(SAMPLE_MBOX, 'utf8');
  const parts = text.split(/^From [^\n]*\n/m).filter((p) => p.trim());
  return parts.map((p, i) =>
    toMinimal(parseRaw(new TextEncoder().encode(p.replace(/^>(>*From )/gm, '$1'))), `sample:${i}`),
  );
}

export interface FakeBehaviour {
  /** Messages per page (default 10). */
  pageSize?: number;
  /** Throw this ConnectorError code when asked for this page index (0-based). */
  failAt?: { page: number; code: ConnectorErrorCode };
  /** Rate-limit waits to report per page. */
  waitsPerPage?: number;
}

/**
 * A connector factory (kind `fake`) serving `messages` in pages with an offset cursor. The connection's
 * `config.behaviour` (FakeBehaviour) scripts failures; `created` counts connectors made per connection.
 */
export function fakeFactory(messages: MinimalMessage[]): ConnectorFactory & { created: Map<string, number> } {
  const created = new Map<string, number>();
  return {
    kinds: ['fake'],
    created,
    create(conn, deps): Connector {
      created.set(conn.id, (created.get(conn.id) ?? 0) + 1);
      const b = (conn.config.behaviour ?? {}) as FakeBehaviour;
      const size = b.pageSize ?? 10;
      let apiCalls = 0;
      let waits = 0;
      return {
        async *pages(cursor: Cursor | null): AsyncIterable<Page> {
          let offset = cursor && cursor.kind === 'fake' && cursor.v === 1 ? Number(cursor.offset) : 0;
          let page = 0;
          while (offset < messages.length) {
            apiCalls++;
            if (b.failAt && b.failAt.page === page)
              throw new ConnectorError(b.failAt.code, `scripted ${b.failAt.code}`);
            for (let i = 0; i < (b.waitsPerPage ?? 0); i++) {
              waits++;
              deps.onEvent?.({ type: 'rate-limit-wait', ms: 1, reason: 'scripted' });
            }
            const slice = messages.slice(offset, offset + size);
            offset += slice.length;
            page++;
            yield {
              messages: slice,
              contacts: [],
              cursor: { kind: 'fake', v: 1, offset },
              done: offset >= messages.length,
            };
          }
          apiCalls++;
        },
        stats: () => ({ apiCalls, rateLimitWaits: waits }),
        async close() {},
      };
    },
  };
}
