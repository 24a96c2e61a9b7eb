/**
 * The member directory's pages (src/web/directory-routes.ts): the search with its results and a Reveal
 * button per hit, a revealed contact, and a reveal that was refused. hono/jsx components: every value is
 * escaped by construction (names, titles and companies come from other people's mail).
 */
import type { FC } from 'hono/jsx';
import type { DirectoryHit, Revealed } from '../../store/member-directory.ts';
import { page } from './layout.tsx';

/** A search's outcome: no search yet, the hits, or why it could not run. */
export type SearchOutcome = null | { hits: DirectoryHit[] } | { error: string };

const Results: FC<{ r: SearchOutcome }> = ({ r }) => {
  if (r === null) return null;
  if ('error' in r) return <p class="danger">{r.error}</p>;
  if (r.hits.length === 0) return <p>No listed contact matches.</p>;
  return (
    <table data-testid="hits">
      <tr>
        <th>name</th>
        <th>title</th>
        <th>company</th>
        <th>on file</th>
        <th></th>
      </tr>
      {r.hits.map((h) => (
        <tr>
          <td>{h.name}</td>
          <td>{h.title}</td>
          <td>{h.company}</td>
          <td>{h.onFile.join(', ')}</td>
          <td>
            <form class="inline" method="post" action="/member/directory/reveal">
              <input type="hidden" name="id" value={h.id} />
              <button type="submit">{h.revealed ? 'Show (revealed: free)' : 'Reveal'}</button>
            </form>
          </td>
        </tr>
      ))}
    </table>
  );
};

/** `GET /member/directory`: the search form, the results, and what revealing costs. */
export const directoryPage = (o: { q: string; cost: number; balance: number; results: SearchOutcome }) =>
  page(
    'Directory',
    <>
      <h1>Directory</h1>
      <p>
        Searching is free. Revealing a contact's e-mail and phones costs {o.cost} credits, once: revealing
        them again is free. Your balance: <b data-testid="balance">{o.balance}</b>.
      </p>
      <form method="get" action="/member/directory">
        <input name="q" value={o.q} placeholder="name, title, company or domain" />{' '}
        <button type="submit">Search</button>
      </form>
      <Results r={o.results} />
      <p>
        <a href="/member/home">Back to your account</a>
      </p>
    </>,
  );

/** `POST /member/directory/reveal`: the contact's e-mail and phones, and what it cost. */
export const revealedPage = (r: Revealed) =>
  page(
    'Revealed',
    <>
      <h1>{r.name}</h1>
      <p>
        {r.title} · {r.company}
      </p>
      <p>
        E-mail: <b data-testid="revealed-email">{r.email}</b>
      </p>
      {r.phones.length > 0 ? (
        <ul>
          {r.phones.map((p) => (
            <li>
              {p.e164 ?? p.raw} ({p.type})
            </li>
          ))}
        </ul>
      ) : null}
      <p class="flash">
        {r.spent ? `${r.spent} credits spent` : 'Revealed before: nothing spent'}; balance{' '}
        <b data-testid="balance">{r.balance}</b>.
      </p>
      <p>
        <a href="/member/directory">Back to the directory</a>
      </p>
    </>,
  );

/** A reveal that was refused (not enough credits, no such listed contact): nothing was spent. */
export const notRevealedPage = (message: string) =>
  page(
    'Not revealed',
    <>
      <h1>Not revealed</h1>
      <p class="danger">{message}</p>
      <p>Nothing was spent.</p>
      <p>
        <a href="/member/directory">Back to the directory</a>
      </p>
    </>,
  );
