/**
 * Turning Graph people (event organizers/attendees, contacts) into StructuredContacts: free-email, role
 * and unusable addresses are discarded here, the mailbox owner is skipped (they are the contributor),
 * and one address appears once per page. `sourceId` becomes per person (`<item id>/<email>`): the harvest
 * keys idempotency on it, so an event's second attendee is not mistaken for a replay of its first.
 */
import { classifyAddress, mailboxAddress } from '../../parsers/sender-class.ts';
import type { StructuredContact } from '../types.ts';

export class ContactCollector {
  readonly out: StructuredContact[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly owner: string) {}

  add(c: Omit<StructuredContact, 'email'> & { email: string | null | undefined }): void {
    const email = mailboxAddress(c.email);
    if (!email || email === this.owner.toLowerCase() || this.seen.has(email)) return;
    if (classifyAddress(email) !== null) return;
    this.seen.add(email);
    this.out.push({ ...c, sourceId: `${c.sourceId}/${email}`, email });
  }
}

/** Display names from Graph, single line and bounded; a name equal to the address is no name. */
export function cleanName(name: string | null | undefined, email: string | null | undefined): string | null {
  const n = (name ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .slice(0, 200);
  if (!n || n.toLowerCase() === (email ?? '').toLowerCase()) return null;
  return n;
}
