/**
 * Link mails sent by the web app (member sign-in, privacy center) through a real SMTP server process: a
 * relay that is down, or that answers 451, is tried again with backoff until the mail goes, and the link
 * that arrives works; a recipient refused for good (550) is not tried again; a retry still waiting at
 * shutdown is dropped and logged. The delays are shortened here (the real ones are minutes).
 */
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/databases.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { addMember } from '../helpers/store-fixtures.ts';
import { smtpTransport } from '../../src/notices/smtp-transport.ts';
import { parseSmtpUrl } from '../../src/mail-config.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue, LINK_RETRY_DELAYS_MS } from '../../src/web/mail-queue.ts';
import type { Logger } from '../../src/log.ts';

const PUBLIC = 'http://links.test';
const relay = (port: number) => parseSmtpUrl(`smtp://127.0.0.1:${port}?tls=none`);

/** A logger that keeps what it was told, to see attempts without looking inside the queue. */
function recording() {
  const events: { event: string; fields: Record<string, unknown> }[] = [];
  const logger: Logger = { log: (_l, event, fields = {}) => events.push({ event, fields }) };
  return { logger, events };
}

async function setup(port: number, retryDelaysMs: readonly number[]) {
  const t = await freshDatabase('sqlite');
  const config = loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: 'a7'.repeat(32) });
  const transport = smtpTransport(relay(port), { timeouts: { connect: 2_000 } });
  const { logger, events } = recording();
  const mailQueue = createMailQueue(logger, { retryDelaysMs });
  const app = createApp({ database: t, config, transport, mailQueue, from: 'sigmine <signin@links.test>' });
  const post = (path: string, form: Record<string, string>) =>
    app.request(`${PUBLIC}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PUBLIC },
      body: new URLSearchParams(form).toString(),
    });
  const member = await addMember(t.db, 'ann');
  return { t, transport, mailQueue, events, post, member };
}

const until = async (ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('link mails through a real SMTP server, retried on a temporary failure', () => {
  it('a relay that is down when the link is asked for gets the mail once it is back, and the link works', async () => {
    const first = await startSmtpSink();
    const port = first.port;
    await first.stop(); // the relay is down: connections to its port are refused
    const s = await setup(port, [300, 600, 1200, 2400, 4800]);
    let back: SmtpSink | null = null;
    try {
      const asked = await s.post('/member/link', { email: s.member.email });
      expect(asked.status).toBe(200); // the page does not wait for the mail, nor say it failed
      await s.mailQueue.idle();
      expect(s.events.filter((e) => e.event === 'mail-job-retry')[0]?.fields).toMatchObject({
        job: 'member-link',
        code: 'smtp-unreachable',
        attempt: 1,
      });
      expect(s.mailQueue.retrying()).toBe(1);
      back = await startSmtpSink({ port }); // the relay is back where it was
      const [mail] = await back.waitFor(1);
      expect(mail!.to).toEqual([s.member.email]);
      const token = /\/member\/home\?t=(\S+)/.exec(mail!.parsed.text!)![1]!;
      const opened = await s.post('/member/open', { t: decodeURIComponent(token) });
      expect(opened.status).toBe(303);
      expect(opened.headers.get('location')).toBe('/member/home');
      await until(() => s.mailQueue.retrying() === 0);
      expect(s.events.some((e) => e.event === 'mail-job-failed')).toBe(false);
      // The logs name the job and the cause, never the address.
      expect(JSON.stringify(s.events)).not.toContain(s.member.email);
    } finally {
      s.transport.close();
      s.mailQueue.close();
      await back?.stop();
      await s.t.dispose();
    }
  });

  it('a 451 is tried again until the retries run out; a 550 is not tried again', async () => {
    const busy = await startSmtpSink({
      refuse: { 'ann@members.example.org': 451, 'gone@members.example.org': 550 },
    });
    const s = await setup(busy.port, [50, 100]);
    try {
      /** What the queue did with the member-link jobs so far, attempt by attempt. */
      const attempts = () =>
        s.events
          .filter((e) => e.fields.job === 'member-link')
          .map((e) => [e.event, e.fields.code, e.fields.attempt ?? e.fields.attempts]);
      await s.post('/member/link', { email: 'gone@members.example.org' });
      await until(() => s.events.some((e) => e.event === 'mail-job-failed'));
      await new Promise((r) => setTimeout(r, 300)); // longer than every retry delay
      expect(attempts()).toEqual([['mail-job-failed', 'recipient-refused', 1]]);
      s.events.length = 0;
      await s.post('/member/link', { email: s.member.email });
      await until(() => s.events.some((e) => e.event === 'mail-job-failed'));
      expect(attempts()).toEqual([
        ['mail-job-retry', 'smtp-deferred', 1],
        ['mail-job-retry', 'smtp-deferred', 2],
        ['mail-job-failed', 'smtp-deferred', 3],
      ]);
      expect(busy.received).toEqual([]);
    } finally {
      s.transport.close();
      await busy.stop();
      await s.t.dispose();
    }
  });

  it('a retry still waiting when the server stops is dropped, and says so', async () => {
    const first = await startSmtpSink();
    await first.stop();
    const s = await setup(first.port, [60_000]);
    try {
      await s.post('/member/link', { email: s.member.email });
      await s.mailQueue.idle(); // what serve does before it closes the database
      expect(s.mailQueue.retrying()).toBe(1);
      expect(s.mailQueue.close()).toBe(1);
      expect(s.events.at(-1)).toEqual({ event: 'mail-retries-dropped', fields: { count: 1 } });
    } finally {
      s.transport.close();
      await s.t.dispose();
    }
  });

  it('the real delays ride out a greylisting relay and end within the link’s hour', () => {
    const total = LINK_RETRY_DELAYS_MS.reduce((a, d) => a + d, 0);
    expect(LINK_RETRY_DELAYS_MS.filter((d) => d <= 15 * 60_000).reduce((a, d) => a + d, 0)).toBeGreaterThan(
      15 * 60_000,
    );
    expect(total).toBeLessThan(60 * 60_000);
  });
});
