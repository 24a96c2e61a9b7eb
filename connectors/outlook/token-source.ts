/**
 * Access tokens for one Microsoft connection: refreshed when missing or about to expire, refreshed once
 * more after a 401, concurrent callers share one refresh. Microsoft rotates the refresh token on every
 * refresh; the new one goes to `onRotated` (the caller stores it encrypted) BEFORE the access token is
 * used, so a crash cannot leave us holding only a spent refresh token.
 */
import type { Config } from '../../src/config.ts';
import { ConnectorError } from '../types.ts';
import { refreshTokens, type MsKind } from './oauth.ts';

/** Refresh this long before expiry (clock skew, long pages). */
const EARLY_MS = 5 * 60_000;

export class MsTokenSource {
  private access: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly ms: Readonly<Config['microsoft']>,
    private readonly kind: MsKind,
    private refreshToken: string | null,
    private readonly onRotated?: (rt: string) => Promise<void>,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

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
      { kind: this.kind, refreshToken: this.refreshToken },
      this.fetchImpl,
    );
    if (t.refreshToken && t.refreshToken !== this.refreshToken) {
      this.refreshToken = t.refreshToken;
      await this.onRotated?.(t.refreshToken);
    }
    this.access = { token: t.accessToken, expiresAt: t.expiresAt };
    return t.accessToken;
  }
}
