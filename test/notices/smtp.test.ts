import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { cleanEnv, runCli } from '../helpers/cli.ts';
import { makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';
import { addMember, DE_PHONE, ingest, signed, US_PHONE } from '../helpers/store-fixtures.ts';
import { listNotices } from '../../src/notices/outbox.ts';
import { retryDelayMs, sendQueued } from '../../src/notices/send.ts';
import { smtpTransport } from '../../src/notices/smtp-transport.ts';
import { parseSmtpUrl } from '../../src/mail-config.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { silentLogger } from '../../src/log.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { noticeGate } from '../../src/privacy/notice-gate.ts';
import { testPolicy } from '../helpers/privacy-options.ts';
import { sameOriginForms } from '../helpers/member-web.ts';

const policy = loadPolicy({});
const ANNA = 'anna.schmidt@beispiel-gmbh.de';
const TOM = 'tom.ford@acme-widgets.com';
const SAM = 'sam.nobody@mystery-corp.com';

async function seed(t: TestDatabase) {
  const a = await addMember(t.db, 'ann');
  await ingest(t.db, a, [
    signed('<n1@x>', ANNA, '2026-10-01T00:00:00Z', { name: 'Anna Schmidt', phones: [DE_PHONE] }),
    signed('<n2@x>', TOM, '2026-10-01T00:00:00Z', { name: 'Tom Ford', phones: [US_PHONE] }),
    signed('<n4@x>', SAM, '2026-10-01T00:00:00Z', { name: 'Sam Nobody', title: 'Buyer' }),
  ]);
}

/** A plain-relay URL for a sink (tests only: the sink has no TLS). */
const relay = (sink: Pick<SmtpSink, 'port'>) => parseSmtpUrl(`smtp://127.0.0.1:${sink.port}?tls=none`);

function send(t: TestDatabase, transport: ReturnType<typeof smtpTransport>, at: string) {
  return sendQueued(t.db, {
    gate: noticeGate,
    transport,
    policy,
    publicUrl: 'https://privacy.example.net',
    from: 'sigmine privacy <privacy@example.net>',
    now: () => new Date(at),
  });
}

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`notices through a real SMTP server on ${dialect}`, () => {
    it('delivers each notice with its headers, language and privacy link; a recipient refused with 550 becomes a bounce', async () => {
      const t = await freshDatabase(dialect);
      const sink = await startSmtpSink({ refuse: { [SAM]: 550 } });
      const transport = smtpTransport(relay(sink), { messageIdHost: 'example.net' });
      try {
        await seed(t);
        const out = await send(t, transport, '2026-11-02T00:00:00Z');
        expect(out.map((o) => o.status).sort()).toEqual(['bounced', 'sent', 'sent']);
        const mails = await sink.waitFor(2);
        const notices = await listNotices(t.db);
        const anna = notices.find((n) => n.recipient === ANNA)!;
        const mail = mails.find((m) => m.to.includes(ANNA))!;
        expect(mail.from).toBe('privacy@example.net');
        expect(mail.parsed.subject).toBe('Hinweis: Ihre geschäftlichen Kontaktdaten im sigmine-Verzeichnis');
        expect(mail.parsed.messageId).toBe(anna.providerMessageId);
        expect(anna).toMatchObject({ status: 'sent', transport: 'smtp' });
        expect(mail.parsed.headers.get('content-language')).toBe('de');
        expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
        expect(String(mail.parsed.headers.get('x-sigmine-template'))).toContain(`sha256=${anna.contentHash}`);
        expect(mail.parsed.text).toContain('https://privacy.example.net/privacy');
        expect(mail.parsed.text).toContain('IHR WIDERSPRUCHSRECHT');
        expect(mail.parsed.text).toContain('nicht vor dem 2026-11-09');
        const tom = mails.find((m) => m.to.includes(TOM))!;
        expect(tom.parsed.headers.get('content-language')).toBe('en');
        expect(tom.parsed.text).toContain('YOUR RIGHT TO OBJECT');
        // Sam's address was refused for good: bounced like a bounce message, his window never starts.
        const sam = notices.find((n) => n.recipient === SAM)!;
        expect(sam).toMatchObject({
          status: 'bounced',
          failureCode: 'recipient-refused',
          providerMessageId: null,
        });
        expect(sam.bouncedAt).toBe('2026-11-02T00:00:00.000Z');
        const gates = await t.db
          .selectFrom('privacy_gates')
          .select(['state', 'window_ends_at'])
          .where(
            'profile_id',
            'in',
            (await t.db.selectFrom('profiles').select('id').where('email', '=', SAM).execute()).map(
              (p) => p.id,
            ),
          )
          .execute();
        expect(gates).toEqual([{ state: 'pending', window_ends_at: null }]);
        expect(await send(t, transport, '2026-11-03T00:00:00Z')).toEqual([]);
      } finally {
        transport.close();
        await sink.stop();
        await t.dispose();
      }
    });

    it('a relay that is down, or a 451 reply, leaves the notice queued and tries again only after the retry delay', async () => {
      const t = await freshDatabase(dialect);
      const down = await startSmtpSink();
      await down.stop();
      const busy = await startSmtpSink({ refuse: { [ANNA]: 451 } });
      const up = await startSmtpSink();
      const transports = [down, busy, up].map((s) =>
        smtpTransport(relay(s), { timeouts: { connect: 2_000 } }),
      );
      try {
        await seed(t);
        const first = await send(t, transports[0]!, '2026-11-02T00:00:00Z');
        expect(first.map((o) => [o.status, o.errorCode])).toEqual([
          ['queued', 'smtp-unreachable'],
          ['queued', 'smtp-unreachable'],
          ['queued', 'smtp-unreachable'],
        ]);
        expect((await listNotices(t.db)).every((n) => n.status === 'queued' && n.sentAt === null)).toBe(true);
        // Inside the 5-minute delay nothing is tried, whatever the relay does now.
        expect(await send(t, transports[2]!, '2026-11-02T00:04:00Z')).toEqual([]);
        const later = new Date(Date.parse('2026-11-02T00:00:00Z') + retryDelayMs(1) + 1000).toISOString();
        const second = await send(t, transports[1]!, later);
        expect(second.filter((o) => o.status === 'sent')).toHaveLength(2);
        expect(second.find((o) => o.status !== 'sent')).toMatchObject({
          status: 'queued',
          errorCode: 'smtp-deferred',
        });
        expect((await listNotices(t.db)).find((n) => n.recipient === ANNA)).toMatchObject({
          status: 'queued',
          attempts: 2,
        });
        const third = await send(
          t,
          transports[2]!,
          new Date(Date.parse(later) + retryDelayMs(2) + 1000).toISOString(),
        );
        expect(third).toMatchObject([{ status: 'sent' }]);
        expect((await up.waitFor(1))[0]!.to).toEqual([ANNA]);
      } finally {
        transports.forEach((x) => x.close());
        await Promise.all([busy.stop(), up.stop()]);
        await t.dispose();
      }
    });

    it('smtp:// without STARTTLS on the relay sends nothing in the clear', async () => {
      const t = await freshDatabase(dialect);
      const sink = await startSmtpSink();
      const transport = smtpTransport(parseSmtpUrl(`smtp://127.0.0.1:${sink.port}`));
      try {
        await seed(t);
        const out = await send(t, transport, '2026-11-02T00:00:00Z');
        expect(out.every((o) => o.status === 'queued' && o.errorCode === 'smtp-tls-failed')).toBe(true);
        await new Promise((r) => setTimeout(r, 200));
        expect(sink.received).toEqual([]);
      } finally {
        transport.close();
        await sink.stop();
        await t.dispose();
      }
    });
  });
}

describe('privacy and sign-in links through a real SMTP server', () => {
  const PUBLIC = 'http://privacy.test';
  it('the privacy-center link and the member sign-in link arrive, and each opens its page', async () => {
    const t = await freshDatabase('sqlite');
    const sink = await startSmtpSink();
    const config = loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: 'b'.repeat(64) });
    const transport = smtpTransport(relay(sink), { messageIdHost: 'privacy.test' });
    const mailQueue = createMailQueue(silentLogger);
    const app = createApp({
      database: t,
      config,
      transport,
      mailQueue,
      from: 'sigmine <privacy@privacy.test>',
    });
    const { post } = sameOriginForms(app, PUBLIC);
    try {
      const a = await addMember(t.db, 'ann');
      const item = signed('<n2@x>', TOM, '2026-10-01T00:00:00Z', { name: 'Tom Ford', phones: [US_PHONE] });
      await t.db.transaction().execute((trx) =>
        ingestPage(
          trx,
          {
            connectionId: a.connectionId,
            contributorId: a.contributorId,
            now: '2026-11-01T00:00:00.000Z',
            secretKey: config.secretKey,
          },
          [item],
          privacyGate({ policy: testPolicy }),
        ),
      );
      expect((await post('/privacy/link', { email: TOM })).status).toBe(200);
      expect((await post('/member/link', { email: a.email })).status).toBe(200);
      await mailQueue.idle();
      const [privacy, member] = await sink.waitFor(2);
      expect(privacy!.to).toEqual([TOM]);
      expect(privacy!.from).toBe('privacy@privacy.test');
      const link = /http:\/\/privacy\.test(\/privacy\/me\?t=\S+)/.exec(privacy!.parsed.text!)![1]!;
      const token = new URL(`${PUBLIC}${link}`).searchParams.get('t')!;
      const opened = await post('/privacy/open', { t: token });
      expect(opened.status).toBe(303);
      const page = await (
        await app.request(`${PUBLIC}/privacy/me`, {
          headers: { Cookie: opened.headers.get('set-cookie')!.split(';')[0]! },
        })
      ).text();
      expect(page).toContain('Tom Ford');
      expect(member!.to).toEqual([a.email]);
      expect(member!.parsed.text).toMatch(/http:\/\/privacy\.test\/member\/home\?t=\S+/);
    } finally {
      transport.close();
      await sink.stop();
      await t.dispose();
    }
  });
});

describe('sigmine notices send over SMTP with STARTTLS and a login', () => {
  let cert: TestCertificate;
  let dir: string;
  beforeAll(() => {
    cert = makeSelfSignedCertificate();
    dir = mkdtempSync(join(tmpdir(), 'sigmine-smtp-cli-'));
  });
  afterAll(() => {
    cert.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends through the relay named by SIGMINE_SMTP_URL, with the password from a file, and never prints it', async () => {
    const keyFile = join(dir, 'key.pem');
    writeFileSync(keyFile, cert.key);
    const sink = await startSmtpSink({
      tls: { keyFile, certFile: cert.certFile },
      auth: { user: 'sigmine', pass: 's3cret-Pa55' },
    });
    const t = await freshDatabase('sqlite');
    try {
      await seed(t);
      await t.close();
      const passFile = join(dir, 'smtp-pass');
      writeFileSync(passFile, 's3cret-Pa55\n', { mode: 0o600 });
      const env = (extra: Record<string, string>) =>
        cleanEnv({
          SIGMINE_DATABASE: t.url,
          SIGMINE_PUBLIC_URL: 'https://privacy.example.net',
          SIGMINE_MAIL_FROM: 'privacy@example.net',
          SIGMINE_CONTROLLER: 'Example Directory Ltd, 1 Main St, Springfield, privacy@example.net',
          SIGMINE_DPO: 'dpo@example.net',
          NODE_EXTRA_CA_CERTS: cert.certFile,
          ...extra,
        });
      // Real mail that would not name the controller and the officer (GDPR Art. 14(1)(a)-(b)) is refused
      // before anything is sent.
      const unnamed = await runCli(['notices', 'send', '--no-promote', '--json'], {
        env: env({
          SIGMINE_SMTP_URL: `smtp://sigmine@localhost:${sink.port}`,
          SIGMINE_SMTP_PASSWORD_FILE: passFile,
          SIGMINE_CONTROLLER: '',
        }),
      });
      expect(unnamed.code).not.toBe(0);
      expect(unnamed.stdout).toContain('"code":"bad-config"');
      expect(unnamed.stdout).toContain('SIGMINE_CONTROLLER');
      // A wrong password: the relay refuses the login, nothing is sent, and neither password is printed.
      const wrong = await runCli(['notices', 'send', '--no-promote', '--json'], {
        env: env({ SIGMINE_SMTP_URL: `smtp://sigmine:wr0ng-Pa55@localhost:${sink.port}` }),
      });
      expect(wrong.code).toBe(2);
      expect(wrong.stdout).toContain('"errorCode":"smtp-auth-failed"');
      expect(wrong.stdout + wrong.stderr).not.toContain('wr0ng-Pa55');
      const run = await runCli(['notices', 'send', '--no-promote', '--json'], {
        env: env({
          SIGMINE_SMTP_URL: `smtp://sigmine@localhost:${sink.port}`,
          SIGMINE_SMTP_PASSWORD_FILE: passFile,
        }),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const events = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { status: string });
      expect(events.map((e) => e.status)).toEqual(['sent', 'sent', 'sent']);
      expect(run.stdout + run.stderr).not.toContain('s3cret-Pa55');
      const mails = await sink.waitFor(3);
      expect(mails.every((m) => m.secure && m.user === 'sigmine')).toBe(true);
      expect(mails.map((m) => m.to[0]).sort()).toEqual([ANNA, SAM, TOM]);
      // Each notice names the controller and the officer, in its own language.
      const anna = mails.find((m) => m.to[0] === ANNA)!;
      expect(anna.parsed.text).toContain(
        'Verantwortlicher: Example Directory Ltd, 1 Main St, Springfield, privacy@example.net. Datenschutzbeauftragter: dpo@example.net.',
      );
      const tom = mails.find((m) => m.to[0] === TOM)!;
      expect(tom.parsed.text).toContain('Data protection officer: dpo@example.net.');
    } finally {
      await sink.stop();
      rmSync(dirname(t.url), { recursive: true, force: true });
    }
  });
});

describe('SIGMINE_SMTP_URL', () => {
  const load = (env: Record<string, string>) =>
    loadConfig({ SIGMINE_PUBLIC_URL: 'https://privacy.example.net', ...env });
  it('smtp:// requires STARTTLS, smtps:// is TLS, and a plain relay only with tls=none spelled out', () => {
    expect(load({ SIGMINE_SMTP_URL: 'smtp://mailer:pw@relay.example.net' }).mail.smtp).toMatchObject({
      host: 'relay.example.net',
      port: 587,
      security: 'starttls',
      user: 'mailer',
      pass: 'pw',
    });
    expect(load({ SIGMINE_SMTP_URL: 'smtps://relay.example.net' }).mail.smtp).toMatchObject({
      port: 465,
      security: 'tls',
    });
    expect(load({ SIGMINE_SMTP_URL: 'smtp://127.0.0.1:25?tls=none' }).mail.smtp).toMatchObject({
      port: 25,
      security: 'none',
    });
    expect(load({}).mail.smtp).toBeNull();
  });

  it('refuses what it cannot honour, without repeating the password', () => {
    for (const bad of [
      'smtpx://u:hunter22@relay',
      'smtps://u:hunter22@relay?tls=none',
      'smtp://u:hunter22@relay?tls=off',
      'smtp://:hunter22@relay',
    ]) {
      let error: unknown;
      try {
        load({ SIGMINE_SMTP_URL: bad });
      } catch (err) {
        error = err;
      }
      expect(error).toMatchObject({ code: 'bad-config' });
      expect(String((error as Error).message)).not.toContain('hunter22');
    }
  });

  it('the From of every mail is SIGMINE_MAIL_FROM, else the older SIGMINE_NOTICE_FROM', () => {
    expect(load({ SIGMINE_MAIL_FROM: 'a@x.example', SIGMINE_NOTICE_FROM: 'b@x.example' }).mail.from).toBe(
      'a@x.example',
    );
    expect(load({ SIGMINE_NOTICE_FROM: 'b@x.example' }).mail.from).toBe('b@x.example');
  });
});
