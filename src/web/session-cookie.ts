/**
 * The session cookies that link tokens are exchanged for, one per scope: HttpOnly (no script reads them),
 * Path=/, Secure and `__Host-` prefixed on https (RFC 6265bis §4.1.3.2: a sibling subdomain or a plain-http
 * page cannot plant one). The privacy center's is SameSite=Strict: every request that needs it starts on our
 * own pages. The member area's is SameSite=Lax, because the way back from a provider's consent page is a
 * cross-site redirect chain that must land on the member's account page signed in.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { LinkScope } from './links.ts';

const NAMES: Record<LinkScope, string> = { privacy: 'sigmine_privacy', member: 'sigmine_member' };
const SAME_SITE = { privacy: 'Strict', member: 'Lax' } as const;

export interface SessionCookies {
  read(c: Context, scope: LinkScope): string | undefined;
  set(c: Context, scope: LinkScope, sessionId: string, expiresAt: Date, now: Date): void;
  clear(c: Context, scope: LinkScope): void;
}

export function sessionCookies(publicUrl: string): SessionCookies {
  const secure = publicUrl.startsWith('https:');
  const prefix = secure ? ({ prefix: 'host' } as const) : {};
  return {
    read: (c, scope) => getCookie(c, NAMES[scope], secure ? 'host' : undefined),
    set(c, scope, sessionId, expiresAt, now) {
      setCookie(c, NAMES[scope], sessionId, {
        httpOnly: true,
        secure,
        sameSite: SAME_SITE[scope],
        path: '/',
        maxAge: Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
        ...prefix,
      });
    },
    clear(c, scope) {
      deleteCookie(c, NAMES[scope], { path: '/', secure, ...prefix });
    },
  };
}
