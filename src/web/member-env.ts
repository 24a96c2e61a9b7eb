/**
 * What every member-area route shares, built once per app from its options: the database, the clock, the
 * session check, the sealing key, and the consent parts of the connector registry.
 */
import type { Context } from 'hono';
import { errorResponse, httpStatusOf } from './error-status.ts';
import { linkExpiredPage } from './views/member-account.tsx';
import { AppError } from '../errors.ts';
import { providerEndpoints } from '../config.ts';
import type { ProviderEndpoints } from '../../connectors/endpoints.ts';
import {
  CONSENT_PROVIDERS,
  connectorConsent,
  connectorFactory,
  type ConsentProvider,
} from '../../connectors/registry.ts';
import { secretKeyFrom, type SealKey } from '../secrets/index.ts';
import { openSession } from './sessions.ts';
import type { WebShared } from './shared.ts';
import type { MemberAppOptions } from './member.ts';

/** Providers by route id (`/member/connect/{id}`, `/oauth/{id}/callback`), from the connector registry. */
export const PROVIDERS = new Map(CONSENT_PROVIDERS.map((p) => [p.id, p]));
/** The route parameter's pattern: exactly the registry's provider ids. */
export const PROVIDER_IDS = CONSENT_PROVIDERS.map((p) => p.id).join('|');

export interface MemberEnv extends WebShared {
  o: MemberAppOptions & { shared: WebShared };
  db: MemberAppOptions['database']['db'];
  now: () => Date;
  secretKey: MemberAppOptions['config']['secretKey'];
  /** The public URL is https: cookies are Secure and the OAuth nonce cookie is `__Host-`. */
  secure: boolean;
  endpoints: ProviderEndpoints;
  /** The signed-in member's address, from the session cookie; otherwise the "link expired" page. */
  member: (c: Context) => Promise<string>;
  /** The key that seals stored secrets (throws when none is configured). */
  key: () => SealKey;
  redirectUri: (p: ConsentProvider) => string;
  consentOf: (kind: string) => ReturnType<typeof connectorConsent>;
  /** A provider can be offered when its consent has what it needs (an OAuth client id). */
  configured: (p: ConsentProvider) => Promise<boolean>;
}

/** The signed-in member's address from the session cookie, or null: the one session check of the member area. */
export function signedInMember(
  db: MemberAppOptions['database']['db'],
  { keys, cookies }: Pick<WebShared, 'keys' | 'cookies'>,
  now: () => Date,
): (c: Context) => Promise<string | null> {
  return async (c) =>
    (await openSession(db, keys, 'member', cookies.read(c, 'member'), { now: now() }))?.email ?? null;
}

export function memberEnv(o: MemberAppOptions & { shared: WebShared }): MemberEnv {
  const { db } = o.database;
  const now = o.now ?? (() => new Date());
  const endpoints = providerEndpoints(o.config);
  const consentOf = (kind: string) => connectorConsent(kind, o.factoryFor ?? connectorFactory);
  const signedIn = signedInMember(db, o.shared, now);
  return {
    ...o.shared,
    o,
    db,
    now,
    secretKey: o.config.secretKey,
    secure: o.config.publicUrl.startsWith('https:'),
    endpoints,
    member: async (c) => {
      const email = await signedIn(c);
      if (!email) throw new AppError('expired', 'this link or session has expired');
      return email;
    },
    key: () => secretKeyFrom(o.config, { demo: o.demo, warn: () => {} }),
    redirectUri: (p) => `${o.config.publicUrl}/oauth/${p.id}/callback`,
    consentOf,
    configured: async (p) => (await consentOf(p.kinds[0]!)).missing(endpoints) === null,
  };
}

/**
 * How the member area's sub-apps answer an error: an expired session or link gets the "ask for a new one"
 * page; anything else the site's error page for its code (src/web/error-status.ts).
 */
export function memberErrorResponse(err: unknown, c: Context): Response {
  if (err instanceof AppError && err.code === 'expired')
    return c.html(linkExpiredPage(), httpStatusOf('expired'));
  return errorResponse(c, err);
}
