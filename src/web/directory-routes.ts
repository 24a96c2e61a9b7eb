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
import { getContributorByEmail } from '../connections/repository.ts';
import { balanceOf } from '../store/ledger.ts';
import { revealContact, searchDirectory } from '../store/member-directory.ts';
import { directoryMember } from '../connections/repository.ts';
import { esc, page } from './html.ts';
import { openSession } from './sessions.ts';
import type { WebShared } from './shared.ts';

export function directoryRoutes(o: {
  database: Pick<Database, 'db'>;
  now?: () => Date;
  shared: WebShared;
}): Hono {
  const { db } = o.database;
  const now = o.now ?? (() => new Date());
  const { keys, cookies } = o.shared;
  const app = new Hono();
  const cost = DEFAULT_CREDIT_POLICY.reveal;
  const member = async (c: Context) =>
    (await openSession(db, keys, 'member', cookies.read(c, 'member'), { now: now() }))?.email ?? null;
  const expired = (c: Context) =>
    c.html(
      page('Link expired', `<h1>This link has expired</h1><p><a href="/member">Ask for a new one</a>.</p>`),
      403,
    );
  const balance = async (email: string) => {
    const m = await getContributorByEmail(db, email);
    return m ? balanceOf(db, m.id) : 0;
  };

  app.get('/member/directory', async (c) => {
    const email = await member(c);
    if (!email) return expired(c);
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const results = q.trim() ? await searchResults(db, email, q) : '';
    return c.html(
      page(
        'Directory',
        `<h1>Directory</h1><p>Searching is free. Revealing a contact's e-mail and phones costs ${cost} credits, once:
        revealing them again is free. Your balance: <b data-testid="balance">${esc(await balance(email))}</b>.</p>
        <form method="get" action="/member/directory"><input name="q" value="${esc(q)}" placeholder="name, title, company or domain">
        <button type="submit">Search</button></form>${results}<p><a href="/member/home">Back to your account</a></p>`,
      ),
    );
  });

  app.post('/member/directory/reveal', async (c) => {
    const email = await member(c);
    if (!email) return expired(c);
    const form = await c.req.parseBody();
    try {
      const r = await revealContact(db, await directoryMember(db, email), String(form.id ?? ''), now());
      const phones = r.phones.map((p) => `<li>${esc(p.e164 ?? p.raw)} (${esc(p.type)})</li>`).join('');
      return c.html(
        page(
          'Revealed',
          `<h1>${esc(r.name)}</h1><p>${esc(r.title)} · ${esc(r.company)}</p>
          <p>E-mail: <b data-testid="revealed-email">${esc(r.email)}</b></p>${phones ? `<ul>${phones}</ul>` : ''}
          <p class="flash">${r.spent ? `${r.spent} credits spent` : 'Revealed before: nothing spent'}; balance <b data-testid="balance">${esc(r.balance)}</b>.</p>
          <p><a href="/member/directory">Back to the directory</a></p>`,
        ),
      );
    } catch (err) {
      const e = publicErrorOf(err);
      return c.html(
        page(
          'Not revealed',
          `<h1>Not revealed</h1><p class="danger">${esc(e.message)}</p><p>Nothing was spent.</p>
        <p><a href="/member/directory">Back to the directory</a></p>`,
        ),
        e.status,
      );
    }
  });

  return app;
}

/** The search's result as HTML: a table of listed hits with a reveal button each, or why there is none. */
async function searchResults(db: Database['db'], email: string, q: string): Promise<string> {
  try {
    const hits = await searchDirectory(db, await directoryMember(db, email), q);
    return hits.length
      ? `<table data-testid="hits"><tr><th>name</th><th>title</th><th>company</th><th>on file</th><th></th></tr>${hits
          .map(
            (
              h,
            ) => `<tr><td>${esc(h.name)}</td><td>${esc(h.title)}</td><td>${esc(h.company)}</td><td>${esc(h.onFile.join(', '))}</td>
                <td><form class="inline" method="post" action="/member/directory/reveal"><input type="hidden" name="id" value="${esc(h.id)}">
                <button type="submit">Reveal</button></form></td></tr>`,
          )
          .join('')}</table>`
      : '<p>No listed contact matches.</p>';
  } catch (err) {
    return `<p class="danger">${esc((err as Error).message)}</p>`;
  }
}
