/**
 * Small builders for the store suites: contributors with a connection, and signature observations as the
 * pipeline produces them (through `contactToObservations`, the shared mapping).
 */
import type { Kysely } from 'kysely';
import { emptyContact, type Contact } from '../../parsers/types.ts';
import type { DB } from '../../src/db/schema.ts';
import { contactToObservations } from '../../src/store/normalise.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import type { PageItem, PageIngestOutcome } from '../../src/store/types.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { testPolicy } from './privacy-options.ts';

/** The privacy side the store is handed, as the harvest builds it. */
const gate = privacyGate({ policy: testPolicy });

export interface Member {
  contributorId: string;
  connectionId: string;
  email: string;
}

export async function addMember(
  db: Kysely<DB>,
  name: string,
  now = '2026-01-01T00:00:00.000Z',
): Promise<Member> {
  const email = `${name}@members.example.org`;
  await db
    .insertInto('contributors')
    .values({ id: `u-${name}`, email, created_at: now })
    .execute();
  await db
    .insertInto('connections')
    .values({
      id: `k-${name}`,
      contributor_id: `u-${name}`,
      kind: 'mailbox',
      account: email,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { contributorId: `u-${name}`, connectionId: `k-${name}`, email };
}

/** One message from `email` whose signature states `fields`, dated `date`. */
export function signed(
  messageId: string | null,
  email: string,
  date: string,
  fields: Partial<Contact>,
): PageItem {
  return {
    messageKey: messageId,
    observations: contactToObservations(email, { ...emptyContact(), ...fields }, 'signature', date),
  };
}

export function ingest(
  db: Kysely<DB>,
  m: Member,
  items: PageItem[],
  now = '2026-11-01T00:00:00.000Z',
  secretKey: string | null = null,
): Promise<PageIngestOutcome> {
  return db
    .transaction()
    .execute((trx) =>
      ingestPage(
        trx,
        { connectionId: m.connectionId, contributorId: m.contributorId, now, secretKey },
        items,
        gate,
      ),
    );
}

/** A US contact (jurisdiction not held: listed at once) and an EU one (held: pending). */
export const US_PHONE = { type: 'work' as const, e164: '+12125550142', raw: '+1 (212) 555-0142' };
export const DE_PHONE = { type: 'work' as const, e164: '+493012345678', raw: '+49 30 12345678' };
