import { describe, expect, it } from 'vitest';
import { decideJurisdiction } from '../../src/jurisdiction/decide.ts';
import { dueDate, loadPolicy } from '../../src/jurisdiction/policy.ts';
import { deadlineFor } from '../../src/privacy/requests.ts';
import { loadConfig } from '../../src/config.ts';

const policy = loadPolicy({});
const decide = (phones: string[], emailDomain: string, addresses: string[] = [], p = policy) =>
  decideJurisdiction({ phones, emailDomain, addresses }, p);

describe("deciding a contact's jurisdiction", () => {
  it('a German phone number holds the contact for a notice in German', () => {
    const d = decide(['+493012345678'], 'beispiel.com');
    expect(d).toMatchObject({ codes: ['DE'], hold: true, notify: true, language: 'de', decidedBy: 'phone' });
    expect(d.evidence).toEqual([{ signal: 'phone', code: 'DE', detail: '+49' }]);
    expect(d.ruleVersion).toBe(policy.ruleVersion);
  });

  it('a US number is notified but listed at once; a Californian area code is recorded as US-CA', () => {
    expect(decide(['+12125550142'], 'acme.com')).toMatchObject({
      codes: ['US'],
      hold: false,
      notify: true,
      language: 'en',
    });
    expect(decide(['+14155550142'], 'acme.com')).toMatchObject({ codes: ['US-CA'], hold: false });
  });

  it('Quebec area codes hold a Canadian contact (French notice) while Ontario ones do not', () => {
    for (const area of ['418', '438', '450', '514', '579', '581', '819', '873', '367', '354', '263']) {
      const d = decide([`+1${area}5550199`], 'example.ca');
      expect(d.codes, area).toContain('CA-QC');
      expect(d.hold, area).toBe(true);
      expect(d.language, area).toBe('fr');
    }
    expect(decide(['+14165550199'], 'example.com')).toMatchObject({ codes: ['CA'], hold: false });
  });

  it('the email ccTLD counts (.co.uk is the UK, .eu is held) but generic-looking ccTLDs like .io say nothing', () => {
    expect(decide([], 'firm.co.uk')).toMatchObject({ codes: ['GB'], hold: true, decidedBy: 'email-tld' });
    expect(decide([], 'agency.eu')).toMatchObject({ codes: ['EU'], hold: true });
    expect(decide([], 'startup.io')).toMatchObject({ codes: ['unknown'], hold: true, decidedBy: 'default' });
  });

  it('an address naming Brazil, Switzerland or a UK postcode holds the contact', () => {
    expect(decide([], 'empresa.com', ['Av. Paulista 1000, São Paulo - SP, Brasil'])).toMatchObject({
      codes: ['BR'],
      hold: true,
      language: 'pt',
    });
    expect(decide([], 'firma.com', ['Bahnhofstrasse 1, 8001 Zürich, Schweiz'])).toMatchObject({
      codes: ['CH'],
      hold: true,
    });
    expect(decide([], 'firm.com', ['10 Downing Street, London SW1A 2AA'])).toMatchObject({
      codes: ['GB'],
      hold: true,
    });
    expect(decide([], 'firm.com', ['1200 Rue Peel, Montréal, QC H3B 2T6'])).toMatchObject({
      hold: true,
      language: 'fr',
    });
  });

  it('US and Canadian signature addresses from the dev corpus are recognised, so those contacts need not wait', () => {
    const cases: Array<[string, string]> = [
      ['P.O. Box 1773, Carlisle, PA  17013', 'US'],
      ['43392 Wayside Cir,Ashburn,VA 20147-4622', 'US'],
      ['3209 Walnut St., Boulder, CO. 80301', 'US'],
      ['14450 Eagle Run Dr. Ste. 120, Omaha, Nebraska 68116', 'US'],
      ['332 Morse Hall, Durham, NH 03824 USA', 'US'],
      ['716 Congress, Suite 200, Austin, TX  78701', 'US'],
      ['1 Market St, San Francisco, CA 94105', 'US-CA'],
      ['#3500, 855 - 2nd Street S.W., Calgary, Alberta T2P 4J8', 'CA'],
      ['Ottawa, Ontario, CANADA.', 'CA'],
    ];
    for (const [address, code] of cases) {
      const d = decide([], 'example.com', [address]);
      expect(d.codes, address).toContain(code);
      expect(d.hold, address).toBe(false);
    }
    expect(decide([], 'example.com', ['Sherbrooke (Quebec)  J1K 2R1  CANADA'])).toMatchObject({
      hold: true,
      language: 'fr',
    });
  });

  it('a German address with a DE prefix is not mistaken for Delaware, and .nu or .tk domains say nothing', () => {
    expect(decide([], 'example.com', ['Marienplatz 1, DE 80331 München'])).toMatchObject({
      codes: ['unknown'],
      hold: true,
    });
    expect(decide([], 'kanga.nu')).toMatchObject({ codes: ['unknown'], hold: true });
  });

  it('the most protective result wins when signals disagree, and every signal is kept as evidence', () => {
    const d = decide(['+12125550142'], 'acme.de', ['500 Fifth Avenue, New York, NY 10110, USA']);
    expect(d.hold).toBe(true);
    expect(d.codes.sort()).toEqual(['DE', 'US']);
    expect(d.decidedBy).toBe('email-tld');
    expect(d.evidence.map((e) => e.signal).sort()).toEqual(['address', 'email-tld', 'phone']);
  });

  it('with no signal at all the contact counts as unknown and is held', () => {
    expect(decide([], 'acme.com')).toMatchObject({
      codes: ['unknown'],
      hold: true,
      notify: true,
      language: 'en',
    });
    expect(decide(['not a phone', ''], '', ['somewhere'])).toMatchObject({ codes: ['unknown'], hold: true });
  });

  it('the table is configuration: the held list and the objection window come from the environment', () => {
    const p = loadPolicy({ SIGMINE_NOTICE_HOLD: 'US,DE', SIGMINE_OBJECTION_WINDOW_DAYS: '14' });
    expect(p.objectionWindowDays).toBe(14);
    expect(decide(['+12125550142'], 'acme.com', [], p).hold).toBe(true);
    expect(decide(['+33142000000'], 'acme.com', [], p).hold).toBe(false);
    expect(() => loadPolicy({ SIGMINE_OBJECTION_WINDOW_DAYS: 'soon' })).toThrow(/OBJECTION_WINDOW/);
    expect(loadPolicy({}).objectionWindowDays).toBe(7);
    // The one reader of the environment hands the table to every command, the harvest and the web app.
    const fromConfig = loadConfig({ SIGMINE_NOTICE_HOLD: 'US', SIGMINE_OBJECTION_WINDOW_DAYS: '3' }).policy;
    expect(fromConfig.objectionWindowDays).toBe(3);
    expect(decide(['+12125550142'], 'acme.com', [], fromConfig).hold).toBe(true);
    expect(decide(['+493012345678'], 'acme.com', [], fromConfig).hold).toBe(false);
    expect(() => loadConfig({ SIGMINE_OBJECTION_WINDOW_DAYS: '-1' })).toThrow(/OBJECTION_WINDOW/);
  });

  it('hostile evidence (a megabyte address, thousands of phones) is decided quickly', () => {
    const t0 = performance.now();
    const d = decide(Array(5000).fill('+493012345678'), 'x'.repeat(5000), [
      'a, '.repeat(300_000) + 'Germany',
    ]);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(d.hold).toBe(true);
    expect(d.evidence.length).toBeLessThanOrEqual(40);
  });

  it('request deadlines: one calendar month under GDPR, 15 days under the LGPD, the earliest wins', () => {
    const from = new Date('2026-01-31T10:00:00Z');
    expect(dueDate(from, { regime: 'gdpr', months: 1 }).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(deadlineFor(['DE'], policy, from)).toMatchObject({ deadline: { regime: 'gdpr' } });
    expect(deadlineFor(['DE', 'BR'], policy, from).due.toISOString()).toBe('2026-02-15T10:00:00.000Z');
    expect(deadlineFor(['unknown'], policy, from).deadline.regime).toBe('gdpr');
    expect(deadlineFor(['US-CA'], policy, from).deadline.regime).toBe('ccpa');
  });
});
