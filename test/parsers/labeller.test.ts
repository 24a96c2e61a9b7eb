/**
 * The learned signature labeller (parsers/labeller): the blocks it must find on layouts that broke the
 * rules (a label line, banner or call to action under the block, one-line blocks), that its weights
 * file matches the features the code computes, and that training is deterministic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSignature } from '../../parsers/signature.ts';
import { extractFields } from '../../parsers/fields.ts';
import { BLOCK_FEATURE_NAMES, FEATURE_NAMES } from '../../parsers/labeller/features.ts';
import type { WeightsFile } from '../../parsers/labeller/model.ts';
import { loadExamples, toWeightsFile, train } from '../../bench/labeller-training.ts';

const from = { name: 'Dana Whitfield', email: 'dana.whitfield@northwind-labs.example' };
const body = 'Hi Sam,\n\nAttached is the revised quote for the pilot.\n\n';

describe('the labelled block', () => {
  it.each([
    ['a blank line and "LinkedIn | Twitter"', '\nLinkedIn | Twitter\n'],
    ['"LinkedIn" right under it', 'LinkedIn\n'],
  ])('is found whole above a lone link-label line, which stays out of it (%s)', (_, tail) => {
    const text = `${body}Best regards,\nDana Whitfield\nHead of Partnerships\nNorthwind Labs Inc.\n+1 415 555 0142\nwww.northwind-labs.example\n${tail}`;
    // The annotation rules (fixtures/mail/README.md): a lone label line is a line under the block, not of it.
    expect(findSignature(text, from)).toEqual([
      'Dana Whitfield',
      'Head of Partnerships',
      'Northwind Labs Inc.',
      '+1 415 555 0142',
      'www.northwind-labs.example',
    ]);
  });

  it('is found above an event banner, which stays out of it', () => {
    const text = `${body}Thanks,\nDana Whitfield\nHead of Partnerships | Northwind Labs Inc.\nT +1 415 555 0142\n\nMeet us at Booth 42 at RetailTech 2026, June 3-5!\n`;
    expect(findSignature(text, from)).toEqual([
      'Dana Whitfield',
      'Head of Partnerships | Northwind Labs Inc.',
      'T +1 415 555 0142',
    ]);
  });

  it('keeps its fields when a call to action follows it', () => {
    const text = `${body}Kind regards\n\nDana Whitfield\nSenior Account Manager\nNorthwind Labs Inc.\nMobile: +1 415 555 0199\n\nBook a meeting with me: https://calendar.northwind-labs.example/dana\n`;
    const lines = findSignature(text, from);
    expect(lines).not.toBeNull();
    const c = extractFields(lines!, from);
    expect(c.name).toBe('Dana Whitfield');
    expect(c.title).toBe('Senior Account Manager');
    expect(c.company).toBe('Northwind Labs Inc.');
    expect(c.phones.map((p) => p.type)).toContain('mobile');
  });

  it('can be one line: "Name | Title | Company"', () => {
    const text =
      'Sam,\n\nConfirmed for 10am.\n\nDana Whitfield | Head of Partnerships | Northwind Labs Inc.\n';
    expect(findSignature(text, from)).toEqual([
      'Dana Whitfield | Head of Partnerships | Northwind Labs Inc.',
    ]);
  });

  it('is not a place named in the body that the sender never signs', () => {
    const text =
      'All,\n\nThe offsite is confirmed. We are staying at:\n\nHyatt Regency\n1200 Louisiana Street\nHouston, TX 77002\n(713) 654-1234\n';
    expect(findSignature(text, from)).toBeNull();
  });

  it("is not a help-desk list of numbers in the body, even one that names the sender's company", () => {
    const text = [
      'Team,',
      '',
      'From Monday the support lines change. Please keep this list at hand.',
      '',
      'Northwind Service Desk      +1 415 555 0100',
      'Payroll                     +1 415 555 0101',
      'Facilities                  +1 415 555 0102',
      'Security (24h)              +1 415 555 0103',
      'IT On-Call                  +1 415 555 0104',
      'Travel Desk                 +1 415 555 0105',
    ].join('\n');
    expect(
      findSignature(text, { name: 'Dana Whitfield', email: 'dana.whitfield@northwind.example' }),
    ).toBeNull();
  });

  it('takes a first-name sign-off right above an extension-only block, as the annotation rules do', () => {
    const text = `${body}Thanks,\nDana\nx3-0977\n`;
    expect(findSignature(text, from)).toEqual(['Dana', 'x3-0977']);
  });

  it('never takes a "Love," valediction into the block under it', () => {
    const text = `${body}Love,\nDana\n7008 Aronow Drive\nFalls Church, VA 22042\n`;
    expect(findSignature(text, from)?.[0]).not.toBe('Love,');
  });

  it('keeps a logo placeholder on top of a block an HTML client spaced out, one blank line per line', () => {
    const text = `${body}Best regards,\n\n[cid:image001.png@01DC4712.9E0A8C30]\n\nDana Whitfield\n\nHead of Partnerships\n\nNorthwind Labs Inc.\n\nTel. +1 415 555 0142\n`;
    expect(findSignature(text, from)?.slice(0, 2)).toEqual([
      '[cid:image001.png@01DC4712.9E0A8C30]',
      'Dana Whitfield',
    ]);
  });

  it('is not a pasted article under a "--" dash, however many lines it has', () => {
    const article = [
      'Power prices, week by week',
      'The state spent the following on the spot market, as the agency reported it on Friday.',
      'Period             Amount spent',
      'Jan. 17 - 18       $13,595,121',
      'Jan. 19 - 29       399,000,000',
      'Jan. 29 - 31       136,546,472',
      'Feb. 1 - 12        495,755,000',
      'Feb. 12 - 14       152,087,316',
      'Source: state energy agency',
      'Contact the desk at desk@herald.example for the full table.',
      'Herald Graphic',
      '2001 The Herald, page A-11',
    ];
    const text = `${body}See below.\n\n--\n${article.join('\n')}\n`;
    expect(findSignature(text, from)).toBeNull();
  });

  it('is not a sign-off alone ("Thanks,\\nDana")', () => {
    expect(findSignature(`${body}Thanks,\nDana\n`, from)).toBeNull();
  });

  it('can be rules-only: a null model falls back to the hand-written rules', () => {
    const text = `${body}Best regards,\nDana Whitfield\nNorthwind Labs Inc.\n+1 415 555 0142\n`;
    expect(findSignature(text, from, undefined, null)).toEqual([
      'Dana Whitfield',
      'Northwind Labs Inc.',
      '+1 415 555 0142',
    ]);
  });
});

describe('short blocks of internal mail', () => {
  const bob = { name: 'Robert Lindqvist', email: 'robert.lindqvist@harbor-freight.example' };
  const note = 'Hi Ana,\n\nThe revised pallet counts are in the shared folder, tab three.\n\n';

  it('takes a nickname and an internal extension under a valediction ("Bob x4-2210")', () => {
    const lines = findSignature(`${note}Thanks,\nBob x4-2210\n`, bob);
    expect(lines).toEqual(['Bob x4-2210']);
    expect(extractFields(lines!, bob).phones.map((p) => p.raw.replace(/\D/g, ''))).toEqual(['42210']);
  });

  it('takes a shortened given name above an extension ("Kat" for katarina.)', () => {
    const kat = { name: null, email: 'katarina.voss@harbor-freight.example' };
    expect(findSignature(`${note}thanks,\nKat\nx5-8812\n`, kat)).toEqual(['Kat', 'x5-8812']);
  });

  it("takes the sender's initials and an extension closing a note with no valediction", () => {
    const mq = { name: null, email: 'marta.quinn@harbor-freight.example' };
    const text = `${note}I will be out on Friday, so please send the counts to the dock office instead.\n\nMQ    4-7731\n`;
    expect(findSignature(text, mq)).toEqual(['MQ    4-7731']);
  });

  it('takes a team that signs under a valediction, as a department', () => {
    const desk = { name: null, email: 'payroll.ops@harbor-freight.example' };
    const text = `${note}Please check your new pay slip before the end of the month.\n\nThank you.\nPayroll Operations Team\n`;
    const lines = findSignature(text, desk);
    expect(lines).toEqual(['Payroll Operations Team']);
    expect(extractFields(lines!, desk).department).toBe('Payroll Operations Team');
  });

  it('takes a company that signs under a valediction, with a notice under it left out', () => {
    const co = { name: null, email: 'statements@halvorsen-clearing.example' };
    const text = `${note}Your quarterly statement is now available in the client portal.\n\nSincerely,\nHalvorsen Clearing LLC\nThis message is confidential and intended only for the addressee.\n`;
    const lines = findSignature(text, co);
    expect(lines).toEqual(['Halvorsen Clearing LLC']);
    expect(extractFields(lines!, co).company).toBe('Halvorsen Clearing LLC');
  });

  it('takes a name and title under "Have a nice day,"', () => {
    const nf = { name: null, email: 'security.desk@harbor-freight.example' };
    const text = `${note}Please send us the path of the database.\n\nHave a nice day,\nNadia Ferreira\nVice President\n`;
    expect(findSignature(text, nf)).toEqual(['Nadia Ferreira', 'Vice President']);
  });

  it("takes a last paragraph that the sender's name signs, with no valediction", () => {
    const nf = { name: 'Nadia Ferreira', email: 'nadia.ferreira@harbor-freight.example' };
    const text = `${note}We are looking into the inquiry and will get back to you with more soon.\n\nNadia Ferreira\nGovernment Relations\n`;
    const lines = findSignature(text, nf);
    expect(lines).toEqual(['Nadia Ferreira', 'Government Relations']);
    expect(extractFields(lines!, nf)).toMatchObject({
      name: 'Nadia Ferreira',
      department: 'Government Relations',
    });
  });

  it('takes a unit with its internal extension closing an announcement, with no valediction', () => {
    const desk = { name: null, email: 'announcements@harbor-freight.example' };
    const text = `${note}Monthly transit passes for the new quarter can be picked up at the front desk from Monday.\n\nFacilities Desk\n4-7060\n`;
    const lines = findSignature(text, desk);
    expect(lines).toEqual(['Facilities Desk', '4-7060']);
    expect(extractFields(lines!, desk).department).toBe('Facilities Desk');
  });

  it('does not take a last paragraph naming someone else, whatever their title', () => {
    const text = `${note}Please send your questions to the new coordinator:\n\nMaria Lindgren\nProject Coordinator\n`;
    expect(findSignature(text, bob)).toBeNull();
  });

  it('does not take a role written beside a first name ("Patti (Sam\'s assistant)")', () => {
    const pa = { name: null, email: 'sam.okafor@harbor-freight.example' };
    expect(findSignature(`${note}Thanks,\nPatti (Sam's assistant)\n`, pa)).toBeNull();
  });

  it("is not a help-desk directory under the sender's own name, however well it is anchored", () => {
    const text = [
      'All,',
      '',
      'The new pager numbers are below.',
      '',
      'Harbor Freight Resolution Desk   (415) 555-0110',
      'Dock Scheduling                  (415) 555-0111  [Pager]',
      'Yard On-Call                     (415) 555-0112  [Pager]',
      'Customs Support                  (415) 555-0113  [Pager]',
      'Billing On-Call                  (415) 555-0114  [Pager]',
      'Fleet Desk                       (415) 555-0115  [Pager]',
      'EDI Support                      (415) 555-0116  [Pager]',
      'Warehouse Systems                (415) 555-0117  [Pager]',
    ].join('\n');
    expect(findSignature(text, { name: null, email: 'harbor.desk@harbor-freight.example' })).toBeNull();
  });

  it('can be one line with double bars under a valediction', () => {
    const text = `${note}Bonne journée,\nRobert Lindqvist ‖ Chef de projet ‖ Harbor Freight AB ‖ +46 8 555 120 44\n`;
    expect(findSignature(text, bob)).toEqual([
      'Robert Lindqvist ‖ Chef de projet ‖ Harbor Freight AB ‖ +46 8 555 120 44',
    ]);
  });
});

describe('the shipped weights', () => {
  const file = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'parsers', 'labeller', 'weights.json'), 'utf8'),
  ) as WeightsFile;

  it('name only features the code computes (a renamed feature would silently weigh 0)', () => {
    const known = new Set(FEATURE_NAMES);
    expect(Object.keys(file.weights).filter((n) => !known.has(n))).toEqual([]);
    const knownBlock = new Set(BLOCK_FEATURE_NAMES);
    expect(Object.keys(file.block ?? {}).filter((n) => !knownBlock.has(n))).toEqual([]);
    expect(Object.keys(file.weights).length).toBeGreaterThan(FEATURE_NAMES.length / 2);
  });
});

describe('training', () => {
  it('is deterministic: the same messages give the same weights file', () => {
    const corpus = {
      name: 'holdout3',
      dir: join(import.meta.dirname, '..', '..', 'fixtures', 'mail', 'holdout3'),
      train: true,
    };
    const a = toWeightsFile(train(loadExamples(corpus)), { holdout3: 1 });
    const b = toWeightsFile(train(loadExamples(corpus)), { holdout3: 1 });
    expect(a).toEqual(b);
    expect(Object.keys(a.weights).length).toBeGreaterThan(10);
  });
});

describe('line scores', () => {
  it('are the same computed directly (the product) as through the feature matrix (training)', async () => {
    const { signatureWindow, ruleBlock } = await import('../../parsers/signature.ts');
    const { featureMatrix, lineContexts, lineScores } = await import('../../parsers/labeller/features.ts');
    const { lineLogOdds, shippedModel } = await import('../../parsers/labeller/model.ts');
    const text = `${body}Thanks,\nDana Whitfield | Head of Partnerships | Northwind Labs Inc.\n+1 415 555 0142\n\nLinkedIn\n`;
    const infos = signatureWindow(text, from);
    const cs = lineContexts(infos, from, ruleBlock(infos, from));
    const m = shippedModel();
    const direct = Array.from(lineScores(cs, m.weights, m.bias));
    const viaMatrix = Array.from(lineLogOdds(featureMatrix(cs), cs.length, m));
    expect(direct.length).toBe(cs.length);
    direct.forEach((v, i) => expect(v).toBeCloseTo(viaMatrix[i]!, 9));
  });
});
