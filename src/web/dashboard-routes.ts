/**
 * Disconnecting one source from the member dashboard: `GET /member/disconnect?connection=ID` says what will
 * happen, `POST /member/disconnect` does it (src/connections/disconnect.ts) and returns to the dashboard.
 * The same member session as src/web/member.ts.
 */
import { Hono, type Context } from 'hono';
import { AppError } from '../errors.ts';
import { listConnections } from '../connections/repository.ts';
import { disconnectConnection } from '../connections/disconnect.ts';
import type { SealKey } from '../secrets/index.ts';
import { memberEnv, memberErrorResponse, type MemberEnv } from './member-env.ts';
import type { MemberAppOptions } from './member.ts';
import type { WebShared } from './shared.ts';
import { disconnectConfirmPage } from './views/dashboard.tsx';

export function dashboardRoutes(o: MemberAppOptions & { shared: WebShared }): Hono {
  const env = memberEnv(o);
  const app = new Hono();
  app.onError(memberErrorResponse);
  // Mounted at /member by src/web/app.ts.
  app.get('/disconnect', (c) => confirmDisconnect(env, c));
  app.post('/disconnect', (c) => disconnect(env, c));
  return app;
}

/** One of the member's live connections, or `not-found`. */
async function ownConnection(env: MemberEnv, email: string, id: string) {
  const conn = (await listConnections(env.db, { contributorEmail: email })).find((x) => x.id === id);
  if (!conn || conn.status === 'opted-out' || conn.status === 'disabled')
    throw new AppError('not-found', 'no such connected source on your account');
  return conn;
}

async function confirmDisconnect(env: MemberEnv, c: Context): Promise<Response> {
  const email = await env.member(c);
  const conn = await ownConnection(env, email, c.req.query('connection') ?? '');
  return c.html(disconnectConfirmPage(conn));
}

async function disconnect(env: MemberEnv, c: Context): Promise<Response> {
  const email = await env.member(c);
  const form = await c.req.parseBody();
  const conn = await ownConnection(env, email, String(form.connection ?? ''));
  let key: SealKey | null = null;
  try {
    key = env.key();
  } catch {
    key = null; // the revoke is recorded as pending; the stored secret is deleted anyway
  }
  await disconnectConnection(env.db, email, conn.id, {
    config: env.o.config,
    key,
    factoryFor: env.o.factoryFor,
    now: env.now,
  });
  return c.redirect('/member/home?done=disconnected', 303);
}
