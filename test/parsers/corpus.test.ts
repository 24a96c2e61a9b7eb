import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccuracyReport, defaultCorpusDir, runAccuracy, targetsMet } from '../../bench/accuracy.ts';
import { emptyContact } from '../../parsers/types.ts';

const present = existsSync(join(defaultCorpusDir, 'gold.jsonl'));
if (!present) {
  console.warn(`\n*** test/parsers/corpus.test.ts SKIPPED: no dev corpus at ${defaultCorpusDir} ***\n`);
}

describe.skipIf(!present)('extraction over the real dev corpus', () => {
  let report: AccuracyReport;
  beforeAll(async () => {
    report = await runAccuracy(defaultCorpusDir);
  }, 120_000);

  it('is measured through the product path (extractRaw)', () => {
    expect(report.path).toBe('parsers/extract.ts extractRaw');
    expect(report.messages).toBeGreaterThan(0);
  });

  it('meets the targets: line F1 >= 0.95, field micro P >= 0.95 and R >= 0.85, no business mail discarded', () => {
    expect(targetsMet(report)).toEqual([]);
  });

  it('discards every free-mail sender, even those with a business signature', () => {
    expect(report.missedFreeMail).toEqual([]);
  });
});

/** A message as the test writes it: headers, a blank line, the body (CRLF line ends). */
function eml(from: string, subject: string, body: string[]): string {
  return [
    `From: ${from}`,
    'To: dana@example.org',
    `Subject: ${subject}`,
    'Date: Mon, 7 Dec 2026 09:00:00 +0000',
    'Message-ID: <' + subject.replace(/\W/g, '') + '@example.org>',
    '',
    ...body,
    '',
  ].join('\r\n');
}

describe('what the bench counts as a wrong discard', () => {
  let report: AccuracyReport;
  beforeAll(async () => {
    // Two messages the product discards as role accounts: one whose gold has a signature (business data
    // lost), one newsletter whose gold has none (nothing lost).
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-discards-'));
    const signed = [
      'Your order ships on Friday.',
      '',
      'Pat Kessler',
      'Order Desk, Kessler Fasteners LLC',
      '(555) 010-4477',
    ];
    const newsletter = ['This week in fasteners: three new thread gauges.', '', 'Unsubscribe at any time.'];
    writeFileSync(join(dir, 'signed.eml'), eml('support@kessler-fasteners.example', 'Order 1', signed));
    writeFileSync(join(dir, 'news.eml'), eml('webmaster@kessler-fasteners.example', 'News 1', newsletter));
    const empty = emptyContact();
    const gold = [
      {
        file: 'signed.eml',
        has_signature: true,
        signature_lines: signed.slice(2),
        fields: {
          ...empty,
          name: 'Pat Kessler',
          department: 'Order Desk',
          company: 'Kessler Fasteners LLC',
          phones: [{ type: 'work', number: '(555) 010-4477' }],
        },
        sender: 'support@kessler-fasteners.example',
        free_mail: false,
      },
      {
        file: 'news.eml',
        has_signature: false,
        signature_lines: [],
        fields: empty,
        sender: 'webmaster@kessler-fasteners.example',
        free_mail: false,
      },
    ];
    writeFileSync(join(dir, 'gold.jsonl'), gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
    report = await runAccuracy(dir);
  }, 60_000);

  it('counts a discarded message whose gold has a signature as a wrong discard', () => {
    expect(report.wrongDiscards.map((d) => d.split(' ')[0])).toEqual(['signed.eml']);
  });

  it('lists a discarded message without a signature separately, as nothing lost', () => {
    expect(report.discardedNegatives.map((d) => d.split(' ')[0])).toEqual(['news.eml']);
    expect(targetsMet(report)).toContain('1 business messages wrongly discarded');
  });
});
