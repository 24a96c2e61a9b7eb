/**
 * The IMAP cursor: per mailbox, the UIDVALIDITY it was read under and the last UID handed over
 * (RFC 3501 2.3.1.1: UIDs are only meaningful together with UIDVALIDITY). HIGHESTMODSEQ (RFC 7162
 * CONDSTORE) is kept where the server offers it. Numbers that may exceed 2^53 (UIDVALIDITY and MODSEQ
 * are 32- and 63-bit) are kept as decimal strings.
 */
import { ConnectorError, type Cursor } from '../types.ts';

export interface MailboxState {
  uidValidity: string;
  lastUid: number;
  highestModseq?: string;
}

export interface ImapCursor extends Cursor {
  kind: 'imap';
  v: 1;
  mailboxes: Record<string, MailboxState>;
}

export function emptyCursor(): ImapCursor {
  return { kind: 'imap', v: 1, mailboxes: {} };
}

const DIGITS = /^\d{1,20}$/;

/** Validates a saved cursor; null means first run. A foreign or malformed cursor is `bad-input`. */
export function readCursor(c: Cursor | null): ImapCursor {
  if (c === null) return emptyCursor();
  if (c.kind !== 'imap' || c.v !== 1) {
    throw new ConnectorError('bad-input', `not an IMAP v1 cursor (kind ${String(c.kind)}, v ${String(c.v)})`);
  }
  const boxes = c.mailboxes;
  if (!boxes || typeof boxes !== 'object' || Array.isArray(boxes))
    throw new ConnectorError('bad-input', 'IMAP cursor has no mailboxes');
  const out = emptyCursor();
  for (const [path, s] of Object.entries(boxes as Record<string, unknown>)) {
    const st = s as Partial<MailboxState> | null;
    if (
      !st ||
      typeof st.uidValidity !== 'string' ||
      !DIGITS.test(st.uidValidity) ||
      typeof st.lastUid !== 'number' ||
      !Number.isInteger(st.lastUid) ||
      st.lastUid < 0 ||
      (st.highestModseq !== undefined &&
        (typeof st.highestModseq !== 'string' || !DIGITS.test(st.highestModseq)))
    ) {
      throw new ConnectorError('bad-input', `IMAP cursor entry for a mailbox is malformed`);
    }
    out.mailboxes[path] = {
      uidValidity: st.uidValidity,
      lastUid: st.lastUid,
      ...(st.highestModseq !== undefined ? { highestModseq: st.highestModseq } : {}),
    };
  }
  return out;
}

/** A deep copy, so a yielded page's cursor never changes after it was handed over. */
export function snapshot(c: ImapCursor): ImapCursor {
  return {
    kind: 'imap',
    v: 1,
    mailboxes: Object.fromEntries(Object.entries(c.mailboxes).map(([k, v]) => [k, { ...v }])),
  };
}
