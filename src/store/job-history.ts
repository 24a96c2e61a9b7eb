/**
 * Job history from observations (pure): a title or company value SUPERSEDED by a later one (last seen
 * before the other was first seen, see merge.ts) is a job change, dated by the first sighting of the new
 * value. Derived from the observations each time, so the history is the same whatever order the mail is
 * harvested in (Gmail lists newest first: the old signature often arrives after the new one).
 * Overlapping values (conflicting evidence, not a change) keep the better-ranked one and make no entry.
 */
import type { Candidate } from './merge.ts';

export interface JobChangeRow {
  old_title: string | null;
  old_company: string | null;
  new_title: string | null;
  new_company: string | null;
  changed_at: string;
}

/** Chain of (from date, value) for one field: each entry supersedes the previous one. */
function chain(cands: Candidate[]): Array<{ at: string; value: Candidate }> {
  const sorted = [...cands].sort((a, b) =>
    a.first < b.first ? -1 : a.first > b.first ? 1 : a.value < b.value ? -1 : 1,
  );
  const out: Array<{ at: string; value: Candidate }> = [];
  let cur = null as Candidate | null;
  for (const c of sorted) {
    if (!cur) {
      cur = c;
      out.push({ at: c.first, value: c });
    } else if (cur.last < c.first) {
      cur = c;
      out.push({ at: c.first, value: c });
    } else {
      // Overlap: the better supported (then more recent) value stands for this period; no change entry.
      const better = b(c, cur);
      if (better !== cur) {
        out[out.length - 1] = { at: out[out.length - 1]!.at, value: better };
        cur = better;
      } else if (c.last > cur.last) cur = { ...cur, last: c.last };
    }
  }
  return out;
}

const b = (x: Candidate, y: Candidate) =>
  x.corroboration !== y.corroboration
    ? x.corroboration > y.corroboration
      ? x
      : y
    : x.last >= y.last
      ? x
      : y;

/**
 * Where a timeline is taken up again from a date (src/store/job-inputs.ts): no title or company value
 * spans `from` (each was last seen before it or first seen at or after it), so the rows before it stand and
 * the chains start afresh there. `title` / `company` are the values held just before `from` (null: none, or
 * ended); `titleBefore` / `companyBefore` whether that field has values from before `from` at all.
 */
export interface TimelineStart {
  from: string;
  title: string | null;
  company: string | null;
  titleBefore: boolean;
  companyBefore: boolean;
}

/**
 * Job changes (oldest first). Pass [] for a field the person pinned (corrections are not job changes).
 * `ended` are "no longer with the company" replies (field `job.ended`): each ends the job held then, a row
 * with no new title or company, unless that same title or company was seen again after the reply (the reply
 * was wrong or the person came back). A value first seen after the end is the next job, as usual.
 * Linear after the sort: both chains are walked once, in date order, beside the change dates.
 * With `start`, only the rows from `start.from` on, out of the values first seen from then (`ended` may hold
 * more: only ends from then count): the same rows the whole history gives from that date.
 */
export function jobTimeline(
  titles: Candidate[],
  companies: Candidate[],
  ended: Candidate[] = [],
  start?: TimelineStart,
): JobChangeRow[] {
  const t = chain(titles);
  const c = chain(companies);
  const from = start?.from ?? '';
  const anyBefore = !!start && (start.titleBefore || start.companyBefore);
  // An end is placed just after its instant ("...Z" + "~" sorts after "...Z" and before any later time), so
  // the job it ends includes a signature sent in the same reply.
  const ends = endDates(ended, [...titles, ...companies], anyBefore)
    .filter((at) => at >= from)
    .map((at) => `${at}${AFTER}`);
  // Held before `from`: an entry dated before every other ('' sorts first).
  const before = (held: boolean, raw: string | null): Entry[] => (held ? [{ at: '', raw }] : []);
  const te = withEnds(before(!!start?.titleBefore, start?.title ?? null), t, ends);
  const ce = withEnds(before(!!start?.companyBefore, start?.company ?? null), c, ends);
  // A chain's first value is a change only when the field had one before.
  const changes = (ch: typeof t, held: boolean) => (held ? ch : ch.slice(1)).map((e) => e.at);
  const dates = [
    ...new Set([...changes(t, !!start?.titleBefore), ...changes(c, !!start?.companyBefore), ...ends]),
  ].sort();
  const [oldTitle, oldCompany, newTitle, newCompany] = [walker(te), walker(ce), walker(te), walker(ce)];
  const rows = dates.map((d) => ({
    old_title: oldTitle(d, false),
    old_company: oldCompany(d, false),
    new_title: newTitle(d, true),
    new_company: newCompany(d, true),
    changed_at: d.endsWith(AFTER) ? d.slice(0, -AFTER.length) : d,
  }));
  // An end with no job before it (or a second reply after the first) changes nothing.
  return rows.filter((r) => r.old_title !== r.new_title || r.old_company !== r.new_company);
}

/** The dates of the end replies that no later sighting of a job held at that date contradicts. */
function endDates(ended: Candidate[], jobValues: Candidate[], anyBefore = false): string[] {
  const out: string[] = [];
  for (const e of ended) {
    for (const at of new Set([e.first, e.last])) {
      // Values from before a timeline's start were all last seen before it: held then, and ended.
      const heldThen = jobValues.filter((v) => v.first <= at);
      if ((anyBefore || heldThen.length > 0) && heldThen.every((v) => v.last <= at)) out.push(at);
    }
  }
  return out;
}

const AFTER = '~';

interface Entry {
  at: string;
  raw: string | null;
}

/** A chain with "no job" entries at the end dates, in date order. */
function withEnds(before: Entry[], ch: Array<{ at: string; value: Candidate }>, ends: string[]): Entry[] {
  const out: Entry[] = [...before, ...ch.map((e) => ({ at: e.at, raw: e.value.raw }))];
  for (const at of ends) out.push({ at, raw: null });
  return out.sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.raw === null ? 1 : b.raw === null ? -1 : 0,
  );
}

/**
 * The value of a chain at each of a rising sequence of dates: the last entry from before `d` (or at `d`
 * when `inclusive`). Entry dates never fall, so a pointer that only moves forward finds it.
 */
function walker(ch: Entry[]) {
  let i = 0;
  return (d: string, inclusive: boolean): string | null => {
    while (i < ch.length && (inclusive ? ch[i]!.at <= d : ch[i]!.at < d)) i++;
    return i > 0 ? ch[i - 1]!.raw : null;
  };
}

/**
 * The values held just before `from`, read off the stored rows dated before it (`rows`: the rows of the
 * latest such date): an end reply's row (no new title or company) comes after a change on the same date.
 * Null when the rows cannot tell: a field first seen after the last row (its first value makes no row), or
 * values from before `from` but no row at all. `firstTitle` / `firstCompany`: each field's earliest first
 * sighting (null: none, or pinned).
 */
export function startFromRows(
  from: string,
  rows: JobChangeRow[],
  firstTitle: string | null,
  firstCompany: string | null,
): TimelineStart | null {
  const titleBefore = firstTitle !== null && firstTitle < from;
  const companyBefore = firstCompany !== null && firstCompany < from;
  if (!titleBefore && !companyBefore) return { from, title: null, company: null, titleBefore, companyBefore };
  const last = rows.find((r) => r.new_title === null && r.new_company === null) ?? rows[0];
  if (!last) return null;
  if ((titleBefore && firstTitle! > last.changed_at) || (companyBefore && firstCompany! > last.changed_at))
    return null;
  return { from, title: last.new_title, company: last.new_company, titleBefore, companyBefore };
}
