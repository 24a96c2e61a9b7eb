/**
 * The per-message time budget counts work, not waiting: a process that is stopped or starved while a
 * message is being parsed must not wake up to call an ordinary message over budget (it would be
 * counted unreadable and the harvest cursor would move past it for good).
 */
import { describe, expect, it } from 'vitest';
import { BudgetError, deadline } from '../../parsers/budget.ts';

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Works until `ms` of CPU time are spent (not wall time: on a busy machine the two differ a lot). */
function spin(ms: number): void {
  const cpu0 = process.cpuUsage();
  let x = 0;
  for (;;) {
    for (let i = 0; i < 10_000; i++) x += Math.sqrt(x + 1);
    const c = process.cpuUsage(cpu0);
    if ((c.user + c.system) / 1000 >= ms) break;
  }
  if (x < 0) throw new Error('unreachable');
}

describe('the time budget', () => {
  it('is not spent by a pause in which the process does no work', () => {
    const d = deadline(20);
    sleep(60);
    expect(() => d.check('signature search')).not.toThrow();
  });

  it('is spent by work, and says where and how long', () => {
    const d = deadline(20);
    spin(80);
    expect(() => d.check('signature search')).toThrow(BudgetError);
    expect(() => d.check('signature search')).toThrow(
      /time budget of 20 ms exceeded during signature search/,
    );
  });
});
