/**
 * Is a message an automatic reply saying the sender no longer works there ("Jana is no longer with
 * the company; please write to sales@...")? Such a reply comes from the person's own business mailbox,
 * so its signature is theirs (kept, see sender-class.ts), and it is also evidence that the job in that
 * signature has ended: the parser reports it as `jobEnded` in the extract result and the store may
 * date the profile's employment from it. Only automatic replies count: in ordinary mail the sentence is
 * about somebody else. Pure; the cues are the lexicons' `jobEndedCues`.
 */
import { alt } from './lexicon/index.ts';
import { isAutoReply } from './sender-class.ts';

const CUE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${alt('jobEndedCues')})`, 'iu');
/** An auto-reply says it in its first lines; 2,000 characters bound the search on a long quoted reply. */
const HEAD = 2_000;

/** True when `headers` mark an automatic reply whose newest text says the sender has left. */
export function reportsJobEnded(headers: Record<string, string>, text: string): boolean {
  return isAutoReply(headers) && CUE_RE.test(text.slice(0, HEAD));
}
