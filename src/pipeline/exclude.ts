/**
 * A member's exclusions applied to a page, before anything reaches the store (issue 11, contributor control):
 * a message filed in an excluded folder or label contributes nothing; an observation about an excluded
 * address, or an address in an excluded domain (or one of its subdomains), is dropped, and so is a website
 * value that holds such an address (`mailto:` in a website, a Skype handle). Pure: the rules come in as data (src/connections/exclusions.ts
 * loads them per connection).
 *
 * An item that loses everything also loses its message key: the store never records it as processed, so a
 * later harvest that reads the message again (after the member removed the exclusion) is not told to skip it.
 */
import { addressesIn } from '../store/addresses-in.ts';
import type { ObservationInput, PageItem } from './types.ts';

/** One member's rules for one connection, lower-cased where addresses and domains are concerned. */
export interface ExclusionRules {
  addresses: ReadonlySet<string>;
  domains: ReadonlySet<string>;
  /** Folders or labels of this connection, as the provider names them. */
  folders: ReadonlySet<string>;
}

export const NO_EXCLUSIONS: ExclusionRules = {
  addresses: new Set(),
  domains: new Set(),
  folders: new Set(),
};

/** True when no rule is set (the harvest then skips the filtering altogether). */
export function noRules(r: ExclusionRules): boolean {
  return r.addresses.size === 0 && r.domains.size === 0 && r.folders.size === 0;
}

/** Is this address excluded by address, or by its domain or a parent domain of it? */
export function isExcludedAddress(r: ExclusionRules, email: string): boolean {
  const e = email.trim().toLowerCase();
  if (r.addresses.has(e)) return true;
  const at = e.lastIndexOf('@');
  if (at < 0) return false;
  // "mail.acme.com" is excluded by "acme.com": walk the labels (at most a few dozen, bounded by 320 chars).
  let d = e.slice(at + 1);
  for (;;) {
    if (r.domains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

/** The folder rules case-folded, once per rule set (a harvest checks every message against the same set). */
const foldedFolders = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
function folded(rules: ReadonlySet<string>): ReadonlySet<string> {
  let f = foldedFolders.get(rules);
  if (!f) foldedFolders.set(rules, (f = new Set([...rules].map((v) => v.toLowerCase()))));
  return f;
}

/**
 * Is a message filed under one of these folders or labels excluded? Names match whatever their case: Gmail
 * refuses two labels that differ only in case, IMAP's INBOX is case-insensitive (RFC 3501 §5.1), and a
 * member typing "clients" for "Clients" means it.
 */
export function isExcludedFolder(r: ExclusionRules, folders: readonly string[] | undefined): boolean {
  if (r.folders.size === 0 || !folders?.length) return false;
  const want = folded(r.folders);
  return folders.some((f) => want.has(f.toLowerCase()));
}

/** Kept unless it is about an excluded person, or its value holds one's address ("mailto:", Skype). */
const keeps = (r: ExclusionRules, o: ObservationInput) =>
  !isExcludedAddress(r, o.email) && !addressesIn(o.field, o.value).some((a) => isExcludedAddress(r, a));

/**
 * The item as the member lets it be shared, or null when nothing of it may be (then it is not even
 * remembered as processed). `folders` are the message's folders or labels (none for calendar and contacts).
 */
export function applyExclusions(
  r: ExclusionRules,
  item: PageItem,
  folders: readonly string[] | undefined,
): PageItem | null {
  if (isExcludedFolder(r, folders)) return null;
  const kept = item.observations.filter((o) => keeps(r, o));
  if (kept.length === item.observations.length) return item;
  if (kept.length === 0) return null;
  return { ...item, observations: kept };
}
