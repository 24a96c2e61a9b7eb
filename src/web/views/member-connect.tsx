/**
 * The pages of the member area's web OAuth flow (src/web/member-oauth.ts): a provider not configured here,
 * and a callback refused with why and that nothing was stored. hono/jsx components: every value is escaped
 * by construction.
 */
import { page } from './layout.tsx';

/** `POST /member/connect/{provider}` without the provider's client id: nothing was started. */
export const notAvailablePage = (providerName: string) =>
  page(
    'Not available',
    <>
      <h1>{providerName} sources are not available here</h1>
      <p>
        This sigmine has no {providerName} sign-in configured, so nothing was started.{' '}
        <a href="/member/home">Back to your account</a>.
      </p>
    </>,
  );

/** A refused OAuth callback: what happened, that nothing was stored, and the way back. */
export const connectRefusedPage = (title: string, why: string, signedIn: boolean) =>
  page(
    title,
    <>
      <h1>{title}</h1>
      <p class="danger">{why} Nothing was connected.</p>
      <p>
        <a href={signedIn ? '/member/home' : '/member'}>Back to your account</a> to start again.
      </p>
    </>,
  );
