/**
 * The whole pure extract path: raw bytes or a MinimalMessage -> one `ExtractResult` (the
 * `sigmine extract --json` contract, keys in the order). Never throws for bad mail: a message
 * over budget or malformed comes back as `discarded: "unreadable"` with a `reason`.
 */
import { signedForSharedMailbox } from './shared-mailbox.ts';
import type { Address, Contact, ExtractResult, MinimalMessage } from './types.ts';
import { classifySender, sentByPlatform } from './sender-class.ts';
import { reportsJobEnded } from './job-ended.ts';
import { findSignature } from './signature.ts';
import { extractFields } from './fields.ts';
import { parseRaw, selectHeaders, toMinimal } from './message.ts';
import { BudgetError, capLines, deadline } from './budget.ts';
import { mentionsSender } from './lines.ts';
import type { LabellerModel } from './labeller/model.ts';

/** Choices for evaluation: `labeller` replaces the shipped model (null: the hand-written rules alone). */
export interface ExtractOptions {
  labeller?: LabellerModel | null;
}

function result(
  file: string | undefined,
  messageId: string | null,
  from: Address,
  discarded: ExtractResult['discarded'],
  lines: string[] | null,
  contact: ExtractResult['contact'],
  reason?: string,
): ExtractResult {
  // Key order is part of the contract: file, messageId, from, discarded, signature, contact, reason.
  const r: ExtractResult = {
    ...(file !== undefined ? { file } : {}),
    messageId,
    from,
    discarded,
    signature: lines ? { lines } : null,
    contact,
    ...(reason !== undefined ? { reason } : {}),
  };
  return r;
}

function messageIdOf(h: Record<string, string>): string | null {
  const v = (h['message-id'] ?? '').trim();
  return v === '' ? null : v.slice(0, 998);
}

/**
 * Extracts from a connector's MinimalMessage (headers + tail). `check` enforces the time budget
 * (default: a fresh per-message deadline); a failure inside the parser becomes `unreadable`.
 */
export function extractMinimal(
  m: MinimalMessage,
  file?: string,
  check: (stage: string) => void = deadline().check,
  opts: ExtractOptions = {},
): ExtractResult {
  const { from, discarded } = classifySender(m.headers);
  const messageId = messageIdOf(m.headers);
  if (discarded) return result(file, messageId, from, discarded, null, null);
  try {
    // Connectors cap the tail already; cap lines again because MinimalMessages also come from outside.
    const tail = capLines(m.tail.length > 65_536 ? m.tail.slice(-65_536) : m.tail);
    const lines =
      opts.labeller === undefined
        ? findSignature(tail, from, m.signatureHint ?? undefined)
        : findSignature(tail, from, m.signatureHint ?? undefined, opts.labeller);
    check('signature search');
    if (!lines || lines.length === 0) {
      const none = result(file, messageId, from, null, null, null);
      if (reportsJobEnded(m.headers, tail)) none.jobEnded = true;
      return none;
    }
    const clean = lines.map((l) => l.replace(/\s+$/, '')).filter((l) => l !== '');
    const contact = extractFields(clean, from);
    check('field extraction');
    if (platformFooter(from, contact, m.headers)) return result(file, messageId, from, null, null, null);
    // A person signing for a shared mailbox that no role list names (shared-mailbox.ts).
    if (signedForSharedMailbox(from, contact))
      return result(file, messageId, from, 'role-account', null, null);
    const r = result(file, messageId, from, null, clean, contact);
    // Last key, and only when true: the contract's other keys keep their order and shape.
    if (reportsJobEnded(m.headers, tail)) r.jobEnded = true;
    return r;
  } catch (err) {
    return result(file, messageId, from, 'unreadable', null, null, reasonOf(err));
  }
}

/**
 * "Jane Roe (via Vaultline)", or `Sender: notifications@scholartrack.example` under Jane's own From: a
 * platform (a data room, a manuscript system, a learning or tracking service) sent this message on the
 * person's behalf from its own template. A block whose name is not the person's is the platform's footer
 * ("Vaultline, Inc.", its support desk, "Reply to answer Priya directly"), not their signature. A mailing list
 * that relays a member's post (its List-* headers) is no such platform.
 */
const VIA_PLATFORM_RE = /^(.{1,200}?)\s\(via [^()<>@]{1,80}\)$/i;

function platformFooter(from: Address, contact: Contact, headers: Record<string, string>): boolean {
  const via = from.name ? VIA_PLATFORM_RE.exec(from.name)?.[1] : undefined;
  const person = via ?? (sentByPlatform(from, headers) ? (from.name ?? '') : undefined);
  return person !== undefined && (contact.name === null || !mentionsSender(contact.name, person, from.email));
}

function reasonOf(err: unknown): string {
  if (err instanceof BudgetError) return err.message;
  return `malformed message: ${(err as Error)?.message ?? String(err)}`.slice(0, 300);
}

/** Extracts from raw RFC 5322 bytes (an .eml file, one mbox message). */
export function extractRaw(bytes: Uint8Array, file?: string, opts: ExtractOptions = {}): ExtractResult {
  const d = deadline();
  try {
    const parsed = parseRaw(bytes, { check: d.check });
    const m = toMinimal(parsed, file ?? '');
    d.check('newest-part cut');
    return extractMinimal(m, file, d.check, opts);
  } catch (err) {
    // Name the sender when the headers were read before the budget ran out.
    const h = err instanceof BudgetError && err.headers ? selectHeaders(err.headers) : null;
    const from = h ? classifySender(h).from : { name: null, email: null };
    return result(file, h ? messageIdOf(h) : null, from, 'unreadable', null, null, reasonOf(err));
  }
}
