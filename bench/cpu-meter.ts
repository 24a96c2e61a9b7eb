/**
 * CPU seconds of this process plus the PostgreSQL backends it talks to, when they run on this machine
 * (/proc/PID/stat utime + stime, in clock ticks of 1/100 s on Linux): what a piece of work costs wherever it
 * is spent, whatever else the machine is running. Ticks are coarse (10 ms): read it around many pages, not
 * one. Backends are learnt from the pg client's own process ids as queries go out.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

const backends = new Set<number>();
let patched = false;

/** Starts noting the backends of every pg client in this process (idempotent). */
export function watchBackends(): void {
  if (patched) return;
  patched = true;
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: { processID?: number | null }, ...a: unknown[]) {
    if (this.processID) backends.add(this.processID);
    return query.apply(this, a);
  } as typeof pg.Client.prototype.query;
}

/** This process's CPU seconds, and its local backends' (0 when none is local). */
export function cpuNow(): { self: number; backends: number } {
  const u = process.cpuUsage();
  let b = 0;
  for (const pid of backends) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      b += (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      // not local, or ended
    }
  }
  return { self: (u.user + u.system) / 1e6, backends: b };
}
