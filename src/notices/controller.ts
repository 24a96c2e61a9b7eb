/**
 * The controller's identity and the data-protection officer's contact, as every pre-add notice states them
 * (GDPR Art. 14(1)(a)-(b)). Configured with SIGMINE_CONTROLLER and SIGMINE_DPO (`none`: no officer is
 * appointed, and the notice says so). Mail that really leaves (SMTP) is refused while either is unset; the
 * file transport of the demo writes the notice with the gap marked, so nobody mistakes it for a real one.
 */
import { AppError } from '../errors.ts';

export interface ControllerDetails {
  /** The controller's name and contact details, one line ("Acme Directory Ltd, 1 Main St, privacy@acme.example"). */
  identity: string | null;
  /** The data-protection officer's contact; `none` when no officer is appointed. */
  dpo: string | null;
}

/** What the notice prints for the controller and the officer (placeholders {{controller}} and {{dpo}}). */
export function controllerLines(c: ControllerDetails): { controller: string; dpo: string | null } {
  const dpo =
    c.dpo === null ? '[not configured: SIGMINE_DPO]' : c.dpo.toLowerCase() === 'none' ? null : c.dpo;
  return { controller: c.identity ?? '[not configured: SIGMINE_CONTROLLER]', dpo };
}

/** The variables still missing before a notice may go out as real mail; empty when none is. */
export function missingControllerDetails(c: ControllerDetails): string[] {
  return [c.identity === null ? 'SIGMINE_CONTROLLER' : null, c.dpo === null ? 'SIGMINE_DPO' : null].filter(
    (v): v is string => v !== null,
  );
}

/** Throws a `bad-config` error naming what is missing, when real mail would go out without it. */
export function requireControllerDetails(c: ControllerDetails, what: string): void {
  const missing = missingControllerDetails(c);
  if (missing.length === 0) return;
  throw new AppError(
    'bad-config',
    `${what} refuses to send real mail until ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} set: ` +
      'every notice must name the controller and the data-protection officer (GDPR Art. 14(1)(a)-(b); ' +
      'SIGMINE_DPO=none when no officer is appointed)',
  );
}
