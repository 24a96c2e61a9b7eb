/**
 * The credit policy: the ONE place where credit amounts and rules live (documented in docs/credits.md).
 * Change amounts here; the ledger functions in src/store/ledger.ts read nothing else.
 */
export interface CreditPolicy {
  /** Once per mailbox/source (contributor + kind + account), however often it is reconnected. */
  connectionBonus: number;
  /** Per contact, when it becomes LISTED, to each distinct contributor who supplied it before listing. */
  contactListed: number;
  /**
   * Per (listed contact, field, value), to the contributor whose observation made a NEW value win a field
   * of an already listed contact (a new phone, a job change...). Not for values present at listing time.
   */
  fieldConfirmed: number;
  /** Fields that earn `fieldConfirmed` (name changes and header-only fields do not). */
  fieldConfirmedFields: readonly string[];
  /** On opt-out the whole positive balance is forfeited (one `opt-out-forfeit` entry of minus the balance). */
  forfeitOnOptOut: boolean;
  /** Opted-out contributors earn nothing more. */
  creditOptedOut: boolean;
  /**
   * Spent by a member to reveal a listed contact's e-mail and phones in the member directory; once per
   * (member, contact): revealing the same contact again is free.
   */
  reveal: number;
}

export const DEFAULT_CREDIT_POLICY: Readonly<CreditPolicy> = Object.freeze({
  connectionBonus: 50,
  contactListed: 10,
  fieldConfirmed: 2,
  fieldConfirmedFields: Object.freeze([
    'title',
    'company',
    'department',
    'address',
    'phone.work',
    'phone.mobile',
    'phone.fax',
    'phone.other',
    'website',
    'social',
  ]),
  forfeitOnOptOut: true,
  creditOptedOut: false,
  reveal: 5,
});
