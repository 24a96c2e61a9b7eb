/**
 * Contact fields from the lines of a signature block: name, title, department, company, phones, e-mails,
 * websites, social profiles and business address, as written.
 *
 * Precision beats recall: a field is only filled when its line carries clear evidence (title vocabulary,
 * company suffix or the sender's domain name, address shapes, phone labels). Multi-column blocks are
 * read cell by cell. The steps are pure functions in ./fields/ (cells, contacts, name, address, title and
 * unit, company), run here in order; every pattern is linear-time and lines are capped (see lines.ts).
 */
import type { Address, Contact } from './types.ts';
import { defaultRegion } from './phones.ts';
import { urlsOfBlock } from './urls.ts';
import { readRows, splitCells, textCells } from './fields/cells.ts';
import { emailsOfCells, phonesOfRows } from './fields/contacts.ts';
import { emptyDraft } from './fields/draft.ts';
import { findName } from './fields/name.ts';
import { addressOf, markAddresses } from './fields/address.ts';
import { readTitles, unitBesideTitle } from './fields/title.ts';
import { chooseCompany, orgLabels } from './fields/company.ts';
import { secondVersionCells } from './fields/versions.ts';

/** Business contact fields stated by the signature lines (see Contact). */
export function extractFields(lines: string[], from: Address): Contact {
  const labels = orgLabels(lines, from);
  const rows = readRows(lines);
  const cells = splitCells(rows);
  const phones = phonesOfRows(rows, defaultRegion(from.email, lines.join('\n')));
  const emails = emailsOfCells(cells);
  const { websites, social } = urlsOfBlock(lines, from);

  // Text cells: what is left once contact material is removed.
  const texts = textCells(cells);
  const named = findName(texts, from, labels, emptyDraft());
  const used = new Set<number>(named.index >= 0 ? [named.index] : []);
  // A block written twice in two scripts: the second version's name and title lines translate the first.
  for (const j of secondVersionCells(texts, named.index)) used.add(j);
  const marked = markAddresses(texts, named.draft, used, labels);
  const besideTitle = unitBesideTitle(texts, marked.isAddr, from);
  const titled = readTitles({
    texts,
    isAddr: marked.isAddr,
    used: marked.used,
    draft: marked.draft,
    nameRow: named.nameRow,
    labels,
    besideTitle,
  });
  const org = chooseCompany({
    texts,
    isAddr: marked.isAddr,
    used: titled.used,
    draft: titled.draft,
    orgCands: titled.orgCands,
    looseUnit: titled.looseUnit,
    titleRow: titled.titleRow,
    labels,
    besideTitle,
  });
  const d = addressOf(org.texts, org.isAddr, org.draft);
  return {
    name: d.name,
    title: d.title,
    department: d.department,
    company: d.company,
    phones,
    emails,
    websites,
    social,
    address: d.address,
  };
}
