/**
 * Who a fresh Microsoft grant belongs to: `GET /me?$select=mail,userPrincipalName` on Graph with the access
 * token issued with the grant, through the Graph SDK the Outlook sources use (base URL =
 * SIGMINE_GRAPH_API_URL). `/me` needs `User.Read`, so connect flows ask for it next to the source's own
 * scope (https://learn.microsoft.com/graph/api/user-get). `mail` is null for accounts without an Exchange
 * mailbox address; then the sign-in name `userPrincipalName` is the address.
 */
import {
  AuthenticationHandler,
  Client,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { MicrosoftEndpoints } from '../endpoints.ts';
import { ConnectorError } from '../types.ts';
import { classifyGraphError } from './errors.ts';
import { MS_SCOPES, type MsKind } from './oauth.ts';

export const USER_READ = 'User.Read';

/** One Graph call, so a tight deadline: a hung server must not hold the consent flow open. */
const TIMEOUT_MS = 30_000;

/** What a connect flow asks for: the source's scopes plus User.Read, to name the account afterwards. */
export function connectScopes(kind: MsKind): string[] {
  return [...MS_SCOPES[kind], USER_READ];
}

/** The SDK's last middleware, on an injectable fetch (tests trust their CA through it). */
class FetchWith implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}
  async execute(context: Context): Promise<void> {
    const signal = AbortSignal.timeout(TIMEOUT_MS);
    context.response = await this.fetchImpl(context.request, { ...context.options, signal });
  }
}

/** The address of the account behind `accessToken`, lower-cased; Graph failures become ConnectorErrors. */
export async function microsoftAccount(
  ms: Pick<MicrosoftEndpoints, 'graphUrl'>,
  accessToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const base = new URL(ms.graphUrl);
  // The SDK sends the bearer only to https Graph hosts or custom hosts (see graph-client.ts).
  if (base.protocol !== 'https:') throw new ConnectorError('config', 'SIGMINE_GRAPH_API_URL must be https');
  const auth = new AuthenticationHandler({ getAccessToken: async () => accessToken });
  auth.setNext(new FetchWith(fetchImpl));
  const client = Client.initWithMiddleware({
    middleware: auth,
    baseUrl: base.origin + base.pathname.replace(/\/+$/, ''),
    defaultVersion: 'v1.0',
    customHosts: new Set([base.hostname]),
  });
  let me: { mail?: string | null; userPrincipalName?: string | null };
  try {
    me = (await client.api('/me').select(['mail', 'userPrincipalName']).get()) as typeof me;
  } catch (err) {
    throw classifyGraphError(err);
  }
  const a = (me.mail || me.userPrincipalName)?.trim().toLowerCase();
  if (!a || !a.includes('@'))
    throw new ConnectorError('bad-input', 'Microsoft did not say which account was connected');
  return a;
}
