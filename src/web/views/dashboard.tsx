/**
 * Parts of the member dashboard (`/member/home`): what the member contributed (messages read, contacts found,
 * listed, pending with the date each can be listed), the Disconnect button of one source, and the page that
 * says what disconnecting does before it happens. hono/jsx components: every value is escaped by construction.
 */
import type { FC } from 'hono/jsx';
import { page } from './layout.tsx';
import type { MemberContribution } from '../../privacy/member-contribution.ts';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

export const Contribution: FC<{ c: MemberContribution; windowDays: number }> = ({ c, windowDays }) => (
  <>
    <h2>What you contribute</h2>
    <ul>
      <li>
        <b data-testid="messages-read">{c.messagesRead}</b> messages and entries read (from each message only
        its headers and, for business senders, the signature block; bodies are never kept)
      </li>
      <li>
        <b data-testid="contacts-found">{c.contactsFound}</b> business contacts found
      </li>
      <li>
        <b data-testid="listed">{c.listed}</b> listed in the directory
      </li>
      <li>
        <b data-testid="pending-count">{c.pendingCount}</b> pending: each is told about the listing first and
        can object; it is listed, and you are credited, when {windowDays} days have passed after the notice
      </li>
    </ul>
    {c.pending.length ? (
      <table data-testid="pending">
        <tr>
          <th>pending contact</th>
          <th>company</th>
          <th>listed on</th>
        </tr>
        {c.pending.map((p) => (
          <tr>
            <td>{p.name ?? p.email}</td>
            <td>{p.company ?? ''}</td>
            <td data-testid="lists-on">{day(p.listsOn) ?? `${windowDays} days after its notice is sent`}</td>
          </tr>
        ))}
      </table>
    ) : null}
  </>
);

/** The link to the page that confirms disconnecting one source. */
export const DisconnectLink: FC<{ id: string }> = ({ id }) => (
  <a class="button" href={`/member/disconnect?connection=${encodeURIComponent(id)}`} data-testid="disconnect">
    Disconnect
  </a>
);

export const DisconnectConfirm: FC<{ id: string; kind: string; account: string }> = ({
  id,
  kind,
  account,
}) => (
  <>
    <h1>
      Disconnect {kind} {account}?
    </h1>
    <p>When you confirm:</p>
    <ul>
      <li>nothing more is read from this source;</li>
      <li>
        sigmine's access to it ends: a Google token is revoked at Google; other tokens, passwords and mailbox
        settings are deleted here;
      </li>
      <li>
        your credits and your other sources stay as they are; the contacts it supplied stay in the directory.
      </li>
    </ul>
    <p>You can connect it again later.</p>
    <form method="post" action="/member/disconnect">
      <input type="hidden" name="connection" value={id} />
      <button type="submit" class="danger">
        Yes, disconnect this source
      </button>
    </form>
    <p>
      <a href="/member/home">No, go back</a>
    </p>
  </>
);

/** The page that says what disconnecting one source does, before it happens. */
export const disconnectConfirmPage = (p: { id: string; kind: string; account: string }) =>
  page('Disconnect?', <DisconnectConfirm {...p} />);
