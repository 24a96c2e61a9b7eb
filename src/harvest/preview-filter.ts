/**
 * What a dry run may show as "would be shared": exactly the contacts a real harvest would store or update.
 * Exists because a preview (web `/member/preview`, `sigmine harvest --dry-run`) reads mail without the
 * store, and so without the store's rules: it showed erased people as contacts to contribute.
 * The same rules as `ingestPage` (src/store/ingest.ts), read-only (a dry run records no blocked re-add):
 * - someone on the suppression list (erased or objected) is never shown, neither as a contact nor as an
 *   address inside another contact's website ("mailto:jane@acme.com"; `addressesIn`);
 * - a restricted profile is frozen, so nothing would be shared about it;
 * - someone not in the directory yet is shown only with a business field (`BUSINESS_FIELDS`): a name from a
 *   From header alone makes no contact.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { suppressedAmong } from '../privacy/hooks.ts';
import { statusOfEmails } from '../store/directory.ts';
import { addressesIn } from '../store/addresses-in.ts';
import type { PreviewContact } from './types.ts';

export async function shareablePreview(
  db: Kysely<DB>,
  contacts: PreviewContact[],
  businessEmails: ReadonlySet<string>,
  secretKey: string | null,
): Promise<PreviewContact[]> {
  if (contacts.length === 0) return contacts;
  const emails = contacts.map((c) => c.email);
  const status = await statusOfEmails(db, emails);
  const held = new Map(
    contacts.flatMap((c) => c.websites.map((w) => [w, addressesIn('website', w)] as const)),
  );
  // The same suppression check as a harvest, read-only: a dry run records no blocked re-add.
  const suppressed = await suppressedAmong(db, [...emails, ...[...held.values()].flat()], {
    secretKey,
    record: false,
  });
  const shown = (w: string) => !held.get(w)!.some((e) => suppressed.has(e));
  return contacts
    .filter((c) => {
      if (suppressed.has(c.email)) return false;
      const s = status.get(c.email);
      if (s) return s !== 'restricted';
      return businessEmails.has(c.email);
    })
    .map((c) => (c.websites.every(shown) ? c : { ...c, websites: c.websites.filter(shown) }));
}
