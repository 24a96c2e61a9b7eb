/**
 * Sign-offs that name the sender by a short form of their name (parsers/signs-as-sender.ts): a given
 * name, a prefix of it, a nickname from the lexicons, or the address's initials; and what does not.
 */
import { describe, expect, it } from 'vitest';
import { signsAsSender } from '../../parsers/signs-as-sender.ts';

const william = { name: null, email: 'william.hartley@ridgeway.example' };
const kimberly = { name: 'Kimberly Osei', email: 'kosei@ridgeway.example' };
const doe = { name: 'Doe, Jane', email: 'jdoe@ridgeway.example' };

describe('signsAsSender', () => {
  const rows: [string, string, { name: string | null; email: string | null }, boolean][] = [
    ['the given name from first.last@', 'William', william, true],
    ['a nickname of it', 'Bill', william, true],
    ['a nickname and an extension', 'Bill x3-0412', william, true],
    ['lower case', 'bill', william, true],
    ['the initials of first.last@, in capitals', 'WH    3-0412', william, true],
    ['a prefix of the display name', 'Kim x31647', kimberly, true],
    ['the given name of a "Family, Given" display name', 'Jane', doe, true],
    ['another name', 'Robert', william, false],
    ['a two-letter prefix (too short to say anything)', 'Wi', william, false],
    ['initials in lower case', 'wh', william, false],
    ['a sentence that opens with the name', 'William will call you back tomorrow morning', william, false],
    ['a nickname of someone else', 'Bob', william, false],
    [
      "the name after an engineer's title (Arabic م.)",
      'م. سالم بن خلفان الحارثي',
      { name: 'سالم الحارثي', email: 's.alharthi@refinery.example' },
      true,
    ],
    ['the name after "Dr."', 'Dr. William Hart', william, true],
    ['a title alone', 'Dr.', william, false],
  ];
  for (const [what, line, from, want] of rows)
    it(`${want ? 'matches' : 'does not match'} ${what}: "${line}"`, () => {
      expect(signsAsSender(line, from)).toBe(want);
    });
});
