/**
 * The member's account page (`GET /member/home`): connections with a Preview button each, the sources that
 * can be connected here, credits (summary, how they are earned and spent, the latest entries) and the way to
 * opt out. A hono/jsx component: every value is escaped by construction.
 */
import type { FC } from 'hono/jsx';
import type { ConsentProvider } from '../../../connectors/registry.ts';
import type { CreditLine } from '../credit-words.ts';
import { page } from './layout.tsx';
import type { ConnectionLine } from './member-account.tsx';
import type { MemberContribution } from '../../privacy/member-contribution.ts';
import { Contribution, DisconnectLink } from './dashboard.tsx';

export interface HomeProps {
  email: string;
  /** The contributor's status, `new` before the first connection. */
  status: string;
  conns: readonly ConnectionLine[];
  balance: number;
  /** Newest first, at most 20 shown; each with its words (`creditKindWords`). */
  entries: ReadonlyArray<{ words: string; amount: number; createdAt: string }>;
  summary: readonly CreditLine[];
  /** `howCreditsWork(policy)`. */
  how: readonly string[];
  /** `?done=`: `connected` after a connect, `disconnected` after a disconnect. */
  done?: string;
  /** What the member contributed (null before their first connection), shown before the credits. */
  contribution: MemberContribution | null;
  /** Days between a notice and the listing, to explain "pending". */
  windowDays: number;
  /** The providers whose consent is configured here. */
  offered: readonly ConsentProvider[];
}

const Connections: FC<{ conns: readonly ConnectionLine[] }> = ({ conns }) => (
  <table>
    <tr>
      <th>source</th>
      <th>account</th>
      <th>state</th>
      <th>last harvest</th>
      <th></th>
    </tr>
    {conns.map((c) => (
      <tr>
        <td>{c.kind}</td>
        <td>{c.account}</td>
        <td data-testid="conn-status">{c.status}</td>
        <td>{(c.lastHarvestAt ?? '').slice(0, 16)}</td>
        <td>
          {/* A disconnected source, or one whose access was revoked, has nothing to preview: the job would
              end at once with its state as the reason. */}
          {c.status === 'active' ? (
            <form class="inline" method="post" action="/member/preview">
              <input type="hidden" name="connection" value={c.id} />
              <button type="submit">Preview</button>
            </form>
          ) : null}{' '}
          {c.status === 'active' || c.status === 'needs-reconnect' ? <DisconnectLink id={c.id} /> : null}
        </td>
      </tr>
    ))}
  </table>
);

/** One provider's connect button, with the kinds of source it offers. */
const Connect: FC<{ p: ConsentProvider }> = ({ p }) => (
  <p>
    <form class="inline" method="post" action={`/member/connect/${p.id}`}>
      <select name="kind">
        {p.kinds.map((k) => (
          <option>{k}</option>
        ))}
      </select>{' '}
      <button type="submit">Connect {p.name}</button>
    </form>
  </p>
);

const Credits: FC<Pick<HomeProps, 'entries' | 'summary' | 'how'>> = ({ entries, summary, how }) => (
  <>
    <h2>Credits</h2>
    {summary.length > 0 ? (
      <ul>
        {summary.map((l) => (
          <li data-testid="credit-line">{l.text}</li>
        ))}
      </ul>
    ) : (
      <p>No credits yet.</p>
    )}
    <h3>How credits are earned and spent</h3>
    <ul>
      {how.map((x) => (
        <li>{x}</li>
      ))}
    </ul>
    <h3>Latest entries</h3>
    <table>
      <tr>
        <th>date</th>
        <th>entry</th>
        <th>credits</th>
      </tr>
      {entries.slice(0, 20).map((e) => (
        <tr>
          <td>{e.createdAt.slice(0, 10)}</td>
          <td>{e.words}</td>
          <td>{e.amount}</td>
        </tr>
      ))}
    </table>
  </>
);

export const homePage = (h: HomeProps) => {
  const open = h.status !== 'opted-out';
  return page(
    'Your account',
    <>
      <h1>{h.email}</h1>
      {h.done === 'connected' ? (
        <p class="flash">Connected. The next scheduled harvest picks it up.</p>
      ) : null}
      {h.done === 'disconnected' ? (
        <p class="flash">Disconnected: nothing more is read from that source.</p>
      ) : null}
      <p>
        Account: <b>{h.status}</b> · Credits: <b data-testid="balance">{h.balance}</b>
      </p>
      <h2>Connections</h2>
      <Connections conns={h.conns} />
      {open ? h.offered.map((p) => <Connect p={p} />) : null}
      <p class="note">
        An IMAP mailbox or a mailbox file (mbox, Maildir) is added by the operator of this service, not from
        this page: ask them to connect it to your account (they run <code>sigmine connect imap</code> or{' '}
        <code>sigmine connect mailbox</code> with your address as the contributor).
      </p>
      <p>
        <a href="/member/directory">Search the directory</a>: free; revealing a contact's e-mail and phones
        costs credits.
      </p>
      <p>
        <a href="/member/exclusions">What you keep out of sharing</a>: people, domains and folders that are
        never shared.
      </p>
      {h.contribution ? <Contribution c={h.contribution} windowDays={h.windowDays} /> : null}
      <Credits entries={h.entries} summary={h.summary} how={h.how} />
      {open ? (
        <>
          <h2>Opt out</h2>
          <p>
            Stops collection, revokes sigmine's access and forfeits your credits; the next page says exactly
            what happens and asks you to confirm.
          </p>
          <p>
            <a class="button danger" href="/member/optout">
              Opt out…
            </a>
          </p>
        </>
      ) : null}
    </>,
  );
};
