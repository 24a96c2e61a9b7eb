/**
 * GDPR Art. 19 mails in the member's language: members who revealed a person are told of a correction and of
 * an erasure in the language sigmine writes to them in: that of a notice we sent to their own address, else
 * the one a notice to their address would be written in (its country domain), else English.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { ingestPage } from '../../src/store/ingest.ts';
import { registerConnection } from '../../src/connections/register.ts';
import { erasePerson } from '../../src/privacy/erase.ts';
import { correctField } from '../../src/privacy/correct.ts';
import { revealContact, searchDirectory } from '../../src/store/member-directory.ts';
import { directoryMember } from '../../src/connections/repository.ts';
import type { ObservationInput } from '../../src/store/types.ts';
import type { NoticeTransport, OutgoingNotice } from '../../src/notices/transport.ts';
import { renderRecipientNotice, sendRecipientNotices } from '../../src/notices/recipient-notices.ts';
import { privacyGate } from '../../src/privacy/gate.ts';
import { loadPolicy } from '../../src/jurisdiction/policy.ts';
import { subjectHash } from '../../src/privacy/subject.ts';

const KEY = 'f1'.repeat(32);
const privacy = { secretKey: KEY, policy: loadPolicy({}), outboxDir: false as const };
/** A member with a German address; one who once got a French notice from us; one we know nothing of. */
const ANNA = 'anna@kanzlei-berg.de';
const LUC = 'luc.moreau@studio.example';
const PAT = 'pat@agency.example';

const obs = (email: string, fields: Record<string, string>): ObservationInput[] =>
  Object.entries(fields).map(([field, value]) => ({
    email,
    field: field as ObservationInput['field'],
    value,
    raw: value,
    source: 'signature',
    observedAt: new Date().toISOString(),
  }));

async function seed(t: TestDatabase) {
  const now = new Date().toISOString();
  const { connection } = await registerConnection(
    t.db,
    { contributorEmail: ANNA, kind: 'mailbox', account: 'a', config: { path: '/a' } },
    null,
  );
  // Dana (US: listed at once) is the person the members reveal; Luc wrote to Anna with a Paris number,
  // so a French notice is queued to him.
  await t.db.transaction().execute((trx) =>
    ingestPage(
      trx,
      { connectionId: connection.id, contributorId: connection.contributorId, now, secretKey: KEY },
      [
        {
          messageKey: '<d@x>',
          observations: obs('dana.cole@northwind-labs.com', {
            name: 'Dana Cole',
            title: 'Head of Procurement',
            company: 'Northwind Labs',
            'phone.work': '+12125550163',
          }),
        },
        {
          messageKey: '<l@x>',
          observations: obs(LUC, {
            name: 'Luc Moreau',
            title: 'Directeur artistique',
            company: 'Studio Moreau',
            'phone.work': '+33142685300',
          }),
        },
      ],
      privacyGate({ policy: loadPolicy({}) }),
    ),
  );
  for (const member of [LUC, PAT]) {
    await registerConnection(
      t.db,
      { contributorEmail: member, kind: 'mailbox', account: 'm', config: { path: '/m' } },
      null,
    );
  }
  // Credits to spend, as a harvest would have paid them.
  for (const c of await t.db.selectFrom('contributors').select('id').execute()) {
    await t.db
      .insertInto('ledger_entries')
      .values({
        id: `grant-${c.id}`,
        contributor_id: c.id,
        kind: 'connection-bonus',
        amount: 50,
        idempotency_key: `grant:${c.id}`,
        connection_id: null,
        profile_id: null,
        created_at: now,
      })
      .execute();
  }
}

describe('Art. 19 mails in the member language', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase('sqlite');
    await seed(t);
  });
  afterEach(async () => t.dispose());

  it('tells each member of a correction and an erasure in their language: German, French, else English', async () => {
    const sent: OutgoingNotice[] = [];
    const transport: NoticeTransport = {
      name: 'memory',
      async send(n) {
        sent.push(n);
        return { providerMessageId: `<${sent.length}@t>` };
      },
    };
    // The notice to Luc is in French (his Paris number).
    const luc = await t.db.selectFrom('notices').select('language').where('recipient', '=', LUC).execute();
    expect(luc).toEqual([{ language: 'fr' }]);
    for (const m of [ANNA, LUC, PAT]) {
      const member = await directoryMember(t.db, m);
      const [dana] = await searchDirectory(t.db, member, 'northwind');
      await revealContact(t.db, member, dana!.id);
    }
    await correctField(t.db, 'dana.cole@northwind-labs.com', 'title', 'COO', privacy);
    await correctField(t.db, 'dana.cole@northwind-labs.com', 'phones', '+12125550100', privacy);
    const send = () =>
      sendRecipientNotices(t.db, {
        transport,
        from: 'privacy@sigmine.example',
        publicUrl: 'https://sigmine.example',
        subjectHashOf: (email) => subjectHash(t.db, email, KEY),
        policy: loadPolicy({}),
      });
    expect((await send()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    const to = (who: string) => sent.filter((m) => m.to === who).at(-1)!;
    expect(to(ANNA)).toMatchObject({
      language: 'de',
      subject: 'Ein Kontakt, den Sie in sigmine abgerufen haben, wurde berichtigt',
    });
    expect(to(ANNA).body).toContain('Diese Person hat folgende Angaben berichtigt: Position, Telefon');
    expect(to(ANNA).body).toContain('Dana Cole <dana.cole@northwind-labs.com>');
    expect(to(ANNA).body).toContain('https://sigmine.example/member/directory');
    expect(to(LUC)).toMatchObject({
      language: 'fr',
      subject: 'Un contact que vous avez consulté dans sigmine a été rectifié',
    });
    expect(to(LUC).body).toContain('rectifié les informations suivantes : fonction, téléphones');
    expect(to(PAT)).toMatchObject({
      language: 'en',
      subject: 'A contact you revealed in sigmine was corrected',
    });
    expect(to(PAT).body).toContain('This person has corrected their title, phones (GDPR Art. 16)');
    // Which text each received is on record: one hash per language.
    expect(new Set([ANNA, LUC, PAT].map((m) => to(m).contentHash)).size).toBe(3);

    await erasePerson(t, 'dana.cole@northwind-labs.com', 'erase', privacy);
    expect((await send()).map((r) => r.kind)).toEqual(['erased', 'erased', 'erased']);
    expect(to(ANNA).subject).toBe('Ein Kontakt, den Sie in sigmine abgerufen haben, wurde gelöscht');
    expect(to(ANNA).body).toContain('Bitte löschen Sie die Kopie');
    expect(to(LUC).subject).toBe('Un contact que vous avez consulté dans sigmine a été effacé');
    expect(to(PAT).subject).toBe('A contact you revealed in sigmine was erased');
  });

  it('a mail rendered without a language is English', async () => {
    const mail = renderRecipientNotice('erased', {
      name: null,
      email: 'x@y.example',
      fields: [],
      directoryUrl: 'https://s.example/member/directory',
    });
    expect(mail).toMatchObject({ language: 'en', subject: 'A contact you revealed in sigmine was erased' });
  });

  it('writes in English when no text exists in the language, and a name cannot inject the other placeholders', () => {
    const mail = renderRecipientNotice(
      'rectified',
      { name: 'Eve {{url}}', email: 'eve@x.example', fields: ['title'], directoryUrl: 'https://s.example/d' },
      'it',
    );
    expect(mail.language).toBe('en');
    expect(mail.body).toContain('Eve {{url}} <eve@x.example>');
    expect(mail.body.match(/https:\/\/s\.example\/d/g)).toHaveLength(1);
  });
});
