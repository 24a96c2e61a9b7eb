/**
 * Who a fresh Google grant belongs to: the address of the mailbox, calendar or address book the person
 * consented to, which need not be the address they gave sigmine (ann@home.example signs in and connects
 * ann@acme.example's work mailbox). Asked once, right after the code exchange, with the access token issued
 * with the grant, through the googleapis clients the connectors use (rootUrl = SIGMINE_GOOGLE_API_URL), and
 * only with what each kind's own scope allows:
 *
 *   gmail            users.getProfile -> emailAddress                      (gmail.readonly)
 *   google-calendar  calendars.get('primary') -> id, the account's address  (calendar.readonly)
 *   google-contacts  people.get('people/me', emailAddresses) -> primary     (+ userinfo.email, see below)
 *
 * contacts.readonly covers the member's contacts, not their own profile's addresses, so connecting Google
 * Contacts also asks for `userinfo.email` (the "email" scope). Not an OIDC id_token: `openid email` on every
 * kind would widen the Gmail and Calendar consent for an answer their own APIs already give.
 */
import { calendar, type calendar_v3 } from '@googleapis/calendar';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { people, type people_v1 } from '@googleapis/people';
import type { ProviderEndpoints } from '../endpoints.ts';
import { ConnectorError } from '../types.ts';
import { clientOptions } from './caller.ts';
import { classifyGoogleError, toConnectorError } from './errors.ts';
import { googleOAuthClient, type GoogleKind } from './oauth.ts';

/** The scopes a connect asks for live with the consent (consent.ts); re-exported for older imports. */
export { USERINFO_EMAIL, connectScopes } from './consent.ts';

/**
 * The address of the account behind `accessToken`, lower-cased. Provider failures become ConnectorErrors
 * (Google's classification); an answer without an address is `bad-input`.
 */
export async function googleAccount(
  config: Pick<ProviderEndpoints, 'google'>,
  kind: GoogleKind,
  accessToken: string,
): Promise<string> {
  const auth = googleOAuthClient(config);
  auth.setCredentials({ access_token: accessToken });
  const options = { auth: auth as never, rootUrl: config.google.apiUrl, ...clientOptions };
  let address: string | null | undefined;
  try {
    if (kind === 'gmail') {
      const api: gmail_v1.Gmail = gmail({ version: 'v1', ...options });
      address = (await api.users.getProfile({ userId: 'me' })).data.emailAddress;
    } else if (kind === 'google-calendar') {
      const api: calendar_v3.Calendar = calendar({ version: 'v3', ...options });
      address = (await api.calendars.get({ calendarId: 'primary' })).data.id;
    } else {
      const api: people_v1.People = people({ version: 'v1', ...options });
      const me = await api.people.get({ resourceName: 'people/me', personFields: 'emailAddresses' });
      const all = me.data.emailAddresses ?? [];
      address = (all.find((e) => e.metadata?.primary) ?? all[0])?.value;
    }
  } catch (err) {
    throw toConnectorError(classifyGoogleError(err), err);
  }
  const a = address?.trim().toLowerCase();
  if (!a || !a.includes('@'))
    throw new ConnectorError('bad-input', 'Google did not say which account was connected');
  return a;
}
