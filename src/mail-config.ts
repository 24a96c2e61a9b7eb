/**
 * Outgoing mail settings (notices, privacy-center links, member sign-in links), parsed from the values
 * src/config.ts reads from the environment. Pure: no environment access here (STYLE habit 4).
 *
 * `SIGMINE_SMTP_URL` picks the SMTP transport and how it protects the connection:
 * - `smtps://[user[:pass]@]host[:port]`: TLS from the first byte (RFC 8314 §3.3, "implicit TLS"), port 465;
 * - `smtp://[user[:pass]@]host[:port]`: STARTTLS required (RFC 3207), port 587; a server that does not offer
 *   it is refused, so a stripped STARTTLS never sends a password or a notice in the clear;
 * - `smtp://host[:port]?tls=none`: a plain connection, only for a relay on the same host or network, and
 *   only because the URL says so in words.
 * The password may come from `SIGMINE_SMTP_PASSWORD_FILE` (mode 0600 or stricter) instead of the URL, which
 * keeps it out of process listings and unit files. Credentials never appear in `display`, in error messages,
 * or in logs.
 */
import { AppError } from './errors.ts';

export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  pass: string | null;
  /** `smtp://host:port (starttls)`: what logs and start-up lines may show (no credentials). */
  display: string;
}

export interface MailConfig {
  /** null: no SMTP relay configured, mail is written as files (the demo default). */
  smtp: SmtpSettings | null;
  /** From of every mail sigmine sends; null: `sigmine privacy <privacy@HOST>` of `SIGMINE_PUBLIC_URL`. */
  from: string | null;
}

const badConfig = (message: string) => new AppError('bad-config', message);

const DEFAULT_PORT: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

/**
 * Parses `SIGMINE_SMTP_URL` (see the module comment). `passwordFromFile` (the contents of
 * `SIGMINE_SMTP_PASSWORD_FILE`) replaces a password in the URL; both at once is refused. Errors name the
 * variable and what is wrong, never the URL's text (it may hold a password).
 */
export function parseSmtpUrl(text: string, passwordFromFile: string | null = null): SmtpSettings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badConfig(
      'SIGMINE_SMTP_URL is not a URL: use smtp://[user@]host[:port] or smtps://[user@]host[:port]',
    );
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'smtp' && scheme !== 'smtps') {
    throw badConfig(
      `SIGMINE_SMTP_URL must start with smtp:// (STARTTLS) or smtps:// (TLS), not ${scheme.slice(0, 20)}://`,
    );
  }
  if (!url.hostname) throw badConfig('SIGMINE_SMTP_URL names no host');
  const tls = url.searchParams.get('tls');
  if (tls !== null && tls !== 'none')
    throw badConfig('SIGMINE_SMTP_URL: the only tls= value is tls=none (a plain local relay)');
  if (tls === 'none' && scheme === 'smtps')
    throw badConfig('SIGMINE_SMTP_URL: smtps:// is TLS; tls=none contradicts it');
  for (const k of url.searchParams.keys()) {
    if (k !== 'tls') throw badConfig(`SIGMINE_SMTP_URL: unknown parameter ${k.slice(0, 20)}`);
  }
  const security: SmtpSecurity = scheme === 'smtps' ? 'tls' : tls === 'none' ? 'none' : 'starttls';
  const port = url.port ? Number(url.port) : DEFAULT_PORT[security];
  const user = url.username ? decodeURIComponent(url.username) : null;
  const urlPass = url.password ? decodeURIComponent(url.password) : null;
  if (urlPass !== null && passwordFromFile !== null) {
    throw badConfig(
      'set the SMTP password either in SIGMINE_SMTP_URL or in SIGMINE_SMTP_PASSWORD_FILE, not both',
    );
  }
  const pass = passwordFromFile ?? urlPass;
  if (pass !== null && user === null) throw badConfig('SIGMINE_SMTP_URL has a password but no user name');
  // IPv6 literals keep their brackets in URL.hostname; nodemailer wants the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port,
    security,
    user,
    pass,
    display: `${scheme}://${url.hostname}:${port} (${security === 'none' ? 'no TLS' : security === 'tls' ? 'TLS' : 'STARTTLS'})`,
  };
}

/** The From of a mail: the configured one, else `sigmine privacy <privacy@HOST>` of the public URL. */
export function mailFrom(mail: Pick<MailConfig, 'from'>, publicUrl: string): string {
  if (mail.from) return mail.from;
  const host = new URL(publicUrl).hostname || 'sigmine.local';
  return `sigmine privacy <privacy@${host}>`;
}
