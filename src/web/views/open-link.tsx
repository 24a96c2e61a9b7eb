/**
 * The page a mailed link opens: one button that exchanges the token for a session (POST `action`). Opening
 * the link changes nothing, so a mail scanner that fetches every link in a mail does not use it up.
 * A hono/jsx component: every value is escaped by construction.
 */
import type { FC } from 'hono/jsx';

export interface OpenLinkWords {
  button: string;
  note: string;
}

const ENGLISH: OpenLinkWords = {
  button: 'Continue',
  note: 'The link works once and for one hour; after that, ask for a new one.',
};

export const OpenLink: FC<{
  action: string;
  token: string;
  title: string;
  text: string;
  words?: OpenLinkWords;
}> = ({ action, token, title, text, words = ENGLISH }) => (
  <>
    <h1>{title}</h1>
    <p>{text}</p>
    <form method="post" action={action}>
      <input type="hidden" name="t" value={token} />
      <button type="submit">{words.button}</button>
    </form>
    <p class="note">{words.note}</p>
  </>
);

/** The component alone as an HTML string, without the page around it. */
export function openLinkView(
  action: string,
  token: string,
  title: string,
  text: string,
  words?: OpenLinkWords,
): string {
  return String(<OpenLink action={action} token={token} title={title} text={text} words={words} />);
}
