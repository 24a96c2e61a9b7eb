/**
 * Preloaded into the `sigmine harvest` process `npm run bench:memory` measures
 * (`node --import ./bench/rss-report.js bin/sigmine.js ...`): at exit, writes the process's peak resident size
 * (the kernel's high-water mark, `process.resourceUsage().maxRSS`, in KiB) to file descriptor 3.
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    // Not started by the bench (no descriptor 3): nothing to report.
  }
});
