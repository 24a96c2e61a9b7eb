/**
 * The text fields as field extraction fills them step by step (name, then address shapes, titles and
 * units, then the organisation), and the candidates one step hands to the next. Each step is a pure
 * function: it returns a new draft and never changes the one it was given.
 */
import type { Contact } from '../types.ts';

export type Draft = Pick<Contact, 'name' | 'title' | 'department' | 'company' | 'address'>;

export function emptyDraft(): Draft {
  return { name: null, title: null, department: null, company: null, address: null };
}

/** A cell that may name the organisation: `legal` (a legal form) beats `strong` (an institution word or the sender's domain) beats the rest. */
export interface OrgCandidate {
  i: number;
  text: string;
  strong: boolean;
  legal?: boolean;
}

/**
 * "Senior Consultant, Supply Chain Advisory": a heading beside the title that names a function; it
 * becomes the unit (and `title` the title) only once a company is found elsewhere.
 */
export interface LooseUnit {
  i: number;
  title: string;
  unit: string;
}
