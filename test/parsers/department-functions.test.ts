// A cell that is a business function names a unit: up to two qualifiers, a function, optionally a
// conjunction and a second function (parsers/department.ts). The cell is read whole, case-insensitively.
import { describe, expect, it } from 'vitest';
import { isDepartment, looksLikeDepartment } from '../../parsers/department.ts';

describe('a cell written as a business function', () => {
  it.each([
    'Human Resources',
    'Global Supply Chain',
    'Corporate Global Banking',
    'Legal & Compliance',
    'Legal AND Compliance',
    'Procurement & Contracts',
    'Global Marketing and Sales',
    'Sales & Marketing',
    'Recursos Humanos y Finanzas',
    'Vertrieb und Verträge',
  ])('is a unit: %s', (cell) => {
    expect(looksLikeDepartment(cell)).toBe(true);
  });

  it.each([
    // three qualifiers are a sentence, not a heading
    'Corporate Global International Banking',
    // "Contracts" only ever follows a function
    'Contracts & Procurement',
    // the words of a cell are single-spaced, and a conjunction needs its second function
    'Marketing  & Sales',
    'Human  Resources',
    'Legal &',
    'Finance and',
    // a function with another word around it is a heading, not the function itself
    'Sales Nord',
  ])('is no unit: %s', (cell) => {
    expect(looksLikeDepartment(cell)).toBe(false);
  });

  it.each([
    // A university's institute under its faculty (cs).
    'Ústav mezinárodního práva',
    // Two units written as one heading, parted by a spaced slash.
    'Wareneingangsprüfung / Lieferantenqualität',
    'Procurement / Logistics',
  ])('is a unit heading: %s', (cell) => {
    expect(isDepartment(cell)).toBe(true);
  });
});
