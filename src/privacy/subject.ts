/**
 * The keyed identity of a person (data subject): HMAC-SHA256 of the normalised email, made with
 * src/store/keyed-hash.ts (purpose-separated keys). Suppressions, gates, notices and the request log
 * refer to people only through these hashes.
 */
import type { Kysely } from 'kysely';
import type { SameMailbox } from '../store/forget.ts';
import { HASH_PURPOSE, keyedHasher, type KeyedHasher } from '../store/keyed-hash.ts';

/** Providers known to ignore dots in the local part and treat `+tag` as the same mailbox. */
const DOT_PLUS_PROVIDERS = new Set(['gmail.com', 'googlemail.com']);
/** Providers known to treat `+tag` as the same mailbox (dots are significant there). */
const PLUS_PROVIDERS = new Set([
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'me.com',
  'fastmail.com',
]);

/**
 * The address as it identifies a person to the suppression list and privacy requests (one person, one
 * identity): lower-cased and trimmed, with dot/plus folding only for providers known to do it
 * (privacy-law.md §2.3). Business domains are left alone: `a.b@corp.com` and `ab@corp.com` may differ.
 */
export function subjectAddress(email: string): string {
  const e = email.trim().toLowerCase().slice(0, 320);
  const at = e.lastIndexOf('@');
  if (at <= 0) return e;
  let local = e.slice(0, at);
  const domain = e.slice(at + 1);
  if (DOT_PLUS_PROVIDERS.has(domain) || PLUS_PROVIDERS.has(domain)) {
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
  }
  if (DOT_PLUS_PROVIDERS.has(domain)) local = local.replace(/\./g, '');
  return `${local}@${DOT_PLUS_PROVIDERS.has(domain) ? 'gmail.com' : domain}`;
}

/**
 * The same-person rule handed to the store's erasure (src/store/forget.ts `forgetAddress`): addresses with
 * equal `subjectAddress` are one mailbox, and variants can only differ where the provider folds dots or
 * `+tag` (Gmail variants may use googlemail.com too); business domains have no variants.
 */
export const sameMailbox: SameMailbox = {
  key: subjectAddress,
  domains(email) {
    const domain = email.trim().toLowerCase().split('@').pop() ?? '';
    if (DOT_PLUS_PROVIDERS.has(domain)) return [...DOT_PLUS_PROVIDERS];
    return PLUS_PROVIDERS.has(domain) ? [domain] : [];
  },
};

/** Hashers for a person's keyed identity (suppression purpose) and the request log (its own purpose). */
export interface SubjectHashers {
  subject: KeyedHasher;
  request: KeyedHasher;
}

/**
 * Hashers per transaction and secret: making one reads the database's key epoch, so a page of 1,000 new
 * contacts makes it once, not 1,000 times.
 */
const cache = new WeakMap<object, Map<string, Promise<SubjectHashers>>>();

/** `secretKey`: the keyring text (`Config.secretKey`); null or left out = the per-database dev secret (never the environment). */
export function subjectHashers(db: Kysely<any>, secretKey?: string | null): Promise<SubjectHashers> {
  const make = async () => ({
    subject: await keyedHasher(db, HASH_PURPOSE.suppression, secretKey ?? null),
    request: await keyedHasher(db, HASH_PURPOSE.requestLog, secretKey ?? null),
  });
  // Only within a transaction: a long-lived handle (the web app's) must see a key rotation made meanwhile.
  if (!db.isTransaction) return make();
  // ...where each address is hashed once: a page's new contacts are hashed by the suppression check and
  // again for their privacy gates and notices (one HMAC per key epoch each time). Held for the transaction
  // only, so no more than the page's own addresses.
  const once = async () => {
    const h = await make();
    return { subject: remembered(h.subject), request: remembered(h.request) };
  };
  const k = secretKey ?? '\u0000dev';
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let h = m.get(k);
  if (!h) {
    h = once();
    h.catch(() => m.delete(k));
    m.set(k, h);
  }
  return h;
}

/** `hash` with its answers kept (a transaction's hasher: its key cannot change before it ends). */
function remembered(hash: KeyedHasher): KeyedHasher {
  const seen = new Map<string, string>();
  return (value) => {
    let h = seen.get(value);
    if (h === undefined) seen.set(value, (h = hash(value)));
    return h;
  };
}

/** The keyed identity of `email` (64 hex chars). */
export async function subjectHash(
  db: Kysely<any>,
  email: string,
  secretKey?: string | null,
): Promise<string> {
  return (await subjectHashers(db, secretKey)).subject(subjectAddress(email));
}
