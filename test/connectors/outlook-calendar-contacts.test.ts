import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorFactory } from '../../connectors/registry.ts';
import type { Connector, Cursor, Page, StructuredContact } from '../../connectors/types.ts';
import { loadConfig } from '../../src/config.ts';
import { startGraphServer, type GraphServer } from '../fakes/graph-server.ts';
import { fetchTrusting, makeSelfSignedCertificate, type TestCertificate } from '../fakes/tls.ts';

const ACCOUNT = 'owner@contoso.example';
const person = (name: string, address: string) => ({ emailAddress: { name, address } });

const EVENTS = [
  {
    id: 'ev1',
    subject: 'Quarterly review (never stored)',
    start: { dateTime: '2026-11-30T10:00:00.0000000', timeZone: 'UTC' },
    organizer: person('Dana Whitfield', 'dana.whitfield@fabrikam.example'),
    attendees: [
      { type: 'required', ...person('Owner', ACCOUNT) },
      { type: 'required', ...person('Priya Raman', 'Priya.Raman@Northwind.example') },
      { type: 'optional', ...person('Bob', 'bob.smith1975@gmail.com') },
      { type: 'optional', ...person('Info desk', 'info@northwind.example') },
      { type: 'resource', ...person('Room 4.12', 'room412@contoso.example') },
    ],
  },
  {
    id: 'ev2',
    start: { dateTime: '2026-12-02T15:30:00.0000000', timeZone: 'UTC' },
    organizer: person('priya.raman@northwind.example', 'priya.raman@northwind.example'),
    attendees: [],
  },
];

const CONTACTS = [
  {
    id: 'ct1',
    displayName: 'Jonas Keller',
    emailAddresses: [
      { name: 'Jonas Keller', address: 'jonas.keller@adatum.example' },
      { name: 'Jonas', address: 'jonas.k@outlook.com' },
    ],
    jobTitle: 'Head of Logistics',
    department: 'Operations',
    companyName: 'Adatum GmbH',
    businessPhones: ['+49 30 901820'],
    mobilePhone: '+49 151 23456789',
    businessAddress: {
      street: 'Friedrichstr. 10',
      city: 'Berlin',
      postalCode: '10117',
      countryOrRegion: 'Germany',
    },
    lastModifiedDateTime: '2026-10-02T08:00:00Z',
  },
  { id: 'ct2', displayName: 'Sales', emailAddresses: [{ address: 'sales@adatum.example' }] },
];

let cert: TestCertificate;
let server: GraphServer;
beforeAll(async () => {
  cert = makeSelfSignedCertificate();
  server = await startGraphServer({ cert, events: EVENTS, contacts: CONTACTS, acceptOldRefreshTokens: true });
});
afterAll(async () => {
  await server.close();
  cert.dispose();
});

async function open(kind: 'outlook-calendar' | 'outlook-contacts'): Promise<Connector> {
  const config = loadConfig({
    SIGMINE_GRAPH_API_URL: server.graphUrl,
    SIGMINE_MS_LOGIN_URL: server.loginUrl,
    SIGMINE_MS_CLIENT_ID: 'test-client',
  });
  const f = await connectorFactory(kind);
  return f.create(
    { id: kind, kind, account: ACCOUNT, config: {}, secret: 'rt-0' },
    { endpoints: config, fetch: fetchTrusting(cert.cert) },
  );
}

async function harvest(c: Connector, cursor: Cursor | null): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const p of c.pages(cursor, { since: new Date('2026-11-01T00:00:00Z') })) pages.push(p);
  return pages;
}

const byEmail = (cs: StructuredContact[]) => Object.fromEntries(cs.map((c) => [c.email, c]));

describe('Outlook calendar and contacts through Microsoft Graph', () => {
  it('turns event organizers and attendees into calendar contacts, without free-email, role, room or owner addresses', async () => {
    const before = server.requests.length;
    const pages = await harvest(await open('outlook-calendar'), null);
    const contacts = pages.flatMap((p) => p.contacts);
    expect(contacts.map((c) => c.email).sort()).toEqual([
      'dana.whitfield@fabrikam.example',
      'priya.raman@northwind.example',
    ]);
    const got = byEmail(contacts);
    expect(got['dana.whitfield@fabrikam.example']).toEqual({
      sourceId: 'ev1/dana.whitfield@fabrikam.example',
      source: 'calendar',
      email: 'dana.whitfield@fabrikam.example',
      fields: { name: 'Dana Whitfield' },
      date: '2026-11-30T10:00:00.000Z',
    });
    expect(got['priya.raman@northwind.example']!.fields.name).toBe('Priya Raman');
    // The harvest keys idempotency on sourceId: two attendees of one event must not look like a replay.
    expect(new Set(contacts.map((c) => c.sourceId)).size).toBe(contacts.length);
    expect(JSON.stringify(pages)).not.toContain('Quarterly review');
    const first = server.requests[before]!;
    expect(decodeURIComponent(first.url)).toMatch(
      /^\/v1\.0\/me\/calendarView\/delta\?startDateTime=2026-11-01T00:00:00Z&endDateTime=/,
    );
    expect(pages[pages.length - 1]!.cursor).toMatchObject({ kind: 'outlook-calendar', v: 1, phase: 'delta' });
  });

  it('turns address-book entries into contacts with title, department, company, phones and business address', async () => {
    const c = await open('outlook-contacts');
    const pages = await harvest(c, null);
    const contacts = pages.flatMap((p) => p.contacts);
    expect(contacts).toEqual([
      {
        sourceId: 'ct1@2026-10-02T08:00:00Z/jonas.keller@adatum.example',
        source: 'address-book',
        email: 'jonas.keller@adatum.example',
        fields: {
          name: 'Jonas Keller',
          title: 'Head of Logistics',
          department: 'Operations',
          company: 'Adatum GmbH',
          phones: [
            { type: 'work', e164: '+4930901820', raw: '+49 30 901820' },
            { type: 'mobile', e164: '+4915123456789', raw: '+49 151 23456789' },
          ],
          address: 'Friedrichstr. 10, 10117 Berlin, Germany',
        },
        date: '2026-10-02T08:00:00Z',
      },
    ]);
    // Incremental: the next run is one delta call that brings only the new contact.
    server.addContacts({
      id: 'ct3',
      displayName: 'Mei Chen',
      emailAddresses: [{ address: 'mei.chen@litware.example' }],
      jobTitle: 'CFO',
    });
    const before = server.requests.length;
    const next = await harvest(c, pages[pages.length - 1]!.cursor);
    expect(server.requests.length - before).toBe(1);
    expect(server.requests[before]!.url).toContain('%24deltatoken=');
    expect(next.flatMap((p) => p.contacts).map((x) => [x.email, x.fields.title])).toEqual([
      ['mei.chen@litware.example', 'CFO'],
    ]);
    expect(server.requests.every((q) => q.method === 'GET')).toBe(true);
  });

  it('opting out of a Microsoft source needs no provider call: revoke resolves without touching the network', async () => {
    const before = server.requests.length + server.tokenRequests.length;
    for (const kind of ['outlook', 'outlook-calendar', 'outlook-contacts']) {
      const f = await connectorFactory(kind);
      await f.revoke!(
        { id: 'x', kind, account: ACCOUNT, config: {}, secret: 'rt-x' },
        { endpoints: loadConfig({}) },
      );
    }
    expect(server.requests.length + server.tokenRequests.length).toBe(before);
  });
});
