/**
 * The synthetic page items of bench:store: person i has a name, title, company, work phone and website
 * (5 observations), one message each; ten people per company domain on average. `from` offsets the people,
 * so writers given disjoint ranges bring disjoint new contacts.
 */
import type { ObservationInput, PageItem } from '../src/store/types.ts';

const TITLES = [
  'Sales Manager',
  'CTO',
  'Head of Procurement',
  'Account Executive',
  'Engineer',
  'Office Manager',
];
const TLDS = ['com', 'de', 'co.uk', 'fr', 'com.br', 'ca', 'io', 'nl'];

export function synthetic(people: number, from = 0, domains = people): PageItem[] {
  const items: PageItem[] = [];
  for (let i = from; i < from + people; i++) {
    const d = i % Math.max(1, Math.floor(domains / 10));
    const domain = `company${d}.${TLDS[d % TLDS.length]}`;
    const email = `person${i}@${domain}`;
    const at = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString();
    const phone = `+1212555${String(i % 10_000).padStart(4, '0')}`;
    const obs = (field: ObservationInput['field'], raw: string, value = raw): ObservationInput => ({
      email,
      field,
      value: value.toLowerCase(),
      raw,
      source: field === 'name' ? 'header' : 'signature',
      observedAt: at,
    });
    items.push({
      messageKey: `<bench-${i}@${domain}>`,
      observations: [
        obs('name', `Person ${i}`),
        obs('title', TITLES[i % TITLES.length]!),
        obs('company', `Company ${d} Ltd`),
        obs('phone.work', phone, phone),
        obs('website', `https://www.${domain}`, domain),
      ],
    });
  }
  return items;
}
