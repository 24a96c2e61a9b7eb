import { describe, expect, it } from 'vitest';
import { extractRaw } from '../../parsers/extract.ts';
import { signedForSharedMailbox } from '../../parsers/shared-mailbox.ts';

describe('a person signing for a shared mailbox no role list names', () => {
  const rows: [string, string, string, string, boolean][] = [
    // what, display name, address, the block's name, shared?
    [
      'a desk named by its trade, the display naming the desk',
      'Bunker Desk',
      'fuel@port.example',
      'Tomas Berg',
      true,
    ],
    [
      'a desk word the display spells, the firm as display',
      'Harbourline Shipping',
      'stevedoring@harbourline.example',
      'Ana Ruiz',
      true,
    ],
    [
      'a one-word mailbox under the firm as display, any language',
      'Amostras | Fábrica Têxtil Lda',
      'amostras@fabrica.example',
      'Joana Reis',
      true,
    ],
    // A display spelling the mailbox in words no lexicon knows is left to the role lists: "Maria Lopez"
    // <lopez@> under a colleague's block is written the same way.
    [
      'a display spelling the mailbox in unknown words',
      'Sala de Amostras',
      'amostras@fabrica.example',
      'Joana Reis',
      false,
    ],
    [
      'the firm and the mailbox word as display',
      'Meranti Bunkers',
      'bunkers@meranti-fuels.example',
      'Tan Wei Jie',
      true,
    ],
    [
      // A word of the role lists in the display names a desk wherever it stands.
      'a role word heading the display (a vessel under its master)',
      'Master MV Aurora Tide',
      'master@auroratide.shipmgmt.example',
      'Marko Babić',
      true,
    ],
    [
      "a partner of the firm named after her, under a colleague's block",
      'Noa Berkovitz',
      'noa@berkovitz-law.example',
      'David Cohen',
      false,
    ],
    [
      'the same, written family name first',
      'Berkovitz, Noa',
      'noa@berkovitz-law.example',
      'David Cohen',
      false,
    ],
    [
      'a Latin display over a block signed in Hebrew',
      'Noa Berkovitz',
      'noa@berkovitz-law.example',
      'נועה ברקוביץ',
      false,
    ],
    [
      'a desk and its branch, both in the display',
      'Showroom Milano – Bellandi',
      'showroom.milano@bellandi.example',
      'Chiara Benedetti',
      true,
    ],
    [
      'a studio and its city',
      'Studio BIM Kraków',
      'bim.krakow@ashgrovepell.example',
      'Tomasz Wróblewski',
      true,
    ],
    [
      'a desk and its line of business written in two words in the display',
      'Harlow Hoists – Heavy Lift Bookings',
      'heavylift.bookings@harlowhoists.example',
      'Moira Baird',
      true,
    ],
    [
      'a desk of the role lists and the initials of the words before it in the display',
      'Clinical Trials Grants',
      'ct-grants@northmere-trust.example',
      'Owen Latimer',
      true,
    ],
    [
      'a desk and the initials of its unit, the small words between not initialled',
      'Unidad de Ensayos Clínicos – Farmacia',
      'uec.farmacia@hospital-norte.example',
      'Marta Irigoyen',
      true,
    ],
    [
      'a desk and an acronym the display writes in capitals',
      'QP Certification – Fenwick Clinical',
      'qp.certification@fenwick.example',
      'Alasdair Finlay',
      true,
    ],
    [
      'a person whose initials and a role word make the address, the display naming them',
      'Carla Trent',
      'ct-grants@northmere-trust.example',
      'Owen Latimer',
      false,
    ],
    [
      'a desk and an inflected word of the display (Polish genitive)',
      'Zamówienia Wagonów',
      'zamowienia.wagon@kolejeslaskie.example',
      'Anna Nowak',
      true,
    ],
    [
      'a supply desk and what it supplies',
      'Clinical Supply - Orvane',
      'clinical.supply@orvane.example',
      'Dana Lee',
      true,
    ],
    [
      'a desk and the firm (the role lists judge those)',
      'Enron Announcements',
      'enron.announcements@enron.example',
      'Scott Williamson',
      false,
    ],
    ['a person and a desk word', 'Marta Sales', 'marta.sales@firm.example', 'Marta Sales', false],
    [
      'the desk, a dash, then the firm',
      'Repairs - Ashdown Hydraulics',
      'fixes@ashdownhydraulics.example',
      'Kirsty Oyelaran',
      true,
    ],
    [
      'the desk before a firm of two words, one extending the domain',
      'Wareneingang Nordheide Triebwerkstechnik',
      'annahme@nordheide-triebwerk.example',
      'Sabine Körber',
      true,
    ],
    [
      'a desk and its airport code',
      'Almacén MAD - Kestrel Vale',
      'almacen.mad@kvaero.example',
      'Javier Ortega',
      true,
    ],
    ['her own mailbox', 'Joana Reis', 'jreis@fabrica.example', 'Joana Reis', false],
    [
      'a local part unlike the name, the display the signer',
      'Mark Baker',
      'distobj@firm.example',
      'Mark Baker',
      false,
    ],
    ['initials with a middle initial', 'Crew Office', 'cwg@firm.example', 'Chris W. Garrigues', false],
    [
      'an initial and the surname cut short',
      'Walter Underwood',
      'wunder@firm.example',
      'Walter Underwood',
      false,
    ],
    [
      'a nickname signing for the formal display name',
      'William S Bradford',
      'wbradford@firm.example',
      'Bill',
      false,
    ],
    ['initials signing', 'Darron C Giron', 'giron@firm.example', 'DG', false],
    [
      "an assistant's own mailbox under her manager's block",
      'Dotson, Elona',
      'edotson@firm.example',
      'Neal Wolkoff',
      false,
    ],
    ['a handle with digits', 'Zacharias Chasparis', 'zed001@firm.example', 'Harry Smith', false],
    [
      'a glued desk the display spells out',
      'Clinical Trials Pharmacy',
      'ctpharmacy@hosp.example',
      'Tom Wade',
      true,
    ],
    [
      "the mailbox's word, a site's acronym and the firm's name as display",
      'Expedición CDL Sierra Verde',
      'expedicion@aguassierraverde.example',
      'Marta Gil',
      true,
    ],
    [
      "a given name and a surname in capitals as display, under a colleague's block",
      'Jean DUPONT',
      'jean@dupont-conseil.example',
      'Claire Martin',
      false,
    ],
    ['no display name', '', 'fuel@port.example', 'Tomas Berg', false],
    [
      'the signer in another script under a Latin display of her own name',
      'Kim Minjun',
      'minjun@hanil.example',
      '김민준',
      false,
    ],
  ];
  for (const [what, name, email, signer, want] of rows)
    it(`${want ? 'is' : 'is not'} shared: ${what}`, () => {
      expect(
        signedForSharedMailbox({ name: name || null, email }, { name: signer, company: null, websites: [] }),
      ).toBe(want);
    });

  // The display is the signer (or absent): the firm's domain decides, as the block names it.
  const own: [string, string, string, string, string | null, string[], boolean][] = [
    // what, display name, address, signer, company, websites, shared?
    [
      'a desk word at the firm the block names',
      'Tan Wei Jie',
      'aog@skyline-mro.example',
      'Tan Wei Jie',
      'Skyline MRO Pte Ltd',
      [],
      true,
    ],
    [
      'no display name, the firm by its website',
      '',
      'stores@skyline-mro.example',
      'Tan Wei Jie',
      null,
      ['www.skyline-mro.example'],
      true,
    ],
    [
      "a society's forwarding address under another firm's block",
      'Mark Baker',
      'distobj@acm.example',
      'Mark Baker',
      'Idokorro Mobile',
      ['http://www.idokorro.example'],
      false,
    ],
    [
      'his own initials at the firm',
      'Tan Wei Jie',
      'twj@skyline-mro.example',
      'Tan Wei Jie',
      'Skyline MRO Pte Ltd',
      [],
      false,
    ],
    [
      'a middle initial the name does not show',
      'Brad Clements',
      'bkc@clements.example',
      'Brad Clements',
      'Clements Software',
      [],
      false,
    ],
    [
      'an initial and the first letters of a Danish surname',
      'Mette Kjær',
      'mkj@havgaard.example',
      'Mette Kjær',
      'Havgaard A/S',
      [],
      false,
    ],
    [
      'three initials, a letter that does not decompose',
      'Mads Kjær Sørensen',
      'mks@kjaerholm.example',
      'Mads Kjær Sørensen',
      'Kjærholm ApS',
      [],
      false,
    ],
    [
      'a short form from inside the name',
      'Rebecca Thornbury',
      'bec@thornburyscouting.example',
      'Rebecca Thornbury',
      'Thornbury Scouting',
      [],
      false,
    ],
    [
      'his own name at the firm',
      'Tan Wei Jie',
      'weijie@skyline-mro.example',
      'Tan Wei Jie',
      'Skyline MRO Pte Ltd',
      [],
      false,
    ],
    [
      'a nickname at the firm',
      'William Hart',
      'bill@hart-co.example',
      'William Hart',
      'Hart & Co Ltd',
      [],
      false,
    ],
  ];
  for (const [what, name, email, signer, company, websites, want] of own)
    it(`${want ? 'is' : 'is not'} shared: ${what}`, () => {
      expect(signedForSharedMailbox({ name: name || null, email }, { name: signer, company, websites })).toBe(
        want,
      );
    });

  // The address is a word of the unit the signer's title or department names: the unit's mailbox.
  const unit: [string, string, string, string, string | null, string | null, boolean][] = [
    // what, display name, address, signer, title, department, shared?
    [
      'the unit a title heads, inflected',
      'Modelarnia Nowak',
      'modelarnia@nowak.example',
      'Jan Nowak',
      'Kierownik Modelarni',
      null,
      true,
    ],
    [
      'the desk a title works in, accents folded',
      'Tráfico Aduanal Ríos',
      'trafico@riosaduanas.example',
      'Ana Ríos',
      'Ejecutiva de Tráfico',
      null,
      true,
    ],
    [
      'the department the block names',
      'Lena Voss',
      'giesserei@voss.example',
      'Lena Voss',
      'Leiterin',
      'Gießerei',
      true,
    ],
    [
      'a surname that is also a trade word in the title',
      'Anna Fischer',
      'fischer@hafen.example',
      'Anna Fischer',
      'Fischerei-Referentin',
      null,
      false,
    ],
    [
      'the head of a compound unit',
      'Sabine Körner',
      'netzanschluss@wesertal.example',
      'Sabine Körner',
      'Sachbearbeiterin Netzanschlussmanagement',
      null,
      true,
    ],
    [
      'a code and the unit',
      'Average Desk',
      'ga.security@lowe.example',
      'Priya Dewan',
      'GA Security Clerk',
      null,
      true,
    ],
    [
      'the unit and its short form',
      'Pennine Inks',
      'colour.lab@pennine.example',
      'Aled Pritchard',
      'Senior Colourist',
      'Colour Matching Laboratory',
      true,
    ],
    [
      'the unit and what it handles',
      'Recogidas',
      'recogida.balas@reci.example',
      'Lucía Manzanares',
      'Coordinadora de Recogidas',
      null,
      true,
    ],
    [
      "the signer's own address beside the unit",
      'Aled Pritchard',
      'aled.colour@pennine.example',
      'Aled Pritchard',
      'Senior Colourist',
      'Colour Matching',
      false,
    ],
    [
      'a name in another script, a Latin address',
      '박서연',
      'seoyeon.park@hangyeol.example',
      '박서연',
      'Seoyeon Park, General Manager',
      null,
      false,
    ],
    [
      'a title noun as the address',
      'Karl Berg',
      'direktor@berg.example',
      'Karl Berg',
      'Direktor',
      null,
      false,
    ],
    [
      'a word of the title that is not the address',
      'Ana Ríos',
      'arios@riosaduanas.example',
      'Ana Ríos',
      'Ejecutiva de Tráfico',
      null,
      false,
    ],
  ];
  for (const [what, name, email, signer, title, department, want] of unit)
    it(`${want ? 'is' : 'is not'} shared: ${what}`, () => {
      expect(
        signedForSharedMailbox(
          { name, email },
          { name: signer, title, department, company: null, websites: [] },
        ),
      ).toBe(want);
    });

  it("discards such a message as a role account, and keeps the same block from the person's own mailbox", () => {
    const msg = (from: string) =>
      Buffer.from(
        `From: ${from}\r\nTo: ops@agency.example\r\nSubject: ETA update\r\nMessage-ID: <a1@port.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nETA 0600 LT confirmed.\r\n\r\nBest regards,\r\nTomas Berg\r\nBunker Coordinator\r\nNordkai Fuels AS\r\nTel: +47 555 01 234\r\n`,
      );
    const shared = extractRaw(msg('Nordkai Bunker Desk <fuel@nordkai.example>'), 'a.eml');
    expect([shared.discarded, shared.contact]).toEqual(['role-account', null]);
    const own = extractRaw(msg('Tomas Berg <tomas.berg@nordkai.example>'), 'b.eml');
    expect([own.discarded, own.contact?.name]).toEqual([null, 'Tomas Berg']);
  });
});
