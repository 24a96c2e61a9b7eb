/**
 * The annotation format of every corpus (`gold.jsonl` beside the `.eml` files, one message per line),
 * read by the accuracy bench and the labeller's trainer. A module of its own so that the trainer does
 * not import the bench, which imports the trainer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contact } from '../parsers/types.ts';

export interface GoldPhone {
  type: string;
  number: string;
}
export interface Gold {
  file: string;
  has_signature: boolean;
  signature_lines: string[];
  fields: Omit<Contact, 'phones'> & { phones: GoldPhone[] };
  sender: string;
  free_mail: boolean;
  /** The sender is automated and sigmine discards it by design (scoring rules: bench/accuracy.ts). */
  expect_discard?: 'bulk' | 'role';
}

/** The annotations of a corpus directory (`gold.jsonl`, one message per line). */
export function readGold(dir: string): Gold[] {
  return readFileSync(join(dir, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Gold);
}
