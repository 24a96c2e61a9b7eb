/**
 * Credits in words for the member dashboard: what each ledger entry kind means, the totals per kind, and how
 * credits are earned and spent, with the amounts of the credit policy (src/credits/policy.ts), so the page
 * never shows a raw `contact-listed 10` row and never states an amount the ledger does not pay. Pure.
 */
import type { CreditPolicy } from '../credits/policy.ts';
import type { LedgerKind } from '../store/tables.ts';

/** What one entry of each kind is, in words (singular, plural). */
const KIND_WORDS: Record<LedgerKind, [string, string]> = {
  'connection-bonus': ['bonus for connecting a source', 'bonuses for connecting a source'],
  'contact-listed': ['contact you supplied was listed', 'contacts you supplied were listed'],
  'field-confirmed': ['new detail you supplied was confirmed', 'new details you supplied were confirmed'],
  'opt-out-forfeit': ['balance forfeited on opting out', 'balances forfeited on opting out'],
  spend: ['contact revealed in the directory', 'contacts revealed in the directory'],
};

/** One ledger entry kind in words; an unknown kind is shown as it is. */
export function creditKindWords(kind: string): string {
  return KIND_WORDS[kind as LedgerKind]?.[0] ?? kind;
}

export interface CreditLine {
  kind: string;
  count: number;
  credits: number;
  /** "3 contacts you supplied were listed: +30 credits". */
  text: string;
}

/** Totals per kind, in the order members care about (earned first, then spent and forfeited). */
export function creditSummary(entries: ReadonlyArray<{ kind: string; amount: number }>): CreditLine[] {
  const order = Object.keys(KIND_WORDS);
  const by = new Map<string, { count: number; credits: number }>();
  for (const e of entries) {
    const t = by.get(e.kind) ?? { count: 0, credits: 0 };
    t.count += 1;
    t.credits += e.amount;
    by.set(e.kind, t);
  }
  return [...by.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([kind, t]) => {
      const [one, many] = KIND_WORDS[kind as LedgerKind] ?? [kind, kind];
      const sign = t.credits > 0 ? '+' : '';
      return { kind, ...t, text: `${t.count} ${t.count === 1 ? one : many}: ${sign}${t.credits} credit(s)` };
    });
}

/** How credits are earned and spent, with the policy's amounts. */
export function howCreditsWork(p: Readonly<CreditPolicy>): string[] {
  return [
    `+${p.connectionBonus} once per source you connect (a mailbox, calendar or address book), after its first harvest that reads something from it, however often it is reconnected.`,
    `+${p.contactListed} for each business contact you supplied when it is listed in the directory (after its notice and objection window where the law asks for one).`,
    `+${p.fieldConfirmed} when a new detail you supplied (a new title, phone, address...) becomes a listed contact's current value.`,
    `-${p.reveal} to reveal a listed contact's e-mail address and phones in the directory; searching is free, and revealing the same contact again costs nothing.`,
    ...(p.forfeitOnOptOut ? ['Opting out forfeits the whole balance.'] : []),
  ];
}
