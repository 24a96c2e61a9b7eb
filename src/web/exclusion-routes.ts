/**
 * The member's exclusions on the web: `GET /member/exclusions` lists them with a form for each kind,
 * `POST /member/exclusions` adds one (also from the preview's "exclude this person / this domain" buttons),
 * `POST /member/exclusions/remove` shares again. Rules and checks live in src/connections/exclusions.ts; this
 * file only reads the form and the member session (the same cookie as src/web/member.ts).
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../errors.ts';
import type { Database } from '../db/database.ts';
import { listConnections } from '../connections/repository.ts';
import {
  addExclusion,
  folderRuleLimit,
  listExclusions,
  removeExclusion,
  type ExclusionKind,
} from '../connections/exclusions.ts';
import { publicErrorOf } from './error-status.ts';
import { linkExpiredPage } from './views/member-account.tsx';
import { signedInMember } from './member-env.ts';
import type { WebShared } from './shared.ts';
import { exclusionsPage } from './views/exclusions.tsx';

const KINDS: ReadonlySet<string> = new Set(['address', 'domain', 'folder']);

export function exclusionRoutes(o: {
  database: Pick<Database, 'db'>;
  now?: () => Date;
  shared: WebShared;
}): Hono {
  const { db } = o.database;
  const now = o.now ?? (() => new Date());
  const app = new Hono();
  const member = signedInMember(db, o.shared, now);
  const expired = (c: Context) => c.html(linkExpiredPage(), 403);
  const show = async (
    c: Context,
    email: string,
    flash: string | null,
    error: string | null,
    status: ContentfulStatusCode = 200,
  ) => {
    const rules = await listExclusions(db, email).catch(() => []);
    const connections = (await listConnections(db, { contributorEmail: email })).filter(
      (x) => x.status !== 'opted-out',
    );
    return c.html(exclusionsPage({ rules, connections, flash, error }), status);
  };

  app.get('/exclusions', async (c) => {
    const email = await member(c);
    return email ? show(c, email, null, null) : expired(c);
  });

  app.post('/exclusions', async (c) => {
    const email = await member(c);
    if (!email) return expired(c);
    const form = await c.req.parseBody();
    const kind = String(form.kind ?? '');
    try {
      if (!KINDS.has(kind)) throw new AppError('bad-input', 'choose a person, a domain or a folder');
      const e = await addExclusion(db, email, {
        kind: kind as ExclusionKind,
        value: String(form.value ?? ''),
        connectionId: String(form.connection ?? ''),
      });
      const on = e.connectionId
        ? (await listConnections(db, { contributorEmail: email })).find((x) => x.id === e.connectionId)
        : undefined;
      const limit = on ? folderRuleLimit(on.kind) : null;
      const done = `Excluded ${e.value}: from the next harvest, nothing about it is shared.`;
      return show(c, email, limit ? `${done} ${limit}` : done, null);
    } catch (err) {
      const e = publicErrorOf(err);
      return show(c, email, null, e.message, e.status);
    }
  });

  app.post('/exclusions/remove', async (c) => {
    const email = await member(c);
    if (!email) return expired(c);
    const form = await c.req.parseBody();
    try {
      const e = await removeExclusion(db, email, { id: String(form.id ?? '') });
      return show(c, email, `${e.value} is shared again from the next harvest.`, null);
    } catch (err) {
      const e = publicErrorOf(err);
      return show(c, email, null, e.message, e.status);
    }
  });

  return app;
}
