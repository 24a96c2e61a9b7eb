// Link renderings in signatures (issue 14): Outlook/Exchange text writes HTML links as `label<URL>`,
// classic clients wrap values in `<mailto:x>` / `<URL: ...>`, and HTML blocks link icons whose alt text is
// only a label. These tests pin down which text is the field value in each rendering.
import { describe, expect, it } from 'vitest';
import { renderLinks, urlsOfBlock } from '../../parsers/urls.ts';
import { htmlToText } from '../../parsers/html-to-text.ts';
import { extractRaw } from '../../parsers/extract.ts';
import { hasUrl } from '../../parsers/lines.ts';

describe('link renderings', () => {
  it.each([
    [
      'LinkedIn<https://www.linkedin.com/in/jane-roe-example>',
      'https://www.linkedin.com/in/jane-roe-example',
    ],
    ['Website<http://www.acme.example/>', 'http://www.acme.example/'],
    ['Connect on LinkedIn<https://www.linkedin.com/in/jr>', 'https://www.linkedin.com/in/jr'],
    ['E-mail<mailto:jane.roe@acme.example>', 'jane.roe@acme.example'],
    ['E-mail: <mailto:jane.roe@acme.example>', 'E-mail: jane.roe@acme.example'],
    ['<URL: http://www.acme.example/docs>', 'http://www.acme.example/docs'],
    ['<http://www.acme.example/>', 'http://www.acme.example/'],
    ['Mobile<tel:+14155550177>', 'Mobile +14155550177'],
    ['[LinkedIn]<https://www.linkedin.com/in/jr>', 'https://www.linkedin.com/in/jr'],
    ['[image: LinkedIn] <https://www.linkedin.com/in/jr>', 'https://www.linkedin.com/in/jr'],
    [
      '[cid:image001.png@01D9A1B2.C3D4E5F0]<https://www.linkedin.com/in/jr>',
      'https://www.linkedin.com/in/jr',
    ],
  ])('resolves "%s" to its value', (line, want) => {
    expect(renderLinks(line)).toBe(want);
  });

  it.each([
    // The visible text is the value: the target stays for the field reader to remove.
    ['acme.example<http://www.acme.example/>'],
    ['W • acme.com <https://www.acme.com/>'],
    ['jane.roe@acme.example<mailto:jane.roe@acme.example>'],
    // A number or address already on the line is never added a second time.
    ['T +1 415 555 0134<tel:+14155550134>'],
    ['Jane Roe | jane.roe@acme.example | Email<mailto:jane.roe@acme.example>'],
    // Company pages ("Join us on ...") are not the sender's profile.
    ['Join us on LinkedIn<https://www.linkedin.com/company/acme>'],
    // A company name or an image is a label with no value of its own.
    ['Acme Widgets<http://www.acme.example/>'],
    ['[Acme logo]<http://www.acme.example/>'],
    ['[cid:image002.png@01D9A1B2.C3D4E5F0]<http://www.acme.example/>'],
  ])('leaves "%s" to the visible text', (line) => {
    expect(renderLinks(line)).toBe(line);
  });

  it('is bounded on hostile input (a 300-char line of brackets and words)', () => {
    const hostile = 'a '.repeat(60) + '<'.repeat(60) + 'x<http:'.repeat(20);
    const t = performance.now();
    for (let i = 0; i < 200; i++) renderLinks(hostile);
    expect(performance.now() - t).toBeLessThan(500);
  });

  it('renders HTML icon links and a linked logo as their target, label-only text links as label<URL>, and drops other images', () => {
    const html =
      '<div>Jane Roe<br>Acme Widgets Inc.<br>' +
      '<a href="https://www.linkedin.com/in/jane-roe-example"><img src="cid:li.png" alt="LinkedIn"></a>' +
      '<a href="https://twitter.com/janeroe"><img alt="Twitter" src="tw.png"></a><br>' +
      '<a href="https://www.acme.example/">Website</a> | <a href="mailto:jane@acme.example">jane@acme.example</a><br>' +
      '<a href="https://www.acme.example/"><img alt="Acme logo" src="logo.png"></a><br>' +
      '<img alt="phone" src="cid:icon-phone.png"> +1 415 555 0142<br>' +
      '<a href="https://www.acme.example/sale"><img alt="Spring sale: 20% off all tents" src="banner.png"></a></div>';
    expect(htmlToText(html).split('\n')).toEqual([
      'Jane Roe',
      'Acme Widgets Inc.',
      'https://www.linkedin.com/in/jane-roe-example',
      'https://twitter.com/janeroe',
      'Website<https://www.acme.example/> | jane@acme.example',
      'https://www.acme.example/',
      '+1 415 555 0142',
    ]);
  });

  it('gives the social profile behind an icon link in an HTML-only message', () => {
    const eml = [
      'From: Jane Roe <jane.roe@acme-widgets.example>',
      'To: partner@example.org',
      'Subject: Proposal',
      'Message-ID: <icon-links-1@acme-widgets.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><body><p>Thanks, the proposal is attached.</p><p>Best regards,</p>',
      '<div>Jane Roe<br>Head of Partnerships<br>Acme Widgets Inc.<br>T +1 415 555 0134<br>',
      '<a href="https://www.linkedin.com/in/jane-roe-example"><img src="cid:li.png" alt="LinkedIn"></a></div>',
      '</body></html>',
    ].join('\r\n');
    const r = extractRaw(new TextEncoder().encode(eml), 'icon-links.eml');
    expect(r.signature?.lines).not.toContain('[LinkedIn]');
    expect(r.contact?.social).toEqual(['https://www.linkedin.com/in/jane-roe-example']);
    expect(r.contact?.title).toBe('Head of Partnerships');
  });

  it("reads a Bluesky profile as social, and a labelled faculty page's target as the website", () => {
    const from = { name: 'Imogen Salter', email: 'isalter@fenwick.ac.example' };
    const got = urlsOfBlock(
      [
        'Imogen Salter',
        'Faculty page<https://history.fenwick.ac.example/people/salter>',
        'Bluesky: https://bsky.app/profile/imogensalter.bsky.social',
      ],
      from,
    );
    expect(got.websites).toEqual(['https://history.fenwick.ac.example/people/salter']);
    expect(got.social).toEqual(['https://bsky.app/profile/imogensalter.bsky.social']);
  });

  it('reads an abbreviation of capitalised syllables ("Ho.Re.Ca.") as no host', () => {
    expect(hasUrl('Area Manager – Divisione Ho.Re.Ca.')).toBe(false);
    expect(hasUrl('Canale Co.Ge.Fi')).toBe(false);
    // A host written with capitals stays one.
    expect(hasUrl('Visit Acme.co.uk')).toBe(true);
  });

  it('reads a bare domain in a one-line block whose cells a spaced dash parts', () => {
    const from = { name: 'Callum Reyes', email: 'callum@brightwireav.example' };
    for (const dash of ['-', '–', '—'])
      expect(
        urlsOfBlock(
          [`Callum Reyes ${dash} AV Project Engineer ${dash} 0491 570 158 ${dash} brightwireav.example`],
          from,
        ).websites,
      ).toEqual(['brightwireav.example']);
    // A hyphen inside the domain parts nothing.
    const hyphened = { name: 'Callum Reyes', email: 'c@bright-wire.example' };
    expect(urlsOfBlock(['Callum Reyes - 0491 570 158 - bright-wire.example'], hyphened).websites).toEqual([
      'bright-wire.example',
    ]);
  });
});
