/**
 * Opt-out on SQLite and PostgreSQL: collection stops, secrets are gone, Google tokens are revoked at a
 * local revoke endpoint (documented wire format: POST /revoke, form `token=`), as are IMAP grants issued
 * by Google; Microsoft tokens and IMAP passwords are discarded and recorded, a failed provider revoke is
 * retried later, and credits are forfeited once.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from '../helpers/databases.ts';
import { loadConfig } from '../../src/config.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { listConnections, saveRotatedSecret, connectionInfo } from '../../src/connections/repository.ts';
import {
  optOutContributor,
  retryPendingRevocations,
  MAX_REVOKE_ATTEMPTS,
} from '../../src/connections/opt-out.ts';
import { awardConnectionBonus, balanceOf, ledgerEntries } from '../../src/store/ledger.ts';
import { encodeImapOAuthSecret } from '../../connectors/imap/oauth.ts';

const key = randomBytes(32);
const GMAIL_TOKEN = `1//gmail-${randomBytes(8).toString('hex')}`;
const CAL_TOKEN = `1//cal-${randomBytes(8).toString('hex')}`;
const MS_TOKEN = `0.ms-${randomBytes(8).toString('hex')}`;
const IMAP_PW = `pw-${randomBytes(8).toString('hex')}`;

/** A Google OAuth revoke endpoint: records revoked tokens; `down` makes it answer 503. */
let revokeServer: Server;
let revoked: string[] = [];
let down = false;
let oauthUrl = '';

beforeAll(async () => {
  revokeServer = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (
        req.method !== 'POST' ||
        req.url !== '/revoke' ||
        !/^application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')
      ) {
        res.writeHead(404).end();
        return;
      }
      if (down) {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"backend_error"}');
        return;
      }
      revoked.push(new URLSearchParams(body).get('token') ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => revokeServer.listen(0, '127.0.0.1', r));
  oauthUrl = `http://127.0.0.1:${(revokeServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => revokeServer.close(r));
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect === 'postgres' && !(await postgresAvailable()))(`opt-out (${dialect})`, () => {
    let t: TestDatabase;
    const config = () => loadConfig({ SIGMINE_GOOGLE_OAUTH_URL: oauthUrl, SIGMINE_DATABASE: t.url });
    const who = 'hana@tailspin.example';

    beforeEach(async () => {
      t = await freshDatabase(dialect);
      revoked = [];
      down = false;
      const add = (kind: string, account: string, secret: string | null, cfg: Record<string, unknown> = {}) =>
        registerConnection(t.db, { contributorEmail: who, kind, account, secret, config: cfg }, key);
      const gmail = await add('gmail', who, GMAIL_TOKEN);
      // Credits to lose: the bonus a first harvest that read mail would have paid.
      await awardConnectionBonus(t.db, gmail.connection.id);
      await add('google-calendar', who, CAL_TOKEN);
      await add('outlook', 'hana@tailspin-corp.example', MS_TOKEN);
      await add('imap', who, IMAP_PW, { host: 'imap.tailspin.example', port: 993, tls: true, user: who });
      await add('mailbox', '/data/takeout.mbox', null, { path: '/data/takeout.mbox' });
      await registerConnection(
        t.db,
        {
          contributorEmail: 'other@tailspin.example',
          kind: 'gmail',
          account: 'other@tailspin.example',
          secret: 'other-token',
        },
        key,
      );
    });
    afterEach(async () => {
      await t.dispose();
    });

    it('stops collection, revokes Google tokens at the provider, deletes every secret and forfeits the balance', async () => {
      const contributor = await t.db
        .selectFrom('contributors')
        .select('id')
        .where('email', '=', who)
        .executeTakeFirstOrThrow();
      const before = await balanceOf(t.db, contributor.id);
      expect(before).toBeGreaterThan(0);

      const r = await optOutContributor(t.db, 'Hana@Tailspin.example', { config: config(), key });
      expect(r.changed).toBe(true);
      expect(r.forfeited).toBe(before);
      expect(await balanceOf(t.db, contributor.id)).toBe(0);
      expect(revoked.sort()).toEqual([CAL_TOKEN, GMAIL_TOKEN].sort());
      const byKind = Object.fromEntries(r.connections.map((c) => [c.kind, c.status]));
      expect(byKind).toEqual({
        gmail: 'revoked',
        'google-calendar': 'revoked',
        outlook: 'discarded',
        imap: 'discarded',
        mailbox: 'discarded',
      });

      const rows = await t.db
        .selectFrom('connections')
        .selectAll()
        .where('contributor_id', '=', contributor.id)
        .execute();
      expect(rows).toHaveLength(5);
      for (const c of rows) {
        expect(c.status).toBe('opted-out');
        expect(c.secret_enc).toBeNull();
        expect(c.revoked_at).not.toBeNull();
      }
      const revs = await t.db.selectFrom('revocations').selectAll().execute();
      expect(revs.every((x) => x.token_enc === null)).toBe(true);
      const c = await t.db
        .selectFrom('contributors')
        .selectAll()
        .where('id', '=', contributor.id)
        .executeTakeFirstOrThrow();
      expect(c.status).toBe('opted-out');
      expect(c.opted_out_at).not.toBeNull();

      // Nothing of theirs is harvestable any more; the other contributor is untouched.
      const harvestable = await listConnections(t.db, { harvestable: true });
      expect(harvestable.map((h) => h.contributorEmail)).toEqual(['other@tailspin.example']);
      expect(revoked).not.toContain('other-token');
      const entries = await ledgerEntries(t.db, { contributorId: contributor.id });
      expect(entries.filter((e) => e.kind === 'opt-out-forfeit')).toHaveLength(1);
    });

    it('deletes the local secret even when the provider revoke fails, and revokes it on a later retry', async () => {
      down = true;
      const r = await optOutContributor(t.db, who, { config: config(), key });
      expect(
        r.connections
          .filter((c) => c.status === 'pending')
          .map((c) => c.kind)
          .sort(),
      ).toEqual(['gmail', 'google-calendar']);
      expect(r.connections.find((c) => c.kind === 'gmail')?.errorCode).toBe('unavailable');
      const conns = await t.db
        .selectFrom('connections')
        .select(['secret_enc', 'status'])
        .where('kind', 'in', ['gmail', 'google-calendar'])
        .execute();
      expect(conns.filter((c) => c.status === 'opted-out').every((c) => c.secret_enc === null)).toBe(true);
      expect(revoked).toEqual([]);

      down = false;
      const tally = await retryPendingRevocations(t.db, { config: config(), key });
      expect(tally).toEqual({ revoked: 2, pending: 0, failed: 0 });
      expect(revoked.sort()).toEqual([CAL_TOKEN, GMAIL_TOKEN].sort());
      const revs = await t.db.selectFrom('revocations').selectAll().execute();
      expect(revs.every((x) => x.token_enc === null)).toBe(true);
    });

    it('gives a revoke up after the last attempt and drops the parked token', async () => {
      down = true;
      await optOutContributor(t.db, who, { config: config(), key });
      let tally = { revoked: 0, pending: 2, failed: 0 };
      for (let i = 1; i < MAX_REVOKE_ATTEMPTS; i++)
        tally = await retryPendingRevocations(t.db, { config: config(), key });
      expect(tally).toEqual({ revoked: 0, pending: 0, failed: 2 });
      const revs = await t.db.selectFrom('revocations').selectAll().where('status', '=', 'failed').execute();
      expect(revs).toHaveLength(2);
      expect(revs.every((x) => x.token_enc === null && x.attempts === MAX_REVOKE_ATTEMPTS)).toBe(true);
    });

    it('is idempotent: a second opt-out forfeits nothing more and calls no provider again', async () => {
      await optOutContributor(t.db, who, { config: config(), key });
      revoked = [];
      const again = await optOutContributor(t.db, who, { config: config(), key });
      expect(again.changed).toBe(false);
      expect(again.forfeited).toBe(0);
      expect(revoked).toEqual([]);
      const contributor = await t.db
        .selectFrom('contributors')
        .select('id')
        .where('email', '=', who)
        .executeTakeFirstOrThrow();
      expect(
        (await ledgerEntries(t.db, { contributorId: contributor.id })).filter(
          (e) => e.kind === 'opt-out-forfeit',
        ),
      ).toHaveLength(1);
    });

    it('does not let a token rotated by a harvest still running bring a secret back after the opt-out', async () => {
      const gmail = (await listConnections(t.db, { contributorEmail: who, kind: 'outlook' }))[0]!;
      await optOutContributor(t.db, who, { config: config(), key });
      await saveRotatedSecret(t.db, gmail.id, 'rotated-after-optout', key);
      const info = await connectionInfo(t.db, gmail.id, key);
      expect(info.secret).toBeNull();
    });

    describe('IMAP mailboxes, decided per connection', () => {
      const ivo = 'ivo@tailspin.example';
      const GOOGLE_RT = `1//imap-${randomBytes(8).toString('hex')}`;
      const MS_RT = `0.imap-ms-${randomBytes(8).toString('hex')}`;
      const imap = (user: string, extra: Record<string, unknown>) => ({
        host: 'imap.example',
        port: 993,
        tls: true,
        user,
        ...extra,
      });
      // The Google grant's issuer is kept with it; the configured Google endpoint here leads nowhere, so a
      // revoke that reaches the test server proves it went to the issuer.
      const elsewhere = () =>
        loadConfig({ SIGMINE_GOOGLE_OAUTH_URL: 'http://127.0.0.1:9', SIGMINE_DATABASE: t.url });
      beforeEach(async () => {
        const add = (account: string, secret: string, cfg: Record<string, unknown>) =>
          registerConnection(
            t.db,
            { contributorEmail: ivo, kind: 'imap', account, secret, config: cfg },
            key,
          );
        await add(
          'ivo@gmail.example',
          encodeImapOAuthSecret({
            provider: 'google',
            tokenUrl: `${oauthUrl}/token`,
            refreshToken: GOOGLE_RT,
          }),
          imap('ivo@gmail.example', { auth: 'xoauth2', oauthProvider: 'google' }),
        );
        await add(
          'ivo@tailspin-corp.example',
          encodeImapOAuthSecret({
            provider: 'microsoft',
            tokenUrl: 'https://login.example/common/oauth2/v2.0/token',
            refreshToken: MS_RT,
          }),
          imap('ivo@tailspin-corp.example', { auth: 'xoauth2', oauthProvider: 'microsoft' }),
        );
        await add('ivo@tailspin.example', IMAP_PW, imap('ivo@tailspin.example', { auth: 'password' }));
      });
      const outcomes = (r: Awaited<ReturnType<typeof optOutContributor>>) =>
        Object.fromEntries(r.connections.map((c) => [c.account, [c.status, c.provider]]));

      it('revokes a Google OAuth grant at the Google endpoint that issued it, discards Microsoft and password secrets', async () => {
        const r = await optOutContributor(t.db, ivo, { config: elsewhere(), key });
        expect(revoked).toEqual([GOOGLE_RT]);
        expect(outcomes(r)).toEqual({
          'ivo@gmail.example': ['revoked', 'google'],
          'ivo@tailspin-corp.example': ['discarded', 'microsoft'],
          'ivo@tailspin.example': ['discarded', null],
        });
        const conns = await t.db
          .selectFrom('connections')
          .selectAll()
          .where('account', 'like', 'ivo@%')
          .execute();
        expect(conns).toHaveLength(3);
        expect(conns.every((c) => c.status === 'opted-out' && c.secret_enc === null)).toBe(true);
        const revs = await t.db.selectFrom('revocations').selectAll().where('kind', '=', 'imap').execute();
        expect(revs.map((x) => x.status).sort()).toEqual(['discarded', 'discarded', 'revoked']);
        expect(revs.every((x) => x.token_enc === null)).toBe(true);
      });

      it('keeps a failed Google revoke of an IMAP grant pending and revokes the refresh token on retry', async () => {
        down = true;
        const r = await optOutContributor(t.db, ivo, { config: elsewhere(), key });
        expect(outcomes(r)['ivo@gmail.example']).toEqual(['pending', 'google']);
        expect(revoked).toEqual([]);
        down = false;
        expect(await retryPendingRevocations(t.db, { config: elsewhere(), key })).toEqual({
          revoked: 1,
          pending: 0,
          failed: 0,
        });
        expect(revoked).toEqual([GOOGLE_RT]); // the refresh token, not the stored envelope
      });
    });

    it('reports an unknown contributor as not found', async () => {
      await expect(
        optOutContributor(t.db, 'nobody@tailspin.example', { config: config(), key }),
      ).rejects.toMatchObject({ code: 'not-found' });
    });
  });
}
