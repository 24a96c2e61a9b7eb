/**
 * `npm run bench:outlook`: one Outlook mailbox of N messages (default 2,000, long bodies with quoted
 * history) harvested from the local fake Graph server over HTTPS, through the real Graph SDK client.
 * Prints messages/s, API calls, bytes handed over per message (tail + headers) against the body size
 * served, and peak RSS. Targets: tail <= 8 KiB per message whatever the body size; RSS bounded by the
 * page size (50), not by the mailbox size.
 * Usage: node bin/run-ts.js bench/outlook.ts [N]
 */
import { createOutlookMail } from '../connectors/outlook/index.ts';
import { loadConfig } from '../src/config.ts';
import { startGraphServer, type FakeMessage } from '../test/fakes/graph-server.ts';
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
  { config, fetch: fetchTrusting(cert.cert) },
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
