/**
 * The connector registry's consent parts: every kind a provider's consent connects has one, asking for
 * exactly its scopes with the configured client, and says which variable is missing when none is set.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig, providerEndpoints } from '../../src/config.ts';
import {
  CONSENT_PROVIDERS,
  CONNECTION_KINDS,
  connectorConsent,
  consentProviderOf,
} from '../../connectors/registry.ts';

const configured = providerEndpoints(
  loadConfig({
    SIGMINE_GOOGLE_CLIENT_ID: 'g-client',
    SIGMINE_GOOGLE_AUTH_URL: 'https://accounts.google.test/o/oauth2/v2/auth',
    SIGMINE_MS_CLIENT_ID: 'ms-client',
    SIGMINE_MS_LOGIN_URL: 'https://login.microsoft.test',
    SIGMINE_MS_TENANT: 'organizations',
  }),
);
const bare = providerEndpoints(loadConfig({}));
const request = {
  redirectUri: 'https://sigmine.example/oauth/cb',
  state: 'st-1',
  codeChallenge: 'ch-1',
  loginHint: 'ann@acme.example',
};

describe('connector consent', () => {
  it('offers a consent for every Google and Microsoft source and none for IMAP or mailbox files', async () => {
    const withConsent = CONSENT_PROVIDERS.flatMap((p) => p.kinds);
    expect(withConsent).toEqual([
      'gmail',
      'google-calendar',
      'google-contacts',
      'outlook',
      'outlook-calendar',
      'outlook-contacts',
    ]);
    for (const kind of withConsent) expect((await connectorConsent(kind)).scopes.length).toBeGreaterThan(0);
    for (const kind of CONNECTION_KINDS.filter((k) => !withConsent.includes(k))) {
      expect(consentProviderOf(kind)).toBeUndefined();
      await expect(connectorConsent(kind)).rejects.toMatchObject({ code: 'config' });
    }
  });

  it("opens each provider's consent page with the client, exactly the kind's scopes, state, PKCE and login hint", async () => {
    const gmail = new URL((await connectorConsent('gmail')).consentUrl(configured, request));
    expect(gmail.origin + gmail.pathname).toBe('https://accounts.google.test/o/oauth2/v2/auth');
    expect(gmail.searchParams.get('client_id')).toBe('g-client');
    expect(gmail.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/gmail.readonly');
    const contacts = new URL((await connectorConsent('google-contacts')).consentUrl(configured, request));
    expect(contacts.searchParams.get('scope')!.split(' ')).toContain(
      'https://www.googleapis.com/auth/userinfo.email',
    );

    const outlook = new URL((await connectorConsent('outlook-calendar')).consentUrl(configured, request));
    expect(outlook.origin + outlook.pathname).toBe(
      'https://login.microsoft.test/organizations/oauth2/v2.0/authorize',
    );
    expect(outlook.searchParams.get('client_id')).toBe('ms-client');
    expect(outlook.searchParams.get('scope')).toBe('offline_access Calendars.Read User.Read');
    for (const url of [gmail, outlook]) {
      expect(url.searchParams.get('state')).toBe('st-1');
      expect(url.searchParams.get('code_challenge')).toBe('ch-1');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('login_hint')).toBe('ann@acme.example');
      expect(url.searchParams.get('redirect_uri')).toBe(request.redirectUri);
    }
  });

  it('names the unset client id variable instead of starting a consent that can only fail', async () => {
    expect((await connectorConsent('google-calendar')).missing(bare)).toBe('SIGMINE_GOOGLE_CLIENT_ID');
    expect((await connectorConsent('outlook')).missing(bare)).toBe('SIGMINE_MS_CLIENT_ID');
    expect((await connectorConsent('gmail')).missing(configured)).toBeNull();
    expect((await connectorConsent('outlook-contacts')).missing(configured)).toBeNull();
  });
});
