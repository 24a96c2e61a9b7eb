/**
 * The "no longer with the company" auto-reply (parsers/job-ended.ts through parsers/extract.ts): kept,
 * its signature read, and reported as `jobEnded`; the same sentence in ordinary mail reports nothing.
 */
import { describe, expect, it } from 'vitest';
import { extractRaw } from '../../parsers/extract.ts';

const mail = (autoReply: boolean, body: string) =>
  new TextEncoder().encode(
    [
      'From: Jana Petrova <jana.petrova@kestrel-optics.example>',
      'To: buyer@harbor-freight.example',
      'Subject: Automatic reply: lens order 4471',
      'Message-ID: <ar-4471@kestrel-optics.example>',
      ...(autoReply ? ['Auto-Submitted: auto-replied'] : []),
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
    ].join('\r\n'),
  );

const leftBody = [
  'Thank you for your message.',
  '',
  'Jana Petrova is no longer with Kestrel Optics. Please write to orders@kestrel-optics.example instead.',
  '',
  'Best regards,',
  'Jana Petrova',
  'Key Account Manager',
  'Kestrel Optics GmbH',
  '+49 89 555 0147',
].join('\r\n');

describe('jobEnded', () => {
  it('is reported on an auto-reply saying the sender has left, and the signature is still read', () => {
    const r = extractRaw(mail(true, leftBody), 'left.eml');
    expect(r.discarded).toBeNull();
    expect(r.jobEnded).toBe(true);
    expect(r.contact?.company).toBe('Kestrel Optics GmbH');
  });

  it('is reported in German too', () => {
    const r = extractRaw(
      mail(
        true,
        'Frau Petrova ist nicht mehr bei der Kestrel Optics GmbH tätig.\r\n\r\nMit freundlichen Grüßen\r\nKestrel Optics GmbH',
      ),
      'de.eml',
    );
    expect(r.jobEnded).toBe(true);
  });

  it('is absent from an ordinary message that says someone else has left', () => {
    const r = extractRaw(mail(false, leftBody), 'plain.eml');
    expect(r.jobEnded).toBeUndefined();
    expect(Object.keys(r)).not.toContain('jobEnded');
  });

  it('is absent from an out-of-office reply of someone still there', () => {
    const r = extractRaw(
      mail(
        true,
        'I am out of the office until Monday with limited access to e-mail.\r\n\r\nBest regards,\r\nJana Petrova\r\nKestrel Optics GmbH\r\n+49 89 555 0147',
      ),
      'ooo.eml',
    );
    expect(r.jobEnded).toBeUndefined();
  });
});
