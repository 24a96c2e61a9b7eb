/**
 * What src/web/app.ts hands each route group (member area, privacy center): the session keys and cookies,
 * the rate-limited link mailer and how to tell the client's address. Made once per app, so every group
 * signs, limits and counts the same way.
 */
import type { Context } from 'hono';
import type { SessionKeys } from './sessions.ts';
import type { SessionCookies } from './session-cookie.ts';
import type { LinkMailer } from './link-mail.ts';

export interface WebShared {
  keys: SessionKeys;
  cookies: SessionCookies;
  mailer: LinkMailer;
  clientOf: (c: Context) => string | undefined;
}
