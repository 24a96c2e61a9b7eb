/**
 * `sigmine connect gmail|outlook|... --oauth` through the real CLI: the consent URL is printed, the "browser"
 * (here a fetch that follows the fake provider's consent page redirect) comes back to the 127.0.0.1 loopback
 * with a code, the code is exchanged with PKCE, the provider is asked whose account was consented to, and
 * only the encrypted refresh token is stored, under that account. Opt-out then revokes that very token at
 * Google's revoke endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliWithConsent } from '../helpers/cli.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';
import { startGraphServer, type GraphServer } from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** Mia signs in to sigmine with her home address and connects her work accounts. */
const HOME = 'mia@home.example';
const WHO = 'mia@proseware.example';
let google: GoogleServer;
let graph: GraphServer;
let cert: TestCertificate;
let dir: string;
let env: Record<string, string>;

async function sigmine(
  args: string[],
  browse?: (url: string) => Promise<unknown>,
): Promise<{ code: number; out: string; err: string; browsed: Promise<unknown> | null }> {
  const r = await runCliWithConsent(
    args,
    { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, ...env } },
    browse,
  );
  return { code: r.code ?? -1, out: r.stdout, err: r.stderr, browsed: r.browsed };
}

/** The browser at Google: the consent page answers 302 to the CLI's loopback listener. */
const atGoogle = (url: string) => fetch(url);
/** The browser at Microsoft (self-signed TLS): authorize -> 302 -> loopback. */
const atMicrosoft = async (url: string) => {
  const consent = await fetchTrusting(cert.cert)(url, { redirect: 'manual' });
  return fetch(consent.headers.get('location')!);
};

async function listed(): Promise<Array<{ kind: string; account: string; contributor: string }>> {
  const r = await sigmine(['connections', 'list', '--json']);
  expect(r.code, r.err).toBe(0);
  return r.out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { kind: string; account: string; contributor: string });
}

beforeAll(async () => {
  google = await startGoogleServer();
  google.addUser(WHO);
  google.setConsentUser(WHO);
  cert = makeSelfSignedCertificate();
  graph = await startGraphServer({ cert });
  dir = mkdtempSync(join(tmpdir(), 'sigmine-oauth-'));
  env = {
    ...google.env(),
    SIGMINE_GRAPH_API_URL: graph.graphUrl,
    SIGMINE_MS_LOGIN_URL: graph.loginUrl,
    SIGMINE_MS_CLIENT_ID: 'test-client',
    NODE_EXTRA_CA_CERTS: cert.certFile,
    SIGMINE_DATABASE: join(dir, 'sigmine.db'),
    SIGMINE_SECRET_KEY: randomBytes(32).toString('hex'),
  };
});

afterAll(async () => {
  await google?.close();
  await graph?.close();
  cert?.dispose();
});

describe('sigmine connect --oauth', () => {
  it('refuses a Google consent given for another account than --account, and stores nothing', async () => {
    const r = await sigmine(
      ['connect', 'google-calendar', '--contributor', HOME, '--account', HOME, '--oauth'],
      atGoogle,
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `consent was given at Google for ${WHO}, not for --account ${HOME}: nothing was stored.`,
    );
    expect(await listed()).toEqual([]);
  }, 180_000);

  it('refuses a Microsoft consent given for another account than --account, and stores nothing', async () => {
    graph.setMe({ mail: 'mia@contoso.example', userPrincipalName: 'mia@contoso.onmicrosoft.com' });
    const r = await sigmine(
      ['connect', 'outlook', '--contributor', HOME, '--account', 'mia@other.example', '--oauth'],
      atMicrosoft,
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /consent was given at Microsoft for mia@contoso\.example, not for --account mia@other\.example/,
    );
    expect(await listed()).toEqual([]);
  }, 180_000);

  it('connects Outlook under the address Graph /me names, asking for User.Read only at connect time', async () => {
    graph.setMe({ mail: null, userPrincipalName: 'Mia.Ortiz@Contoso.onmicrosoft.com' });
    const tokensBefore = graph.tokenRequests.length;
    const r = await sigmine(['connect', 'outlook', '--contributor', HOME, '--oauth', '--json'], atMicrosoft);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out.trim())).toMatchObject({
      kind: 'outlook',
      account: 'mia.ortiz@contoso.onmicrosoft.com',
      contributor: HOME,
      created: true,
    });
    expect(graph.authorizeRequests.at(-1)!.get('scope')).toBe('offline_access Mail.Read User.Read');
    expect(graph.tokenRequests.slice(tokensBefore).map((t) => [t.grantType, t.scope])).toEqual([
      ['authorization_code', 'offline_access Mail.Read User.Read'],
    ]);
    expect(graph.requests.at(-1)!.url).toBe('/v1.0/me?$select=mail,userPrincipalName');
    expect(`${r.out}${r.err}`).not.toContain(graph.currentRefreshToken());
  }, 180_000);

  it('connects Gmail through the loopback consent flow under the consented account, and opt-out revokes the granted token', async () => {
    const r = await sigmine(['connect', 'gmail', '--contributor', HOME, '--oauth', '--json'], atGoogle);
    expect(r.code, r.err).toBe(0);
    expect(r.browsed).not.toBeNull();
    expect(((await r.browsed) as Response).status).toBe(200);
    // Stored under the Gmail address Google names (users.getProfile), not the contributor's address.
    expect(JSON.parse(r.out.trim())).toMatchObject({
      kind: 'gmail',
      account: WHO,
      contributor: HOME,
      created: true,
    });
    const consent = google.requests.filter((q) => q.path === '/o/oauth2/v2/auth').at(-1)!;
    expect(consent.query.code_challenge_method).toBe('S256');
    expect(String(consent.query.redirect_uri)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(consent.query.scope).toBe('https://www.googleapis.com/auth/gmail.readonly');
    expect(google.requests.at(-1)).toMatchObject({ path: '/gmail/v1/users/me/profile', user: WHO });
    expect(r.err).not.toMatch(/1\/\/[\w-]{10,}/); // no refresh token in the output

    // --account naming the consented account is accepted (any case) and reconnects the same connection.
    const again = await sigmine(
      ['connect', 'gmail', '--contributor', HOME, '--account', WHO.toUpperCase(), '--oauth', '--json'],
      atGoogle,
    );
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out.trim())).toMatchObject({ account: WHO, created: false });

    const o = await sigmine(['optout', '--contributor', HOME, '--json']);
    expect(o.code, o.err).toBe(0);
    expect(JSON.parse(o.out.trim()).connections).toEqual([
      expect.objectContaining({ kind: 'outlook', status: 'discarded', provider: 'microsoft' }),
      expect.objectContaining({ kind: 'gmail', account: WHO, status: 'revoked', provider: 'google' }),
    ]);
    const revoke = google.requests.filter((q) => q.path === '/oauth/revoke');
    expect(revoke.map((q) => q.status)).toEqual([200]);
  }, 180_000);

  it('keeps the grant under the contributor address, with a warning, when Google cannot say whose account it is', async () => {
    const other = 'lee@home.example';
    google.failNext(/calendars\/primary/, 404, {
      error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' },
    });
    const r = await sigmine(
      ['connect', 'google-calendar', '--contributor', other, '--oauth', '--json'],
      atGoogle,
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /warning: Google did not say which account was connected .*storing it as lee@home\.example/,
    );
    expect(JSON.parse(r.out.trim())).toMatchObject({
      kind: 'google-calendar',
      account: other,
      contributor: other,
      created: true,
    });
  }, 180_000);
});
