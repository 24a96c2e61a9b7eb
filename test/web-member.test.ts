import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DIALECTS, freshDatabase, postgresAvailable, type TestDatabase } from './helpers/databases.ts';
import { startGoogleServer, type GoogleServer } from './fakes/google-server.ts';
import { createApp } from '../src/web/app.ts';
import { loadConfig } from '../src/config.ts';
import { registerConnection } from '../src/connections/register.ts';
import { parseSecretKey } from '../src/secrets/index.ts';
import type { OutgoingNotice } from '../src/notices/transport.ts';
import { runHarvest, holderId } from '../src/harvest/index.ts';
import { silentLogger, noProgress } from '../src/log.ts';

const PUBLIC = 'http://members.test';
const KEY = 'b'.repeat(64);
const SAMPLE = join(import.meta.dirname, '..', 'fixtures', 'sample-mailbox');

let g: GoogleServer;
beforeAll(async () => {
  g = await startGoogleServer();
  g.addUser('member@firm.example');
  g.setConsentUser('member@firm.example');
});
afterAll(() => g.close());

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`member area on ${dialect}`, () => {
    let t: TestDatabase;
    let sent: OutgoingNotice[];
    let app: ReturnType<typeof createApp>;
    const config = () => loadConfig({ ...g.env(), SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: KEY });
    beforeEach(async () => {
      t = await freshDatabase(dialect);
      sent = [];
      const transport = { name: 'memory', async send(n: OutgoingNotice) { sent.push(n); return { providerMessageId: 'x' }; } };
      app = createApp({ database: t, config: config(), transport });
    });
    afterEach(async () => t.dispose());

    const form = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
      app.request(`${PUBLIC}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PUBLIC, ...headers },
        body: new URLSearchParams(body).toString(),
      });
    async function signIn(email: string): Promise<string> {
      await form('/member/link', { email });
      const link = /\/member\/home\?t=(\S+)/.exec(sent.at(-1)!.body)!;
      return decodeURIComponent(link[1]!);
    }

    it('connects Gmail through the web consent flow, stores the token encrypted and awards the bonus', async () => {
      const token = await signIn('member@firm.example');
      const start = await form('/member/connect/google', { t: token, kind: 'gmail' });
      expect(start.status).toBe(302);
      const consent = new URL(start.headers.get('location')!);
      expect(consent.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/gmail.readonly');
      expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
      const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
      // The provider's consent page sends the browser back to our callback.
      const back = (await fetch(consent, { redirect: 'manual' })).headers.get('location')!;
      expect(back.startsWith(`${PUBLIC}/oauth/google/callback?`)).toBe(true);
      const done = await app.request(back, { headers: { Cookie: cookie } });
      expect(done.status).toBe(303);
      const conn = await t.db.selectFrom('connections').selectAll().executeTakeFirstOrThrow();
      expect(conn).toMatchObject({ kind: 'gmail', account: 'member@firm.example', status: 'active' });
      expect(conn.secret_enc).toMatch(/^v1:/);
      const home = await (await app.request(`${PUBLIC}${done.headers.get('location')}`)).text();
      expect(home).toContain('Connected.');
      expect(home).toMatch(/data-testid="balance">[1-9]/);
    });

    it('refuses a callback whose state was not issued to this browser', async () => {
      const token = await signIn('member@firm.example');
      const start = await form('/member/connect/google', { t: token, kind: 'gmail' });
      const back = new URL((await fetch(start.headers.get('location')!, { redirect: 'manual' })).headers.get('location')!);
      back.searchParams.set('state', 'forged-state');
      const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
      expect((await app.request(back.toString(), { headers: { Cookie: cookie } })).status).toBe(400);
      expect((await app.request(back.toString())).status).toBe(400);
      expect(await t.db.selectFrom('connections').selectAll().execute()).toHaveLength(0);
    });

    it('previews what a mailbox would share without storing anything', async () => {
      await registerConnection(t.db, { contributorEmail: 'member@firm.example', kind: 'mailbox', account: SAMPLE, config: { path: SAMPLE } }, parseSecretKey(KEY));
      const token = await signIn('member@firm.example');
      const home = await (await app.request(`${PUBLIC}/member/home?t=${encodeURIComponent(token)}`)).text();
      const id = /name="connection" value="([^"]+)"/.exec(home)![1]!;
      const preview = await (await form('/member/preview', { t: token, connection: id })).text();
      expect(preview).toContain('Nothing was stored.');
      expect(preview.match(/<tr><td>/g)?.length ?? 0).toBeGreaterThan(3);
      expect(await t.db.selectFrom('profiles').selectAll().execute()).toHaveLength(0);
      expect(await t.db.selectFrom('observations').selectAll().execute()).toHaveLength(0);
      // After a real harvest moved the cursor, the preview still shows the whole source.
      const env = { db: t.db, config: config(), logger: silentLogger, progress: noProgress, holder: holderId() };
      await runHarvest(env, [id]);
      const again = await (await form('/member/preview', { t: token, connection: id })).text();
      expect(again.match(/<tr><td>/g)?.length).toBe(preview.match(/<tr><td>/g)?.length);
    });

    it('opting out stops collection and revokes the Google token at the provider', async () => {
      const { refreshToken } = g.addUser('member@firm.example');
      await registerConnection(t.db, { contributorEmail: 'member@firm.example', kind: 'gmail', account: 'member@firm.example', secret: refreshToken }, parseSecretKey(KEY));
      const token = await signIn('member@firm.example');
      const res = await form('/member/optout', { t: token });
      expect(await res.text()).toContain('You have opted out');
      const conn = await t.db.selectFrom('connections').selectAll().executeTakeFirstOrThrow();
      expect(conn.status).toBe('opted-out');
      expect(conn.secret_enc).toBeNull();
      expect(g.requests.some((r) => r.path.endsWith('/revoke'))).toBe(true);
      const home = await (await app.request(`${PUBLIC}/member/home?t=${encodeURIComponent(token)}`)).text();
      expect(home).not.toContain('Connect Google');
    });

    it('refuses member actions without a valid sign-in link', async () => {
      expect((await form('/member/optout', { t: 'bogus' })).status).toBe(403);
      expect((await app.request(`${PUBLIC}/member/home?t=bogus`)).status).toBe(403);
    });
  });
}
