import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { factory as calendarFactory } from '../../connectors/google/calendar.ts';
import { factory as contactsFactory } from '../../connectors/google/contacts.ts';
import type { ConnectorEvent, ConnectorFactory, Page } from '../../connectors/types.ts';
import { startGoogleServer, type GoogleServer } from '../fakes/google-server.ts';

let g: GoogleServer;
let n = 0;
beforeAll(async () => {
  g = await startGoogleServer();
});
afterAll(() => g.close());

function account(f: ConnectorFactory, kind: string) {
  const email = `owner${++n}-${Date.now()}@acme.test`;
  const { refreshToken } = g.addUser(email);
  const events: ConnectorEvent[] = [];
  const make = () =>
    f.create(
      {
        id: `c${n}`,
        kind,
        account: email,
        config: { backoffBaseMs: 20, unitsPerSecond: 50 },
        secret: refreshToken,
      },
      { endpoints: loadConfig(g.env()), onEvent: (e) => events.push(e) },
    );
  return { email, events, make };
}

async function collect(pages: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const p of pages) out.push(p);
  return out;
}

describe('Google Calendar connector', () => {
  it('turns organizers and attendees into calendar contacts, without the owner, rooms, free-email or role addresses', async () => {
    const a = account(calendarFactory, 'google-calendar');
    g.addEvents(a.email, [
      {
        start: '2026-03-10T09:00:00Z',
        summary: 'Quarterly review (private title)',
        organizer: { email: 'kim.lee@fabrikam.example', displayName: 'Kim Lee' },
        attendees: [
          { email: a.email, self: true, displayName: 'Me' },
          { email: 'Raj.Patel@Fabrikam.example', displayName: 'Raj Patel' },
          { email: 'someone@gmail.com', displayName: 'Free Mail' },
          { email: 'info@fabrikam.example', displayName: 'Info' },
          { email: 'c_1889@resource.calendar.google.com', displayName: 'Room 4', resource: true },
        ],
      },
      { start: '2026-03-11T09:00:00Z', status: 'cancelled', organizer: { email: 'gone@tailspin.example' } },
    ]);
    const pages = await collect(a.make().pages(null));
    const contacts = pages.flatMap((p) => p.contacts);
    expect(contacts.map((c) => [c.email, c.fields.name, c.source, c.date])).toEqual([
      ['kim.lee@fabrikam.example', 'Kim Lee', 'calendar', '2026-03-10T09:00:00.000Z'],
      ['raj.patel@fabrikam.example', 'Raj Patel', 'calendar', '2026-03-10T09:00:00.000Z'],
    ]);
    // One idempotency key per attendee, so the store keeps every attendee of an event.
    expect(new Set(contacts.map((c) => c.sourceId)).size).toBe(2);
    expect(JSON.stringify(contacts)).not.toContain('Quarterly review');
    expect(pages.at(-1)).toMatchObject({
      done: true,
      cursor: { kind: 'google-calendar', v: 1, pageToken: null },
    });
  });

  it('later runs use the sync token and only see changed events; an expired token (410) triggers one full resync', async () => {
    const a = account(calendarFactory, 'google-calendar');
    g.addEvents(a.email, [
      { start: '2026-03-10T09:00:00Z', organizer: { email: 'ana@northwind.example', displayName: 'Ana' } },
    ]);
    const first = await collect(a.make().pages(null));
    g.addEvents(a.email, [
      { start: '2026-03-12T09:00:00Z', organizer: { email: 'ben@northwind.example', displayName: 'Ben' } },
    ]);
    const second = await collect(a.make().pages(first.at(-1)!.cursor));
    expect(second.flatMap((p) => p.contacts).map((c) => c.email)).toEqual(['ben@northwind.example']);
    const lastCall = g.requests.filter((r) => r.user === a.email).at(-1)!;
    expect(lastCall.query['syncToken']).toBeTruthy();

    g.expireCalendarSync(a.email);
    const third = await collect(a.make().pages(second.at(-1)!.cursor));
    expect(a.events).toContainEqual(expect.objectContaining({ type: 'resync' }));
    expect(
      third
        .flatMap((p) => p.contacts)
        .map((c) => c.email)
        .sort(),
    ).toEqual(['ana@northwind.example', 'ben@northwind.example']);
    expect(g.requests.filter((r) => r.user === a.email && r.status === 410)).toHaveLength(1);
    // Read-only: every calendar request is a GET of the events list.
    const mine = g.requests.filter((r) => r.user === a.email && r.path !== '/oauth/token');
    expect(new Set(mine.map((r) => `${r.method} ${r.path}`))).toEqual(
      new Set(['GET /calendar/v3/calendars/primary/events']),
    );
  });
});

describe('Google People connector', () => {
  it('hands over business fields of contacts and other contacts, never home phones or home addresses', async () => {
    const a = account(contactsFactory, 'google-contacts');
    g.addConnections(a.email, [
      {
        resourceName: 'people/c1',
        etag: '%EgUBAgMFBy',
        names: [{ displayName: 'Dr. Helga Brandt', metadata: { primary: true } }],
        emailAddresses: [
          { value: 'h.brandt@contoso.example', type: 'work' },
          { value: 'helga.private@contoso-family.example', type: 'home' },
        ],
        organizations: [
          {
            name: 'Contoso Pharma GmbH',
            title: 'Head of Regulatory Affairs',
            department: 'Regulatory',
            metadata: { primary: true },
          },
        ],
        phoneNumbers: [
          { value: '+49 30 1234567', canonicalForm: '+49301234567', type: 'work' },
          { value: '030 999999', type: 'home' },
          { value: '+49 151 2345678', canonicalForm: '+491512345678', type: 'mobile' },
        ],
        addresses: [
          { type: 'work', formattedValue: 'Friedrichstr. 1\n10117 Berlin\nGermany' },
          { type: 'home', formattedValue: 'Privatweg 9\n14195 Berlin' },
        ],
        metadata: { sources: [{ type: 'CONTACT', updateTime: '2026-02-01T08:00:00Z' }] },
      },
      {
        resourceName: 'people/c2',
        emailAddresses: [{ value: 'joe@yahoo.com' }],
        names: [{ displayName: 'Joe' }],
      },
      { resourceName: 'people/c3', emailAddresses: [{ value: 'sales@contoso.example' }] },
    ]);
    g.addOtherContacts(a.email, [
      {
        resourceName: 'otherContacts/o1',
        emailAddresses: [{ value: 'li.wei@tailspin.example' }],
        names: [{ displayName: 'Li Wei' }],
      },
    ]);
    const pages = await collect(a.make().pages(null));
    const contacts = pages.flatMap((p) => p.contacts);
    expect(contacts).toHaveLength(2);
    const helga = contacts.find((c) => c.email === 'h.brandt@contoso.example')!;
    expect(helga).toMatchObject({
      source: 'address-book',
      date: '2026-02-01T08:00:00.000Z',
      fields: {
        name: 'Dr. Helga Brandt',
        title: 'Head of Regulatory Affairs',
        department: 'Regulatory',
        company: 'Contoso Pharma GmbH',
        address: 'Friedrichstr. 1, 10117 Berlin, Germany',
        phones: [
          { type: 'work', e164: '+49301234567', raw: '+49 30 1234567' },
          { type: 'mobile', e164: '+491512345678', raw: '+49 151 2345678' },
        ],
      },
    });
    expect(JSON.stringify(contacts)).not.toMatch(/Privatweg|030 999999|helga\.private/);
    expect(contacts.find((c) => c.email === 'li.wei@tailspin.example')?.fields.name).toBe('Li Wei');
    const calls = g.requests.filter((r) => r.user === a.email && r.path !== '/oauth/token');
    expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/people/me/connections',
      'GET /v1/otherContacts',
    ]);
    expect(calls[0]!.query['personFields']).toBe(
      'names,emailAddresses,organizations,phoneNumbers,addresses,metadata',
    );
    expect(pages.at(-1)).toMatchObject({
      done: true,
      cursor: { kind: 'google-contacts', phase: 'connections' },
    });
  });

  it('later runs are incremental through sync tokens; an expired sync token triggers a full relisting', async () => {
    const a = account(contactsFactory, 'google-contacts');
    g.addConnections(a.email, [
      { resourceName: 'people/c1', emailAddresses: [{ value: 'a@fabrikam.example' }] },
    ]);
    const first = await collect(a.make().pages(null));
    g.addConnections(a.email, [
      { resourceName: 'people/c2', emailAddresses: [{ value: 'b@fabrikam.example' }] },
    ]);
    const second = await collect(a.make().pages(first.at(-1)!.cursor));
    expect(second.flatMap((p) => p.contacts).map((c) => c.email)).toEqual(['b@fabrikam.example']);

    g.expirePeopleSync();
    const third = await collect(a.make().pages(second.at(-1)!.cursor));
    expect(a.events.filter((e) => e.type === 'resync').length).toBeGreaterThanOrEqual(1);
    expect(
      third
        .flatMap((p) => p.contacts)
        .map((c) => c.email)
        .sort(),
    ).toEqual(['a@fabrikam.example', 'b@fabrikam.example']);
  });
});
