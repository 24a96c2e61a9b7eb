/**
 * Notice transports: one small interface, many small implementations. The file transport writes each
 * notice as an RFC 5322 message into an outbox directory (demo, tests, or a relay that picks files up)
 * and returns its Message-ID as the provider message id, which `sigmine notices bounce --provider-id`
 * matches later. The SMTP transport (src/notices/smtp-transport.ts) hands it to a relay.
 *
 * A transport that knows why a send failed says so on the error (`failure`), and the sender decides in one
 * place (src/notices/send.ts): `bounce` (the recipient was refused for good, recorded like a bounce),
 * `later` (temporary: queued again with backoff), or nothing (counted as an attempt).
 */
import { AppError } from '../errors.ts';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SmtpSettings } from '../mail-config.ts';
import { smtpTransport } from './smtp-transport.ts';

export interface OutgoingNotice {
  noticeId: string;
  to: string;
  from: string;
  subject: string;
  body: string;
  language: string;
  templateId: string;
  contentHash: string;
}

export interface NoticeTransport {
  /** Short name stored with each sent notice (`file`, `smtp`...). */
  readonly name: string;
  /** Sends one notice; resolves with the provider's message id, rejects with an error carrying `code`. */
  send(n: OutgoingNotice): Promise<{ providerMessageId: string }>;
  /** Ends open connections (the SMTP transport keeps one for a batch); absent when there are none. */
  close?(): void;
}

/** How a failed send is treated (see the module comment); absent: a plain failed attempt. */
export type SendFailure = 'bounce' | 'later';

/** An error a transport rejects with: a `code` naming the cause, and how to treat it. */
export interface TransportError extends Error {
  code: string;
  failure?: SendFailure;
}

/** The treatment an error asks for, or null for a plain failed attempt. */
export function failureOf(err: unknown): SendFailure | null {
  const f = (err as { failure?: unknown } | null)?.failure;
  return f === 'bounce' || f === 'later' ? f : null;
}

/** RFC 2047 encoded-word for a non-ASCII header value (UTF-8, base64). */
function encodeHeader(v: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(v) ? v : `=?UTF-8?B?${Buffer.from(v, 'utf8').toString('base64')}?=`;
}

/** Header values we write must not carry line breaks (header injection). */
const oneLine = (v: string) => v.replace(/[\r\n]+/g, ' ').slice(0, 998);

/** Writes `<outbox>/<noticeId>.eml`; the Message-ID is `<uuid@host>`. */
export function fileTransport(outbox: string, host = 'sigmine.local'): NoticeTransport {
  return {
    name: 'file',
    async send(n) {
      mkdirSync(outbox, { recursive: true });
      const messageId = `<${randomUUID()}@${host}>`;
      const headers = [
        `From: ${oneLine(n.from)}`,
        `To: ${oneLine(n.to)}`,
        `Subject: ${encodeHeader(oneLine(n.subject))}`,
        `Date: ${new Date().toUTCString()}`,
        `Message-ID: ${messageId}`,
        `Content-Language: ${oneLine(n.language)}`,
        `X-Sigmine-Template: ${oneLine(n.templateId)}; sha256=${oneLine(n.contentHash)}`,
        'Auto-Submitted: auto-generated',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
      ];
      const text = `${headers.join('\r\n')}\r\n\r\n${n.body.replace(/\r?\n/g, '\r\n')}`;
      writeFileSync(join(outbox, `${n.noticeId}.eml`), text, { mode: 0o600 });
      return { providerMessageId: messageId };
    },
  };
}

/** What a transport is made from: the outbox (file), the relay (smtp), the Message-ID host. */
export interface TransportOptions {
  outbox: string;
  host?: string;
  /** `config.mail.smtp`: required by the smtp transport. */
  smtp?: SmtpSettings | null;
}

/** Transports by name, for `sigmine notices send --transport NAME` and `sigmine serve`. */
export const TRANSPORTS: Record<string, (opts: TransportOptions) => NoticeTransport> = {
  file: ({ outbox, host }) => fileTransport(outbox, host),
  smtp: ({ smtp, host }) => {
    if (!smtp) {
      throw new AppError(
        'bad-config',
        'the smtp transport needs SIGMINE_SMTP_URL (smtp://host:587 or smtps://host:465)',
      );
    }
    return smtpTransport(smtp, { messageIdHost: host });
  },
};

/** The transport mail goes through when none is named: SMTP when SIGMINE_SMTP_URL is set, else files. */
export function defaultTransportName(smtp: SmtpSettings | null | undefined): 'smtp' | 'file' {
  return smtp ? 'smtp' : 'file';
}
