/**
 * Why a message that parsed gave no text: parseRaw walks only the first MAX_PARSE_BYTES (16 MiB) for the
 * text part, so a text part behind a larger attachment is never reached and the message used to come back
 * as "no signature" with no reason. This names the budget instead (reporting layer: parsers/ unchanged).
 */
import { MAX_PARSE_BYTES } from '../parsers/budget.ts';
import { parseRaw, type ParsedMessage } from '../parsers/message.ts';

/** The reason when `bytes` is over the walk budget and no text part was found within it, else null. */
export function textBeyondBudget(bytes: Uint8Array, parsed?: ParsedMessage): string | null {
  if (bytes.length <= MAX_PARSE_BYTES) return null;
  let text: string;
  try {
    text = (parsed ?? parseRaw(bytes)).text;
  } catch {
    return null; // the parser's own error is the reason; the caller already has it
  }
  if (text !== '') return null;
  return (
    `no text part within the first ${MAX_PARSE_BYTES / 1048576} MiB walked (MAX_PARSE_BYTES budget); ` +
    `the message is ${(bytes.length / 1048576).toFixed(1)} MiB`
  );
}
