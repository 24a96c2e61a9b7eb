import { describe, expect, it } from 'vitest';
import { decide, decideStructured, count, looksLikePersonName } from '../../src/pipeline/decide.ts';
import { emptyCounts } from '../../src/pipeline/types.ts';
import { extractMinimal } from '../../parsers/extract.ts';
import { classifyAddress } from '../../parsers/sender-class.ts';
import { sampleMessages } from '../helpers/sample-mailbox.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const messages = sampleMessages();
const bySender = (email: string) => messages.find((m) => m.headers['from']?.includes(email))!;

describe('the pipeline decision', () => {
  it('turns a business signature into signature observations dated by the message, plus the From name', () => {
    const m = bySender('julien.marchand@atelier-lumiere.example');
    const d = decide(extractMinimal(m), m, NOW);
    expect(d.skipped).toBeNull();
    expect(d.item.messageKey).toMatch(/^<sample-002\./);
    const obs = d.item.observations;
    expect(obs.every((o) => o.email === 'julien.marchand@atelier-lumiere.example')).toBe(true);
    expect(obs.every((o) => o.observedAt === new Date(m.date!).toISOString())).toBe(true);
    expect(obs).toContainEqual(
      expect.objectContaining({ field: 'name', raw: 'Julien Marchand', source: 'header' }),
    );
    expect(obs.filter((o) => o.source === 'signature').map((o) => o.field)).toEqual(
      expect.arrayContaining(['title', 'phone.work']),
    );
  });

  it('discards free-mail, bulk and role senders without a single observation, and counts why', () => {
    const counts = emptyCounts();
    for (const who of [
      'jenny.walsh84@gmail.com',
      'team.updates@growthly.example',
      'support@cloudvault.example',
    ]) {
      const m = bySender(who);
      const d = decide(extractMinimal(m), m, NOW);
      expect(d.item.observations).toEqual([]);
      count(counts, d, 'message');
    }
    expect(counts).toMatchObject({
      messages: 3,
      observations: 0,
      discarded: { 'free-email': 1, bulk: 1, 'role-account': 1 },
    });
  });

  it('keeps the From name of a sender who only signs off, and nothing quoted from the other party', () => {
    const m = bySender('tom.becker@granite-build.example');
    const d = decide(extractMinimal(m), m, NOW);
    expect(d.item.observations.map((o) => [o.field, o.source, o.raw])).toEqual([
      ['name', 'header', 'Tom Becker'],
    ]);
  });

  it('falls back to the provider id as the replay key when a message has no Message-ID', () => {
    const m = { ...bySender('lee.morgan@quietharbor.example'), sourceId: 'gmail:18c0abc' };
    const r = { ...extractMinimal(m), messageId: null };
    expect(decide(r, m, NOW).item.messageKey).toBe('source:gmail:18c0abc');
  });

  it('does not take an address or a placeholder for a person’s name', () => {
    expect(looksLikePersonName('ann@acme.example', 'ann@acme.example')).toBe(false);
    expect(looksLikePersonName('ann', 'ann@acme.example')).toBe(false);
    expect(looksLikePersonName('12345', 'x@acme.example')).toBe(false);
    expect(looksLikePersonName('Ann Lee', 'ann@acme.example')).toBe(true);
  });

  it('keeps a calendar attendee at a business address and discards a role address from an address book', () => {
    const attendee = decideStructured(
      {
        sourceId: 'ev1',
        source: 'calendar',
        email: 'Ola.Nordmann@fjord-furniture.example',
        fields: { name: 'Ola Nordmann' },
        date: '2025-05-01T10:00:00Z',
      },
      classifyAddress,
      NOW,
    );
    expect(attendee.item).toEqual({
      messageKey: 'calendar:ev1',
      observations: [
        {
          email: 'ola.nordmann@fjord-furniture.example',
          field: 'name',
          value: 'ola nordmann',
          raw: 'Ola Nordmann',
          source: 'calendar',
          observedAt: '2025-05-01T10:00:00.000Z',
        },
      ],
    });
    const role = decideStructured(
      {
        sourceId: 'c9',
        source: 'address-book',
        email: 'info@citymuseum.example',
        fields: { company: 'City Museum' },
        date: null,
      },
      classifyAddress,
      NOW,
    );
    expect(role).toMatchObject({ skipped: 'role-account', item: { observations: [] } });
  });
});
