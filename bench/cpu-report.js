/**
 * Preloaded into the processes `npm run bench:parse` times (`node --import ./bench/cpu-report.js ...`):
 * at exit, writes the process's own CPU seconds (user + system, `process.cpuUsage()`) to file
 * descriptor 3, so the bench can report CPU next to wall time. On a machine shared with other work the
 * wall time mostly measures the neighbours; CPU time is what the command itself costs.
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  try {
    writeSync(3, `${(user + system) / 1000}\n`);
  } catch {
    // Not started by the bench (no descriptor 3): nothing to report.
  }
});
