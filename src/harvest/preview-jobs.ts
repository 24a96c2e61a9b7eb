/**
 * Why this file exists: a member's preview ("what would this mailbox share?") is a dry-run harvest of the
 * newest PREVIEW_LIMIT messages, headers first, under the connection's lease (previewConnection). It takes
 * seconds to minutes against a real provider, so it runs as a job beside the request that asked for it: the
 * page (or a script) polls its status, with the messages read so far, and reads the result when it is done.
 *
 * One job at a time per member: asking again while one runs returns the running one. The result (the contacts
 * found) lives in this process's memory only, for RESULT_TTL_MS after the job ends, and only its member can
 * read it: a preview stores nothing, in the database or elsewhere.
 */
import { randomUUID } from 'node:crypto';
import type { Progress } from '../log.ts';
import type { HarvestEnv } from './harvest-connection.ts';
import { previewConnection, PREVIEW_LIMIT } from './index.ts';
import type { PreviewContact } from './types.ts';

/** How long a finished preview's result stays readable: long enough to look at, short enough to forget. */
export const RESULT_TTL_MS = 10 * 60_000;

/** What a poll sees (no contact data: the contacts come with `result`, once done). */
export interface PreviewJobStatus {
  id: string;
  connectionId: string;
  state: 'running' | 'done' | 'failed';
  /** Messages (or entries) read so far, of at most `limit`. */
  scanned: number;
  limit: number;
  /** Contacts found so far. */
  contacts: number;
  startedAt: string;
  finishedAt: string | null;
  /** Why it failed, or the connection's outcome when it was not `ok` (needs-reconnect, rate-limited...). */
  code: string | null;
}

interface Job {
  member: string;
  status: PreviewJobStatus;
  result: PreviewContact[] | null;
}

export class PreviewJobs {
  private readonly jobs = new Map<string, Job>();

  /**
   * Starts a preview of `connectionId` for `member` (who must own it: the caller checks), or returns the
   * member's preview still running. `env.progress` is replaced by the job's own.
   */
  start(env: HarvestEnv, member: string, connectionId: string): PreviewJobStatus {
    const key = member.toLowerCase();
    for (const j of this.jobs.values())
      if (j.member === key && j.status.state === 'running') return { ...j.status };
    const job: Job = {
      member: key,
      result: null,
      status: {
        id: randomUUID(),
        connectionId,
        state: 'running',
        scanned: 0,
        limit: PREVIEW_LIMIT,
        contacts: 0,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        code: null,
      },
    };
    this.jobs.set(job.status.id, job);
    const progress: Progress = {
      update: (_key, patch) => {
        if (patch.scanned !== undefined) job.status.scanned = Math.min(patch.scanned, PREVIEW_LIMIT);
        if (patch.contacts !== undefined) job.status.contacts = patch.contacts;
      },
      stop: () => {},
    };
    previewConnection({ ...env, progress }, connectionId).then(
      (r) => {
        job.result = r.preview ?? [];
        this.finish(job, 'done', r.status === 'ok' ? null : (r.code ?? r.status));
        job.status.contacts = job.result.length;
      },
      (err: unknown) => {
        this.finish(job, 'failed', (err as { code?: string }).code ?? 'internal');
      },
    );
    return { ...job.status };
  }

  /** The member's job, or null (unknown, expired or someone else's). */
  status(member: string, id: string): PreviewJobStatus | null {
    const j = this.jobs.get(id);
    return j && j.member === member.toLowerCase() ? { ...j.status } : null;
  }

  /** The contacts a finished job found, for its member only; null while it runs or when unknown. */
  result(member: string, id: string): PreviewContact[] | null {
    const j = this.jobs.get(id);
    return j && j.member === member.toLowerCase() && j.status.state !== 'running' ? j.result : null;
  }

  private finish(job: Job, state: 'done' | 'failed', code: string | null): void {
    job.status.state = state;
    job.status.code = code;
    job.status.finishedAt = new Date().toISOString();
    setTimeout(() => this.jobs.delete(job.status.id), RESULT_TTL_MS).unref();
  }
}
