/**
 * A real Dovecot IMAP server on loopback for tests (see ../shared/recipes/dovecot.md).
 *
 * Each call starts a private instance: temp dir, random free port, users file, Maildir storage, INBOX plus
 * `Sent` (special-use \Sent), `Archive`, `Trash`. Stop it with `stop()` (by its own pid). Dovecot is required:
 * when the binary is missing the suite fails with the apt-get command to run.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, connect as netConnect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT_BINARIES = ['/usr/sbin/dovecot', '/usr/bin/dovecot', '/usr/local/sbin/dovecot'];

export interface DovecotServer {
  host: string;
  port: number;
  dir: string;
  /** A client logged in as `user` (caller logs out). Not read-only: for fixtures and inspection. */
  client(user: string, password: string): Promise<ImapFlow>;
  /** APPENDs raw messages with flags; returns their UIDs. */
  append(
    user: string,
    password: string,
    mailbox: string,
    messages: Array<{ raw: string | Buffer; flags?: string[]; internalDate?: Date }>,
  ): Promise<number[]>;
  /** Reads the server log (for debugging failed tests). */
  log(): string;
  stop(): Promise<void>;
}

export function dovecotBinary(): string {
  const found = DOVECOT_BINARIES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Dovecot is required for the IMAP tests but is not installed. Install it with:\n' +
        '  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y dovecot-imapd',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = netConnect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`dovecot did not listen on port ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface DovecotOptions {
  /**
   * Also accept XOAUTH2/OAUTHBEARER logins, checking tokens at this RFC 7662 introspection URL
   * (Dovecot oauth2 passdb, `introspection_mode = post`: a form POST of `token=...`, answered with JSON
   * `{ "active": true, "email": USER }`).
   */
  oauth2IntrospectionUrl?: string;
  /** Serve implicit TLS (IMAPS, as on port 993) with this certificate instead of plain IMAP. */
  tls?: { certFile: string; keyFile: string };
  /** With `tls`: serve plain IMAP that offers STARTTLS with that certificate (as on port 143), not IMAPS. */
  starttls?: boolean;
  /**
   * Sessions one user may have from one address (`mail_max_userip_connections`, Dovecot's default 10): one
   * more is refused after its login with "Maximum number of connections from user+IP exceeded".
   */
  maxUserIpConnections?: number;
}

export async function startDovecot(
  users: Record<string, string>,
  opts: DovecotOptions = {},
): Promise<DovecotServer> {
  const bin = dovecotBinary();
  const dir = mkdtempSync(join(tmpdir(), 'sigmine-dovecot-'));
  chmodSync(dir, 0o755);
  for (const d of ['mail', 'run', 'state']) mkdirSync(join(dir, d));
  const asRoot = userInfo().uid === 0;
  // Dovecot refuses to run its login processes as root: mail belongs to nobody (recipe).
  if (asRoot) chownSync(join(dir, 'mail'), 65534, 65534);
  const port = await freePort();
  const implicitTls = opts.tls !== undefined && !opts.starttls;
  const conf = `base_dir = ${dir}/run
state_dir = ${dir}/state
protocols = imap
listen = 127.0.0.1
ssl = ${opts.tls ? 'yes' : 'no'}${opts.tls ? `\nssl_cert = <${opts.tls.certFile}\nssl_key = <${opts.tls.keyFile}` : ''}
disable_plaintext_auth = no
auth_mechanisms = plain login${opts.oauth2IntrospectionUrl ? ' xoauth2 oauthbearer' : ''}
log_path = ${dir}/dovecot.log
default_internal_user = dovecot
default_login_user = dovenull
service imap-login {
  inet_listener imap {
    port = ${implicitTls ? 0 : port}
  }
  inet_listener imaps {
    port = ${implicitTls ? port : 0}
    ssl = yes
  }
}
${
  opts.oauth2IntrospectionUrl
    ? `passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${dir}/oauth2.conf.ext
}
`
    : ''
}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${asRoot ? 'nobody' : userInfo().username} gid=${asRoot ? 'nogroup' : String(userInfo().gid)} home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
${opts.maxUserIpConnections ? `protocol imap {\n  mail_max_userip_connections = ${opts.maxUserIpConnections}\n}\n` : ''}namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = subscribe
  }
}
`;
  writeFileSync(join(dir, 'dovecot.conf'), conf);
  if (opts.oauth2IntrospectionUrl) {
    writeFileSync(
      join(dir, 'oauth2.conf.ext'),
      `introspection_mode = post\nintrospection_url = ${opts.oauth2IntrospectionUrl}\nusername_attribute = email\nactive_attribute = active\nactive_value = true\n`,
    );
  }
  writeFileSync(
    join(dir, 'users'),
    Object.entries(users)
      .map(([u, p]) => `${u}:{PLAIN}${p}\n`)
      .join(''),
  );
  chmodSync(join(dir, 'users'), 0o644);
  try {
    // The daemon keeps inherited pipes open, so a piped stdio would never reach EOF: errors go to the log.
    execFileSync(bin, ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore', timeout: 10_000 });
  } catch (err) {
    const log = existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
    throw new Error(`dovecot failed to start (${(err as Error).message}): ${log.slice(-2000)}`);
  }
  try {
    // Generous: 8 suites share 2 cores in CI and on dev machines.
    await waitForPort(port, 30_000);
  } catch (err) {
    const log = existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
    const pidFile = join(dir, 'run', 'master.pid');
    if (existsSync(pidFile)) {
      const stray = Number(readFileSync(pidFile, 'utf8').trim());
      if (stray && pidAlive(stray)) process.kill(stray, 'SIGTERM'); // our own instance, by its pid
    }
    throw new Error(`${(err as Error).message}\n${log.slice(-2000)}`);
  }
  // The master may accept connections a moment before it writes its pid file (seen under load in CI).
  const pidFile = join(dir, 'run', 'master.pid');
  for (const until = Date.now() + 30_000; !existsSync(pidFile);) {
    if (Date.now() > until) throw new Error(`dovecot listens on ${port} but wrote no ${pidFile}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = Number(readFileSync(pidFile, 'utf8').trim());

  const client = async (user: string, password: string) => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    await c.connect();
    return c;
  };

  return {
    host: '127.0.0.1',
    port,
    dir,
    client,
    async append(user, password, mailbox, messages) {
      const c = await client(user, password);
      try {
        const uids: number[] = [];
        for (const m of messages) {
          const res = await c.append(mailbox, m.raw, m.flags ?? [], m.internalDate);
          if (res && typeof res === 'object' && res.uid) uids.push(res.uid);
        }
        return uids;
      } finally {
        await c.logout();
      }
    },
    log: () => (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''),
    async stop() {
      if (pid && pidAlive(pid)) {
        process.kill(pid, 'SIGTERM');
        const until = Date.now() + 5000;
        while (pidAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
