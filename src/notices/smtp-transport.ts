/**
 * The SMTP transport: hands notices, privacy links and sign-in links to a relay with nodemailer. Settings
 * come from `SIGMINE_SMTP_URL` (src/mail-config.ts). nodemailer is loaded on the first send, so
 * commands that never mail do not pay for it.
 *
 * The Message-ID is ours (`<uuid@host>`, like the file transport's): it is the provider message id that a
 * bounce message (RFC 3464) names later, matched by `sigmine notices bounce --dsn`.
 *
 * Errors are translated here into a closed set of codes (STYLE habit 5), with the original as `cause`:
 * - `recipient-refused` (a 5xx reply to RCPT TO or DATA, RFC 5321 §4.2.1: permanent): a bounce;
 * - `smtp-deferred` (a 4xx reply: greylisting, a full mailbox, a busy relay) and `smtp-unreachable`
 *   (connection refused or reset, DNS, a timeout): temporary, tried again later;
 * - `smtp-auth-failed`, `smtp-tls-failed`, `sender-refused` (the relay refuses our login, our TLS or our From):
 *   the operator's to fix; counted as failed attempts, never a bounce of the person.
 * Messages are ours, never the relay's text, which may echo an address; credentials are never in either.
 */
import { randomUUID } from 'node:crypto';
import type { SmtpSettings } from '../mail-config.ts';
import type { NoticeTransport, OutgoingNotice, SendFailure, TransportError } from './transport.ts';

/**
 * Time budgets. Connecting and the greeting: 15 s each (a relay that takes longer is down for us, and the
 * notice is retried later); an idle socket: 60 s (RFC 5321 §4.5.3.2 lets a server take up to 10 minutes
 * after DATA, but a relay that accepts a 5 KiB notice takes well under a second).
 */
const CONNECT_MS = 15_000;
const GREETING_MS = 15_000;
const SOCKET_MS = 60_000;
/** One connection reused for up to 100 messages: a batch of notices pays one TLS handshake per hundred. */
const MESSAGES_PER_CONNECTION = 100;

interface MinimalTransporter {
  sendMail(m: Record<string, unknown>): Promise<{ messageId?: string }>;
  close(): void;
}

export interface SmtpTransportOptions {
  /** Domain of our Message-IDs (the host of SIGMINE_PUBLIC_URL). */
  messageIdHost?: string;
  /** Time budgets in ms (tests shorten them). */
  timeouts?: { connect?: number; greeting?: number; socket?: number };
}

export function smtpTransport(
  s: SmtpSettings,
  o: SmtpTransportOptions = {},
): NoticeTransport & { close(): void } {
  let transporter: Promise<MinimalTransporter> | null = null;
  const open = async (): Promise<MinimalTransporter> => {
    const { createTransport } = await import('nodemailer');
    return createTransport({
      pool: true,
      maxConnections: 1,
      maxMessages: MESSAGES_PER_CONNECTION,
      host: s.host,
      port: s.port,
      secure: s.security === 'tls',
      requireTLS: s.security === 'starttls',
      ignoreTLS: s.security === 'none',
      auth: s.user !== null ? { user: s.user, pass: s.pass ?? '' } : undefined,
      connectionTimeout: o.timeouts?.connect ?? CONNECT_MS,
      greetingTimeout: o.timeouts?.greeting ?? GREETING_MS,
      socketTimeout: o.timeouts?.socket ?? SOCKET_MS,
      // No logger and no debug: a transaction log would carry the AUTH exchange.
      logger: false,
      debug: false,
    }) as unknown as MinimalTransporter;
  };
  const host = o.messageIdHost ?? 'sigmine.local';
  return {
    name: 'smtp',
    async send(n: OutgoingNotice) {
      transporter ??= open();
      const t = await transporter;
      const messageId = `<${randomUUID()}@${host}>`;
      try {
        await t.sendMail({
          from: n.from,
          to: n.to,
          subject: n.subject,
          text: n.body,
          messageId,
          headers: {
            'Content-Language': n.language,
            'X-Sigmine-Template': `${n.templateId}; sha256=${n.contentHash}`,
            // RFC 3834 §5: generated mail; an auto-responder does not answer it.
            'Auto-Submitted': 'auto-generated',
          },
          // Return-path for bounces is the From address; no tracking, no HTML part.
          disableFileAccess: true,
          disableUrlAccess: true,
        });
      } catch (err) {
        throw smtpError(err);
      }
      return { providerMessageId: messageId };
    },
    close() {
      void transporter?.then((t) => t.close()).catch(() => {});
      transporter = null;
    },
  };
}

/** Connection-level causes that say nothing about the recipient: try again later. */
const UNREACHABLE = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPROXY',
]);

/** Translates a nodemailer error into our codes (see the module comment). Exported for tests. */
export function smtpError(err: unknown): TransportError {
  const e = (err ?? {}) as { code?: string; responseCode?: number; command?: string; originalCode?: string };
  const reply = typeof e.responseCode === 'number' ? e.responseCode : 0;
  const make = (code: string, message: string, failure?: SendFailure): TransportError =>
    Object.assign(new Error(message, { cause: err }), {
      code,
      ...(failure ? { failure } : {}),
    }) as TransportError;
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH')
    return make('smtp-auth-failed', 'the SMTP relay refused our login');
  if (e.code === 'ETLS' || e.code === 'EREQUIRETLS')
    return make('smtp-tls-failed', 'the SMTP relay did not offer a working TLS');
  if (e.command === 'MAIL FROM' && reply >= 500)
    return make('sender-refused', 'the SMTP relay refused our From address');
  if ((e.command === 'RCPT TO' || e.command === 'DATA') && reply >= 500 && reply < 600)
    return make('recipient-refused', `the relay refused the recipient for good (${reply})`, 'bounce');
  if (reply >= 400 && reply < 500)
    return make('smtp-deferred', `the relay deferred the message (${reply})`, 'later');
  if (UNREACHABLE.has(e.code ?? '') || UNREACHABLE.has(e.originalCode ?? ''))
    return make('smtp-unreachable', 'the SMTP relay could not be reached', 'later');
  if (reply >= 500) return make('smtp-refused', `the SMTP relay refused the message (${reply})`);
  return make('smtp-failed', 'sending through the SMTP relay failed');
}
