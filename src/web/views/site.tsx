/**
 * The site's own pages: the home page, "not found", "request too large", and the page an error is shown on
 * (src/web/error-status.ts). hono/jsx components: every value is escaped by construction.
 */
import type { FC } from 'hono/jsx';
import { page } from './layout.tsx';

export const Home: FC = () => (
  <>
    <h1>sigmine</h1>
    <p>
      A directory of business contacts built from e-mail signatures that community members' mailboxes already
      hold. We read each message's headers first, and download its text only when the sender can still have a
      business signature (never for free-mail, bulk or automated senders); from that text we keep the
      signature's contact fields only. Message bodies and subjects are never stored.
    </p>
    <p>
      Members: <a href="/member">sign in</a> to connect a mailbox, preview what it shares and see your
      credits.
    </p>
    <p>
      Are you listed, or about to be?{' '}
      <a href="/privacy">See, correct, export, restrict or remove your profile</a>.
    </p>
  </>
);

export const NotFound: FC = () => (
  <>
    <h1>Page not found</h1>
    <p>
      There is nothing at this address. Go to <a href="/member">the member area</a> or{' '}
      <a href="/privacy">the privacy center</a>.
    </p>
  </>
);

export const TooLarge: FC = () => (
  <>
    <h1>Request too large</h1>
    <p>Forms here are small; this one was not sent.</p>
  </>
);

/** An error's public message (src/web/error-status.ts `publicErrorOf`), never a stack. */
export const ErrorView: FC<{ message: string }> = ({ message }) => (
  <>
    <h1>That did not work</h1>
    <p>{message}</p>
  </>
);

export const homePage = () => page('sigmine', <Home />);
export const notFoundPage = () => page('Not found', <NotFound />);
export const tooLargePage = () => page('Too large', <TooLarge />);
export const errorPage = (message: string) => page('Something went wrong', <ErrorView message={message} />);
