/**
 * The privacy center's short pages: the form that asks for a link, "check your mail", the page a mailed
 * link opens, expired or used links, the end of a removal, a correction not saved, and the profile and
 * removal-confirmation pages as whole pages (src/web/views/privacy-profile.tsx). Every word comes from a
 * language table (src/web/privacy-texts.ts); `lang` is that table's language. hono/jsx components: every
 * value is escaped by construction.
 */
import type { FC } from 'hono/jsx';
import type { PrivacyTexts } from '../privacy-texts.ts';
import { page } from './layout.tsx';
import { OpenLink } from './open-link.tsx';
import { ConfirmRemovalView, ProfileView } from './privacy-profile.tsx';

export const RequestForm: FC<{ w: PrivacyTexts }> = ({ w }) => (
  <>
    <h1>{w.centerTitle}</h1>
    <p>{w.requestIntro}</p>
    <form method="post" action="/privacy/link">
      <label>
        {w.emailLabel} <input type="email" name="email" required autocomplete="email" />
      </label>{' '}
      <button type="submit">{w.sendLink}</button>
    </form>
  </>
);

/** `GET /privacy`, and the same form again under "that is not an e-mail address". */
export const requestPage = (w: PrivacyTexts, lang: string, notAnEmail = false) =>
  page(
    w.centerTitle,
    <>
      {notAnEmail ? <p class="danger">{w.notAnEmail}</p> : null}
      <RequestForm w={w} />
    </>,
    lang,
  );

export const checkMailPage = (w: PrivacyTexts, lang: string, email: string) =>
  page(
    w.checkMailTitle,
    <>
      <h1>{w.checkMailTitle}</h1>
      <p>{w.checkMail(email)}</p>
    </>,
    lang,
  );

/** A link that is expired, forged or revoked (`used`: one that was exchanged before). */
export const expiredPage = (w: PrivacyTexts, lang: string, used: boolean) =>
  page(
    w.expiredTitle,
    <>
      <h1>{used ? w.usedHeading : w.expiredHeading}</h1>
      <p>
        {used ? w.usedText : w.expiredText} <a href="/privacy">{w.askAgain}</a>.
      </p>
    </>,
    lang,
  );

/** The page a mailed link opens: one button that exchanges the token. */
export const openLinkPage = (w: PrivacyTexts, lang: string, token: string) =>
  page(
    w.profileTitle,
    <OpenLink
      action="/privacy/open"
      token={token}
      title={w.openTitle}
      text={w.openText}
      words={{ button: w.continueButton, note: w.openNote }}
    />,
    lang,
  );

export const profilePage = (
  w: PrivacyTexts,
  lang: string,
  p: { email: string; data: Record<string, any>; windowDays: number; done?: string },
) => page(w.profileTitle, <ProfileView {...p} w={w} />, lang);

export const confirmRemovalPage = (w: PrivacyTexts, lang: string, action: 'erase' | 'object') =>
  page(w.confirm[action].title, <ConfirmRemovalView action={action} w={w} />, lang);

export const removedPage = (w: PrivacyTexts, lang: string) =>
  page(
    w.removedTitle,
    <>
      <h1>{w.removedTitle}</h1>
      <p>{w.removedText}</p>
    </>,
    lang,
  );

/** A correction that found no profile to pin on (erased meanwhile): nothing was saved. */
export const notSavedPage = (w: PrivacyTexts, lang: string) =>
  page(
    w.notSavedTitle,
    <>
      <h1>{w.notSavedHeading}</h1>
      <p class="danger">{w.notSavedText}</p>
      <p>
        <a href="/privacy/me">{w.back}</a>
      </p>
    </>,
    lang,
  );

/** A correction of a field that cannot be corrected (only a hand-made request sends one). */
export const unknownFieldPage = () => page('Bad request', <p>Unknown field.</p>);
