/**
 * `npm run bench:outlook`: one Outlook mailbox of N messages (default 2,000, long bodies with quoted
 * history) harvested from the local fake Graph server over HTTPS, through the real Graph SDK client.
 * Prints messages/s, API calls, bytes handed over per message (tail + headers) against the body size
 * served, and peak RSS. Targets: tail <= 8 KiB per message whatever the body size; RSS bounded by the
 * page size (50), not by the mailbox size.
 * Then issue 10's figures: Graph response bytes downloaded per message next to what extraction used (the
 * selected headers, tail and signature hint handed over) and Graph requests per message, for a mailbox of
 * mostly ruled-out mail and one of long threads (test/fakes/synthetic-mail.ts). Graph sends `uniqueBody`
 * (quoted history already removed by Exchange) in the delta page itself, so a ruled-out message's body is
 * downloaded but dropped unread; there is no per-message request to save.
 * Usage: node bin/run-ts.js bench/outlook.ts [N]
 */
import { createOutlookMail } from '../connectors/outlook/index.ts';
import { loadConfig } from '../src/config.ts';
import { startGraphServer, type FakeMessage } from '../test/fakes/graph-server.ts';
import { longThreadMessage, mostlyRuledOutMessage } from '../test/fakes/synthetic-mail.ts';
import type { FakeMessage as MailMessage } from '../test/fakes/google-server.ts';
import type { MinimalMessage } from '../parsers/types.ts';
import { fetchTrusting, makeSelfSignedCertificate } from '../test/fakes/tls.ts';

const n = Number(process.argv[2] ?? 2000);
const paragraph = 'We reviewed the schedule with the logistics team and the revised dates work for us. ';
const messages: FakeMessage[] = Array.from({ length: n }, (_, i) => ({
  id: `m${i}`,
  from: { name: `Sender ${i % 300}`, address: `sender${i % 300}@company${i % 40}.example` },
  to: [{ name: 'Owner', address: 'owner@contoso.example' }],
  sentDateTime: new Date(Date.UTC(2026, 6, 1) + i * 60_000).toISOString(),
  text:
    `${paragraph.repeat(40 + (i % 200))}\n\nBest regards,\nSender ${i % 300}\nSales Director | Company ${i % 40}\n+1 425 555 ${String(1000 + (i % 9000)).slice(-4)}\n` +
    `\n-----Original Message-----\nFrom: someone\n${'> quoted\n'.repeat(200)}`,
}));
const served = messages.reduce((s, m) => s + m.text.length, 0);

const cert = makeSelfSignedCertificate();
const server = await startGraphServer({ cert, messages, acceptOldRefreshTokens: true });
const config = loadConfig({
  SIGMINE_GRAPH_API_URL: server.graphUrl,
  SIGMINE_MS_LOGIN_URL: server.loginUrl,
  SIGMINE_MS_CLIENT_ID: 'test-client',
});
const c = createOutlookMail(
  { id: 'b', kind: 'outlook', account: 'owner@contoso.example', config: {}, secret: 'rt-0' },
  { endpoints: config, fetch: fetchTrusting(cert.cert) },
);

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t0 = performance.now();
let count = 0;
let handed = 0;
let maxTail = 0;
for await (const p of c.pages(null, { since: new Date('2026-01-01T00:00:00Z') })) {
  for (const m of p.messages) {
    count++;
    handed += m.tail.length + JSON.stringify(m.headers).length;
    maxTail = Math.max(maxTail, m.tail.length);
  }
}
const secs = (performance.now() - t0) / 1000;
clearInterval(sample);
await server.close();
cert.dispose();

console.log(
  `outlook harvest: ${count} messages in ${secs.toFixed(1)} s = ${(count / secs).toFixed(0)} msg/s`,
);
console.log(`api calls: ${c.stats().apiCalls} (Graph GETs: pages of 50; the token refresh is not counted)`);
console.log(
  `body served per message: ${(served / n / 1024).toFixed(1)} KiB; handed over: ${(handed / count / 1024).toFixed(2)} KiB (max tail ${maxTail} chars, limit 8192)`,
);
console.log(`peak RSS: ${(peak / 1024 / 1024).toFixed(0)} MiB (server in the same process)`);

/** A synthetic mail message as Graph serves it: `text` = the newest part (what uniqueBody holds). */
function asGraph(m: MailMessage, i: number): FakeMessage {
  const h = new Map(m.headers.map(([k, v]) => [k.toLowerCase(), v]));
  const from = /^(.*?)\s*<([^>]+)>$/.exec(h.get('from') ?? '') ?? [null, '', h.get('from') ?? ''];
  const text = m.text ?? '';
  const quote = text.search(/\n\nOn [^\n]*wrote:/);
  const extra = Object.fromEntries(
    m.headers.filter(([k]) => /^(list-|auto-submitted|precedence)/i.test(k)).map(([k, v]) => [k, v]),
  );
  return {
    id: `g${i}`,
    from: { name: from[1]!.replace(/"/g, ''), address: from[2]! },
    to: [{ name: 'Owner', address: 'owner@contoso.example' }],
    sentDateTime: new Date(Date.UTC(2026, 6, 1) + i * 60_000).toISOString(),
    internetMessageId: h.get('message-id'),
    text: quote > 0 ? text.slice(0, quote) : text,
    headers: extra,
  };
}

const used = (m: MinimalMessage) =>
  Buffer.byteLength(JSON.stringify(m.headers)) +
  Buffer.byteLength(m.tail) +
  Buffer.byteLength(m.signatureHint ?? '');
const kinds = { 'ruled-out': mostlyRuledOutMessage, 'long-thread': longThreadMessage };
console.log(`\nbytes per message (${Math.min(n, 1000)} messages per mailbox)`);
for (const [kind, make] of Object.entries(kinds)) {
  const count2 = Math.min(n, 1000);
  const msgs = Array.from({ length: count2 }, (_, i) => asGraph(make(i), i));
  const srvCert = makeSelfSignedCertificate();
  const srv = await startGraphServer({ cert: srvCert, messages: msgs, acceptOldRefreshTokens: true });
  try {
    const cfg = loadConfig({
      SIGMINE_GRAPH_API_URL: srv.graphUrl,
      SIGMINE_MS_LOGIN_URL: srv.loginUrl,
      SIGMINE_MS_CLIENT_ID: 'test-client',
    });
    const conn = { id: kind, kind: 'outlook', account: 'owner@contoso.example', config: {}, secret: 'rt-0' };
    const run = async (processed?: ReadonlySet<string>) => {
      const before = srv.bytesSent();
      const reqs = srv.requests.length;
      const mail = createOutlookMail(conn, {
        endpoints: cfg,
        fetch: fetchTrusting(srvCert.cert),
        ...(processed ? { alreadyProcessed: async () => processed } : {}),
      });
      const got: MinimalMessage[] = [];
      for await (const p of mail.pages(null, { since: new Date('2026-01-01T00:00:00Z') }))
        got.push(...p.messages);
      return { got, bytes: srv.bytesSent() - before, requests: srv.requests.length - reqs };
    };
    const once = await run();
    const again = await run(new Set(once.got.map((m) => m.sourceId)));
    for (const [label, r] of [
      [kind, once],
      [`${kind} (all processed)`, again],
    ] as const) {
      const u = r.got.reduce((a, m) => a + used(m), 0);
      const k = Math.max(1, r.got.length);
      console.log(
        `  ${label.padEnd(27)}: ${r.got.length} messages, ${r.got.filter((m) => m.tail !== '').length} with a body; ` +
          `downloaded ${(r.bytes / k / 1024).toFixed(2)} KiB per message, extraction used ${(u / k / 1024).toFixed(2)} KiB ` +
          `= ${(r.bytes / Math.max(1, u)).toFixed(1)}x; ${(r.requests / k).toFixed(3)} Graph requests per message`,
      );
    }
  } finally {
    await srv.close();
    srvCert.dispose();
  }
}
