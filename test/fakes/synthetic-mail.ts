/** Deterministic synthetic business messages for tests and benchmarks (test/fakes/google-server.ts). */
import type { FakeMessage, FakePart } from './google-server.ts';

const FIRST = ['Maria', 'Jonas', 'Aiko', 'Pedro', 'Lena', 'Omar', 'Chloé', 'Sven', 'Priya', 'Tomás'];
const LAST = [
  'Keller',
  'Okafor',
  'Tanaka',
  'Ferreira',
  'Novak',
  'Haddad',
  'Dubois',
  'Lindqvist',
  'Raman',
  'García',
];
const COMPANIES = [
  'Northwind Traders',
  'Contoso Pharma',
  'Fabrikam Logistics',
  'Tailspin Toys',
  'Woodgrove Bank',
];
const TITLES = [
  'Head of Procurement',
  'Senior Account Manager',
  'VP Engineering',
  'Operations Director',
  'CFO',
];

/** A deterministic synthetic business message: body, signature block, quoted history. */
export function syntheticMessage(i: number): FakeMessage {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const company = COMPANIES[i % COMPANIES.length]!;
  const domain = company.split(' ')[0]!.toLowerCase() + '.example';
  const email = `${first
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')}.${last
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')}@${domain}`;
  const text =
    `Hi,\n\nThanks for the update on order ${1000 + i}. We'll confirm by Friday.\n\nBest regards,\n` +
    `${first} ${last}\n${TITLES[i % TITLES.length]}\n${company}\n` +
    `Tel: +44 20 7946 ${String(1000 + (i % 9000)).padStart(4, '0')}\n${email}\n\n` +
    `On Mon, 2 Mar 2026 at 10:00, Someone <someone@client.example> wrote:\n> earlier text\n> more quoted text\n`;
  const root: FakePart =
    i % 3 === 0
      ? { mimeType: 'text/plain', charset: 'UTF-8', body: text }
      : {
          mimeType: 'multipart/alternative',
          parts: [
            { mimeType: 'text/plain', charset: 'UTF-8', body: text },
            { mimeType: 'text/html', charset: 'UTF-8', body: `<div>${text.replace(/\n/g, '<br>')}</div>` },
          ],
        };
  return {
    headers: [
      ['From', `${first} ${last} <${email}>`],
      ['To', 'member@sigmine.example'],
      ['Subject', `Order ${1000 + i}`],
      ['Date', new Date(Date.UTC(2026, 0, 1) + i * 60_000).toUTCString()],
      ['Message-ID', `<m${i}.${domain}@mail.example>`],
    ],
    root,
    text,
    internalDate: Date.UTC(2026, 0, 1) + i * 60_000,
  };
}
