/**
 * The web app as a member uses it, for tests: mails captured in memory, form posts with the same-origin header
 * the app requires, and a sign-in through the mailed link (asked for, then exchanged for a session cookie).
 */
import type { Database } from '../../src/db/database.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import type { OutgoingNotice } from '../../src/notices/transport.ts';

export const MEMBERS_PUBLIC_URL = 'http://members.test';

/** What the tests ask of the web app: Hono's `request`. */
interface Requester {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * Form posts with the same-origin header the app requires, and cookie-carrying GETs, against `app` (or a
 * getter for an app a `beforeEach` builds) served at `publicUrl`.
 */
export function sameOriginForms(app: Requester | (() => Requester), publicUrl: string) {
  const target = () => (typeof app === 'function' ? app() : app);
  const post = (path: string, body: Record<string, string>, cookie?: string) =>
    target().request(`${publicUrl}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: publicUrl,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: new URLSearchParams(body).toString(),
    });
  const get = (path: string, cookie: string) =>
    target().request(`${publicUrl}${path}`, { headers: { Cookie: cookie } });
  return { post, get };
}

export function memberWeb(database: Database, key: string) {
  const PUBLIC = MEMBERS_PUBLIC_URL;
  const sent: OutgoingNotice[] = [];
  const mails = createMailQueue(silentLogger);
  const app = createApp({
    database,
    config: loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: key }),
    transport: {
      name: 'memory',
      async send(n) {
        sent.push(n);
        return { providerMessageId: 'x' };
      },
    },
    mailQueue: mails,
  });
  const { post, get } = sameOriginForms(app, PUBLIC);
  /** Asks for a sign-in link for `email`, opens it, and returns the session cookie (`name=value`). */
  const signIn = async (email: string) => {
    await post('/member/link', { email });
    await mails.idle();
    const token = decodeURIComponent(/\/member\/home\?t=(\S+)/.exec(sent.at(-1)!.body)![1]!);
    return (await post('/member/open', { t: token })).headers.get('set-cookie')!.split(';')[0]!;
  };
  return { PUBLIC, app, sent, mails, post, get, signIn };
}
