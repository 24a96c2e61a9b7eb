/**
 * `addressesIn(field, value)`: the e-mail addresses a stored value holds. The suppression list is keyed by
 * address, and an erased person's address can sit in someone else's values: an `email` line of a colleague's
 * signature, but also "mailto:jane@acme.com" as a website or "Skype: jane@acme.com" as a social handle.
 * Ingest checks these addresses against the suppression list; erasure forgets the values that hold them.
 */

/** The shape of an address as the store keys profiles (trimmed, lower-case, RFC 5321 length limits). */
export const EMAIL_SHAPE = /^[^\s@]{1,64}@[a-z0-9.-]{1,253}$/;

/** What separates an address from the words around it in a value (spaces, angle brackets, quotes, commas). */
const AROUND = /[\s<>()[\]"',;]+/;

/**
 * The addresses `value` (normalised, as stored) holds, lower-case and distinct: the value itself for
 * `email`; for other fields every token shaped like an address. Values are capped at 300 characters
 * (normalise.ts `MAX_VALUE`) and split once: linear work on hostile input.
 */
export function addressesIn(field: string, value: string): string[] {
  if (!value.includes('@')) return [];
  if (field === 'email') return EMAIL_SHAPE.test(value) ? [value] : [];
  const out: string[] = [];
  for (const token of value.split(AROUND)) {
    if (!token.includes('@')) continue;
    const t = token
      .toLowerCase()
      .replace(/^mailto:/, '')
      .replace(/[.:?]+$/, '');
    if (t.length <= 320 && EMAIL_SHAPE.test(t) && !out.includes(t)) out.push(t);
  }
  return out;
}
