/**
 * A real SMTP server (the `smtp-server` package) run as its own process by test/helpers/smtp-sink.ts, so
 * sigmine's mail goes over a real socket to another process, as it would to a relay.
 *
 * Argument: one JSON object (`SinkOptions` in test/helpers/smtp-sink.ts). Prints one JSON line per event on
 * stdout: `{"event":"listening","port":N}` first, then `{"event":"message",...}` per accepted message (the
 * raw message in base64) and `{"event":"auth","user":...}` per login.
 * Recipients listed in `refuse` get that reply code to RCPT TO (550: permanent, 451: temporary).
 */
import { readFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

interface Options {
  refuse?: Record<string, number>;
  /** PEM files: STARTTLS offered (and required before AUTH). Absent: no STARTTLS at all. */
  tls?: { keyFile: string; certFile: string };
  /** Required login; absent: no AUTH. */
  auth?: { user: string; pass: string };
  /** Port to listen on; default an ephemeral one. */
  port?: number;
}

const o = JSON.parse(process.argv[2] ?? '{}') as Options;
const emit = (x: unknown) => process.stdout.write(`${JSON.stringify(x)}\n`);

const server = new SMTPServer({
  secure: false,
  ...(o.tls
    ? { key: readFileSync(o.tls.keyFile), cert: readFileSync(o.tls.certFile) }
    : { disabledCommands: ['STARTTLS'] }),
  authOptional: !o.auth,
  allowInsecureAuth: !o.tls,
  logger: false,
  onAuth(auth, _session, cb) {
    if (o.auth && auth.username === o.auth.user && auth.password === o.auth.pass) {
      emit({ event: 'auth', user: auth.username });
      return cb(null, { user: auth.username });
    }
    return cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
  },
  onRcptTo(address, _session, cb) {
    const code = o.refuse?.[address.address.toLowerCase()];
    if (code)
      return cb(
        Object.assign(new Error(code >= 500 ? 'No such user here' : 'Try again later'), {
          responseCode: code,
        }),
      );
    return cb();
  },
  onData(stream, session, cb) {
    const parts: Buffer[] = [];
    stream.on('data', (d: Buffer) => parts.push(d));
    stream.on('end', () => {
      emit({
        event: 'message',
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
        secure: session.secure,
        user: session.user ?? null,
        raw: Buffer.concat(parts).toString('base64'),
      });
      cb();
    });
  },
});

server.listen(o.port ?? 0, '127.0.0.1', () => {
  const address = server.server.address();
  emit({ event: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
