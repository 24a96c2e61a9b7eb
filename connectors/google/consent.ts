/**
 * The OAuth consent of the Google sources (Gmail, Google Calendar, Google Contacts), as the connector
 * factories hand it to the CLI and the web member area: the kind's scopes plus what names the account, the
 * consent page, the code exchange (oauth.ts) and the account lookup (identity.ts, loaded only when asked,
 * so a harvest does not load the clients it does not use).
 */
import type { ConnectorConsent } from '../types.ts';
import { consentUrl, exchangeCode, scopesFor, type GoogleKind } from './oauth.ts';

/** https://developers.google.com/identity/protocols/oauth2/scopes#oauth2 ("email"). */
export const USERINFO_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';

/** What a connect flow asks for: the kinds' scopes, plus userinfo.email where no kind's scope names the account. */
export function connectScopes(kinds: readonly GoogleKind[]): string[] {
  const named = kinds.some((k) => k === 'gmail' || k === 'google-calendar');
  return named ? scopesFor(kinds) : [...scopesFor(kinds), USERINFO_EMAIL];
}

/** The consent part of one Google kind's factory. */
export function googleConsent(kind: GoogleKind): ConnectorConsent {
  const kinds = [kind];
  const scopes = connectScopes(kinds);
  return {
    scopes,
    missing: (e) => (e.google.clientId ? null : 'SIGMINE_GOOGLE_CLIENT_ID'),
    consentUrl: (e, r) => consentUrl(e, { kinds, scopes, ...r }),
    async exchangeCode(e, r) {
      const grant = await exchangeCode(e, { ...r, kinds });
      return { refreshToken: grant.refreshToken, accessToken: grant.accessToken };
    },
    async account(e, accessToken) {
      const { googleAccount } = await import('./identity.ts');
      return googleAccount(e, kind, accessToken);
    },
  };
}
