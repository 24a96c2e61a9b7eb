/**
 * The member area's pages (src/web/member.ts): sign-in, a connection's preview, and opting out (its confirmation with the member's numbers, and what it did).
 * hono/jsx components: every value is escaped by construction (accounts and previewed contacts come from
 * mailboxes). The account page is src/web/views/member-home.tsx.
 */
import type { FC } from 'hono/jsx';
import { getDomain } from 'tldts';
import { ExcludeButtons } from './exclusions.tsx';
import type { PreviewContact } from '../../harvest/types.ts';
import { page } from './layout.tsx';
import { OpenLink } from './open-link.tsx';

const SignInForm: FC = () => (
  <>
    <h1>Members</h1>
    <p>Connect a mailbox, calendar or address book, see what it would share, earn credits.</p>
    <form method="post" action="/member/link">
      <label>
        Your e-mail <input type="email" name="email" required />
      </label>{' '}
      <button type="submit">Send me a sign-in link</button>
    </form>
  </>
);

/**
 * A member page asked for without a live session: never signed in on this browser, a session that ended, or a
 * sign-in link that expired or was used. One page says all three and offers the sign-in form at once.
 */
export const linkExpiredPage = () =>
  page(
    'Sign in',
    <>
      <p class="note">
        This page needs you signed in: your session has ended, or the sign-in link you followed has expired or
        was already used.
      </p>
      <SignInForm />
    </>,
  );

/** `GET /member`, and the same form again under "that is not an e-mail address". */
export const signInPage = (notAnEmail = false) =>
  page(
    'Members',
    <>
      {notAnEmail ? <p class="danger">That is not an e-mail address.</p> : null}
      <SignInForm />
    </>,
  );

export const signInMailedPage = (email: string) =>
  page(
    'Check your mail',
    <>
      <h1>Check your mail</h1>
      <p>
        A sign-in link is on its way to <b>{email}</b>.
      </p>
    </>,
  );

/** The page a mailed sign-in link opens: one button that exchanges it. */
export const openSignInPage = (token: string) =>
  page(
    'Sign in',
    <OpenLink
      action="/member/open"
      token={token}
      title="Sign in to sigmine"
      text="Continue to your account."
    />,
  );

/** A sign-in link that cannot be exchanged: used before, or expired. */
export const signInRefusedPage = (used: boolean) =>
  page(
    'Link expired',
    <>
      <h1>This link cannot be used</h1>
      <p>
        {used ? 'This sign-in link was already used: a link works once.' : 'Sign-in links work for one hour.'}{' '}
        <a href="/member">Ask for a new one</a>.
      </p>
    </>,
  );

/** `POST /member/preview`: what a connection would share, from a dry run. */
/** How far a preview job got: messages read of its cap, contacts so far. */
export interface PreviewProgress {
  scanned: number;
  limit: number;
  contacts: number;
}

/** A running preview: the page reloads itself every two seconds until the result is in. */
export const previewProgressPage = (s: PreviewProgress) =>
  page(
    'Preview',
    <>
      <meta http-equiv="refresh" content="2" />
      <h1>Reading your newest messages</h1>
      <p data-testid="preview-progress">
        {s.scanned} of at most {s.limit} messages read, {s.contacts} business contact(s) so far. Headers
        first: free-mail, bulk and role senders are left out without downloading their text.
      </p>
      <p>This page refreshes by itself.</p>
    </>,
  );

export const previewPage = (
  contacts: readonly PreviewContact[],
  failure: string | null,
  s: PreviewProgress,
) =>
  page(
    'Preview',
    <>
      <h1>What this connection would share</h1>
      <p>
        Nothing was stored. {contacts.length} business contact(s) in the newest {s.scanned} message(s) read
        (at most {s.limit}). Free-mail, bulk and role senders are left out from their headers alone, without
        downloading their text; the text of the other messages was read for the signature block and not kept.
      </p>
      {failure !== null ? <p class="danger">{failure}</p> : null}
      <table data-testid="preview">
        <tr>
          <th>name</th>
          <th>email</th>
          <th>title</th>
          <th>company</th>
          <th>phones</th>
          <th>keep out of sharing</th>
        </tr>
        {contacts.map((p) => (
          <tr>
            <td>{p.name}</td>
            <td>{p.email}</td>
            <td>{p.title}</td>
            <td>{p.company}</td>
            <td>{p.phones.join(', ')}</td>
            <td>
              <ExcludeButtons email={p.email} domain={getDomain(p.email.split('@')[1] ?? '')} />
            </td>
          </tr>
        ))}
      </table>
      <p>
        Excluded people, domains and folders are never shared, from the next harvest on:{' '}
        <a href="/member/exclusions">what you keep out of sharing</a>.
      </p>
      <p>
        <a href="/member/home">Back to your account</a>
      </p>
    </>,
  );

/** A connection as the account page lists it. */
export interface ConnectionLine {
  id: string;
  kind: string;
  account: string;
  status: string;
  lastHarvestAt?: string | null;
}

/** `POST /member/optout`: what opting out did to each connection's access. */
export const optedOutPage = (lines: ReadonlyArray<{ kind: string; account: string; text: string }>) =>
  page(
    'Opted out',
    <>
      <h1>You have opted out</h1>
      <p>
        Collection stopped on {lines.length} connection(s) and free access ended. What happened to each
        connection's access:
      </p>
      <ul>
        {lines.map((x) => (
          <li data-testid="revocation">
            {x.kind} {x.account}: {x.text}
          </li>
        ))}
      </ul>
    </>,
  );

/** `GET /member/optout`: what opting out will do, with this member's numbers, and the one button that does it. */
export const optOutConfirmPage = (conns: readonly ConnectionLine[], balance: number) => {
  const live = conns.filter((c) => c.status !== 'opted-out');
  return page(
    'Opt out?',
    <>
      <h1>Opt out of sigmine?</h1>
      <p>When you confirm:</p>
      <ul>
        <li>
          collection stops at once on {live.length} connection(s)
          {live.length > 0 ? (
            <>
              :
              <ul>
                {live.map((c) => (
                  <li>
                    {c.kind} {c.account}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
        <li>
          sigmine's access is revoked: Google tokens are revoked at Google; Microsoft has no revoke endpoint,
          so its tokens are deleted here (you can also remove sigmine at https://myapps.microsoft.com);
          passwords and local mailbox settings are deleted;
        </li>
        <li data-testid="forfeit">
          you lose all <b>{balance}</b> credit(s): the balance is forfeited and does not come back;
        </li>
        <li>free access ends and this account cannot connect sources again.</li>
      </ul>
      <p>
        Contacts already in the directory stay there (they are other people's business details, not yours).
      </p>
      <form method="post" action="/member/optout">
        <button type="submit" class="danger">
          Yes, opt out and forfeit {balance} credit(s)
        </button>
      </form>
      <p>
        <a href="/member/home">No, go back</a>
      </p>
    </>,
  );
};
