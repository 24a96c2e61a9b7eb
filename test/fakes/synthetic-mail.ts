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

const WORDS = (
  'the schedule delivery pallets warehouse invoice order contract supplier quarter budget forecast team ' +
  'meeting agreed revised shipment customs freight price discount volume review approval draft terms ' +
  'payment week Monday Friday morning afternoon update question answer proposal quote sample batch ' +
  'quality audit report figures margin cost plan risk timeline scope change request confirm attached ' +
  'please thanks regards would could should will can we you they our your their this that with for from ' +
  'about after before between during into over under again further then once here there when where why how'
).split(' ');

/**
 * `n` words of business prose, deterministic per `seed` (a linear congruential generator): varied like real
 * text, so that gzip compresses it about as much as real mail (~3x), not like a repeated paragraph.
 */
function prose(seed: number, n: number): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
    if (k % 14 === 13) out.push(`${1000 + (x % 9000)}.`);
    if (k % 12 === 11) out.push('\n');
  }
  return out.join(' ').replace(/ \n /g, '\n');
}

/**
 * A message of a long thread (benchmarks of issue 10): a short reply with its signature on top of the
 * quoted history of 4 to 24 earlier messages, as plain text and as HTML (multipart/alternative), the way
 * Gmail and Outlook send replies. The newest part is ~0.6 KB; the history makes the body 5-60 KB.
 */
export function longThreadMessage(i: number): FakeMessage {
  const base = syntheticMessage(i);
  const from = base.headers.find(([k]) => k === 'From')![1];
  const newest = base.text!.slice(0, base.text!.indexOf('\n\nOn Mon'));
  const earlier = 4 + (i % 21);
  const quoted: string[] = [];
  for (let k = 0; k < earlier; k++) {
    quoted.push(
      `On Tue, ${1 + (k % 28)} Jan 2026 at 09:${String(k % 60).padStart(2, '0')}, Person ${k} <person${k}@client.example> wrote:`,
      ...`${prose(i * 31 + k, 120 + 40 * (k % 3))}\nRegards,\nPerson ${k}\nBuyer, Client Example Ltd\n+1 212 555 01${String(k % 100).padStart(2, '0')}`
        .split('\n')
        .map((l) => `${'>'.repeat(1 + Math.min(k, 3))} ${l}`),
      '',
    );
  }
  const text = `${newest}\n\n${quoted.join('\n')}\n`;
  const html = `<div dir="ltr">${newest.replace(/\n/g, '<br>')}</div><br><div class="gmail_quote">${quoted
    .map((l) => `<div>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</div>`)
    .join('\n')}</div>`;
  return {
    ...base,
    headers: base.headers.map(([k, v]) => [k, k === 'From' ? from : v] as [string, string]),
    root: {
      mimeType: 'multipart/alternative',
      parts: [
        { mimeType: 'text/plain', charset: 'UTF-8', body: text },
        { mimeType: 'text/html', charset: 'UTF-8', body: html },
      ],
    },
    text,
  };
}

/**
 * A mailbox of mostly ruled-out mail (benchmarks of issue 10): of every 5 messages, one business message
 * with a signature, one from a free-mail address, one newsletter (List-Unsubscribe, a 20 KB HTML body),
 * one notification from a no-reply role account and one automatic reply.
 */
export function mostlyRuledOutMessage(i: number): FakeMessage {
  const base = syntheticMessage(i);
  const date = base.headers.find(([k]) => k === 'Date')!;
  const id = (s: string) => ['Message-ID', `<${s}-${i}@bench.example>`] as [string, string];
  const html = (s: string) => ({
    mimeType: 'multipart/alternative',
    parts: [
      { mimeType: 'text/plain', charset: 'UTF-8', body: s },
      {
        mimeType: 'text/html',
        charset: 'UTF-8',
        body: `<table><tr><td>${s.replace(/\n/g, '<br>')}</td></tr></table>`,
      },
    ],
  });
  switch (i % 5) {
    case 0:
      return base;
    case 1:
      return {
        headers: [
          ['From', `Sam Doe <sam.doe${i % 50}@gmail.com>`],
          ['To', 'member@sigmine.example'],
          date,
          id('free'),
        ],
        text: `Hey, are we still on for Saturday?\n\nSam\n${prose(i, 80)}`,
        internalDate: base.internalDate,
      };
    case 2: {
      const body = `Spring offers!\n${prose(i, 1500)}\nNorthwind Traders Marketing\nUnsubscribe`;
      return {
        headers: [
          ['From', 'Northwind Traders <news@northwind.example>'],
          ['To', 'member@sigmine.example'],
          ['List-Unsubscribe', '<https://northwind.example/unsubscribe>'],
          ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
          date,
          id('news'),
        ],
        root: html(body),
        text: body,
        internalDate: base.internalDate,
      };
    }
    case 3: {
      const body = `Your invoice 4711 is ready.\n${prose(i, 200)}\nThe Contoso Billing Team`;
      return {
        headers: [
          ['From', 'Contoso Billing <no-reply@contoso.example>'],
          ['To', 'member@sigmine.example'],
          date,
          id('noreply'),
        ],
        root: html(body),
        text: body,
        internalDate: base.internalDate,
      };
    }
    default:
      return {
        headers: [
          ['From', base.headers.find(([k]) => k === 'From')![1]],
          ['To', 'member@sigmine.example'],
          ['Auto-Submitted', 'auto-replied'],
          date,
          id('ooo'),
        ],
        text: `I am out of the office until Monday.\n${prose(i, 30)}`,
        internalDate: base.internalDate,
      };
  }
}

/** A FakeMessage as RFC 5322 bytes (for IMAP APPEND): its headers and root part, 8bit, CRLF. */
export function fakeMessageToRaw(m: FakeMessage): string {
  const part = (p: FakePart, n: number): string => {
    if (p.parts) {
      const b = `b${n}-${p.parts.length}`;
      return `Content-Type: ${p.mimeType}; boundary="${b}"\r\n\r\n${p.parts
        .map((c, k) => `--${b}\r\n${part(c, n * 10 + k + 1)}\r\n`)
        .join('')}--${b}--`;
    }
    const body =
      typeof p.body === 'string' ? p.body : Buffer.from(p.body ?? new Uint8Array()).toString('latin1');
    return `Content-Type: ${p.mimeType}${p.charset ? `; charset=${p.charset}` : ''}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`;
  };
  const root = m.root ?? { mimeType: 'text/plain', charset: 'UTF-8', body: m.text ?? '' };
  return `${m.headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\nMIME-Version: 1.0\r\n${part(root, 1)}\r\n`;
}
