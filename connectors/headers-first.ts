/**
 * Why this file exists: the promise is that sigmine reads headers and the signature block, so a mail
 * connector reads every message's headers first and downloads a body only for a message that can still
 * yield a signature. This is that decision, the same for Gmail, IMAP and Outlook: the sender class the
 * extractor would give (parsers/sender-class.ts: free-mail, bulk, role account, no sender) rules a
 * message out from its headers alone; the store's processed set (ConnectorDeps.alreadyProcessed) rules
 * out a message this connection already harvested. Ruled-out and processed messages are still handed
 * over, headers only, so the harvest counts them (discards by reason, replays) exactly as before.
 */
import { classifySender } from '../parsers/sender-class.ts';
import type { MinimalMessage } from '../parsers/types.ts';
import type { ConnectorDeps } from './types.ts';

export interface BodyPlan {
  /** sourceIds whose body is worth downloading. */
  wanted: Set<string>;
  /** How many were ruled out by their headers, and how many were already processed. */
  ruledOut: number;
  processed: number;
}

/** Which of these header-only messages need a body (pure apart from the processed-set lookup). */
export async function planBodies(
  heads: readonly MinimalMessage[],
  deps: Pick<ConnectorDeps, 'alreadyProcessed'>,
): Promise<BodyPlan> {
  const candidates = heads.filter((h) => classifySender(h.headers).discarded === null);
  const done =
    candidates.length && deps.alreadyProcessed ? await deps.alreadyProcessed(candidates) : new Set<string>();
  const wanted = new Set(candidates.filter((h) => !done.has(h.sourceId)).map((h) => h.sourceId));
  return { wanted, ruledOut: heads.length - candidates.length, processed: candidates.length - wanted.size };
}
