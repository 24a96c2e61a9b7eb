/**
 * The member directory on the web (what credits buy): `/member/directory?q=` searches listed contacts for
 * free, and a Reveal button posts `/member/directory/reveal`, which spends the policy's `reveal` credits once
 * per contact (src/store/member-directory.ts). Split from src/web/member.ts (sign-in, connections, opt-out);
 * it uses the same member session cookie.
 */
import { publicErrorOf } from './error-status.ts';
import { Hono, type Context } from 'hono';
import type { Database } from '../db/database.ts';
import { DEFAULT_CREDIT_POLICY } from '../credits/policy.ts';
import { directoryMember, getContributorByEmail } from '../connections/repository.ts';
import { balanceOf } from '../store/ledger.ts';
import { revealContact, searchDirectory } from '../store/member-directory.ts';
import { directoryPage, notRevealedPage, revealedPage, type SearchOutcome } from './views/directory.tsx';
import { linkExpiredPage } from './views/member-account.tsx';
import { signedInMember } from './member-env.ts';
import type { WebShared } from './shared.ts';

export function directoryRoutes(o: {
  database: Pick<Database, 'db'>;
  now?: () => Date;
  shared: WebShared;
}): Hono {
  const { db } = o.database;
  const now = o.now ?? (() => new Date());
  const app = new Hono();
  const cost = DEFAULT_CREDIT_POLICY.reveal;
  const member = signedInMember(db, o.shared, now);
  const expired = (c: Context) => c.html(linkExpiredPage(), 403);
  const balance = async (email: string) => {
    const m = await getContributorByEmail(db, email);
    return m ? balanceOf(db, m.id) : 0;
  };

  // Mounted at /member/directory by src/web/app.ts.
  app.get('/', async (c) => {
    const email = await member(c);
    if (!email) return expired(c);
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const results = q.trim() ? await search(db, email, q) : null;
    return c.html(directoryPage({ q, cost, balance: await balance(email), results }));
  });

  app.post('/reveal', async (c) => {
    const email = await member(c);
    if (!email) return expired(c);
    const form = await c.req.parseBody();
    try {
      const member = await directoryMember(db, email);
      return c.html(revealedPage(await revealContact(db, member, String(form.id ?? ''), now())));
    } catch (err) {
      const e = publicErrorOf(err);
      return c.html(notRevealedPage(e.message), e.status);
    }
  });

  return app;
}

/** The search's hits, or why it could not run (a query too short...), shown in place of the results. */
async function search(db: Database['db'], email: string, q: string): Promise<SearchOutcome> {
  try {
    return { hits: await searchDirectory(db, await directoryMember(db, email), q) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
