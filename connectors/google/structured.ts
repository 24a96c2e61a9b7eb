/**
 * Google calendar attendees and People entries -> StructuredContact. Free-email, role and unusable
 * addresses are discarded here (classifyAddress), the account owner is skipped (they are the
 * contributor), and an address appears once per page. `sourceId` is per contact (event id or
 * resource name + address [+ etag]) because the store drops repeated idempotency keys in a page.
 */
import { classifyAddress, mailboxAddress } from '../../parsers/sender-class.ts';
import type { StructuredContact } from '../types.ts';

export class ContactCollector {
  readonly out: StructuredContact[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly owner: string) {}

  add(
    c: Omit<StructuredContact, 'email' | 'sourceId'> & { sourceId: string; email: string | null | undefined },
  ): void {
    const email = mailboxAddress(c.email);
    if (!email || email === this.owner.toLowerCase() || this.seen.has(email)) return;
    // Rooms and shared calendars are not people.
    if (/@(resource|group|import)\.calendar\.google\.com$/.test(email)) return;
    if (classifyAddress(email) !== null) return;
    this.seen.add(email);
    this.out.push({ ...c, sourceId: `${c.sourceId}/${email}`, email });
  }
}

/** Single-line, bounded text from a provider field; empty or equal to the address means none. */
export function clean(value: string | null | undefined, email?: string | null): string | null {
  const n = (value ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, 200);
  if (!n || (email && n.toLowerCase() === email.toLowerCase())) return null;
  return n;
}
