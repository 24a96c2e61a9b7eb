/** Dry-run accumulator: what a connection would contribute, per contact, kept in memory only. */
import type { ObservationInput } from '../store/types.ts';
import { BUSINESS_FIELDS } from '../store/types.ts';
import type { PreviewContact } from './types.ts';

/** Caps the preview (a dry run over a large mailbox must stay bounded in memory). */
const MAX_CONTACTS = 10_000;

export class Preview {
  private readonly byEmail = new Map<string, PreviewContact & { at: Record<string, string> }>();
  /** Contacts some observation gave a business field (what makes a new contact; see BUSINESS_FIELDS). */
  private readonly business = new Set<string>();

  /** Emails with at least one business field: a header name alone makes no new contact. */
  businessEmails(): ReadonlySet<string> {
    return this.business;
  }

  get size(): number {
    return this.byEmail.size;
  }

  add(observations: ObservationInput[]): void {
    const seenHere = new Set<string>();
    for (const o of observations) {
      let c = this.byEmail.get(o.email);
      if (!c) {
        if (this.byEmail.size >= MAX_CONTACTS) continue;
        c = {
          email: o.email,
          name: null,
          title: null,
          company: null,
          phones: [],
          websites: [],
          seen: 0,
          at: {},
        };
        this.byEmail.set(o.email, c);
      }
      if (BUSINESS_FIELDS.has(o.field)) this.business.add(o.email);
      if (!seenHere.has(o.email)) {
        seenHere.add(o.email);
        c.seen++;
      }
      if (o.field === 'name' || o.field === 'title' || o.field === 'company') {
        // Newest value wins, and a signature beats the From header for the name.
        const prev = c.at[o.field];
        if (!prev || o.observedAt >= prev || (o.field === 'name' && o.source === 'signature')) {
          c[o.field] = o.raw;
          c.at[o.field] = o.observedAt;
        }
      } else if (o.field.startsWith('phone.') && !c.phones.includes(o.raw)) c.phones.push(o.raw);
      else if (o.field === 'website' && !c.websites.includes(o.raw)) c.websites.push(o.raw);
    }
  }

  contacts(): PreviewContact[] {
    return [...this.byEmail.values()]
      .map(({ at: _at, ...c }) => c)
      .sort((a, b) => a.email.localeCompare(b.email));
  }
}
