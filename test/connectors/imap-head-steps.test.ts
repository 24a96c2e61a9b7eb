/**
 * Why this suite exists: an IMAP run chooses its first head size from the heads it has read
 * (connectors/imap/head-steps.ts). A mailbox of short replies on long threads must come to ask for less than
 * the default, one of long newest parts for more, and no run may choose before it has seen enough heads.
 * Against Dovecot: the choice changes the bytes asked for, never what a message yields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import {
  FIRST_CANDIDATES,
  HeadLearner,
  MIN_OBSERVATIONS,
  bytesNeeded,
  headCost,
} from '../../connectors/imap/head-steps.ts';
import { createImapConnector, FIRST_BYTES, HEAD_STEPS } from '../../connectors/imap/index.ts';
import { newestPartComplete, type TextPart } from '../../connectors/imap/message.ts';
import { loadConfig } from '../../src/config.ts';
import { extractMinimal, extractRaw } from '../../parsers/extract.ts';
import type { MinimalMessage } from '../../parsers/types.ts';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.ts';

const LATER = HEAD_STEPS.slice(1);
const plain: TextPart = { part: '1', html: false, charset: 'utf-8', encoding: '7bit', size: 0 };

describe('choosing the first head from the heads seen', () => {
  it('keeps the default until it has seen enough heads', () => {
    const l = new HeadLearner(LATER, FIRST_BYTES);
    for (let i = 0; i < MIN_OBSERVATIONS - 1; i++) l.observe({ need: 200, size: Infinity, perByte: 1 });
    expect(l.first()).toBe(FIRST_BYTES);
  });

  it('asks less of a mailbox of short replies and more of one with long newest parts', () => {
    const short = new HeadLearner(LATER, FIRST_BYTES);
    const long = new HeadLearner(LATER, FIRST_BYTES);
    for (let i = 0; i < 200; i++) {
      short.observe({ need: 220 + (i % 60), size: Infinity, perByte: 1 });
      long.observe({ need: 900 + (i % 100), size: Infinity, perByte: 1 });
    }
    expect(short.first()).toBeLessThan(FIRST_BYTES);
    expect(long.first()).toBeGreaterThan(FIRST_BYTES);
    expect(FIRST_CANDIDATES).toContain(short.first());
  });

  it('counts a part that ended early at its size, and one never complete at every step', () => {
    expect(headCost({ need: Infinity, size: 100, perByte: 1 }, [512, ...LATER])).toBe(100 + 45);
    expect(headCost({ need: Infinity, size: Infinity, perByte: 1 }, [512, ...LATER])).toBe(
      LATER[LATER.length - 1]! + 45 * HEAD_STEPS.length,
    );
  });

  it('finds how many bytes a head needed before its quoted history started', () => {
    const newest = 'Hello,\n\nAgreed.\n\nDana Whitfield\nHead of Logistics\n\n';
    const raw = Buffer.from(`${newest}-----Original Message-----\n${'> old line\n'.repeat(200)}`);
    const need = bytesNeeded(raw, (p) => newestPartComplete(p, plain));
    expect(newestPartComplete(raw.subarray(0, need), plain)).toBe(true);
    expect(need).toBeGreaterThan(newest.length);
    expect(need).toBeLessThanOrEqual(newest.length + '-----Original Message-----\n'.length + 32);
  });
});

const PASS = 'imap head steps';
let server: DovecotServer;
beforeAll(async () => {
  server = await startDovecot({ 'threads@acme.example': PASS, 'below@acme.example': PASS });
}, 120_000);
afterAll(async () => server?.stop());

/** Every INBOX message of `user` as the connector hands it over, in UID order. */
async function harvestInbox(
  user: string,
  makeClient?: (o: ConstructorParameters<typeof ImapFlow>[0]) => ImapFlow,
): Promise<MinimalMessage[]> {
  const c = createImapConnector(
    {
      id: user,
      kind: 'imap',
      account: user,
      config: { host: server.host, port: server.port, tls: false, insecurePlaintext: true, user },
      secret: PASS,
    },
    { endpoints: loadConfig({}) },
    makeClient ? { makeClient } : undefined,
  );
  const got: MinimalMessage[] = [];
  for await (const p of c.pages(null)) got.push(...p.messages.filter((m) => m.sourceId.startsWith('INBOX:')));
  await c.close();
  return got.sort((a, b) => Number(a.sourceId.split(':')[2]) - Number(b.sourceId.split(':')[2]));
}

describe('IMAP, a mailbox of short replies on long threads', () => {
  it('asks for smaller first heads after its first page, and every message yields what its file does', async () => {
    const user = 'threads@acme.example';
    const history = `\r\n-----Original Message-----\r\n${'> an earlier message in the thread\r\n'.repeat(300)}`;
    const raws = Array.from({ length: 160 }, (_, i) =>
      [
        `From: Dana Whitfield <dana${i}@northwind.example>`,
        `Message-ID: <t${i}@northwind.example>`,
        'Date: Tue, 3 Nov 2026 10:15:00 +0000',
        '',
        `Agreed, order ${i}.\r\n\r\nDana Whitfield\r\nHead of Logistics, Northwind${history}`,
        '',
      ].join('\r\n'),
    );
    await server.append(
      user,
      PASS,
      'INBOX',
      raws.map((raw) => ({ raw })),
    );
    const commands: string[] = [];
    const record = (o: unknown) => {
      const e = o as { src?: string; msg?: string };
      if (e && e.src === 'c' && typeof e.msg === 'string') commands.push(e.msg);
    };
    const logger = { debug: record, info: record, warn: () => {}, error: () => {} };
    const got = await harvestInbox(user, (o) => new ImapFlow({ ...o, logger }));
    expect(got.map((m) => extractMinimal(m))).toEqual(raws.map((r) => extractRaw(Buffer.from(r))));
    const firstHeads = commands
      .filter((x) => /UID FETCH/i.test(x))
      .flatMap((x) => [...x.matchAll(/BODY\.PEEK\[1\]<0\.(\d+)>/gi)].map((m) => Number(m[1])));
    // Page 1 (UIDs 1-100) at the default, page 2 at what page 1 taught.
    expect(firstHeads[0]).toBe(FIRST_BYTES);
    expect(firstHeads[firstHeads.length - 1]).toBeLessThan(FIRST_BYTES);
  });
});

describe('IMAP, replies whose block is below the quote', () => {
  it('reads on past the quote of a bottom-posted or interleaved reply, and flowed text arrives unflowed', async () => {
    const user = 'below@acme.example';
    const block = '-- \r\nAna Ruiz\r\nJefa de Tráfico\r\nLogística Tajo S.L.\r\nTel. +34 925 55 50 14\r\n';
    const quote = (n: number) =>
      `${'> a quoted line of the earlier message, long enough to fill bytes\r\n'.repeat(n)}`;
    const bodies = [
      // Bottom-posted: a greeting, the quote, the reply and the block under it.
      `Hola Jorge,\r\n\r\nEl 5/4/26 a las 18:32, Jorge Sanz escribió:\r\n${quote(40)}\r\nSí, sin problema.\r\n\r\n${block}`,
      // Interleaved: answers between quoted runs, the block at the end.
      `Te contesto entre líneas.\r\n\r\nEl 5/4/26 a las 18:32, Jorge Sanz escribió:\r\n${quote(20)}\r\nSí.\r\n\r\n${quote(20)}\r\nLos jueves.\r\n\r\n${block}`,
    ];
    const raws = bodies.map((body, i) =>
      [
        'From: Ana Ruiz <ana.ruiz@logistica-tajo.example>',
        `Message-ID: <below${i}@logistica-tajo.example>`,
        'Date: Tue, 3 Nov 2026 10:15:00 +0000',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        body,
      ].join('\r\n'),
    );
    await server.append(
      user,
      PASS,
      'INBOX',
      raws.map((raw) => ({ raw })),
    );
    const got = await harvestInbox(user);
    const fromImap = got.map((m) => extractMinimal(m));
    expect(fromImap).toEqual(raws.map((r) => extractRaw(Buffer.from(r))));
    for (const r of fromImap) expect(r.contact?.company).toBe('Logística Tajo S.L.');
  });
});
