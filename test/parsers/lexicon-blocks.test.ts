// One signature block per language whose lexicon (parsers/lexicon/) names its title, unit, phone labels
// and street words: invented people and companies, written as a native business-mail reader would.
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../parsers/fields.ts';

interface Want {
  name: string;
  title: string;
  department?: string;
  company: string;
  /** Phone types in the order of the block. */
  types: string[];
  address?: string;
}

const BLOCKS: { lang: string; from: { name: string; email: string }; lines: string[]; want: Want }[] = [
  {
    lang: 'el',
    from: { name: 'Ελένη Δημητρίου', email: 'eleni.dimitriou@thalassini.example' },
    lines: [
      'Ελένη Δημητρίου',
      'Υπεύθυνη Εξαγωγών',
      'Τμήμα Εξαγωγών',
      'Θαλασσινή Λογιστική Α.Ε.',
      'Λεωφ. Κηφισίας 124, 115 26 Αθήνα',
      'Τηλ.: +30 210 555 0142',
      'Κιν.: +30 697 555 0143',
      'Φαξ: +30 210 555 0144',
    ],
    want: {
      name: 'Ελένη Δημητρίου',
      title: 'Υπεύθυνη Εξαγωγών',
      department: 'Τμήμα Εξαγωγών',
      company: 'Θαλασσινή Λογιστική Α.Ε.',
      types: ['work', 'mobile', 'fax'],
      address: 'Λεωφ. Κηφισίας 124, 115 26 Αθήνα',
    },
  },
];

describe('a signature block in each language of the lexicons', () => {
  it.each(BLOCKS)(
    '$lang: reads name, title, unit, company, typed phones and address',
    ({ lines, from, want }) => {
      const c = extractFields(lines, from);
      expect({
        name: c.name,
        title: c.title,
        department: c.department ?? undefined,
        company: c.company,
        types: c.phones.map((p) => p.type),
        address: c.address ?? undefined,
      }).toEqual(want);
    },
  );
});
