/**
 * Notice transports: one small interface, many small implementations. The file transport writes each
 * notice as an RFC 5322 message into an outbox directory (demo, tests, or a relay that picks files up)
 * and returns its Message-ID as the provider message id, which `sigmine notices bounce --provider-id`
 * matches later.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** Transports by name, for `sigmine notices send --transport NAME`. */
export const TRANSPORTS: Record<string, (opts: { outbox: string; host?: string }) => NoticeTransport> = {
  file: ({ outbox, host }) => fileTransport(outbox, host),
};
