/**
 * Outlook contacts through Graph `contacts/delta` (default Contacts folder, read-only, scope
 * Contacts.Read): each business address of a contact becomes an `address-book` StructuredContact with
 * name, title, department, company, phones and business address. Free-email and role addresses are
 * discarded (a personal address on a contact card is not a business contact).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Phone } from '../../parsers/types.ts';
import type { ConnectionInfo, Connector, ConnectorDeps, ConnectorFactory } from '../types.ts';
import type { OutlookOptions } from './connection.ts';
import { graphSource } from './graph-source.ts';
import { cleanName, ContactCollector } from './structured.ts';
import { microsoftConsent } from './consent.ts';

export const CONTACT_SELECT =
  'displayName,givenName,surname,emailAddresses,jobTitle,department,companyName,businessPhones,mobilePhone,businessAddress,lastModifiedDateTime';

export interface GraphContact {
  id: string;
  displayName?: string | null;
  givenName?: string | null;
  surname?: string | null;
  emailAddresses?: { name?: string | null; address?: string | null }[] | null;
  jobTitle?: string | null;
  department?: string | null;
  companyName?: string | null;
  businessPhones?: string[] | null;
  mobilePhone?: string | null;
  businessAddress?: {
    street?: string;
    city?: string;
    state?: string;
    postalCode?: string;
    countryOrRegion?: string;
  } | null;
  lastModifiedDateTime?: string | null;
}

export function createOutlookContacts(
  conn: ConnectionInfo,
  deps: ConnectorDeps,
  opts: OutlookOptions = {},
): Connector {
  return graphSource<GraphContact>(conn, deps, opts, {
    kind: 'outlook-contacts',
    // An address book is small and has no time axis: the first round reads it all (no `since`).
    start: () => `/me/contacts/delta?$select=${CONTACT_SELECT}`,
    prefer: `odata.maxpagesize=${opts.pageSize ?? 100}`,
    map: (contacts) => ({ messages: [], contacts: cardContacts(conn.account, contacts) }),
  });
}

/** Each usable address of each contact card of one page, as an `address-book` contact. */
function cardContacts(owner: string, cards: GraphContact[]) {
  const c = new ContactCollector(owner);
  for (const gc of cards) {
    const fields = contactFields(gc);
    for (const e of (gc.emailAddresses ?? []).slice(0, 20)) {
      const name = fields.name ?? cleanName(e.name, e.address);
      c.add({
        // A contact edited later is a new observation, not a replay of the old version.
        sourceId: `${gc.id}@${gc.lastModifiedDateTime ?? ''}`,
        source: 'address-book',
        email: e.address,
        fields: { ...fields, name },
        date: gc.lastModifiedDateTime ?? null,
      });
    }
  }
  return c.out;
}

const line = (s: string | null | undefined, max = 200): string | null => {
  const t = (s ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .slice(0, max);
  return t === '' ? null : t;
};

function phone(raw: string, type: Phone['type']): Phone | null {
  const r = line(raw, 60);
  if (!r) return null;
  const p = parsePhoneNumberFromString(r);
  return { type, e164: p?.isValid() ? p.number : null, raw: r };
}

export function contactFields(gc: GraphContact) {
  const first = gc.emailAddresses?.[0]?.address;
  const name = cleanName(gc.displayName, first) ?? line([gc.givenName, gc.surname].filter(Boolean).join(' '));
  const phones = [
    ...(gc.businessPhones ?? []).slice(0, 5).map((p) => phone(p, 'work')),
    gc.mobilePhone ? phone(gc.mobilePhone, 'mobile') : null,
  ].filter((p): p is Phone => p !== null);
  const a = gc.businessAddress;
  const address = a
    ? line(
        [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.state, a.countryOrRegion]
          .filter(Boolean)
          .join(', '),
        400,
      )
    : null;
  return {
    name,
    title: line(gc.jobTitle),
    department: line(gc.department),
    company: line(gc.companyName),
    phones,
    address,
  };
}

export const factory: ConnectorFactory = {
  kinds: ['outlook-contacts'],
  oauth: microsoftConsent('outlook-contacts'),
  create: (conn, deps) => createOutlookContacts(conn, deps),
  /** No Microsoft revoke endpoint for this flow: opting out discards the tokens (see index.ts). */
  async revoke() {},
};
