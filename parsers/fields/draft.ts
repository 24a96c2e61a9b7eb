/**
 * The text fields as field extraction fills them step by step (name, then address shapes, titles and
 * units, then the organisation), and the candidates one step hands to the next. Each step is a pure
 * function: it returns a new draft and never changes the one it was given.
 */
import type { Contact } from '../types.ts';
import { startsWithUnitWord } from '../department.ts';
import { hasLatinLetters } from '../lines.ts';

export type Draft = Pick<Contact, 'name' | 'title' | 'department' | 'company' | 'address'> & {
  /**
   * Row of the line the department was read from when it is a unit written on its own or on the name's
   * line: a unit on the next line continues it ("Human Resources" / "Graduate Program" gives "Human
   * Resources, Graduate Program"). Unset when the department came from anywhere else.
   */
  unitRow?: number;
  /**
   * A CJK rank written beside the name ("김민준 과장", "林志明 醫師"): the title unless a line of the block
   * writes one ("心臟內科 主治醫師"), read by the title step.
   */
  rankTitle?: string;
};

/** A university's faculty or school, in the lexicons' languages: the level above a department. */
const FACULTY_RE =
  /^(?:faculty|school|college) of\b|\bfaculty$|fakültesi$|^faculté\b|^fakultät\b|^wydział\b|^facultad\b|^facoltà\b|^faculdade\b|^คณะ/iu;

const RESEARCH_UNIT_RE =
  /research group|laborator|\blab\b|\bgroup$|^(?:school|department|faculty|college) of/i;

/**
 * A unit read from its own line (or the name's line) at `row`: the department when none is set, else the
 * next level of it when the unit before was read on the row just above ("Programme Division" / "Department
 * of International Economic Relations" gives both, joined with ", "). A unit further away leaves the
 * department alone, and so do: a unit opening with its own unit word under a research group, a laboratory
 * or a school ("Department of Physics": another affiliation's unit, or a higher academic level the
 * annotations leave out); a faculty or school below the department (the level above it); the same unit
 * written again in another script (its translation). Changes `c` in place: a step calls it on its own copy
 * of the draft.
 */
export function addUnitLine(c: Draft, unit: string, row: number): void {
  if (!c.department) {
    c.department = unit;
    c.unitRow = row;
  } else if (
    (c.unitRow === row - 1 || c.unitRow === row) &&
    !c.department.includes(unit) &&
    !(startsWithUnitWord(unit) && RESEARCH_UNIT_RE.test(c.department)) &&
    // "Endüstri Mühendisliği Bölümü" / "Mühendislik Fakültesi": a faculty above a department is the higher level.
    !FACULTY_RE.test(unit) &&
    // "إدارة المخاطر" / "Risk Management Department": a translation, not a lower level.
    hasLatinLetters(c.department) === hasLatinLetters(unit)
  ) {
    c.department = `${c.department}, ${unit}`;
    c.unitRow = row;
  }
}

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
