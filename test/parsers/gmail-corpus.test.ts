/**
 * The real development corpus through Gmail's wire format: every message, stored in the local Gmail
 * as Gmail presents it (part tree, transfer-decoded base64url bodies in their own charsets), comes out
 * of the Gmail connector exactly as the local parser hands it over from the raw bytes, except that a
 * message its headers rule out (free-mail, bulk, role account) comes without its body: it was never
 * downloaded. Either way the extraction result is the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { factory } from '../../connectors/gmail/index.ts';
import { parseRaw, toMinimal } from '../../parsers/message.ts';
import { extractMinimal } from '../../parsers/extract.ts';
import { classifySender } from '../../parsers/sender-class.ts';
import type { MinimalMessage } from '../../parsers/types.ts';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';
import { CORPUS_DIR, corpusOrSkip } from '../helpers/corpus.ts';

const squash = (h: Record<string, string>) =>
  JSON.stringify(Object.entries(h).map(([k, v]) => [k, v.replace(/\s+/g, ' ').trim()]));
let g: GoogleServer;
beforeAll(async () => {
  g = await startGoogleServer({ unitsPerSecond: 5000, maxConcurrent: 10 });
});
afterAll(() => g.close());

describe.skipIf(!corpusOrSkip('test/parsers/gmail-corpus.test.ts'))(
  'Gmail connector on the real corpus',
  () => {
    it('hands over the same headers, tail and signature hint as the local parser for every corpus message', async () => {
      const account = 'corpus@acme.test';
      const { refreshToken } = g.addUser(account);
      const expected = new Map<string, MinimalMessage>();
      for (const f of readdirSync(CORPUS_DIR)
        .filter((x) => x.endsWith('.eml'))
        .sort()) {
        const bytes = readFileSync(join(CORPUS_DIR, f));
        let local: MinimalMessage;
        try {
          local = toMinimal(parseRaw(bytes), f);
        } catch {
          continue; // over budget locally: not a comparison case
        }
        expected.set(g.addRawMessage(account, bytes), local);
      }
      expect(expected.size).toBeGreaterThan(140);
      const c = factory.create(
        {
          id: 'corpus',
          kind: 'gmail',
          account,
          config: { unitsPerSecond: 5000, pageSize: 500 },
          secret: refreshToken,
        },
        { endpoints: loadConfig(g.env()) },
      );
      const got: MinimalMessage[] = [];
      for await (const p of c.pages(null)) got.push(...p.messages);
      expect(got).toHaveLength(expected.size);
      const mismatches: string[] = [];
      let ruledOut = 0;
      for (const m of got) {
        const local = expected.get(m.sourceId)!;
        expect(extractMinimal(m), local.sourceId).toEqual(extractMinimal(local));
        if (classifySender(local.headers).discarded) {
          ruledOut++;
          // Never body-downloaded: headers only.
          if (m.tail !== '' || squash(m.headers) !== squash(local.headers)) mismatches.push(local.sourceId);
          continue;
        }
        const same =
          // Folding whitespace may differ (RFC 5322 §2.2.3 unfolding): compare values with runs collapsed.
          squash(m.headers) === squash(local.headers) &&
          m.tail === local.tail &&
          (m.signatureHint ?? null) === (local.signatureHint ?? null) &&
          (local.date === null || m.date === local.date);
        if (!same) mismatches.push(local.sourceId);
      }
      expect(mismatches).toEqual([]);
      expect(ruledOut).toBeGreaterThan(0);
      // One body request per message that can still yield a signature, none for the others.
      const full = g.requests.filter((r) => r.user === account && r.query['format'] === 'full');
      expect(full).toHaveLength(got.length - ruledOut);
    });
  },
);
