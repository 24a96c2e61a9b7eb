import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beginWebConsent,
  cliConnect,
  completeWebConsent,
  consentUrl,
  exchangeCode,
  refreshTokens,
} from '../../connectors/outlook/oauth.ts';
import { ConnectorError } from '../../connectors/types.ts';
import { loadConfig } from '../../src/config.ts';
import { startGraphServer, type GraphServer } from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';

let cert: TestCertificate;
let server: GraphServer;
let tlsFetch: typeof fetch;
beforeAll(async () => {
  cert = makeSelfSignedCertificate();
  server = await startGraphServer({ cert });
  tlsFetch = fetchTrusting(cert.cert);
});
afterAll(async () => {
  await server.close();
  cert.dispose();
});

const ms = () =>
  loadConfig({
    SIGMINE_MS_LOGIN_URL: server.loginUrl,
    SIGMINE_MS_CLIENT_ID: 'test-client',
    SIGMINE_MS_CLIENT_SECRET: 'shh',
    SIGMINE_MS_TENANT: 'contoso.onmicrosoft.com',
  }).microsoft;

describe('Microsoft OAuth for Outlook sources', () => {
  it('asks for exactly the documented scopes on the configured login host and tenant', () => {
    for (const [kind, scope] of [
      ['outlook', 'offline_access Mail.Read'],
      ['outlook-calendar', 'offline_access Calendars.Read'],
      ['outlook-contacts', 'offline_access Contacts.Read'],
    ] as const) {
      const u = new URL(
        consentUrl(ms(), {
          kind,
          redirectUri: 'https://sigmine.example/oauth/ms',
          state: 'st4te',
          codeChallenge: 'abc',
        }),
      );
      expect(u.origin + u.pathname).toBe(`${server.loginUrl}/contoso.onmicrosoft.com/oauth2/v2.0/authorize`);
      expect(u.searchParams.get('scope')).toBe(scope);
      expect(u.searchParams.get('response_type')).toBe('code');
      expect(u.searchParams.get('state')).toBe('st4te');
      expect(u.searchParams.get('code_challenge_method')).toBe('S256');
      expect(u.searchParams.get('client_secret')).toBeNull();
    }
  });

  it('connects from the CLI through a loopback redirect with PKCE and returns a refresh token', async () => {
    let shown = '';
    const pending = cliConnect(ms(), 'outlook', {
      print: (line) => (shown += line),
      timeoutMs: 10_000,
      fetch: tlsFetch,
    });
    // Play the browser: open the consent URL, follow the provider's redirect to the loopback listener.
    const url = await waitFor(() => /https:\/\/\S+/.exec(shown)?.[0]);
    const consent = await tlsFetch(url);
    expect(consent.status).toBe(302);
    const back = await fetch(consent.headers.get('location')!);
    expect(back.status).toBe(200);
    const tokens = await pending;
    expect(tokens.accessToken).toMatch(/^at-/);
    expect(tokens.refreshToken).toBe(server.currentRefreshToken());
    const t = server.tokenRequests[server.tokenRequests.length - 1]!;
    expect(t).toMatchObject({
      grantType: 'authorization_code',
      scope: 'offline_access Mail.Read',
      clientSecret: 'shh',
    });
    expect(t.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(t.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(shown).not.toContain(tokens.refreshToken!);
  });

  it('connects through the web redirect flow, and rejects a redirect whose state belongs to another session', async () => {
    const redirectUri = 'https://sigmine.example/connect/outlook/callback';
    const kept = beginWebConsent(ms(), { kind: 'outlook-contacts', redirectUri });
    expect(new URL(kept.url).searchParams.get('scope')).toBe('offline_access Contacts.Read');
    const consent = await tlsFetch(kept.url);
    const back = new URL(consent.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(redirectUri);

    const forged = new URLSearchParams(back.search);
    forged.set('state', beginWebConsent(ms(), { kind: 'outlook', redirectUri }).state);
    const err = await completeWebConsent(
      ms(),
      { kind: 'outlook-contacts', redirectUri, query: forged, kept },
      tlsFetch,
    ).catch((e: unknown) => e);
    expect((err as ConnectorError).code).toBe('bad-input');

    const tokens = await completeWebConsent(
      ms(),
      { kind: 'outlook-contacts', redirectUri, query: back.searchParams, kept },
      tlsFetch,
    );
    expect(tokens.refreshToken).toBe(server.currentRefreshToken());
    expect(server.tokenRequests[server.tokenRequests.length - 1]).toMatchObject({
      scope: 'offline_access Contacts.Read',
      redirectUri,
    });

    const denied = new URLSearchParams({ state: kept.state, error: 'access_denied' });
    const refusal = await completeWebConsent(
      ms(),
      { kind: 'outlook', redirectUri, query: denied, kept },
      tlsFetch,
    ).catch((e: unknown) => e);
    expect((refusal as ConnectorError).code).toBe('revoked');
  });

  it('a code exchanged with the wrong PKCE verifier is refused as a dead grant', async () => {
    const consent = await tlsFetch(
      consentUrl(ms(), {
        kind: 'outlook',
        redirectUri: 'http://127.0.0.1:1/callback',
        state: 's',
        codeChallenge: 'not-the-challenge',
      }),
    );
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    const err = await exchangeCode(
      ms(),
      { kind: 'outlook', code, redirectUri: 'http://127.0.0.1:1/callback', codeVerifier: 'x'.repeat(43) },
      tlsFetch,
    ).catch((e: unknown) => e);
    expect((err as ConnectorError).code).toBe('revoked');
  });

  it('maps refresh failures to causes: inactivity expiry is "revoked", an unknown client is "config", no server is "unavailable"', async () => {
    const expired = await refreshTokens(ms(), { kind: 'outlook', refreshToken: 'stale' }, tlsFetch).catch(
      (e: unknown) => e,
    );
    expect((expired as ConnectorError).code).toBe('revoked');
    expect((expired as ConnectorError).message).toContain('AADSTS70008');
    expect((expired as ConnectorError).message).not.toContain('stale');

    const wrongClient = { ...ms(), clientId: 'someone-else' };
    const cfg = await refreshTokens(
      wrongClient,
      { kind: 'outlook', refreshToken: server.currentRefreshToken() },
      tlsFetch,
    ).catch((e: unknown) => e);
    expect((cfg as ConnectorError).code).toBe('config');

    const down = { ...ms(), loginUrl: 'https://127.0.0.1:9' };
    const off = await refreshTokens(down, { kind: 'outlook', refreshToken: 'x' }, tlsFetch).catch(
      (e: unknown) => e,
    );
    expect((off as ConnectorError).code).toBe('unavailable');
  });

  it('refuses to start without a client id', () => {
    const noClient = loadConfig({}).microsoft;
    expect(() => consentUrl(noClient, { kind: 'outlook', redirectUri: 'x', state: 's' })).toThrow(
      ConnectorError,
    );
  });
});

async function waitFor<T>(f: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
