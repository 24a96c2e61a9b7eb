/**
 * Access tokens for one Microsoft connection: refreshed when missing or about to expire, refreshed once
 * more after a 401, concurrent callers share one refresh. Microsoft rotates the refresh token on every
 * refresh; the new one goes to `onRotated` with the token it replaced (the caller stores it encrypted,
 * compare-and-set against the replaced one) BEFORE the access token is
 * used, so a crash cannot leave us holding only a spent refresh token.
 *
 * Refreshes ask for an Outlook source's scopes (`kind`) or an explicit list (Exchange IMAP's scope,
 * connectors/imap/oauth.ts).
 */
import type { MicrosoftEndpoints } from '../endpoints.ts';
import { ConnectorError } from '../types.ts';
import { refreshTokens, type MsKind, type MsScopeChoice } from './oauth.ts';

/** Refresh this long before expiry (clock skew, long pages). */
const EARLY_MS = 5 * 60_000;

export class MsTokenSource {
  private access: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;
  private readonly scopes: MsScopeChoice;

  constructor(
    private readonly ms: Readonly<MicrosoftEndpoints>,
    what: MsKind | MsScopeChoice,
    private refreshToken: string | null,
    private readonly onRotated?: (rt: string, replaced: string) => Promise<void>,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.scopes = typeof what === 'string' ? { kind: what } : what;
  }

  async getAccessToken(): Promise<string> {
    if (this.access && this.access.expiresAt - EARLY_MS > Date.now()) return this.access.token;
    this.pending ??= this.refresh().finally(() => (this.pending = null));
    return this.pending;
  }

  invalidate(): void {
    this.access = null;
  }

  private async refresh(): Promise<string> {
    if (!this.refreshToken)
      throw new ConnectorError('revoked', 'no refresh token stored for this connection');
    const t = await refreshTokens(
      this.ms,
      { ...this.scopes, refreshToken: this.refreshToken },
      this.fetchImpl,
    );
    if (t.refreshToken && t.refreshToken !== this.refreshToken) {
      const replaced = this.refreshToken;
      this.refreshToken = t.refreshToken;
      await this.onRotated?.(t.refreshToken, replaced);
    }
    this.access = { token: t.accessToken, expiresAt: t.expiresAt };
    return t.accessToken;
  }
}
