import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMinimal, extractRaw } from '../../parsers/extract.ts';
import { extractFields } from '../../parsers/fields.ts';
import {
  findSignature,
  signatureWindow,
  withoutSeparateSignoff,
  withoutTrailingBanner,
} from '../../parsers/signature.ts';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'mail', 'signatures');
const extract = (name: string) => extractRaw(new Uint8Array(readFileSync(join(dir, name))), name);

describe('the signature block of the newest part', () => {
  it('is the German sender block above a wrapped "schrieb" quote, without the valediction or the quoted signature', () => {
    const r = extract('reply-de-wrote-wrapped.eml');
    expect(r.signature?.lines).toEqual([
      'Katrin Vogel',
      'Leiterin Einkauf',
      'Lindenwerk GmbH',
      'Industriestraße 12',
      '70565 Stuttgart',
      'Tel. +49 711 1234567',
      'Mobil +49 170 7654321',
      'Fax +49 711 1234568',
    ]);
  });

  it('stops above a French Outlook header block (De / Envoyé / À / Objet)', () => {
    const r = extract('reply-fr-outlook-block.eml');
    expect(r.signature?.lines[0]).toBe('Claire Morel');
    expect(r.signature?.lines.at(-1)).toBe('www.atelier-sorel.fr');
    expect(r.signature?.lines.join('\n')).not.toContain('Tom Baker');
  });

  it('stops above a Spanish "escribió:" intro wrapped over two lines', () => {
    const r = extract('reply-es-wrote-wrapped.eml');
    expect(r.signature?.lines.at(-1)).toBe('Móvil: +34 612 345 678');
    expect(r.signature?.lines.join('\n')).not.toContain('Mark Stone');
  });

  it('keeps the `--` delimiter line and leaves the valediction and first-name sign-off out', () => {
    const r = extract('pipes-bullets-social.eml');
    expect(r.signature?.lines).toEqual([
      '--',
      'Jane Roe | Head of Partnerships | Acme Widgets Inc.',
      'T +1 415 555 0134 ext. 22 • M +1 415 555 0177 • F +1 415 555 0100',
      'www.acme-widgets.com | https://www.linkedin.com/in/janeroe',
    ]);
  });

  it('is none when the sender only signs off, even with a full signature in the quoted message below', () => {
    const r = extract('signoff-only-above-quote.eml');
    expect(r.discarded).toBeNull();
    expect(r.signature).toBeNull();
    expect(r.contact).toBeNull();
  });

  it('is none when the sender signs off with a first name that is also a country ("Jordan", "Chad")', () => {
    for (const first of ['Jordan', 'Chad', 'Georgia']) {
      const from = { name: `${first} Ellery`, email: `${first.toLowerCase()}.ellery@corvane.example` };
      expect(findSignature(`Works for us, we will ship on Monday.\n\nThanks,\n${first}\n`, from)).toBeNull();
    }
  });

  it('keeps a title line whose unit joins an initial with "&" ("C&I Sales") in the block, not as a sentence with "I"', () => {
    const from = { name: 'Whitfield, Dana', email: 'dreyes@brightvolt.example' };
    const block = [
      'Dana Reyes',
      'Channel Manager, C&I Sales',
      'Brightvolt Power Systems, Inc.',
      'M: (775) 555-0190',
    ];
    expect(findSignature(`Confirmed for March.\n\nBest regards,\n\n${block.join('\n\n')}\n`, from)).toEqual(
      block,
    );
  });

  it('is none when the `-- ` block holds only a name', () => {
    expect(extract('name-only-delimiter.eml').signature).toBeNull();
  });

  it('leaves out a confidentiality notice and "Sent from my iPhone" after the block', () => {
    const r = extract('disclaimer-and-mobile-footer.eml');
    expect(r.signature?.lines.at(-1)).toBe('Mobile: +91 98450 12345');
  });

  it('ends above a Lotus Notes "Forwarded by" header and ignores the forwarded signature', () => {
    const r = extract('lotus-forward-below-signature.eml');
    expect(r.signature?.lines[0]).toBe('Greg Ortiz');
    expect(r.signature?.lines.at(-1)).toBe('(713) 555-0199 (fax)');
  });

  it('reads a two-column `-- ` block and drops the mailing-list footer after it', () => {
    const r = extract('list-footer-after-sig.eml');
    expect(r.signature?.lines).toHaveLength(4);
    expect(r.signature?.lines.join('\n')).not.toMatch(/listinfo|Users' Group/);
  });

  it('finds a block that an HTML-only message spaces out with empty paragraphs, above its Outlook quote', () => {
    const r = extract('html-only-spaced-block.eml');
    expect(r.signature?.lines[0]).toBe('John Smith');
    expect(r.signature?.lines.at(-1)).toBe('www.contoso-freight.co.uk');
    expect(r.contact?.title).toBe('Operations Manager');
    expect(r.contact?.company).toBe('Contoso Freight Ltd.');
    expect(r.contact?.phones.map((p) => p.type)).toEqual(['work', 'mobile']);
  });

  it('does not take contact details of a place in the body as the sender signature', () => {
    expect(extract('body-contact-details-not-signature.eml').signature).toBeNull();
  });

  it('leaves a valediction glued to a first name ("Regards, John") out of the block', () => {
    const text = 'Done.\n\nRegards, John\nJohn Smith\nAcme Ltd\n+44 20 7946 0000\n';
    expect(findSignature(text, { name: 'John Smith', email: 'john@acme.co.uk' })).toEqual([
      'John Smith',
      'Acme Ltd',
      '+44 20 7946 0000',
    ]);
  });

  it('leaves a given name signed under the valediction out when the full name repeats it on the next line', () => {
    const text =
      'The shipment leaves on Friday.\nBest regards,\nMei Lin\nTan Mei Lin\nSupply Planner\nHarbourline Trading Pte. Ltd.\nHP: +65 9555 0142\n';
    expect(findSignature(text, { name: 'Tan Mei Lin', email: 'meilin.tan@harbourline.example' })).toEqual([
      'Tan Mei Lin',
      'Supply Planner',
      'Harbourline Trading Pte. Ltd.',
      'HP: +65 9555 0142',
    ]);
  });

  it("takes no block from a platform's footer in a message it sent on a person's behalf ('Name (via Platform)')", () => {
    const from = '"Jordan Blake (via Deallocker)" <jblake@northgate.example>';
    const via = (tail: string) => extractMinimal({ sourceId: 'via', headers: { from }, tail, date: null });
    const footer = via(
      'Jordan Blake asked a question in the data room:\n\n"Can you share the 2025 management accounts?"\n\nThanks,\nThe Deallocker team\n\nReply to this e-mail to answer Jordan directly.\nDeallocker, Inc.\n200 Summer Street, Floor 4, Boston, MA 02210\nsupport@deallocker.example | +1 617 555 0100\n',
    );
    expect([footer.discarded, footer.signature, footer.contact]).toEqual([null, null, null]);
    // The person's own block in such a message names them, and stays theirs.
    const own = via(
      'Please find the accounts in folder 4.2.\n\nBest regards,\nJordan Blake\nPrincipal\nNorthgate Capital LLC\n+1 617 555 0188\n',
    );
    expect(own.contact?.company).toBe('Northgate Capital LLC');
  });

  it('reads "Groetjes," and a Finnish "matkapuh." label', () => {
    const text =
      'Dat is geregeld.\n\nGroetjes,\nSanne\n\nSanne de Wit\nDocketing Specialist\nVeldhoven Octrooi B.V.\nT +31 40 555 0134\n';
    expect(findSignature(text, { name: 'Sanne de Wit', email: 's.dewit@veldhoven.example' })?.[0]).toBe(
      'Sanne de Wit',
    );
    const c = extractFields(['Aino Laine', 'Revontuli Oy', 'matkapuh. +358 40 555 0183'], {
      name: null,
      email: 'aino@revontuli.example',
    });
    expect(c.phones.map((p) => p.type)).toEqual(['mobile']);
  });

  it("takes no block from a platform's footer when the platform is the Sender of a person's From", () => {
    const tail =
      'Dear Dr Bakker,\n\nYou have been invited to review manuscript MAT-2026-0412. Please accept or decline in ScholarDesk.\n\nKind regards,\nEditorial Office\nJournal of Applied Surfaces\nScholarDesk Systems B.V.\nHerengracht 12, 1017 BV Amsterdam\nTel. +31 20 555 0142\nsupport@scholardesk.example\n';
    const via = (headers: Record<string, string>) =>
      extractMinimal({ sourceId: 's', headers, tail, date: null });
    const from = 'Ines Bakker <i.bakker@lelystad-uni.example>';
    expect(via({ from, sender: 'ScholarDesk <notifications@scholardesk.example>' }).signature).toBeNull();
    // A delegate at the same domain, or a list relaying a post, is no platform.
    expect(via({ from, sender: 'Office <office@lelystad-uni.example>' }).signature).not.toBeNull();
    expect(
      via({ from, sender: 'owner-list@lists.example', 'list-id': '<materials.lists.example>' }).signature,
    ).not.toBeNull();
  });

  it("ends a Welsh council's block above its Welsh Language Standards statement, and leaves a Welsh part-time note out", () => {
    const block = [
      'Rhodri Evans',
      'Swyddog Trwyddedu | Licensing Officer',
      'Cyngor Sir Glanheli | Glanheli County Council',
      'Ffôn / Tel: 029 2018 0614',
    ];
    const text = (after: string) =>
      `Please send the signed plans by Friday.\n\nYn gywir / Regards,\n\n${block.join('\n')}\n\n${after}\n`;
    const from = { name: 'Rhodri Evans', email: 'rhodri.evans@glanheli.gov.example' };
    expect(
      findSignature(
        text(
          'Rydym yn croesawu gohebiaeth yn Gymraeg a byddwn yn ymateb yn Gymraeg heb oedi. / We welcome correspondence in Welsh and will respond in Welsh without delay.',
        ),
        from,
      ),
    ).toEqual(block);
    expect(
      findSignature(
        text(
          "Rwy'n gweithio'n rhan-amser (dydd Llun i ddydd Mercher). / I work part-time (Monday to Wednesday).",
        ),
        from,
      ),
    ).toEqual(block);
  });

  it('does not take a phone number from a sentence as a signature', () => {
    const text =
      'Hi,\n\nPlease call me at (415) 555-0101 tomorrow morning about the contract.\n\nThanks,\nSam\n';
    expect(findSignature(text, { name: 'Sam Reed', email: 'sam@reedco.com' })).toBeNull();
  });

  it('keeps the line text exactly, leading whitespace included and trailing whitespace removed', () => {
    const text = 'See you.\n\n-- \n    Lee Park   \n    Lee Park Design Ltd\n    +44 20 7946 0555\n';
    expect(findSignature(text, { name: 'Lee Park', email: 'lee@leepark.co.uk' })).toEqual([
      '--',
      '    Lee Park',
      '    Lee Park Design Ltd',
      '    +44 20 7946 0555',
    ]);
  });

  it('returns no block, without hanging, for a 1 MB line, 100 000 short lines and regex bait', () => {
    // Bounded work is measured in bench/; here the hostile shapes must simply come back with an answer.
    const from = { name: 'A B', email: 'a@b.com' };
    expect(findSignature('x'.repeat(1_000_000), from)).toBeNull();
    expect(findSignature('1-'.repeat(500_000), from)).toBeNull();
    expect(findSignature(('(' + '1 '.repeat(40) + ')\n').repeat(5000), from)).toBeNull();
    expect(findSignature(('a'.repeat(60) + '@' + 'b.'.repeat(100) + '\n').repeat(2000), from)).toBeNull();
    const long = findSignature('ab\n'.repeat(100_000) + '-- \nA B\nA B Ltd\n+1 212 555 0100\n', from);
    expect(long).toEqual(['--', 'A B', 'A B Ltd', '+1 212 555 0100']);
  });
  it('leaves out a trailing notice in a language no rule knows, under a signed-off block', () => {
    const text = [
      'Hei,',
      '',
      'liitteenä tarjous.',
      '',
      'Ystävällisin terveisin',
      'Aino Virtanen',
      'Myyntipäällikkö',
      'Esimerkki Oy',
      'Puh. +358 9 555 0100',
      '',
      'Bu e-posta ve ekleri yalnızca gönderildiği kişi veya kuruluşa özeldir ve gizli bilgiler içerebilir; yanlışlıkla aldıysanız lütfen siliniz.',
    ].join('\n');
    expect(findSignature(text, { name: 'Aino Virtanen', email: 'aino.virtanen@example.fi' })).toEqual([
      'Aino Virtanen',
      'Myyntipäällikkö',
      'Esimerkki Oy',
      'Puh. +358 9 555 0100',
    ]);
  });

  it('finds nothing above trailing prose when no valediction signs off', () => {
    const from = { name: 'Jo Smith', email: 'jo@example.com' };
    expect(
      findSignature(
        'Please ship it to:\nAcme Ltd\n12 Market Street\nLeeds LS1 6DT\n\nWe have been waiting for this delivery for weeks now and our customers are asking about it every day.',
        from,
      ),
    ).toBeNull();
  });
  it('reads a Japanese block framed by box-drawing rules under sentences without spaces', () => {
    const block = [
      '──────────────────',
      '株式会社テスト工業',
      '技術部',
      '主任 佐藤 花子',
      '〒530-0001 大阪府大阪市北区梅田1-1-1',
      'TEL: 06-0000-1111',
      '──────────────────',
    ];
    const text = ['田中様', '', 'お世話になっております。', '資料を添付いたしました。', '', ...block].join(
      '\n',
    );
    expect(findSignature(text, { name: null, email: 'h.sato@example.jp' })).toEqual(block);
  });

  it('keeps a Brazilian address line whose parts are joined by dashes', () => {
    const text = [
      'Olá,',
      '',
      'segue o relatório.',
      '',
      'Att.,',
      'Joana Lima',
      'Gerente de Projetos',
      'Tel.: +55 21 0000-0000',
      'Rua das Flores, 200 - 3º andar - Centro, Rio de Janeiro - RJ, 20000-000',
    ].join('\n');
    expect(findSignature(text, { name: 'Joana Lima', email: 'joana@example.com.br' })?.at(-1)).toBe(
      'Rua das Flores, 200 - 3º andar - Centro, Rio de Janeiro - RJ, 20000-000',
    );
  });
  it('does not take a place named in the body as a block when prose follows it, even after "Thanks for ..."', () => {
    const text = [
      'Thanks for the call.',
      'Acme Ltd',
      '12 Market Street',
      'Leeds LS1 6DT',
      '',
      'We look forward to seeing you there next week, when we will present the new range to all our partners.',
    ].join('\n');
    expect(findSignature(text, { name: 'Jo Smith', email: 'jo@example.com' })).toBeNull();
  });

  it('keeps a lower-case street line ("ul. ...") and a "Sp. z o.o." company line inside a Polish block', () => {
    const text = [
      'Dzień dobry,',
      '',
      'przesyłam zestawienie faktur za październik wraz z korektami od dostawców.',
      '',
      'Z poważaniem',
      'Marta Zielińska',
      'Specjalista ds. płac',
      'Kadry Plus Sp. z o.o.',
      'ul. Lipowa 7/2',
      '30-001 Kraków',
      'tel. +48 12 555 01 99',
    ].join('\n');
    expect(findSignature(text, { name: 'Marta Zielińska', email: 'm.zielinska@kadryplus.example' })).toEqual([
      'Marta Zielińska',
      'Specjalista ds. płac',
      'Kadry Plus Sp. z o.o.',
      'ul. Lipowa 7/2',
      '30-001 Kraków',
      'tel. +48 12 555 01 99',
    ]);
  });

  it('leaves a last paragraph of sentences under the block out, and a capitalised slogan does not hide the block', () => {
    const from = { name: 'Dana Pike', email: 'dana.pike@pikeharlow.example' };
    const block = [
      'Dana Pike',
      'Senior Manager',
      'Pike Harlow Pty Ltd',
      'Level 3, 9 Queen Street',
      'Brisbane QLD 4000',
      'P: +61 7 5550 1000',
    ];
    const text = (tail: string) =>
      ['Hi Sam,', '', 'The lodgement is done.', '', 'Kind regards', '', ...block, '', tail].join('\n');
    expect(
      findSignature(
        text('Liability limited by a scheme approved under the relevant standards legislation.'),
        from,
      ),
    ).toEqual(block);
    // Whether a slogan belongs to the block is a convention call (the dev gold once kept one); the
    // block above it must come back whole either way.
    const withSlogan = findSignature(
      text('Plan Ahead. Build Better. Grow Together. Every Single Day.'),
      from,
    );
    expect(withSlogan?.slice(0, block.length)).toEqual(block);
  });
});

describe('a first-name sign-off set apart from the block by a blank line', () => {
  const from = { name: 'Julie Marsh', email: 'julie.marsh@ridgeway.example' };
  const body =
    'Hello!\n\nJust a note that I am moving at the end of the month, so please update your records.\n\n';
  /** The block's lines once the span that opens at the name line is checked. */
  const block = (tail: string): string[] => {
    const infos = signatureWindow(body + tail, from);
    const start = infos.findIndex((x) => x.text === 'Julie');
    const span = withoutSeparateSignoff(infos, { start, end: infos.length });
    return infos
      .slice(span.start, span.end)
      .filter((x) => !x.blank)
      .map((x) => x.text);
  };

  it.each([
    [
      'Love,\nJulie\n\n12 Elm Court\nSpringfield, IL  62704\n\njulie.marsh@example.net\n',
      ['12 Elm Court', 'Springfield, IL  62704', 'julie.marsh@example.net'],
    ],
    [
      'Thanks,\nJulie\n\nRidgeway Freight Inc.\n(555) 010-4477\n',
      ['Ridgeway Freight Inc.', '(555) 010-4477'],
    ],
  ])('is left out of the block under it: %j', (tail, lines) => {
    expect(block(tail)).toEqual(lines);
  });

  it.each([
    // Only numbers follow: the name is what makes them a block.
    ['Thanks,\nJulie\n\nx-58812\n', ['Julie', 'x-58812']],
    // No blank line: the name heads the block.
    [
      'Best,\nJulie\nRidgeway Freight Inc.\n(555) 010-4477\n',
      ['Julie', 'Ridgeway Freight Inc.', '(555) 010-4477'],
    ],
    // No valediction above: a name opening the last paragraph.
    [
      'See you soon.\n\nJulie\n\nRidgeway Freight Inc.\n(555) 010-4477\n',
      ['Julie', 'Ridgeway Freight Inc.', '(555) 010-4477'],
    ],
  ])('is kept when it heads the block: %j', (tail, lines) => {
    expect(block(tail)).toEqual(lines);
  });

  it('keeps contact labels written alone on their lines, blank lines between, with the values they label', () => {
    const text =
      'Dear Priya,\n\nI am copying Rami.\n\nBest regards,\n\nOmar Haddad\n\nManaging Director\n\nm\n\n+971 50 555 0141\n\nt\n\n+971 4 555 0119\n\ne\n\nomar.haddad@gulfbroker.example\n';
    expect(findSignature(text, { name: 'Omar Haddad', email: 'omar.haddad@gulfbroker.example' })).toEqual([
      'Omar Haddad',
      'Managing Director',
      'm',
      '+971 50 555 0141',
      't',
      '+971 4 555 0119',
      'e',
      'omar.haddad@gulfbroker.example',
    ]);
  });

  it('keeps a one-line address of many short parts as the last block line', () => {
    const text =
      'Please find the list attached.\n\nRegards,\n\nAsha Rao\n\nProject Manager - Clinical Operations\n\nNirmal Clinical Pvt. Ltd.\n\nMobile: +91 98450 55512\n\nWeb: www.nirmal.example\n\nNo. 12, 2nd Floor, Lakshmi Tech Park, Outer Ring Road, Bengaluru - 560103\n';
    expect(findSignature(text, { name: 'Asha Rao', email: 'asha@nirmal.example' })?.at(-1)).toBe(
      'No. 12, 2nd Floor, Lakshmi Tech Park, Outer Ring Road, Bengaluru - 560103',
    );
  });

  it('leaves a linked banner image closing an Outlook block out, and keeps a bare logo', () => {
    const from = { name: 'Declan Mahoney', email: 'declan.mahoney@kestrelmoor.example' };
    const block = [
      '[cid:image001.png@01DC8452.6E1A3B90]',
      '',
      'Declan Mahoney',
      '',
      'Senior Boarding Agent | Immingham Branch',
      '',
      'Kestrelmoor Shipping Agency Ltd',
      '',
      'T: +44 1632 960 418<tel:+441632960418> | M: +44 7700 900 527<tel:+447700900527>',
      '',
      'Port Office, Dock Road, Immingham Dock DN40 2LZ',
    ];
    const banner = '[cid:image002.png@01DC8452.6E1A3B90]<https://www.kestrelmoor.example/humber-247>';
    const lines = findSignature(
      ['Noted, thanks.', '', 'Kind regards', '', ...block, '', banner, ''].join('\n'),
      from,
    );
    expect(lines).toEqual(block.filter((l) => l !== ''));
    // A campaign line under the banner goes with it; a contact line under it keeps both.
    const promo =
      "We're hiring technicians at our Immingham site – find out more at kestrelmoor.example/careers";
    expect(
      findSignature(['Noted.', '', 'Kind regards', '', ...block, '', banner, promo, ''].join('\n'), from),
    ).toEqual(block.filter((l) => l !== ''));
    // The trim itself: a bare logo closing a span stays, a linked image goes.
    const infos = signatureWindow(
      [...block, '[cid:image002.png@01DC8452.6E1A3B90]', banner].join('\n'),
      from,
    );
    const span = { start: 0, end: infos.length };
    expect(withoutTrailingBanner(infos, span)).toEqual({ start: 0, end: infos.length - 1 });
  });

  it("takes a block written in paragraphs from the sender's name, though its upper lines score below zero", () => {
    // No display name: only the address names the sender.
    const from = { name: null, email: 'Alex.Probe@example.com' };
    const block = [
      'Alex Probe',
      '',
      'Abteilung IT-Strategie, Steuerung & Support',
      'im Bereich Informationstechnologie',
      '',
      'Example – Example GmbH',
      '(Deutsche Example)',
      'Longstreet 5',
      '11111 Frankfurt am Main',
      '',
      'Telefon: (069) 11 1111 – 11 3',
      'Telefon ServiceDesk: (069) 11 1111 – 12 2',
      'Telefax: (069) 11 1111 – 14 8',
      'Internet: www.example.com<http://www.example.com/>',
    ];
    const text = [
      'Hallo Herr Test,',
      '',
      'möglicherweise haben wir für unsere morgige Veranstaltung ein Problem mit unserer Datenbank.',
      '',
      'Meinen Sie, dass Sie uns bei der Behebung der Störung morgen helfen können?',
      '',
      'Mit freundlichen Grüßen',
      '',
      ...block,
      '',
    ].join('\n');
    expect(findSignature(text, from)?.[0]).toBe('Alex Probe');
  });
});
