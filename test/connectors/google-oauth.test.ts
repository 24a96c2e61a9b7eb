import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loopbackAuthorize } from '../../connectors/oauth/loopback.ts';
import {
  connectGoogleCli,
  consentUrl,
  exchangeCode,
  revokeGoogleToken,
} from '../../connectors/google/oauth.ts';
import { ConnectorError } from '../../connectors/types.ts';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';

let g: GoogleServer;
beforeAll(async () => {
  g = await startGoogleServer();
  g.addUser('consenting@acme.test');
  g.setConsentUser('consenting@acme.test');
});
afterAll(() => g.close());

/** Plays the browser: follows the consent page's redirect to the loopback listener. */
async function browse(url: string): Promise<number> {
  const consent = await fetch(url, { redirect: 'manual' });
  const back = consent.headers.get('location');
  if (!back) throw new Error('no redirect from the consent page');
  return (await fetch(back)).status;
}

describe('Google OAuth', () => {
  it('asks for exactly the scopes of the connection kinds, offline, without merging older grants', () => {
    const config = loadConfig(g.env());
    const url = new URL(
      consentUrl(config, {
        kinds: ['gmail', 'google-calendar', 'google-contacts'],
        redirectUri: 'https://sigmine.example/cb',
        state: 's1',
      }),
    );
    expect(url.origin + url.pathname).toBe(g.authUrl);
    expect(url.searchParams.get('scope')!.split(' ')).toEqual([
      'https://www.googleapis.com/auth/gmail.readonly',
      'https://www.googleapis.com/auth/calendar.readonly',
      'https://www.googleapis.com/auth/contacts.readonly',
      'https://www.googleapis.com/auth/contacts.other.readonly',
    ]);
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('include_granted_scopes')).toBeNull();
    expect(url.searchParams.get('state')).toBe('s1');
  });

  it('the CLI flow prints a consent URL, receives the code on a 127.0.0.1 loopback and exchanges it with PKCE', async () => {
    const config = loadConfig(g.env());
    let printed = '';
    const grant = connectGoogleCli(config, ['gmail'], {
      timeoutMs: 10_000,
      print: (line) => {
        printed = line;
        const url = line.split('\n').find((l) => l.startsWith('http'))!;
        void browse(url);
      },
    });
    const { refreshToken, scopes } = await grant;
    expect(scopes).toEqual(['https://www.googleapis.com/auth/gmail.readonly']);
    const consent = new URL(printed.split('\n').find((l) => l.startsWith('http'))!);
    expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(consent.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const exchange = g.requests.filter((r) => r.path === '/oauth/token').at(-1)!;
    expect(exchange.form).toEqual(
      expect.arrayContaining(['code', 'code_verifier', 'redirect_uri', 'grant_type']),
    );
    expect(exchange.status).toBe(200);
    // Revoking it goes to the configured endpoint as a form POST.
    await revokeGoogleToken(config, refreshToken);
    expect(g.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/oauth/revoke',
      status: 200,
      form: ['token'],
    });
  });

  it('the loopback ignores a stray request with the wrong state and times out cleanly', async () => {
    let redirect = '';
    const started = Date.now();
    const err = await loopbackAuthorize({
      timeoutMs: 800,
      authUrl: ({ redirectUri }) => ((redirect = redirectUri), 'https://consent.example/'),
      print: () => {
        void fetch(`${redirect}?code=stolen&state=wrong`).then((r) => expect(r.status).toBe(400));
      },
    }).catch((e) => e);
    expect(err).toMatchObject({ name: 'LoopbackError', code: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
  });

  it('refuses a grant that carries gmail.metadata, which would break format=full', async () => {
    const g2 = await startGoogleServer({
      extraGrantedScopes: ['https://www.googleapis.com/auth/gmail.metadata'],
    });
    try {
      g2.addUser('meta@acme.test');
      const config = loadConfig(g2.env());
      const err = await connectGoogleCli(config, ['gmail'], {
        timeoutMs: 10_000,
        print: (line) => void browse(line.split('\n').find((l) => l.startsWith('http'))!),
      }).catch((e) => e);
      expect(err).toBeInstanceOf(ConnectorError);
      expect((err as ConnectorError).message).toContain('gmail.metadata');
    } finally {
      await g2.close();
    }
  });

  it('a used or unknown authorization code is a bad-input error', async () => {
    const config = loadConfig(g.env());
    const err = await exchangeCode(config, {
      code: '4/nope',
      redirectUri: 'http://127.0.0.1:1/callback',
      kinds: ['gmail'],
    }).catch((e) => e);
    expect((err as ConnectorError).code).toBe('bad-input');
  });

  it('revoking an already revoked token is not an error', async () => {
    await expect(revokeGoogleToken(loadConfig(g.env()), '1//already-gone')).resolves.toBeUndefined();
  });
});
