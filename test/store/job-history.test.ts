/**
 * The job timeline is derived in one pass over its change dates; it used to look each date up from the
 * start of the chain (quadratic in the number of changes). This checks the pass against that earlier
 * definition, kept here as the reference, over many random histories with overlaps, ties, corroboration
 * and both fields changing.
 */
import { describe, expect, it } from 'vitest';
import { jobTimeline, startFromRows, type JobChangeRow } from '../../src/store/job-history.ts';
import type { Candidate } from '../../src/store/merge.ts';

/** The earlier definition, verbatim but for names. */
function reference(titles: Candidate[], companies: Candidate[]): JobChangeRow[] {
  const better = (x: Candidate, y: Candidate) =>
    x.corroboration !== y.corroboration
      ? x.corroboration > y.corroboration
        ? x
        : y
      : x.last >= y.last
        ? x
        : y;
  const chain = (cands: Candidate[]) => {
    const sorted = [...cands].sort((a, b) =>
      a.first < b.first ? -1 : a.first > b.first ? 1 : a.value < b.value ? -1 : 1,
    );
    const out: Array<{ at: string; value: Candidate }> = [];
    let cur = null as Candidate | null;
    for (const c of sorted) {
      if (!cur || cur.last < c.first) {
        cur = c;
        out.push({ at: c.first, value: c });
      } else {
        const b = better(c, cur);
        if (b !== cur) {
          out[out.length - 1] = { at: out[out.length - 1]!.at, value: b };
          cur = b;
        } else if (c.last > cur.last) cur = { ...cur, last: c.last };
      }
    }
    return out;
  };
  const valueAt = (ch: Array<{ at: string; value: Candidate }>, d: string, inclusive: boolean) => {
    let v: string | null = null;
    for (const e of ch) if (inclusive ? e.at <= d : e.at < d) v = e.value.raw;
    return v;
  };
  const t = chain(titles);
  const c = chain(companies);
  const dates = [...new Set([...t.slice(1).map((e) => e.at), ...c.slice(1).map((e) => e.at)])].sort();
  return dates.map((d) => ({
    old_title: valueAt(t, d, false),
    old_company: valueAt(c, d, false),
    new_title: valueAt(t, d, true),
    new_company: valueAt(c, d, true),
    changed_at: d,
  }));
}

/** A value of `field` from day `first` to day `last`, seen by `n` contributors. */
const cand = (field: string, raw: string, first: number, last: number, n = 1): Candidate => ({
  field,
  value: raw.toLowerCase(),
  raw,
  corroboration: n,
  sources: new Set(['signature']),
  first: new Date(Date.UTC(2020, 0, 1 + first)).toISOString(),
  last: new Date(Date.UTC(2020, 0, 1 + last)).toISOString(),
});

describe('job timeline', () => {
  it('equals the date-by-date definition for random histories with overlaps, ties and both fields changing', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    let changes = 0;
    for (let round = 0; round < 500; round++) {
      const history = (field: string, count: number, step: number, span: number) => {
        const out: Candidate[] = [];
        for (let i = 0, day = 0; i < count; i++) {
          day += rnd(step);
          out.push(cand(field, `${field} ${rnd(5)}-${i}`, day, day + rnd(span), 1 + rnd(3)));
        }
        return out;
      };
      const titles = history('title', rnd(12), 40, 60);
      const companies = history('company', rnd(6), 90, 80);
      const got = jobTimeline(titles, companies);
      expect(got).toEqual(reference(titles, companies));
      changes += got.length;
    }
    expect(changes).toBeGreaterThan(500);
  });

  it('a timeline of two thousand changes ends with the last one', () => {
    const titles = Array.from({ length: 2001 }, (_, i) => cand('title', `Title ${i}`, i * 2, i * 2));
    const timeline = jobTimeline(titles, [cand('company', 'Initech', 0, 5000)]);
    expect(timeline).toHaveLength(2000);
    expect(timeline.at(-1)).toMatchObject({
      old_title: 'Title 1999',
      new_title: 'Title 2000',
      old_company: 'Initech',
      new_company: 'Initech',
    });
  });
  it('taken up again at any date no value spans, from the rows before it, gives the same rows from then on', () => {
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    let compared = 0;
    let fellBack = 0;
    for (let round = 0; round < 400; round++) {
      const history = (field: string, count: number, step: number, span: number) => {
        const out: Candidate[] = [];
        for (let i = 0, day = 0; i < count; i++) {
          day += rnd(step);
          out.push(cand(field, `${field} ${rnd(5)}-${i}`, day, day + rnd(span), 1 + rnd(3)));
        }
        return out;
      };
      const titles = history('title', rnd(10), 40, 50);
      const companies = history('company', rnd(5), 90, 60);
      const ended = history('job.ended', rnd(3), 150, 30);
      const all = [...titles, ...companies];
      const full = jobTimeline(titles, companies, ended);
      // Every date no title or company value spans: each value's first sighting, and one past the last.
      const cuts = [...new Set(all.map((v) => v.first))].filter(
        (at) => !all.some((v) => v.first < at && v.last >= at),
      );
      for (const from of cuts) {
        const before = full.filter((r) => r.changed_at < from);
        const lastDate = before.at(-1)?.changed_at;
        const first = (vs: Candidate[]) => (vs.length ? vs.map((v) => v.first).sort()[0]! : null);
        const start = startFromRows(
          from,
          before.filter((r) => r.changed_at === lastDate),
          first(titles),
          first(companies),
        );
        if (!start) {
          fellBack++;
          continue;
        }
        const tail = jobTimeline(
          titles.filter((v) => v.first >= from),
          companies.filter((v) => v.first >= from),
          ended,
          start,
        );
        expect(tail).toEqual(full.filter((r) => r.changed_at >= from));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(fellBack).toBeLessThan(compared);
  });
});
