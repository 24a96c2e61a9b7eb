/**
 * Bounce messages (delivery status notifications, RFC 3464) that come back for notices: which of our
 * Message-IDs they are about, and whether delivery failed for good. A DSN carries the original message (or
 * its headers) as a `message/rfc822` or `text/rfc822-headers` part, and a `message/delivery-status` part with
 * `Action: failed | delayed | delivered | relayed | expanded` per recipient (RFC 3464 §2.3.3).
 * Hostile input: only the first 256 KiB are read, lines are capped at 1,000 characters before matching, and
 * the patterns are anchored with bounded classes (linear time).
 */

/** DSNs are small: 256 KiB holds the report and the returned headers (bodies may be cut off). */
const MAX_BYTES = 256 * 1024;
const MAX_LINE = 1000;

export interface DsnReport {
  /** Message-IDs of the original messages named in the report (ours are `<uuid@host>`). */
  messageIds: string[];
  /** True when the report says delivery failed for good (any `Action: failed` or a 5.x.x status). */
  failed: boolean;
  /** True when it only reports a delay (do not mark bounced). */
  delayedOnly: boolean;
}

const MESSAGE_ID = /^(?:original-message-id|message-id)[ \t]*:[ \t]*(<[^<>\s]{1,250}>)/i;
const ACTION = /^action[ \t]*:[ \t]*([a-z]{1,12})/i;
const STATUS = /^status[ \t]*:[ \t]*([245])\.\d{1,3}\.\d{1,3}/i;

export function readDsn(bytes: Uint8Array): DsnReport {
  const text = Buffer.from(bytes.subarray(0, MAX_BYTES)).toString('latin1');
  const lines = text.split(/\r?\n/);
  // The DSN's own header block (up to the first empty line) names the DSN, not our notice.
  let i = lines.findIndex((l) => l === '');
  if (i < 0) i = lines.length;
  const ids = new Set<string>();
  const actions: string[] = [];
  let permanent = false;
  for (let k = i + 1; k < lines.length; k++) {
    const line = lines[k]!.slice(0, MAX_LINE);
    const id = MESSAGE_ID.exec(line);
    if (id) ids.add(id[1]!);
    const a = ACTION.exec(line);
    if (a) actions.push(a[1]!.toLowerCase());
    const s = STATUS.exec(line);
    if (s && s[1] === '5') permanent = true;
  }
  const failed = actions.includes('failed') || permanent || (actions.length === 0 && ids.size > 0);
  return {
    messageIds: [...ids],
    failed,
    delayedOnly: !failed && actions.length > 0 && actions.every((a) => a === 'delayed'),
  };
}
