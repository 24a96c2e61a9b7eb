/**
 * The OAuth consent of the Microsoft sources (Outlook mail, calendar, contacts), as the connector factories
 * hand it to the CLI and the web member area: the source's scopes plus User.Read (identity.ts), the consent
 * page and code exchange of the identity platform (oauth.ts), and the account from Graph `/me`.
 */
import type { ConnectorConsent } from '../types.ts';
import { connectScopes, microsoftAccount } from './identity.ts';
import { consentUrl, exchangeCode, type MsKind } from './oauth.ts';

/** The consent part of one Outlook kind's factory. */
export function microsoftConsent(kind: MsKind): ConnectorConsent {
  const scopes = connectScopes(kind);
  return {
    scopes,
    missing: (e) => (e.microsoft.clientId ? null : 'SIGMINE_MS_CLIENT_ID'),
    consentUrl: (e, r) => consentUrl(e.microsoft, { kind, scopes, ...r }),
    async exchangeCode(e, r, fetchImpl) {
      const t = await exchangeCode(e.microsoft, { kind, scopes, ...r }, fetchImpl);
      return { refreshToken: t.refreshToken, accessToken: t.accessToken };
    },
    account: (e, accessToken, fetchImpl) => microsoftAccount(e.microsoft, accessToken, fetchImpl),
  };
}
