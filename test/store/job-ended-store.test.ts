/**
 * A "no longer with the company" auto-reply ends the job it was about: messages are parsed and decided as
 * the harvest does (parsers/extract.ts, src/pipeline/decide.ts), stored page by page, and the contact's job
 * history shows the job ending on the reply's date, on SQLite and PostgreSQL. A signature seen again after
 * the reply means the person is still there; a new job later shows as the next entry. The full recompute
 * gives the same history.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, postgresAvailable } from '../helpers/databases.ts';
import { addMember, ingest } from '../helpers/store-fixtures.ts';
import { extractRaw } from '../../parsers/extract.ts';
import { decide } from '../../src/pipeline/decide.ts';
import { showContact } from '../../src/store/directory.ts';
import { recomputeAll } from '../../src/store/recompute-all.ts';
import { jobTimeline } from '../../src/store/job-history.ts';
import type { Candidate } from '../../src/store/merge.ts';

const NOW = '2026-11-01T00:00:00.000Z';
const JANA = 'jana.petrova@kestrel-optics.example';

function message(id: string, date: string, body: string[], autoReply = false, from = JANA) {
  const raw = [
    `From: Jana Petrova <${from}>`,
    'To: buyer@harbor-freight.example',
    `Subject: ${autoReply ? 'Automatic reply: ' : ''}lens order`,
    `Message-ID: <${id}@mail.example>`,
    `Date: ${new Date(date).toUTCString()}`,
    ...(autoReply ? ['Auto-Submitted: auto-replied'] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...body,
  ].join('\r\n');
  const bytes = new TextEncoder().encode(raw);
  const r = extractRaw(bytes, `${id}.eml`);
  return decide(r, { sourceId: id, date }, NOW).item;
}

const signedBy = (title: string, company: string, phone: string) => [
  'Thanks, the lenses ship on Monday.',
  '',
  'Best regards,',
  'Jana Petrova',
  title,
  company,
  phone,
];
const leftReply = [
  'Thank you for your message.',
  '',
  'Jana Petrova is no longer with Kestrel Optics. Please write to orders@kestrel-optics.example instead.',
];

describe('job history from an auto-reply (pure)', () => {
  const cand = (field: string, raw: string, first: string, last: string): Candidate => ({
    field,
    value: raw.toLowerCase(),
    raw,
    first,
    last,
    corroboration: 1,
    sources: new Set(['signature' as const]),
  });
  it('ends the job held at the reply, ignores a reply contradicted by a later signature, and a second reply', () => {
    const titles = [cand('title', 'Buyer', '2025-01-01', '2025-06-01')];
    const companies = [cand('company', 'Acme', '2025-01-01', '2025-06-01')];
    const ended = [cand('job.ended', 'acme.example', '2025-07-01', '2025-08-01')];
    expect(jobTimeline(titles, companies, ended)).toEqual([
      {
        old_title: 'Buyer',
        old_company: 'Acme',
        new_title: null,
        new_company: null,
        changed_at: '2025-07-01',
      },
    ]);
    const stillThere = [cand('company', 'Acme', '2025-01-01', '2025-09-01')];
    expect(jobTimeline(titles, stillThere, ended)).toEqual([]);
    expect(jobTimeline([], [], ended)).toEqual([]);
  });
});

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && !(await postgresAvailable());
  describe.skipIf(skip)(`job ended on ${dialect}`, () => {
    it('dates the end of the job from the auto-reply, then the next job, and the recompute agrees', async () => {
      const t = await freshDatabase(dialect);
      try {
        const m = await addMember(t.db, 'ann');
        await ingest(t.db, m, [
          message(
            'a1',
            '2025-03-04T09:00:00Z',
            signedBy('Key Account Manager', 'Kestrel Optics GmbH', '+49 89 555 0147'),
          ),
        ]);
        const reply = message('a2', '2025-09-10T09:00:00Z', leftReply, true);
        expect(reply.observations.map((o) => o.field)).toContain('job.ended');
        await ingest(t.db, m, [reply]);
        let shown = await showContact(t.db, JANA);
        expect(shown!.jobHistory).toEqual([
          {
            oldTitle: 'Key Account Manager',
            oldCompany: 'Kestrel Optics GmbH',
            newTitle: null,
            newCompany: null,
            changedAt: '2025-09-10T09:00:00.000Z',
          },
        ]);
        // Later she writes from the same address with a new role: the next job follows the gap.
        await ingest(t.db, m, [
          message(
            'a3',
            '2026-02-01T09:00:00Z',
            signedBy('Head of Sales', 'Lumen Glass AG', '+49 89 555 0199'),
          ),
        ]);
        shown = await showContact(t.db, JANA);
        expect(shown!.jobHistory.map((j) => [j.newTitle, j.newCompany, j.changedAt.slice(0, 10)])).toEqual([
          [null, null, '2025-09-10'],
          ['Head of Sales', 'Lumen Glass AG', '2026-02-01'],
        ]);
        expect(shown!.contact.company).toBe('Lumen Glass AG');
        const before = shown!.jobHistory;
        await t.db.deleteFrom('job_history').execute();
        await recomputeAll(t.db, NOW);
        expect((await showContact(t.db, JANA))!.jobHistory).toEqual(before);
      } finally {
        await t.dispose();
      }
    });

    it('never makes a contact out of an auto-reply alone', async () => {
      const t = await freshDatabase(dialect);
      try {
        const m = await addMember(t.db, 'bob');
        await ingest(t.db, m, [message('b1', '2025-09-10T09:00:00Z', leftReply, true)]);
        expect(await showContact(t.db, JANA)).toBeNull();
      } finally {
        await t.dispose();
      }
    });
  });
}
