/**
 * The local Gmail server of bench:harvest, in its own process (Google is not inside our process in real
 * life; sharing one Node thread with it would charge its JSON encoding to the harvest). Protocol: one JSON
 * line per request on stdin (`{"op":"addUser","email":..., "messages": N, "kind"?: "business" | "long-thread" |
 * "ruled-out"}`, `{"op":"bytes","email":...}`), one JSON line per answer on stdout;
 * the first line out is `{"env": {...}}`.
 */
import { createInterface } from 'node:readline';
import { startGoogleServer } from '../test/fakes/google-server.ts';
import { longThreadMessage, mostlyRuledOutMessage, syntheticMessage } from '../test/fakes/synthetic-mail.ts';

/** Mailbox kinds a bench can ask for (`"kind"` of addUser): see test/fakes/synthetic-mail.ts. */
const KINDS = {
  business: syntheticMessage,
  'long-thread': longThreadMessage,
  'ruled-out': mostlyRuledOutMessage,
};

const latency = Number(process.argv[2] ?? '0');
// Optional quota override (bench/gmail-client.ts measures the client path without waiting on quota).
const units = Number(process.argv[3] ?? '250');
const g = await startGoogleServer({ unitsPerSecond: units, maxConcurrent: 5, latencyMs: latency });
process.stdout.write(`${JSON.stringify({ env: g.env() })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const req = JSON.parse(line) as { op: string; email: string; messages: number; kind?: keyof typeof KINDS };
  if (req.op === 'addUser') {
    const { refreshToken } = g.addUser(req.email);
    g.addMessages(req.email, req.messages, KINDS[req.kind ?? 'business']);
    process.stdout.write(`${JSON.stringify({ refreshToken })}\n`);
  }
  // Requests, quota units and response bytes (JSON and gzip on the wire) of one user so far.
  if (req.op === 'bytes') process.stdout.write(`${JSON.stringify(g.bytesFor(req.email))}\n`);
}
await g.close();
